/**
 * Secure mode's message encryption (the documented WXBizMsgCrypt scheme, shared by the Official Account and
 * WeCom): AES-256-CBC with the key from EncodingAESKey and its first 16 bytes as IV, 32-byte PKCS#7 padding, and a
 * plaintext of 16 random bytes, a 4-byte length, the message and the receiver id (AppID or CorpID). The cipher
 * itself is @wecom/crypto; this module adds the checks it leaves out (the receiver id, an empty or malformed
 * plaintext) and builds the encrypted passive-reply envelope.
 */
import { randomBytes } from 'node:crypto';
import { decrypt, encrypt } from '@wecom/crypto';
import { msgSignature } from './signature';
import { buildXml } from './xml';

export interface EnvelopeKeys {
  token: string;
  /** The 43-character EncodingAESKey. */
  encodingAesKey: string;
  /** AppID (Official Account) or CorpID (WeCom): the id the platform appends to every plaintext. */
  receiveId: string;
}

/** A body that cannot be decrypted, or was encrypted for someone else. */
export class EnvelopeError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'EnvelopeError';
  }
}

/** Decrypts one encrypted field; throws EnvelopeError unless it decrypts to a message for `keys.receiveId`. */
export function openCipher(keys: EnvelopeKeys, cipherB64: string): string {
  let out: { message: string; id: string };
  try {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(cipherB64) || Buffer.from(cipherB64, 'base64').length % 32 !== 0) throw new Error('not a cipher text');
    out = decrypt(keys.encodingAesKey, cipherB64);
  } catch {
    throw new EnvelopeError('cannot decrypt');
  }
  if (out.id !== keys.receiveId) throw new EnvelopeError('encrypted for another receiver id');
  if (out.message.length === 0) throw new EnvelopeError('empty plaintext');
  return out.message;
}

/** Encrypts `plaintext` for the platform (random 16-byte prefix unless given, for tests against vectors). */
export function sealCipher(keys: EnvelopeKeys, plaintext: string, random: Buffer = randomBytes(16)): string {
  return encrypt(keys.encodingAesKey, plaintext, keys.receiveId, random);
}

/** The encrypted passive reply: <xml> with Encrypt, MsgSignature, TimeStamp and Nonce. */
export function sealReply(keys: EnvelopeKeys, replyXml: string, timestamp: string, nonce: string): string {
  const cipher = sealCipher(keys, replyXml);
  return buildXml({ Encrypt: cipher, MsgSignature: msgSignature(keys.token, timestamp, nonce, cipher), TimeStamp: Number(timestamp), Nonce: nonce });
}
