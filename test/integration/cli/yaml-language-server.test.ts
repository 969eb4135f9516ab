/**
 * The shipped schemas as authors meet them: through Red Hat's yaml-language-server (the engine of
 * VS Code's YAML extension), driven over stdio LSP — one server process for the whole file. The
 * files find their schema through their own `# yaml-language-server: $schema=…` line; the schema
 * store is switched off so the server fetches nothing (and where the namespace tool is allowed the
 * server runs inside `unshare -n`, a network namespace with only loopback). Every wait is on a
 * notification or a reply, never on time.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullActionRegistry } from '../../../core/action-registry.ts';
import { startLspServer, type LspClient } from '../../support/lsp-client.ts';

type Diagnostic = { message: string; range: { start: { line: number; character: number } } };
type CompletionItem = { label: string };
type Hover = { contents: { kind: string; value: string } | string } | null;

const folder = path.resolve('troubleshooters');
const serverBin = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');
const yamlSettings = { validate: true, hover: true, completion: true, schemaStore: { enable: false }, kubernetesCRDStore: { enable: false }, schemas: {} };
const isolated = spawnSync('unshare', ['-n', 'true']).status === 0;

let server: LspClient;
let version = 0;

/** Opens a document (on disk or not) and resolves with the diagnostics the server publishes for it. */
async function open(file: string, text = readFileSync(file, 'utf8')): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = pathToFileURL(file).href;
  const published = server.notification('textDocument/publishDiagnostics', (p) => (p as { uri: string }).uri === uri);
  server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: ++version, text } });
  const { diagnostics } = (await published) as { diagnostics: Diagnostic[] };
  return { uri, diagnostics };
}

const troubleshooter = (action: string) =>
  [
    '# yaml-language-server: $schema=./schema.json',
    'id: lsp-probe',
    'version: "1.0.0"',
    'title: { en: Probe }',
    'summary: { en: Probe }',
    'platforms: [linux]',
    'category: printing',
    'steps:',
    '  - id: status',
    '    type: check',
    '    title: { en: Status }',
    `    action: ${action}`,
    '',
  ].join('\n');

beforeAll(async () => {
  const command = isolated ? 'unshare' : process.execPath;
  const args = isolated ? ['-n', process.execPath, serverBin, '--stdio'] : [serverBin, '--stdio'];
  if (!isolated) console.info('yaml-language-server runs without a network namespace (unshare -n not permitted here); the schema store is off in its settings.');
  server = startLspServer(command, args, (method, params) => {
    // The server pulls its settings: [yaml], http, [yaml] editor section, editor.
    if (method === 'workspace/configuration') return (params as { items: { section: string }[] }).items.map((i) => (i.section === 'yaml' ? yamlSettings : {}));
    return null;
  });
  await server.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: null,
    initializationOptions: {},
    capabilities: {
      workspace: { configuration: true },
      textDocument: { completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } }, hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: {} },
    },
  });
  server.notify('initialized', {});
  server.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
});

afterAll(async () => {
  await server?.stop();
});

describe('troubleshooters/schema.json in yaml-language-server', () => {
  it('completes every registered action after "action: ", printer.status among them', async () => {
    const file = path.join(folder, 'zz-lsp-completion.yaml');
    const text = troubleshooter('');
    const { uri } = await open(file, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('    action:'));
    const result = await server.request<{ items: CompletionItem[] } | CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: (lines[line] ?? '').length },
    });
    const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
    expect(labels).toContain('printer.status');
    expect(labels).toEqual(expect.arrayContaining(['printer.clear-queue', 'network.reconnect-wifi', 'teams.clear-cache', 'disk.clean']));
    expect([...labels].sort()).toEqual(expect.arrayContaining(fullActionRegistry().names()));
  });

  it('reports a misspelt action at its line, and not the correct spelling', async () => {
    const bad = await open(path.join(folder, 'zz-lsp-misspelt.yaml'), troubleshooter('printer.stauts'));
    const onAction = bad.diagnostics.filter((d) => d.range.start.line === 11);
    expect(onAction.length, JSON.stringify(bad.diagnostics)).toBeGreaterThan(0);
    expect(onAction[0]?.message).toContain('printer.status');
    const good = await open(path.join(folder, 'zz-lsp-correct.yaml'), troubleshooter('printer.status'));
    expect(good.diagnostics).toEqual([]);
  });

  it('validates every shipped troubleshooter and article with zero diagnostics', async () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'));
    expect(files.length).toBeGreaterThan(10);
    const results = await Promise.all(files.map((f) => open(path.join(folder, f))));
    results.forEach(({ diagnostics }, i) => expect(diagnostics, `${files[i]}: ${JSON.stringify(diagnostics)}`).toEqual([]));
  });

  it('shows the description of continue-on-error on hover', async () => {
    const file = path.join(folder, 'network.yaml');
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.trim().startsWith('continue-on-error:'));
    expect(line).toBeGreaterThan(0);
    const uri = pathToFileURL(file).href;
    const hover = await server.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: (lines[line] ?? '').indexOf('continue-on-error') + 2 } });
    const value = typeof hover?.contents === 'string' ? hover.contents : (hover?.contents.value ?? '');
    expect(value).toContain('the run goes on after this step fails');
  });
});

describe('troubleshooters/test.schema.json in yaml-language-server', () => {
  it('validates every shipped *.test.yaml with zero diagnostics', async () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.test.yaml'));
    expect(files.length).toBeGreaterThan(3);
    const results = await Promise.all(files.map((f) => open(path.join(folder, f))));
    results.forEach(({ diagnostics }, i) => expect(diagnostics, `${files[i]}: ${JSON.stringify(diagnostics)}`).toEqual([]));
  });

  it('reports a misspelt key in a test file against the test schema', async () => {
    const text = ['# yaml-language-server: $schema=./test.schema.json', 'cases:', '  - name: typo', '    platfrom: linux', '    expect: { outcome: resolved }', ''].join('\n');
    const { diagnostics } = await open(path.join(folder, 'zz-lsp-probe.test.yaml'), text);
    expect(
      diagnostics.some((d) => d.range.start.line === 3),
      JSON.stringify(diagnostics),
    ).toBe(true);
  });
});
