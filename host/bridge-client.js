// Browser-host bridge: implements window.firstline over loopback HTTP (invoke) and
// Server-Sent Events (events). Development and test only; never packaged. Plain JS because it
// is served as-is to the page (CSP: script-src 'self').
(() => {
  'use strict';
  const key = 'firstline-host-token';
  const params = new URLSearchParams(location.search);
  const token = params.get('token') || sessionStorage.getItem(key) || '';
  sessionStorage.setItem(key, token);
  if (params.has('token')) {
    params.delete('token');
    const query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
  }
  const listeners = new Map();
  const source = new EventSource('/__firstline/events?token=' + encodeURIComponent(token));
  const ready = new Promise((resolve) => source.addEventListener('open', () => resolve(undefined), { once: true }));
  source.addEventListener('message', (message) => {
    let parsed;
    try {
      parsed = JSON.parse(message.data);
    } catch {
      return;
    }
    for (const listener of listeners.get(parsed.name) || []) listener(parsed.payload);
  });
  const failure = (code) => ({ ok: false, error: { code, messageKey: 'error.ipc.' + code } });
  window.firstline = Object.freeze({
    async invoke(channel, args) {
      await ready;
      try {
        const response = await fetch('/__firstline/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-firstline-token': token },
          body: JSON.stringify({ channel, args }),
        });
        if (response.status === 403) return failure('untrusted-sender');
        return await response.json();
      } catch {
        return failure('internal');
      }
    },
    on(name, listener) {
      const set = listeners.get(name) || new Set();
      const wrapped = (payload) => listener(payload);
      set.add(wrapped);
      listeners.set(name, set);
      return () => set.delete(wrapped);
    },
  });
})();
