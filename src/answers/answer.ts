/**
 * The offline answer composer: turns retrieved guides and statutes into a short answer a frightened person can
 * read on a phone — the direct answer first (能/不能/要看情况), then why (naming and briefly quoting the
 * provisions), the part of the guide that fits the question, then what to do now, and finally the reminder that
 * unlawful collection does not cancel the debt. Full article texts sit behind the "查看法条" button.
 *
 * When a question clearly spans two topics (上门 and 爆通讯录), the second guide's direct answer is added under its
 * own title and its first steps join the list. Questions the knowledge base does not cover are told so and
 * pointed to 12348 or a lawyer, with no citations.
 */
import { emptyReply, type Citation, type OutboundReply } from '../message';
import { findCitations, toCitation } from '../knowledge/citations';
import { interestNote } from './interest-note';
import { guideById, lprOn, resolveArticle, type Guide, type Knowledge } from '../knowledge/knowledge';
import type { FollowUpCues } from '../knowledge/schema';
import { SCOPE_GUIDE_ID, type Retriever, type RetrievedItem } from '../knowledge/retriever';
import type { Replies } from '../replies';

export interface AnswerContext {
  /** The day the answer is for: provisions are cited in the version in force then. */
  at: Date;
  /** The guide the previous answer came from, for vague follow-ups ("那怎么办"). */
  lastTopic?: string;
  /** Recent turns, oldest first, for the LLM path. */
  history?: Array<{ role: 'user' | 'bot'; text: string }>;
}

export interface Answer {
  reply: OutboundReply;
  /** The guide the answer is built on, if any. */
  guideId?: string;
  /** Plain next-step sentences (the CLI's `suggestions`). */
  suggestions: string[];
  outOfScope: boolean;
  /** The items the answer is grounded on, best first (what an LLM prompt is grounded on). */
  retrieved: RetrievedItem[];
}

export interface Answerer {
  answer(question: string, ctx: AnswerContext): Promise<Answer>;
  /** The answer a topic guide gives on its own (for "related topic" buttons). */
  answerGuide?(guideId: string, ctx: AnswerContext): Answer;
}

export interface OfflineAnswererOptions {
  /** Below this BM25 score the best hit is too weak to answer from. */
  minScore: number;
  /** Below this (idf-weighted) share of known query words the question is outside what we cover. */
  minCoverage: number;
  /** Below this product of best score and coverage, a middling match on a half-known question is not trusted. */
  minSupport: number;
  /** How many items to retrieve. */
  topK: number;
  /**
   * The question is about a neighbouring field (labour, divorce, insurance …) when the out-of-scope guide scores at
   * least this share of the best in-scope guide.
   */
  scopeRatio: number;
  /** A second guide joins the answer when it scores at least this share of the first one. */
  secondGuideRatio: number;
  /** At most this many steps are listed. */
  maxSteps: number;
  /** The matched guide section is shown up to about this many characters. */
  sectionChars: number;
  /** The quoted article is cut to this many characters. */
  quoteChars: number;
}

export const OFFLINE_ANSWERER_DEFAULTS: OfflineAnswererOptions = {
  minScore: 6,
  minCoverage: 0.2,
  minSupport: 5,
  topK: 5,
  scopeRatio: 0.85,
  secondGuideRatio: 0.62,
  maxSteps: 5,
  sectionChars: 170,
  quoteChars: 70,
};

/**
 * The guide that marks the edge of our scope (knowledge/guides/out-of-scope.yaml): when it is the best match, the
 * question is about something we hold no sources for. It is never offered as a topic of its own.
 */
export { SCOPE_GUIDE_ID };

type GuideHit = Extract<RetrievedItem, { kind: 'guide' }>;
const isGuideHit = (r: RetrievedItem): r is GuideHit => r.kind === 'guide';

/** Builds the offline answerer; `answerNow` is the synchronous core the LLM path falls back to. */
export function createOfflineAnswerer(
  deps: { knowledge: Knowledge; retriever: Retriever; replies: Replies },
  options: Partial<OfflineAnswererOptions> = {},
): Answerer & { answerNow(question: string, ctx: AnswerContext): Answer } {
  const opts = { ...OFFLINE_ANSWERER_DEFAULTS, ...options };
  const { knowledge: k, retriever, replies } = deps;

  function answerNow(question: string, ctx: AnswerContext): Answer {
    const last = ctx.lastTopic ? guideById(k, ctx.lastTopic) : undefined;
    const followUp = last && last.id !== SCOPE_GUIDE_ID ? last : undefined;
    if (followUp && isVagueFollowUp(question, k.followUp)) return fromFollowUp(followUp, ctx);

    const retrieved = retriever.retrieve(question, opts.topK);
    const guides = retrieved.filter(isGuideHit);
    const inDomain = guides.filter((g) => g.guide.id !== SCOPE_GUIDE_ID);
    const scope = guides.find((g) => g.guide.id === SCOPE_GUIDE_ID);
    const top = retrieved.find((r) => !(isGuideHit(r) && r.guide.id === SCOPE_GUIDE_ID));
    const grounded = retrieved.filter((r) => !(isGuideHit(r) && r.guide.id === SCOPE_GUIDE_ID));

    const coverage = retriever.coverage(question);
    const weak = !top || top.score < opts.minScore || coverage < opts.minCoverage || top.score * coverage < opts.minSupport;
    const elsewhere = scope !== undefined && (inDomain.length === 0 || scope.score >= inDomain[0]!.score * opts.scopeRatio);
    if (weak || elsewhere) {
      if (followUp && question.trim().length <= 8) return fromFollowUp(followUp, ctx);
      return outOfScope(grounded);
    }
    const main = pickGuide(grounded);
    if (!main) return fromArticles(grounded, ctx);
    const second = inDomain.find((g) => g.guide.id !== main.guide.id && g.score >= main.score * opts.secondGuideRatio);
    const answer = fromGuide(main, second, grounded, ctx);
    // A dated interest question gets the cap for its contract date right after the direct answer (read with slips
    // corrected, so 利西 counts as 利息).
    const note = interestNote(retriever.correct?.(question) ?? question, k, replies);
    if (note) answer.reply.blocks.splice(1, 0, { style: 'paragraph', text: note });
    return answer;
  }

  function outOfScope(retrieved: RetrievedItem[]): Answer {
    const reply = emptyReply();
    reply.blocks.push({ style: 'paragraph', text: replies.text('answer_out_of_scope') });
    const scope = guideById(k, SCOPE_GUIDE_ID);
    const suggestions = scope?.steps.map((s) => s.trim()) ?? [];
    return { reply, suggestions, outOfScope: true, retrieved };
  }

  function fromGuide(main: GuideHit, second: GuideHit | undefined, retrieved: RetrievedItem[], ctx: AnswerContext): Answer {
    const g = main.guide;
    const reply = emptyReply();
    const section = main.section !== undefined ? g.sections[main.section] : undefined;
    // The second guide shows only its direct answer: its cites count only where that answer names them.
    const secondCites = second ? findCitations(second.guide.answer, k).flatMap((c) => (c.law ? [{ law: c.law, article: c.article }] : [])) : [];
    const citations = resolveCites(k, [...g.cites, ...(section?.cites ?? []), ...secondCites], ctx.at);

    reply.blocks.push({ style: 'paragraph', text: g.answer.trim() });
    if (second) {
      reply.blocks.push({ style: 'heading', text: second.guide.title });
      reply.blocks.push({ style: 'paragraph', text: second.guide.answer.trim() });
    }
    reply.blocks.push({ style: 'heading', text: replies.text('answer_why') });
    reply.blocks.push({ style: 'paragraph', text: g.why.trim() });
    const quoted = pickQuote(citations, g, retrieved);
    if (quoted) reply.blocks.push({ style: 'quote', text: `《${quoted.law}》${quoted.articleCn}：${excerpt(quoted.text, opts.quoteChars)}` });
    if (section) reply.blocks.push({ style: 'paragraph', text: `${section.heading}：${clip(section.text, opts.sectionChars)}` });

    const steps = dedupe([...g.steps.slice(0, second ? opts.maxSteps - 1 : opts.maxSteps), ...(second?.guide.steps.slice(0, 1) ?? [])]
      .map((s) => s.trim()))
      .slice(0, opts.maxSteps);
    if (steps.length) {
      reply.blocks.push({ style: 'heading', text: replies.text('answer_steps') });
      reply.blocks.push({ style: 'list', text: '', items: steps });
    }
    const debtNote = g.debt_note ?? second?.guide.debt_note;
    if (debtNote) reply.blocks.push({ style: 'paragraph', text: debtNote.trim() });
    const dated = datedNote(reply);
    if (dated) reply.blocks.push({ style: 'paragraph', text: dated });

    reply.citations = citations;
    if (citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
    for (const other of relatedGuides(retrieved, [g.id, second?.guide.id]).slice(0, 2)) {
      reply.buttons.push({ id: `g:${other.id}`, label: other.title });
    }
    const grounded = retrieved.some((r) => isGuideHit(r) && r.guide.id === g.id) ? retrieved : [main, ...retrieved];
    return { reply, guideId: g.id, suggestions: steps, outOfScope: false, retrieved: grounded };
  }

  /** "那怎么办" after an answer: the same topic, what to do first. */
  function fromFollowUp(g: Guide, ctx: AnswerContext): Answer {
    const reply = emptyReply();
    const citations = resolveCites(k, g.cites, ctx.at);
    const steps = g.steps.map((s) => s.trim()).slice(0, opts.maxSteps);
    reply.blocks.push({ style: 'heading', text: g.title });
    reply.blocks.push({ style: 'heading', text: replies.text('answer_steps') });
    reply.blocks.push({ style: 'list', text: '', items: steps });
    const detail = g.sections[0];
    if (detail) reply.blocks.push({ style: 'paragraph', text: `${detail.heading}：${clip(detail.text, opts.sectionChars)}` });
    if (g.debt_note) reply.blocks.push({ style: 'paragraph', text: g.debt_note.trim() });
    const dated = datedNote(reply);
    if (dated) reply.blocks.push({ style: 'paragraph', text: dated });
    reply.citations = citations;
    if (citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
    const item: GuideHit = { kind: 'guide', id: `guide:${g.id}`, score: 0, guide: g };
    return { reply, guideId: g.id, suggestions: steps, outOfScope: false, retrieved: [item] };
  }

  function fromArticles(retrieved: RetrievedItem[], ctx: AnswerContext): Answer {
    const reply = emptyReply();
    const articles = retrieved.filter((r): r is Extract<RetrievedItem, { kind: 'article' }> => r.kind === 'article').slice(0, 2);
    const citations: Citation[] = [];
    for (const r of articles) {
      const resolved = resolveArticle(k, r.article.law, r.article.article, ctx.at);
      if (!resolved) continue;
      const c = toCitation(resolved.article);
      citations.push(c);
      reply.blocks.push({ style: 'paragraph', text: `《${c.law}》${c.articleCn}（${c.title}）：${resolved.article.summary.trim()}` });
    }
    reply.blocks.push({ style: 'paragraph', text: replies.text('answer_unsure_note') });
    reply.citations = citations;
    if (citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
    const scope = guideById(k, SCOPE_GUIDE_ID);
    return { reply, suggestions: scope?.steps.slice(0, 1).map((s) => s.trim()) ?? [], outOfScope: false, retrieved };
  }

  /**
   * The LPR is a dated figure: whenever an answer mentions it, say which day the newest figure we hold is from
   * and where to check the current one (knowledge/interest/lpr.yaml).
   */
  function datedNote(reply: OutboundReply): string | undefined {
    const shown = reply.blocks.map((b) => `${b.text}${(b.items ?? []).join('')}`).join('');
    if (!/LPR/i.test(shown)) return undefined;
    const { latest_confirmed: date, where_to_check: where } = k.lpr;
    const row = lprOn(k, date);
    if (!row) return undefined;
    const pct = (x: number) => `${x.toFixed(2).replace(/0$/, '')}%`; // 3.0%, 3.65%, 14.8%
    return replies.text('answer_dated_note', {
      what: `LPR ${pct(row.rate)}（4×LPR = ${pct(row.rate * 4)}）`,
      date,
      where: where.trim().replace(/[。.]$/, ''),
    });
  }

  return {
    answerNow,
    answer: async (q, ctx) => answerNow(q, ctx),
    answerGuide(id, ctx) {
      const g = guideById(k, id);
      if (!g || g.id === SCOPE_GUIDE_ID) return outOfScope([]);
      const hit: GuideHit = { kind: 'guide', id: `guide:${g.id}`, score: 0, guide: g };
      return fromGuide(hit, undefined, [hit], ctx);
    },
  };
}

/** The best guide among the hits: the first guide unless an article outranks it by far. */
function pickGuide(retrieved: RetrievedItem[]): GuideHit | undefined {
  const top = retrieved[0];
  const g = retrieved.find(isGuideHit);
  if (!top || !g) return undefined;
  return g.score >= top.score * 0.5 ? g : undefined;
}

function relatedGuides(retrieved: RetrievedItem[], shown: Array<string | undefined>): Guide[] {
  return retrieved
    .filter(isGuideHit)
    .filter((r) => !shown.includes(r.guide.id) && r.guide.id !== SCOPE_GUIDE_ID)
    .map((r) => r.guide);
}

/**
 * The article worth quoting: a verbatim one (never PARTIAL), preferring one the retriever also found on its own,
 * else the first the guide's `why` names.
 */
function pickQuote(citations: Citation[], g: Guide, retrieved: RetrievedItem[]): Citation | undefined {
  const verbatim = citations.filter((c) => c.confidence !== 'PARTIAL');
  const found = new Set(retrieved.flatMap((r) => (r.kind === 'article' ? [`${r.article.law}#${r.article.article}`] : [])));
  const own = new Set(g.cites.map((c) => `${c.law}#${c.article}`));
  return (
    verbatim.find((c) => own.has(`${c.law}#${c.article}`) && found.has(`${c.law}#${c.article}`)) ??
    verbatim.find((c) => own.has(`${c.law}#${c.article}`)) ??
    verbatim[0]
  );
}

/** Resolves a guide's cites as of `at`, dropping any we cannot hold (load-time validation makes that rare). */
export function resolveCites(k: Knowledge, cites: Array<{ law: string; article: string }>, at: Date): Citation[] {
  const out = new Map<string, Citation>();
  for (const ref of cites) {
    const r = resolveArticle(k, ref.law, ref.article, at);
    if (r) out.set(r.article.id, toCitation(r.article));
  }
  return [...out.values()];
}

/**
 * The start of an article for a short quote: its first sentence, or more when that sentence only introduces a
 * list ("有下列行为之一的："). Marked with …… whenever the article goes on, so a part never reads as the whole.
 */
function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, '');
  let cut = flat.split(/(?<=[。；])/)[0] ?? flat;
  if (/[：:]$/.test(cut) || cut.length < 12) cut = flat.slice(0, max);
  if (cut.length > max) cut = cut.slice(0, max);
  return `「${cut}${cut.length < flat.length ? '……' : ''}」`;
}

/** `text` cut at a sentence or line end near `max` characters (never mid-sentence unless one sentence is longer). */
function clip(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  // Cut only where a sentence ends: a cut after "；" reads as a thought broken off.
  const parts = t.split(/(?<=[。！？\n])/);
  let out = '';
  for (const p of parts) {
    if (out.length + p.length > max) break;
    out += p;
  }
  return (out || `${t.slice(0, max)}…`).trim();
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** True when `q` only asks "and now?" (knowledge/lexicon/routing.yaml follow_up): it continues the last topic. */
export function isVagueFollowUp(q: string, cues: FollowUpCues): boolean {
  let t = q.trim();
  while (t && cues.trailing.includes(t[t.length - 1]!)) t = t.slice(0, -1);
  const leading = [...cues.leading].sort((a, b) => b.length - a.length);
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of leading) {
      if (t.startsWith(w) && t.length > w.length) {
        t = t.slice(w.length);
        changed = true;
        break;
      }
    }
  }
  return cues.phrases.includes(t);
}
