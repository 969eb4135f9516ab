/**
 * The Node command adapter, the one home for running OS commands from Firstline: the exec port
 * the app, the CLI and the benchmarks run troubleshooters with (`createNodeExecPort`).
 *
 * ExecPort adapter over node:child_process. argv only (`shell: false`), so nothing a user typed
 * is ever parsed by a shell. Timeouts and AbortSignal kill the child: on POSIX the child leads its
 * own process group (`detached: true`) and the whole group gets SIGKILL, so grandchildren started
 * by a script die too; on Windows `taskkill /T /F` ends the tree.
 *
 * Output is capped here but not redacted: actions parse raw output. The runner redacts everything
 * before it enters a run event.
 */
import type * as ChildProcess from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import type { ExecOptions, ExecPort, ExecResult } from '../engine/ports.ts';

const defaultMaxOutput = 64 * 1024;

let childProcess: typeof ChildProcess | undefined;
/** node:child_process, loaded by the first command: most starts of the app run none (`npm run bench -- start`). */
const cp = () => (childProcess ??= process.getBuiltinModule('node:child_process'));

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    cp().execFile('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true }, () => undefined);
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

type Decoder = { write(chunk: Buffer): string };

/** `OEMCP    REG_SZ    850` from `reg query HKLM\SYSTEM\CurrentControlSet\Control\Nls\CodePage /v OEMCP`. */
export function parseOemCodePage(regQueryOutput: string): number | undefined {
  const match = /^\s*OEMCP\s+REG_SZ\s+(\d{3,5})\s*$/m.exec(regQueryOutput);
  return match ? Number(match[1]) : undefined;
}

export type NodeExecOptions = {
  /** Defaults to the running OS; tests of the Windows decoding inject 'win32'. */
  platform?: NodeJS.Platform;
  /** The Windows OEM code page; default: read once from the registry. */
  consoleCodePage?: () => Promise<number | undefined>;
};

export function createNodeExec(config: NodeExecOptions = {}): ExecPort {
  const platform = config.platform ?? process.platform;
  let codePage: Promise<number | undefined> | undefined;
  const consoleCodePage = (port: ExecPort): Promise<number | undefined> => {
    codePage ??=
      config.consoleCodePage?.() ??
      port.exec('reg', ['query', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage', '/v', 'OEMCP'], { timeout: 5000 }).then(
        (r) => parseOemCodePage(r.stdout),
        () => undefined,
      );
    return codePage;
  };
  // StringDecoder/iconv decoders keep a character split across two chunks whole.
  const decoderFor = async (port: ExecPort, options: ExecOptions): Promise<() => Decoder> => {
    if (options.outputEncoding === 'console' && platform === 'win32') {
      const cp = await consoleCodePage(port);
      const name = cp ? `cp${cp}` : undefined;
      // Loaded only here: iconv-lite costs ≈15 ms at start (npm run bench) and only Windows consoles need it.
      const { default: iconv } = name ? await import('iconv-lite') : { default: undefined };
      if (name && iconv?.encodingExists(name)) return () => iconv.getDecoder(name);
    }
    return () => new StringDecoder('utf8');
  };
  const port: ExecPort = {
    async exec(file: string, args: readonly string[], options: ExecOptions): Promise<ExecResult> {
      const makeDecoder = await decoderFor(port, options);
      return run(file, args, options, makeDecoder);
    },
  };
  return port;
}

function run(file: string, args: readonly string[], options: ExecOptions, makeDecoder: () => Decoder): Promise<ExecResult> {
  const started = performance.now();
  const max = options.maxOutput ?? defaultMaxOutput;
  return new Promise<ExecResult>((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let cancelled = false;
    let settled = false;
    let child: ChildProcessByStdio<null, Readable, Readable> | undefined;
    const onAbort = () => {
      cancelled = true;
      killTree(child?.pid);
    };
    const timer = setTimeout(
      () => {
        timedOut = true;
        killTree(child?.pid);
      },
      Math.max(1, options.timeout),
    );
    const finish = (result: Omit<ExecResult, 'stdout' | 'stderr' | 'timedOut' | 'cancelled' | 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ ...result, stdout, stderr, timedOut, cancelled, durationMs: performance.now() - started });
    };
    if (options.signal?.aborted) {
      cancelled = true;
      finish({ exitCode: null, notFound: false });
      return;
    }
    try {
      child = cp().spawn(file, [...args], {
        shell: false,
        windowsHide: true,
        detached: process.platform !== 'win32',
        cwd: options.cwd,
        env: options.env ? { ...options.env } : process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      // Synchronous refusals (e.g. a NUL byte in an argument) are results, not crashes.
      stderr = (error as Error).message;
      finish({ exitCode: null, notFound: false });
      return;
    }
    const outDecoder = makeDecoder();
    const errDecoder = makeDecoder();
    const append = (current: string, chunk: Buffer, decoder: Decoder) => (current.length >= max ? current : (current + decoder.write(chunk)).slice(0, max));
    child.stdout.on('data', (chunk: Buffer) => (stdout = append(stdout, chunk, outDecoder)));
    child.stderr.on('data', (chunk: Buffer) => (stderr = append(stderr, chunk, errDecoder)));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error: NodeJS.ErrnoException) => {
      stderr = stderr || error.message;
      finish({ exitCode: null, notFound: error.code === 'ENOENT' });
    });
    child.on('close', (code) => finish({ exitCode: code, notFound: false }));
  });
}

/**
 * The optional `launch` capability (core/fixes/shared/launch.ts): starts a program detached from
 * Firstline (own session, stdio ignored, not waited for), argv only — e.g. Teams after its cache
 * was cleared. The exec port waits for a child to exit, which a GUI app never does.
 */
export function createNodeLauncher(): Required<Pick<ExecPort, 'launch'>> {
  return {
    launch(file, args, options) {
      return new Promise((resolve) => {
        const child = cp().spawn(file, [...args], { shell: false, detached: true, stdio: 'ignore', windowsHide: false, env: options.env ?? process.env, cwd: options.cwd });
        child.once('error', (error) => resolve({ started: false, error: error.message }));
        child.once('spawn', () => {
          child.unref();
          resolve({ started: true, ...(child.pid !== undefined ? { pid: child.pid } : {}) });
        });
      });
    },
  };
}

/** Commands with timeouts plus `launch`: what the app and the CLI run troubleshooters with. */
export function createNodeExecPort(): ExecPort {
  return { ...createNodeExec(), ...createNodeLauncher() };
}
