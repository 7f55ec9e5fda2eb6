/**
 * Hybrid retrieval: the BM25 ranking fused with an embeddings ranking by reciprocal rank fusion, so a question
 * worded unlike any guide (a lay paraphrase, a dialect word) still finds the guide that means the same thing.
 *
 * Documents (guides, their sections, the articles in force) are embedded once at start, in batches, and kept in
 * memory; queries are embedded by `prepare()` (async) and cached, and `retrieve()` (sync, the Retriever port)
 * fuses whenever the query's vector is known. Until then — or if embedding fails — it ranks by BM25 alone, so
 * an embeddings outage degrades retrieval instead of breaking answers. `coverage()` is always BM25's.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { abortable } from '../llm/abort';
import { errorSummary } from '../error-summary';
import type { Knowledge } from './knowledge';
import type { Retriever, RetrievedItem } from './retriever';

/** A Retriever that can do async work for a query first (embed it) so that `retrieve` can use it. */
export interface PreparableRetriever extends Retriever {
  /**
   * Embeds `query` (cached). Never throws: on failure `retrieve` stays lexical for this query. The query is sent
   * to the embeddings API as given: callers redact identifiers first (the LLM answerer does).
   */
  prepare(query: string, signal?: AbortSignal): Promise<void>;
}

export interface HybridRetriever extends PreparableRetriever {
  /** Resolves true once document vectors are ready, false if embedding them failed (BM25 alone from then on). */
  readonly ready: Promise<boolean>;
}

/** The slice of a logger used here (pino satisfies it). Never given any text. */
export interface RetrieverLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface HybridOptions {
  /** RRF constant k in 1/(k + rank). Default 60, the value from the original RRF paper. */
  rrfK: number;
  /** Candidates taken from each side before fusing. Default 20. */
  depth: number;
  /** Documents per embeddings request at start. Default 64. */
  batchSize: number;
  /** Query vectors kept (least recently used evicted). Default 500. */
  queryCacheSize: number;
  /** Characters of each document sent for embedding. Default 1200 (well under 8k-token model limits). */
  maxDocChars: number;
}

export const HYBRID_DEFAULTS: HybridOptions = { rrfK: 60, depth: 20, batchSize: 64, queryCacheSize: 500, maxDocChars: 1200 };

interface VectorDoc {
  item: RetrievedItem;
  text: string;
}

/**
 * Wraps `lexical` with vectors from `embeddings`. Starts embedding the documents immediately (in the background);
 * await `ready` if you need them before the first query (tests, warm-up).
 */
export function createHybridRetriever(
  deps: { knowledge: Knowledge; lexical: Retriever; embeddings: EmbeddingsInterface; logger: RetrieverLogger },
  options: Partial<HybridOptions> = {},
): HybridRetriever {
  const opts = { ...HYBRID_DEFAULTS, ...options };
  const { lexical, embeddings, logger } = deps;
  const docs = vectorDocs(deps.knowledge, opts.maxDocChars);
  let matrix: Float32Array[] | undefined;
  const queryCache = new Map<string, Float32Array>();

  const ready = (async () => {
    const started = Date.now();
    try {
      const vectors: Float32Array[] = [];
      for (let i = 0; i < docs.length; i += opts.batchSize) {
        const batch = docs.slice(i, i + opts.batchSize).map((d) => d.text);
        const got = await embeddings.embedDocuments(batch);
        if (got.length !== batch.length) throw new Error(`embeddings returned ${got.length} vectors for ${batch.length} texts`);
        for (const v of got) vectors.push(normalise(v, vectors[0]?.length));
      }
      matrix = vectors;
      logger.info({ event: 'embeddings_ready', docs: docs.length, dims: vectors[0]?.length ?? 0, ms: Date.now() - started }, 'document vectors ready');
      return true;
    } catch (e) {
      logger.warn({ event: 'embeddings_failed', err: errorSummary(e), ms: Date.now() - started }, 'embedding documents failed; retrieval is BM25 only');
      return false;
    }
  })();

  function remember(query: string, v: Float32Array): void {
    queryCache.delete(query);
    queryCache.set(query, v);
    if (queryCache.size > opts.queryCacheSize) queryCache.delete(queryCache.keys().next().value!);
  }

  function vectorRanking(q: Float32Array, m: Float32Array[]): RetrievedItem[] {
    const scored = m.map((v, i) => ({ i, s: dot(q, v) })).sort((a, b) => b.s - a.s);
    const out: RetrievedItem[] = [];
    const seen = new Set<string>();
    for (const { i, s } of scored) {
      const item = docs[i]!.item;
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push({ ...item, score: s });
      if (out.length >= opts.depth) break;
    }
    return out;
  }

  return {
    ready,
    async prepare(query, signal) {
      if (queryCache.has(query)) return;
      try {
        if (!(await abortable(ready, signal))) return;
        const v = await abortable(embeddings.embedQuery(query), signal);
        remember(query, normalise(v, matrix?.[0]?.length));
      } catch (e) {
        logger.warn({ event: 'query_embedding_failed', err: errorSummary(e) }, 'embedding the query failed; ranking by BM25 alone');
      }
    },
    retrieve(query, n) {
      const lexicalHits = lexical.retrieve(query, Math.max(n, opts.depth));
      const q = queryCache.get(query);
      if (!matrix || !q) return lexicalHits.slice(0, n);
      remember(query, q);
      return fuse(lexicalHits, vectorRanking(q, matrix), opts.rrfK).slice(0, n);
    },
    coverage: (query) => lexical.coverage(query),
  };
}

/**
 * Reciprocal rank fusion of two rankings (best first). The fused order follows Σ 1/(k + rank); each item's
 * `score` is rescaled so the best fused item carries the best BM25 score, keeping score thresholds written for
 * BM25 meaningful. With no lexical hits at all every score is 0: the vector side alone never makes a question
 * look answerable.
 */
export function fuse(lexical: RetrievedItem[], vector: RetrievedItem[], k = HYBRID_DEFAULTS.rrfK): RetrievedItem[] {
  const fused = new Map<string, { item: RetrievedItem; rrf: number }>();
  const add = (list: RetrievedItem[]) =>
    list.forEach((item, rank) => {
      const hit = fused.get(item.id);
      if (hit) hit.rrf += 1 / (k + rank + 1);
      else fused.set(item.id, { item, rrf: 1 / (k + rank + 1) });
    });
  add(lexical); // lexical first: its item (with the matching guide section) wins for items on both sides
  add(vector);
  const ranked = [...fused.values()].sort((a, b) => b.rrf - a.rrf);
  const topLexical = lexical[0]?.score ?? 0;
  const topRrf = ranked[0]?.rrf ?? 1;
  return ranked.map(({ item, rrf }) => ({ ...item, score: (topLexical * rrf) / topRrf }));
}

/** The texts embedded per item: the same units BM25 indexes (guide, guide section, article in force). */
function vectorDocs(k: Knowledge, maxChars: number): VectorDoc[] {
  const out: VectorDoc[] = [];
  const cut = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, maxChars);
  for (const g of k.guides) {
    const item: RetrievedItem = { kind: 'guide', id: `guide:${g.id}`, score: 0, guide: g };
    out.push({ item, text: cut([g.title, ...g.questions, g.answer].join('\n')) });
    g.sections.forEach((s, i) => out.push({ item: { ...item, section: i }, text: cut(`${g.title}\n${s.heading}\n${s.text}`) }));
  }
  for (const a of k.allArticles) {
    if (a.effectiveUntil !== null) continue;
    out.push({ item: { kind: 'article', id: `article:${a.id}`, score: 0, article: a }, text: cut(`${a.law} ${a.title}\n${a.summary}\n${a.text}`) });
  }
  return out;
}

function normalise(v: number[], dims?: number): Float32Array {
  if (!Array.isArray(v) || v.length === 0) throw new Error('embeddings returned an empty vector');
  if (dims !== undefined && v.length !== dims) throw new Error(`embeddings returned ${v.length} dimensions, expected ${dims}`);
  let norm = 0;
  for (const x of v) {
    if (!Number.isFinite(x)) throw new Error('embeddings returned a non-finite value');
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  return Float32Array.from(v, (x) => x / norm);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
