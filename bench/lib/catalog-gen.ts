/** Generated troubleshooters for the engine and cold-start benchmarks (valid against the real loader). */

const langs = ['en', 'nl', 'fr', 'de'] as const;

function localized(indent: string, label: string): string {
  return langs.map((lang) => `${indent}  ${lang}: "${label} (${lang})"`).join('\n');
}

/** A troubleshooter whose `steps` check steps each run the catalog script `script` (read-only). */
export function scriptTroubleshooter(id: string, steps: number, script: string): string {
  const body = Array.from({ length: steps }, (_, i) =>
    [
      `  - id: step-${i + 1}`,
      `    type: check`,
      `    title:`,
      localized('    ', `Check ${i + 1}`),
      `    action: script.check`,
      `    with: { path: ${script} }`,
      `    expect:`,
      `      - field: exitCode`,
      `        equals: 0`,
    ].join('\n'),
  ).join('\n');
  return [
    `id: ${id}`,
    `version: "1.0.0"`,
    `title:`,
    localized('', `Generated ${id}`),
    `summary:`,
    localized('', `Benchmark troubleshooter ${id}`),
    `platforms: [linux, darwin, win32]`,
    `category: general`,
    `steps:`,
    body,
    '',
  ].join('\n');
}
