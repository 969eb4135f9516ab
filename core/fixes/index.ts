/**
 * The guided fixes' actions (network, printer queue, Teams cache, password reset), registered by
 * the composition root next to the engine's built-ins:
 * `composeRegistries(builtinRegistry(), createRegistry(fixActions))`.
 */
import type { ActionDefinition } from '../engine/action.ts';
import { createRegistry, type ActionRegistry } from '../engine/registry.ts';
import { passwordResetPage } from './password/reset-url.ts';
import { networkActions } from './network/actions.ts';
import { printerActions } from './printer/actions.ts';
import { teamsActions } from './teams/actions.ts';
import { passwordActions } from './password/actions.ts';
import { diskActions } from './disk/actions.ts';
import { clockActions } from './clock/actions.ts';
import { vpnActions } from './vpn/actions.ts';
import { slowActions } from './slow/actions.ts';

import { soundActions } from './sound/actions.ts';
import { cameraActions } from './camera/actions.ts';
import { oneDriveActions } from './onedrive/actions.ts';
import { outlookActions } from './outlook/actions.ts';
export const fixActions: readonly ActionDefinition[] = [
  ...networkActions,
  ...printerActions,
  ...teamsActions,
  ...passwordActions,
  ...diskActions,
  ...clockActions,
  ...vpnActions,
  ...slowActions,
  ...soundActions,
  ...cameraActions,
  ...oneDriveActions,
  ...outlookActions,
] as unknown as readonly ActionDefinition[];

/** What the composition root needs to know of the fixes besides their actions: pages they open without a policy URL (to allowlist them). */
export const fixLinks = { passwordResetPage } as const;

export function fixesRegistry(): ActionRegistry {
  return createRegistry(fixActions);
}

export { networkProbesConfigSchema, type NetworkProbesConfig } from './network/config.ts';
