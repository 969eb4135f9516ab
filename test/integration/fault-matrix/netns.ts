/**
 * Inside `unshare -n`: bring loopback up and give the namespace one "wired" adapter (a veth pair
 * whose both ends stay in this namespace, address from the benchmarking range 198.18.0.0/15) so
 * the diagnosis sees a connected computer. Nothing can leave the namespace; IPv6 is off so not
 * even a router solicitation is sent, and every probe target is on 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

export function prepareNamespace(opts: { adapter: boolean }): void {
  const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });
  for (const key of ['all', 'default']) writeFileSync(`/proc/sys/net/ipv6/conf/${key}/disable_ipv6`, '1');
  ip('link', 'set', 'lo', 'up');
  if (!opts.adapter) return;
  ip('link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0-peer');
  ip('addr', 'add', '198.18.0.2/24', 'dev', 'eth0');
  ip('link', 'set', 'eth0-peer', 'up');
  ip('link', 'set', 'eth0', 'up');
  // The link reports UP asynchronously: wait for that state (bounded), not for a fixed time.
  for (let i = 0; i < 2000; i++) {
    const state = JSON.parse(execFileSync('ip', ['-j', 'link', 'show', 'eth0'], { encoding: 'utf8' })) as Array<{ operstate?: string }>;
    if (state[0]?.operstate === 'UP') return;
  }
  throw new Error('eth0 did not come up');
}
