/**
 * `debtshield ask`: the answering contract. One question → {id, answer, citations, suggestions}, from the same
 * answerer the chat uses. The CLI has no buttons, so `answer` is the first screen followed by what the 'more'
 * button would show (the full law texts behind 'law' are left out; `citations` names them).
 */
import type { CoreParts } from '../assemble';
import { renderText } from '../channels/local/render-text';
import { withMore } from '../answers/answer';

export interface AskOutput {
  id: unknown;
  answer: string;
  citations: Array<{ law: string; article: string }>;
  suggestions: string[];
}

/** Answers one question as of `at`. */
export async function askOne(core: CoreParts, id: unknown, question: string, at = new Date()): Promise<AskOutput> {
  const result = await core.answerer.answer(question, { at });
  return {
    id,
    answer: renderText(withMore(result), { buttons: false }),
    citations: result.reply.citations.map((c) => ({ law: c.law, article: c.article })),
    suggestions: result.suggestions,
  };
}
