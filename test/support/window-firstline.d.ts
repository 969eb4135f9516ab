// Lets Playwright's page.evaluate callbacks see the bridge the page exposes.
import type { FirstlineBridge } from '../../contract/bridge.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    firstline: FirstlineBridge;
  }
}
export {};
