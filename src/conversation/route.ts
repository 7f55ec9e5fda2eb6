/**
 * Decides what a plain text message is: a collector's message to analyse, or the user's own question to
 * answer. Unlawful findings always win (the user pasted something that needs attention); otherwise a question
 * cue (吗, 能不能, ？ …, from knowledge/lexicon/routing.yaml) means a question.
 */
import type { Analysis } from '../analysis/findings';

export type Route = 'analyze' | 'answer';

/** Routes a text given the analyzer's verdict on it. */
export function routeText(text: string, analysis: Analysis, questionCues: readonly string[]): Route {
  if (analysis.findings.length > 0) return 'analyze';
  if (!analysis.looksLikeCollectorMessage) return 'answer';
  return isQuestion(text, questionCues) ? 'answer' : 'analyze';
}

/** True when the text carries a question cue. */
export function isQuestion(text: string, cues: readonly string[]): boolean {
  return cues.some((c) => text.includes(c));
}

/** True when the whole message (ignoring punctuation, emoji and spaces) is a greeting such as 你好 / 在吗. */
export function isGreeting(text: string, greetings: readonly string[]): boolean {
  const bare = text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return bare.length > 0 && greetings.includes(bare);
}
