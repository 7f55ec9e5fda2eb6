/**
 * What a follow-up leans on: the collector's message (or the conduct the user described) the conversation is
 * about. The same shape as the dialogue state's AnalysisFocus, declared here because answers/ does not import the
 * conversation or the store; the conversation passes its focus as is.
 */

export interface FollowUpFocus {
  /** When the message was sent or the conduct happened (ISO-8601); provisions are cited as in force then. */
  at: string;
  source: string;
  lawful: boolean;
  categories: string[];
  /** Each finding's category and the words that triggered it. */
  findings: Array<{ category: string; evidence: string }>;
  citations: Array<{ law: string; article: string }>;
  /** The start of the collector's text, or of the user's description. */
  excerpt: string;
}

/** The day provisions are cited for: the focus's own time when it parses, else `now`. */
export function focusDate(focus: Pick<FollowUpFocus, 'at'> | undefined, now: Date): Date {
  const t = focus ? Date.parse(focus.at) : NaN;
  return Number.isFinite(t) ? new Date(t) : now;
}

/** The focus's words to look for cues in: its excerpt and the triggering words, without spaces. */
export function focusWords(focus: FollowUpFocus): string {
  return [focus.excerpt, ...focus.findings.map((f) => f.evidence)].join('\n').replace(/[ \t\u3000]+/g, '').toLowerCase();
}

/** True when `cue` occurs in `text` without a negation cue in the `window` characters before it. */
export function hasCue(text: string, cue: string, negation: readonly string[], window: number): boolean {
  for (let i = text.indexOf(cue); i >= 0; i = text.indexOf(cue, i + 1)) {
    const before = text.slice(Math.max(0, i - window), i);
    if (!negation.some((n) => before.includes(n))) return true;
  }
  return false;
}
