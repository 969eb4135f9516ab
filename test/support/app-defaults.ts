/**
 * The options every test builds the app with: a browser host over a temp folder, nothing opened,
 * no machine policy and no machine secrets (the machine's /etc/firstline files, registry or
 * managed preferences never leak into a test). Tests spread this and override what they test.
 */
import path from 'node:path';
import type { FirstlineOptions } from '../../app/compose.ts';
import { createLogger } from '../../core/log.ts';

export function testAppDefaults(dir: string): Omit<FirstlineOptions, 'catalogDir'> {
  return {
    host: 'browser-host',
    version: '0.0.0-test',
    dataDir: path.join(dir, 'data'),
    locale: 'en-US',
    emit: () => undefined,
    openUrl: async () => false,
    log: createLogger({ redact: (s) => s }),
    env: { PATH: process.env.PATH, FIRSTLINE_POLICY_FILE: path.join(dir, 'policy.json') },
    machineSecrets: { linuxFile: path.join(dir, 'no-machine-secrets.json') },
  };
}
