/**
 * Where the popover window goes: next to the tray icon, inside the work area of that display.
 * Taskbars sit at any edge on Windows, at the top on macOS, anywhere on Linux; the work area
 * tells which edge is taken.
 */
export type Rect = { x: number; y: number; width: number; height: number };

export function popoverPosition(tray: Rect, workArea: Rect, size: { width: number; height: number }, gap = 8): { x: number; y: number } {
  const trayCenterX = tray.x + tray.width / 2;
  const trayCenterY = tray.y + tray.height / 2;
  const bottomSpace = workArea.y + workArea.height - (tray.y + tray.height);
  const topSpace = tray.y - workArea.y;
  let x = Math.round(trayCenterX - size.width / 2);
  let y = topSpace > bottomSpace ? tray.y - size.height - gap : tray.y + tray.height + gap;
  // A tray on a vertical taskbar (left/right edge): put the window beside it instead.
  if (tray.x + tray.width <= workArea.x) x = workArea.x + gap;
  if (tray.x >= workArea.x + workArea.width) x = workArea.x + workArea.width - size.width - gap;
  if (tray.x + tray.width <= workArea.x || tray.x >= workArea.x + workArea.width) y = Math.round(trayCenterY - size.height / 2);
  x = clamp(x, workArea.x + gap, workArea.x + workArea.width - size.width - gap);
  y = clamp(y, workArea.y + gap, workArea.y + workArea.height - size.height - gap);
  return { x, y };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}
