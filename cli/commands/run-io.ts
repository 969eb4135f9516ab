/** Terminal side of `firstline run`: prompts, consent, elevation check, and human-readable event lines. */
import { createInterface, type Interface } from 'node:readline';
import { execFileSync } from 'node:child_process';
import type { Question, RunEvent } from '../../core/engine/events.ts';
import { formatConditionTrace } from '../../core/engine/condition-trace.ts';
import { brokerClientOptions, createBrokerPort } from '../../core/platform/broker-port.ts';
import { createNodeExecPort } from '../../core/platform/node-exec.ts';
import type { RunPorts } from '../../core/engine/runner.ts';
import type { CommandIo } from '../command.ts';

/** Already running as administrator/root? The CLI cannot raise its own rights; it only checks. */
function isElevated(): boolean {
  if (process.platform === 'win32') {
    try {
      execFileSync('fltmc', [], { stdio: 'ignore', windowsHide: true });
      return true;
    } catch {
      return false;
    }
  }
  return process.getuid?.() === 0;
}

export function createCliPorts(opts: { io: CommandIo; yes: boolean; json: boolean; onInterrupt(): void }): RunPorts & { close(): void } {
  const tty = Boolean(process.stdin.isTTY);
  let rl: Interface | undefined;
  // Lines typed (or pasted) ahead of a question are queued, not lost.
  const lines: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let closed = false;
  const prompt = (text: string): Promise<string> => {
    if (!rl) {
      rl = createInterface({ input: process.stdin, output: process.stderr });
      rl.on('line', (line) => (waiting.shift() ?? ((l: string | null) => lines.push(l ?? '')))(line));
      rl.on('close', () => {
        closed = true;
        for (const w of waiting.splice(0)) w(null);
      });
      // readline swallows Ctrl+C while it reads; treat it as cancelling the run.
      rl.on('SIGINT', opts.onInterrupt);
    }
    rl.setPrompt(text);
    rl.prompt();
    const queued = lines.shift();
    if (queued !== undefined) return Promise.resolve(queued.trim());
    if (closed) return Promise.reject(new Error('No more input on stdin.'));
    return new Promise((resolve, reject) => waiting.push((line) => (line === null ? reject(new Error('No more input on stdin.')) : resolve(line.trim()))));
  };
  const brokerClient = brokerClientOptions(process.platform as 'win32' | 'darwin' | 'linux', process.env);
  return {
    exec: createNodeExecPort(),
    // Not elevated: the engine asks the elevation broker (when installed and allowed) instead.
    ...(brokerClient ? { broker: createBrokerPort({ client: brokerClient }) } : {}),
    elevation: {
      async request(reason) {
        const ok = isElevated();
        if (!ok && !brokerClient) opts.io.err(`"${reason}" needs administrator rights; run the CLI as administrator/root.`);
        return ok;
      },
    },
    interaction: {
      async ask(stepId, question: Question) {
        if (!tty) throw new Error(`No answer for "${stepId}"; pass --answer ${stepId}=<value> when not on a terminal.`);
        if (question.type === 'choice') {
          question.choices.forEach((c, i) => process.stderr.write(`  ${i + 1}. ${c.label} (${c.value})\n`));
          const got = await prompt(`${question.prompt} `);
          const n = Number(got);
          return Number.isInteger(n) && question.choices[n - 1] ? (question.choices[n - 1] as { value: string }).value : got;
        }
        return prompt(`${question.prompt}${question.type === 'yesno' ? ' [y/n] ' : ' '}`);
      },
      async consent(request) {
        if (opts.yes) return true;
        if (!tty) {
          opts.io.err('Consent refused: not on a terminal and --yes was not given.');
          return false;
        }
        process.stderr.write(`This will change your computer:\n${request.changes.map((c) => `  - ${c}`).join('\n')}\n`);
        return /^(y|yes|j|ja|o|oui)$/i.test(await prompt('Go ahead? [y/N] '));
      },
    },
    urlOpener: {
      // The CLI shows the link instead of launching a browser.
      async open(url) {
        opts.io.err(`Open this link: ${url}`);
        return true;
      },
    },
    close: () => rl?.close(),
  };
}

const marks: Record<string, string> = { passed: 'ok', fixed: 'fixed', failed: 'FAILED', skipped: 'skipped', error: 'ERROR', timeout: 'TIMEOUT', refused: 'refused' };

export function renderEvent(e: RunEvent): string | undefined {
  switch (e.type) {
    case 'run-started':
      return `${e.title}${e.dryRun ? ' (dry run)' : ''}`;
    case 'step-started':
      return `- ${e.title}`;
    case 'action-result':
      return `    ${e.phase} ${e.action}: ${e.skipped ? 'would run' : e.ok ? 'ok' : 'not ok'}${e.finding ? ` — ${e.finding}` : ''}${e.error ? ` (${e.error})` : ''}`;
    case 'info':
      return `    ${e.text}${e.link ? ` ${e.link}` : ''}`;
    case 'step-finished':
      return `    => ${marks[e.status] ?? e.status}${e.finding ? `: ${e.finding}` : ''}${e.skip ? ` — when ${formatConditionTrace(e.skip)} was false` : ''}`;
    case 'run-finished':
      return `Outcome: ${e.outcome}${e.reason ? ` — ${e.reason}` : ''}`;
    default:
      return undefined;
  }
}
