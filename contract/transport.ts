/** Electron IPC transport names: one invoke channel and one event channel carry the whole contract. */
export const invokeChannel = 'firstline:invoke';
export const eventChannel = 'firstline:event';
