/**
 * Lexical retrieval over the knowledge base: topic guides (and their sections) and the articles in force,
 * ranked by BM25. Queries are folded (traditional → simplified), corrected for common slips (崔收 → 催收, from
 * knowledge/lexicon/typos.yaml) with English lay words glossed in Chinese ("harass" → 骚扰, english.yaml), cut into
 * jieba words and character bigrams, and expanded with lay-word expansions (爆通讯录 → 个人信息、隐私 …). This is the offline default; a hybrid retriever adds vectors when an
 * embeddings model is configured.
 */
import { join } from 'node:path';
import { Bm25Index, type Bm25Doc } from './bm25';
import { addWords, bigrams, compileTypos, foldText, isBigram, loadTypos, words, type TypoTable } from './tokenize';
import type { Article, Guide, Knowledge } from './knowledge';
import { PACKAGE_ROOT } from '../paths';

export type RetrievedItem =
  | { kind: 'guide'; id: string; score: number; guide: Guide; section?: number }
  | { kind: 'article'; id: string; score: number; article: Article };

export interface Retriever {
  /** Best `k` items for a query, best first. Guides with several matching sections appear once. */
  retrieve(query: string, k: number): RetrievedItem[];
  /**
   * How much of the query the knowledge base knows at all (0–1), weighting each word by how telling it is: a
   * question made of words no guide or statute uses (车祸, 抚养权, 劳动仲裁) scores low.
   */
  coverage(query: string): number;
  /**
   * The query as retrieval reads it: folded (simplified, half-width, lower-case) and corrected for common slips
   * (利西 → 利息). Optional: callers fall back to the raw question.
   */
  correct?(query: string): string;
}

/** Field weights and query-token weights; every default is documented here. */
export interface RetrieverOptions {
  /** Slips corrected in queries. Default: knowledge/lexicon/typos.yaml of this package. */
  typos: TypoTable;
  /** How often each guide field is repeated in the guide's document (a cheap BM25F). */
  guideFields: { title: number; questions: number; keywords: number; answer: number; why: number; headings: number };
  /** Weight of a query's character bigrams relative to its words (bigrams catch slips, but are noisy). */
  bigramWeight: number;
  /** Weight of the words an expansion adds (爆通讯录 → 个人信息) relative to the user's own words. */
  expansionWeight: number;
  /** A guide section's score counts this much towards its guide (the guide's own document counts fully). */
  sectionWeight: number;
  /**
   * Each lay question a guide lists is also indexed on its own (FAQ matching): the best-matching question counts
   * this much towards its guide. Short documents make a close paraphrase stand out.
   */
  questionWeight: number;
  /** Articles compete with guides at this share of their score: guides carry the answer, articles back it. */
  articleWeight: number;
  /**
   * How many BM25 hits are folded into guides. Deep enough that a guide's best-matching section is found even when
   * many articles outscore it (the section decides which detail the answer shows).
   */
  searchDepth: number;
}

export const RETRIEVER_DEFAULTS: Omit<RetrieverOptions, 'typos'> = {
  guideFields: { title: 2, questions: 2, keywords: 3, answer: 1, why: 1, headings: 1 },
  bigramWeight: 0.35,
  expansionWeight: 0.5,
  sectionWeight: 0.6,
  questionWeight: 0.5,
  articleWeight: 0.8,
  searchDepth: 300,
};

/**
 * The guide that marks the edge of our scope (knowledge/guides/out-of-scope.yaml): its words (劳动仲裁, 抚养权 …)
 * are what we do NOT cover, so they never count as known in `coverage`, and answering never presents it as a topic.
 */
export const SCOPE_GUIDE_ID = 'out-of-scope';

const DEFAULT_TYPOS_FILE = join(PACKAGE_ROOT, 'knowledge', 'lexicon', 'typos.yaml');

const repeat = <T>(xs: T[], n: number): T[] => Array.from({ length: n }, () => xs).flat();

/** Builds the BM25 retriever once; retrieval is then a pure in-memory lookup. */
export function createLexicalRetriever(k: Knowledge, options: Partial<RetrieverOptions> = {}): Retriever {
  const opts: RetrieverOptions = { ...RETRIEVER_DEFAULTS, typos: options.typos ?? loadTypos(DEFAULT_TYPOS_FILE), ...options };
  // English lay words are glossed after the slips are fixed (knowledge/lexicon/english.yaml).
  const glossary = compileTypos(k.englishGlossary);
  const fix = (folded: string) => glossary.fix(opts.typos.fix(folded));
  const inForce = k.allArticles.filter((a) => a.effectiveUntil === null); // only what is in force is retrieved
  // Teach the segmenter the domain's own words so queries and documents are cut alike.
  addWords([
    ...k.guides.flatMap((g) => g.keywords),
    ...k.expansions.flatMap((e) => [e.term, ...e.expands]),
    ...inForce.flatMap((a) => a.keywords),
  ]);

  const tokensOf = (s: string) => {
    const f = foldText(s);
    return [...words(f, k.stopwords), ...bigrams(f, k.stopwords)];
  };
  const docs: Bm25Doc[] = [];
  const items = new Map<string, RetrievedItem>();
  const questionDocs = new Set<string>();
  /** Words some in-scope document uses: what `coverage` counts as known. */
  const domainWords = new Set<string>();
  const f = opts.guideFields;

  for (const g of k.guides) {
    const id = `guide:${g.id}`;
    docs.push({
      id,
      tokens: [
        ...repeat(tokensOf(g.title), f.title),
        ...repeat(tokensOf(g.questions.join('。')), f.questions),
        ...repeat(tokensOf(g.keywords.join(' ')), f.keywords),
        ...repeat(tokensOf(g.answer), f.answer),
        ...repeat(tokensOf(g.why), f.why),
        ...repeat(tokensOf(g.sections.map((s) => s.heading).join('。')), f.headings),
      ],
    });
    items.set(id, { kind: 'guide', id, score: 0, guide: g });
    g.questions.forEach((q, i) => {
      const qid = `guide:${g.id}?${i}`;
      docs.push({ id: qid, tokens: tokensOf(q) });
      items.set(qid, { kind: 'guide', id, score: 0, guide: g });
      questionDocs.add(qid);
    });
    g.sections.forEach((s, i) => {
      const sid = `guide:${g.id}#${i}`;
      docs.push({ id: sid, tokens: [...repeat(tokensOf(s.heading), 2), ...tokensOf(s.text)] });
      items.set(sid, { kind: 'guide', id, score: 0, guide: g, section: i });
    });
  }
  for (const a of inForce) {
    const id = `article:${a.id}`;
    docs.push({
      id,
      tokens: [
        ...tokensOf(`${a.law} ${a.title}`),
        ...repeat(tokensOf(a.keywords.join(' ')), 2),
        ...tokensOf(a.summary),
        ...tokensOf(a.text),
      ],
    });
    items.set(id, { kind: 'article', id, score: 0, article: a });
  }
  for (const d of docs) {
    if (d.id.split(/[#?]/)[0] === `guide:${SCOPE_GUIDE_ID}`) continue;
    for (const t of d.tokens) if (!isBigram(t)) domainWords.add(t);
  }
  // Lay words we expand (逼死, 社死, 爆通讯录 …) are ours too, though no document spells them.
  for (const e of k.expansions) for (const w of words(foldText(e.term), k.stopwords)) domainWords.add(w);
  const index = new Bm25Index(docs);
  const expansions = k.expansions.map((e) => {
    const term = foldText(e.term);
    return { term, tokens: e.expands.flatMap((x) => words(foldText(x), k.stopwords)) };
  });

  /** The query as the index sees it: corrected text, then weighted tokens. */
  function queryTokens(query: string): { folded: string; tokens: string[]; weights: Map<string, number> } {
    const folded = fix(foldText(query));
    const own = words(folded, k.stopwords);
    const grams = bigrams(folded, k.stopwords);
    const weights = new Map<string, number>();
    for (const t of own) weights.set(t, 1);
    for (const t of grams) weights.set(t, opts.bigramWeight);
    const tokens = [...own, ...grams];
    for (const e of expansions) {
      if (!folded.includes(e.term)) continue;
      for (const t of e.tokens) {
        if (weights.has(t)) continue; // the user's own word already counts
        tokens.push(t);
        weights.set(t, opts.expansionWeight);
      }
    }
    return { folded, tokens, weights };
  }

  return {
    retrieve(query, n) {
      const { tokens, weights } = queryTokens(query);
      const hits = index.search(tokens, Math.max(n * 8, opts.searchDepth), weights);
      // Fold sections into their guide: the guide's own document plus a share of its best section.
      const guides = new Map<string, { item: Extract<RetrievedItem, { kind: 'guide' }>; main: number; best: number; question: number; section?: number }>();
      const articles: RetrievedItem[] = [];
      for (const h of hits) {
        const item = items.get(h.id)!;
        if (item.kind === 'article') {
          articles.push({ ...item, score: h.score * opts.articleWeight });
          continue;
        }
        const entry = guides.get(item.id) ?? { item, main: 0, best: 0, question: 0 };
        if (questionDocs.has(h.id)) entry.question = Math.max(entry.question, h.score);
        else if (item.section === undefined) entry.main = Math.max(entry.main, h.score);
        else if (h.score > entry.best) {
          entry.best = h.score;
          entry.section = item.section;
        }
        guides.set(item.id, entry);
      }
      const ranked: RetrievedItem[] = [...guides.values()].map((e) => ({
        kind: 'guide' as const,
        id: e.item.id,
        guide: e.item.guide,
        score: e.main + opts.sectionWeight * e.best + opts.questionWeight * e.question,
        ...(e.section !== undefined ? { section: e.section } : {}),
      }));
      ranked.push(...articles);
      return ranked.sort((a, b) => b.score - a.score).slice(0, n);
    },
    correct(query) {
      return fix(foldText(query));
    },
    coverage(query) {
      const folded = fix(foldText(query));
      const ws = [...new Set(words(folded, k.stopwords))].filter((t) => !isBigram(t));
      if (ws.length === 0) return 0;
      let known = 0;
      let total = 0;
      for (const t of ws) {
        const idf = index.idf(t);
        // An unknown word is as telling as the rarest word we know: it is what the question is about.
        const weight = idf > 0 ? idf : index.maxIdf;
        total += weight;
        if (domainWords.has(t)) known += weight;
      }
      return total > 0 ? known / total : 0;
    },
  };
}
