/** Clock fix: the reference from policy, the skew from a Date header, and the resync argv per OS with recorded outputs. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clockCheckAction, timeResyncAction } from '../../../core/fixes/clock/actions.ts';
import { resyncCommands } from '../../../core/fixes/clock/commands.ts';
import { referenceFromPolicy, skewSeconds } from '../../../core/fixes/clock/reference.ts';
import { fakeExec, makeContext } from './context.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/fixes/${name}`, import.meta.url), 'utf8');

describe('reference time', () => {
  it('prefers timeReferenceUrl, falls back to the internal probe URL, ignores anything not http(s)', () => {
    expect(referenceFromPolicy({ timeReferenceUrl: 'https://intranet.example.com/', networkProbes: { internalUrl: { url: 'https://other.example.com' } } })).toEqual({
      url: 'https://intranet.example.com/',
      source: 'policy',
    });
    expect(referenceFromPolicy({ networkProbes: { internalUrl: { url: 'https://other.example.com' } } })).toEqual({ url: 'https://other.example.com', source: 'internal-url' });
    expect(referenceFromPolicy({ timeReferenceUrl: 'file:///etc/passwd' })).toBeUndefined();
    expect(referenceFromPolicy({ timeReferenceUrl: 42 })).toBeUndefined();
    expect(referenceFromPolicy({})).toBeUndefined();
  });

  it('takes the middle of the Date second against the middle of the request', () => {
    const sent = Date.parse('2026-11-24T10:00:00.000Z');
    expect(skewSeconds({ status: 200, date: 'Tue, 24 Nov 2026 10:00:00 GMT', sentAt: sent + 400, receivedAt: sent + 600 })).toBe(0);
    expect(skewSeconds({ status: 200, date: 'Tue, 24 Nov 2026 10:05:00 GMT', sentAt: sent, receivedAt: sent + 1000 })).toBe(-300);
    expect(skewSeconds({ status: 200, date: 'Tue, 24 Nov 2026 09:50:00 GMT', sentAt: sent, receivedAt: sent + 20 })).toBe(600);
    expect(skewSeconds({ status: 200, sentAt: sent, receivedAt: sent })).toBeUndefined();
    expect(skewSeconds({ status: 200, date: 'yesterday', sentAt: sent, receivedAt: sent })).toBeUndefined();
  });

  it('without a reference it says so and contacts nothing', async () => {
    const result = await clockCheckAction.run({ maxSkewSeconds: 60, timeoutMs: 1000 }, makeContext({ exec: fakeExec(), platform: 'win32', lang: 'de' }));
    expect(result).toMatchObject({ ok: false, problem: 'no-reference', reference: 'none' });
    expect(result.finding).toBe('Firstline hat keinen Server des Unternehmens, mit dem die Uhr verglichen werden kann.');
  });
});

describe('time.resync argv per OS', () => {
  it('Windows: w32tm /resync; a stopped time service is reported with its message', async () => {
    expect(resyncCommands('win32')).toEqual([[{ file: 'w32tm', args: ['/resync'] }]]);
    const ok = fakeExec({ 'w32tm /resync': { stdout: fixture('w32tm-resync.ok.txt') } });
    expect(await timeResyncAction.run({}, makeContext({ exec: ok, platform: 'win32' }))).toMatchObject({ ok: true, available: true });
    expect(ok.lines()).toEqual(['w32tm /resync']);
    // w32tm prints its error on stdout and exits non-zero.
    const stopped = fakeExec({ 'w32tm /resync': { exitCode: 2147943462 % 256, stdout: fixture('w32tm-resync.service-stopped.txt') } });
    const failed = await timeResyncAction.run({}, makeContext({ exec: stopped, platform: 'win32' }));
    expect(failed).toMatchObject({ ok: false, available: true, error: 'w32tm: Sending resync command to local computer' });
  });

  it('macOS: sntp -sS time.apple.com; without root it fails honestly', async () => {
    expect(resyncCommands('darwin')).toEqual([[{ file: 'sntp', args: ['-sS', 'time.apple.com'] }]]);
    const ok = fakeExec({ sntp: { stdout: fixture('sntp-sS.ok.txt') } });
    expect(await timeResyncAction.run({}, makeContext({ exec: ok, platform: 'darwin' }))).toMatchObject({ ok: true });
    const denied = fakeExec({ sntp: { exitCode: 1, stderr: fixture('sntp-sS.not-root.txt') } });
    expect(await timeResyncAction.run({}, makeContext({ exec: denied, platform: 'darwin', lang: 'fr' }))).toMatchObject({
      ok: false,
      finding: 'L’horloge n’a pas pu être réglée (sntp: sntp: settimeofday(): Operation not permitted).',
    });
  });

  it('Linux: chrony first, systemd-timesyncd when chrony is not installed, nothing when neither is', async () => {
    const chrony = fakeExec({ 'chronyc makestep': { stdout: fixture('chronyc-makestep.ok.txt') } });
    expect(await timeResyncAction.run({}, makeContext({ exec: chrony, platform: 'linux' }))).toMatchObject({ ok: true });
    expect(chrony.lines()).toEqual(['chronyc makestep']);
    const timesyncd = fakeExec({ timedatectl: {} });
    expect(await timeResyncAction.run({}, makeContext({ exec: timesyncd, platform: 'linux' }))).toMatchObject({ ok: true });
    expect(timesyncd.lines()).toEqual(['chronyc makestep', 'timedatectl set-ntp false', 'timedatectl set-ntp true']);
    const notAuthorised = fakeExec({ 'chronyc makestep': { exitCode: 1, stdout: fixture('chronyc-makestep.not-root.txt') } });
    expect(await timeResyncAction.run({}, makeContext({ exec: notAuthorised, platform: 'linux' }))).toMatchObject({ ok: false, available: true, error: 'chronyc: 501 Not authorised' });
    expect(notAuthorised.lines()).toEqual(['chronyc makestep']);
    expect(await timeResyncAction.run({}, makeContext({ exec: fakeExec(), platform: 'linux' }))).toMatchObject({ ok: false, available: false });
  });
});
