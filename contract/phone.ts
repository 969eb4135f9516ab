/**
 * The callback-number check, for the renderer's ticket form (a value import lint allows, like
 * langs.ts: one pure function, no zod). The app checks again with the same function.
 */
export { normalisePhone } from '../core/kernel/phone.ts';
