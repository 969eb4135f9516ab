/**
 * When the employee opened Firstline's window (issue 15: "time from opening Firstline to a fix").
 * Both hosts report the window the same way — Electron when the popover is shown or hidden
 * (tray click, menu, second start), the browser host when the page's live connection opens or
 * closes — and a run takes the opening it started in. A window that was hidden again is no
 * opening: a run started later (from a notification, the CLI) is measured from its own start.
 */
export type WindowState = 'shown' | 'hidden';

export type OpeningClock = {
  /** The window was shown or hidden now. Showing an already shown window keeps the first time. */
  window(state: WindowState): void;
  /** The opening a run starting now belongs to, if the window is open. */
  current(): Date | undefined;
};

export function createOpeningClock(now: () => Date = () => new Date()): OpeningClock {
  let openedAt: Date | undefined;
  return {
    window(state) {
      if (state === 'hidden') openedAt = undefined;
      else openedAt ??= now();
    },
    current: () => openedAt,
  };
}
