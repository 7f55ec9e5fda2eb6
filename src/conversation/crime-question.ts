/**
 * Whether a turn asks if the collectors' conduct is a crime ("这算犯罪吗", "这算侮辱罪吗", "能让他们坐牢吗"), not
 * whether the user's own conduct is ("我这算犯罪吗": the jail guide's question). Cue words: knowledge/conversation/cues.yaml.
 */
import type { ConversationCues } from '../knowledge/conversation-cues';

type CrimeCues = Pick<ConversationCues, 'crime_question' | 'crime_self' | 'crime_them' | 'crime_punish' | 'crime_me'>;

/**
 * The collectors' conduct: a crime word with no word of the user's own, or the collectors named as who is punished
 * ("我能让他们坐牢吗", "他们会被判刑吗").
 */
export function asksCrime(text: string, cues: CrimeCues): boolean {
  const meToo = cues.crime_me.some((w) => text.includes(w));
  if (namesThem(text, cues) && !meToo && cues.crime_punish.some((w) => text.includes(w))) return true;
  return cues.crime_question.some((w) => text.includes(w)) && (namesThem(text, cues) || !cues.crime_self.some((w) => text.includes(w)));
}

/** "我这算犯罪吗": the user asks about their own conduct — the guides answer, not the collectors' conduct in focus. */
export function asksOwnCrime(text: string, cues: CrimeCues): boolean {
  return cues.crime_question.some((w) => text.includes(w)) && cues.crime_self.some((w) => text.includes(w)) && !namesThem(text, cues);
}

/** "我要让他们坐牢": the collectors are who would be punished, whoever else the question names. */
function namesThem(text: string, cues: CrimeCues): boolean {
  return cues.crime_them.some((w) => text.includes(w));
}
