/**
 * Everything handleTurn needs, passed in explicitly by the composition root (src/main.ts, the CLI, tests).
 * Only interfaces: the core never learns which store, channel or model sits behind them.
 */
import type { AnalysisKit } from '../analysis/kit';
import type { OcrPort } from '../ocr/port';
import type { CoreLogger } from '../logger';
import type { Answerer } from '../answers/answer';
import type { ConversationStore } from '../state/store';
import type { Knowledge } from '../knowledge/knowledge';
import type { Replies } from '../replies';

export interface TurnDeps {
  store: ConversationStore;
  knowledge: Knowledge;
  analysis: AnalysisKit;
  answerer: Answerer;
  replies: Replies;
  logger: CoreLogger;
  ocr?: OcrPort;
  now: () => Date;
  limits: { maxMessageChars: number };
}
