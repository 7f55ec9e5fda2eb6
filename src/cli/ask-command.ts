/**
 * `debtshield ask`: the answering contract. One question → {id, answer, citations, suggestions}, from the same
 * answerer the chat uses.
 */
import type { CoreParts } from '../assemble';
import { renderText } from '../channels/local/render-text';

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
    answer: renderText(result.reply, { buttons: false }),
    citations: result.reply.citations.map((c) => ({ law: c.law, article: c.article })),
    suggestions: result.suggestions,
  };
}
