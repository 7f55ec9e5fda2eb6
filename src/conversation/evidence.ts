/**
 * Evidence items: what was received, when it was originally sent, what was found, and a SHA-256 of the content
 * so the user can later show it was not altered.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EvidenceItem } from '../state/store';
import { AppError } from '../errors';

/** Builds an evidence item for a collector's message (forwarded text, or OCR text with the image's hash). */
export function buildEvidence(input: {
  kind: EvidenceItem['kind'];
  text: string;
  receivedAt: Date;
  sentAt: Date | null;
  categories: string[];
  imageSha256?: string;
  from?: string;
  corrected?: boolean;
}): EvidenceItem {
  // A call is an event: two calls with the same note are two items, so its time and number are part of it.
  const content = input.kind === 'call'
    ? `${input.text}\n${input.from ?? ''}\n${input.sentAt?.toISOString() ?? input.receivedAt.toISOString()}`
    : `${input.text}\n${input.imageSha256 ?? ''}`;
  return {
    id: `E${input.receivedAt.toISOString().slice(2, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`,
    kind: input.kind,
    receivedAt: input.receivedAt.toISOString(),
    sentAt: input.sentAt ? input.sentAt.toISOString() : null,
    text: input.text,
    imageSha256: input.imageSha256,
    from: input.from,
    ...(input.corrected ? { corrected: true } : {}),
    categories: input.categories,
    contentSha256: sha256(content),
  };
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The reply for evidence appendEvidence refused (it rejected: nothing kept, no retry promised): the cap, or
 * "not kept — keep your own copy". Only a result with `queued: true` may use evidence_not_saved, which promises
 * the retry.
 */
export function notKeptReplyKey(e: unknown): 'evidence_limit' | 'evidence_not_kept' {
  return e instanceof AppError && e.code === 'EVIDENCE_LIMIT' ? 'evidence_limit' : 'evidence_not_kept';
}
