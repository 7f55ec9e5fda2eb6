/**
 * The interest check as one object for the conversation and the CLI: read a loan from text, reply with the
 * rate and the law, the table page, and the schedule chart for channels that show pictures. Built once at
 * start-up from the knowledge base, the fixed replies and knowledge/interest/.
 */
import type { Knowledge } from '../knowledge/knowledge';
import type { OutboundReply } from '../message';
import type { Replies } from '../replies';
import { cashFlowsOf } from './facts-to-flows';
import { loadInterestData, type InterestData } from './interest-data';
import { assertInterestReplies, interestReply, interestTableReply, type InterestResult } from './interest-reply';
import { lawfulAmountReply, principalAlone, type LawfulQuestion } from './lawful-amount';
import type { LoanFacts, MissingNumber } from './loan-facts';
import { createNumberGrammar } from './numbers-text';
import { createDateReader } from './text-dates';
import { normalizeLoanText } from './loan-text';
import { createTextFold } from './text-fold';
import { createLoanTextParser, type LoanTextParser } from './loan-text';
import { scheduleChartPng } from './schedule-chart';
import { rateVerdictReply } from './rate-verdict';
import { paidBackReply } from './paid-back';
import { statedDeductedReply } from './stated-deducted';
import { rateOnlyOf, statedRateOf } from './stated-rate';

export type { LawfulQuestion } from './lawful-amount';

export interface InterestKit {
  data: InterestData;
  /** The loan facts in a text (LoanFacts-shaped, to merge into the dialogue state). */
  parseLoanText: LoanTextParser;
  /**
   * The first screen for `facts` (or one clarifying question when a number is missing); `capFirst` for a question
   * about the cap itself ("4倍LPR管不管它"), which then leads.
   */
  reply(facts: LoanFacts, at: Date, capFirst?: boolean): InterestResult;
  /**
   * The follow-up on the loan already described: what is lawfully owed ('how_much', for "那合法的话我应该还多少":
   * the first sentence is the lawful total, principal as received plus interest at the cap, per lender type), or
   * whether only the principal is owed ('principal_only', for "是不是只要还本金就行了": 不是, then the amounts), or
   * whether the part above the cap can be refused ('above_cap', for "那多出来的我能不还吗": that part, not the rest). A
   * loan known by its stated rate gets what the cap allows a month and a year; a missing number one question.
   */
  lawfulAmount(facts: LoanFacts, at: Date, question?: LawfulQuestion): InterestResult;
  /**
   * Whether the loan's interest is lawful, asked about a loan already computed ("这利息合法吗" again): the verdict by
   * lender type first, then the lawful amount; with `named` ("超没超36%"), the rate against that line leads.
   * Undefined when the rate is not known or the verdict needs what only the rate's own reply says (old contracts).
   */
  verdict(facts: LoanFacts, at: Date, named?: number): InterestResult | undefined;
  /**
   * Interest already paid, asked back ("利息我已经还了8000了 能要回来吗"), about a loan known by its stated rate: the
   * part above the cap, of `paid` when said. Undefined for a loan with a schedule, or made before 2020-08-20.
   */
  paidBack(facts: LoanFacts, at: Date, paid?: number): InterestResult | undefined;
  /**
   * A loan known by its stated rate whose contract names more than arrived: its rate on what arrived, when that is
   * above every line the lender may face (no term needed then); undefined otherwise, and the term is asked.
   */
  statedDeducted(facts: LoanFacts, at: Date): InterestResult | undefined;
  /** Which lawful-amount follow-up `text` asks (knowledge/interest/cues.yaml lawful_questions), if any. */
  lawfulQuestionOf(text: string): LawfulQuestion | undefined;
  /** True when `text` asks for a loan's annual rate ("年化到底多少 说个数"; cues.yaml rate_asked), numbers or not. */
  asksRate(text: string): boolean;
  /** The 'apr:table' page. */
  table(facts: LoanFacts, at: Date): InterestResult;
  /** `result.reply` with the schedule chart attached (unchanged when there is nothing to draw or drawing fails). */
  withChart(result: InterestResult): Promise<OutboundReply>;
  /**
   * For one-shot questions (`debtshield ask`): the interest reply when `text` describes a whole loan, or
   * undefined when it does not carry enough numbers (the caller answers it another way).
   */
  answerText(text: string, at: Date): InterestResult | undefined;
  /**
   * `previous` completed by the user's answer to the question for `missing`: the facts the answer states
   * ("12期", "到手7000"), or else its one bare number read as the number asked for ("12" after 还几期?), or for
   * rate_unit the unit it names (按月 / 每天 / 年化). Returns `previous` merged with what was found.
   */
  answerTo(missing: MissingNumber, text: string, at: Date, previous: LoanFacts): LoanFacts;
}

/** Loads knowledge/interest/ under `knowledgeDir`, checks the replies, and builds the kit. */
export function createInterestKit(deps: { knowledge: Knowledge; replies: Replies; knowledgeDir: string }): InterestKit {
  assertInterestReplies(deps.replies);
  const data = loadInterestData(deps.knowledgeDir);
  const parseLoanText = createLoanTextParser(data.cues, data.serviceNumbers);
  const fold = createTextFold(data.cues);
  const numbers = createNumberGrammar(data.cues.numerals);
  const findNumbers = numbers.findNumbers;
  const findDates = createDateReader(data.cues.dates, numbers);
  const rdeps = { knowledge: deps.knowledge, replies: deps.replies, data };
  // Words after a number that say it counts something other than money (期, 天, 家, 人 …), and those of a term.
  const notBefore = data.cues.not_before.map((w) => w.toLowerCase());
  const termWords = [...Object.values(data.cues.term.units).flat(), ...data.cues.term.instalment_units].map((w) => w.toLowerCase());
  return {
    data,
    parseLoanText,
    reply: (facts, at, capFirst) => interestReply(facts, rdeps, at, capFirst),
    table: (facts, at) => interestTableReply(facts, rdeps, at),
    lawfulAmount: (facts, at, question) => lawfulAmountReply(facts, rdeps, at, question),
    verdict: (facts, at, named) => rateVerdictReply(facts, rdeps, at, named),
    paidBack: (facts, at, paid) => paidBackReply(facts, paid, rdeps, at),
    statedDeducted: (facts, at) => statedDeductedReply(facts, rdeps, at),
    asksRate(text) {
      const t = normalizeLoanText(text, [], fold);
      const q = data.cues.rate_asked;
      return q.rate.some((w) => t.includes(w)) && q.ask.some((w) => t.includes(w)) && !q.not.some((w) => t.includes(w));
    },
    lawfulQuestionOf(text) {
      const t = normalizeLoanText(text, [], fold);
      const q = data.cues.lawful_questions;
      // "只还本金" is the narrower question: it wins when both are asked.
      if (q.principal_only.some((w) => t.includes(w))) return 'principal_only';
      if (q.above_cap.part.some((w) => t.includes(w)) && q.above_cap.refuse.some((w) => t.includes(w))) return 'above_cap';
      if (q.how_much.some((w) => t.includes(w))) return 'how_much';
      return undefined;
    },
    async withChart(result) {
      if (!result.flows || !result.rates) return result.reply;
      const r = deps.replies;
      try {
        const bytes = await scheduleChartPng(result.flows, result.rates.monthlyIrr, {
          title: r.text('interest_chart_title'),
          principal: r.text('interest_chart_principal'),
          interest: r.text('interest_chart_interest'),
        });
        return { ...result.reply, images: [...(result.reply.images ?? []), { mimeType: 'image/png', bytes, alt: r.text('interest_chart_alt') }] };
      } catch {
        return result.reply;
      }
    },
    answerTo(missing, text, at, previous) {
      const said = parseLoanText(text, at);
      const merged: LoanFacts = { ...previous, ...said };
      // The number asked for, once given, is no longer missing (unless the answer is itself rough: 大概1万); the
      // loans named in a which-loan question are settled with it.
      const resolved = (f: LoanFacts): LoanFacts => {
        if (f.unstated !== missing || said.unstated === missing) return f;
        const { unstated: _answered, loans: _settled, ...rest } = f;
        return rest;
      };
      const t = normalizeLoanText(data.serviceNumbers.blank(text), [], fold);
      if (missing === 'rate_unit' && previous.rate) {
        const per = (['day', 'month', 'year'] as const).find((p) => data.cues.rates[p].some((w) => t.includes(w.toLowerCase())));
        return per ? resolved({ ...merged, rate: { percent: said.rate?.percent ?? previous.rate.percent, per } }) : merged;
      }
      const field = { principal: 'principal', received: 'received', payment: 'payment', term: 'term' } as const;
      const key = field[missing as keyof typeof field];
      if (!key) return merged;
      if (said[key] !== undefined) return resolved(merged);
      // The answer may settle the loan another way than by the number asked for ("借了半年 现在要我还1万2" to 每期还多少:
      // a total and a term): when the loan as told now computes, that is the answer; its numbers are not reread.
      if (cashFlowsOf(merged).ok) return merged;
      // A date's numbers ("去年11月借的") are the contract date, never the number asked for; nor is a count of
      // something else ("一家消费金融公司", "一个人", "3次"), unless what it counts is the term asked for ("12期").
      const dates = findDates(t, at);
      const countsElse = (h: { end: number }) => notBefore.some((w) => t.startsWith(w, h.end)) && !(key === 'term' && termWords.some((w) => t.startsWith(w, h.end)));
      const numbers = findNumbers(t).filter((h) => !dates.some((d) => d.start < h.end && h.start < d.end))
        .filter((h) => h.magnitude || h.currency || !countsElse(h));
      if (numbers.length !== 1) return merged;
      const value = numbers[0]!.value;
      // A bare number ("7000") is read by the parser as an amount lent; here it is the number asked for.
      const { principal: _bare, ...saidElse } = said;
      const base: LoanFacts = { ...previous, ...saidElse };
      if (key === 'term') return Number.isInteger(value) && value > 0 ? resolved({ ...base, term: { count: value, unit: 'period' } }) : merged;
      return value > 0 ? resolved({ ...base, [key]: value }) : merged;
    },
    answerText(text, at) {
      const facts = parseLoanText(text, at);
      // A whole loan, a loan known by its stated rate, or a rate asked about alone: each is answered with its rate.
      // The amount alone with "最多该付多少利息": what the caps allow on it.
      if (!cashFlowsOf(facts).ok && principalAlone(facts) !== undefined && this.lawfulQuestionOf(text) === 'how_much') return lawfulAmountReply(facts, rdeps, at, 'how_much');
      if (!cashFlowsOf(facts).ok && !statedRateOf(facts) && !rateOnlyOf(facts)) return undefined;
      const result = interestReply(facts, rdeps, at);
      return result.missing ? undefined : result;
    },
  };
}
