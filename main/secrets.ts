/**
 * Helpdesk credentials at rest, encrypted with the OS keychain through Electron's safeStorage
 * (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux). Where no keychain is
 * available safeStorage would fall back to a hard-coded key on Linux; we refuse that and keep no
 * secrets rather than pretend they are protected.
 */
import path from 'node:path';
import { safeStorage } from 'electron';
import { createFileSecretStore, type SecretCipher, type SecretStore } from '../core/secrets/secret-store.ts';

/** Holds nothing and refuses to store: used when the OS offers no real keychain. */
const noKeychain: SecretStore = {
  get: async () => undefined,
  set: async () => {
    throw new Error('No OS keychain is available to protect secrets on this machine.');
  },
  delete: async () => undefined,
  names: async () => [],
};

export function createKeychainSecretStore(userDataDir: string): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) return noKeychain;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return noKeychain;
  const cipher: SecretCipher = {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (encrypted) => safeStorage.decryptString(encrypted),
  };
  return createFileSecretStore(path.join(userDataDir, 'secrets.bin.json'), cipher);
}
