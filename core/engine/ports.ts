/**
 * Ports: everything the engine needs from the outside world. The engine never imports
 * child_process, Electron or the network directly for decisions; adapters implement these.
 */
import type { Platform } from '../kernel/platform.ts';
import type { AnswerValue, Question } from './events.ts';

export type ExecOptions = {
  /** Milliseconds; the child is killed (tree where possible) when it expires. */
  timeout: number;
  env?: Record<string, string>;
  cwd?: string;
  signal?: AbortSignal;
  /** Cap for stdout/stderr kept in memory, in bytes (default 64 KiB each). */
  maxOutput?: number;
  /**
   * How the child writes its output. `console`: Windows console tools (netsh, ipconfig, net,
   * tasklist) write in the OEM code page (850 on Belgian, Dutch, French and German Windows), so
   * "Büro" would arrive as "B�ro" if read as UTF-8. Elsewhere, and by default, UTF-8.
   */
  outputEncoding?: 'utf8' | 'console';
};

export type ExecResult = {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** The command was not found (ENOENT) — e.g. nmcli is not installed. */
  notFound: boolean;
  cancelled: boolean;
  durationMs: number;
};

/** argv only: `file` is an executable, `args` are passed verbatim, never through a shell. */
export type ExecPort = {
  exec(file: string, args: readonly string[], options: ExecOptions): Promise<ExecResult>;
  /**
   * Optional: start a long-lived program detached (argv only, stdio ignored, not waited for) —
   * e.g. restarting Teams after clearing its cache. Adapters that cannot launch omit it and the
   * action tells the employee to start the app. Node implementation: core/platform/node-exec.ts.
   */
  launch?(file: string, args: readonly string[], options: { env?: Record<string, string>; cwd?: string }): Promise<{ started: boolean; pid?: number; error?: string }>;
};

export type ElevationPort = {
  /** Ask the OS/user for elevation; resolves false when refused or unavailable. */
  request(reason: string): Promise<boolean>;
};

/**
 * The elevation broker (broker/), seen from the engine: a closed list of operations, named like
 * the actions that need them (`printer.resume`, `network.flush-dns`…), that a separate service
 * runs with administrator rights. Implemented in core/platform/broker-port.ts.
 */
export type BrokerPort = {
  /** Operations the broker will run for this user now; empty when it is not installed, off by policy or unreachable. */
  operations(): Promise<readonly string[]>;
  /**
   * An exec port for one run of the fix `action`: its commands that belong to that operation go
   * to the broker; every other command (reading state, say) runs through `exec` as the user.
   * `brokered()` counts the commands the broker ran.
   */
  execFor(action: string, exec: ExecPort, platform: Platform): ExecPort & { brokered(): number };
};

export type ConsentRequest = { stepId: string; changes: string[]; elevation: boolean };

export type InteractionPort = {
  ask(stepId: string, question: Question): Promise<AnswerValue>;
  consent(request: ConsentRequest): Promise<boolean>;
};

export type UrlOpenerPort = {
  /** Opens an https URL through the allowlist; resolves false when refused. */
  open(url: string): Promise<boolean>;
};
