/**
 * A WeChat or WeCom callback → what the bot acts on, in two steps like Telegram's adapter. `describeMessage`
 * reads the decrypted XML fields (pure): who wrote, the message's id for dedup, and what it carries — as plain
 * JSON, because it travels on the queue. `toInbound` runs in the worker and builds the core's InboundMessage,
 * downloading an image by its MediaId; a voice message without recognition text, a click on a text menu entry
 * or an unsupported kind gets a fixed reply instead.
 */
import type { InboundMessage, Origin } from '../../message';
import type { WechatTexts } from './texts';

/** What a callback carries (JSON-safe: it is a job's payload). */
export type WechatContent =
  | { type: 'text'; text: string }
  | { type: 'image'; mediaId: string }
  | { type: 'voice'; recognition?: string }
  /** A shared link or article: its title and description are the words to read. */
  | { type: 'link'; title: string; description: string; url: string }
  /** Subscribe (公众号) or entering the app (企业微信): the greeting with the privacy note. */
  | { type: 'greeting' }
  | { type: 'menu'; key: string }
  | { type: 'unsupported'; what: string };

export interface WechatMessage {
  /** The platform's MsgId, or for events one built from sender, time and event: the dedup key. */
  id: string;
  /** OpenID (公众号) or UserID (企业微信). */
  user: string;
  /** CreateTime, ms. */
  createdAt: number;
  content: WechatContent;
}

/** Events that are not acted on: VIEW (a link in the menu), LOCATION reports, unsubscribe, template results … */
const GREETING_EVENTS = new Set(['subscribe', 'enter_agent']);

/** Reads a decrypted callback. Returns null for callbacks the bot does not act on. */
export function describeMessage(f: Record<string, string>): WechatMessage | null {
  const user = f.FromUserName;
  if (!user || !/^[A-Za-z0-9_@.-]{1,128}$/.test(user)) return null;
  const created = Number(f.CreateTime);
  const createdAt = Number.isFinite(created) && created > 0 ? created * 1000 : Date.now();
  const type = (f.MsgType ?? '').toLowerCase();
  if (type === 'event') {
    const event = (f.Event ?? '').toLowerCase();
    const id = `e:${user}:${f.CreateTime ?? ''}:${event}:${f.EventKey ?? ''}`;
    if (GREETING_EVENTS.has(event)) return { id, user, createdAt, content: { type: 'greeting' } };
    if (event === 'click' && f.EventKey) return { id, user, createdAt, content: { type: 'menu', key: f.EventKey } };
    return null;
  }
  const id = f.MsgId ? `m:${f.MsgId}` : `m:${user}:${f.CreateTime ?? ''}:${type}`;
  switch (type) {
    case 'text':
      return { id, user, createdAt, content: { type: 'text', text: f.Content ?? '' } };
    case 'image':
      if (!f.MediaId) return { id, user, createdAt, content: { type: 'unsupported', what: 'image' } };
      return { id, user, createdAt, content: { type: 'image', mediaId: f.MediaId } };
    case 'voice': {
      const recognition = (f.Recognition ?? '').trim();
      return { id, user, createdAt, content: recognition ? { type: 'voice', recognition } : { type: 'voice' } };
    }
    case 'link':
      return { id, user, createdAt, content: { type: 'link', title: f.Title ?? '', description: f.Description ?? '', url: f.Url ?? '' } };
    default:
      return { id, user, createdAt, content: { type: 'unsupported', what: type || 'unknown' } };
  }
}

/** True for content that may be evidence (images, shared links): it is never refused by the rate limit. */
export function carriesEvidence(c: WechatContent): boolean {
  return c.type === 'image' || c.type === 'link';
}

/** A fixed reply instead of a turn. */
export type FixedReply = { reply: string };

export interface ToInboundDeps {
  channel: string;
  texts: WechatTexts;
  /** Downloads media by id; rejects with MediaTooLargeError past the byte limit. */
  download(mediaId: string): Promise<{ bytes: Buffer; mimeType: string }>;
  maxDownloadBytes: number;
}

/** Thrown by downloads that exceed the byte limit. */
export class MediaTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`media larger than ${limit} bytes`);
    this.name = 'MediaTooLargeError';
  }
}

/** Builds the core's message (downloading images), or a fixed reply. Download failures become fixed replies. */
export async function toInbound(msg: WechatMessage, deps: ToInboundDeps, receivedAt: Date): Promise<InboundMessage | FixedReply> {
  const o: Origin = { channel: deps.channel, userId: msg.user, receivedAt };
  const c = msg.content;
  switch (c.type) {
    case 'text': {
      const cmd = /^\/([A-Za-z_]{1,32})(?:\s+([\s\S]*))?$/.exec(c.text.trim());
      if (cmd) return { ...o, kind: 'command', name: cmd[1]!.toLowerCase(), args: (cmd[2] ?? '').trim() };
      return { ...o, kind: 'text', text: c.text };
    }
    case 'voice':
      return c.recognition ? { ...o, kind: 'text', text: c.recognition } : { reply: deps.texts.text('voice_unsupported') };
    case 'link': {
      const text = [c.title, c.description].map((s) => s.trim()).filter(Boolean).join('\n');
      return { ...o, kind: 'forwarded', text: c.url ? `${text}\n${c.url}`.trim() : text, sentAt: null };
    }
    case 'greeting':
      return { ...o, kind: 'command', name: 'start', args: '' };
    case 'menu': {
      const item = deps.texts.menuItem(c.key);
      if (item?.command) return { ...o, kind: 'command', name: item.command, args: '' };
      if (item?.reply) return { reply: deps.texts.text(item.reply) };
      return { ...o, kind: 'command', name: 'help', args: '' };
    }
    case 'unsupported':
      return { reply: deps.texts.text('unsupported_message') };
    case 'image':
      try {
        const { bytes, mimeType } = await deps.download(c.mediaId);
        return { ...o, kind: 'image', bytes, mimeType, sentAt: null };
      } catch (e) {
        const max = Math.floor(deps.maxDownloadBytes / 1_000_000);
        return { reply: deps.texts.text(e instanceof MediaTooLargeError ? 'image_too_large' : 'image_download_failed', { max }) };
      }
  }
}
