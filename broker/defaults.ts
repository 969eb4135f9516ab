/**
 * Where the broker listens and writes on Linux when its service definition passes no flag. The
 * app's client (core/platform/broker-port.ts) and the service definitions in build/broker/ use
 * the same paths; test/unit/build/broker-install.test.ts keeps them in step.
 */
export const brokerDefaults = {
  socket: '/run/firstline/broker.sock',
  proofDir: '/run/firstline/proof',
  auditLog: '/var/log/firstline/broker.log',
  policyFile: '/etc/firstline/policy.json',
  path: '/usr/sbin:/usr/bin:/sbin:/bin',
  rate: '20/60',
} as const;
