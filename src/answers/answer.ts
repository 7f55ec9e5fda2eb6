/**
 * The offline answer composer. Retrieval picks the guide; the entry matcher picks the question type inside it
 * ("多久能消" vs "能不能洗白"); the first screen then opens with that entry's verdict — the first sentence answers
 * the exact question — followed by the reason naming the provisions, the one or two most useful steps and a short
 * "you still owe the lawful debt" line, within 350 characters. The full law texts sit behind 查看法条 ('law'),
 * the guide's other steps and sections behind 更多说明 ('more', see answerMore), related topics behind 'g:<id>'.
 *
 * One topic per reply, unless the question clearly names two (two clauses, each asking or joined by 还/而且…,
 * each answered by a different guide or question type): then two short verdicts. Questions the knowledge base
 * does not cover get one sentence routing them to 12348 / a lawyer (or the hotline the out-of-scope guide names
 * for their field, e.g. labour → 12333), with no citations.
 */
import { emptyReply, type Citation, type OutboundReply, type TextBlock } from '../message';
import { toCitation } from '../knowledge/citations';
import { INTEREST_NOTE_REPLY_KEYS, contractRuleSide, interestNoteParts } from './interest-note';
import { AppError } from '../errors';
import { entryById, guideById, lprOn, resolveInForce, type Guide, type Knowledge } from '../knowledge/knowledge';
import type { CiteRef, FollowUpCues } from '../knowledge/schema';
import { SCOPE_GUIDE_ID, type Retriever, type RetrievedItem } from '../knowledge/retriever';
import type { Replies } from '../replies';
import { createEntryMatcher, type EntryMatch, type EntryMatcherOptions } from './entry-match';
import { buildFirstScreen, dedupe, screenLength, screenText, type Lead } from './first-screen';
import { buildMore } from './more-page';
import { withAntecedents } from './antecedent';
import { HOTLINE_REPLY_KEYS, hotlineAnswer } from './hotline';

/**
 * An asking clause about repaying ("离婚后我要不要一起还", "我妈要替我还吗", "她要不要还一半", "能先不还网贷吗") is about
 * the debt, whatever field it names.
 */
const REPAYS = /还(?:网贷|贷款|信用卡|花呗|钱)?(?:吗|不|呢|吧|啊|$|[?？])|不还|一起还|替.{0,3}还|帮.{0,3}还|债|(?:要|得|该|用|需)还(?![有是在能会没])|还(?:一半|多少|一部分)/;
/** A clause worded as a question ("工资咋要回来", "你能帮我吗"), not a statement that happens to be the last one. */
const ASKS = /[吗么呢嘛?？]|咋|怎么|怎样|如何|能不能|可不可以|要不要|帮我|能帮|找谁|去哪/;

/** Entry scores closer than this are a tie (scores are sums of floats; see scopeRoute). */
const SCORE_TIE = 0.005;

/** `word` in `text`; a Latin word only as a whole word ("app" is not in "appeal"). */
function hasWord(text: string, word: string): boolean {
  if (!/^[a-z0-9]+$/.test(word)) return text.includes(word);
  return new RegExp(`(?<![a-z])${word}(?![a-z])`).test(text);
}

/**
 * What the conversation already understood about this turn, passed as structured context: the findings of the
 * last analysed collector message, the claims it made, the loan facts gathered so far and what the user is doing.
 * The offline composer may ignore it; the LLM path puts it in the prompt.
 */
export interface Grounding {
  findings?: Array<{ category: string; label: string; evidence: string }>;
  claims?: string[];
  facts?: Record<string, unknown>;
  act?: string;
}

export interface AnswerContext {
  /** The day the answer is for: provisions are cited in the version in force then. */
  at: Date;
  /** The guide the previous answer came from, for vague follow-ups ("那怎么办"). */
  lastTopic?: string;
  /** The entry (question type) of that guide the previous answer gave. */
  lastEntry?: string;
  /** Recent turns, oldest first, for the LLM path. */
  history?: Array<{ role: 'user' | 'bot'; text: string }>;
  /** Structured understanding of the turn (see Grounding). */
  grounding?: Grounding;
}

export type AnswerKind = 'answer' | 'out_of_scope';

export interface Answer {
  reply: OutboundReply;
  /** The guide the answer is built on, if any. */
  guideId?: string;
  /** The guide's entry (question type) whose verdict opens the reply, if one fitted. */
  entryId?: string;
  kind: AnswerKind;
  /** Plain next-step sentences (the CLI's `suggestions`). */
  suggestions: string[];
  /** Same as kind === 'out_of_scope' (kept for existing callers). */
  outOfScope: boolean;
  /** The items the answer is grounded on, best first (what an LLM prompt is grounded on). */
  retrieved: RetrievedItem[];
  /** What the 'more' button shows (the CLI appends it to the first screen). Absent when there is nothing more. */
  more?: TextBlock[];
  /** Out of scope by an entry that stands alone (a document to draft): a follow-up does not read it into the last topic. */
  standsAlone?: boolean;
}

export interface Answerer {
  answer(question: string, ctx: AnswerContext): Promise<Answer>;
  /**
   * The answer a topic guide gives on its own (for "related topic" buttons), or with `entryId` the answer of that
   * question type, for a question the conversation has already placed (an evasion request → lawsuit-and-summons#hide).
   */
  answerGuide?(guideId: string, ctx: AnswerContext, entryId?: string): Answer;
  /**
   * The page behind the 'more' button of an answer built on `guideId` / `entryId`: the guide's other steps and the
   * sections that fit that question type. Route the button id 'more' here with the last answer's guide and entry.
   */
  answerMore?(guideId: string, entryId: string | undefined, ctx: AnswerContext): Answer;
  /**
   * The answer of `guideId`'s question type that names a cue word of `question`, whatever guide the question would
   * retrieve on its own; undefined when none does. For a fact told against the last answer ("但是中间他们一直打电话催我"
   * after the limitation answer), read within that answer's topic.
   */
  answerWithin?(guideId: string, question: string, ctx: AnswerContext): Answer | undefined;
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
  /**
   * A second topic joins only when a clause of the question retrieves it on its own and it scores at least this
   * share of the main guide on the whole question.
   */
  secondGuideRatio: number;
  /** A clause this short (characters) is not a question of its own. */
  minClauseChars: number;
  /** Two question types of one guide are both answered only when the second scores this share of the first. */
  secondEntryRatio: number;
  /** Guides scoring within this share of the best compete on how well their entries fit the question. */
  tieRatio: number;
  /**
   * The guide the one asking clause retrieves on its own takes over when the whole question ranks it at least this
   * share of the best ("我妈收到的 … 她要还吗": the background clauses retrieve the 支付令 guide best).
   */
  askedClauseRatio: number;

  /** How much closer (BM25 over entry examples) another guide's entry must be to take over from the best guide. */
  entryFitRatio: number;
  /**
   * A near guide's question type naming two or more of the question's cue words, where the best guide's names none,
   * may be this many times farther from one of its examples when retrieval ranks the two guides nearly alike
   * (`namedScoreRatio`): "…催收打给我说父债子还 不还就去学校找我": the family type names 我爸 and 父债子还; the general
   * overdue type, closer on background words, names nothing.
   */
  namedFitRatio: number;
  /** The retrieval score, as a share of the best guide's, a guide needs for `namedFitRatio` to apply. */
  namedScoreRatio: number;
  /**
   * A follow-up stays on the last answer's topic when that guide has a question type naming at least as many of the
   * question's cue words as the retrieved guide's best type, and at least this share of its closeness to an example.
   */
  contextFitRatio: number;
  /** First screen budget in characters (rendered, line breaks included). */
  firstScreenChars: number;
  /** Budget of the 'more' page. */
  moreChars: number;
  /** Steps listed on the 'more' page at most. */
  moreSteps: number;
  /** Related-topic buttons at most. */
  maxRelated: number;
  /** Entry matching (see entry-match.ts). */
  entries: Partial<EntryMatcherOptions>;
}

export const OFFLINE_ANSWERER_DEFAULTS: OfflineAnswererOptions = {
  minScore: 6,
  minCoverage: 0.2,
  minSupport: 5,
  topK: 5,
  scopeRatio: 0.85,
  secondGuideRatio: 0.5,
  minClauseChars: 3,
  secondEntryRatio: 0.6,
  tieRatio: 0.5,
  askedClauseRatio: 0.5,
  entryFitRatio: 1.5,
  namedFitRatio: 2,
  namedScoreRatio: 0.9,
  contextFitRatio: 0.5,
  firstScreenChars: 350,
  moreChars: 350,
  moreSteps: 4,
  maxRelated: 2,
  entries: {},
};

/**
 * The guide that marks the edge of our scope (knowledge/guides/out-of-scope.yaml): when it is the best match, the
 * question is about something we hold no sources for. It is never offered as a topic of its own.
 */
export { SCOPE_GUIDE_ID };

type GuideHit = Extract<RetrievedItem, { kind: 'guide' }>;
const isGuideHit = (r: RetrievedItem): r is GuideHit => r.kind === 'guide';

/** Reply keys the composer itself uses beyond the bot-wide ones (prompts/answers.yaml), checked when it is built. */
export const ANSWER_REPLY_KEYS = ['answer_article_line', 'answer_dated_lpr'] as const;

/** Builds the offline answerer; `answerNow` is the synchronous core the LLM path falls back to. */
export function createOfflineAnswerer(
  deps: { knowledge: Knowledge; retriever: Retriever; replies: Replies },
  options: Partial<OfflineAnswererOptions> = {},
): Answerer & {
  answerNow(question: string, ctx: AnswerContext): Answer;
  answerGuide(guideId: string, ctx: AnswerContext, entryId?: string): Answer;
  answerMore(guideId: string, entryId: string | undefined, ctx: AnswerContext): Answer;
  answerWithin(guideId: string, question: string, ctx: AnswerContext): Answer | undefined;
} {
  const opts = { ...OFFLINE_ANSWERER_DEFAULTS, ...options };
  const { knowledge: k, retriever, replies } = deps;
  const missing = [...ANSWER_REPLY_KEYS, ...INTEREST_NOTE_REPLY_KEYS, ...HOTLINE_REPLY_KEYS].filter((key) => !replies.has(key));
  if (missing.length) throw new AppError('PROMPTS_INVALID', `prompts/answers.yaml is missing replies: ${missing.join(', ')}`);
  const correct = (q: string) => retriever.correct?.(q) ?? q;
  const matcher = createEntryMatcher(k, correct, opts.entries);

  /**
   * A question about one hotline ("12333是打给谁的") is answered from channels.yaml when the guides' answer does not
   * name that number; "12315能管吗" keeps the complaint guide's comparison of the channels.
   */
  function answerNow(asked: string, ctx: AnswerContext): Answer {
    const answer = answerFromGuides(asked, ctx);
    const hotline = hotlineAnswer(asked, k, replies);
    if (!hotline || screenText(answer.reply.blocks).includes(hotline.number)) return answer;
    return { reply: hotline.reply, kind: 'answer', suggestions: [], outOfScope: false, retrieved: [] };
  }

  function answerFromGuides(asked: string, ctx: AnswerContext): Answer {
    const question = withAntecedents(asked, k.pronounPeople);
    const last = ctx.lastTopic ? guideById(k, ctx.lastTopic) : undefined;
    const followUp = last && last.id !== SCOPE_GUIDE_ID ? last : undefined;
    if (followUp && isVagueFollowUp(question, k.followUp)) return fromFollowUp(followUp, ctx);

    const retrieved = retriever.retrieve(question, opts.topK);
    const guides = retrieved.filter(isGuideHit);
    const inDomain = guides.filter((g) => g.guide.id !== SCOPE_GUIDE_ID);
    const scope = guides.find((g) => g.guide.id === SCOPE_GUIDE_ID);
    const top = retrieved.find((r) => !(isGuideHit(r) && r.guide.id === SCOPE_GUIDE_ID));
    const grounded = retrieved.filter((r) => !(isGuideHit(r) && r.guide.id === SCOPE_GUIDE_ID));

    // A question naming a neighbouring field (驾照, 遗嘱, 医保 …) and nothing of ours is that field's question; a
    // follow-up to our answer or to an analysed collector's message ("我会不会被开除啊" after their post in the
    // company group) is not.
    const aboutOurs = followUp !== undefined || (ctx.grounding?.findings?.length ?? 0) > 0;
    if (!aboutOurs && namesOtherFieldOnly(question)) return outOfScope(question, grounded);
    // The one clause that asks names a neighbouring field and nothing of ours ("老板拖了我三个月工资没发 所以网贷才还不上
    // 工资咋要回来": the debt is background, the wages are asked): that field's question.
    const askingClause = askedClause(question);
    // (after one of our answers too: the wages named twice are the question, not a follow-up on the last topic).
    if (askingClause !== undefined && asksOtherField(question, askingClause)) return outOfScope(askingClause, grounded);
    // A loan named only as background ("我还是贷款买的", "为了还网贷才去炒的") does not make a neighbouring field's
    // question ours; nor do our words make a question under another jurisdiction's law ours.
    if (!aboutOurs && asksBesideLoan(question)) return outOfScope(question, grounded);
    const coverage = retriever.coverage(question);
    const weak = !top || top.score < opts.minScore || coverage < opts.minCoverage || top.score * coverage < opts.minSupport;
    // A question split between a neighbouring field and our topics is settled by what it asks.
    const split = scope !== undefined && inDomain.length > 0 && inDomain[0]!.score >= scope.score * opts.tieRatio;
    const elsewhere = scope !== undefined && (inDomain.length === 0 || scope.score >= inDomain[0]!.score * opts.scopeRatio) && !(split && askedWithin(question));
    if (weak || (elsewhere && !asksAfterOurTrouble(question))) {
      if (followUp && question.trim().length <= 8) return fromFollowUp(followUp, ctx);
      return outOfScope(question, grounded);
    }
    const picked = pickGuide(grounded);
    if (!picked) return fromArticles(grounded, ctx);
    const main = continueTopic(preferAskedClause(preferFittingEntry(picked, inDomain, question), inDomain, question), followUp, question);
    // A question that names a field we do not cover (抚养权, 工资 …) more plainly than any question type of the
    // guide is that field's question: route it rather than answer a neighbouring one.
    const fit = matcher.best(main.guide, question);
    const route = scopeRoute(question);
    // Unless the one clause that asks names our field ("老板拖欠工资，催收天天打电话怎么办": the wages are background).
    if (route && (!fit || (route.cueHits >= 2 && route.cueHits > fit.cueHits)) && !askedNamesOurs(question) && !asksAfterOurTrouble(question) && !asksAboutOursToo(question)) {
      return outOfScope(question, grounded);
    }
    const leads = chooseLeads(question, main, inDomain);
    // A neighbouring field named as background keeps its hotline: one short line when it fits. So does one named
    // beside our trouble when the asking clause names nothing ("公司拖欠我3个月工资，搞到我还不起网贷，点算").
    // So does one named only in a clause that does not ask ("公司因为催收…把我辞退了 能要赔偿吗": the dismissal is
    // background to the damages asked, and still the labour hotline's).
    const background = askingClause !== undefined && !scopeRoute(askingClause);
    const aside = route && (askedNamesOurs(question) || askedNamesNothing(question) || background) ? route.entry.aside?.trim() : undefined;
    return fromLeads(leads, grounded, ctx, { question, sectionHint: main.section, aside });
  }

  /**
   * Among the guides retrieval ranks close to the best (within `tieRatio`), one whose question type fits the
   * question clearly better takes over: its entry names more of the question's cue words and is not `entryFitRatio`
   * times farther from one of its examples, or names as many and is at least `entryFitRatio` times closer. "老公不知道…催收把我欠多少全说了" retrieves the spouse
   * guide first, but asks what the contacts guide's "告诉了我老公" entry answers.
   */
  function preferFittingEntry(best: GuideHit, inDomain: GuideHit[], question: string): GuideHit {
    const near = inDomain.filter((g) => g.guide.id !== best.guide.id && g.score >= best.score * opts.tieRatio);
    if (!near.length) return best;
    const own = matcher.best(best.guide, question);
    const better = near
      .map((g) => ({ g, m: matcher.best(g.guide, question) }))
      .filter((f): f is { g: GuideHit; m: EntryMatch } => {
        if (!f.m) return false;
        const ownCues = own?.cueHits ?? 0;
        // Tied in retrieval: the better-fitting entry decides. Otherwise it must fit clearly better: naming more of
        // the question's cue words while not `entryFitRatio` times farther from an example, or as many and that much closer.
        if (f.g.score >= best.score * 0.98) return f.m.cueHits > ownCues || (f.m.cueHits === ownCues && f.m.bm25 > (own?.bm25 ?? 0));
        if (f.m.cueHits > ownCues) {
          const named = ownCues === 0 && f.m.cueHits >= 2 && f.g.score >= best.score * opts.namedScoreRatio;
          const ratio = named ? opts.namedFitRatio : opts.entryFitRatio;
          return f.m.bm25 * ratio >= (own?.bm25 ?? 0);
        }
        return f.m.cueHits === ownCues && f.m.bm25 >= opts.entryFitRatio * (own?.bm25 ?? 0);
      })
      .sort((a, b) => b.m.bm25 - a.m.bm25);
    return better[0]?.g ?? best;
  }

  /**
   * When only one clause of a longer question asks ("那我转到那个个人账户行不行 他说能减免罚息"), that clause names
   * the question type; the other clauses are its background. The guide that clause retrieves on its own takes over
   * when the whole question ranks it near enough to the best (`askedClauseRatio`), one of its question types names a cue word of
   * the clause, and the best guide's types name none.
   */
  function preferAskedClause(main: GuideHit, inDomain: GuideHit[], question: string): GuideHit {
    const asked = askedClause(question);
    if (asked === undefined || matcher.best(main.guide, asked)?.cueHits) return main;
    const own = askedGuide(asked);
    if (!own || own.guide.id === main.guide.id) return main;
    // A best guide none of whose question types names a word of the question won on background words alone: the
    // asking clause's own guide takes over even when the whole question ranks it low.
    if (!matcher.best(main.guide, question)?.cueHits) return inDomain.find((g) => g.guide.id === own.guide.id) ?? own;
    return inDomain.find((g) => g.guide.id === own.guide.id && g.score >= main.score * opts.askedClauseRatio) ?? main;
  }

  /** The one clause of a longer question that asks, if exactly one does. */
  function askedClause(question: string): string | undefined {
    const clauses = questionClauses(question);
    const asking = clauses.filter((c) => c.asks);
    return clauses.length >= 2 && asking.length === 1 ? asking[0]!.text : undefined;
  }

  /**
   * The in-scope guide an asking clause retrieves on its own, when one of its question types names a cue word of the
   * clause ("是真的吗", "靠谱吗" name no topic and retrieve nothing that strong).
   */
  function askedGuide(asked: string): GuideHit | undefined {
    const own = retriever.retrieve(asked, 3).filter(isGuideHit).find((g) => g.guide.id !== SCOPE_GUIDE_ID);
    return own && own.score >= opts.minScore && (matcher.best(own.guide, asked)?.cueHits ?? 0) > 0 ? own : undefined;
  }

  /** The one asking clause names our field (knowledge/lexicon/routing.yaml domain_cues) and retrieves a guide of ours. */
  function askedNamesOurs(question: string): boolean {
    const asked = askedClause(question);
    if (asked === undefined || scopeRoute(asked) || !k.domainCues.some((w) => asked.includes(w))) return false;
    const top = retriever.retrieve(asked, 1)[0];
    return top !== undefined && !(isGuideHit(top) && top.guide.id === SCOPE_GUIDE_ID) && top.score >= opts.minScore;
  }

  /**
   * The one asking clause names no field and no question type at all ("怎么办", "点算", "咋整"): it asks about
   * everything the other clauses told.
   */
  function askedNamesNothing(question: string): boolean {
    const all = questionClauses(question);
    const asking = all.filter((c) => c.asks);
    // A preamble that asks nothing itself ("我想问下") is no topic either.
    return asking.length > 0 && asking.length < all.length && asking.every((c) => !scopeRoute(c.text) && askedGuide(c.text) === undefined);
  }

  /** Our trouble is named (网贷, 逾期 … routing.yaml domain_cues) and the asking clause names nothing: ours, with the aside. */
  function asksAboutOursToo(question: string): boolean {
    const corrected = correct(question);
    return askedNamesNothing(question) && k.domainCues.some((w) => corrected.includes(w));
  }

  /**
   * Whether what is asked lies within our topics when the whole question is split between a neighbouring field and
   * ours ("工资拖欠了 网贷还不上 能申请延期吗": the wages are background, the question is the deferral): the asking
   * clause retrieves an in-scope question type on its own, names no field we route elsewhere, and another clause
   * names one of our topics too.
   */
  function askedWithin(question: string): boolean {
    const asked = askedClause(question);
    if (asked === undefined || scopeRoute(asked)) return false;
    // An asking clause that names our field ("催收天天打电话怎么办", "信用卡也逾期了怎么办") and retrieves a guide of
    // ours is ours, whatever the other clauses say; one that names no field needs a question type of ours naming its
    // words, and another clause naming one of our topics.
    if (askedNamesOurs(question)) return true;
    if (askedGuide(asked) === undefined) return false;
    // Our topic is named outside the asking clause too ("网贷还不上了"): the neighbouring field is not the whole story
    // ("房贷想提前还款 … 要交违约金吗" asks about the 房贷's penalty).
    return questionClauses(question).some((c) => {
      if (c.text === asked) return false;
      const top = retriever.retrieve(c.text, 1)[0];
      return top !== undefined && top.score >= opts.minScore && !(isGuideHit(top) && top.guide.id === SCOPE_GUIDE_ID);
    });
  }

  /**
   * A follow-up ("我不是不想还 是真的没钱" right after the 恶意透支 answer) is read within the last answer's topic when
   * that guide has a question type for it: one naming at least as many of the question's cue words as the retrieved
   * guide's best type, and not far from one of its examples (`contextFitRatio`). A follow-up that names another
   * topic's question type more plainly ("那征信多久能消" after 失信: 多久 and 能消) moves on.
   */
  function continueTopic(main: GuideHit, last: Guide | undefined, question: string): GuideHit {
    if (!last || last.id === main.guide.id) return main;
    const there = matcher.best(last, question);
    if (!there || there.cueHits === 0) return main;
    const here = matcher.best(main.guide, question);
    if (here && (there.cueHits < here.cueHits || there.bm25 < opts.contextFitRatio * here.bm25)) return main;
    return { kind: 'guide', id: `guide:${last.id}`, score: main.score, guide: last };
  }

  /**
   * The topic(s) the first screen answers: the main guide with its best entry, plus a second verdict when one
   * clause of the question asks something else (another question type of the same guide, or another guide).
   */
  function chooseLeads(question: string, main: GuideHit, inDomain: GuideHit[]): Lead[] {
    const mainMatch = matcher.best(main.guide, question);
    const first: Lead = { guide: main.guide, entry: mainMatch?.entry };
    // Clauses that ask something, or that list one more thing done (还把我…, 而且…): then every listed clause is one.
    const all = questionClauses(question);
    const listing = all.some((c) => c.joined);
    const clauses = all.filter((c) => c.asks || c.joined || listing);
    if (!clauses.length || all.length < 2) return [first];

    // Two question types of the same guide ("会不会上征信 多久能消", "羞辱我 还说要把照片发网上"), in the order
    // they were asked: a clause of its own names the other one's cue, and both are among the two best entries
    // for the whole question.
    const whole = matcher.rank(main.guide, question);
    const topTwo = whole.slice(0, 2).filter((m, i) => i === 0 || m.score >= whole[0]!.score * opts.secondEntryRatio);
    const perClause = clauses
      .map((c) => ({ c, m: matcher.best(main.guide, c.text) }))
      .filter((x): x is { c: (typeof clauses)[number]; m: EntryMatch } =>
        x.m !== undefined && x.m.cueHits > 0 && topTwo.some((t) => t.entry.id === x.m!.entry.id));
    // Questions asked keep their order; the whole question's own type leads unless it was one of them.
    const askedIds = dedupeBy(perClause.filter((x) => x.c.asks), (x) => x.m.entry.id).map((x) => x.m.entry);
    const listedIds = perClause.filter((x) => !x.c.asks).map((x) => x.m.entry);
    // One clause asks and the others only tell what happened ("他们说明天要来 我能不让他们进门吗"): that clause's type
    // is the question; the whole question's type (上门) is its background, not a second verdict.
    const onlyAsked = askedIds.length === 1 && !listing && all.filter((c) => c.asks).length === 1 && all.every((c) => c.asks || k.reportedByThem.some((w) => c.text.toLowerCase().startsWith(w)));
    if (onlyAsked) return [{ guide: main.guide, entry: askedIds[0]! }];
    const lead = mainMatch && !askedIds.some((e) => e.id === mainMatch.entry.id) ? [mainMatch.entry] : [];
    const asked = dedupeBy([...lead, ...askedIds, ...listedIds], (e) => e.id);
    if (asked.length >= 2) return asked.slice(0, 2).map((entry) => ({ guide: main.guide, entry }));

    // Another guide that one clause retrieves on its own, that the whole question also finds, and whose question
    // type the clause names by a cue word.
    for (const c of clauses) {
      if (matcher.best(main.guide, c.text)?.cueHits) continue; // the main guide answers this clause itself
      const own = retriever.retrieve(c.text, 3).filter(isGuideHit).filter((g) => g.guide.id !== SCOPE_GUIDE_ID)[0];
      if (!own || own.guide.id === main.guide.id || own.score < opts.minScore) continue;
      const inWhole = inDomain.find((g) => g.guide.id === own.guide.id);
      if (!inWhole || inWhole.score < main.score * opts.secondGuideRatio) continue;
      const entry = matcher.best(own.guide, c.text);
      if (!entry || entry.cueHits === 0) continue;
      return [first, { guide: own.guide, entry: entry.entry }];
    }
    return [first];
  }

  /**
   * The question cut at punctuation and spaces (before folding, which joins Han text across spaces). A clause telling
   * a claim heard elsewhere ("有人说交3000块能帮我洗白") asks whether it holds.
   */
  function questionClauses(question: string): Array<{ text: string; asks: boolean; joined: boolean }> {
    return question
      .split(/[，,。.！!？?；;、\s]+/)
      .map((t) => correct(t).trim())
      .filter((t) => t.length >= opts.minClauseChars)
      .map((text) => ({
        text,
        asks: k.questionCues.some((cue) => text.includes(cue)) || k.hearsayCues.some((w) => text.startsWith(w)),
        joined: k.clauseJoiners.some((j) => text.startsWith(j)),
      }));
  }

  /** The answer for one or two leads: first screen, citations, buttons and the 'more' page. */
  function fromLeads(given: Lead[], retrieved: RetrievedItem[], ctx: AnswerContext, hint: { question?: string; sectionHint?: number; aside?: string }): Answer {
    const leads = hint.question ? withContractRule(given, correct(hint.question)) : given;
    const main = leads[0]!;
    const reply = emptyReply();
    // A dated interest question gets the cap for its contract date right after the verdict (read with slips
    // corrected, so 利西 counts as 利息).
    const parts = hint.question ? interestNoteParts(correct(hint.question), k, replies, ctx.at) : undefined;
    const note = parts && parts.core + parts.licensed;
    const lean = parts?.licensed ? parts.core : undefined;
    const probe = buildFirstScreen(leads, { afterVerdict: note }, Number.MAX_SAFE_INTEGER);
    const dated = datedNote(probe.blocks);
    // Only a guide that holds dated figures (as_of) shows the dated LPR on its first screen; elsewhere the LPR is
    // named as a rule, and the figure waits behind 'more'.
    const datedHere = dated && (note || leads.some((l) => l.guide.as_of)) ? dated : undefined;
    const screen = buildFirstScreen(leads, { afterVerdict: note, afterVerdictLean: lean, dated: datedHere }, opts.firstScreenChars);
    reply.blocks.push(...screen.blocks);
    const asideBlock: TextBlock | undefined = hint.aside ? { style: 'paragraph', text: hint.aside } : undefined;
    if (asideBlock && screenLength([...reply.blocks, asideBlock]) <= opts.firstScreenChars) reply.blocks.push(asideBlock);

    // A dated note that did not fit the first screen is not lost: it opens the 'more' page.
    const datedLeft = dated && !screen.blocks.some((b) => b.text === dated) ? dated : undefined;
    // So does the note's sentence on licensed lenders when the screen had to leave it out.
    const licensedLeft = lean !== undefined && !screen.blocks.some((b) => b.text === note) ? parts!.licensed : undefined;
    const opening = [licensedLeft, datedLeft].filter(Boolean).join('\n') || undefined;
    const more = buildMore(main, screen.steps, {
      max: opts.moreChars,
      maxSteps: opts.moreSteps,
      stepsHeading: replies.text('answer_more_steps'),
      sectionHint: hint.sectionHint,
      opening,
    });

    const cites: CiteRef[] = [...leads.flatMap((l) => (l.entry ? l.entry.cites : l.guide.cites)), ...more.cites];
    const citations = resolveCites(k, cites, ctx.at);
    reply.citations = citations;
    if (citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
    if (more.blocks.length) reply.buttons.push({ id: 'more', label: replies.text('answer_more_button') });
    const shown = leads.map((l) => l.guide.id);
    for (const other of relatedGuides(retrieved, shown).slice(0, opts.maxRelated)) {
      reply.buttons.push({ id: `g:${other.id}`, label: other.title });
    }
    const own: GuideHit = { kind: 'guide', id: `guide:${main.guide.id}`, score: 0, guide: main.guide };
    const grounded = retrieved.some((r) => isGuideHit(r) && r.guide.id === main.guide.id) ? retrieved : [own, ...retrieved];
    const suggestions = dedupe([...screen.steps, ...main.guide.steps.map((s) => s.trim())]);
    return {
      reply,
      guideId: main.guide.id,
      ...(main.entry ? { entryId: main.entry.id } : {}),
      kind: 'answer',
      suggestions,
      outOfScope: false,
      retrieved: grounded,
      ...(more.blocks.length ? { more: more.blocks } : {}),
    };
  }

  /**
   * A contract made before 2020-08-20 follows the transition provision (民间借贷规定 31, caps.yaml transition): when
   * the main guide has a question type citing it, that type answers ("2019年借的 年利率30%合法吗" is not answered
   * with the 4 × LPR of the contract date).
   */
  function withContractRule(leads: Lead[], question: string): Lead[] {
    if (contractRuleSide(question, k) !== 'before') return leads;
    const { law, article } = k.caps.private_lending.transition;
    const main = leads[0]!;
    if (main.entry?.cites.some((c) => c.law === law && c.article === article)) return leads;
    const entry = main.guide.entries?.find((e) => e.cites.some((c) => c.law === law && c.article === article));
    return entry ? [{ guide: main.guide, entry }, ...leads.slice(1).filter((l) => l.entry?.id !== entry.id)] : leads;
  }

  /** The out-of-scope guide's entry for the field a question names by one of its words (工资, 网购, 抚养权 …). */
  function scopeRoute(question: string): EntryMatch | undefined {
    const scope = guideById(k, SCOPE_GUIDE_ID);
    // A field is named only by its own words: a shared "怎么办" routes nowhere in particular.
    const named = scope ? matcher.rank(scope, question).filter((m) => m.cueHits > 0) : [];
    // Entries scoring the same (to SCORE_TIE) are tied: the one naming more of the question's words takes it, so that
    // an unrelated entry added elsewhere (which moves every score a little) cannot flip the route.
    const tied = named.filter((m) => m.score >= named[0]!.score - SCORE_TIE);
    return named.length ? tied.reduce((best, m) => (m.cueHits > best.cueHits ? m : best)) : undefined;
  }

  /**
   * The question names a field the out-of-scope guide routes (one of its entries' cue words) and none of the words
   * of our own field (its `field_words`, matched on the corrected question: 崔收 → 催收). Retrieval alone ranks a
   * guide of ours first on shared words ("驾照扣满12分了怎么办" → the limitation guide on 12).
   */
  function namesOtherFieldOnly(question: string): boolean {
    const scope = guideById(k, SCOPE_GUIDE_ID);
    if (!scope?.field_words.length || !scopeRoute(question)) return false;
    const corrected = correct(question).toLowerCase();
    return !scope.field_words.some((w) => corrected.includes(w.toLowerCase()));
  }

  /**
   * The asking clause names a neighbouring field and nothing of ours, and another clause names that same field
   * ("老板拖了我三个月工资没发 所以网贷才还不上 工资咋要回来"): the debt is background, that field is asked. One stray
   * word ("怎么分辨真假") names no field the rest of the question is about; a clause about repaying is ours.
   */
  function asksOtherField(question: string, asked: string): boolean {
    if (!ASKS.test(asked) || !namesOtherFieldOnly(asked) || REPAYS.test(asked)) return false;
    const anchors = guideById(k, SCOPE_GUIDE_ID)?.anchor_words ?? [];
    const corrected = correct(question).toLowerCase();
    if (anchors.some((w) => corrected.includes(w.toLowerCase()))) return false;
    const field = scopeRoute(asked)?.entry.id;
    return questionClauses(question).some((c) => c.text !== asked && scopeRoute(c.text)?.entry.id === field);
  }

  /**
   * The question names a neighbouring field, asks something, and names our field only by a loan as its background
   * (the out-of-scope guide's `background_words`: "买的二手车原来是泡水车 … 我还是贷款买的 怎么维权") or is asked under
   * another jurisdiction's law (an `other_law` entry: "香港那边的法律 … 他们能告我吗", whatever it asks of that law). Not
   * when it names an anchor word (催收, 法院, 征信 …), nor, the loan being background, when it asks about repaying
   * ("…还要还吗"): then the debt is what it is about.
   */
  function asksBesideLoan(question: string): boolean {
    const scope = guideById(k, SCOPE_GUIDE_ID);
    const route = scopeRoute(question);
    if (!scope || !route) return false;
    const clauses = questionClauses(question);
    if (!clauses.some((c) => c.asks)) return false;
    const corrected = correct(question).toLowerCase();
    if (scope.anchor_words.some((w) => corrected.includes(w.toLowerCase()))) return false;
    if (route.entry.other_law) return true;
    return !clauses.some((c) => REPAYS.test(c.text)) && !namesOurTrouble(corrected);
  }

  /**
   * Our field named beyond a loan as background: one of the out-of-scope guide's `field_words` left once its
   * `background_words` are taken out ("网贷还不上了" names 还不上; "我还是贷款买的" names nothing more). A field word
   * that itself holds a background word ("欠网贷": owing is the trouble, not how something was paid for) is looked
   * for before they are taken out. `text` is corrected.
   */
  function namesOurTrouble(text: string): boolean {
    const scope = guideById(k, SCOPE_GUIDE_ID);
    if (!scope) return false;
    const lower = text.toLowerCase();
    const background = scope.background_words.map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length);
    const rest = background.reduce((t, w) => t.split(w).join(' '), lower);
    return scope.field_words.some((w) => {
      const word = w.toLowerCase();
      return background.some((b) => b !== word && word.includes(b)) ? hasWord(lower, word) : hasWord(rest, word);
    });
  }

  /**
   * The neighbouring field is the background and a trouble of ours is what the question comes to: a clause that tells
   * a trouble of ours and names no other field ("现在网贷还不上了", "现在催收天天打到公司"), and no asking clause naming a
   * neighbouring field ("老公开车撞了人 … 现在网贷还不上了 怎么办" asks about the debt, not the accident).
   */
  function asksAfterOurTrouble(question: string): boolean {
    const clauses = questionClauses(question);
    const asking = clauses.filter((c) => c.asks);
    if (!asking.length || asking.some((c) => scopeRoute(c.text))) return false;
    return clauses.some((c) => !c.asks && !scopeRoute(c.text) && namesOurTrouble(c.text));
  }

  /** One sentence: not covered, and where to go (12348 / a lawyer, or the hotline for that field). */
  function outOfScope(question: string, retrieved: RetrievedItem[]): Answer {
    const reply = emptyReply();
    const scope = guideById(k, SCOPE_GUIDE_ID);
    const route = scopeRoute(question);
    reply.blocks.push({ style: 'paragraph', text: route ? route.entry.verdict.trim() : replies.text('answer_out_of_scope') });
    const suggestions = (route?.entry.steps ?? scope?.steps ?? []).map((s) => s.trim());
    return { reply, kind: 'out_of_scope', suggestions, outOfScope: true, retrieved, ...(route?.entry.stands_alone ? { standsAlone: true } : {}) };
  }

  /** "那怎么办" after an answer: the same topic (and question type), what to do first. */
  function fromFollowUp(g: Guide, ctx: AnswerContext): Answer {
    const entry = entryById(g, ctx.lastEntry);
    const reply = emptyReply();
    const steps = dedupe([...(entry?.steps ?? []), ...g.steps].map((s) => s.trim()));
    reply.blocks.push({ style: 'paragraph', text: replies.text('answer_follow_up_lead', { title: g.title }) });
    const debt = g.debt_line?.trim();
    let shown = steps.slice(0, 4);
    const blocksFor = (n: number): TextBlock[] => [
      { style: 'list', text: '', items: steps.slice(0, n) },
      ...(debt ? [{ style: 'paragraph' as const, text: debt }] : []),
    ];
    let n = shown.length;
    while (n > 1 && screenLength([...reply.blocks, ...blocksFor(n)]) > opts.firstScreenChars) n--;
    shown = steps.slice(0, n);
    reply.blocks.push(...blocksFor(n));
    const lead: Lead = { guide: g, entry };
    const more = buildMore(lead, shown, { max: opts.moreChars, maxSteps: opts.moreSteps, stepsHeading: replies.text('answer_more_steps') });
    const citations = resolveCites(k, [...(entry ? entry.cites : g.cites), ...more.cites], ctx.at);
    reply.citations = citations;
    if (citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
    if (more.blocks.length) reply.buttons.push({ id: 'more', label: replies.text('answer_more_button') });
    const item: GuideHit = { kind: 'guide', id: `guide:${g.id}`, score: 0, guide: g };
    return {
      reply, guideId: g.id, ...(entry ? { entryId: entry.id } : {}), kind: 'answer', suggestions: steps, outOfScope: false,
      retrieved: [item], ...(more.blocks.length ? { more: more.blocks } : {}),
    };
  }

  /** No guide fits but articles do: their one-line summaries, and the advice to check with 12348. */
  function fromArticles(retrieved: RetrievedItem[], ctx: AnswerContext): Answer {
    const reply = emptyReply();
    const articles = retrieved.filter((r): r is Extract<RetrievedItem, { kind: 'article' }> => r.kind === 'article').slice(0, 2);
    const citations: Citation[] = [];
    for (const r of articles) {
      const resolved = resolveInForce(k, r.article.law, r.article.article, ctx.at);
      if (!resolved) continue;
      const c = toCitation(resolved.article);
      citations.push(c);
      reply.blocks.push({ style: 'paragraph', text: replies.text('answer_article_line', { law: c.law, article: c.articleCn, title: c.title, summary: resolved.article.summary.trim() }) });
    }
    reply.blocks.push({ style: 'paragraph', text: replies.text('answer_unsure_note') });
    reply.citations = citations;
    if (citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
    const scope = guideById(k, SCOPE_GUIDE_ID);
    return { reply, kind: 'answer', suggestions: scope?.steps.slice(0, 1).map((s) => s.trim()) ?? [], outOfScope: false, retrieved };
  }

  /**
   * The LPR is a dated figure: whenever the first screen mentions it, say which day the newest figure we hold is
   * from and where to check the current one (knowledge/interest/lpr.yaml).
   */
  function datedNote(blocks: TextBlock[]): string | undefined {
    const shown = blocks.map((b) => `${b.text}${(b.items ?? []).join('')}`).join('');
    if (!/LPR/i.test(shown)) return undefined;
    const { latest_confirmed: date, where_to_check: where } = k.lpr;
    const row = lprOn(k, date);
    if (!row) return undefined;
    const pct = (x: number) => `${x.toFixed(2).replace(/0$/, '')}%`; // 3.0%, 3.65%, 14.8%
    return replies.text('answer_dated_note', {
      what: replies.text('answer_dated_lpr', { rate: pct(row.rate), cap: pct(row.rate * k.caps.private_lending.lpr_multiple) }),
      date,
      where: where.trim().replace(/[。.]$/, ''),
    });
  }

  function answerMore(guideId: string, entryId: string | undefined, ctx: AnswerContext): Answer {
    const g = guideById(k, guideId);
    if (!g || g.id === SCOPE_GUIDE_ID) return outOfScope('', []);
    const entry = entryById(g, entryId);
    const lead: Lead = { guide: g, entry };
    const shown = entry ? entry.steps : g.steps.slice(0, 2);
    const more = buildMore(lead, shown, { max: opts.moreChars, maxSteps: opts.moreSteps, stepsHeading: replies.text('answer_more_steps') });
    const reply = emptyReply();
    reply.blocks.push(...(more.blocks.length ? more.blocks : [{ style: 'paragraph' as const, text: replies.text('answer_more_none') }]));
    const citations = resolveCites(k, more.cites, ctx.at);
    reply.citations = citations;
    if (citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
    const item: GuideHit = { kind: 'guide', id: `guide:${g.id}`, score: 0, guide: g };
    return {
      reply, guideId: g.id, ...(entry ? { entryId: entry.id } : {}), kind: 'answer',
      suggestions: g.steps.map((s) => s.trim()), outOfScope: false, retrieved: [item],
    };
  }

  return {
    answerNow,
    answer: async (q, ctx) => answerNow(q, ctx),
    answerGuide(id, ctx, entryId) {
      const g = guideById(k, id);
      if (!g || g.id === SCOPE_GUIDE_ID) return outOfScope('', []);
      const hit: GuideHit = { kind: 'guide', id: `guide:${g.id}`, score: 0, guide: g };
      const entry = entryId ? entryById(g, entryId) : undefined;
      return fromLeads([{ guide: g, ...(entry ? { entry } : {}) }], [hit], ctx, {});
    },
    answerMore,
    answerWithin(id, question, ctx) {
      const g = guideById(k, id);
      const fit = g && g.id !== SCOPE_GUIDE_ID ? matcher.best(g, question) : undefined;
      if (!g || !fit || fit.cueHits === 0) return undefined;
      const hit: GuideHit = { kind: 'guide', id: `guide:${g.id}`, score: 0, guide: g };
      return fromLeads([{ guide: g, entry: fit.entry }], [hit], ctx, { question });
    },
  };
}

/** The first screen followed by the 'more' page: what `debtshield ask`, which has no buttons, prints. */
export function withMore(answer: Answer): OutboundReply {
  return { ...answer.reply, blocks: [...answer.reply.blocks, ...(answer.more ?? [])] };
}

/** Every provision a guide names: its own cites, its sections' and its entries'. */
export function guideCites(g: Guide): CiteRef[] {
  return [...g.cites, ...g.sections.flatMap((s) => s.cites), ...g.entries.flatMap((e) => e.cites)];
}

/** The best guide among the hits: the first guide unless an article outranks it by far. */
function pickGuide(retrieved: RetrievedItem[]): GuideHit | undefined {
  const top = retrieved[0];
  const g = retrieved.find(isGuideHit);
  if (!top || !g) return undefined;
  return g.score >= top.score * 0.5 ? g : undefined;
}

function relatedGuides(retrieved: RetrievedItem[], shown: string[]): Guide[] {
  return retrieved
    .filter(isGuideHit)
    .filter((r) => !shown.includes(r.guide.id) && r.guide.id !== SCOPE_GUIDE_ID)
    .map((r) => r.guide);
}

function dedupeBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

/**
 * Resolves cites as of `at`, dropping any we cannot hold (load-time validation makes that rare) and any text not
 * yet in force that day: nothing is cited as applying before it did.
 */
export function resolveCites(k: Knowledge, cites: Array<{ law: string; article: string }>, at: Date): Citation[] {
  const out = new Map<string, Citation>();
  for (const ref of cites) {
    const r = resolveInForce(k, ref.law, ref.article, at);
    if (r) out.set(r.article.id, toCitation(r.article));
  }
  return [...out.values()];
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
