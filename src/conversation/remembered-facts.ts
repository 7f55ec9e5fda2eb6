/**
 * Facts told once that change later answers (issue 10 point 3, "the loan facts gathered so far" and more): "我还没结婚"
 * makes a later "以后结婚了这笔钱会不会变成他的债" a question about a debt from before the marriage; "12368查了确实有"
 * makes "那我该怎么办" a question about a real case (应诉), never "check it with 12368" again; a lender named by a
 * collector's message ("【XX消费金融】…") is the lender of a later "年化24% 这个利息合法吗".
 * Facts and their words: knowledge/conversation/dialogue-memory.yaml remembered_facts. Kept in the dialogue state
 * (`remembered`), encrypted with the rest.
 */
import type { Answer, AnswerContext } from '../answers/answer';
import type { LoanFacts, UserState } from '../state/store';
import type { TurnContext } from './turn-context';
import type { DialogueMemoryCues } from '../knowledge/conversation-cues';
import { asksOrWonders } from './understanding/question-form';

type Fact = DialogueMemoryCues['remembered_facts'][number];

/** Facts told in `text` (the user's own words), by the cue words. */
function factsTold(text: string, facts: readonly Fact[]): Fact[] {
  return facts.filter((f) => f.told.some((w) => text.includes(w)) && !f.not_told.some((w) => text.includes(w)));
}

/** Keeps the facts the user tells in `text`; a fact of a group replaces what was kept of that group. */
export function noteFactsTold(text: string, turn: TurnContext): void {
  const facts = turn.deps.cues.memory?.remembered_facts ?? [];
  const told = factsTold(text, facts);
  if (told.length === 0) return;
  const at = turn.deps.now().toISOString();
  const groupOf = (id: string) => facts.find((f) => f.id === id)?.group ?? id;
  turn.remember(null, (s) => {
    const groups = new Set(told.map((f) => f.group ?? f.id));
    const kept = (s.remembered?.facts ?? []).filter((k) => !groups.has(groupOf(k.id)));
    s.remembered = { ...(s.remembered ?? {}), facts: [...kept, ...told.map((f) => ({ id: f.id, at }))] };
  });
}

/**
 * The lender a collector's message names ("【XX消费金融】…"), kept for a later question about that loan's interest; only
 * a lender whose kind its words tell.
 */
export function noteLenderNamed(text: string, turn: TurnContext): void {
  const kit = turn.deps.interest;
  if (!kit) return;
  // The text as the turn kept it: a forward past the length limit is cut before anything reads it (a 1 M-character
  // forward parsed whole held the turn for minutes).
  const kept = text.slice(0, turn.deps.limits.maxMessageChars);
  const lender = turn.loanFacts(kept, turn.deps.now()).lender;
  if (!lender || lender.type === 'unknown') return;
  turn.remember(null, (s) => {
    s.remembered = { ...(s.remembered ?? { facts: [] }), lender };
  });
}

/** The lender remembered from a collector's message, when the loan held names none. */
export function rememberedLender(state: UserState | null | undefined): NonNullable<LoanFacts['lender']> | undefined {
  return state?.loan?.lender ? undefined : state?.remembered?.lender;
}

/**
 * `result` (the question answered on its own words) read again with the facts remembered that bear on it: a fact
 * whose topic the question names, and of which it tells nothing itself, read in front of it; kept when that reading
 * lands in one of the fact's guides on another question type than `result`. Undefined otherwise.
 */
export async function readWithFacts(text: string, state: UserState | null | undefined, turn: TurnContext, result: Answer, ctx: AnswerContext): Promise<Answer | undefined> {
  const facts = turn.deps.cues.memory?.remembered_facts ?? [];
  const kept = state?.remembered?.facts ?? [];
  if (facts.length === 0 || kept.length === 0) return undefined;
  const toldNow = new Set(factsTold(text, facts).map((f) => f.group ?? f.id));
  for (const k of [...kept].reverse()) {
    const fact = facts.find((f) => f.id === k.id);
    if (!fact || toldNow.has(fact.group ?? fact.id) || !fact.topics.some((w) => text.includes(w))) continue;
    const read = await turn.deps.answerer.answer(`${fact.reads} ${text}`, ctx);
    if (read.outOfScope || !read.guideId || !fact.guides.includes(read.guideId)) continue;
    if (read.guideId === result.guideId && read.entryId === result.entryId) return undefined;
    return read;
  }
  return undefined;
}

/** User turns after a fact was told during which a vague "what now" still asks what it implies. */
const RECENT_TURNS = 3;
/** Longest "what now" (characters, spaces and punctuation aside) read as asking what the fact implies. */
const VAGUE_CHARS = 12;

/**
 * The answer a fact implies (its `then`, read with it): for a turn that only tells it ("我查了12368确实有"), or a short
 * "what now" once it is told ("那我该怎么办" after it, before the steps for the message in focus). Undefined when no
 * such fact is told now or kept, or the reading lands outside the fact's guides.
 */
export async function answerOnFact(text: string, state: UserState | null | undefined, turn: TurnContext): Promise<Answer | undefined> {
  const facts = (turn.deps.cues.memory?.remembered_facts ?? []).filter((f) => f.then);
  if (facts.length === 0) return undefined;
  const told = factsTold(text, facts);
  const chars = [...text.replace(/[\s\p{P}\p{S}]/gu, '')].length;
  // A fact kept answers a vague "what now" only while it is what the conversation is about: told at most a few turns
  // ago, with no message analysed since.
  const recent = (at: string) => (state?.history ?? []).filter((h) => h.role === 'user' && h.at > at).length <= RECENT_TURNS && !(state?.focus?.analysis && state.focus.analysis.at > at);
  const kept = (state?.remembered?.facts ?? []).filter((k) => recent(k.at)).map((k) => facts.find((f) => f.id === k.id)).filter((f): f is Fact => f !== undefined);
  const fact = told.length > 0 ? (asksOrWonders(text) ? undefined : told[0]) : kept.reverse().find((f) => chars <= VAGUE_CHARS && f.vague.some((w) => text.includes(w)));
  if (!fact) return undefined;
  const read = await turn.deps.answerer.answer(`${fact.reads} ${fact.then}`, { at: turn.deps.now() });
  return !read.outOfScope && read.guideId && fact.guides.includes(read.guideId) ? read : undefined;
}
