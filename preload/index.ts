/**
 * The preload: exposes `window.firstline` (invoke + on) and nothing else. It is the only code
 * that touches ipcRenderer (lint-enforced). Channel and event names are checked against the
 * contract here too, so a compromised renderer cannot reach arbitrary IPC channels.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, eventNames } from '../contract/names.ts';
import { eventChannel, invokeChannel } from '../contract/transport.ts';

const allowedChannels = new Set<string>(channelNames);
const allowedEvents = new Set<string>(eventNames);
type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(eventChannel, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

contextBridge.exposeInMainWorld('firstline', {
  invoke(channel: string, args: unknown) {
    if (!allowedChannels.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-channel', messageKey: 'error.ipc.unknown-channel' } });
    }
    return ipcRenderer.invoke(invokeChannel, channel, args);
  },
  on(name: string, listener: Listener) {
    if (!allowedEvents.has(name) || typeof listener !== 'function') return () => undefined;
    const set = listeners.get(name) ?? new Set<Listener>();
    // Wrap so the same function subscribed twice is unsubscribed independently.
    const wrapped: Listener = (payload) => listener(payload);
    set.add(wrapped);
    listeners.set(name, set);
    return () => {
      set.delete(wrapped);
    };
  },
});
