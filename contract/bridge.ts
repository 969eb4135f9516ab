/**
 * The shape of `window.firstline`: the only API the renderer has. Implemented by the Electron
 * preload (contextBridge) and by the browser host's injected bridge; both must behave the same.
 */
import type { Channel, ChannelArgs, ChannelResult, EventName, EventPayload } from './index.ts';
import type { IpcResult } from './errors.ts';

export type FirstlineBridge = {
  invoke<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<IpcResult<ChannelResult<C>>>;
  /** Subscribes to an event; returns a function that unsubscribes this listener only. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
