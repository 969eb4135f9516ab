// @ts-check
/**
 * One StrykerJS configuration, parameterised per module by scripts/mutation.ts (STRYKER_MODULE,
 * STRYKER_MUTATE, STRYKER_TESTS from stryker/modules.ts).
 * StrykerJS 9 with its Vitest runner: 10.x needs Node 22. Not part of .ci/run (too slow on two
 * cores); run it when one of the modules in stryker/modules.ts changes.
 */
const name = process.env.STRYKER_MODULE ?? '';
const mutate = (process.env.STRYKER_MUTATE ?? '').split(',').filter(Boolean);
if (!name || mutate.length === 0) throw new Error('Run mutation tests through `npm run test:mutation` (stryker/modules.ts lists the modules).');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'stryker/vitest.config.ts', related: false },
  mutate,
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  // Re-runs only test the mutants whose code or covering tests changed; reports/ is git-ignored,
  // `--force` (a Stryker option passed through) runs every mutant again.
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};
