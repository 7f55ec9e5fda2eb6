/**
 * Picks the question type (a guide's entry) a question asks about, once retrieval has chosen the guide: "多久能消"
 * and "能不能花钱洗白" both land on the credit-report guide but need different first sentences.
 *
 * Each entry is scored by BM25 over its example questions (each example its own short document, so a close
 * paraphrase stands out), scaled so the guide's best-matching entry scores 1, plus a bonus per cue word found in
 * the question. A cue that other entries' examples of the same guide also contain tells those entries apart less,
 * so its bonus is divided among them. Question words that retrieval drops as stopwords (多久, 会不会, 必须, 能不能)
 * are kept here: they are what tells one question type from another.
 */
import { Bm25Index, type Bm25Doc } from '../knowledge/bm25';
import { bigrams, foldText, words } from '../knowledge/tokenize';
import type { Guide, GuideEntry, Knowledge } from '../knowledge/knowledge';

export interface EntryMatch {
  guide: Guide;
  entry: GuideEntry;
  /** Scaled BM25 of the best example (0–1 within the guide) plus the cue bonus. */
  score: number;
  /** Unscaled BM25 of the best example. */
  bm25: number;
  /** How many of the entry's cues the question contains. */
  cueHits: number;
}

export interface EntryMatcherOptions {
  /** Added per cue word found in the question, before sharing it with other entries. Default 0.35. */
  cueWeight: number;
  /** Cue hits beyond this many add nothing. Default 3. */
  maxCueHits: number;
  /** The best example counts fully; the others add this share of their (scaled) scores. Default 0.1. */
  otherExamplesWeight: number;
  /** An entry without a cue in the question needs at least this unscaled BM25 to be picked. Default 8. */
  minBm25: number;
}

export const ENTRY_MATCHER_DEFAULTS: EntryMatcherOptions = { cueWeight: 0.35, maxCueHits: 3, otherExamplesWeight: 0.1, minBm25: 8 };

export interface EntryMatcher {
  /** Entries of `guide`, best first, each with its score (entries that share nothing with the question score 0). */
  rank(guide: Guide, question: string): EntryMatch[];
  /** The best entry of `guide`, if the question names one of its cues or is close enough to one of its examples. */
  best(guide: Guide, question: string): EntryMatch | undefined;
  /** Whether `m` is strong enough to open a reply with its verdict. */
  accepts(m: EntryMatch): boolean;
}

/**
 * Builds the matcher over every guide's entries. `correct` folds and fixes slips the way retrieval does
 * (挂帐 → 挂账), so cue words match what the user meant.
 */
export function createEntryMatcher(k: Knowledge, correct: (q: string) => string, options: Partial<EntryMatcherOptions> = {}): EntryMatcher {
  const opts = { ...ENTRY_MATCHER_DEFAULTS, ...options };
  // Particles too empty to tell question types apart (routing.yaml entry_particles); question words are kept.
  const particles = k.entryParticles;
  const tokensOf = (folded: string) => [...words(folded, particles), ...bigrams(folded, particles)];
  const docs: Bm25Doc[] = [];
  /** guide#entry → its cues, each with the bonus it carries in that guide. */
  const cues = new Map<string, Array<{ cue: string; weight: number }>>();
  for (const g of k.guides) {
    const examples = g.entries.map((e) => e.examples.map((ex) => correct(ex)));
    g.entries.forEach((e, ei) => {
      examples[ei]!.forEach((ex, i) => docs.push({ id: `${g.id}#${e.id}#${i}`, tokens: tokensOf(ex) }));
      const own = e.cues.map((c) => foldText(correct(c)).trim()).filter(Boolean);
      cues.set(
        `${g.id}#${e.id}`,
        own.map((cue) => {
          const shared = examples.filter((exs, j) => j !== ei && exs.some((x) => x.includes(cue))).length;
          return { cue, weight: opts.cueWeight / (1 + shared) };
        }),
      );
    });
  }
  const index = new Bm25Index(docs);

  // One answer asks about the same question (and its clauses) for several guides: keep the last few searches.
  const recent = new Map<string, ReturnType<Bm25Index['search']>>();
  const searchAll = (q: string) => {
    let hits = recent.get(q);
    if (!hits) {
      hits = index.search(tokensOf(q), docs.length);
      recent.set(q, hits);
      if (recent.size > 16) recent.delete(recent.keys().next().value!);
    }
    return hits;
  };

  function rank(guide: Guide, question: string): EntryMatch[] {
    const q = correct(question);
    const hits = searchAll(q);
    const byEntry = new Map<string, number[]>();
    const prefix = `${guide.id}#`;
    for (const h of hits) {
      if (!h.id.startsWith(prefix)) continue;
      const entryId = h.id.slice(prefix.length, h.id.lastIndexOf('#'));
      const list = byEntry.get(entryId) ?? [];
      list.push(h.score);
      byEntry.set(entryId, list);
    }
    const raw = guide.entries.map((entry) => {
      const scores = (byEntry.get(entry.id) ?? []).sort((a, b) => b - a);
      return { entry, best: scores[0] ?? 0, rest: scores.slice(1).reduce((s, x) => s + x, 0) };
    });
    const top = Math.max(0, ...raw.map((r) => r.best));
    return raw
      .map(({ entry, best, rest }) => {
        // An entry for one condition only (requires) is out of the running when the question does not name it.
        if (entry.requires.length && !entry.requires.some((w) => q.includes(foldText(correct(w)).trim()))) return { guide, entry, bm25: 0, cueHits: 0, score: 0 };
        const found = (cues.get(`${guide.id}#${entry.id}`) ?? []).filter((c) => q.includes(c.cue)).sort((a, b) => b.weight - a.weight);
        const bonus = found.slice(0, opts.maxCueHits).reduce((s, c) => s + c.weight, 0);
        const scaled = top > 0 ? (best + opts.otherExamplesWeight * rest) / top : 0;
        return { guide, entry, bm25: best, cueHits: found.length, score: scaled + bonus };
      })
      .sort((a, b) => b.score - a.score);
  }

  const accepts = (m: EntryMatch) => m.cueHits > 0 || m.bm25 >= opts.minBm25;

  return {
    rank,
    accepts,
    best(guide, question) {
      const top = rank(guide, question)[0];
      return top && accepts(top) ? top : undefined;
    },
  };
}
