/**
 * What a turn says besides listed words: the words taken out longest first (so "不理它" goes before "不理"), each
 * leaving `gap` in its place. Follow-up readers use it to see whether a turn says only filler and a cue.
 */
export function withoutWords(text: string, words: readonly string[], gap = ' '): string {
  return [...words].sort((a, b) => b.length - a.length).reduce((t, w) => t.split(w).join(gap), text);
}

/** How many characters `text` has besides `words`, spaces, punctuation and symbols. */
export function charsBeside(text: string, words: readonly string[]): number {
  return [...withoutWords(text, words, '').replace(/[\s\p{P}\p{S}]/gu, '')].length;
}
