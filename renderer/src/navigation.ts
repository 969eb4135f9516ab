/** The screens of the window. Kept as data so the header, the tray event and tests agree. */
export type Screen =
  | { name: 'home' }
  | { name: 'run'; troubleshooterId: string; title: string }
  | { name: 'ticket'; runId?: string; troubleshooterId?: string; title?: string }
  | { name: 'history' }
  | { name: 'settings' };

export type Navigate = (screen: Screen) => void;
