/**
 * The user's own question: answered from the knowledge base (through the LLM when one is configured), with what
 * the conversation knows passed along: the topic of the last answer, the message in focus, the loan facts.
 */
import { emptyReply, type OutboundReply } from '../message';
import type { Answer, AnswerContext } from '../answers/answer';
import type { AnalysisFocus, UserState } from '../state/store';
import type { TurnUnderstanding } from './understanding/types';
import type { TurnContext } from './turn-context';
import { lawfulNoteAbout } from '../analysis/lawful-notes';
import { readInFocus, readInNotice } from './focus-topic';
import { readWithFacts } from './remembered-facts';

/** A follow-up at most this long (characters, spaces aside) may lean on the last topic when it cannot stand alone. */
const SHORT_FOLLOW_UP = 16;
/** Longest question (characters) read together with what it follows when it cannot be placed alone. */
const CONTEXT_FOLLOW_UP = 30;
/** The guide for a wish to die (knowledge/guides/crisis-support.yaml). */
const CRISIS_GUIDE = 'crisis-support';
/** Longest elliptic question ("那我爸妈呢"): it names a new subject and leans on the question last answered. */
const ELLIPTIC = 10;
/** Characters of the question kept in the focus. */
const QUESTION_CHARS = 120;

/** Answers `text` as the user's question. `continuing` lets a vague question lean on the last answer's topic. */
export async function answerQuestion(text: string, u: TurnUnderstanding | undefined, turn: TurnContext, continuing = false): Promise<OutboundReply> {
  const { deps } = turn;
  const state = await turn.state();
  const ctx: AnswerContext = {
    at: deps.now(),
    lastTopic: continuing ? state?.focus?.answer?.guideId ?? state?.lastTopic : undefined,
    history: state?.history.slice(-6).map((t) => ({ role: t.role, text: t.text })),
    lastEntry: continuing ? state?.focus?.answer?.entryId : undefined,
    grounding: grounding(state, u, deps.analysis.categoryLabel, deps.followUps?.claims ? (f) => deps.followUps!.claims!(f) : undefined),
  };
  // "那我爸妈呢" after "紧急联系人要还吗": the same question about someone else — read together first.
  const bare = text.trim();
  const before = state?.focus?.answer?.question;
  const elliptic = before !== undefined && [...bare.replace(/\s/g, '')].length <= ELLIPTIC && namesOnlySomeone(bare, deps.cues.elliptic_ends, deps.knowledge.pronounPeople.people);
  const together = elliptic ? await deps.answerer.answer(`${before} ${bare}`, ctx) : undefined;
  let result = together && !together.outOfScope ? together : await deps.answerer.answer(text, ctx);
  // "你上次还说了个什么3次 是啥": the words pointing back at the bot's replies name no topic; unplaced with them, what
  // is left is asked on its own.
  const atBot = deps.cues.memory?.back_reference.points_at_bot.filter((w) => text.includes(w)).sort((a, b) => b.length - a.length)[0];
  if (result.outOfScope && atBot) {
    const rest = await deps.answerer.answer(text.replace(atBot, ' ').trim(), { ...ctx, lastTopic: undefined, lastEntry: undefined });
    // Only a question type of ours placed it: "你说的那个313是啥" is an article, explained elsewhere.
    if (!rest.outOfScope && rest.entryId) result = rest;
  }
  // A question naming no topic of its own, right after unlawful conduct or beside conduct told in the same turn
  // ("那银行那边欠的我还得还吗"): the topic in focus ranks above what its generic words retrieve.
  const inFocus = await readInFocus(text, u, state, turn, result, { ...ctx, lastTopic: undefined, lastEntry: undefined });
  if (inFocus) result = inFocus;
  // "换了人我也得认?" after a debt-assignment notice and an answer about it: still that notice's topic.
  else {
    const inNotice = await readInNotice(text, u, state, turn, result, { ...ctx, lastTopic: undefined, lastEntry: undefined });
    if (inNotice) result = inNotice;
  }
  // "以后我们结婚了这笔钱会不会变成他的债" after "我还没结婚": read with the facts told before that bear on it.
  const withFacts = u?.speaker === 'user' ? await readWithFacts(text, state, turn, result, { ...ctx, lastTopic: undefined, lastEntry: undefined }) : undefined;
  if (withFacts) result = withFacts;
  // A follow-up too short to stand alone ("他们一直发短信催 算吗") is asked again within the last answer's topic; one
  // that asks for what the bot does not do at all ("那你能帮我写离婚协议不" → 12348, a lawyer) stays so.
  const topic = ctx.lastTopic ? deps.knowledge.guides.find((g) => g.id === ctx.lastTopic) : undefined;
  const chars = [...text.replace(/\s/g, '')].length;
  if (result.outOfScope && !result.standsAlone && continuing && topic && chars <= SHORT_FOLLOW_UP) {
    const within = await deps.answerer.answer(`${topicSubject(topic.title)} ${text}`, ctx);
    if (!within.outOfScope) result = within;
  }
  // The crisis guide answers only words that carry a crisis signal ("我不想理" is not one); a short question the
  // guides cannot place on its own ("他们要是硬闯呢") is read with what it follows: the question last answered,
  // or the message in focus.
  const unsignalledCrisis = result.guideId === CRISIS_GUIDE && (u?.crisis ?? 'none') === 'none';
  const unplaced = result.outOfScope && result.reply.blocks[0]?.text === deps.replies.text('answer_out_of_scope');
  // Fear that asks ("有没有人可以聊聊") is not read into the last topic: unplaced, it is met with care by the caller.
  if ((unsignalledCrisis || unplaced) && chars <= CONTEXT_FOLLOW_UP && u?.act !== 'distress') {
    for (const before of [state?.focus?.answer?.question, state?.focus?.analysis ? analysisWords(state.focus.analysis, turn) : undefined]) {
      if (!before) continue;
      const read = await deps.answerer.answer(`${before} ${text}`, ctx);
      if (!read.outOfScope && read.guideId !== CRISIS_GUIDE) {
        result = read;
        break;
      }
    }
  }
  // A turn the understanding found no debt words in ("明天深圳天气怎么样") is not ours to answer from a guide that
  // shares one word with it: the out-of-scope reply, unless the answerer routed it to a field's hotline.
  // A reply built on nothing retrieved (a hotline from channels.yaml) answered the words themselves and stays.
  if (u?.act === 'other' && !result.outOfScope && result.retrieved.length > 0) result = outOfScope(turn);
  turn.remember(text);
  return answerReply(result, text, turn);
}

/**
 * `text` answered as the user's question when the guides can place it on its own; undefined (nothing remembered)
 * when they cannot. For a yes-or-no asked beside a follow-up ("那我该怎么办 这条能当证据吗").
 */
export async function answerQuestionIfPlaced(text: string, u: TurnUnderstanding | undefined, turn: TurnContext): Promise<OutboundReply | undefined> {
  const probe = await turn.deps.answerer.answer(text, { at: turn.deps.now() });
  return probe.outOfScope ? undefined : answerQuestion(text, u, turn, false);
}

/**
 * "那我爸妈呢", "我老公呢": nothing but a person (knowledge/lexicon/routing.yaml pronoun_people) between a leading
 * 那/我 and the elliptic ending — not "那他们要是起诉我呢", which says what it asks.
 */
function namesOnlySomeone(text: string, ends: readonly string[], people: readonly string[]): boolean {
  const end = ends.find((e) => text.endsWith(e));
  if (!end) return false;
  const core = text.slice(0, -end.length).replace(/^(那么|那|要是|还有)/, '').replace(/^我(?!们)/, '').trim();
  return people.some((p) => core === p || core === p.replace(/^我/, ''));
}

/**
 * What a guide's title names before its colon ("征信：逾期记录多久消、怎么查…" → "征信"), or the whole title: read with a
 * short follow-up, the subject places it, while the title's own questions ("多久消") would answer those instead
 * ("要是上面记错了能改吗" after a credit-report answer is about correcting it, not how long it stays).
 */
function topicSubject(title: string): string {
  const colon = title.search(/[：:]/);
  return colon > 0 ? title.slice(0, colon) : title;
}

/** The general out-of-scope answer (12348, a lawyer, legal aid). */
function outOfScope(turn: TurnContext): Answer {
  const reply = emptyReply('answer');
  reply.blocks.push({ style: 'paragraph', text: turn.deps.replies.text('answer_out_of_scope') });
  return { reply, kind: 'out_of_scope', suggestions: [], outOfScope: true, retrieved: [] };
}

/**
 * A statement right after an answer that changes it ("钱是给我妈看病用了" after "我老公会不会也要替我还": the money's use
 * decides), answered within the last answer's guide when it fits another of that guide's question types. Undefined
 * when the last reply answered no question of the user's, or the statement fits nothing new there. In crisis mode this
 * is the next thing asked, so it is answered under the care, not met with care alone.
 */
export async function toldAgainstLastAnswer(text: string, state: UserState | null, turn: TurnContext): Promise<OutboundReply | undefined> {
  const last = state?.focus?.answer;
  const said = state?.history.filter((t) => t.role === 'user').at(-1)?.text;
  if (!last?.guideId || said === undefined) return undefined;
  // The last reply was this answer only when the user's last words were its question.
  const n = Math.min(said.length, last.question.length);
  if (n === 0 || said.slice(0, n) !== last.question.slice(0, n)) return undefined;
  const { deps } = turn;
  const probe = await deps.answerer.answer(text, { at: deps.now(), lastTopic: last.guideId, lastEntry: last.entryId });
  if (probe.outOfScope || probe.guideId !== last.guideId || !probe.entryId || probe.entryId === last.entryId) return undefined;
  turn.remember(text);
  return answerReply(probe, text, turn);
}

/** Makes an answer the reply and the focus of the conversation (for "查看法条", "更多说明" and follow-ups). */
export function answerReply(result: Answer, question: string, turn: TurnContext): OutboundReply {
  const at = turn.deps.now().toISOString();
  const entryId = result.entryId;
  turn.remember(null, (s) => {
    if (result.guideId) s.lastTopic = result.guideId;
    const analysis = s.focus?.analysis ? { ...s.focus.analysis, answersSince: (s.focus.analysis.answersSince ?? 0) + 1 } : undefined;
    s.focus = {
      kind: 'answer',
      ...(analysis ? { analysis } : {}),
      answer: { at, question: question.slice(0, QUESTION_CHARS), ...(result.guideId ? { guideId: result.guideId } : {}), ...(entryId ? { entryId } : {}) },
    };
    s.lastCitations = result.reply.citations.map((c) => ({ law: c.law, article: c.article, at }));
  });
  if (result.outOfScope) result.reply.kind = 'answer';
  inTermsOfKnowing(result.reply, question, turn);
  return result.reply;
}

/**
 * "那我领导会知道我欠钱吗" asks whether someone will find out, not whether collectors may tell: a verdict that opens as
 * "can they" ("不能：…", cues will_know.openers) opens instead with what it depends on (prompts will_know_lead) —
 * they may call, they must not disclose — and keeps the rest of its words.
 */
function inTermsOfKnowing(reply: OutboundReply, question: string, turn: TurnContext): void {
  const cues = turn.deps.cues.will_know;
  const first = reply.blocks[0];
  if (!cues || !first || first.style !== 'paragraph' || !cues.asks.some((w) => question.includes(w))) return;
  const opener = cues.openers.find((o) => first.text.startsWith(o));
  if (!opener) return;
  reply.blocks[0] = { ...first, text: `${turn.deps.replies.text('will_know_lead')}${first.text.slice(opener.length)}` };
}

/** What the LLM path is told besides the question: findings and claims of the message in focus, the loan facts. */
function grounding(
  state: UserState | null,
  u: TurnUnderstanding | undefined,
  label: (id: never) => string,
  claims?: (focus: AnalysisFocus) => Array<{ name: string; answer: string }>,
): Record<string, unknown> | undefined {
  const a = state?.focus?.analysis;
  const out: Record<string, unknown> = {};
  if (a) out.findings = a.findings.map((f) => ({ category: f.category, label: label(f.category as never), evidence: f.evidence }));
  if (a && claims) out.claims = claims(a).map((c) => `${c.name}：${c.answer}`);
  if (state?.loan) out.facts = state.loan;
  if (u) out.act = u.act;
  return Object.keys(out).length ? out : undefined;
}

/** "更多说明" / "详细点": the rest of the last answer (its further steps and sections), if there was one. */
export async function moreOfAnswer(turn: TurnContext): Promise<OutboundReply | undefined> {
  const { deps } = turn;
  const focus = (await turn.state())?.focus?.answer;
  if (!focus?.guideId) return undefined;
  const ctx = { at: deps.now() };
  const result = deps.answerer.answerMore?.(focus.guideId, focus.entryId, ctx) ?? deps.answerer.answerGuide?.(focus.guideId, ctx);
  return result ? answerReply(result, focus.question, turn) : undefined;
}

/**
 * What a message in focus is about, in a few words a guide would share: its categories' labels, or for a lawful
 * message the first cue word of its note ("上门" for an announced visit, "法院" for a lawsuit notice).
 */
function analysisWords(focus: AnalysisFocus, turn: TurnContext): string | undefined {
  const { analysis } = turn.deps;
  if (!focus.lawful) return focus.categories.map((c) => analysis.categoryLabel(c as never)).join(' ');
  // A note's first cue word is its plainest ("上门" for 拜访/外访, "法院" for 起诉/传票).
  return lawfulNoteAbout(focus.excerpt, analysis.lawfulNotes ?? []);
}
