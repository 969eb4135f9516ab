/**
 * The only module that registers ipcMain handlers (lint-enforced). Calls are accepted only from
 * webContents this app created and only while they show the app's own origin; everything is
 * then validated by the shared dispatcher.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { EventName, EventPayload } from '../contract/index.ts';
import { eventChannel, invokeChannel } from '../contract/transport.ts';
import { checkEvent, type Dispatch, type DispatchLog } from '../app/dispatcher.ts';
import { isAppUrl } from '../core/security/window-options.ts';

export function registerIpc(dispatch: Dispatch, trustedIds: ReadonlySet<number>): void {
  ipcMain.handle(invokeChannel, (event: IpcMainInvokeEvent, channel: unknown, args: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    const trusted = trustedIds.has(event.sender.id) && isAppUrl(frameUrl) && event.senderFrame === event.sender.mainFrame;
    return dispatch(typeof channel === 'string' ? channel : '', args, { trusted });
  });
}

export function sendEvent<E extends EventName>(windows: Iterable<BrowserWindow>, name: E, payload: EventPayload<E>, log: DispatchLog): void {
  if (!checkEvent(name, payload, log)) return;
  for (const window of windows) {
    if (!window.isDestroyed()) window.webContents.send(eventChannel, name, payload);
  }
}
