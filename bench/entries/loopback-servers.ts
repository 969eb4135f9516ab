/**
 * Child-process entry: the network benchmark's loopback servers, in their own process so that
 * the diagnosis' event loop being busy (spawning commands) cannot delay the servers — as with
 * real remote servers. Prints one JSON line with the addresses, then one line per request to the
 * slow server with its arrival time (epoch ms, sub-ms). Exits when stdin closes (parent gone).
 * argv: <slowMs>
 */
import { startDelayedHttp, startDns, startTcp } from '../lib/loopback.ts';

const slowMs = Number(process.argv[2] ?? 500);
const [slow, fast, dns, gateway] = await Promise.all([startDelayedHttp(slowMs), startDelayedHttp(0), startDns(), startTcp()]);
const epoch = () => performance.timeOrigin + performance.now();
slow.onArrival = () => process.stdout.write(`${JSON.stringify({ arrival: epoch() })}\n`);
process.stdout.write(`${JSON.stringify({ slowUrl: slow.url, fastUrl: fast.url, dnsServer: dns.server, tcpPort: gateway.port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void Promise.all([slow.close(), fast.close(), dns.close(), gateway.close()]).then(() => process.exit(0));
});
