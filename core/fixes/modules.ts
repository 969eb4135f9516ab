/**
 * The guided fixes' actions as lazily loaded modules: the names each module defines, and how to
 * load it. The app's registry (core/action-registry.ts) is built from this table, so starting the
 * app loads none of the fixes' code; a fix's module is imported when a troubleshooter that uses it
 * runs or is checked. test/unit/engine/lazy-registry.test.ts proves each entry names exactly what
 * its module defines, and that the table covers `fixActions` (core/fixes/index.ts).
 *
 * Adding a fix: add its actions to `fixActions` in index.ts and one line here.
 */
import type { LazyActionModule } from '../engine/registry.ts';
import { passwordResetPage } from './password/reset-url.ts';

/** What the composition root needs to know of the fixes besides their actions: pages they open without a policy URL (to allowlist them). */
export const fixLinks = { passwordResetPage } as const;

export const fixModules: readonly LazyActionModule[] = [
  { names: ['network.diagnose', 'network.reconnect-wifi', 'network.flush-dns', 'network.renew-dhcp', 'network.reset-stack'], load: async () => (await import('./network/actions.ts')).networkActions },
  { names: ['printer.status', 'printer.clear-queue', 'printer.resume', 'printer.restart-spooler', 'printer.test-page'], load: async () => (await import('./printer/actions.ts')).printerActions },
  { names: ['teams.status', 'teams.clear-cache', 'teams.start'], load: async () => (await import('./teams/actions.ts')).teamsActions },
  { names: ['password.reset-url', 'password.expiry'], load: async () => (await import('./password/actions.ts')).passwordActions },
  { names: ['disk.status', 'disk.clean', 'disk.empty-trash'], load: async () => (await import('./disk/actions.ts')).diskActions },
  { names: ['clock.check', 'time.resync'], load: async () => (await import('./clock/actions.ts')).clockActions },
  { names: ['vpn.gateway', 'vpn.client'], load: async () => (await import('./vpn/actions.ts')).vpnActions },
  { names: ['system.uptime', 'system.busy-processes', 'system.pending-restart'], load: async () => (await import('./slow/actions.ts')).slowActions },
  { names: ['sound.status', 'sound.levels', 'sound.set-default', 'sound.restart-service'], load: async () => (await import('./sound/actions.ts')).soundActions },
  { names: ['camera.status', 'camera.allow'], load: async () => (await import('./camera/actions.ts')).cameraActions },
  { names: ['onedrive.status', 'onedrive.start', 'onedrive.reset'], load: async () => (await import('./onedrive/actions.ts')).oneDriveActions },
  { names: ['outlook.status', 'outlook.safe-mode', 'outlook.clear-credentials'], load: async () => (await import('./outlook/actions.ts')).outlookActions },
];
