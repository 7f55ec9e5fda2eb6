/**
 * "我能拿啥证明": what proves it, asked right after something the conversation was about. The words name no topic
 * (retrieval alone answers "不建议一直拖" from whatever shares 能 or 拿), so the focus decides: a loan just computed
 * is proved by what arrived and what was paid (flows, records, screenshots); unlawful conduct in focus by what is
 * kept of it. The words and the entries are data (knowledge/conversation/cues.yaml proof_question).
 */
import type { OutboundReply } from '../message';
import type { UserState } from '../state/store';
import type { TurnUnderstanding } from './understanding/types';
import type { TurnContext } from './turn-context';
import { simplified } from '../analysis/normalize';
import { analysisInFocus } from './focus-topic';
import { answerReply } from './question';
import { charsBeside } from './without-words';

/** The answer to a bare "what proves it?" against the focus; undefined for any other turn or focus. */
export function proofInFocus(text: string, u: TurnUnderstanding, state: UserState | null, turn: TurnContext): OutboundReply | undefined {
  const { deps } = turn;
  const cues = deps.cues.proof_question;
  if (!cues || !deps.answerer.answerGuide || !state || u.speaker !== 'user' || u.facts.conduct.length > 0) return undefined;
  const t = simplified(text);
  if (!cues.words.some((w) => t.includes(w))) return undefined;
  if (charsBeside(t, [...cues.words, ...cues.fillers]) > cues.max_rest) return undefined;
  // The loan was talked about last: kept, and the focus none (a rate computed sets none), a loan answer (an answer of
  // no guide) or an answer of the loan entry's own guide.
  const focus = state.focus;
  const loanLast = state.loan !== undefined && (!focus || (focus.kind === 'answer' && (!focus.answer?.guideId || focus.answer.guideId === cues.loan.guide)));
  const conduct = analysisInFocus(state);
  const target = loanLast ? cues.loan : conduct && !conduct.lawful ? cues.conduct : undefined;
  if (!target) return undefined;
  const result = deps.answerer.answerGuide(target.guide, { at: deps.now() }, target.entry);
  if (result.outOfScope) return undefined;
  turn.remember(text);
  return answerReply(result, text, turn);
}
