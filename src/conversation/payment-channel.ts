/**
 * "他客服让我转到一个个人微信收款码 说能打折": the user tells that someone collecting asked them to pay into a private
 * account. It is their own account of a proposal, asking in effect whether to pay so — not conduct to analyse and keep
 * (the analyzer reads such a turn as a fraud warning, and "他客服" as a third party): the guide's answer (only official
 * channels; money paid privately may not count) is the reply. Words and entry are data (knowledge/conversation/cues.yaml
 * private_payment).
 */
import type { OutboundReply } from '../message';
import type { TurnUnderstanding } from './understanding/types';
import type { TurnContext } from './turn-context';
import { simplified } from '../analysis/normalize';
import { answerReply } from './question';

/** The answer to a told request to pay privately; undefined when the turn is not one or shows other conduct. */
export function privatePaymentTold(text: string, u: TurnUnderstanding, turn: TurnContext): OutboundReply | undefined {
  const { deps } = turn;
  const cues = deps.cues.private_payment;
  if (!cues || !deps.answerer.answerGuide || u.speaker !== 'user' || u.pastedEvidently) return undefined;
  const t = simplified(text);
  if ([...t.replace(/\s/g, '')].length > cues.max_chars || !cues.channels.some((w) => t.includes(w)) || !cues.asks.some((w) => t.includes(w))) return undefined;
  // Anything else done (a threat, an insult, the debt told to others) is conduct to assess, as before.
  const conduct = deps.analysis.assessConduct(text, deps.now());
  if (conduct.categories.some((c) => !cues.with_categories.includes(c))) return undefined;
  const result = deps.answerer.answerGuide(cues.guide, { at: deps.now() }, cues.entry);
  if (result.outOfScope) return undefined;
  turn.remember(text);
  return answerReply(result, text, turn);
}
