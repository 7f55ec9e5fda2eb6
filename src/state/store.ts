/**
 * The ConversationStore port: what the conversation core needs from storage. Implementations: the embedded
 * file store (no Redis configured), Redis, and memory (tests). All of them keep content encrypted at rest
 * except memory.
 */

/** One turn of history. Text is kept so follow-ups make sense; it is encrypted at rest. */
export interface Turn {
  at: string;
  role: 'user' | 'bot';
  text: string;
}

/** What the bot is waiting for from this user, if anything. */
export interface Pending {
  kind: 'confirm_delete' | 'confirm_ocr' | 'ocr_correction' | 'loan_details';
  since: string;
  data?: Record<string, unknown>;
}

export interface LastAnalysis {
  at: string;
  categories: string[];
  lawful: boolean;
  sentAt: string | null;
  evidenceId?: string;
}

export interface UserState {
  version: 1;
  createdAt: string;
  updatedAt: string;
  history: Turn[];
  /** A short running summary of what came before the kept history. */
  summary: string;
  pending?: Pending;
  lastAnalysis?: LastAnalysis;
  /** The guide last answered from, for follow-ups such as "查看法条". */
  lastTopic?: string;
  /** Citations of the last answer (law + article), for the "查看法条" button. */
  lastCitations?: Array<{ law: string; article: string; at: string }>;
  prefs: Record<string, string>;
}

/** One item of evidence; append-only. */
export interface EvidenceItem {
  id: string;
  kind: 'message' | 'screenshot' | 'call';
  receivedAt: string;
  /** When the collector originally sent it, if known. */
  sentAt: string | null;
  text: string;
  /** For screenshots: SHA-256 of the image bytes. */
  imageSha256?: string;
  /** For calls: the number that called and a note of what was said. */
  from?: string;
  categories: string[];
  /** For screenshots: the text was typed by the user to correct what OCR read (not the text as read). */
  corrected?: boolean;
  /** SHA-256 of the content as kept (text + image hash), so the user can show it was not altered. */
  contentSha256: string;
}

export interface ConversationStore {
  /** The user's state, or null if none is kept (never created, expired or deleted). */
  read(userKey: string): Promise<UserState | null>;
  /**
   * Reads, applies `mutate` and writes back atomically for this user: two concurrent updates for one user both
   * land. Creates a fresh state when none exists.
   */
  update(userKey: string, mutate: (state: UserState) => void): Promise<UserState>;
  /** Appends one evidence item; evidence does not expire. */
  appendEvidence(userKey: string, item: EvidenceItem): Promise<void>;
  listEvidence(userKey: string): Promise<EvidenceItem[]>;
  /** Records that a channel message was processed; false if it already was (a redelivery). */
  markProcessed(userKey: string, messageId: string): Promise<boolean>;
  /** Removes everything kept about the user; returns how many records were removed. */
  deleteUser(userKey: string): Promise<number>;
  close(): Promise<void>;
}

/** A new, empty state. */
export function freshState(now: Date): UserState {
  const t = now.toISOString();
  return { version: 1, createdAt: t, updatedAt: t, history: [], summary: '', prefs: {} };
}

/**
 * The few logger methods the store uses; a pino Logger fits. Only counts, error codes and Redis's own error text
 * (as `reason`: the app logger redacts any `message` field) are logged, never user content.
 */
export interface StoreLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
