/**
 * The classifier's features, shared by training (bench/train-understanding.ts) and prediction so the two can
 * never drift apart: character 1–3-grams of the normalised text (digits folded to 0, punctuation and breaks to
 * one boundary mark, each gram weighted 1/√n) plus `c:` flags — which rule cues fired, the dialogue context and
 * its crossings — that let the model generalise past the words it has seen.
 */
import type { SpeakerCues } from '../../knowledge/understanding-data';
import type { CueCompiler } from './cues';
import { asksOrWonders } from './question-form';
import type { FeatureVector } from './turn-classifier';

/** The n-gram range used by every head (recorded in the model file). */
export const NGRAM = { min: 1, max: 3 } as const;

const BOUNDARY = /[\s¦，,。.！!？?；;…~～:：、“”"'‘’「」『』【】()（）[\]<>《》\-—_*#@|/\\]+/g;

/** Adds the character n-grams of `text` (already normalised) to `out`, each weighted 1/√(number of grams). */
export function addNgrams(text: string, out: FeatureVector, prefix = ''): void {
  // Normalised text has no emoji left, so a UTF-16 unit is a character (astral ones are dropped, rare as they are).
  const folded = `|${text.replace(/\d+(?:[.,]\d+)*/g, '0').replace(BOUNDARY, '|').replace(/[\ud800-\udfff]/g, '')}|`;
  const grams = new Set<string>();
  for (let i = 0; i < folded.length; i++) {
    for (let n = NGRAM.min; n <= NGRAM.max && i + n <= folded.length; n++) {
      const g = folded.substr(i, n);
      if (g === '|' || g === '||') continue;
      grams.add(g);
    }
  }
  const w = grams.size ? 1 / Math.sqrt(grams.size) : 0;
  for (const g of grams) out.set(prefix + g, w);
}

/** Adds a `c:` flag (rule cue, context, crossing) with value 1. */
export function addFlag(out: FeatureVector, name: string): void {
  out.set(`c:${name}`, 1);
}

/** Features of a span for the speaker head: is this a collector's words or the user's? */
export type SpeakerFeaturizer = (span: string) => FeatureVector;

/** Builds the speaker featurizer from the speaker cues. */
export function createSpeakerFeaturizer(cues: SpeakerCues, compiler: CueCompiler): SpeakerFeaturizer {
  const user = compiler.compile(cues.user_cues);
  const collector = compiler.compile(cues.collector_cues);
  const frame = compiler.compile(cues.frames.paste);
  const you = compiler.compile(['@YOU']);
  const they = compiler.compile(['^ @THEY']);
  const mine = compiler.compile(['@MY_PEOPLE']);
  return (span) => {
    const x: FeatureVector = new Map();
    addNgrams(span, x);
    const flags = {
      user: user.test(span),
      collector: collector.test(span),
      frame: frame.test(span),
      you: you.test(span),
      they: they.test(span),
      'my-people': mine.test(span),
      // The speaker talks about themselves: 我 (not the collector's 我们 / 我司), 自己, 感觉, 觉得.
      i: /我(?![们司方所])|(?<![你您])自己|感觉|觉得/.test(span),
      question: asksOrWonders(span),
    };
    for (const [name, on] of Object.entries(flags)) if (on) addFlag(x, name);
    // A demand or threat that nobody narrates ("明天不还就上门"): the collector's own voice.
    if (flags.collector && !flags.user && !flags.they && !flags.i && !flags.question) addFlag(x, 'unnarrated-collector');
    if (span.includes('【')) addFlag(x, 'header');
    if (span.includes('您')) addFlag(x, 'polite');
    addFlag(x, `len:${lengthBucket(span)}`);
    return x;
  };
}

/** Coarse length classes: very short turns behave differently (greetings, replies). */
export function lengthBucket(s: string): string {
  const n = s.replace(/[¦\s]/g, '').length;
  return n <= 2 ? '1-2' : n <= 5 ? '3-5' : n <= 10 ? '6-10' : n <= 20 ? '11-20' : n <= 40 ? '21-40' : '41+';
}
