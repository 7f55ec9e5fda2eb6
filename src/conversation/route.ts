/**
 * Decides what a plain text message is: a collector's message to analyse, or the user's own question to
 * answer. Unlawful findings always win (the user pasted something that needs attention); otherwise a question
 * cue (吗, 能不能, ？ …, from knowledge/lexicon/routing.yaml) means a question.
 */
import type { Analysis } from '../analysis/findings';
import type { TurnUnderstander } from './understanding/types';

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

/**
 * The routing rules above as a TurnUnderstander: a collector's message when the analyzer finds something or it
 * reads like one without a question cue, a greeting, or the user's question. Used where no trained understander
 * is configured.
 */
export function baselineUnderstander(
  kit: { analyzer: { analyze(i: { text: string; sentAt: Date | null }): Analysis }; detectCrisis(text: string): boolean },
  cues: { questionCues: readonly string[]; greetings: readonly string[] },
): TurnUnderstander {
  return {
    understand(text) {
      const facts = { amounts: [], dates: [], contacted: [], conduct: [] };
      const crisis = kit.detectCrisis(text) ? 'risk' : 'none';
      if (isGreeting(text, cues.greetings)) return { speaker: 'user', speakerConfidence: 1, act: 'greeting', crisis, facts };
      const route = routeText(text, kit.analyzer.analyze({ text, sentAt: null }), cues.questionCues);
      return route === 'analyze'
        ? { speaker: 'collector', speakerConfidence: 0.9, act: 'paste', crisis, facts }
        : { speaker: 'user', speakerConfidence: 0.9, act: 'ask', crisis, facts };
    },
  };
}
