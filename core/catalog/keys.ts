/**
 * Ed25519 keys for catalog signing, from node:crypto only. The public key travels through policy
 * as base64 of its SPKI DER (one line, fits a REG_SZ); PEM is accepted too.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export type CatalogKeyPair = { publicKey: string; privateKeyPem: string };

export function generateCatalogKeyPair(): CatalogKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN') ? createPublicKey(trimmed) : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${String(key.asymmetricKeyType)})`);
  return key;
}

export function parsePrivateKey(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${String(key.asymmetricKeyType)})`);
  return key;
}

/** Public key (base64 SPKI) of a private key — lets `sign` print which key it used. */
export function publicKeyOf(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
}

export function signBytes(data: Buffer, privateKey: KeyObject): string {
  return sign(null, data, privateKey).toString('base64');
}

/** True when any of the trusted keys verifies the signature. Unparseable keys are skipped. */
export function verifyBytes(data: Buffer, signatureBase64: string, trustedKeys: readonly string[]): boolean {
  const signature = Buffer.from(signatureBase64.trim(), 'base64');
  return trustedKeys.some((text) => {
    try {
      return verify(null, data, parsePublicKey(text), signature);
    } catch {
      return false;
    }
  });
}
