/**
 * An optional statistical second pass for the collector-message analyzer: one-vs-rest logistic regression over
 * character 1–3-grams of the normalised text, trained by bench/train-analyzer.ts on the labelled sets and stored
 * in knowledge/analysis/ngram-model.json.
 *
 * It never removes anything and never decides alone: as a SecondOpinionSync it only CLAIMS a category the rules
 * missed when its probability reaches the model's (cross-validated) threshold, with the clause that scores highest
 * for that category as evidence — so mergeOpinion can check the words are really in the message. off_hours stays
 * with the clock; harassment_frequency is claimed only when the clause states a number or a frequency word.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { CATEGORY_IDS, type CategoryId } from './findings';
import type { OpinionClaim } from './second-opinion';

/** The model's file name in knowledge/analysis/. */
export const NGRAM_MODEL_FILE = 'ngram-model.json';

/** A transcript line spoken by the user ("我：…", "用户:"), from the lexicon's speaker.user labels. */
export function userLineRe(labels: string[]): RegExp {
  const esc = labels.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^\\s*(?:${esc.join('|')})\\s*[:：]`, 'i');
}

/** The categories the model may claim (never off_hours: that is the clock's). */
export const MODEL_CATEGORIES: CategoryId[] = CATEGORY_IDS.filter((c) => c !== 'off_hours');

const finite = z.number().refine(Number.isFinite, 'a finite number');
const categoryWeights = z.object({ bias: finite, weights: z.record(z.string().min(1).max(8), finite) });

export const ngramModelSchema = z
  .object({
    version: z.literal(1),
    kind: z.literal('char-ngram-logreg'),
    ngram: z.object({ min: z.number().int().min(1).max(4), max: z.number().int().min(1).max(4) }),
    /** Claim a category only when its probability is at least this (per-category overrides below). */
    threshold: z.number().gt(0).lt(1),
    thresholds: z.partialRecord(z.enum(CATEGORY_IDS), z.number().gt(0).lt(1)).optional(),
    categories: z.partialRecord(z.enum(CATEGORY_IDS), categoryWeights),
    /** Word classes (lexicon term groups) whose words also stand for their class in the features; see featurizer. */
    classes: z.array(z.object({ name: z.string().min(1), words: z.array(z.string().min(1)).min(1) })).max(400).optional(),
    trained: z.object({ sets: z.array(z.string()), messages: z.number().int(), features: z.number().int(), at: z.string() }).optional(),
  })
  .refine((m) => m.ngram.min <= m.ngram.max, 'ngram.min must not exceed ngram.max')
  .refine((m) => !('off_hours' in m.categories), 'off_hours is decided by the clock, never by the model');

export type NgramModelFile = z.infer<typeof ngramModelSchema>;

/** Validates a parsed model file; throws AppError KNOWLEDGE_INVALID naming every problem. */
export function parseNgramModel(raw: unknown, source = 'ngram-model.json'): NgramModelFile {
  const r = ngramModelSchema.safeParse(raw);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${source}: ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new AppError('KNOWLEDGE_INVALID', `knowledge/analysis has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
  return r.data;
}

/** Clause separators for evidence spans (punctuation and newlines). */
const CLAUSE_SPLIT = /[，,。.！!？?；;\n…~～:：、]+/;
/** Punctuation and spaces folded to one boundary mark in the features. */
const BOUNDARY = /[\s，,。.！!？?；;…~～:：、“”"'‘’「」『』【】()（）\[\]<>《》]+/g;
/** A number or a frequency word: required in the span before claiming harassment_frequency. */
const FREQUENCY_CUE = /[0-9０-９]|[一二两三四五六七八九十百千几]+[个次通条遍回]|每|天天|不停|一直|反复|循环|轮番|轰炸|没完|整天|日夜|上百|几十/;

/** The character n-grams (as a set) of an already normalised string. */
export function charNgrams(text: string, min = 1, max = 3): Set<string> {
  const t = `|${text.replace(BOUNDARY, '|')}|`;
  const out = new Set<string>();
  const chars = Array.from(t);
  for (let i = 0; i < chars.length; i++) {
    // Grown one character at a time (slice + join per n-gram cost a third of the model's time).
    let g = '';
    for (let n = 1; n <= max && i + n <= chars.length; n++) {
      g += chars[i + n - 1]!;
      if (n < min || g === '|' || g === '||') continue;
      out.add(g);
    }
  }
  return out;
}

/** Adds to `out` the n-grams of `text` (as charNgrams reads it) that cover a class mark. */
function markedNgrams(text: string, min: number, max: number, out: Set<string>): void {
  const chars = Array.from(`|${text.replace(BOUNDARY, '|')}|`);
  for (let p = 0; p < chars.length; p++) {
    if (!MARK.test(chars[p]!)) continue;
    for (let n = min; n <= max; n++) {
      for (let i = Math.max(0, p - n + 1); i <= p && i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
    }
  }
}

/** The class marks: private-use characters, never in normalised text. */
const MARK = /[\ue000-\uf8ff]/;

/** A word class: any of `words` in a message also yields the n-grams around the class's own mark. */
export interface WordClass {
  name: string;
  words: string[];
}

/** The mark standing for class `i` in the features (a private-use character, never in normalised text). */
const classMark = (i: number) => String.fromCharCode(0xe000 + i);

/**
 * The features of a normalised text: its character n-grams and, with word classes, the n-grams around each class
 * word with the word replaced by its class's mark ("你妈每天" also gives "⟨FAMILY⟩每天"), so a synonym the training
 * data never showed next to those words still scores like the ones it did. Why: the lexicon knows far more words
 * for a relative, a workplace or an authority than any labelled set shows in context.
 */
export function featurizer(min: number, max: number, classes: readonly WordClass[] = []): (text: string) => Set<string> {
  const byWord = new Map<string, string>();
  classes.forEach((c, i) => {
    for (const w of c.words) if (!byWord.has(w)) byWord.set(w, classMark(i));
  });
  const words = [...byWord.keys()].sort((a, b) => b.length - a.length);
  const re = words.length ? new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : undefined;
  return (text) => {
    const grams = charNgrams(text, min, max);
    if (!re) return grams;
    const sub = text.replace(re, (w) => byWord.get(w)!);
    if (sub !== text) markedNgrams(sub, min, max, grams);
    return grams;
  };
}

export interface NgramModelOptions {
  /** The analyzer's normaliser (variants, traditional → simplified, full-width → half-width). */
  normalize: (text: string) => string;
  /** A transcript line that is the user's own words ("我：…"); such lines are not scored. */
  userLine?: RegExp;
}

export interface NgramModel {
  /** Probability per category for the whole message (user lines in a transcript left out). */
  predict(text: string): Partial<Record<CategoryId, number>>;
  /** The threshold used for `category`. */
  threshold(category: CategoryId): number;
  /** Claims for every category at or above its threshold, each with the best-scoring clause as evidence. */
  review(text: string, sentAt?: Date | null): OpinionClaim[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Builds the predictor from a validated model file. */
export function createNgramModel(file: NgramModelFile, options: NgramModelOptions): NgramModel {
  const cats = MODEL_CATEGORIES.filter((c) => file.categories[c]);
  const weights = new Map<CategoryId, { bias: number; w: Map<string, number> }>();
  for (const c of cats) {
    const cw = file.categories[c]!;
    weights.set(c, { bias: cw.bias, w: new Map(Object.entries(cw.weights)) });
  }
  const { min, max } = file.ngram;
  const features = featurizer(min, max, file.classes);
  const threshold = (c: CategoryId) => file.thresholds?.[c] ?? file.threshold;

  /** The collector's part of the text: transcript lines spoken by the user are dropped. */
  const collectorLines = (text: string): string[] =>
    text.split('\n').filter((line) => !(options.userLine && options.userLine.test(line)));

  // Features are the message's distinct n-grams as a unit-length binary vector (each 1/√n), so long messages
  // do not get extreme scores just for being long.
  const score = (grams: Set<string>, c: CategoryId): number => {
    const m = weights.get(c)!;
    let z = 0;
    for (const g of grams) z += m.w.get(g) ?? 0;
    return m.bias + (grams.size ? z / Math.sqrt(grams.size) : 0);
  };

  const predict = (text: string) => {
    const grams = features(options.normalize(collectorLines(text).join('\n')));
    const out: Partial<Record<CategoryId, number>> = {};
    for (const c of cats) out[c] = sigmoid(score(grams, c));
    return out;
  };

  return {
    predict,
    threshold,
    review(text) {
      const probs = predict(text);
      const claims: OpinionClaim[] = [];
      let clauses: Array<{ raw: string; grams: Set<string> }> | undefined;
      for (const c of cats) {
        if ((probs[c] ?? 0) < threshold(c)) continue;
        clauses ??= collectorLines(text)
          .flatMap((line) => line.split(CLAUSE_SPLIT))
          .map((raw) => raw.trim())
          .filter((raw) => raw.length >= 2)
          .map((raw) => ({ raw, grams: features(options.normalize(raw)) }));
        let best: { raw: string; z: number } | undefined;
        for (const cl of clauses) {
          const z = score(cl.grams, c);
          if (!best || z > best.z) best = { raw: cl.raw, z };
        }
        if (!best) continue;
        if (c === 'harassment_frequency' && !FREQUENCY_CUE.test(best.raw)) continue;
        claims.push({ category: c, evidence: best.raw });
      }
      return claims;
    },
  };
}

/** Training data for one message. */
export interface TrainingExample {
  text: string;
  categories: CategoryId[];
}

export interface TrainOptions {
  normalize: (text: string) => string;
  userLine?: RegExp;
  /** Keep n-grams seen in at least this many messages. */
  minDf?: number;
  /** The longest character n-gram (default 3, at most 4). */
  ngramMax?: number;
  /** Word classes for class features (see featurizer); stored in the model file. */
  classes?: WordClass[];
  /** Keep at most this many non-zero weights per category (largest |w|). */
  topK?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Deterministic shuffling. */
  seed?: number;
  threshold?: number;
  thresholds?: Partial<Record<CategoryId, number>>;
  sets?: string[];
}

/** Trains the one-vs-rest logistic regression (SGD, binary features, L2) and returns the model file. */
export function trainNgramModel(examples: TrainingExample[], opts: TrainOptions): NgramModelFile {
  const min = 1;
  const max = opts.ngramMax ?? 3;
  const minDf = opts.minDf ?? 2;
  const features = featurizer(min, max, opts.classes);
  const topK = opts.topK ?? 3000;
  const epochs = opts.epochs ?? 30;
  const lr0 = opts.learningRate ?? 3;
  const l2 = opts.l2 ?? 1e-4;
  const drop = opts.userLine;
  const docs = examples.map((e) => {
    const text = e.text
      .split('\n')
      .filter((l) => !(drop && drop.test(l)))
      .join('\n');
    return { grams: features(opts.normalize(text)), cats: new Set(e.categories) };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const g of d.grams) df.set(g, (df.get(g) ?? 0) + 1);
  const vocab = new Set([...df].filter(([, n]) => n >= minDf).map(([g]) => g));
  const feats = docs.map((d) => [...d.grams].filter((g) => vocab.has(g)));
  // Scored with every n-gram of the message (unknown ones weigh 0), so normalise by the full count as predict does.
  const norms = docs.map((d) => (d.grams.size ? 1 / Math.sqrt(d.grams.size) : 0));

  let seed = opts.seed ?? 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const order = docs.map((_, i) => i);

  const categories: NgramModelFile['categories'] = {};
  for (const c of MODEL_CATEGORIES) {
    const w = new Map<string, number>();
    let bias = 0;
    const positives = docs.filter((d) => d.cats.has(c)).length;
    if (positives === 0) continue;
    // Balance the classes a little: positives are rare for most categories.
    const posWeight = Math.min(4, Math.max(1, (docs.length - positives) / positives / 2));
    for (let ep = 0; ep < epochs; ep++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const lr = lr0 / (1 + ep * 0.1);
      for (const i of order) {
        const f = feats[i]!;
        const x = norms[i]!;
        let z = 0;
        for (const g of f) z += w.get(g) ?? 0;
        z = bias + z * x;
        const y = docs[i]!.cats.has(c) ? 1 : 0;
        const err = (sigmoid(z) - y) * (y ? posWeight : 1);
        bias -= lr * err;
        for (const g of f) {
          const cur = w.get(g) ?? 0;
          w.set(g, cur - lr * (err * x + l2 * cur));
        }
      }
    }
    const kept = [...w].filter(([, v]) => Math.abs(v) > 1e-3).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, topK);
    kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    categories[c] = { bias: round(bias), weights: Object.fromEntries(kept.map(([g, v]) => [g, round(v)])) };
  }
  return {
    version: 1,
    kind: 'char-ngram-logreg',
    ngram: { min, max },
    threshold: opts.threshold ?? 0.9,
    ...(opts.thresholds && Object.keys(opts.thresholds).length ? { thresholds: opts.thresholds } : {}),
    categories,
    ...(opts.classes?.length ? { classes: opts.classes } : {}),
    trained: { sets: opts.sets ?? [], messages: examples.length, features: vocab.size, at: new Date().toISOString() },
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
