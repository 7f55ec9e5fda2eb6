/**
 * People typing on a phone separate clauses with a space instead of a comma ("还不上 不如去死"). The normaliser
 * removes spaces between Han characters (OCR puts them everywhere), which glues such clauses together: a
 * negation in one clause then reaches into the next, and clause-scoped patterns run across the seam. These
 * helpers turn those spaces into marks first, one character for one, so offsets into the original stay valid.
 */

/** What to write for a single space, and (optionally) for a run of two or more spaces. */
export interface SpaceBreakMarks {
  /** Replaces a single space between two clauses (default the full-width comma, a clause break everywhere). */
  clause?: string;
  /** Replaces the first space of a run of two or more (a wider gap, e.g. between a pasted message and a question). */
  gap?: string;
  /** Also mark a space next to a digit ("到手8500 分12期"); by default it is left for the normaliser to drop. */
  digits?: boolean;
}

import type { NormalizedText } from './normalize';

const WHITESPACE = /[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;
const HAN = /\p{Script=Han}/u;
const LATIN_LETTER = /[A-Za-z]/;
const DIGIT = /[0-9０-９]/;

/**
 * Marks the spaces that separate clauses. A space between two Latin letters ("pay today") or, unless
 * `marks.digits`, next to a digit ("每期 620") is left alone; a text spaced out letter by letter ("不 想 活 了") is returned unchanged. Line
 * breaks are never touched. The result has exactly the length of `text`.
 */
export function markSpaceBreaks(text: string, marks: SpaceBreakMarks = {}): string {
  const clause = marks.clause ?? '，';
  const gap = marks.gap ?? clause;
  if (clause.length !== 1 || gap.length !== 1) throw new Error('space marks must be one UTF-16 unit each');
  if (!/[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]/.test(text) || isLetterSpaced(text)) return text;
  return text.replace(WHITESPACE, (run, offset: number) => {
    const before = text[offset - 1];
    const after = text[offset + run.length];
    if (before === undefined || after === undefined || before === '\n' || after === '\n') return run;
    if (LATIN_LETTER.test(before) && LATIN_LETTER.test(after)) return run;
    if (!marks.digits && (DIGIT.test(before) || DIGIT.test(after))) return run;
    return (run.length >= 2 ? gap : clause) + run.slice(1);
  });
}

/**
 * For each unit of a normalised text, 1 when the user typed a space (that markSpaceBreaks would mark) right
 * before it: the normaliser drops spaces between Han characters, this keeps where they were. All zeros for a
 * text spaced out letter by letter.
 */
export function spaceSeparated(n: NormalizedText): Uint8Array {
  const out = new Uint8Array(n.text.length + 1);
  if (isLetterSpaced(n.original)) return out;
  for (let i = 1; i < n.text.length; i++) {
    const from = n.ends[i - 1]!;
    const to = n.starts[i]!;
    if (to > from && /\s/.test(n.original.slice(from, to)) && markSpaceBreaks(n.original.slice(from - 1, to + 1)) !== n.original.slice(from - 1, to + 1)) out[i] = 1;
  }
  return out;
}

/** "不 想 活 了": most space-separated tokens are single Han characters. */
function isLetterSpaced(text: string): boolean {
  for (const line of text.split('\n')) {
    const tokens = line.split(WHITESPACE).filter(Boolean);
    if (tokens.length < 3) continue;
    const single = tokens.filter((t) => Array.from(t).length === 1 && HAN.test(t)).length;
    if (single >= 3 && single >= tokens.length * 0.6) return true;
  }
  return false;
}
