/**
 * The fault matrix (issue #12 "How to prove it"): each fault breaks something real on this
 * machine (a temp HOME, loopback servers, a network namespace with loopback only), runs
 * `firstline run <id> --json` with scripted answers as root and as an unprivileged employee, and
 * judges the result by an independent ground-truth check that does not use Firstline's code.
 *
 * Adding faults: one file `faults/<fix>.faults.ts` per fix, exporting `faults: Fault[]`. The
 * harness finds every `*.faults.ts` file itself; no shared list to edit.
 */

export type RunAs = 'root' | 'employee';

/** What one fault run is given: a private temp dir owned by the user the CLI runs as. */
export type FaultEnv = {
  as: RunAs;
  /** uid/gid the CLI runs with (0 for root). */
  uid: number;
  gid: number;
  /** Another user on the same machine: a run must never touch their processes or files. */
  colleague: { uid: number; gid: number };
  /** Private scratch directory for this run, owned by uid (use it as HOME, policy dir, …). */
  dir: string;
  /** True when the run happens inside a fresh network namespace (loopback + an isolated veth pair). */
  netns: boolean;
  /** Register cleanup (servers, processes this fault started — by pid). Run in reverse order. */
  defer(cleanup: () => Promise<void> | void): void;
};

/** How the CLI is run for this fault. */
export type FaultRun = {
  /** Extra `firstline run` arguments: `--answer step=value`, `--yes`, `--policy file`, `--lang`. */
  args: string[];
  /** Environment for the CLI (PATH is added; nothing is inherited from the test process). */
  env: Record<string, string>;
};

export type Truth = {
  /** The independent check: is the fault gone now? */
  fixed: boolean;
  /** Anything the run damaged that it should not have (a file outside the profile, another user's process). */
  harm?: string | undefined;
  /** What the check saw, for the report. */
  detail?: string | undefined;
};

export type Fault = {
  /** `<fix>/<what>`, unique. */
  id: string;
  /** The troubleshooter to run. */
  fix: string;
  /** Run inside `unshare -n` (network faults); `adapter: false` leaves only loopback (no route at all). */
  netns?: { adapter?: boolean };
  /** Users to run as; both by default. */
  users?: readonly RunAs[];
  /** Faults sharing a key never run at the same time (e.g. Teams: processes are per user, not per HOME). */
  serial?: string;
  /**
   * The cause an escalation must name: the run-finished `cause` (machine-readable) must equal one
   * of these, or `reasonCode` must equal one of them.
   */
  causes: readonly string[];
  /** Break the machine; returns how to run the CLI. */
  setup(env: FaultEnv): Promise<FaultRun>;
  /** Ground truth after the run, without Firstline code (the CLI's output is given for faults about what was offered). */
  truth(env: FaultEnv, output: { stdout: string; stderr: string }): Promise<Truth>;
};

/** The last event of a run, as the harness reads it. */
export type Finished = {
  outcome: string;
  reason?: string;
  reasonCode?: string;
  cause?: string;
};

export type Verdict = 'fixed' | 'escalated-with-cause' | 'escalated-without-cause' | 'false-fixed' | 'harmed' | 'error';

export type FaultResult = {
  id: string;
  as: RunAs;
  verdict: Verdict;
  outcome?: string;
  cause?: string;
  reasonCode?: string;
  detail?: string;
  ms: number;
};
