/**
 * Every `npm run firstline -- …` command shown in README.md and docs/*.md is executed here, in a
 * temp folder with the files the docs assume (policy.json, ./catalog, ./my-catalog, history.json,
 * a loopback TOPdesk for `ticket test`), or explicitly excluded with the reason. A command added to
 * the docs without either fails this test; a documented command that fails fails it too.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../unit/cli/helpers.ts';
import { sendJson, startHelpdesk } from '../tickets/helpdesk-server.ts';

/** Lines that are not run, and why (they are proven elsewhere). */
const excluded: Record<string, string> = {
  'preview --policy policy.json --catalog ./catalog': 'runs until Ctrl+C; started on port 0 and checked over HTTP by test/integration/cli/preview.test.ts',
};

/** Placeholders in the docs → the concrete value used here (first match wins, in order). */
const concrete: [string, string][] = [
  ['run <id> --catalog ./my-catalog', 'run acme-vpn-reconnect --catalog ./my-catalog --no-history'],
  ['run <id|file.yaml> [--answer step=value ...] [--lang nl] [--yes]', 'run drafts/file.yaml --answer name=Jan --lang nl --yes --no-history'],
  ['run <id> --dry-run --json', 'run printer-queue --dry-run --json'],
  ['list [--json]', 'list --json'],
  ['actions [--json] [<action>]', 'actions --json printer.status'],
  ['<printed folder>', './preview-data'],
];

export function docCommands(): { file: string; line: string; stdinVar?: string }[] {
  const files = [
    'README.md',
    ...readdirSync(path.join(repoRoot, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const found: { file: string; line: string; stdinVar?: string }[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(repoRoot, file), 'utf8');
    // In code blocks: the rest of the line (without a trailing # comment); inline: up to the closing backtick.
    for (const m of text.matchAll(/(?:printf %s "\$(\w+)" \| )?npm run firstline -- ([^`\n]*?)(?=\s+#|`|$)/gm)) {
      const line = (m[2] ?? '').trim();
      if (line === '<command>' || line === '') continue;
      found.push({ file, line, ...(m[1] ? { stdinVar: m[1] } : {}) });
    }
  }
  return found;
}

function toArgs(line: string): string[] {
  let text = line;
  for (const [from, to] of concrete) if (text.includes(from)) text = text.replace(from, to);
  if (/[<>[\]|]/.test(text)) throw new Error(`"${line}" still has a placeholder: add it to \`concrete\` or \`excluded\``);
  return text.split(/\s+/);
}

let work = '';
let close: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'fl-doc-commands-'));
  const created = new Set<string>();
  const server = await startHelpdesk((req, res) => {
    if (req.method === 'POST' && req.path === '/tas/api/incidents') {
      created.add(String((req.json as { externalNumber: string }).externalNumber));
      return sendJson(res, 201, { id: 'd0c-1', number: 'I 2612 042' });
    }
    if (req.method === 'POST' && req.path.endsWith('/attachments')) return sendJson(res, 200, { id: 'att' });
    if (req.method === 'GET' && req.path === '/tas/api/incidents')
      return sendJson(
        res,
        200,
        [...created].map((externalNumber) => ({ id: 'd0c-1', number: 'I 2612 042', externalNumber })),
      );
    if (req.method === 'GET' && req.path === '/tas/api/incidents/id/d0c-1') return sendJson(res, 200, { processingStatus: { name: 'Logged' } });
    res.writeHead(404).end();
  });
  close = server.close;
  writeFileSync(
    path.join(work, 'policy.json'),
    JSON.stringify({
      support: { name: 'IT', email: 'it@acme.example' },
      disabledTroubleshooters: ['teams-cache'],
      helpdesk: { connector: { type: 'topdesk', baseUrl: server.url, credentialSecret: 'topdesk' } },
    }),
  );
  cpSync(path.join(repoRoot, 'test/fixtures/catalog/org-catalog'), path.join(work, 'catalog'), { recursive: true });
  cpSync(path.join(repoRoot, 'test/fixtures/catalog/org-catalog'), path.join(work, 'my-catalog'), { recursive: true });
  cpSync(path.join(repoRoot, 'troubleshooters'), path.join(work, 'troubleshooters'), { recursive: true });
  writeFileSync(
    path.join(work, 'history.json'),
    JSON.stringify({
      runs: [
        {
          runId: 'r1',
          troubleshooterId: 'printer-queue',
          category: 'printing',
          outcome: 'resolved',
          startedAt: '2026-11-30T09:00:00.000Z',
          finishedAt: '2026-11-30T09:01:00.000Z',
          ticketCreated: false,
        },
      ],
    }),
  );
  mkdirSync(path.join(work, 'drafts'));
  writeFileSync(
    path.join(work, 'drafts', 'file.yaml'),
    [
      'id: doc-example',
      'version: "1.0.0"',
      'title: { en: Example, nl: Voorbeeld, fr: Exemple, de: Beispiel }',
      'summary: { en: An example., nl: Een voorbeeld., fr: Un exemple., de: Ein Beispiel. }',
      'platforms: [win32, darwin, linux]',
      'category: general',
      'steps:',
      '  - id: name',
      '    type: ask',
      '    title: { en: Name, nl: Naam, fr: Nom, de: Name }',
      '    prompt: { en: Your name?, nl: Je naam?, fr: Votre nom ?, de: Ihr Name? }',
      '    answer: text',
      '  - id: done',
      '    type: check',
      '    title: { en: Platform, nl: Platform, fr: Plateforme, de: Plattform }',
      '    action: env.platform',
    ].join('\n'),
  );
}, 30_000);
afterAll(async () => {
  await close();
  rmSync(work, { recursive: true, force: true });
});

describe('the commands in the docs', () => {
  it('are all found, and every one is run or excluded with a reason', () => {
    const lines = docCommands().map((c) => c.line);
    expect(lines.length).toBeGreaterThanOrEqual(25);
    for (const line of lines) if (!excluded[line]) expect(() => toArgs(line), line).not.toThrow();
  });

  it('run in a temp folder and exit 0 (loopback only)', async () => {
    const commands = docCommands().filter((c) => !excluded[c.line]);
    // A credential must be stored before the commands that use it; otherwise the docs' order.
    const ordered = [...commands.filter((c) => c.stdinVar), ...commands.filter((c) => !c.stdinVar)];
    const stdinValues: Record<string, string> = { TOPDESK_APP_PASSWORD: 'firstline-api:app-pass-1', TOKEN: 'preview-token' };
    const jobs = ordered.map((c) => ({ args: toArgs(c.line), ...(c.stdinVar ? { stdin: stdinValues[c.stdinVar] ?? 'x' } : {}) }));
    const env = {
      ...process.env,
      FIRSTLINE_DATA_DIR: path.join(work, 'dev-data'),
      FIRSTLINE_POLICY_FILE: path.join(work, 'policy.json'),
      FIRSTLINE_HISTORY_FILE: '',
    };
    delete (env as Record<string, string | undefined>).FIRSTLINE_HISTORY_FILE;
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        path.join(repoRoot, 'node_modules/.bin/tsx'),
        [path.join(repoRoot, 'test/support/doc-commands-child.ts'), JSON.stringify(jobs), work],
        { cwd: work, env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
        (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)),
      ),
    );
    const results = JSON.parse(stdout) as { args: string[]; code: number; stdout: string; stderr: string }[];
    expect(results).toHaveLength(jobs.length);
    const failed = results.filter((r) => r.code !== 0).map((r) => `firstline ${r.args.join(' ')} → exit ${r.code}\n${r.stderr.slice(0, 600)}\n${r.stdout.slice(0, 300)}`);
    expect(failed).toEqual([]);
    const byLine = (start: string) => results.find((r) => r.args.join(' ').startsWith(start));
    expect(byLine('ticket test --policy')?.stdout).toContain('Ticket I 2612 042');
    expect(byLine('catalog verify')?.stdout).toMatch(/OK|verified/i);
    expect(byLine('run drafts/file.yaml')?.stdout).not.toBe('');
  }, 150_000);
});
