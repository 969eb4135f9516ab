/**
 * Proves the architecture rules bite: each fixture is an import that must fail lint in the
 * folder it pretends to live in, and pass where it is allowed.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The fixtures are virtual files no tsconfig project holds: the import rules under test need no
// type information, so the type-aware rules (and their project service) are off here.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off', '@typescript-eslint/switch-exhaustiveness-check': 'off' },
  },
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('architecture boundaries (lint)', () => {
  it.each([
    ['core/engine/violation.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['core/engine/violation.ts', "import React from 'react';\nexport const x = React;\n"],
    ['core/engine/violation.ts', "import { call } from '../../renderer/src/api.ts';\nexport const x = call;\n"],
    ['core/engine/violation.ts', 'export const x = document.title;\n'],
    ['renderer/src/violation.ts', "import { run } from '../../core/engine/runner.ts';\nexport const x = run;\n"],
    ['renderer/src/violation.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['renderer/src/violation.ts', "import { channels } from '../../contract/index.ts';\nexport const x = channels;\n"],
    ['renderer/src/violation.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['main/violation.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n"],
    ['app/violation.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['core/engine/violation.ts', "import { execFile } from 'node:child_process';\nexecFile('sh', ['-c', 'x'], { shell: true });\n"],
    ['core/engine/violation.ts', "import { execFile } from 'node:child_process';\nconst s = true;\nexecFile('x', [], { shell: s });\n"],
    ['core/engine/violation.ts', "import { spawn } from 'node:child_process';\nspawn('x', [], { 'shell': '/bin/sh' });\n"],
    ['app/violation.ts', "import { exec } from 'node:child_process';\nexec('ls');\n"],
    ['cli/violation.ts', "import { execSync } from 'child_process';\nexecSync('ls');\n"],
    ['core/kernel/violation.ts', "import type { ExecPort } from '../engine/ports.ts';\nexport type X = ExecPort;\n"],
    ['core/kernel/violation.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['core/kernel/violation.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['broker/violation.ts', "import { parse } from 'yaml';\nexport const x = parse;\n"],
    ['broker/violation.ts', "import { run } from '../core/engine/runner.ts';\nexport const x = run;\n"],
    ['broker/violation.ts', "import { loadCatalog } from '../core/engine/loader.ts';\nexport const x = loadCatalog;\n"],
    ['broker/violation.ts', "import { request } from 'node:https';\nexport const x = request;\n"],
    ['broker/violation.ts', "import { parseCups } from '../core/fixes/printer/parse-cups.ts';\nexport const x = parseCups;\n"],
    ['core/platform/violation.ts', "import { startServer } from '../../broker/server.ts';\nexport const x = startServer;\n"],
  ])('%s: refuses %j', async (file, code) => {
    const ids = await ruleIds(file, code);
    expect(ids.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-globals' || id === 'no-restricted-syntax')).toBe(true);
  });

  it.each([
    ['renderer/src/allowed.ts', "import type { Channel } from '../../contract/index.ts';\nexport type X = Channel;\n"],
    ['main/ipc.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n"],
    ['preload/allowed.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/allowed.ts', "import { langs } from '../../contract/langs.ts';\nexport const x = langs;\n"],
    ['core/kernel/allowed.ts', "import { langs } from './lang.ts';\nexport const x = langs;\n"],
    [
      'broker/allowed.ts',
      "import { connect } from 'node:net';\nimport { z } from 'zod';\nimport { resumeCommands } from '../core/fixes/printer/commands.ts';\nimport { opNames } from './op-argv.ts';\nexport const x = [connect, z, resumeCommands, opNames];\n",
    ],
    ['core/platform/allowed.ts', "import { matchOp } from '../../broker/op-argv.ts';\nexport const x = matchOp;\n"],
  ])('%s: allows %j', async (file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });
});
