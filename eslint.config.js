// Lint enforces the architecture (see README "Boundaries"): which folder may import what.
// A violating import fails `npm test`; test/unit/boundaries.test.ts proves each rule bites.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const electronMainOnly = { name: 'electron', importNames: ['ipcMain'], message: 'Only main/ipc.ts registers IPC handlers.' };
const rendererIpc = { name: 'electron', importNames: ['ipcRenderer', 'contextBridge'], message: 'Only the preload touches ipcRenderer/contextBridge.' };
const noElectron = { name: 'electron', message: 'This layer runs in plain Node/browser: no Electron. Put shell code in main/.' };
const noReact = [
  { name: 'react', message: 'The engine has no UI.' },
  { name: 'react-dom', message: 'The engine has no UI.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No Function constructor.' },
        { selector: "Property[key.name='shell'][shorthand=false]:not([value.value=false])", message: 'Commands run as argv arrays, never through a shell.' },
        { selector: "Property[key.value='shell']:not([value.value=false])", message: 'Commands run as argv arrays, never through a shell.' },
        {
          selector: 'ImportDeclaration[source.value=/^(node:)?child_process$/] > ImportSpecifier[imported.name=/^(exec|execSync)$/]',
          message: 'exec/execSync always use a shell: use execFile/spawn with an argv array.',
        },
        {
          selector: "TSTypeReference[typeName.name='ReturnType'] TSTypeQuery[exprName.name=/^create/]",
          message: "Declare a factory's API as a type before its body (type Foo = { … }; function createFoo(…): Foo), not as ReturnType<typeof createFoo>.",
        },
      ],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error; a promise where void is expected
    // (an event handler) runs unobserved; a switch over a union must name every member.
    // Product code only (tests and benches stay untyped for lint time).
    files: ['core/**/*.ts', 'contract/**/*.ts', 'app/**/*.ts', 'main/**/*.ts', 'preload/**/*.ts', 'host/**/*.ts', 'cli/**/*.ts', 'broker/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noReact],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/app/**', '**/host/**', '**/contract/**', '**/cli/**'],
              message: 'core/ is the engine: it depends on nothing but itself and libraries.',
            },
            { group: ['**/broker/*', '!**/broker/protocol.ts', '!**/broker/op-argv.ts'], message: "The app shares only the broker's wire format and argv table; the broker itself runs elsewhere." },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    // The kernel is the floor every room stands on: it imports only itself (no Node, no libraries).
    files: ['core/kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./[^/]+$)', message: 'core/kernel/ imports nothing but its own files: every layer builds on it.' }] }],
    },
  },
  {
    // The elevation broker runs as administrator: Node built-ins, zod, its own files and the pure
    // argv builders of the fixes — nothing else (no engine, YAML, catalog, network or app code).
    files: ['broker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:http', 'node:https', 'node:http2', 'node:dgram', 'node:tls', 'node:dns', 'node:vm', 'node:worker_threads'].map((name) => ({
            name,
            message: 'The broker talks over its local socket only and runs no code it is sent.',
          })),
          patterns: [
            {
              regex: '^(?!node:|zod$|\\./[a-z-]+\\.ts$|\\.\\./core/fixes/(printer|network|clock|sound)/commands\\.ts$|\\.\\./core/kernel/platform\\.ts$)',
              message: 'broker/ may import only node: built-ins, zod, its own files and core/fixes/*/commands.ts (see broker/op-argv.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noReact],
          patterns: [{ group: ['node:*', '**/main/**', '**/renderer/**', '**/app/**', '**/host/**', '**/cli/**'], message: 'The contract holds schemas only.' }],
        },
      ],
    },
  },
  {
    files: ['app/**/*.ts', 'host/**/*.ts', 'cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, ...noReact], patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'Shell and UI code stay in their folders.' }] },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/ipc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronMainOnly, rendererIpc, ...noReact],
          patterns: [{ group: ['**/renderer/**', '**/preload/**', '**/host/**'], message: 'main/ must not reach into the UI or the browser host.' }],
        },
      ],
    },
  },
  {
    files: ['main/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [rendererIpc, ...noReact] }] },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronMainOnly, ...noReact, { name: 'zod', message: 'The preload forwards; main validates.' }],
          patterns: [
            {
              group: ['node:*', '**/core/**', '**/app/**', '**/main/**', '**/renderer/**', '**/contract/index.ts', '**/contract/schemas.ts'],
              message: 'The preload only needs contract/names.ts and contract/transport.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks only to window.firstline.' },
            { name: 'zod', message: 'Validation happens in main.' },
          ],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'child_process', 'os'], message: 'The renderer has no Node.' },
            { group: ['**/core/**', '**/main/**', '**/app/**', '**/host/**', '**/preload/**', '**/cli/**'], message: 'The renderer imports only the contract (types) and its own code.' },
            {
              group: ['**/contract/**', '!**/contract/langs.ts', '!**/contract/phone.ts'],
              allowTypeImports: true,
              message: 'Import the contract with `import type` only (contract/langs.ts, the language list, and contract/phone.ts, the callback-number check, are the value imports).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    // The two classic hook rules. The React Compiler rules of v7's `recommended` (set-state-in-effect,
    // refs) flag two deliberate patterns in Home.tsx and Run.tsx; they are left for the window's owners.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['host/bridge-client.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
