/** The screens of the window. Kept as data so the header, the tray event and tests agree. */
export type Screen =
  | { name: 'home' }
  | { name: 'run'; troubleshooterId: string; title: string }
  /**
   * `text`: what the employee typed in search before choosing "I can't find my problem". `articleId`: "Contact IT" from a how-to.
   * `callback`: the employee asked IT to call them back ("Rather talk to a person?"), so the number is required.
   */
  | { name: 'ticket'; runId?: string; troubleshooterId?: string; title?: string; text?: string; articleId?: string; callback?: boolean }
  | { name: 'article'; articleId: string; title?: string }
  | { name: 'history'; tab?: 'runs' | 'tickets' }
  | { name: 'settings' };

export type Navigate = (screen: Screen) => void;
