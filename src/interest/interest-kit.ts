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
import type { LoanFacts } from './loan-facts';
import { createLoanTextParser, type LoanTextParser } from './loan-text';
import { scheduleChartPng } from './schedule-chart';

export interface InterestKit {
  data: InterestData;
  /** The loan facts in a text (LoanFacts-shaped, to merge into the dialogue state). */
  parseLoanText: LoanTextParser;
  /** The first screen for `facts` (or one clarifying question when a number is missing). */
  reply(facts: LoanFacts, at: Date): InterestResult;
  /** The 'apr:table' page. */
  table(facts: LoanFacts, at: Date): InterestResult;
  /** `result.reply` with the schedule chart attached (unchanged when there is nothing to draw or drawing fails). */
  withChart(result: InterestResult): Promise<OutboundReply>;
  /**
   * For one-shot questions (`debtshield ask`): the interest reply when `text` describes a whole loan, or
   * undefined when it does not carry enough numbers (the caller answers it another way).
   */
  answerText(text: string, at: Date): InterestResult | undefined;
}

/** Loads knowledge/interest/ under `knowledgeDir`, checks the replies, and builds the kit. */
export function createInterestKit(deps: { knowledge: Knowledge; replies: Replies; knowledgeDir: string }): InterestKit {
  assertInterestReplies(deps.replies);
  const data = loadInterestData(deps.knowledgeDir);
  const parseLoanText = createLoanTextParser(data.cues);
  const rdeps = { knowledge: deps.knowledge, replies: deps.replies, data };
  return {
    data,
    parseLoanText,
    reply: (facts, at) => interestReply(facts, rdeps, at),
    table: (facts, at) => interestTableReply(facts, rdeps, at),
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
    answerText(text, at) {
      const facts = parseLoanText(text, at);
      if (!cashFlowsOf(facts).ok) return undefined;
      const result = interestReply(facts, rdeps, at);
      return result.missing ? undefined : result;
    },
  };
}
