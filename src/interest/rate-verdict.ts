/**
 * Whether a loan's interest is lawful, asked about a loan already computed ("这利息合法吗" after its rate was given),
 * or whether it passes a line the user names ("那这个超没超36%"): the verdict first, in the user's terms, by the
 * lender type (私人 or 持牌; both when unknown), then what the law lets the lender ask (the lawful amount), the steps
 * and the debt line. Repeating the rate's first screen would not answer it: that screen opens with the rate.
 */
import { fitted, para } from '../screen-fit';
import type { TextBlock } from '../message';
import type { LegalFrame } from './legal-cap';
import type { LoanFacts } from './loan-facts';
import { linePctText as pct } from './format';
import { lawfulAmountReply } from './lawful-amount';
import { CAP_TOLERANCE_PP, compute, frameOf, licensedLinePct, privateCapPct, type InterestDeps, type InterestResult } from './reply-frame';
import { statedRateOf } from './stated-rate';

/** Reply keys used here (prompts/interest.yaml). */
export const RATE_VERDICT_KEYS = [
  'interest_judged_private_over', 'interest_judged_private_under', 'interest_judged_licensed_over', 'interest_judged_licensed_under',
  'interest_judged_unknown', 'interest_judged_clause_private_over', 'interest_judged_clause_private_under',
  'interest_judged_clause_licensed_over', 'interest_judged_clause_licensed_under',
  'interest_compared_over', 'interest_compared_under', 'interest_compared_note_36', 'interest_compared_note_24',
] as const;

/** Lines a user may name whose meaning is said beside the comparison (percent → reply key). */
const NAMED_LINE_NOTES: Readonly<Record<number, string>> = { 36: 'interest_compared_note_36', 24: 'interest_compared_note_24' };

/**
 * The verdict reply for `facts` as of `at`; with `named` (a percentage the user names), led by the loan's rate
 * against that line. Undefined when the loan's rate is not known, or the verdict depends on what the reply cannot
 * settle here (a contract before 2020-08-20, or an unknown date whose caps fall on both sides of the rate): the
 * rate's own reply says those.
 */
export function rateVerdictReply(facts: LoanFacts, deps: InterestDeps, at: Date, named?: number): InterestResult | undefined {
  const aprPct = annualPct(facts);
  if (aprPct === undefined) return undefined;
  const frame = frameOf(facts, deps, at);
  const verdict = verdictText(aprPct, frame, deps);
  if (!verdict) return undefined;
  const r = deps.replies;
  const lead: TextBlock[] = [];
  if (named !== undefined) {
    const over = aprPct > named + CAP_TOLERANCE_PP;
    lead.push(...para(r.text(over ? 'interest_compared_over' : 'interest_compared_under', { apr: pct(aprPct), named: pct(named) })));
    const note = NAMED_LINE_NOTES[named];
    if (note) lead.push(...para(r.text(note)));
  }
  lead.push(...para(verdict));
  // What is lawfully owed follows ("合法的话，…一共最多还约…"); only its lead is kept when the screen is short.
  const owed = lawfulAmountReply(facts, deps, at, 'how_much');
  const amount = owed.reply.blocks[0];
  const last = owed.reply.blocks[owed.reply.blocks.length - 1];
  const blocks = fitted([
    [...lead, ...owed.reply.blocks],
    ...(amount && last && amount !== last ? [[...lead, amount, last]] : []),
    [...lead, ...(last ? [last] : [])],
  ]);
  return { ...owed, reply: { ...owed.reply, blocks } };
}

/** The loan's annual rate (percent): from its payments, or as stated (月息5分 → 60). */
function annualPct(facts: LoanFacts): number | undefined {
  const computed = compute(facts);
  if (!('missing' in computed)) return computed.rates.apr * 100;
  const stated = computed.missing === 'term' ? statedRateOf(facts) : undefined;
  return stated ? stated.annual * 100 : undefined;
}

/** The verdict sentence for a rate of `aprPct` under `frame`, by lender type; undefined when it cannot be said. */
function verdictText(aprPct: number, frame: LegalFrame, deps: InterestDeps): string | undefined {
  const r = deps.replies;
  const apr = pct(aprPct);
  const cap = frame.unlicensed;
  if (cap && cap.kind === 'before_rule') return undefined;
  const capPct = cap ? privateCapPct(cap).pct : undefined;
  if (cap?.kind === 'date_unknown' && aprPct > cap.low.cap + CAP_TOLERANCE_PP && aprPct <= cap.high.cap + CAP_TOLERANCE_PP) return undefined;
  const line = licensedLinePct(frame);
  const privateOver = capPct !== undefined && aprPct > capPct + CAP_TOLERANCE_PP;
  const licensedOver = Number.isFinite(line) && aprPct > line + CAP_TOLERANCE_PP;
  const vars = { apr, cap: capPct !== undefined ? pct(capPct) : '', line: Number.isFinite(line) ? pct(line) : '' };
  if (frame.lender === 'unlicensed' && capPct !== undefined) return r.text(privateOver ? 'interest_judged_private_over' : 'interest_judged_private_under', vars);
  if (frame.lender === 'licensed' && Number.isFinite(line)) return r.text(licensedOver ? 'interest_judged_licensed_over' : 'interest_judged_licensed_under', vars);
  if (capPct === undefined || !Number.isFinite(line)) return undefined;
  return r.text('interest_judged_unknown', {
    apr,
    private: r.text(privateOver ? 'interest_judged_clause_private_over' : 'interest_judged_clause_private_under', vars),
    licensed: r.text(licensedOver ? 'interest_judged_clause_licensed_over' : 'interest_judged_clause_licensed_under', vars),
  });
}
