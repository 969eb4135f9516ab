/**
 * The modules where a weak test costs most (issue #17): a mutant that survives here is a bug a
 * test would not catch in cache clearing, ticket delivery, printer diagnosis, redaction, the URL
 * allowlist or the `when:` grammar. One entry per module: the file mutated and the tests that must
 * kill its mutants. `npm run test:mutation -- <name>` runs one; no name runs those whose files
 * changed against main, `--all` every module.
 */
export type MutationModule = { mutate: string[]; tests: string[] };

export const modules: Record<string, MutationModule> = {
  'teams-cache': {
    mutate: ['core/fixes/teams/cache.ts'],
    // The confinement matrix (test/integration/fixes/teams-confinement.test.ts) stays in `npm test`: its 43 layouts
    // are slow, its unprivileged re-run cannot read Stryker's sandbox, and these unit tests reach every branch it does.
    tests: ['test/unit/fixes/teams-cache-pins.test.ts', 'test/unit/fixes/teams-cache-move.test.ts', 'test/unit/fixes/teams-cache-clear.test.ts', 'test/unit/fixes/teams-cache-guards.test.ts'],
  },
  outbox: {
    mutate: ['core/tickets/outbox.ts'],
    tests: [
      'test/unit/tickets/outbox.test.ts',
      'test/unit/tickets/outbox-pins.test.ts',
      'test/unit/tickets/outbox-guards.test.ts',
      'test/unit/tickets/outbox-screenshot.test.ts',
      'test/integration/tickets/outbox-salvage.test.ts',
    ],
  },
  'cups-parser': {
    mutate: ['core/fixes/printer/parse-cups.ts'],
    tests: ['test/unit/fixes/printer-cups.test.ts', 'test/unit/fixes/printer-cups-parse.test.ts', 'test/unit/fixes/printer.test.ts'],
  },
  redaction: {
    mutate: ['core/redact.ts'],
    tests: ['test/unit/engine/redact*.test.ts', 'test/unit/redaction/**/*.test.ts', 'test/unit/security/redaction*.test.ts'],
  },
  'url-allowlist': {
    mutate: ['core/security/external-url.ts'],
    tests: ['test/unit/security/external-url.test.ts'],
  },
  'when-grammar': {
    mutate: ['core/engine/condition.ts'],
    tests: ['test/unit/engine/condition*.test.ts'],
  },
};
