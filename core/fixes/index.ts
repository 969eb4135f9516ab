/**
 * The guided fixes' actions, all loaded: what the CLI, the scripts and the tests register next to
 * the engine's built-ins (core/action-registry.ts). The app loads the same modules on first use
 * through the table in modules.ts instead.
 */
import type { ActionDefinition } from '../engine/action.ts';
import { createRegistry, type ActionRegistry } from '../engine/registry.ts';
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

export { fixLinks } from './modules.ts';

export function fixesRegistry(): ActionRegistry {
  return createRegistry(fixActions);
}

export { networkProbesConfigSchema, type NetworkProbesConfig } from './network/config.ts';
