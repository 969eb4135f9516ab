/**
 * 3. Cold start of the core in a fresh Node process — policy, registry, a catalog of 200
 * generated troubleshooters, the history store — minus a bare `node -e ""`.
 *
 * The entry is bundled once with Vite the way main/ is shipped (lib/bundle.ts), because an
 * installed app never transpiles TypeScript; the same entry under `node --import tsx` is printed
 * as an informational row, since that is what `npm run firstline` (the CLI) pays.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scriptTroubleshooter } from './lib/catalog-gen.ts';
import { lastJson, runNode, tsxImport } from './lib/child.ts';
import { repoRoot } from './lib/bundle.ts';
import type { BenchResult } from './lib/result.ts';
import { alternate, median, round } from './lib/stats.ts';

const catalogSize = 200;
const rounds = 9;
const tsxRounds = 3;
const targetMs = 150;

export type Workspace = { dir: string; catalogDir: string; policyFile: string; env: NodeJS.ProcessEnv; dataDir(name: string): string; dispose(): void };

/** A temp dir with a loopback-only policy file and a generated catalog of `size` troubleshooters. */
export function createWorkspace(size: number): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'fl-bench-start-'));
  const catalogDir = path.join(dir, 'catalog');
  mkdirSync(path.join(catalogDir, 'scripts'), { recursive: true });
  writeFileSync(path.join(catalogDir, 'scripts', 'true.sh'), '#!/bin/sh\nexit 0\n');
  for (let i = 0; i < size; i++) {
    const id = `generated-${String(i).padStart(3, '0')}`;
    writeFileSync(path.join(catalogDir, `${id}.yaml`), scriptTroubleshooter(id, 5, 'scripts/true.sh'));
  }
  const policyFile = path.join(dir, 'policy.json');
  // Every address the product could reach is a closed loopback port; nothing leaves the machine.
  const dead = 'http://127.0.0.1:9/';
  writeFileSync(
    policyFile,
    JSON.stringify({
      catalogSources: [],
      telemetry: { enabled: false },
      networkProbes: { dns: { name: 'intranet.bench.test', servers: ['127.0.0.1:9'] }, internalUrl: { url: dead }, externalUrl: { url: dead }, gateway: { host: '127.0.0.1' } },
    }),
  );
  let n = 0;
  return {
    dir,
    catalogDir,
    policyFile,
    env: { ...process.env, FIRSTLINE_POLICY_FILE: policyFile, NODE_OPTIONS: '' },
    dataDir: (name) => path.join(dir, `data-${name}-${n++}`),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

type ColdStartReport = { troubleshooters: number; diagnostics: number; phases: { imported: number; policy: number; catalog: number; store: number } };

export async function benchColdStart(bundled: string): Promise<BenchResult[]> {
  const ws = createWorkspace(catalogSize);
  try {
    const phases: ColdStartReport['phases'][] = [];
    const core = async (args: string[]) => {
      const res = await runNode([...args, ws.catalogDir, ws.dataDir('cold')], ws.env);
      const report = lastJson<ColdStartReport>(res, 'cold-start entry');
      if (args.length === 1) phases.push(report.phases);
      if (report.troubleshooters !== catalogSize) throw new Error(`catalog loaded ${report.troubleshooters}/${catalogSize} troubleshooters (${report.diagnostics} diagnostics)`);
      return res.ms;
    };
    const bare = async () => {
      const res = await runNode(['-e', ''], ws.env);
      if (res.code !== 0) throw new Error(`node -e "" exited ${res.code}`);
      return res.ms;
    };
    const samples = await alternate(rounds, () => core([bundled]), bare);
    const diff = median(samples.a.map((a, i) => a - samples.b[i]!));
    const phase = (pick: (p: ColdStartReport['phases']) => number) => Math.round(median(phases.slice(1).map(pick)));
    const tsxEntry = path.join(repoRoot, 'bench', 'entries', 'cold-start.ts');
    const viaTsx = await alternate(tsxRounds, () => core(['--import', tsxImport, tsxEntry]), bare);
    const tsxDiff = median(viaTsx.a.map((a, i) => a - viaTsx.b[i]!));
    return [
      {
        metric: `Cold start of the core (policy + ${catalogSize} troubleshooters + store), bundled, minus bare node`,
        figure: `${Math.round(diff)} ms`,
        target: `≤ ${targetMs} ms`,
        pass: diff <= targetMs,
        notes: [
          `cold start: median of ${rounds} alternating rounds: core ${Math.round(median(samples.a))} ms, node -e "" ${Math.round(median(samples.b))} ms; entry bundled with Vite like main/ (deps external), so the figure excludes TypeScript transpiling. Inside the child (medians): Node boot + module load ${phase((p) => p.imported)} ms, policy ${phase((p) => p.policy)} ms, catalog ${phase((p) => p.catalog)} ms (${catalogSize} files: read, YAML parse, schema and semantic checks), store ${phase((p) => p.store)} ms.`,
        ],
      },
      {
        metric: `Cold start, same entry via node --import tsx (CLI path), minus bare node`,
        figure: `${Math.round(tsxDiff)} ms`,
        target: '—',
        pass: 'info',
        notes: [`cold start (tsx): median of ${tsxRounds} rounds: ${Math.round(median(viaTsx.a))} ms vs ${Math.round(median(viaTsx.b))} ms; tsx transpiles every .ts file on first load (${round(tsxDiff / Math.max(1, diff), 1)}× the bundled cost).`],
      },
    ];
  } finally {
    ws.dispose();
  }
}
