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
  // Calls go out at once (the window's first calls must not wait for the stream's handshake,
  // which Electron IPC does not have). Only a call whose answer comes as events needs the
  // stream open first, or the first events of a run could be sent before anyone listens.
  // A stream the browser has given up on (CLOSED) will never open: the call goes ahead then.
  const needsStream = new Set(['run:start']);
  const streamSettled = () =>
    new Promise((resolve) => {
      const check = () => {
        if (source.readyState === EventSource.CONNECTING) return;
        source.removeEventListener('open', check);
        source.removeEventListener('error', check);
        resolve(undefined);
      };
      source.addEventListener('open', check);
      source.addEventListener('error', check);
      check();
    });
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
      if (needsStream.has(channel)) await streamSettled();
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
