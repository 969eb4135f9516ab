/**
 * Child process for the kill -9 test: writes one store in a tight loop and prints each completed
 * write's number, so the parent can SIGKILL it while the next write is in flight.
 */
import { openStore, keepNewest } from '../../../core/store/store.ts';
import { killTestSchema } from './kill-test-schema.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: store-writer-child <file>');
const { store } = await openStore({ file, schema: killTestSchema, defaults: () => ({ version: 1 as const, items: [] }) });
// A payload of a few hundred KiB makes each write take long enough to be interrupted.
const payload = 'x'.repeat(4096);
for (let n = 1; ; n++) {
  await store.update((data) => {
    data.items = keepNewest([...data.items, { n, payload }], 100);
  });
  process.stdout.write(`${n}\n`);
}
