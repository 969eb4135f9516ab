/**
 * The renderer's only way out: typed calls over `window.firstline` (preload in Electron, the
 * injected bridge in the browser host). Types come from the contract; no runtime import.
 */
import type { FirstlineBridge } from '../../contract/bridge.ts';
import type { Channel, ChannelArgs, ChannelResult, IpcError } from '../../contract/index.ts';

declare global {
  // Declaration merging with the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    firstline: FirstlineBridge;
  }
}

export class CallError extends Error {
  constructor(readonly error: IpcError) {
    super(error.code);
  }
}

export async function call<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  const result = await window.firstline.invoke(channel, args);
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}

export const on: FirstlineBridge['on'] = (event, listener) => window.firstline.on(event, listener);
