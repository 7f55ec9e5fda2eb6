/**
 * The interest check as a reply: the rate first ("按你给的数字，年化约 54.6%（…）"), the total cost, the
 * upfront deduction under 民法典 670, the comparison with the law for the lender type and contract date, what
 * to do, and that the lawful debt remains. The repayment table and the details sit behind the 'apr:table'
 * button; when the lender type is unknown both cases are described and the reply asks which it is. A loan
 * missing a number gets one short clarifying question instead (kind 'clarify').
 */
import { emptyReply, type TextBlock } from '../message';
import { fitted, para } from '../screen-fit';
import type { Replies } from '../replies';
import { AppError } from '../errors';
import { isMonthly, type LoanCashFlows } from './cash-flow';
import { capByDay, type LegalFrame, type PrivateCap } from './legal-cap';
import type { LoanFacts } from './loan-facts';
import type { LoanRates } from './rates';
import { paidAboveCap } from './cap-excess';
import { repaymentTable } from './repayment-table';
import { linePctText, percentText, yuanText } from './format';
import {
  CAP_TOLERANCE_PP, DEDUCTION_MIN, INTEREST_BUTTONS, beforeRuleVerdict, citationsFor, clarify, compute, frameOf, licensedLinePct, privateCapPct, privateHead, wholeYuan,
  type InterestDeps, type InterestResult,
} from './reply-frame';
import { rateOnlyOf, statedRateOf } from './stated-rate';
import { statedRateReply } from './stated-rate-reply';
import { PAID_BACK_KEYS } from './paid-back';
import { STATED_DEDUCTED_KEYS } from './stated-deducted';
import { RATE_VERDICT_KEYS } from './rate-verdict';

export { INTEREST_BUTTONS, clarifyReply, type InterestDeps, type InterestResult } from './reply-frame';

/** Reply keys the interest check uses (prompts/interest.yaml); checked at start-up by assertInterestReplies. */
export const INTEREST_REPLY_KEYS = [
  'interest_lead', 'interest_lead_deducted', 'interest_lead_deducted_plain', 'interest_lead_deducted_670', 'interest_lead_days', 'interest_lead_single_day', 'interest_lead_single_month', 'interest_lead_single_deducted', 'interest_lead_single_deducted_plain', 'interest_simple_days', 'interest_simple_months', 'interest_cost', 'interest_upfront', 'interest_private_on_date',
  'interest_private_unknown_date', 'interest_private_before_rule', 'interest_private_over', 'interest_private_over_nothing_extra',
  'interest_private_over_split', 'interest_private_under', 'interest_private_stale', 'interest_licensed', 'interest_licensed_over', 'interest_licensed_under',
  'interest_cap_verdict_licensed', 'interest_cap_verdict_unknown', 'interest_cap_verdict_private',
  'interest_ask_lender', 'interest_ask_lender_only', 'interest_steps', 'interest_debt_line', 'interest_button_table', 'interest_button_licensed',
  'interest_button_unlicensed', 'interest_table_heading', 'interest_table_row_month', 'interest_table_row_day', 'interest_table_gap',
  'interest_details_heading', 'interest_detail_rates', 'interest_detail_days', 'interest_detail_fees', 'interest_detail_void',
  'interest_detail_36', 'interest_chart_title', 'interest_chart_principal', 'interest_chart_interest', 'interest_chart_alt', 'interest_ask_principal', 'interest_ask_received', 'interest_ask_payment',
  'interest_ask_term', 'interest_ask_rate_unit', 'interest_ask_which_loan', 'interest_ask_which_loan_listed', 'interest_loan_named', 'interest_upfront_licensed', 'interest_date_month', 'interest_date_day',
  'interest_stated_lead_licensed_under', 'interest_stated_lead_licensed_over',
  'interest_lead_verdict_under', 'interest_lead_verdict_by_date', 'interest_lead_verdict_over', 'interest_lead_verdict_over_private', 'interest_lead_verdict_over_both',
  'interest_private_business', 'interest_old_over', 'interest_old_between', 'interest_old_under', 'interest_after_over', 'interest_after_under',
  // A loan known by its stated rate (stated-rate-reply.ts).
  'interest_stated_lead_month', 'interest_stated_lead_day', 'interest_stated_lead_week', 'interest_stated_lead_money_month', 'interest_stated_lead_money_week', 'interest_stated_lead_year', 'interest_stated_private_over', 'interest_stated_private_under',
  'interest_stated_private_over_range', 'interest_stated_private_under_range', 'interest_stated_private_depends', 'interest_stated_money',
  'interest_stated_licensed_over', 'interest_rate_said_month', 'interest_rate_said_day', 'interest_rate_said_week', 'interest_rate_said_year',
  // What is lawfully owed (lawful-amount.ts).
  'interest_lawful_open', 'interest_lawful_not_principal_only', 'interest_lawful_above_cap_unlicensed', 'interest_lawful_above_cap_licensed', 'interest_lawful_above_cap_unknown', 'interest_lawful_principal_deducted', 'interest_lawful_principal',
  'interest_lawful_private_over', 'interest_lawful_private_under', 'interest_lawful_licensed_over', 'interest_lawful_licensed_under',
  'interest_lawful_licensed_also_over', 'interest_lawful_licensed_also_under', 'interest_lawful_cap_on_date', 'interest_lawful_cap_unknown_date',
  'interest_lawful_cap_before_rule', 'interest_lawful_stated_principal', 'interest_lawful_stated_private_over', 'interest_lawful_stated_private_under',
  'interest_lawful_stated_private_split', 'interest_lawful_stated_licensed_over', 'interest_lawful_stated_licensed_under',
  'interest_lawful_stated_licensed_also_over', 'interest_lawful_cap_private', 'interest_lawful_cap_private_split', 'interest_lawful_cap_licensed',
  'interest_lawful_cap_licensed_also',
  // Whether it is lawful, asked about a loan already computed, or against a line named (rate-verdict.ts).
  ...RATE_VERDICT_KEYS,
  // Interest already paid, asked back (paid-back.ts).
  ...PAID_BACK_KEYS,
  // A stated rate beside a deduction (stated-deducted.ts).
  ...STATED_DEDUCTED_KEYS,
] as const;

/** Throws PROMPTS_INVALID naming every interest reply key that prompts/ lacks. */
export function assertInterestReplies(replies: Replies): void {
  const missing = INTEREST_REPLY_KEYS.filter((k) => !replies.has(k));
  if (missing.length) throw new AppError('PROMPTS_INVALID', `prompts/interest.yaml is missing replies: ${missing.join(', ')}`);
}

/** Rows of the table shown in full; longer schedules show their head and tail. */
const TABLE_ROWS = 12;

/**
 * The first screen of the interest check for `facts`, as of `at` (China's calendar day decides the LPR).
 * `capFirst` answers "4倍LPR管不管它 / 4倍到底是多少" about the loan: whether the cap binds this lender and what it is,
 * first; then the loan's own rate.
 */
export function interestReply(facts: LoanFacts, deps: InterestDeps, at: Date, capFirst = false): InterestResult {
  const computed = compute(facts);
  if ('missing' in computed) {
    // A stated rate compares with the law whatever the term: ask for the term only when nothing else tells the rate.
    const stated = computed.missing === 'term' ? statedRateOf(facts) : computed.missing === 'principal' ? rateOnlyOf(facts) : undefined;
    return stated ? statedRateReply(facts, stated, deps, at) : clarify(computed.missing, deps.replies, facts);
  }
  const { flows, rates } = computed;
  const r = deps.replies;
  const reply = emptyReply('answer');
  const received = flows.received;
  const deducted = flows.contractPrincipal - received;
  const apr = percentText(rates.apr);

  // One repayment after N days or months: the simple annual rate leads (what the cap is compared with), the
  // compounded ones follow, when they differ.
  const single = singleRates(flows, rates);
  const onContract = rates.aprOnContractPrincipal >= 0.0005;
  let lead =
    single && deducted >= DEDUCTION_MIN
      ? single.simpleContract !== undefined
        ? r.text('interest_lead_single_deducted', { apr, simple: single.simple, received: yuanText(received), principal: yuanText(flows.contractPrincipal), simpleContract: single.simpleContract })
        : r.text('interest_lead_single_deducted_plain', { apr, simple: single.simple, received: yuanText(received) })
      : deducted >= DEDUCTION_MIN
      ? onContract
        ? r.text('interest_lead_deducted', { apr, received: yuanText(received), principal: yuanText(flows.contractPrincipal), aprContract: percentText(rates.aprOnContractPrincipal) })
        : r.text('interest_lead_deducted_plain', { apr, received: yuanText(received) })
      : single
        ? r.text(single.days !== undefined ? 'interest_lead_single_day' : 'interest_lead_single_month', single)
        : isMonthly(flows.payments)
        ? r.text('interest_lead', { apr, received: yuanText(received) })
        : r.text('interest_lead_days', { apr, received: yuanText(received), apr365: percentText(rates.apr365) });
  const cost = r.text('interest_cost', { repaid: yuanText(rates.totalRepaid), cost: yuanText(rates.totalCost) });
  const frame = frameOf(facts, deps, at);
  lead = withVerdict(lead, frame, single ? single.simplePct : rates.apr * 100, r);
  // With a deduction and no rate on the contract's amount the lead names one rate; the working is said when the screen allows.
  const dayNote = single && deducted >= DEDUCTION_MIN && single.simpleContract === undefined ? r.text(single.days !== undefined ? 'interest_simple_days' : 'interest_simple_months', single) : '';
  // 民法典 670 binds licensed lenders too: said so when the lender is known to be one.
  const upfrontKey = frame.lender === 'licensed' ? 'interest_upfront_licensed' : 'interest_upfront';
  const upfront = deducted >= DEDUCTION_MIN ? r.text(upfrontKey, { deducted: yuanText(deducted), received: yuanText(received) }) : undefined;
  const leadNamingDeduction = upfront && !single && onContract
    ? withVerdict(r.text('interest_lead_deducted_670', { apr, received: yuanText(received), deducted: yuanText(deducted) }), frame, rates.apr * 100, r)
    : undefined;

  const compare: string[] = [];
  if (frame.unlicensed) compare.push(privateText(frame.unlicensed, flows, rates, deps));
  const business = frame.unlicensed && facts.lender?.business ? r.text('interest_private_business') : undefined;
  if (frame.licensed) compare.push(licensedText(frame, flows, rates, deps));
  // Only what is not known yet is asked: the date once it was told, never again.
  if (frame.lender === 'unknown') compare.push(r.text(facts.contractDate ? 'interest_ask_lender_only' : 'interest_ask_lender'));
  // Fullest first; the leaner variants leave the total cost, then the 670 line, to the table page.
  const tail: TextBlock[] = [...para(compare.join('')), ...para(r.text('interest_steps')), ...para(r.text('interest_debt_line'))];
  const tailVoid: TextBlock[] = [...para(compare.join('')), ...para(business), ...para(r.text('interest_debt_line'))];
  // A business lender without a licence: its contract may be void (said before the steps give way).
  const voidFirst: TextBlock[][] = business
    ? [
        [...para(lead + cost), ...para(upfront), ...para(compare.join('')), ...para(business), ...para(r.text('interest_steps')), ...para(r.text('interest_debt_line'))],
        [...para(lead), ...para(upfront), ...tailVoid],
        [...para(lead), ...tailVoid],
      ]
    : [];
  // "4倍LPR管不管它": yes for a private lender, not directly for a licensed one, "depends" when unknown — then the cap.
  const verdict = r.text(frame.lender === 'licensed' ? 'interest_cap_verdict_licensed' : frame.lender === 'unknown' ? 'interest_cap_verdict_unknown' : 'interest_cap_verdict_private');
  const capLed: TextBlock[][] = capFirst
    ? [
        [...para(verdict + compare.join('')), ...para(lead), ...para(r.text('interest_steps'))],
        [...para(verdict + compare.join('')), ...para(lead)],
      ]
    : [];
  reply.blocks = fitted([
    ...capLed,
    ...voidFirst,
    ...(dayNote ? [[...para(lead + dayNote + cost), ...para(upfront), ...tail], [...para(lead + dayNote), ...para(upfront), ...tail], [...para(lead + dayNote), ...tail]] : []),
    [...para(lead + cost), ...para(upfront), ...tail],
    [...para(lead), ...para(upfront), ...tail],
    // A deduction ("到手只有…说是扣了服务费") is named on the first screen even when its own line cannot fit: in the lead,
    // in place of the rate on the contract's amount (which the table page still gives).
    ...(leadNamingDeduction ? [[...para(leadNamingDeduction), ...tail]] : []),
    [...para(lead), ...tail],
  ]);

  reply.citations = citationsFor(frame, deducted >= DEDUCTION_MIN, deps.knowledge, at, Boolean(business));
  reply.buttons.push({ id: INTEREST_BUTTONS.table, label: r.text('interest_button_table') });
  if (frame.lender === 'unknown') {
    reply.buttons.push({ id: INTEREST_BUTTONS.licensed, label: r.text('interest_button_licensed') });
    reply.buttons.push({ id: INTEREST_BUTTONS.unlicensed, label: r.text('interest_button_unlicensed') });
  }
  return { reply, flows, rates };
}

/** The 'apr:table' page: the repayment table and the details (rate conventions, fees, void contracts, 24 %/36 %). */
export function interestTableReply(facts: LoanFacts, deps: InterestDeps, at: Date): InterestResult {
  const computed = compute(facts);
  if ('missing' in computed) return clarify(computed.missing, deps.replies, facts);
  const { flows, rates } = computed;
  const r = deps.replies;
  const reply = emptyReply('answer');
  const rows = repaymentTable(flows, rates.monthlyIrr);
  const shown = rows.length <= TABLE_ROWS ? rows : [...rows.slice(0, TABLE_ROWS - 3), undefined, ...rows.slice(-2)];
  const items = shown.map((row) =>
    row === undefined
      ? r.text('interest_table_gap')
      : r.text(row.month !== undefined ? 'interest_table_row_month' : 'interest_table_row_day', {
          n: row.n,
          t: row.month ?? row.day ?? 0,
          amount: yuanText(row.amount),
          interest: yuanText(row.interest),
          principal: yuanText(row.principal),
          left: yuanText(row.left),
        }),
  );
  reply.blocks.push({ style: 'heading', text: r.text('interest_table_heading') });
  reply.blocks.push({ style: 'list', text: '', items });
  reply.blocks.push({ style: 'heading', text: r.text('interest_details_heading') });
  const deducted = flows.contractPrincipal - flows.received;
  const details = [
    r.text('interest_cost', { repaid: yuanText(rates.totalRepaid), cost: yuanText(rates.totalCost) }),
    ...(deducted >= DEDUCTION_MIN ? [r.text('interest_upfront', { deducted: yuanText(deducted), received: yuanText(flows.received) })] : []),
    r.text('interest_detail_rates', { apr: percentText(rates.apr), ear: percentText(rates.ear) }),
  ];
  if (!isMonthly(flows.payments)) details.push(r.text('interest_detail_days', { apr365: percentText(rates.apr365), apr30: percentText(rates.apr30) }));
  const single = singleRates(flows, rates);
  if (single) details.push(r.text(single.days !== undefined ? 'interest_simple_days' : 'interest_simple_months', single));
  if (flows.contractPrincipal - flows.received >= DEDUCTION_MIN || facts.feePerPayment) details.push(r.text('interest_detail_fees'));
  const frame = frameOf(facts, deps, at);
  if (frame.unlicensed) details.push(r.text('interest_detail_void'));
  if (frame.licensed) details.push(r.text('interest_detail_36'));
  reply.blocks.push({ style: 'list', text: '', items: details });
  reply.citations = citationsFor(frame, deducted >= DEDUCTION_MIN, deps.knowledge, at, true);
  return { reply, flows, rates };
}

function privateText(cap: PrivateCap, flows: LoanCashFlows, rates: LoanRates, deps: InterestDeps): string {
  const r = deps.replies;
  const apr = percentText(rates.apr);
  const head = privateHead(cap, deps);
  if (cap.kind === 'before_rule') {
    if (rates.apr * 100 > privateCapPct(cap).pct + CAP_TOLERANCE_PP) {
      const above = paidAboveCap(flows.received, flows.payments, capByDay(cap)).aboveCap;
      if (above >= DEDUCTION_MIN) return head + r.text('interest_private_over_split', { apr, above: wholeYuan(above) });
    }
    return head + beforeRuleVerdict(cap, rates.apr * 100, deps);
  }
  const capPct = privateCapPct(cap).pct;
  const stale = cap.kind === 'on_date' && cap.cap.stale ? r.text('interest_private_stale', { latest: deps.knowledge.lpr.latest_confirmed, lpr: cap.cap.lpr }) : '';
  if (rates.apr * 100 <= capPct + CAP_TOLERANCE_PP) return head + r.text('interest_private_under', { apr }) + stale;
  const above = paidAboveCap(flows.received, flows.payments, capByDay(cap)).aboveCap;
  const verdict = above >= DEDUCTION_MIN ? r.text('interest_private_over', { apr, cap: percentText(capPct / 100), above: wholeYuan(above) }) : r.text('interest_private_over_nothing_extra', { apr });
  return head + verdict + stale;
}

function licensedText(frame: LegalFrame, flows: LoanCashFlows, rates: LoanRates, deps: InterestDeps): string {
  const r = deps.replies;
  const apr = percentText(rates.apr);
  const line = licensedLinePct(frame);
  if (rates.apr * 100 <= line + CAP_TOLERANCE_PP) return r.text('interest_licensed') + r.text('interest_licensed_under', { apr });
  const above = paidAboveCap(flows.received, flows.payments, line / 100).aboveCap;
  return r.text('interest_licensed') + (above >= DEDUCTION_MIN ? r.text('interest_licensed_over', { apr, above: wholeYuan(above) }) : '。');
}

/** A loan repaid once: its simple annual rate and the compounded ones, as shown (see singleRates). */
type SingleRates = {
  simple: string;
  simplePct: number;
  /** On the contract's principal, when something was deducted and the rate on it is positive. */
  simpleContract?: string;
  apr: string;
  apr365: string;
  interest: string;
  received: string;
  days?: string;
  months?: string;
};

/**
 * For a loan repaid once after N days or N months: the simple annual rate (interest ÷ what was received, scaled to a
 * year: × 365 ÷ days or × 12 ÷ months), which borrowers quote and the cap is compared with, beside the compounded
 * ones (the monthly IRR × 12, the daily IRR × 365). Undefined for several payments, or when both read the same as shown.
 */
function singleRates(flows: LoanCashFlows, rates: LoanRates): SingleRates | undefined {
  const only = flows.payments.length === 1 ? flows.payments[0]! : undefined;
  if (!only || !(flows.received > 0)) return undefined;
  const byMonth = only.month !== undefined && only.month > 0;
  if (!byMonth && !(only.day! > 0)) return undefined;
  const perYear = byMonth ? 12 / only.month! : 365 / only.day!;
  const interest = only.amount - flows.received;
  const simpleRate = (interest / flows.received) * perYear;
  const simple = percentText(simpleRate);
  const apr = percentText(rates.apr);
  const apr365 = percentText(rates.apr365);
  if (simple === apr && (byMonth || simple === apr365)) return undefined;
  const onContract = ((only.amount - flows.contractPrincipal) / flows.contractPrincipal) * perYear;
  return {
    simple,
    simplePct: simpleRate * 100,
    ...(flows.contractPrincipal > flows.received && onContract >= 0.0005 ? { simpleContract: percentText(onContract) } : {}),
    apr,
    apr365,
    interest: yuanText(interest),
    received: yuanText(flows.received),
    ...(byMonth ? { months: String(only.month) } : { days: String(only.day) }),
  };
}

/**
 * The lead sentence with the verdict joined to the rate ("这利息合法吗" is answered in the first sentence): over or
 * under the private cap (4 × LPR), and for an unknown lender also against the 24 % line courts are reported to use
 * for licensed lenders. A licensed lender's rate gets no verdict here (no statute caps it; the comparison says so).
 */
function withVerdict(lead: string, frame: LegalFrame, aprPct: number, r: Replies): string {
  const cap = frame.unlicensed && frame.unlicensed.kind !== 'before_rule' ? privateCapPct(frame.unlicensed).pct : undefined;
  if (cap === undefined || frame.lender === 'licensed') return lead;
  const overPrivate = aprPct > cap + CAP_TOLERANCE_PP;
  const line = licensedLinePct(frame);
  const pct = linePctText;
  // Between the lowest and the highest cap of the dates it could have been signed: the date decides.
  const low = frame.unlicensed!.kind === 'date_unknown' ? frame.unlicensed!.low.cap : cap;
  if (!overPrivate && aprPct > low + CAP_TOLERANCE_PP) return lead.replace(/。$/u, `${r.text('interest_lead_verdict_by_date', { low: pct(low), cap: pct(cap) })}。`);
  const key = !overPrivate
    ? 'interest_lead_verdict_under'
    : frame.lender === 'unknown' && Number.isFinite(line)
      ? aprPct > line + CAP_TOLERANCE_PP ? 'interest_lead_verdict_over_both' : 'interest_lead_verdict_over_private'
      : 'interest_lead_verdict_over';
  const verdict = r.text(key, { cap: pct(cap), line: Number.isFinite(line) ? pct(line) : '' });
  return lead.replace(/。$/u, `${verdict}。`);
}
