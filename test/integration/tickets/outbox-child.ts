/**
 * Child process for the outbox kill test: delivers everything in the outbox file to a
 * TOPdesk-shaped server and exits 0 when nothing is left. The parent SIGKILLs it right after its
 * server accepted a ticket, before the answer arrives — a real crash between send and record.
 * Backoff waits are skipped by moving this process's clock forward, not by sleeping.
 */
import { createMemorySecretStore } from '../../../core/secrets/secret-store.ts';
import { openStore } from '../../../core/store/store.ts';
import { connectorConfigSchema } from '../../../core/tickets/connectors/index.ts';
import { createConnector } from '../../../core/tickets/connectors/index.ts';
import { createOutbox, emptyOutbox, outboxFileSchema } from '../../../core/tickets/outbox.ts';
import type { Connector } from '../../../core/tickets/types.ts';

const [file, baseUrl] = process.argv.slice(2);
if (!file || !baseUrl) throw new Error('usage: outbox-child <outbox.json> <baseUrl>');
let offset = 0;
const clock = { now: () => new Date(Date.now() + offset) };
const { store } = await openStore({ file, schema: outboxFileSchema, defaults: emptyOutbox, clock });
const connector = (await createConnector(connectorConfigSchema.parse({ type: 'topdesk', baseUrl, credentialSecret: 'td' }), {
  secrets: createMemorySecretStore({ td: 'api:pw' }),
  timeoutMs: 5000,
})) as Connector;
const outbox = createOutbox({ store, connector, clock, baseDelayMs: 1000, maxDelayMs: 10_000, concurrency: 2 });
for (let round = 0; round < 1000; round++) {
  await outbox.deliverDue();
  const next = outbox.nextDueAt();
  if (!next) break;
  offset += Math.max(0, next.getTime() - clock.now().getTime());
}
process.stdout.write(`done ${outbox.entries().filter((e) => e.state === 'delivered').length}\n`);
