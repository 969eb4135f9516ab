/**
 * Node's network modules for the probes, imported once on first use and then kept (issue #17:
 * they stay off the app's start path). A dynamic `import()` settles asynchronously every time,
 * even for a module already loaded — under load that was 50–110 ms per probe, spent before the
 * request went out, while the local read-outs were spawning. The diagnosis loads them once before
 * it starts its probes; a probe then sends its request in the same tick it starts.
 */
import type * as Dns from 'node:dns/promises';
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type * as Tls from 'node:tls';

export type WebModules = { http: typeof Http; https: typeof Https; tls: typeof Tls; dns: typeof Dns };

let loaded: WebModules | undefined;
let loading: Promise<WebModules> | undefined;

/** The modules, loaded on the first call; later calls resolve with the same objects. */
export function loadWebModules(): Promise<WebModules> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= Promise.all([import('node:http'), import('node:https'), import('node:tls'), import('node:dns/promises')]).then(([http, https, tls, dns]) => {
    loaded = { http, https, tls, dns };
    return loaded;
  });
  return loading;
}

/** The modules when already loaded (no await: the caller sends in the same tick), else loads them. */
export function webModules(): WebModules | Promise<WebModules> {
  return loaded ?? loadWebModules();
}
