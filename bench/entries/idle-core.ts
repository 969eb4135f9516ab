/**
 * Child-process entry of the memory benchmark: starts the core exactly as a host does
 * (createFirstline) over a temporary data dir, then sits idle and reports its resident memory.
 * argv: <dataDir> <catalogDir> <idleMs>; the policy file comes from FIRSTLINE_POLICY_FILE.
 */
import { createFirstline } from '../../app/compose.ts';
import { createLogger } from '../../core/log.ts';
import { redact } from '../../core/redact.ts';

const [dataDir, catalogDir, idle] = process.argv.slice(2);
if (!dataDir || !catalogDir) throw new Error('usage: idle-core <dataDir> <catalogDir> <idleMs>');
const firstline = await createFirstline({
  host: 'browser-host',
  version: '0.0.0-bench',
  dataDir,
  catalogDir,
  locale: 'en-US',
  emit: () => undefined,
  openUrl: () => Promise.resolve(false),
  log: createLogger({ redact: (text) => redact(text), file: `${dataDir}/core.log` }),
});
const troubleshooters = await firstline.handlers['catalog:list']({ lang: 'en' });
// Idle: nothing runs, as after the tray icon appears. Readings spread over the idle time.
const readings: number[] = [];
const idleMs = Number(idle ?? 2000);
for (let i = 0; i < 5; i++) {
  await new Promise((resolve) => setTimeout(resolve, idleMs / 5));
  readings.push(process.memoryUsage().rss);
}
firstline.dispose();
process.stdout.write(`${JSON.stringify({ rss: readings, heapUsed: process.memoryUsage().heapUsed, troubleshooters: Array.isArray(troubleshooters) ? troubleshooters.length : -1 })}\n`);
