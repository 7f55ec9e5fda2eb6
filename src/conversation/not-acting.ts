/**
 * "那我不理呢" / "要是我啥也不干呢" / "判了我还是没钱还呢": what happens if the user does nothing, asked as a follow-up.
 * Such a turn names no topic but a way of not acting, so retrieval alone answers it from whatever shares "不理" or
 * "没钱" (a credit-report objection, a payment order's "only saying I have no money" objection) or from nothing. It is
 * about the process the conversation is in: a lawsuit goes on without the user (缺席判决), a payment order becomes
 * enforceable, a judgment is enforced (and inability to pay is no crime), collection in general goes on to a suit.
 * The words, the processes and their leads are data (knowledge/conversation/cues.yaml not_acting); the answer is the
 * process's guide entry, opened by a lead that repeats the user's own terms.
 */
import type { OutboundReply } from '../message';
import type { UserState } from '../state/store';
import type { TurnUnderstanding } from './understanding/types';
import type { TurnContext } from './turn-context';
import type { ConversationCues } from '../knowledge/conversation-cues';
import { simplified } from '../analysis/normalize';
import { analysisInFocus } from './focus-topic';
import { answerReply } from './question';
import { charsBeside } from './without-words';

type NotActing = NonNullable<ConversationCues['not_acting']>;
/** Words in Latin letters (a mixed-language turn's English part). */
const LATIN_WORDS = /[A-Za-z][A-Za-z']*/g;
type Process = NotActing['processes'][number];

/**
 * The consequence of not acting, against the process in focus; undefined when the turn is not such a follow-up
 * (it says something besides not acting and asking what then, names conduct, or nothing is in focus: no message,
 * answer or loan talked about).
 */
export function consequenceOfNotActing(text: string, u: TurnUnderstanding, state: UserState | null, turn: TurnContext): OutboundReply | undefined {
  const { deps } = turn;
  const cues = deps.cues.not_acting;
  if (!cues || !deps.answerer.answerGuide || u.speaker !== 'user' || u.facts.conduct.length > 0) return undefined;
  const t = simplified(text);
  const lastQuestion = state?.focus?.answer?.question ?? '';
  const act = cues.acts.find((a) => a.words.some((w) => t.includes(w)) && !(a.unless ?? []).some((w) => t.includes(w) || lastQuestion.includes(w)));
  if (!act || !cues.asks.some((w) => t.includes(w))) return undefined;
  const named = cues.processes.find((p) => p.words.some((w) => t.includes(w)));
  // English beside the Chinese ("what if I ignore it 就不管他了行吗") says it again; the Chinese words decide.
  const chinese = t.replace(LATIN_WORDS, ' ');
  if (charsBeside(chinese, [...cues.acts.flatMap((a) => a.words), ...cues.asks, ...cues.fillers, ...(named?.words ?? [])]) > cues.max_rest) return undefined;
  const focused = named ?? processInFocus(state, cues);
  // A loan just computed sets no focus (loan-facts), but the conversation is about that debt: collection in general.
  if (!focused && !state?.focus && !state?.lastTopic && !state?.loan) return undefined;
  const { guide, entry, lead } = focused ?? cues.general;
  const result = deps.answerer.answerGuide(guide, { at: deps.now() }, entry);
  if (result.outOfScope || !result.reply.blocks[0]) return undefined;
  result.reply.blocks[0] = { ...result.reply.blocks[0], text: lead.split('{act}').join(act.say) };
  turn.remember(text);
  return answerReply(result, text, turn);
}

/**
 * The process the conversation is in: the lawful notice in focus (its words) or the last answer's guide, whichever
 * came last. An unlawful message in focus is no process (a fake summons starts no lawsuit).
 */
function processInFocus(state: UserState | null, cues: NotActing): Process | undefined {
  const analysis = analysisInFocus(state);
  const fromNotice = analysis?.lawful ? cues.processes.find((p) => p.words.some((w) => analysis.excerpt.includes(w))) : undefined;
  const guideId = state?.focus?.answer?.guideId ?? state?.lastTopic;
  const entry = `${guideId}#${state?.focus?.answer?.entryId ?? ''}`;
  const fromAnswer = guideId ? cues.processes.find((p) => p.guides.includes(entry)) ?? cues.processes.find((p) => p.guides.includes(guideId)) : undefined;
  return state?.focus?.kind === 'analysis' ? fromNotice ?? fromAnswer : fromAnswer ?? fromNotice;
}
