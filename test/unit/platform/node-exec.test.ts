import { describe, expect, it } from 'vitest';
import { createNodeExec } from '../../../core/platform/node-exec.ts';

const exec = createNodeExec();

describe('node exec adapter', () => {
  it('returns exit code, stdout and stderr of an argv command', async () => {
    const res = await exec.exec(process.execPath, ['-e', 'console.log("out"); console.error("err"); process.exit(3)'], { timeout: 10_000 });
    expect(res).toMatchObject({ exitCode: 3, stdout: 'out\n', stderr: 'err\n', timedOut: false, notFound: false, cancelled: false });
  });

  it('reports a missing command as notFound instead of throwing', async () => {
    const res = await exec.exec('firstline-no-such-command-xyz', ['--version'], { timeout: 10_000 });
    expect(res).toMatchObject({ notFound: true, exitCode: null });
  });

  it('caps stdout at maxOutput bytes', async () => {
    const res = await exec.exec(process.execPath, ['-e', 'process.stdout.write("x".repeat(100000))'], { timeout: 10_000, maxOutput: 1000 });
    expect(res.stdout).toHaveLength(1000);
    expect(res.exitCode).toBe(0);
  });

  it('never starts a command when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const res = await exec.exec(process.execPath, ['-e', 'require("fs").writeFileSync("/dev/null", "")'], { timeout: 10_000, signal: controller.signal });
    expect(res).toMatchObject({ cancelled: true, exitCode: null });
  });

  it('passes only the given environment to the child', async () => {
    const res = await exec.exec(process.execPath, ['-e', 'process.stdout.write(String(process.env.ONLY) + ":" + String(process.env.HOME))'], {
      timeout: 10_000,
      env: { ONLY: 'yes' },
    });
    expect(res.stdout).toBe('yes:undefined');
  });
});

describe('node exec adapter refusals', () => {
  it('returns an argument with a NUL byte as a failed result instead of throwing', async () => {
    const res = await createNodeExec().exec(process.execPath, ['-e', '1', 'a\0b'], { timeout: 10_000 });
    expect(res.exitCode).toBeNull();
    expect(res.stderr).toMatch(/null bytes/);
  });
});
