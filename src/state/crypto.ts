/**
 * AES-256-GCM for everything kept at rest. Each record gets a fresh 96-bit IV; the record's key name is bound
 * in as additional data, so a ciphertext copied under another user's key fails to decrypt. The plaintext is
 * deflated first (v2): Chinese history halves in size, which keeps an active user's Redis footprint small.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const CURRENT = 'v2';

/** Encrypts `plain` for storage: "v2.<iv>.<tag>.<ciphertext of the deflated text>" in base64url. */
export function seal(key: Buffer, plain: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(deflateRawSync(Buffer.from(plain, 'utf8'))), cipher.final()]);
  return [CURRENT, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** Decrypts what seal() produced (v2, or the uncompressed v1 of earlier builds); throws if key, AAD or bytes are wrong. */
export function open(key: Buffer, sealed: string, aad: string): string {
  const [v, iv, tag, body] = sealed.split('.');
  if ((v !== 'v1' && v !== 'v2') || !iv || !tag || body === undefined) throw new Error('not a sealed record');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  return (v === 'v2' ? inflateRawSync(plain) : plain).toString('utf8');
}
