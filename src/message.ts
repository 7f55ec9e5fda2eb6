import { createHmac, randomBytes } from 'node:crypto';
/**
 * The conversation core's vocabulary: what a channel hands in (InboundMessage) and what it gets back
 * (OutboundReply). Channels map their own updates into these and render replies out of them; nothing
 * here knows which channel a message came from beyond its name.
 */

/** Where a message came from, as far as the core needs to know (for keys, dedupe and rendering hints). */
export interface Origin {
  /** Channel name, e.g. "telegram", "cli", "web". Part of the user key. */
  channel: string;
  /** The user's id inside that channel. */
  userId: string;
  /** The channel's id of this message, used to process a redelivered message once. */
  messageId?: string;
  /** When the bot received it. */
  receivedAt: Date;
}

export type InboundMessage =
  | (Origin & { kind: 'text'; text: string })
  /** Text the user forwarded from someone else (a collector); `sentAt` is its original send time when known. */
  | (Origin & { kind: 'forwarded'; text: string; sentAt: Date | null; from?: string })
  | (Origin & { kind: 'image'; bytes: Buffer; mimeType: string; caption?: string; sentAt?: Date | null })
  /** A file that is not an image the bot can read (pdf, audio, …). */
  | (Origin & { kind: 'file'; fileName: string; mimeType: string; size: number })
  | (Origin & { kind: 'command'; name: string; args: string })
  /** A press on a button the bot offered; `id` is the button's short id. */
  | (Origin & { kind: 'button'; id: string });

export type InboundKind = InboundMessage['kind'];

/** A citation the reply rests on; only ever built from knowledge/ after verification. */
export interface Citation {
  law: string;
  article: string;
  /** 第五十条 etc., for display. */
  articleCn: string;
  title: string;
  /** VERIFIED-2+ | VERIFIED-1 | PARTIAL */
  confidence: string;
  /** Verbatim text (VERIFIED) or a summary (PARTIAL, never shown as a quote). */
  text: string;
  /** Version label of the law, e.g. "2025 年修订". */
  version: string;
  effectiveFrom: string;
}

/** A suggested next step, rendered as a button; `id` is short (≤ 64 bytes with any channel prefix). */
export interface Button {
  id: string;
  label: string;
}

export type BlockStyle = 'heading' | 'paragraph' | 'list' | 'quote' | 'warning';

/** One block of reply text; channels render the style their own way (HTML, plain, markdown). */
export interface TextBlock {
  style: BlockStyle;
  text: string;
  /** For 'list': the items. */
  items?: string[];
}

export type NoticeKind = 'crisis' | 'not_saved' | 'saved' | 'truncated' | 'llm_fallback' | 'info';

export interface Notice {
  kind: NoticeKind;
  text: string;
}

/**
 * What a reply is, for channels and the chat contract: an answer to the user's question, an analysis of a
 * collector's message or described conduct, care for a person at risk, a command's result, a request to confirm
 * something, a greeting, a clarifying question, or an error reply.
 */
export type ReplyKind = 'answer' | 'analysis' | 'crisis' | 'command' | 'confirmation' | 'greeting' | 'clarify' | 'error';

export interface OutboundReply {
  kind: ReplyKind;
  blocks: TextBlock[];
  citations: Citation[];
  buttons: Button[];
  notices: Notice[];
  /** How many evidence items this turn stored (0 when nothing was saved). */
  evidenceSaved: number;
  /** The analysis categories, for analysis replies. */
  categories?: string[];
  /** Pictures for channels that show them (the interest check's schedule chart); others use the text. */
  images?: Array<{ mimeType: string; bytes: Buffer; alt: string }>;
  /**
   * Files sent with the reply (the /export file): a document on Telegram, a download in the web chat; text
   * channels print a text file's content after the reply (not part of the chat --jsonl contract's fields).
   */
  files?: Array<{ name: string; mimeType: string; bytes: Buffer }>;
}

/** An empty reply of `kind` to build on. */
export function emptyReply(kind: ReplyKind = 'answer'): OutboundReply {
  return { kind, blocks: [], citations: [], buttons: [], notices: [], evidenceSaved: 0 };
}

/** The key under which one user's state lives: channel and user id together. */
export function userKeyOf(origin: Pick<Origin, 'channel' | 'userId'>): string {
  return `${origin.channel}:${origin.userId}`;
}

/** Used when no instance key is given: ids then stay stable only within one process. */
const PROCESS_LOG_KEY = randomBytes(32);

/**
 * A user's id in logs: an HMAC of the user key under `key` (logKeyOf the instance secret), never the raw channel
 * id and never an unkeyed hash — Telegram chat ids are few enough to hash them all, which recovered four ids of
 * five from a log in seconds. The same secret gives the same id across restarts and processes; without a key, a
 * random one per process is used.
 */
export function logIdOf(userKey: string, key: Buffer = PROCESS_LOG_KEY): string {
  return createHmac('sha256', key).update(userKey).digest('hex').slice(0, 12);
}

/** The key logIdOf takes, derived from the instance secret (ENCRYPTION_KEY or DATA_DIR/secret.key). */
export function logKeyOf(secret: Buffer): Buffer {
  return createHmac('sha256', secret).update('debtshield/log-ids').digest();
}
