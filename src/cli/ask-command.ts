/**
 * `debtshield ask`: the answering contract. One question → {id, answer, citations, suggestions}, from the same
 * answerer the chat uses. The CLI has no buttons, so `answer` is the first screen followed by what the 'more'
 * button would show (the full law texts behind 'law' are left out; `citations` names them). A question that
 * describes a whole loan ("借1万到手7000每月还1050还12期 合法吗") is answered by the interest check first: the
 * computed rate and the law, followed by the repayment table page.
 */
import type { CoreParts } from '../assemble';
import { renderText } from '../channels/local/render-text';
import { withMore } from '../answers/answer';
import type { InterestKit } from '../interest/interest-kit';

export interface AskOutput {
  id: unknown;
  answer: string;
  citations: Array<{ law: string; article: string }>;
  suggestions: string[];
}

/** Answers one question as of `at`; with `interest`, a loan described by its numbers gets the computed rate. */
export async function askOne(core: CoreParts, id: unknown, question: string, at = new Date(), interest?: InterestKit): Promise<AskOutput> {
  const loan = interest?.answerText(question, at);
  if (loan) {
    const facts = interest!.parseLoanText(question, at);
    // A rate asked about alone has no schedule: no table page (it would be a question for the principal).
    const page = loan.flows ? interest!.table(facts, at).reply : undefined;
    return {
      id,
      answer: [renderText(loan.reply, { buttons: false }), ...(page ? [renderText(page, { buttons: false })] : [])].join('\n\n'),
      citations: loan.reply.citations.map((c) => ({ law: c.law, article: c.article })),
      suggestions: [],
    };
  }
  const result = await core.answerer.answer(question, { at });
  return {
    id,
    answer: renderText(withMore(result), { buttons: false }),
    citations: result.reply.citations.map((c) => ({ law: c.law, article: c.article })),
    suggestions: result.suggestions,
  };
}
