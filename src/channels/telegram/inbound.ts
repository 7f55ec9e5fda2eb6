/**
 * Telegram update → InboundMessage, in two steps: `describeUpdate` reads the update (pure, no I/O) and says
 * which chat it came from and what it carries; `toInbound` fetches what must be fetched (image bytes) and builds
 * the core's message. Forwarded messages keep their original send time (forward_origin.date, or the legacy
 * forward_date) — the time the collector sent it is what matters for the off-hours rules and as evidence.
 */
import type { InboundMessage, Origin } from '../../message';

/** The fields of a Telegram user or chat this adapter reads. */
interface TgUser {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  title?: string;
}

interface TgChat extends TgUser {
  type: string;
}

interface TgOrigin {
  type: string;
  date: number;
  sender_user?: TgUser;
  sender_user_name?: string;
  sender_chat?: TgChat;
  chat?: TgChat;
}

interface TgFile {
  file_id: string;
  file_size?: number;
  mime_type?: string;
  file_name?: string;
}

interface TgPhotoSize extends TgFile {
  width: number;
  height: number;
}

interface TgMessage {
  message_id: number;
  date: number;
  chat: TgChat;
  from?: TgUser;
  text?: string;
  caption?: string;
  forward_origin?: TgOrigin;
  /** Before Bot API 7.0. */
  forward_date?: number;
  forward_from?: TgUser;
  forward_from_chat?: TgChat;
  forward_sender_name?: string;
  photo?: TgPhotoSize[];
  document?: TgFile;
  voice?: TgFile;
  audio?: TgFile;
  video?: TgFile;
  video_note?: TgFile;
  animation?: TgFile;
}

interface TgCallbackQuery {
  id: string;
  from: TgUser;
  data?: string;
  message?: { message_id: number; chat: TgChat };
}

/** The slice of a Telegram Update this adapter understands. */
export interface TgUpdate {
  update_id: number;
  message?: TgMessage;
  callback_query?: TgCallbackQuery;
}

/** What an update carries, before any download. */
export type UpdateContent =
  | { type: 'text'; text: string }
  | { type: 'forwarded'; text: string; sentAt: Date | null; from?: string }
  | { type: 'command'; name: string; args: string }
  | { type: 'button'; data: string }
  | { type: 'image'; fileId: string; size?: number; mimeType: string; caption?: string; sentAt?: Date | null }
  | { type: 'file'; fileName: string; mimeType: string; size: number };

/** An update the bot should act on: where it came from and what it carries. */
export interface UpdateEnvelope {
  updateId: number;
  chatId: number;
  /** private, group, supergroup. */
  chatType: string;
  /** Set for button presses: the query to answer. */
  callbackQueryId?: string;
  origin: Origin;
  content: UpdateContent;
}

/** What describeUpdate needs to know besides the update. */
export interface DescribeOptions {
  /** The bot's username, so "/start@OtherBot" in a group is left to the other bot. */
  botUsername?: string;
  /** The largest file the bot will download; the largest photo size within it is chosen. */
  maxDownloadBytes: number;
  now?: Date;
}

/**
 * Reads an update. Returns null for updates the bot does not act on (edits, channel posts, service messages
 * without a sender, commands addressed to another bot).
 */
export function describeUpdate(update: TgUpdate, opts: DescribeOptions): UpdateEnvelope | null {
  const receivedAt = opts.now ?? new Date();
  const cq = update.callback_query;
  if (cq) {
    const chat = cq.message?.chat;
    return {
      updateId: update.update_id,
      chatId: chat?.id ?? cq.from.id,
      chatType: chat?.type ?? 'private',
      callbackQueryId: cq.id,
      origin: { channel: 'telegram', userId: String(cq.from.id), messageId: `cb:${cq.id}`, receivedAt },
      content: { type: 'button', data: cq.data ?? '' },
    };
  }
  const m = update.message;
  if (!m?.from) return null;
  const content = describeMessage(m, opts);
  if (!content) return null;
  return {
    updateId: update.update_id,
    chatId: m.chat.id,
    chatType: m.chat.type,
    origin: { channel: 'telegram', userId: String(m.from.id), messageId: `${m.chat.id}:${m.message_id}`, receivedAt },
    content,
  };
}

function describeMessage(m: TgMessage, opts: DescribeOptions): UpdateContent | null {
  const forwarded = forwardInfo(m);
  if (m.photo && m.photo.length > 0) {
    const photo = pickPhoto(m.photo, opts.maxDownloadBytes);
    return { type: 'image', fileId: photo.file_id, size: photo.file_size, mimeType: 'image/jpeg', caption: m.caption, sentAt: forwarded?.sentAt };
  }
  if (m.document) {
    const d = m.document;
    const mimeType = d.mime_type ?? 'application/octet-stream';
    if (mimeType.startsWith('image/')) {
      return { type: 'image', fileId: d.file_id, size: d.file_size, mimeType, caption: m.caption, sentAt: forwarded?.sentAt };
    }
    return { type: 'file', fileName: d.file_name ?? '', mimeType, size: d.file_size ?? 0 };
  }
  const media = m.voice ?? m.audio ?? m.video ?? m.video_note ?? m.animation;
  if (media) return { type: 'file', fileName: media.file_name ?? '', mimeType: media.mime_type ?? 'application/octet-stream', size: media.file_size ?? 0 };

  const text = m.text ?? m.caption ?? '';
  if (forwarded) return { type: 'forwarded', text, sentAt: forwarded.sentAt, from: forwarded.from };
  const cmd = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (cmd) {
    const [, name, target, args] = cmd;
    if (target && opts.botUsername && target.toLowerCase() !== opts.botUsername.toLowerCase()) return null;
    return { type: 'command', name: name!.toLowerCase(), args: (args ?? '').trim() };
  }
  // Stickers, locations, contacts … arrive as empty text: the core then says what it can read.
  return { type: 'text', text };
}

/** The original send time and sender of a forwarded message, or undefined if it was not forwarded. */
function forwardInfo(m: TgMessage): { sentAt: Date | null; from?: string } | undefined {
  const o = m.forward_origin;
  if (o) {
    const from =
      o.type === 'user' ? nameOf(o.sender_user) : o.type === 'hidden_user' ? o.sender_user_name : nameOf(o.sender_chat ?? o.chat);
    return { sentAt: fromUnix(o.date), from: from || undefined };
  }
  if (m.forward_date !== undefined) {
    const from = nameOf(m.forward_from) || m.forward_sender_name || nameOf(m.forward_from_chat);
    return { sentAt: fromUnix(m.forward_date), from: from || undefined };
  }
  return undefined;
}

function fromUnix(seconds: number | undefined): Date | null {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : null;
}

function nameOf(u: TgUser | undefined): string {
  if (!u) return '';
  return u.title ?? ([u.first_name, u.last_name].filter(Boolean).join(' ') || (u.username ? `@${u.username}` : ''));
}

/** The largest photo size that can be downloaded (or the smallest, if none can: the caller then refuses it). */
function pickPhoto(sizes: TgPhotoSize[], maxBytes: number): TgPhotoSize {
  const bySize = [...sizes].sort((a, b) => a.width * a.height - b.width * b.height);
  const fitting = bySize.filter((p) => p.file_size === undefined || p.file_size <= maxBytes);
  return fitting[fitting.length - 1] ?? bySize[0]!;
}

/** Why an update could not become an InboundMessage. */
export type InboundProblem = { problem: 'image_too_large' } | { problem: 'image_download_failed'; error: unknown };

export interface ToInboundDeps {
  /** Downloads a file by id; rejects with FileTooLargeError past the byte limit. */
  download(fileId: string): Promise<Buffer>;
  /** The button id behind callback_data (undefined for a stand-in this process no longer knows). */
  decodeButton(data: string): string | undefined;
  maxDownloadBytes: number;
}

/** Thrown by downloads that exceed the byte limit. */
export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`file larger than ${limit} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** Builds the core's message, downloading images; a download problem is returned, not thrown. */
export async function toInbound(env: UpdateEnvelope, deps: ToInboundDeps): Promise<InboundMessage | InboundProblem> {
  const o = env.origin;
  const c = env.content;
  switch (c.type) {
    case 'text':
      return { ...o, kind: 'text', text: c.text };
    case 'forwarded':
      return { ...o, kind: 'forwarded', text: c.text, sentAt: c.sentAt, from: c.from };
    case 'command':
      return { ...o, kind: 'command', name: c.name, args: c.args };
    case 'button':
      return { ...o, kind: 'button', id: deps.decodeButton(c.data) ?? '' };
    case 'file':
      return { ...o, kind: 'file', fileName: c.fileName, mimeType: c.mimeType, size: c.size };
    case 'image': {
      if (c.size !== undefined && c.size > deps.maxDownloadBytes) return { problem: 'image_too_large' };
      try {
        const bytes = await deps.download(c.fileId);
        return { ...o, kind: 'image', bytes, mimeType: c.mimeType, caption: c.caption, sentAt: c.sentAt ?? null };
      } catch (e) {
        if (e instanceof FileTooLargeError) return { problem: 'image_too_large' };
        return { problem: 'image_download_failed', error: e };
      }
    }
  }
}
