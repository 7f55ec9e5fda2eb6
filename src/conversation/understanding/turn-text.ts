/**
 * A turn's text as the understander reads it: normalised (simplified, half-width, lower-case, no emoji,
 * variants mapped) with the user's spacing kept as structure — a single space between clauses becomes a clause
 * break (SPACE_BREAK), a wider gap or a line break a segment break ('\n'). Every unit maps back to the span of
 * the original it came from, so the quoted collector part and the user's own words are returned as typed.
 */
import { createNormalizer, type NormalizedText } from '../../analysis/normalize';
import { markSpaceBreaks } from '../../analysis/space-breaks';
import type { UnderstandingLexicon } from '../../knowledge/understanding-data';

/** Stands for a space the user typed between two clauses. */
export const SPACE_BREAK = '¦';

export interface TurnText {
  /** The turn exactly as typed. */
  raw: string;
  /** Normalised text; segment breaks are '\n', typed clause-separating spaces SPACE_BREAK. */
  t: string;
  n: NormalizedText;
}

/** Builds the reader for one lexicon (variants compiled once). */
export function createTurnTextReader(lexicon: UnderstandingLexicon): (raw: string) => TurnText {
  const normalizer = createNormalizer(Object.entries(lexicon.variants).map(([from, to]) => ({ from, to })));
  return (raw) => {
    const marked = markSpaceBreaks(raw, { clause: SPACE_BREAK, gap: '\n', digits: true });
    const n = normalizer.normalize(marked);
    const t = n.text.replace(/^[\n¦]+|[\n¦]+$/g, (m) => m.replace(/./g, '\n'));
    return { raw, t, n: { ...n, original: raw, text: t } };
  };
}

/** The original words behind normalised offsets [start, end), trimmed. */
export function rawSpan(tt: TurnText, start: number, end: number): string {
  if (end <= start || start >= tt.n.starts.length) return '';
  const from = tt.n.starts[start]!;
  const to = tt.n.ends[Math.min(end, tt.n.ends.length) - 1]!;
  return tt.raw.slice(from, to).trim();
}
