import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, IpcFailure, type Handlers } from '../../../app/dispatcher.ts';
import { channels, events } from '../../../contract/index.ts';
import { channelNames, eventNames } from '../../../contract/names.ts';

const log = { warn: vi.fn(), error: vi.fn() };
const settings = { language: 'auto' as const, automaticLang: 'en' as const, lang: 'en' as const, tileOrder: [], about: { policySources: [], catalogSources: [] } };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app:info': () => ({ name: 'Firstline', version: '1.0.0', platform: 'linux', host: 'browser-host', lang: 'en', supportContact: {} }),
    'catalog:list': () => [],
    'run:start': () => ({ runId: 'abcdef123' }),
    'run:answer': () => ({ ok: true }),
    'run:consent': () => ({ ok: true }),
    'run:cancel': () => ({ ok: true }),
    'run:open-link': () => ({ opened: false }),
    'settings:get': () => settings,
    'settings:set': () => settings,
    'history:list': () => [],
    'ticket:draft': () => Promise.reject(new Error('not used in these tests')),
    'ticket:send': () => ({ kind: 'error', messageKey: 'ticket.error.config' }),
    'ticket:list': () => [],
    'ticket:refresh': () => [],
    'ticket:open-mail': () => ({ opened: false }),
    'ticket:export': () => ({ text: '', filename: 'ticket.txt' }),
    'ticket:copy': () => ({ copied: false }),
    'ticket:save': () => ({ saved: false }),
    'ticket:hold': () => ({ text: '', filename: 'ticket.txt' }),
    'ticket:screenshot-capture': () => ({ ok: false, reason: 'off' }),
    'ticket:screenshot-attach': () => ({ ok: false, reason: 'off' }),
    'ticket:screenshot-remove': () => ({ ok: true }),
    'ticket:screenshot-save': () => ({ saved: false }),
    'support:open': () => ({ opened: false }),
    'outage:list': () => [],
    'outage:for': () => [],
    'outage:affected': () => ({ error: 'unknown-outage' as const }),
    'policy:about': () => ({ settings: [], issues: [] }),
    'article:get': () => ({ id: 'x', title: 'X', summary: 'X', steps: [], helpful: null }),
    'article:open-link': () => ({ opened: false }),
    'article:feedback': () => ({ ok: true }),
    'search:missed': () => ({ ok: true }),
    'run:feedback': () => ({ stored: true }),
    ...overrides,
  };
}

describe('IPC dispatcher', () => {
  it('returns the validated result of a known channel', async () => {
    const dispatch = createDispatcher(handlers(), log);
    await expect(dispatch('catalog:list', { lang: 'nl' }, { trusted: true })).resolves.toEqual({ ok: true, value: [] });
  });

  it('refuses an untrusted sender before looking at anything else', async () => {
    const start = vi.fn(() => ({ runId: 'abcdef123' }));
    const dispatch = createDispatcher(handlers({ 'run:start': start }), log);
    const result = await dispatch('run:start', { troubleshooterId: 'network', lang: 'en' }, { trusted: false });
    expect(result).toEqual({ ok: false, error: { code: 'untrusted-sender', messageKey: 'error.ipc.untrusted-sender' } });
    expect(start).not.toHaveBeenCalled();
  });

  it('answers an unknown channel with a typed error, including prototype keys', async () => {
    const dispatch = createDispatcher(handlers(), log);
    for (const name of ['shell:exec', '__proto__', 'constructor', '']) {
      const result = await dispatch(name, {}, { trusted: true });
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('rejects bad arguments without calling the handler', async () => {
    const start = vi.fn(() => ({ runId: 'abcdef123' }));
    const dispatch = createDispatcher(handlers({ 'run:start': start }), log);
    for (const args of [
      { troubleshooterId: '../../etc/passwd', lang: 'en' },
      { troubleshooterId: 'network', lang: 'xx' },
      { troubleshooterId: 'network', lang: 'en', command: 'rm -rf /' },
      'string',
      null,
    ]) {
      const result = await dispatch('run:start', args, { trusted: true });
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-arguments', messageKey: 'error.ipc.bad-arguments' } });
    }
    expect(start).not.toHaveBeenCalled();
  });

  it('refuses an oversized answer before it reaches the run', async () => {
    const dispatch = createDispatcher(handlers(), log);
    const result = await dispatch('run:answer', { runId: 'abcdef123', stepId: 'q', value: 'x'.repeat(4001) }, { trusted: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
  });

  it('turns a handler crash into an internal error without leaking its message', async () => {
    const dispatch = createDispatcher(
      handlers({
        'catalog:list': () => {
          throw new Error('secret path /home/x');
        },
      }),
      log,
    );
    const result = await dispatch('catalog:list', { lang: 'en' }, { trusted: true });
    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'error.ipc.internal' } });
  });

  it('maps expected failures to their code and refuses results outside the contract', async () => {
    const dispatch = createDispatcher(
      handlers({
        'run:cancel': () => {
          throw new IpcFailure('not-found');
        },
        'catalog:list': () => [{ id: 1 }] as never,
      }),
      log,
    );
    await expect(dispatch('run:cancel', { runId: 'abcdef123' }, { trusted: true })).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } });
    await expect(dispatch('catalog:list', { lang: 'en' }, { trusted: true })).resolves.toMatchObject({ ok: false, error: { code: 'bad-result' } });
  });

  it('lists exactly the contract channels and events for the preload allowlist', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(channels).sort());
    expect([...eventNames].sort()).toEqual(Object.keys(events).sort());
  });
});
