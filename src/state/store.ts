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

/**
 * What the bot is waiting for from this user, if anything: a delete confirmation, a screenshot's confirmation or
 * correction, a missing loan number, whether a pasted text came from a collector (`confirm_speaker`), whether to
 * keep described conduct as an evidence note (`confirm_note`).
 */
export interface Pending {
  kind: 'confirm_delete' | 'confirm_ocr' | 'ocr_correction' | 'loan_details' | 'confirm_speaker' | 'confirm_note';
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

/** The collector's message (or the conduct the user described) the conversation is about. */
export interface AnalysisFocus {
  /** When the message was sent, or when the conduct was reported / the message received if unknown. */
  at: string;
  source: 'message' | 'screenshot' | 'call' | 'conduct';
  lawful: boolean;
  categories: string[];
  /** Each finding's category and the words that triggered it (short). */
  findings: Array<{ category: string; evidence: string }>;
  citations: Array<{ law: string; article: string }>;
  /** The start of the collector's text (or the user's description), for follow-ups about its claims. */
  excerpt: string;
  evidenceId?: string;
  /** Answers given since this message was in focus: after a few, follow-ups no longer lean on it. */
  answersSince?: number;
}

/** The question the conversation last answered. */
export interface AnswerFocus {
  at: string;
  guideId?: string;
  entryId?: string;
  /** The question as asked (short). */
  question: string;
}

/** Loan numbers gathered over the conversation (for the interest check). */
export interface LoanFacts {
  principal?: number;
  received?: number;
  payment?: number;
  total?: number;
  fees?: number;
  term?: { count: number; unit: 'month' | 'day' | 'week' | 'period' };
  contractDate?: string;
  lender?: { name?: string; type: 'licensed' | 'unlicensed' | 'unknown' };
  // How the loan is repaid when the borrower gave a rate, a schedule or per-instalment fees (see src/interest).
  rate?: { percent: number; per: 'day' | 'month' | 'year' | 'unknown' };
  repayment?: 'bullet' | 'equal_instalments' | 'equal_principal' | 'interest_only' | 'flat';
  interest?: { amount: number; each: boolean };
  feePerPayment?: number;
  periodDays?: number;
  payments?: Array<{ month?: number; day?: number; amount: number }>;
  principalPerPeriod?: number;
  feeWithLast?: number;
  /** A fee paid together with the first instalment. */
  feeWithFirst?: number;
  /** Fees added to some instalments only (from, to: instalment numbers from 1). */
  feesOnPeriods?: Array<{ amount: number; from: number; to?: number }>;
  /** The amounts lent when the user told of several loans (asked which one, by amount). */
  loans?: number[];
  unstated?: 'principal' | 'received' | 'payment' | 'term' | 'rate_unit';
}

/** Crisis mode: once risk is expressed, the next replies open with care until it ends. */
export interface CrisisMode {
  level: 'risk' | 'acute';
  since: string;
  /** Further replies that stay in crisis mode (at least three after the signal), unless the user says they are safe. */
  turnsLeft: number;
  /** The person said they had already hurt themselves (cut, bleeding, pills taken): care says to see to the wound. */
  hurt?: boolean;
  /** Someone else is at risk (a son's message that he wants to die): the care is for the family, and urgent. */
  others?: boolean;
  /** An act already done (pills taken, a cut): the care turns keep asking whether 120 was called. */
  done?: string;
  /** A dangerous place was named (a bridge, a rooftop): the care turns ask whether they have left it. */
  place?: boolean;
  /** Care replies given since the signal (renewals included): the words of care change turn by turn. */
  said?: number;
  /** They said they are fine ("我没事") without saying safe outright: care goes on, but an answer is no longer opened
   * by asking whether they are safe — one short check-in follows it instead. */
  unsure?: boolean;
}

/** The buttons of the last reply: a button is valid only for the reply that offered it. */
export interface OfferedButtons {
  at: string;
  buttons: Array<{ id: string; label: string }>;
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
  /** Which reply the conversation is about now: the last analysis, the last answer, or both. */
  focus?: { kind: 'analysis' | 'answer'; analysis?: AnalysisFocus; answer?: AnswerFocus };
  loan?: LoanFacts;
  crisis?: CrisisMode;
  /** Safety was said before care ran its turns: the replies left of those turns still end with one line giving 12356. */
  lineKept?: number;
  offered?: OfferedButtons;
  /** Fingerprints of the debt lines that closed replies in this dialogue (closing-line.ts): said again, in other words. */
  closingsSaid?: string[];
  /** When the last turn happened, by the conversation's clock (a scripted chat's `at`), not the store's. */
  lastTurnAt?: string;
  /**
   * The items the last reply listed (its bullets, shortened; or its paragraphs when it listed none): what "那第二个呢" /
   * "第三点是什么意思" / "你第二条说的…" point at.
   */
  listed?: { items: string[]; kind: 'list' | 'paragraphs' };
  /**
   * Facts the user told once that change later answers (knowledge/conversation/dialogue-memory.yaml remembered_facts:
   * "还没结婚", "12368查了确实有"), by id, with when they were told; and the lender a collector's message named
   * ("【XX消费金融】…"), for a later question about that loan's interest; and when the loan was made, told before
   * any of its numbers ("我是2024年3月借的"), for the cap on its interest (4 × the LPR of that day).
   */
  remembered?: { facts: Array<{ id: string; at: string }>; lender?: NonNullable<LoanFacts['lender']>; contractDate?: string };
  prefs: Record<string, string>;
}

/**
 * One item of evidence; append-only, except that appending the same content again (same `contentSha256`) counts
 * it on the item already kept instead of storing a copy.
 */
export interface EvidenceItem {
  id: string;
  /** `note`: conduct the user described and explicitly asked to keep (their account, not a collector's words). */
  kind: 'message' | 'screenshot' | 'call' | 'note';
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
  /**
   * How many times this content was appended; absent means 1 (items seen once, and every item kept before
   * counting existed, carry neither this nor lastSeenAt). Set by the store: ignored on appendEvidence.
   */
  count?: number;
  /** ISO-8601: the latest receivedAt among the repeats (present once count > 1). Set by the store. */
  lastSeenAt?: string;
}

/** What appendEvidence did with an item. */
export interface AppendResult {
  /** The id the content is kept under: the new item's, or for a duplicate the id of the item kept before. */
  id: string;
  /** The same content was already kept for this user: nothing new was stored, its count went up. */
  duplicate: boolean;
  /** How many times the content has now been appended (1 for a new item). */
  count: number;
  /**
   * The store could not write the item now (Redis unreachable, a transient disk error) and its retry queue
   * accepted it: it is kept (on disk, so a restart does not lose it) and written, deduplicated then, when the
   * store is back. A retry is promised only then; when none can be promised, appendEvidence rejects instead.
   * duplicate is false and count 1 as far as is known.
   */
  queued?: boolean;
}

/**
 * The user's evidence. `unreadable`: records that exist but could not be read (a broken disk write of an earlier
 * version, a wrong key); they are skipped, never failing the list, and counted here so the user can be told.
 */
export type EvidenceList = EvidenceItem[] & { unreadable?: number };

export interface ConversationStore {
  /** The user's state, or null if none is kept (never created, expired or deleted). */
  read(userKey: string): Promise<UserState | null>;
  /**
   * Reads, applies `mutate` and writes back atomically for this user: two concurrent updates for one user both
   * land. Creates a fresh state when none exists.
   */
  update(userKey: string, mutate: (state: UserState) => void): Promise<UserState>;
  /**
   * Appends one evidence item; evidence does not expire. Content already kept for this user (same
   * contentSha256) is stored once: the existing item's count goes up and its lastSeenAt moves to the new item's
   * receivedAt, atomically per user (concurrent appends of one content leave one item with their total count).
   * Resolves `queued: true` when a retry is promised (see AppendResult). Rejects — nothing kept, no retry — with
   * AppError EVIDENCE_LIMIT when new content would pass the user's cap, or STORE_UNAVAILABLE when the store
   * cannot take the item and its retry queue cannot either (full, the user's share used, no journal space).
   */
  appendEvidence(userKey: string, item: EvidenceItem): Promise<AppendResult>;
  /** The user's evidence in the order first received, each with its count and lastSeenAt when seen more than once. */
  listEvidence(userKey: string): Promise<EvidenceList>;
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

/** The default StoreLogger: warnings and errors to stderr as JSON lines, info dropped. */
export const stderrStoreLogger: StoreLogger = {
  info: () => undefined,
  warn: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'warn', msg, ...obj })}\n`),
  error: (obj, msg) => process.stderr.write(`${JSON.stringify({ level: 'error', msg, ...obj })}\n`),
};
