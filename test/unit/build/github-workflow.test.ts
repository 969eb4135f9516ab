/**
 * The hosted-CI workflow (.github/workflows/ci.yml) cannot run on our machines; this checks it
 * with GitHub's own workflow parser (the schema and rules the Actions service applies), and that it
 * really runs what issue #17 asks of it on each OS: the test suite, the Electron shell tests and a
 * live print-queue repair judged outside Firstline.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const file = '.github/workflows/ci.yml';
const content = readFileSync(path.join(root, file), 'utf8');

async function load(text: string) {
  const parsed = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  const template = parsed.value ? await convertWorkflowTemplate(parsed.context, parsed.value) : undefined;
  return { errors: [...errors, ...(template?.errors ?? []).map((e) => e.Message)], template };
}

type Step = { run?: string; uses?: string; name?: string };
function stepsOf(job: unknown): Step[] {
  const steps = (job as { steps?: { run?: { toString(): string }; uses?: { value: string }; name?: { toString(): string } }[] }).steps ?? [];
  return steps.map((s) => ({ run: s.run?.toString(), uses: s.uses?.value, name: s.name?.toString() }));
}

describe('.github/workflows/ci.yml', () => {
  it('is valid for GitHub Actions (its own parser reports no error)', async () => {
    const { errors, template } = await load(content);
    expect(errors).toEqual([]);
    expect(template?.jobs.map((j) => j.id.value).sort()).toEqual(['linux', 'macos', 'windows']);
  });

  it('the check can fail: a misspelt key and a job without runs-on are reported', async () => {
    const broken = content.replace('timeout-minutes: 45', 'timeout-minutez: 45').replace('runs-on: windows-2022', '');
    const { errors } = await load(broken);
    expect(errors.join('\n')).toMatch(/timeout-minutez/);
    expect(errors.join('\n')).toMatch(/runs-on/);
  });

  it('each OS job runs npm test, installs the Electron binary and a browser, and uses Node 20', async () => {
    const { template } = await load(content);
    for (const job of template?.jobs ?? []) {
      const steps = stepsOf(job);
      const runs = steps.map((s) => s.run ?? '').join('\n');
      expect(runs, job.id.value).toMatch(/npm test/);
      expect(runs, job.id.value).toMatch(/node node_modules\/electron\/install\.js/);
      expect(runs, job.id.value).toMatch(/playwright install/);
      expect(runs, job.id.value).toMatch(/npm ci/);
      expect(steps.some((s) => s.uses?.startsWith('actions/setup-node@')), job.id.value).toBe(true);
    }
    expect(content).toMatch(/node-version: 20\n/);
  });

  it('every script the workflow calls exists in the repository, and the live print checks judge with the OS tools', () => {
    const called = [...content.matchAll(/(?:sh|\.\/)\s*(\.(?:ci|github)\/[\w./-]+)/g)].map((m) => m[1] ?? '');
    expect(called.length).toBeGreaterThanOrEqual(4);
    for (const script of called) expect(existsSync(path.join(root, script.replace(/^\.\//, ''))), script).toBe(true);
    expect(readFileSync(path.join(root, '.github/scripts/live-print-macos.sh'), 'utf8')).toMatch(/lpstat -p/);
    expect(readFileSync(path.join(root, '.github/scripts/live-print-windows.ps1'), 'utf8')).toMatch(/Get-Printer -Name/);
  });
});
