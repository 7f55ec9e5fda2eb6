/**
 * Request signatures of the WeChat platforms. URL verification and plaintext messages carry `signature`: the
 * SHA-1 of token, timestamp and nonce sorted and joined. Secure mode (and every WeCom callback) carries
 * `msg_signature`, which adds the encrypted body to the sorted list (computed by @wecom/crypto). Both are
 * compared in constant time, and a request whose timestamp is outside the window is refused as a replay.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { getSignature } from '@wecom/crypto';

/** The plaintext-mode signature: sha1(sort([token, timestamp, nonce]).join('')). */
export function plainSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

/** The secure-mode signature over the encrypted payload. */
export function msgSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return getSignature(token, timestamp, nonce, encrypted);
}

/** True when `given` equals the expected hex digest; constant time, and false for anything missing. */
export function sameDigest(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(given.toLowerCase()).digest();
  const b = createHash('sha256').update(expected.toLowerCase()).digest();
  return timingSafeEqual(a, b);
}

/** Default replay window: a signed request older (or newer) than this many seconds is refused. */
export const DEFAULT_MAX_SKEW_S = 300;

/** True when `timestamp` (unix seconds, as sent) is within `maxSkewS` of `nowMs`. */
export function withinWindow(timestamp: unknown, nowMs: number, maxSkewS = DEFAULT_MAX_SKEW_S): boolean {
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(Number(timestamp) * 1000 - nowMs) <= maxSkewS * 1000;
}
