/**
 * Everything handleTurn needs, passed in explicitly by the composition root (src/main.ts, the CLI, tests).
 * Only interfaces: the core never learns which store, channel or model sits behind them.
 */
import type { Analyzer, CategoryId, NextStep } from './findings';
import type { Answerer } from './answer';
import type { DescribeCategory, SecondOpinion, SecondOpinionSync } from './second-opinion';
import type { ConversationStore } from '../state/store';
import type { Knowledge } from '../knowledge/knowledge';
import type { Replies } from '../replies';

/** The analyzer and what goes with its findings (crisis check, next steps, reply templates, labels). */
export interface AnalysisKit {
  analyzer: Analyzer;
  /** True when the USER (not a collector) expresses wanting to die or hurt themselves. */
  detectCrisis(text: string): boolean;
  nextSteps(categories: CategoryId[]): NextStep[];
  /** A short, firm, lawful message the user can send back. */
  replyTemplate(categories: CategoryId[]): string;
  categoryLabel(id: CategoryId): string;
  /** Explanation and provisions of a category, for findings the second opinion adds. */
  describe: DescribeCategory;
  /**
   * The offline statistical pass (knowledge/analysis/ngram-model.json, when present): after the rules and before
   * the LLM, it may add a category the rules missed, with a clause of the message as evidence.
   */
  statistical?: SecondOpinionSync;
  /** An LLM reviewer that may add categories it can back with words from the message (when configured). */
  secondOpinion?: SecondOpinion;
}

/** Reads text from an image; absent until an OCR engine is configured. */
export interface OcrPort {
  read(image: Buffer, mimeType: string): Promise<OcrResult>;
  /** Stops the engine's worker or child processes. */
  close?(): Promise<void>;
}

export interface OcrResult {
  text: string;
  engine: string;
  /** The sender shown in the screenshot (number or name), when found. */
  sender?: string | null;
  /** When the (last) message in the screenshot was sent, when a timestamp was found. */
  sentAt?: Date | null;
  /** Every kept line in reading order: the sender, timestamp labels and message lines (chrome dropped). */
  lines?: OcrLine[];
  /** The message bubbles, each with the timestamp shown above it (so each can be judged at its own time). */
  messages?: OcrMessage[];
  /** Every timestamp label read, resolved in China time against the reading time, in reading order. */
  timestamps?: Array<{ raw: string; at: string }>;
  /** Wall time of the read in milliseconds. */
  ms?: number;
}

/** One kept line of a screenshot. */
export interface OcrLine {
  text: string;
  kind: 'sender' | 'timestamp' | 'message';
}

/** One message bubble of a screenshot and the timestamp label above it, when there was one. */
export interface OcrMessage {
  text: string;
  /** The label as read, e.g. "昨天 23:40". */
  timestamp?: string;
  /** That label resolved, ISO-8601 UTC. */
  sentAt?: string;
}

/** The slice of a logger the core uses (pino's child loggers satisfy it). */
export interface CoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): CoreLogger;
}

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
