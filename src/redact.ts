/**
 * Finds the identifiers people paste into chats — mainland mobile numbers, 18-digit ID numbers, bank-card
 * numbers — and swaps them for placeholders before text leaves for an LLM; the placeholders are swapped back in
 * the reply to the user only. The same patterns scrub logs.
 */

const ID_CARD = /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g;
const MOBILE = /(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9])/g;
// 16–19 digits, optionally grouped by spaces or dashes in fours.
const BANK_CARD = /(?<![0-9])(?:\d{4}[- ]?){3}\d{4,7}(?![0-9])/g;
// Telegram bot tokens and API keys that look like sk-…
const SECRET = /(?:\b\d{6,12}:[A-Za-z0-9_-]{30,}\b|\bsk-[A-Za-z0-9_-]{16,}\b)/g;

export type IdentifierKind = 'ID' | 'PHONE' | 'CARD';

export interface Redaction {
  /** Text with placeholders like ⟦PHONE_1⟧. */
  text: string;
  /** placeholder → original. */
  map: Map<string, string>;
}

const ORDER: Array<[IdentifierKind, RegExp]> = [
  ['ID', ID_CARD],
  ['CARD', BANK_CARD],
  ['PHONE', MOBILE],
];

/** Replaces identifiers with numbered placeholders; the same value gets the same placeholder. */
export function redactIdentifiers(text: string, into: Redaction = { text: '', map: new Map() }): Redaction {
  const reverse = new Map<string, string>();
  for (const [ph, orig] of into.map) reverse.set(orig, ph);
  const counts: Record<IdentifierKind, number> = { ID: 0, CARD: 0, PHONE: 0 };
  for (const ph of into.map.keys()) {
    const kind = ph.slice(1, ph.lastIndexOf('_')) as IdentifierKind;
    if (kind in counts) counts[kind]++;
  }
  let out = text;
  for (const [kind, re] of ORDER) {
    out = out.replace(re, (m) => {
      if (m.includes('⟦')) return m;
      const existing = reverse.get(m);
      if (existing) return existing;
      const ph = `⟦${kind}_${++counts[kind]}⟧`;
      into.map.set(ph, m);
      reverse.set(m, ph);
      return ph;
    });
  }
  return { text: out, map: into.map };
}

/** Puts the originals back where the placeholders stand (for the reply to the user only). */
export function restoreIdentifiers(text: string, map: Map<string, string>): string {
  return text.replace(/⟦(ID|CARD|PHONE)_\d+⟧/g, (ph) => map.get(ph) ?? ph);
}

/** Masks identifiers and secrets outright, for logs and anything else that must never hold them. */
export function scrubIdentifiers(text: string): string {
  let out = text.replace(SECRET, '[secret]');
  for (const [kind, re] of ORDER) out = out.replace(re, `[${kind.toLowerCase()}]`);
  return out;
}
