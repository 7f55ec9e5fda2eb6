/**
 * The interest check as a reply: the rate first ("按你给的数字，年化约 54.6%（…）"), the total cost, the
 * upfront deduction under 民法典 670, the comparison with the law for the lender type and contract date, what
 * to do, and that the lawful debt remains. The repayment table and the details sit behind the 'apr:table'
 * button; when the lender type is unknown both cases are described and the reply asks which it is. A loan
 * missing a number gets one short clarifying question instead (kind 'clarify').
 */
import type { Knowledge } from '../knowledge/knowledge';
import { chinaDay, resolveArticle } from '../knowledge/knowledge';
import { toCitation } from '../knowledge/citations';
import { emptyReply, type Citation, type OutboundReply, type TextBlock } from '../message';
import { fitted, para } from '../screen-fit';
import type { Replies } from '../replies';
import { AppError } from '../errors';
import { isMonthly, type LoanCashFlows } from './cash-flow';
import { cashFlowsOf } from './facts-to-flows';
import type { InterestData } from './interest-data';
import { capByDay, legalFrame, type LegalFrame, type PrivateCap } from './legal-cap';
import type { LoanFacts, MissingNumber } from './loan-facts';
import { loanRates, type LoanRates } from './rates';
import { paidAboveCap } from './cap-excess';
import { repaymentTable } from './repayment-table';
import { percentText, yuanText } from './format';

/** What the interest replies need: the knowledge base (LPR table, statutes), the fixed replies, the cues and caps. */
export interface InterestDeps {
  knowledge: Knowledge;
  replies: Replies;
  data: InterestData;
}

export interface InterestResult {
  reply: OutboundReply;
  /** Set when a number is missing: the reply asks for it. */
  missing?: MissingNumber;
  flows?: LoanCashFlows;
  rates?: LoanRates;
}

/** Button ids the interest replies offer; the conversation maps presses back to interestTableReply / a lender type. */
export const INTEREST_BUTTONS = { table: 'apr:table', licensed: 'apr:lender:licensed', unlicensed: 'apr:lender:unlicensed' } as const;

/** Reply keys the interest check uses (prompts/interest.yaml); checked at start-up by assertInterestReplies. */
export const INTEREST_REPLY_KEYS = [
  'interest_lead', 'interest_lead_deducted', 'interest_lead_deducted_plain', 'interest_lead_days', 'interest_cost', 'interest_upfront', 'interest_private_on_date',
  'interest_private_unknown_date', 'interest_private_before_rule', 'interest_private_over', 'interest_private_over_nothing_extra',
  'interest_private_over_split', 'interest_private_under', 'interest_private_stale', 'interest_licensed', 'interest_licensed_over', 'interest_licensed_under',
  'interest_ask_lender', 'interest_steps', 'interest_debt_line', 'interest_button_table', 'interest_button_licensed',
  'interest_button_unlicensed', 'interest_table_heading', 'interest_table_row_month', 'interest_table_row_day', 'interest_table_gap',
  'interest_details_heading', 'interest_detail_rates', 'interest_detail_days', 'interest_detail_fees', 'interest_detail_void',
  'interest_detail_36', 'interest_chart_title', 'interest_chart_principal', 'interest_chart_interest', 'interest_chart_alt', 'interest_ask_principal', 'interest_ask_received', 'interest_ask_payment',
  'interest_ask_term', 'interest_ask_rate_unit',
] as const;

/** Throws PROMPTS_INVALID naming every interest reply key that prompts/ lacks. */
export function assertInterestReplies(replies: Replies): void {
  const missing = INTEREST_REPLY_KEYS.filter((k) => !replies.has(k));
  if (missing.length) throw new AppError('PROMPTS_INVALID', `prompts/interest.yaml is missing replies: ${missing.join(', ')}`);
}

/** The licensed lenders' court-practice line (24 %) from caps.yaml. */
const LICENSED_ADJUST_LINE = 'court_24';
/** Rows of the table shown in full; longer schedules show their head and tail. */
const TABLE_ROWS = 12;
/** A deduction smaller than this (yuan) is rounding, not a deduction. */
const DEDUCTION_MIN = 0.5;

/** The first screen of the interest check for `facts`, as of `at` (China's calendar day decides the LPR). */
export function interestReply(facts: LoanFacts, deps: InterestDeps, at: Date): InterestResult {
  const computed = compute(facts, deps);
  if ('missing' in computed) return clarify(computed.missing, deps.replies);
  const { flows, rates } = computed;
  const r = deps.replies;
  const reply = emptyReply('answer');
  const received = flows.received;
  const deducted = flows.contractPrincipal - received;
  const apr = percentText(rates.apr);

  const onContract = rates.aprOnContractPrincipal >= 0.0005;
  const lead =
    deducted >= DEDUCTION_MIN
      ? onContract
        ? r.text('interest_lead_deducted', { apr, received: yuanText(received), principal: yuanText(flows.contractPrincipal), aprContract: percentText(rates.aprOnContractPrincipal) })
        : r.text('interest_lead_deducted_plain', { apr, received: yuanText(received) })
      : isMonthly(flows.payments)
        ? r.text('interest_lead', { apr, received: yuanText(received) })
        : r.text('interest_lead_days', { apr, received: yuanText(received), apr365: percentText(rates.apr365) });
  const cost = r.text('interest_cost', { repaid: yuanText(rates.totalRepaid), cost: yuanText(rates.totalCost) });
  const upfront = deducted >= DEDUCTION_MIN ? r.text('interest_upfront', { deducted: yuanText(deducted), received: yuanText(received) }) : undefined;

  const frame = frameOf(facts, deps, at);
  const compare: string[] = [];
  if (frame.unlicensed) compare.push(privateText(frame.unlicensed, flows, rates, deps));
  if (frame.licensed) compare.push(licensedText(frame, flows, rates, deps));
  if (frame.lender === 'unknown') compare.push(r.text('interest_ask_lender'));
  // Fullest first; the leaner variants leave the total cost, then the 670 line, to the table page.
  const tail: TextBlock[] = [...para(compare.join('')), ...para(r.text('interest_steps')), ...para(r.text('interest_debt_line'))];
  reply.blocks = fitted([
    [...para(lead + cost), ...para(upfront), ...tail],
    [...para(lead), ...para(upfront), ...tail],
    [...para(lead), ...tail],
  ]);

  reply.citations = citationsFor(frame, deducted >= DEDUCTION_MIN, deps.knowledge, at);
  reply.buttons.push({ id: INTEREST_BUTTONS.table, label: r.text('interest_button_table') });
  if (frame.lender === 'unknown') {
    reply.buttons.push({ id: INTEREST_BUTTONS.licensed, label: r.text('interest_button_licensed') });
    reply.buttons.push({ id: INTEREST_BUTTONS.unlicensed, label: r.text('interest_button_unlicensed') });
  }
  return { reply, flows, rates };
}

/** The 'apr:table' page: the repayment table and the details (rate conventions, fees, void contracts, 24 %/36 %). */
export function interestTableReply(facts: LoanFacts, deps: InterestDeps, at: Date): InterestResult {
  const computed = compute(facts, deps);
  if ('missing' in computed) return clarify(computed.missing, deps.replies);
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
  if (flows.contractPrincipal - flows.received >= DEDUCTION_MIN || facts.feePerPayment) details.push(r.text('interest_detail_fees'));
  const frame = frameOf(facts, deps, at);
  if (frame.unlicensed) details.push(r.text('interest_detail_void'));
  if (frame.licensed) details.push(r.text('interest_detail_36'));
  reply.blocks.push({ style: 'list', text: '', items: details });
  reply.citations = citationsFor(frame, deducted >= DEDUCTION_MIN, deps.knowledge, at, true);
  return { reply, flows, rates };
}

/** The short clarifying question for one missing number. */
export function clarifyReply(missing: MissingNumber, replies: Replies): OutboundReply {
  const reply = emptyReply('clarify');
  reply.blocks.push({ style: 'paragraph', text: replies.text(`interest_ask_${missing}`) });
  return reply;
}

function clarify(missing: MissingNumber, replies: Replies): InterestResult {
  return { reply: clarifyReply(missing, replies), missing };
}

function compute(facts: LoanFacts, deps: InterestDeps): { flows: LoanCashFlows; rates: LoanRates } | { missing: MissingNumber } {
  const built = cashFlowsOf(facts);
  if (!built.ok) return { missing: built.missing };
  const rated = loanRates(built.flows);
  // Flows that cannot carry a rate (nothing repaid after disbursement, less repaid than received) need the payments.
  if (!rated.ok) return { missing: 'payment' };
  return { flows: built.flows, rates: rated.rates };
}

function frameOf(facts: LoanFacts, deps: InterestDeps, at: Date): LegalFrame {
  return legalFrame(facts.lender?.type ?? 'unknown', facts.contractDate, chinaDay(at), deps.knowledge.lpr, deps.data.caps);
}

function privateText(cap: PrivateCap, flows: LoanCashFlows, rates: LoanRates, deps: InterestDeps): string {
  const r = deps.replies;
  const apr = percentText(rates.apr);
  let head: string;
  let capPct: number;
  let stale = '';
  switch (cap.kind) {
    case 'on_date':
      head = r.text('interest_private_on_date', { date: cap.date, cap: percentText(cap.cap.cap / 100) });
      capPct = cap.cap.cap;
      if (cap.cap.stale) stale = r.text('interest_private_stale', { latest: deps.knowledge.lpr.latest_confirmed, lpr: cap.cap.lpr });
      break;
    case 'date_unknown':
      head = r.text('interest_private_unknown_date', { low: percentText(cap.low.cap / 100), high: percentText(cap.high.cap / 100) });
      capPct = cap.high.cap;
      break;
    case 'before_rule':
      head = r.text('interest_private_before_rule', { date: cap.date, filingCap: percentText(cap.filing.cap / 100) });
      capPct = Math.max(cap.voidAbove, cap.filing.cap);
      if (rates.apr * 100 > Math.min(cap.voidAbove, cap.filing.cap) + 0.005) {
        const above = paidAboveCap(flows.received, flows.payments, capByDay(cap)).aboveCap;
        if (above >= DEDUCTION_MIN) return head + r.text('interest_private_over_split', { apr, above: wholeYuan(above) });
      }
      return head;
  }
  if (rates.apr * 100 <= capPct + 0.005) return head + r.text('interest_private_under', { apr }) + stale;
  const above = paidAboveCap(flows.received, flows.payments, capByDay(cap)).aboveCap;
  const verdict = above >= DEDUCTION_MIN ? r.text('interest_private_over', { apr, cap: percentText(capPct / 100), above: wholeYuan(above) }) : r.text('interest_private_over_nothing_extra', { apr });
  return head + verdict + stale;
}

function licensedText(frame: LegalFrame, flows: LoanCashFlows, rates: LoanRates, deps: InterestDeps): string {
  const r = deps.replies;
  const apr = percentText(rates.apr);
  const line = frame.licensed!.lines.find((l) => l.id === LICENSED_ADJUST_LINE) ?? frame.licensed!.lines[0]!;
  if (rates.apr * 100 <= line.rate + 0.005) return r.text('interest_licensed') + r.text('interest_licensed_under', { apr });
  const above = paidAboveCap(flows.received, flows.payments, line.rate / 100).aboveCap;
  return r.text('interest_licensed') + (above >= DEDUCTION_MIN ? r.text('interest_licensed_over', { apr, above: wholeYuan(above) }) : '。');
}

/** Money on the first screen: whole yuan (the table page has the cents). */
function wholeYuan(x: number): string {
  return yuanText(Math.round(x));
}

/** The provisions the reply rests on, as in force on `at`: 670 for a deduction, the private-lending rules by case. */
function citationsFor(frame: LegalFrame, deducted: boolean, k: Knowledge, at: Date, details = false): Citation[] {
  const refs: Array<[string, string]> = [];
  if (deducted) refs.push(['民法典', '670']);
  if (frame.unlicensed) {
    refs.push(['民间借贷规定', '25']);
    if (deducted) refs.push(['民间借贷规定', '26']);
    if (frame.unlicensed.kind === 'before_rule') refs.push(['民间借贷规定', '31']);
    if (details) refs.push(['民间借贷规定', '13']);
  }
  if (frame.licensed) refs.push(['民间借贷规定', '1']);
  return refs.flatMap(([law, article]) => {
    const hit = resolveArticle(k, law, article, at);
    return hit ? [toCitation(hit.article)] : [];
  });
}
