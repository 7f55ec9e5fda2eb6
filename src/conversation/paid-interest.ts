/**
 * Interest already paid, asked back, about the loan the conversation holds (issue 13 item 3): "利息我已经还了8000了
 * 能要回来吗" after "借了2万 说好月息5分" and its date. The loan is known by its stated rate, so the answer is what the cap
 * says of money paid (src/interest/paid-back.ts), with the amount paid when told — not the question for the term the
 * amount would otherwise bring. Cues: knowledge/conversation/cues.yaml paid_told, paid_back, paid_back_not.
 */
import type { OutboundReply } from '../message';
import type { LoanFacts } from '../state/store';
import type { TurnUnderstanding } from './understanding/types';
import type { TurnContext } from './turn-context';

/**
 * The reply when `text` tells interest (or money above what was due) paid and asks for it back or set against the
 * principal, about `held`, a loan known by its stated rate; nothing collectors did named beside it. Undefined for
 * any other turn.
 */
export function paidInterestAnswer(text: string, u: TurnUnderstanding, turn: TurnContext, held: LoanFacts | undefined): OutboundReply | undefined {
  const { deps } = turn;
  const kit = deps.interest;
  const cues = deps.cues;
  if (!kit || !held || u.facts.conduct.length > 0) return undefined;
  const has = (words: readonly string[]) => words.some((w) => text.includes(w));
  if (!has(cues.paid_told) || !has(cues.paid_back) || has(cues.paid_back_not)) return undefined;
  // The amount paid: the sum the loan parser reads ("一共15000"), or else the one amount the turn names ("给了他9000了");
  // two or more are not guessed between.
  const amounts = [...new Set(u.facts.amounts.map((a) => a.value))];
  const paid = turn.loanFacts(text, deps.now()).total ?? (amounts.length === 1 ? amounts[0] : undefined);
  const result = kit.paidBack(held, deps.now(), paid);
  if (!result) return undefined;
  const at = deps.now().toISOString();
  turn.remember(text, (s) => {
    s.lastCitations = result.reply.citations.map((c) => ({ law: c.law, article: c.article, at }));
    if (s.pending?.kind === 'loan_details') s.pending = undefined;
  });
  return result.reply;
}
