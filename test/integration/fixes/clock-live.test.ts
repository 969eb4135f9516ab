/**
 * Live clock check: a loopback HTTP server whose Date header is this machine's time shifted by a
 * chosen offset plays the intranet. The clock-wrong troubleshooter runs through the real engine,
 * as root and as an unprivileged employee. The resync itself never runs here: it would change
 * the clock of a shared machine — elevation is refused (no broker in tests), which must end
 * "needs IT's rights", never "fixed". Its argv is tested in test/unit/fixes/clock.test.ts.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCatalog, runCatalogAsEmployee } from './run-catalog.ts';

let server: Server;
let base = '';
beforeAll(async () => {
  // /shift/<seconds> answers with a Date that many seconds from now; /no-date without one.
  server = createServer((req, res) => {
    const shift = /^\/shift\/(-?\d+)$/.exec(req.url ?? '');
    if (shift) res.setHeader('Date', new Date(Date.now() + Number(shift[1]) * 1000).toUTCString());
    else res.sendDate = false;
    res.writeHead(200, { 'content-type': 'text/plain' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const linux = process.platform === 'linux';
const root = linux && process.getuid?.() === 0;
if (!root) console.log('clock-live: employee runs skipped, switching to an unprivileged user needs root (CI runs as root)');

describe.skipIf(!linux)('clock-wrong against a loopback intranet', () => {
  it('a clock in step with the server is left alone', async () => {
    const run = await runCatalog('clock-wrong', { env: {}, policy: { timeReferenceUrl: `${base}/shift/0` } });
    expect(run.finished).toMatchObject({ outcome: 'resolved', reasonCode: 'nothing-wrong' });
    expect(run.results['compare:check']).toMatchObject({ ok: true, problem: 'none', reference: 'policy' });
  });

  it('a server ten minutes ahead (our clock behind) is found; without rights nothing is changed and it ends needs-rights', async () => {
    const run = await runCatalog('clock-wrong', { env: {}, policy: { timeReferenceUrl: `${base}/shift/600` }, lang: 'nl' });
    const compare = run.results['compare:check'] as { skewSeconds: number; finding: string };
    expect(compare.skewSeconds).toBeGreaterThanOrEqual(-601);
    expect(compare.skewSeconds).toBeLessThanOrEqual(-599);
    expect(compare.finding).toBe('Je klok loopt 10 minuten achter. Daardoor kan aanmelden mislukken.');
    expect(run.finished).toMatchObject({ outcome: 'needs-human', reasonCode: 'needs-rights' });
    expect(run.steps.filter(([, s]) => s !== 'skipped')).toEqual([
      ['compare', 'failed'],
      ['resync', 'refused'],
      ['still-wrong', 'passed'],
    ]);
  });

  it('falls back to the internal probe URL; a page without a Date header or no page at all changes nothing', async () => {
    const fallback = await runCatalog('clock-wrong', { env: {}, policy: { networkProbes: { internalUrl: { url: `${base}/shift/-120` } } } });
    expect(fallback.results['compare:check']).toMatchObject({ problem: 'clock-wrong', reference: 'internal-url' });
    const noDate = await runCatalog('clock-wrong', { env: {}, policy: { timeReferenceUrl: `${base}/no-date` } });
    expect(noDate.finished).toMatchObject({ outcome: 'needs-human', cause: 'no-date-header' });
    const none = await runCatalog('clock-wrong', { env: {}, policy: {} });
    expect(none.finished).toMatchObject({ outcome: 'needs-human', cause: 'no-reference' });
  });

  it.skipIf(!root)('the same as an unprivileged employee', async () => {
    const ok = await runCatalogAsEmployee('clock-wrong', { env: {}, policy: { timeReferenceUrl: `${base}/shift/1` } });
    expect(ok.uid).not.toBe(0);
    expect(ok.finished).toMatchObject({ outcome: 'resolved', reasonCode: 'nothing-wrong' });
    const ahead = await runCatalogAsEmployee('clock-wrong', { env: {}, policy: { timeReferenceUrl: `${base}/shift/-3600` } });
    expect((ahead.results['compare:check'] as { skewSeconds: number }).skewSeconds).toBeGreaterThanOrEqual(3599);
    expect(ahead.finished).toMatchObject({ outcome: 'needs-human', reasonCode: 'needs-rights' });
  });
});
