/**
 * Vitest configuration for mutation runs: the repository's own (same Electron mock, same deps
 * handling) limited to the tests of the module under mutation (STRYKER_TESTS, set by
 * scripts/mutation.ts from stryker/modules.ts).
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vitest.config.ts';

const tests = (process.env.STRYKER_TESTS ?? '').split(',').filter(Boolean);
if (tests.length === 0) throw new Error('STRYKER_TESTS is empty: run mutation tests through `npm run test:mutation`.');

const config = mergeConfig(base, defineConfig({ test: { reporters: ['dot'] } }));
// mergeConfig concatenates arrays: replace the include list instead of adding to it.
config.test = { ...config.test, include: tests };
export default config;
