import { describe, expect, it } from 'vitest';
import { formatTable, type MachineFacts } from '../../../bench/lib/table.ts';
import { initialScripts } from '../../../bench/lib/html.ts';
import { alternate, median } from '../../../bench/lib/stats.ts';

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('is NaN for no samples, so a missing figure cannot pass a target', () => {
    expect(median([])).toBeNaN();
    expect(median([]) <= 2).toBe(false);
  });
});

describe('alternate', () => {
  it('records both sides every round after the warm-up and swaps their order each round', async () => {
    const order: string[] = [];
    let n = 0;
    const side = (name: string) => async () => (order.push(name), ++n);
    const samples = await alternate(3, side('a'), side('b'), 1);
    expect(order).toEqual(['a', 'b', 'b', 'a', 'a', 'b', 'b', 'a']);
    expect(samples.a).toEqual([4, 5, 8]);
    expect(samples.b).toEqual([3, 6, 7]);
  });
});

describe('initialScripts', () => {
  it('counts the entry script and modulepreloads but not stylesheets or lazy chunks', () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="./assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-def.js">
      <link rel="stylesheet" crossorigin href="./assets/index-ghi.css">
      </head><body><div id="root"></div></body></html>`;
    expect(initialScripts(html)).toEqual(['./assets/index-abc.js', './assets/vendor-def.js']);
  });
});

describe('formatTable', () => {
  const facts: MachineFacts = { cpu: 'Test CPU', cores: 2, ramGb: 4, node: 'v20.0.0', date: '2026-01-01T00:00:00Z', platform: 'linux x64', load: '0.10 → 0.20', totalSeconds: 12 };
  const rows = [
    { metric: 'met', figure: '1 ms', target: '≤ 2 ms', pass: true, notes: ['note one'] },
    { metric: 'missed', figure: '3 ms', target: '≤ 2 ms', pass: false, notes: [] },
    { metric: 'context | pipe', figure: '9 ms', target: '—', pass: 'info' as const, notes: [] },
    { metric: 'broken', figure: 'not measured', target: '—', pass: null, notes: ['broken: why'] },
  ];
  it('prints each figure with its target and pass, FAIL, info or error, then the machine and the notes', () => {
    const text = formatTable(rows, facts);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^metric\s+figure\s+target\s+result$/);
    expect(lines.find((l) => l.startsWith('met '))).toMatch(/1 ms\s+≤ 2 ms\s+pass$/);
    expect(lines.find((l) => l.startsWith('missed'))).toMatch(/FAIL$/);
    expect(lines.find((l) => l.startsWith('context'))).toMatch(/info$/);
    expect(lines.find((l) => l.startsWith('broken'))).toMatch(/not measured\s+—\s+error$/);
    expect(text).toContain('Machine: Test CPU, 2 cores, 4.0 GB RAM, linux x64, Node v20.0.0; 2026-01-01T00:00:00Z');
    expect(text).toContain('  - note one');
    expect(text).toContain('  - broken: why');
  });
  it('escapes pipes in Markdown so a metric cannot split a cell', () => {
    const md = formatTable(rows, facts, true).split('\n');
    expect(md[0]).toBe('| metric | figure | target | result |');
    expect(md).toContain('| context \\| pipe | 9 ms | — | info |');
  });
});
