/**
 * When the loan was made, as the conversation tells it (issue 13 item 3). A private lender's cap is 4 × the one-year
 * LPR on the contract date, so that date decides the verdict; the loan parser reads it only beside the loan's numbers
 * and only when one date is plainly the loan's. Here a date told in other words ("去年3月 就是2024年3月 …借了2万") or
 * in an earlier turn, before any number ("我是2024年3月在app上借的"), is the contract date too. A year alone ("前年借的")
 * is none: the LPR changes within a year, and the check asks the month (loan-facts.ts).
 */
import { chinaDay } from '../knowledge/knowledge';
import type { LoanFacts, UserState } from '../state/store';
import type { TurnUnderstanding } from './understanding/types';
import type { TurnContext } from './turn-context';

/** A four-digit year written in the text: the date said with it is the one meant. */
const YEAR_DIGITS = /(?:19|20)\d{2}/g;

/**
 * The loan's date among the dates `u` read in `text`: a day or month told of borrowing or signing (not of what
 * collectors did, not a year alone, not in the future); of several, the one a restating word ("就是", cues
 * date_restated) settles on, said with its year in digits or else last. Undefined when none, or several unsettled.
 */
export function toldContractDate(text: string, u: TurnUnderstanding, today: string, restated: readonly string[]): string | undefined {
  const dates = u.facts.dates.filter((d) => d.role === 'contract' && d.precision !== 'year' && d.iso <= today);
  const distinct = [...new Set(dates.map((d) => d.iso))];
  if (distinct.length <= 1) return distinct[0];
  if (u.facts.dates.length !== dates.length || !restated.some((w) => text.includes(w))) return undefined;
  const years = new Set(text.match(YEAR_DIGITS) ?? []);
  const written = distinct.filter((iso) => years.has(iso.slice(0, 4)));
  return written.length === 1 ? written[0] : distinct[distinct.length - 1];
}

/** Keeps the contract date `text` tells (the user's own words), for the loan whose numbers come later. */
export function noteLoanDate(text: string, u: TurnUnderstanding, turn: TurnContext): void {
  const iso = toldContractDate(text, u, chinaDay(turn.deps.now()), turn.deps.cues.date_restated);
  if (!iso) return;
  turn.remember(null, (s) => {
    s.remembered = { ...(s.remembered ?? { facts: [] }), contractDate: iso };
  });
}

/**
 * The loan held, with the contract date told earlier when it has none of its own; undefined when no loan is held.
 * (The date alone is no loan: "我能拿啥证明" and the like still find none.)
 */
export function heldWithDate(state: UserState | null | undefined): LoanFacts | undefined {
  const loan = state?.loan;
  const date = state?.remembered?.contractDate;
  return loan && !loan.contractDate && date ? { ...loan, contractDate: date } : loan ?? undefined;
}

/** The contract date told earlier, for a loan described now without one. */
export function rememberedDate(state: UserState | null | undefined): string | undefined {
  return state?.loan?.contractDate ? undefined : state?.remembered?.contractDate;
}
