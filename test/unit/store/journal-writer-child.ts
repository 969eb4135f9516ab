/**
 * Child process for the journal kill -9 test: appends to the run history in a tight loop (a
 * compaction every 5 appends) and prints each confirmed append's number, so the parent can
 * SIGKILL it while the next append or compaction is in flight.
 */
import { createRunHistory } from '../../../app/history.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: journal-writer-child <dataDir>');
const history = await createRunHistory({ dataDir, compactAfter: 5 });
const first = history.list().length + 1;
for (let n = first; ; n++) {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  await history.record({ runId: `run-${String(n).padStart(6, '0')}`, troubleshooterId: 'network', category: 'network', outcome: 'resolved', startedAt: at, finishedAt: at, ticketCreated: false });
  process.stdout.write(`${n}\n`);
}
