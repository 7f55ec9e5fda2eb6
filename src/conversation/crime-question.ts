/**
 * Whether a turn asks if the collectors' conduct is a crime ("这算犯罪吗", "这算侮辱罪吗", "能让他们坐牢吗"), not
 * whether the user's own conduct is ("我这算犯罪吗": the jail guide's question). Cue words: knowledge/conversation/cues.yaml.
 */
import type { ConversationCues } from '../knowledge/conversation-cues';

export function asksCrime(text: string, cues: Pick<ConversationCues, 'crime_question' | 'crime_self'>): boolean {
  return cues.crime_question.some((w) => text.includes(w)) && !cues.crime_self.some((w) => text.includes(w));
}

/** "我这算犯罪吗": the user asks about their own conduct — the guides answer, not the collectors' conduct in focus. */
export function asksOwnCrime(text: string, cues: Pick<ConversationCues, 'crime_question' | 'crime_self'>): boolean {
  return cues.crime_question.some((w) => text.includes(w)) && cues.crime_self.some((w) => text.includes(w));
}
