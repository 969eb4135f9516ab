/**
 * Credential store port. Helpdesk credentials come from machine policy or the OS keychain and are
 * looked up by NAME; the renderer never sees them and they are redacted from logs and tickets.
 *
 * The Electron shell implements `SecretCipher` with `safeStorage` (encryptString/decryptString)
 * and passes it to `createFileSecretStore`; Node tests and the CLI use `plainCipher` — a
 * file-based stand-in with no encryption, protected only by file mode 0600.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DurableTextFile } from '../store/durable-json-file.ts';

export type SecretStore = {
  get(name: string): Promise<string | undefined>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  /** Names only — values are never listed. */
  names(): Promise<string[]>;
};

export type SecretCipher = {
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
};

/** No encryption: for tests and the CLI only (the file is still created with mode 0600). */
export const plainCipher: SecretCipher = {
  encrypt: (plain) => Buffer.from(plain, 'utf8'),
  decrypt: (encrypted) => encrypted.toString('utf8'),
};

const fileSchema = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });

export function createFileSecretStore(file: string, cipher: SecretCipher = plainCipher): SecretStore {
  const writer = new DurableTextFile(file);
  let cache: Record<string, string> | null = null;

  const load = async (): Promise<Record<string, string>> => {
    if (cache) return cache;
    let text: string | null = null;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // An unreadable secrets file is treated as empty: the connector then reports a missing secret.
    const parsed = text === null ? null : fileSchema.safeParse(safeJson(text));
    cache = parsed?.success ? parsed.data.secrets : {};
    return cache;
  };
  const save = async (secrets: Record<string, string>) => {
    cache = secrets;
    await writer.write(JSON.stringify({ version: 1, secrets }));
  };

  return {
    async get(name) {
      const encoded = (await load())[name];
      return encoded === undefined ? undefined : cipher.decrypt(Buffer.from(encoded, 'base64'));
    },
    async set(name, value) {
      await save({ ...(await load()), [name]: cipher.encrypt(value).toString('base64') });
    },
    async delete(name) {
      const { [name]: _removed, ...rest } = await load();
      await save(rest);
    },
    async names() {
      return Object.keys(await load());
    },
  };
}

export function createMemorySecretStore(initial: Record<string, string> = {}): SecretStore {
  const values = new Map(Object.entries(initial));
  return {
    get: async (name) => values.get(name),
    set: async (name, value) => void values.set(name, value),
    delete: async (name) => void values.delete(name),
    names: async () => [...values.keys()],
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
