/** Applies core's autostart decision (policy `autostart`) with the mechanism of each OS. */
import { app } from 'electron';
import { applyXdgAutostart, decideAutostart } from '../core/policy/autostart.ts';
import type { EffectivePolicy } from '../core/policy/resolve.ts';
import type { Platform } from '../core/kernel/platform.ts';

export function applyAutostart(policy: EffectivePolicy, platform: Platform): void {
  // An AppImage runs from a new /tmp/.mount_* folder each time; $APPIMAGE is the file itself.
  const execPath = (platform === 'linux' && process.env.APPIMAGE) || process.execPath;
  const decision = decideAutostart(policy, { platform, packaged: app.isPackaged, execPath });
  if (decision.mechanism === 'login-item') app.setLoginItemSettings(decision.loginItemSettings);
  else if (decision.mechanism === 'xdg-autostart') applyXdgAutostart(decision, process.env);
}
