/**
 * The web preferences every Firstline window is created with. The shell's single window factory
 * (main/windows.ts) writes them out literally, as auditors expect; test/unit/shell/window-security
 * fails when the two differ.
 */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  disableBlinkFeatures: 'Auxclick',
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
