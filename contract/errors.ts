import { z } from 'zod';

/**
 * Errors cross the IPC boundary as data, never as raw error text: the renderer translates
 * `messageKey`; `details` is for logs and never holds secrets.
 */
export const ipcErrorCodes = ['unknown-channel', 'bad-arguments', 'untrusted-sender', 'bad-result', 'not-found', 'conflict', 'internal'] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

export const ipcErrorSchema = z.object({
  code: z.enum(ipcErrorCodes),
  messageKey: z.string(),
  details: z.unknown().optional(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ipcError(code: IpcErrorCode, details?: unknown): IpcError {
  return details === undefined ? { code, messageKey: `error.ipc.${code}` } : { code, messageKey: `error.ipc.${code}`, details };
}
