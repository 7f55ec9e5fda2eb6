/**
 * The topic in focus, for a question that names none of its own. "那银行那边欠的我还得还吗" right after a fake police
 * message shares only generic words (银行, 欠, 还得还吗) with any guide, so retrieval alone answers it from whichever
 * guide happens to hold them (gambling, a debt sold on). A follow-up is about what was just said: the unlawful conduct
 * analysed or described last ranks above such a weak match, and the question is read together with the words that
 * name that conduct (knowledge/conversation/cues.yaml unlawful_focus_words): unlawful collection does not cancel the
 * debt. The same holds inside one turn that tells conduct and asks it ("他们把我照片发到群里了 那我还要还吗"): the
 * user's own question is answered first, the conduct is its focus. A question naming a topic of its own ("那征信会不
 * 会受影响", "债卖给别的公司了还要还吗") keeps it.
 *
 * An answer about collectors' conduct given last ("催收能上门吗" → "那我还要还吗") is such a focus too: its guide is
 * one of cues conduct_answer_guides.
 *
 * Only whether the debt is still owed is read this way: other questions right after conduct ("那要是他们真去我爸妈
 * 家了呢") have a topic of the conduct's own, which these words would not name.
 */
import type { Answer, AnswerContext } from '../answers/answer';
import type { AnalysisFocus, UserState } from '../state/store';
import type { TurnUnderstanding } from './understanding/types';
import type { TurnContext } from './turn-context';
import { simplified } from '../analysis/normalize';
import { lawfulNoteAbout } from '../analysis/lawful-notes';
import { isQuestion } from './understanding/question-form';
import { withoutWords } from './without-words';

/** Answers given after an analysis during which follow-ups still lean on it. */
const RECENT_ANSWERS = 2;

/**
 * The analysed message or conduct the conversation is still about: analysed last, or at most `RECENT_ANSWERS`
 * answers ago ("what to do" otherwise follows whichever came last).
 */
export function analysisInFocus(state: UserState | null | undefined): AnalysisFocus | undefined {
  const held = state?.focus?.analysis;
  return held && (state?.focus?.kind === 'analysis' || (held.answersSince ?? 0) <= RECENT_ANSWERS) ? held : undefined;
}

/**
 * `result` (the question answered on its own words) read again in the topic in focus when it names no topic of its
 * own: a follow-up right after unlawful conduct (in focus, none told in the turn), or the asking clause of a turn
 * that tells unlawful conduct itself. Undefined when nothing is in focus, the question names a topic of its own, or
 * the reading in focus places nothing. `ctx` is the answer context without the last answer's topic: the focus decides.
 */
export async function readInFocus(
  text: string,
  u: TurnUnderstanding | undefined,
  state: UserState | null,
  turn: TurnContext,
  result: Answer,
  ctx: AnswerContext,
): Promise<Answer | undefined> {
  const { deps } = turn;
  const words = deps.cues.unlawful_focus_words.join(' ');
  if (!words || !u || u.speaker !== 'user') return undefined;
  let asked = text;
  let alone = result;
  const own = deps.analysis.assessConduct(text, deps.now());
  if (!own.lawful && own.findings.length > 0) {
    // Conduct told and whether the debt is still owed asked ("…发到亲戚群里 那我还要还吗"): the user's own question
    // in it (as the analyzer separates it) is what is asked. Any other question beside conduct ("…可以吗", "…能报警
    //吗") is about the conduct itself, and the conduct's own answer takes it.
    const questions = own.questions.filter((q) => q !== text.trim() && asksStillOwed(q, turn));
    if (questions.length === 0) return undefined;
    asked = questions.join(' ');
    alone = await deps.answerer.answer(asked, ctx);
  } else {
    const focus = analysisInFocus(state);
    // An unlawful message or described conduct in focus, or an answer about collectors' conduct given last.
    const conductAnswered = state?.focus?.kind === 'answer' && deps.cues.conduct_answer_guides.includes(state.focus.answer?.guideId ?? '');
    if (u.act !== 'follow_up' || u.facts.conduct.length > 0 || !((focus && !focus.lawful) || conductAnswered) || !asksStillOwed(text, turn)) return undefined;
  }
  if (namesOwnTopic(asked, alone, turn)) return undefined;
  const read = await deps.answerer.answer(`${words} ${withoutWords(asked, deps.cues.generic_topic_words)}`, ctx);
  return read.outOfScope || read.guideId === alone.guideId && read.entryId === alone.entryId ? undefined : read;
}

/**
 * `result` read again in the topic of the lawful notice still in focus ("之前那个平台利息贼高 换了人我也得认?" after a
 * debt-assignment notice and an answer about it): the question read with the notice's word (knowledge/analysis
 * lawful-notes.yaml) when that places it in the guide answered last, which its own words had left (a promise to pay,
 * through "认"). Undefined when no such notice is in focus, no answer followed it, or the reading leads elsewhere.
 */
export async function readInNotice(text: string, u: TurnUnderstanding | undefined, state: UserState | null, turn: TurnContext, result: Answer, ctx: AnswerContext): Promise<Answer | undefined> {
  const { deps } = turn;
  const notice = analysisInFocus(state);
  const last = state?.focus?.kind === 'answer' ? state.focus.answer?.guideId : undefined;
  // "我都不认识这公司 还要还吗" right after the notice itself (no answer since): whether the debt is still owed is asked
  // of that notice, whatever guide its other words ("公司") would reach alone.
  const rightAfter = state?.focus?.kind === 'analysis' && asksStillOwed(text, turn);
  if (!u || u.speaker !== 'user' || u.facts.conduct.length > 0 || !notice?.lawful || !(last || rightAfter) || (last && result.guideId === last)) return undefined;
  const about = lawfulNoteAbout(notice.excerpt, deps.analysis.lawfulNotes ?? []);
  if (!about || text.includes(about)) return undefined;
  const read = await deps.answerer.answer(`${about} ${text}`, ctx);
  if (read.outOfScope) return undefined;
  return last ? (read.guideId === last ? read : undefined) : read.guideId !== result.guideId ? read : undefined;
}

/**
 * True when the question type `answer` opens with was matched on a word of `text` that names a topic: one of the
 * entry's cues or the guide's keywords that is neither a generic word of the debt nor a question form (cues generic_topic_words,
 * generic_question_words, still_owe_question, yes_no_forms, claim_check_tails). An answer out of scope names none.
 */
export function namesOwnTopic(text: string, answer: Answer, turn: TurnContext): boolean {
  const { deps } = turn;
  if (answer.outOfScope || !answer.guideId) return false;
  const guide = deps.knowledge.guides.find((g) => g.id === answer.guideId);
  if (!guide) return true;
  // The words that name the question type, and the guide's keywords: what the question shared with it.
  const cues = [...(guide.entries.find((e) => e.id === answer.entryId)?.cues ?? []), ...guide.keywords];
  const { generic_topic_words, generic_question_words, still_owe_question, yes_no_forms, claim_check_tails } = deps.cues;
  const generic = new Set([...generic_topic_words, ...generic_question_words, ...still_owe_question, ...yes_no_forms, ...claim_check_tails]);
  const t = simplified(text).toLowerCase();
  return cues.some((c) => !generic.has(c) && t.includes(c.toLowerCase()));
}


/** Whether the debt is still owed, asked ("还要还吗", "还得还不"; cues still_owe_question, generic_question_words). */
function asksStillOwed(text: string, turn: TurnContext): boolean {
  const { still_owe_question, generic_question_words } = turn.deps.cues;
  return isQuestion(text) && [...still_owe_question, ...generic_question_words].some((w) => text.includes(w));
}
