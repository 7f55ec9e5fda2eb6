/** The OCR port: what the conversation needs from an engine that reads screenshots. */

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
  /**
   * Every bubble, top to bottom, from both sides: the other side's (left) and the user's own (right). Only the
   * 'collector' bubbles are in `text` and `messages`; the user's are context, never the collector's words.
   */
  bubbles?: OcrBubble[];
}

/** One bubble of a chat screenshot. */
export interface OcrBubble {
  /** 'collector': the other side (left bubble); 'user': the person who sent the screenshot (right bubble). */
  side: 'collector' | 'user';
  text: string;
  /** When it was sent, ISO-8601 UTC, from the time separator above it or its own time; absent when none shows. */
  time?: string;
  /** The time as printed ("昨天 23:40"). */
  timeLabel?: string;
  /** OCR confidence of the text, 0–1. */
  confidence: number;
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
