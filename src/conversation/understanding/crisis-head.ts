/**
 * The statistical crisis head: character n-grams of the user's own words (normalised, respelt and defused, as the crisis
 * rules read them) scored by a small softmax (knowledge/understanding/crisis-model.json, trained by
 * `npm run train:crisis`). Rules hear the shapes they were written for; the head carries what the labelled sets
 * taught it to wordings no rule names. Training and reading must share crisisFeatures.
 */
import type { CrisisModelFile } from '../../knowledge/understanding-data';
import { headFromFile, logits, type FeatureVector } from './turn-classifier';

/**
 * True when the head hears risk in a normalised, respelt turn; `cue` says a weak crisis cue of crisis.yaml is in
 * the turn too, which lets a lower probability count. The head only ever says risk, never acute.
 */
export type CrisisHead = (t: string, cue: boolean) => boolean;

/**
 * The head's features: every character n-gram of the text, spaces and clause marks folded to one blank; and, when
 * the model has word families (`concepts`), one feature per family found (`c:FAMILY`) and one per pair found
 * together (`c:A+B`), so a weight learned on "托付给我妹" reaches "拜托我姐" too.
 */
export function crisisFeatures(t: string, ngram: { min: number; max: number }, concepts: Readonly<Record<string, readonly string[]>> = {}): FeatureVector {
  const chars = [...t.replace(/[\s¦]+/g, ' ').trim()];
  const x: FeatureVector = new Map();
  for (let n = ngram.min; n <= ngram.max; n++) for (let i = 0; i + n <= chars.length; i++) x.set(`g:${chars.slice(i, i + n).join('')}`, 1);
  const found = Object.keys(concepts)
    .filter((name) => concepts[name]!.some((w) => t.includes(w)))
    .sort();
  for (const [i, a] of found.entries()) {
    x.set(`c:${a}`, 1);
    for (const b of found.slice(i + 1)) x.set(`c:${a}+${b}`, 1);
  }
  return x;
}

/** The probability that a turn is risk (softmax of the head's scores over its temperature). */
export function crisisProbability(model: CrisisModelFile): (t: string) => number {
  const head = headFromFile(model.head);
  const risk = head.labels.indexOf('risk');
  return (t) => {
    const z = logits(head, crisisFeatures(t, model.ngram, model.concepts)).map((v) => v / head.temperature);
    const top = Math.max(...z);
    const e = z.map((v) => Math.exp(v - top));
    return e[risk]! / e.reduce((a, b) => a + b, 0);
  };
}

/** The head with its threshold; never hears anything when there is no model. */
export function createCrisisHead(model: CrisisModelFile | undefined): CrisisHead {
  if (!model) return () => false;
  const p = crisisProbability(model);
  return (t, cue) => {
    const risk = p(t);
    return risk >= model.threshold || (cue && risk >= model.threshold_with_cue);
  };
}
