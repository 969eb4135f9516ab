/**
 * The languages, for every side of the contract. This is the one contract module the renderer
 * imports as a value (lint allows it): it carries a tuple of four strings, no zod. The list itself
 * lives in the kernel (core/kernel/lang.ts) so the engine, the CLI and the window share it.
 */
export { langs, defaultLang, type Lang } from '../core/kernel/lang.ts';
