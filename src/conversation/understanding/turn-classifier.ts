/**
 * The statistical half of turn understanding: multinomial logistic regression (softmax) over sparse features —
 * character 1–3-grams plus the rule cues that fired — trained by bench/train-understanding.ts and stored in
 * knowledge/understanding/model.json. Rules decide where they are sure; this decides the rest, and its
 * probabilities (scaled by a temperature fitted on cross-validated predictions) are what the conversation reads
 * as confidence. Plain TypeScript, no dependencies; prediction is a few map look-ups per feature.
 */
import type { ClassifierHead } from '../../knowledge/understanding-data';

/** Sparse features: name → value. */
export type FeatureVector = Map<string, number>;

/** One trained head, ready to score. */
export interface SoftmaxHead {
  labels: string[];
  bias: number[];
  weights: Map<string, number[]>;
  temperature: number;
}

/** A labelled example. */
export interface Example {
  x: FeatureVector;
  y: string;
}

export interface TrainOptions {
  /** Passes over the data (default 40). */
  epochs?: number;
  /** Initial step size (default 0.5), decayed as 1 / (1 + 0.1 · epoch). */
  learningRate?: number;
  /** L2 penalty per step (default 1e-4). */
  l2?: number;
  /** Features seen in fewer examples are dropped (default 2; names starting with "c:" are always kept). */
  minCount?: number;
  /** Deterministic shuffling (default 7). */
  seed?: number;
}

/** The head as stored in a model file. */
export function headFromFile(h: ClassifierHead): SoftmaxHead {
  return { labels: [...h.labels], bias: [...h.bias], weights: new Map(Object.entries(h.weights)), temperature: h.temperature };
}

/**
 * The head for a model file: weights rounded to `digits` decimals, features whose every weight rounds to zero
 * dropped, the rest sorted by name (stable diffs).
 */
export function headToFile(h: SoftmaxHead, digits = 3): ClassifierHead {
  const f = 10 ** digits;
  const r = (x: number) => Math.round(x * f) / f;
  const weights: Record<string, number[]> = {};
  for (const name of [...h.weights.keys()].sort()) {
    const w = h.weights.get(name)!.map(r);
    if (w.some((v) => v !== 0)) weights[name] = w;
  }
  return { labels: [...h.labels], bias: h.bias.map(r), temperature: r(h.temperature), weights };
}

/** Raw scores (logits), one per label. */
export function logits(head: SoftmaxHead, x: FeatureVector): number[] {
  const z = [...head.bias];
  for (const [name, v] of x) {
    const w = head.weights.get(name);
    if (!w) continue;
    for (let k = 0; k < z.length; k++) z[k]! += w[k]! * v;
  }
  return z;
}

/** Probabilities, one per label, with the head's temperature (or `temperature` when given). */
export function probabilities(head: SoftmaxHead, x: FeatureVector, temperature = head.temperature): number[] {
  return softmax(logits(head, x), temperature);
}

/** softmax(z / temperature). */
export function softmax(z: number[], temperature = 1): number[] {
  const s = z.map((v) => v / temperature);
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** The most probable label and its probability. */
export function best(head: SoftmaxHead, p: number[]): { label: string; p: number } {
  let k = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[k]!) k = i;
  return { label: head.labels[k]!, p: p[k]! };
}

/**
 * Trains a softmax head by stochastic gradient descent with L2 (lazy, on the features an example touches).
 * `labels` fixes the order of the outputs; every example's `y` must be one of them.
 */
export function trainSoftmax(examples: Example[], labels: string[], opts: TrainOptions = {}): SoftmaxHead {
  const epochs = opts.epochs ?? 40;
  const lr0 = opts.learningRate ?? 0.5;
  const l2 = opts.l2 ?? 1e-4;
  const minCount = opts.minCount ?? 2;
  const index = new Map(labels.map((l, i) => [l, i]));
  for (const e of examples) if (!index.has(e.y)) throw new Error(`label "${e.y}" is not one of ${labels.join(', ')}`);

  const count = new Map<string, number>();
  for (const e of examples) for (const name of e.x.keys()) count.set(name, (count.get(name) ?? 0) + 1);
  const keep = (name: string) => name.startsWith('c:') || (count.get(name) ?? 0) >= minCount;
  const data = examples.map((e) => ({ x: [...e.x].filter(([n]) => keep(n)), y: index.get(e.y)! }));

  const K = labels.length;
  const weights = new Map<string, number[]>();
  const bias = new Array<number>(K).fill(0);
  let seed = opts.seed ?? 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const order = data.map((_, i) => i);
  const z = new Array<number>(K);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const lr = lr0 / (1 + 0.1 * ep);
    for (const i of order) {
      const { x, y } = data[i]!;
      for (let k = 0; k < K; k++) z[k] = bias[k]!;
      for (const [name, v] of x) {
        const w = weights.get(name);
        if (w) for (let k = 0; k < K; k++) z[k]! += w[k]! * v;
      }
      const p = softmax(z);
      for (let k = 0; k < K; k++) {
        const g = p[k]! - (k === y ? 1 : 0);
        bias[k]! -= lr * g;
      }
      for (const [name, v] of x) {
        let w = weights.get(name);
        if (!w) {
          w = new Array<number>(K).fill(0);
          weights.set(name, w);
        }
        for (let k = 0; k < K; k++) {
          const g = (p[k]! - (k === y ? 1 : 0)) * v + l2 * w[k]!;
          w[k]! -= lr * g;
        }
      }
    }
  }
  return { labels: [...labels], bias, weights, temperature: 1 };
}

/**
 * The temperature that minimises the negative log-likelihood of held-out predictions (grid search): fitted on
 * cross-validated logits so a head trained on everything reports honest probabilities.
 */
export function fitTemperature(rows: Array<{ z: number[]; y: number }>): number {
  let bestT = 1;
  let bestNll = Infinity;
  for (let t = 0.3; t <= 5.0001; t += 0.05) {
    let nll = 0;
    for (const r of rows) nll -= Math.log(Math.max(1e-12, softmax(r.z, t)[r.y]!));
    if (nll < bestNll) {
      bestNll = nll;
      bestT = Math.round(t * 100) / 100;
    }
  }
  return bestT;
}
