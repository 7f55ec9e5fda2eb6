/**
 * When a description allows two readings (two loans, a payment said twice with different values, a received
 * amount that the deduction does not explain), the parser asks one short question rather than picking one. A
 * doubt names the number to ask for and the facts that must not be used meanwhile: they are dropped, so that
 * cashFlowsOf (and a dialogue state that merges these facts) asks instead of computing from a guess.
 */
import type { LoanFacts, MissingNumber } from './loan-facts';

export interface Doubt {
  /** The one number whose answer settles the doubt. */
  ask: MissingNumber;
  /** Facts read from the text that the doubt makes unusable until answered. */
  drop: ReadonlyArray<keyof LoanFacts>;
}

/** The order questions come in, as cashFlowsOf asks them: which loan before what arrived before what is paid. */
const ASK_ORDER: readonly MissingNumber[] = ['principal', 'received', 'payment', 'term', 'rate_unit'];

/**
 * `facts` with every doubt's facts dropped, and the first number to ask for (of the doubts and any number already
 * unstated, in ASK_ORDER) recorded as unstated.
 */
export function askInsteadOfGuessing(facts: LoanFacts, doubts: readonly Doubt[]): LoanFacts {
  if (!doubts.length) return facts;
  const asks = [...doubts.map((d) => d.ask), ...(facts.unstated ? [facts.unstated] : [])];
  const out: LoanFacts = { ...facts, unstated: ASK_ORDER.find((m) => asks.includes(m)) ?? asks[0] };
  for (const d of doubts) for (const k of d.drop) delete out[k];
  return out;
}
