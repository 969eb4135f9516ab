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
import { median, round } from './lib/stats.ts';

const catalogSize = 200;
const rounds = 7;
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

type Cpu = { user: number; system: number };
type Phases = { imported: number; policy: number; catalog: number; store: number };
type ColdStartReport = { troubleshooters: number; unread: number; diagnostics: number; cpu: Cpu; phases: Phases; phasesCpu: Phases };
type Sample = { wallMs: number; cpuMs: number };

const cpuMs = (cpu: Cpu) => (cpu.user + cpu.system) / 1000;
// The baseline prints its own CPU time; writing one line is all it does beyond `node -e ""`.
const bareScript = 'process.stdout.write(JSON.stringify({ cpu: process.cpuUsage() }) + "\\n")';

export async function benchColdStart(bundled: string): Promise<BenchResult[]> {
  const ws = createWorkspace(catalogSize);
  try {
    const phases: Phases[] = [];
    const cachedPhases: Phases[] = [];
    const cachedPhasesCpu: Phases[] = [];
    const unread: number[] = [];
    const cacheFile = path.join(ws.dir, 'catalog-cache.json');
    const core = async (args: string[], cached = false): Promise<Sample> => {
      const res = await runNode([...args, ws.catalogDir, ws.dataDir('cold'), ...(cached ? [cacheFile] : [])], ws.env);
      const report = lastJson<ColdStartReport>(res, 'cold-start entry');
      if (args.length === 1 && !cached) phases.push(report.phases);
      if (cached) cachedPhases.push(report.phases);
      if (cached) cachedPhasesCpu.push(report.phasesCpu);
      if (cached) unread.push(report.unread);
      if (report.troubleshooters !== catalogSize) throw new Error(`catalog loaded ${report.troubleshooters}/${catalogSize} troubleshooters (${report.diagnostics} diagnostics)`);
      return { wallMs: res.ms, cpuMs: cpuMs(report.cpu) };
    };
    const bare = async (): Promise<Sample> => {
      const res = await runNode(['-e', bareScript], ws.env);
      return { wallMs: res.ms, cpuMs: cpuMs(lastJson<{ cpu: Cpu }>(res, 'bare node').cpu) };
    };
    const tsxEntry = path.join(repoRoot, 'bench', 'entries', 'cold-start.ts');
    // `cached` is every start after the first: the validated catalog comes from the data dir's
    // cache (round 0 creates it); `bundled` is the first start after an install or update.
    const sides = { cached: () => core([bundled], true), bundled: () => core([bundled]), bare, tsx: () => core(['--import', tsxImport, tsxEntry]) };
    // All three sides in every round, in a rotating order, so a burst of load on this machine
    // hits them alike (the bundled-vs-tsx comparison stays meaningful).
    const samples: Record<keyof typeof sides, Sample[]> = { cached: [], bundled: [], bare: [], tsx: [] };
    const names = Object.keys(sides) as (keyof typeof sides)[];
    for (let i = 0; i <= rounds; i++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length]!;
        const sample = await sides[name]();
        if (i > 0) samples[name].push(sample); // round 0 warms the file-system cache
      }
    }
    const diff = (side: 'cached' | 'bundled' | 'tsx', pick: (s: Sample) => number) => median(samples[side].map((s, i) => pick(s) - pick(samples.bare[i]!)));
    const wall = diff('bundled', (s) => s.wallMs);
    const cachedWall = diff('cached', (s) => s.wallMs);
    const cachedPhase = (pick: (p: Phases) => number, list = cachedPhases) => Math.round(median(list.slice(1).map(pick)));
    const tsxWall = diff('tsx', (s) => s.wallMs);
    const phase = (pick: (p: Phases) => number) => Math.round(median(phases.slice(1).map(pick)));
    const med = (side: keyof typeof sides) => Math.round(median(samples[side].map((s) => s.wallMs)));
    return [
      {
        metric: `Cold start of the core (policy + ${catalogSize} troubleshooters + store), bundled, validated-catalog cache warm, minus bare node`,
        figure: `${Math.round(cachedWall)} ms`,
        target: `≤ ${targetMs} ms`,
        pass: cachedWall <= targetMs,
        notes: [
          `cold start (cache warm, every start after the first): core ${med('cached')} ms, bare node ${med('bare')} ms; CPU ${Math.round(diff('cached', (s) => s.cpuMs))} ms more than bare node; inside the child: module load ${cachedPhase((p) => p.imported)} ms, policy ${cachedPhase((p) => p.policy)} ms, catalog ${cachedPhase((p) => p.catalog)} ms (intact entries are trusted, see core/engine/catalog-cache.ts: a median of ${Math.round(median(unread.slice(1)))} of ${catalogSize} files recognised by their file facts without being read, the others read and hashed), store ${cachedPhase((p) => p.store)} ms; CPU time inside the child (less sensitive to load): Node boot + module load ${cachedPhase((p) => p.imported, cachedPhasesCpu)} ms, policy ${cachedPhase((p) => p.policy, cachedPhasesCpu)} ms, catalog ${cachedPhase((p) => p.catalog, cachedPhasesCpu)} ms, store ${cachedPhase((p) => p.store, cachedPhasesCpu)} ms.`,
        ],
      },
      {
        metric: `Cold start, first start after install/update (every file parsed), minus bare node`,
        figure: `${Math.round(wall)} ms`,
        target: '—',
        pass: 'info',
        notes: [
          `cold start: median of ${rounds} interleaved rounds: core ${med('bundled')} ms, bare node ${med('bare')} ms; CPU time (less sensitive to other load) ${Math.round(diff('bundled', (s) => s.cpuMs))} ms more than bare node. Entry bundled with Vite like main/ (deps external), so the figure excludes TypeScript transpiling. Inside the child (medians): Node boot + module load ${phase((p) => p.imported)} ms, policy ${phase((p) => p.policy)} ms, catalog ${phase((p) => p.catalog)} ms (${catalogSize} files: read, YAML parse, schema and semantic checks), store ${phase((p) => p.store)} ms.`,
        ],
      },
      {
        metric: `Cold start, same entry via node --import tsx (CLI path), minus bare node`,
        figure: `${Math.round(tsxWall)} ms`,
        target: '—',
        pass: 'info',
        notes: [
          `cold start (tsx): same rounds: ${med('tsx')} ms; CPU time ${Math.round(diff('tsx', (s) => s.cpuMs))} ms more than bare node; tsx transpiles every .ts file on first load (${round(tsxWall / Math.max(1, wall), 1)}× the bundled cost).`,
        ],
      },
    ];
  } finally {
    ws.dispose();
  }
}
