/**
 * A small BM25 index over token lists (k1 = 1.2, b = 0.75), with an inverted index so a query touches only the
 * documents that share a token with it.
 */

export interface Bm25Doc {
  id: string;
  tokens: string[];
}

export interface Bm25Hit {
  id: string;
  score: number;
}

export class Bm25Index {
  private readonly postings = new Map<string, Array<{ doc: number; tf: number }>>();
  private readonly lengths: number[] = [];
  private readonly ids: string[] = [];
  private avgLength = 0;

  constructor(docs: Bm25Doc[], private readonly k1 = 1.2, private readonly b = 0.75) {
    let total = 0;
    docs.forEach((d, i) => {
      this.ids.push(d.id);
      this.lengths.push(d.tokens.length);
      total += d.tokens.length;
      const tf = new Map<string, number>();
      for (const t of d.tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) {
        const list = this.postings.get(t) ?? [];
        list.push({ doc: i, tf: n });
        this.postings.set(t, list);
      }
    });
    this.avgLength = docs.length ? total / docs.length : 0;
  }

  get size(): number {
    return this.ids.length;
  }

  /** The idf of a token found in exactly one document: the most telling a known token can be. */
  get maxIdf(): number {
    const n = this.ids.length;
    return n ? Math.log(1 + (n - 1 + 0.5) / 1.5) : 0;
  }

  /** Inverse document frequency of a token (0 for unknown tokens). */
  idf(token: string): number {
    const df = this.postings.get(token)?.length ?? 0;
    if (df === 0) return 0;
    return Math.log(1 + (this.ids.length - df + 0.5) / (df + 0.5));
  }

  /** Top `k` documents for the query tokens; `weights` scales individual query tokens. */
  search(query: string[], k: number, weights?: Map<string, number>): Bm25Hit[] {
    const scores = new Map<number, number>();
    // A token repeated in the query counts once, at its weight: "通讯录 通讯录" is not twice as much about 通讯录.
    const unique = new Map<string, number>();
    for (const t of query) unique.set(t, weights?.get(t) ?? 1);
    for (const [t, qw] of unique) {
      const list = this.postings.get(t);
      if (!list) continue;
      const idf = this.idf(t);
      for (const { doc, tf } of list) {
        const norm = tf * (this.k1 + 1) / (tf + this.k1 * (1 - this.b + this.b * this.lengths[doc]! / this.avgLength));
        scores.set(doc, (scores.get(doc) ?? 0) + qw * idf * norm);
      }
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([doc, score]) => ({ id: this.ids[doc]!, score }));
  }
}
