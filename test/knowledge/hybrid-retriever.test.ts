import { join } from 'node:path';
import { Document } from '@langchain/core/documents';
import { loadKnowledge } from '../../src/knowledge/load';
import { createLexicalRetriever, type RetrievedItem } from '../../src/knowledge/retriever';
import { createHybridRetriever, fuse } from '../../src/knowledge/hybrid-retriever';
import { KnowledgeRetriever, documentOfItem, itemOfDocument } from '../../src/knowledge/langchain-retriever';
import { createEmbeddings } from '../../src/llm/client';
import { createLogger } from '../../src/logger';
import { PACKAGE_ROOT } from '../../src/paths';
import { hashedEmbedding, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai';
import { logSink } from '../support/core-deps';

delete process.env.LANGSMITH_TRACING;

const k = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
const lexical = createLexicalRetriever(k);
const target = k.guides.find((g) => g.id === 'bank-freeze')!;
const q = '催收骂我，还威胁要打我，这违法吗';
// Units embedded: every guide, every guide section, every article in force.
const docCount = k.guides.length + k.guides.reduce((n, g) => n + g.sections.length, 0) + k.allArticles.filter((a) => a.effectiveUntil === null).length;

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  fake.embed = vectorsFavouring(target.title, q);
});

function hybrid(sink = logSink(), batchSize = 64) {
  const embeddings = createEmbeddings({ apiKey: 'k', baseURL: fake.baseURL, model: 'm', timeoutMs: 5000, embeddingsModel: 'e' }, { maxRetries: 0 })!;
  const logger = createLogger({ level: 'debug', format: 'json', destination: sink.stream });
  return createHybridRetriever({ knowledge: k, lexical, embeddings, logger }, { batchSize });
}

describe('hybrid retriever', () => {
  it('embeds every document once at start, in batches', async () => {
    const r = hybrid(logSink(), 50);
    expect(await r.ready).toBe(true);
    const sizes = fake.requestsTo('embeddings').map((x) => (x.body.input as string[]).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(docCount);
    expect(sizes.every((n) => n <= 50)).toBe(true);
    expect(sizes).toHaveLength(Math.ceil(docCount / 50));
    await r.prepare(q);
    await r.prepare(q);
    r.retrieve(q, 5);
    expect(fake.requestsTo('embeddings')).toHaveLength(Math.ceil(docCount / 50) + 1); // the query once, then cached
  });

  it('fuses: a document only the vector side ranks appears', async () => {
    expect(lexical.retrieve(q, 20).map((i) => i.id)).not.toContain('guide:bank-freeze'); // precondition
    const r = hybrid();
    await r.ready;
    await r.prepare(q);
    const ids = r.retrieve(q, 5).map((i) => i.id);
    expect(ids).toContain('guide:bank-freeze');
    // ...and the best lexical hit is still there
    expect(ids).toContain(lexical.retrieve(q, 1)[0]!.id);
  });

  it('ranks lexically for a query it has not prepared, and delegates coverage to BM25', async () => {
    const r = hybrid();
    await r.ready;
    expect(r.retrieve(q, 5)).toEqual(lexical.retrieve(q, 5));
    expect(r.coverage(q)).toBe(lexical.coverage(q));
    expect(r.coverage('今天天气怎么样')).toBe(lexical.coverage('今天天气怎么样'));
  });

  it('falls back to BM25 alone, and logs it, when embedding the documents fails', async () => {
    fake.failEmbeddings = 500;
    const sink = logSink();
    const r = hybrid(sink);
    expect(await r.ready).toBe(false);
    await r.prepare(q);
    expect(r.retrieve(q, 5)).toEqual(lexical.retrieve(q, 5));
    expect(sink.text()).toContain('"event":"embeddings_failed"');
    expect(sink.text()).toContain('"status":500');
  });

  it('stays lexical for a query whose embedding fails', async () => {
    const r = hybrid();
    await r.ready;
    fake.failEmbeddings = 500;
    await r.prepare(q);
    expect(r.retrieve(q, 5)).toEqual(lexical.retrieve(q, 5));
  });

  it('rejects garbage vectors (wrong dimensions) at start', async () => {
    let n = 0;
    fake.embed = (t) => (n++ === 7 ? [1, 2, 3] : hashedEmbedding(t));
    expect(await hybrid().ready).toBe(false);
  });
});

describe('fuse', () => {
  const item = (id: string, score: number): RetrievedItem => ({ kind: 'guide', id, score, guide: target });

  it('orders by reciprocal rank and keeps the best BM25 score on top', () => {
    const out = fuse([item('a', 40), item('b', 30), item('c', 10)], [item('c', 0.9), item('a', 0.8), item('d', 0.1)], 60);
    expect(out.map((i) => i.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(out[0]!.score).toBeCloseTo(40);
    expect(out[1]!.score).toBeLessThan(40);
  });

  it('gives every item score 0 when BM25 found nothing', () => {
    expect(fuse([], [item('d', 0.9)]).map((i) => i.score)).toEqual([0]);
  });
});

describe('KnowledgeRetriever (LangChain)', () => {
  it('returns Documents with kind, law, article, guideId and score, preparing the hybrid query first', async () => {
    const r = hybrid();
    await r.ready;
    const docs = await new KnowledgeRetriever({ retriever: r, knowledge: k, k: 5 }).invoke(q);
    expect(docs).toHaveLength(5);
    for (const d of docs) {
      expect(d).toBeInstanceOf(Document);
      expect(typeof d.metadata.score).toBe('number');
      if (d.metadata.kind === 'guide') expect(typeof d.metadata.guideId).toBe('string');
      else expect(d.metadata).toEqual(expect.objectContaining({ law: expect.any(String), article: expect.any(String) }));
    }
    expect(docs.map((d) => d.metadata.guideId)).toContain('bank-freeze');
  });

  it('maps Documents back to items', () => {
    for (const item of lexical.retrieve('银行信用卡催收冒充法院的人打电话', 8)) {
      const back = itemOfDocument(documentOfItem(item), k);
      expect(back?.id).toBe(item.id);
      expect(back?.kind).toBe(item.kind);
    }
  });
});

/**
 * Embeddings under which `query` is closest to the guide titled `title`; other documents rank by an unrelated
 * similarity (the vector side disagrees with BM25, as when a question is worded unlike any guide).
 */
function vectorsFavouring(title: string, query: string): (text: string) => number[] {
  const noise = hashedEmbedding('甲乙丙丁戊己庚辛壬癸');
  return (text) => {
    if (text.startsWith(title)) return unit(0);
    if (text === query) return unit(0).map((x, i) => x + 0.05 * (noise[i] ?? 0));
    const v = hashedEmbedding(text);
    v[0] = 0;
    if (!v.some((x) => x !== 0)) v[1] = 1;
    return v;
  };
}

function unit(i: number): number[] {
  const v: number[] = Array.from({ length: 64 }, () => 0);
  v[i] = 1;
  return v;
}
