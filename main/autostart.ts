/** Applies core's autostart decision (policy `autostart`) with the mechanism of each OS. */
import { app } from 'electron';
import { applyXdgAutostart, decideAutostart } from '../core/policy/autostart.ts';
import type { EffectivePolicy } from '../core/policy/resolve.ts';
import type { Platform } from '../core/engine/action.ts';

export function applyAutostart(policy: EffectivePolicy, platform: Platform): void {
  const decision = decideAutostart(policy, { platform, packaged: app.isPackaged, execPath: process.execPath });
  if (decision.mechanism === 'login-item') app.setLoginItemSettings(decision.loginItemSettings);
  else if (decision.mechanism === 'xdg-autostart') applyXdgAutostart(decision, process.env);
}
