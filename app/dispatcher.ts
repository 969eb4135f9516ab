/**
 * Transport-independent IPC dispatch: validates the channel, the sender, the arguments and the
 * handler's result against the contract. Electron main and the browser host both call this, so
 * a request is judged the same way whatever carried it. Never throws: every failure becomes a
 * typed `{ code, messageKey }` error.
 */
import { channels, events, ipcError, type Channel, type ChannelResult, type EventName, type EventPayload, type IpcResult } from '../contract/index.ts';
import type { z } from 'zod';
import type { Logger } from '../core/log.ts';

export type Handlers = {
  [C in Channel]: (args: z.output<(typeof channels)[C]['args']>) => Promise<ChannelResult<C>> | ChannelResult<C>;
};

/** The dispatcher only warns and reports errors: any `Logger` (core/log.ts) will do. */
export type DispatchLog = Pick<Logger, 'warn' | 'error'>;

export type Dispatch = (channel: string, rawArgs: unknown, sender: { trusted: boolean }) => Promise<IpcResult<unknown>>;

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

export function createDispatcher(handlers: Handlers, log: DispatchLog): Dispatch {
  return async (channel, rawArgs, sender) => {
    if (!sender.trusted) {
      log.warn('ipc: refused call from untrusted sender', { channel });
      return { ok: false, error: ipcError('untrusted-sender') };
    }
    if (!isChannel(channel)) {
      log.warn('ipc: unknown channel', { channel: String(channel).slice(0, 80) });
      return { ok: false, error: ipcError('unknown-channel') };
    }
    const spec = channels[channel];
    const parsed = spec.args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
      return { ok: false, error: ipcError('bad-arguments', { issues }) };
    }
    try {
      const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
      const value: unknown = await handler(parsed.data);
      const checked = spec.result.safeParse(value);
      if (!checked.success) {
        log.error('ipc: handler returned a value outside the contract', { channel, issues: checked.error.issues.slice(0, 5) });
        return { ok: false, error: ipcError('bad-result') };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (isIpcFailure(error)) return { ok: false, error: ipcError(error.code, error.details) };
      log.error('ipc: handler failed', { channel, error: error instanceof Error ? error.message : String(error) });
      return { ok: false, error: ipcError('internal') };
    }
  };
}

/** Thrown by handlers for expected failures (e.g. unknown troubleshooter id). */
export class IpcFailure extends Error {
  constructor(
    readonly code: 'not-found' | 'conflict' | 'bad-arguments',
    readonly details?: unknown,
  ) {
    super(code);
  }
}

function isIpcFailure(error: unknown): error is IpcFailure {
  return error instanceof IpcFailure;
}

/** Validates an outgoing event; an invalid one is dropped and logged, never sent. */
export function checkEvent<E extends EventName>(name: E, payload: EventPayload<E>, log: DispatchLog): boolean {
  const result = events[name].safeParse(payload);
  if (!result.success) log.error('ipc: dropped invalid event', { name, issues: result.error.issues.slice(0, 5) });
  return result.success;
}

export type EventSink = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
