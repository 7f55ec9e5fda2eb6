/**
 * Simplified or traditional: which reading of a bubble to keep when it was read with both models. The simplified
 * model reads a traditional bubble (網貸逾期會坐牢嗎) as simplified characters or misreads it, with lower
 * confidence; the traditional model reads a simplified bubble as traditional characters (还 → 還), also with
 * lower confidence. Neither reading alone says which script the screenshot shows, so the two are compared:
 * overall, and on the words whose characters differ between the scripts (還 against 还), where the model that
 * matches the glyphs is the more confident. The text the user sees is kept as the screenshot wrote it; the
 * analyser folds scripts itself.
 */
import * as OpenCC from 'opencc-js/t2cn';

/** A region's reading by one model: its mean confidence (0–100) and its words with theirs. */
export interface ModelReading {
  conf: number;
  words: Array<{ text: string; conf: number }>;
}

/**
 * Bubbles the simplified model read with a confidence under this are read again with the traditional model. On
 * the dev screenshots 47 of 52 traditional bubbles scored under 88, and about one simplified bubble in five of
 * full-size screenshots.
 */
export const TRADITIONAL_CHECK_BELOW = 88;
/**
 * How much more confident, overall, the traditional reading must be. With the word comparison below, this kept
 * the traditional reading for 40 of 52 traditional bubbles of the dev screenshots and for 11 of 342 simplified
 * ones (6 of 282 outside the group of mostly traditional small screens); the sum of bubble error rates fell
 * from 23.1 to 13.1 (8.1 to 7.1 outside that group).
 */
export const TRADITIONAL_LEAD = 4;

let fold: ((s: string) => string) | undefined;
const toSimplified = (s: string): string => (fold ??= OpenCC.Converter({ from: 't', to: 'cn' }) as (x: string) => string)(s);

/** Traditional characters folded to simplified ones (週 → 周), e.g. for a time label read by the traditional model. */
export function foldTraditional(text: string): string {
  return toSimplified(text);
}

/**
 * True when the traditional reading is to be kept: it is TRADITIONAL_LEAD more confident overall, and on the
 * words where the scripts differ (a traditional word whose simplified form the simplified model read) it is at
 * least as confident on average. A traditional reading without such words changes no script and is not taken.
 */
export function prefersTraditional(simplified: ModelReading, traditional: ModelReading): boolean {
  if (traditional.conf < simplified.conf + TRADITIONAL_LEAD) return false;
  const bySimplified = new Map<string, number>();
  for (const w of simplified.words) if (!bySimplified.has(w.text)) bySimplified.set(w.text, w.conf);
  let lead = 0;
  let compared = 0;
  for (const w of traditional.words) {
    const folded = toSimplified(w.text);
    if (folded === w.text) continue;
    const other = bySimplified.get(folded);
    if (other === undefined) continue;
    lead += w.conf - other;
    compared += 1;
  }
  return compared > 0 && lead / compared >= 0;
}
