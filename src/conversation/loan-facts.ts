/**
 * Loan numbers gathered over the conversation: each turn's facts are merged into the dialogue state, so
 * "借1万" now and "到手7000 每月还1050" later make one loan.
 */
import type { LoanFacts } from '../state/store';
import type { TurnUnderstanding } from './understanding/types';
import type { TurnContext } from './turn-context';

/** Merges the money, term, dates and lender a turn carries into the state's loan facts. */
export function mergeLoanFacts(u: TurnUnderstanding, turn: TurnContext): void {
  const f = u.facts;
  const update: LoanFacts = {};
  for (const m of f.amounts) {
    if (m.role === 'principal' || m.role === 'received' || m.role === 'payment' || m.role === 'total') update[m.role] = m.value;
    else if (m.role === 'fee') update.fees = (update.fees ?? 0) + m.value;
  }
  if (f.term) update.term = f.term;
  const contract = f.dates.find((d) => d.role === 'contract');
  if (contract) update.contractDate = contract.iso;
  if (f.lender) update.lender = f.lender;
  if (Object.keys(update).length === 0) return;
  turn.remember(null, (s) => {
    s.loan = { ...(s.loan ?? {}), ...update };
  });
}
