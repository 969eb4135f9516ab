/**
 * Child process for the Teams confinement matrix: runs clearings over locations given as JSON and
 * prints the reports, so the same matrix runs as root and as an unprivileged employee.
 * Usage: node --import tsx teams-confinement-child.ts <file with [{platform, roots, locations, backupDir}]>
 */
import { readFileSync } from 'node:fs';
import type { Platform } from '../../../core/kernel/platform.ts';
import { clearLocations } from '../../../core/fixes/teams/cache.ts';
import type { CacheLocation } from '../../../core/fixes/teams/paths.ts';

type Job = { platform: Platform; roots: string[]; locations: CacheLocation[]; backupDir: string };
const jobs = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Job[];
const reports = [];
for (const job of jobs) reports.push(await clearLocations(job.platform, job.roots, job.locations, job.backupDir).catch((error: unknown) => ({ threw: String(error) })));
process.stdout.write(`${JSON.stringify({ uid: process.getuid?.(), reports })}\n`);
