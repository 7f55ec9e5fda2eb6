/**
 * Everything handleTurn needs, passed in explicitly by the composition root (src/main.ts, the CLI, tests).
 * Only interfaces: the core never learns which store, channel or model sits behind them.
 */
import type { AnalysisKit } from '../analysis/kit';
import type { OcrPort } from '../ocr/port';
import type { CoreLogger } from '../logger';
import type { Answerer } from '../answers/answer';
import type { AnalysisFocus, ConversationStore } from '../state/store';
import type { Knowledge } from '../knowledge/knowledge';
import type { OutboundReply } from '../message';
import type { Replies } from '../replies';
import type { InterestKit } from '../interest/interest-kit';
import type { ConversationCues } from '../knowledge/conversation-cues';
import type { ProvisionMention, TurnUnderstander } from './understanding/types';

/**
 * Answers to follow-ups about the collector's message (or described conduct) in focus: are its claims true,
 * what to do, what a provision means, can it be reported. Each returns a short reply for the focus's date.
 */
export interface FollowUpAnswers {
  /** `question`: the user's words, so the claim they ask about is answered first. */
  verifyClaims(focus: AnalysisFocus, now: Date, question?: string): OutboundReply;
  /** The claims of the focus, most serious first (those `question` names first): name, verdict and first sentence. */
  claims?(focus: AnalysisFocus, question?: string): Array<{ name: string; verdict: string; answer: string; real: string; check: string; ofKind?: boolean; onScreen?: boolean }>;
  /** `done`: step ids the user already took ('evidence' after "截图了 然后呢"), left out. */
  whatToDo(focus: AnalysisFocus, now: Date, done?: readonly string[]): OutboundReply;
  explainProvision(mention: ProvisionMention, focus: AnalysisFocus | undefined, now: Date): OutboundReply;
  canReport(focus: AnalysisFocus, now: Date): OutboundReply;
  /** "这算犯罪吗": which crime the conduct could be, under which condition (optional: absent, the turn reads as usual). */
  crime?(focus: AnalysisFocus, now: Date, question?: string): OutboundReply;
  /** "要不要打那个电话": how to check the number the focus left; undefined when `question` asks nothing of it (optional). */
  callBack?(focus: AnalysisFocus, now: Date, question: string): OutboundReply | undefined;
  /** Whether `question` asks about a claim the focus makes ("会坐牢吗" after a message saying 拘传) (optional). */
  namesClaim?(focus: AnalysisFocus, question: string): boolean;
  /** Whether some conduct of the focus can be reported to the police as described. */
  reportable?(focus: AnalysisFocus): boolean;
}

export interface TurnDeps {
  store: ConversationStore;
  knowledge: Knowledge;
  analysis: AnalysisKit;
  answerer: Answerer;
  /** The conversation's own cue words (typed button numbers, typed answers, a short yes). */
  cues: ConversationCues;
  /** Reads each text turn: who speaks, what they do, crisis, facts. */
  understander: TurnUnderstander;
  /** The interest check (loan numbers → the real rate and the law); without it loan questions go to the answerer. */
  interest?: InterestKit;
  /** Follow-ups about the message in focus; without them a follow-up is answered as a question. */
  followUps?: FollowUpAnswers;
  replies: Replies;
  logger: CoreLogger;
  ocr?: OcrPort;
  now: () => Date;
  limits: { maxMessageChars: number };
  /** The key user ids in logs are hashed under (logKeyOf the instance secret); default a random one per process. */
  logKey?: Buffer;
}
