/**
 * The web preferences every Firstline window is created with. Kept as plain data here so a
 * Node test can assert them; the shell's single window factory spreads them unchanged.
 */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

/** The app's own origin (custom protocol); the only origin a trusted sender may have. */
export const appScheme = 'app';
export const appHost = 'firstline';
export const appOrigin = `${appScheme}://${appHost}`;

export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${appScheme}:` && url.host === appHost;
  } catch {
    return false;
  }
}
