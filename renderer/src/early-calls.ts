/**
 * The home screen's data, asked for the moment the window's script starts — before React and
 * i18next are set up — and all at once, so the answers are there when the first render needs
 * them instead of one round trip after another (issue 8, 5b). main.tsx imports this first.
 *
 * Each early answer is handed out once; whoever asks again gets a fresh call to the core.
 */
import type { AppInfo, Channel, ChannelArgs, ChannelResult } from '../../contract/index.ts';
import { call } from './api.ts';
import { loadMessages, supportedLangs, type UiLang } from './locale-messages.ts';

type Early = { promise: Promise<unknown>; answer: { value: unknown } | null };
const early = new Map<string, Early>();
const keyOf = (channel: Channel, args: unknown) => `${channel} ${JSON.stringify(args)}`;

function prefetch<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  const promise = call(channel, args);
  const entry: Early = { promise, answer: null };
  // Also keeps a failure from being reported as unhandled before a screen takes it.
  promise.then(
    (value) => (entry.answer = { value }),
    () => undefined,
  );
  early.set(keyOf(channel, args), entry);
  return promise;
}

/** The early answer if it is already here, so a first render needs no loading state. */
export function earlyAnswer<C extends Channel>(channel: C, args: ChannelArgs<C>): ChannelResult<C> | undefined {
  return early.get(keyOf(channel, args))?.answer?.value as ChannelResult<C> | undefined;
}

/** The early call for these arguments if one is waiting (taken once), else a fresh call. */
export function callEarly<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<ChannelResult<C>> {
  const key = keyOf(channel, args);
  const entry = early.get(key);
  if (!entry) return call(channel, args);
  early.delete(key);
  return entry.promise as Promise<ChannelResult<C>>;
}

export type Start = { info: Promise<AppInfo | null>; lang: Promise<UiLang> };

// The language of the last start, kept only as a hint so the catalog and the messages can be
// asked for before settings:get answers; the core's answer always decides.
const langHintKey = 'firstline-lang';

function isUiLang(value: unknown): value is UiLang {
  return (supportedLangs as readonly unknown[]).includes(value);
}

/** Last start's language, else the system's (what the core's "automatic" follows too), else English. */
function guessLang(): UiLang {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(langHintKey);
  } catch {
    // Storage may be unavailable (disabled, opaque origin): the hint is optional.
  }
  const system = navigator.language.slice(0, 2).toLowerCase();
  return isUiLang(saved) ? saved : isUiLang(system) ? system : 'en';
}

function rememberLang(lang: UiLang): void {
  try {
    localStorage.setItem(langHintKey, lang);
  } catch {
    // See guessLang.
  }
}

function start(): Start {
  const info = prefetch('app:info', {}).catch(() => null);
  const settings = prefetch('settings:get', {}).catch(() => null);
  void prefetch('history:list', {});
  // Usually right, which saves a round trip; a wrong guess costs one unused answer.
  const guess = guessLang();
  void prefetch('catalog:list', { lang: guess });
  loadMessages(guess).catch(() => undefined);
  // The employee's own choice wins; app:info carries the language chosen when the app started.
  const lang = settings.then(async (s) => s?.lang ?? (await info)?.lang ?? 'en');
  void lang.then((l) => {
    rememberLang(l);
    if (l !== guess) {
      early.delete(keyOf('catalog:list', { lang: guess }));
      void prefetch('catalog:list', { lang: l });
      // initI18n picks up this download (or tries again if it failed).
      loadMessages(l).catch(() => undefined);
    }
    // The outage feed may be remote: asked for once the language is certain.
    void prefetch('outage:list', { lang: l });
  });
  return { info, lang };
}

export const started: Start = start();

// Vite starts a lazy chunk's import() one microtask later, which would otherwise wait until
// all of the window's code (React, i18next) has been evaluated; one await lets the language
// download go out now, together with the calls above.
await Promise.resolve();
