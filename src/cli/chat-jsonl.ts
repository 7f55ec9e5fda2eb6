/**
 * `debtshield chat --jsonl`: the scripted chat contract, how conversations are measured on held-out dialogues.
 * One event per line in ({"user","text"} typed, {"user","forward":{"text","sent_at"}} forwarded, {"user","button"}
 * pressed, {"user","image":"path"} sent; "at" optional), exactly one reply line out per event, in order. State
 * carries across lines per user on the configured store; users may interleave. The core is loaded once.
 */
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { handleTurn } from '../conversation/conversation';
import type { TurnDeps } from '../conversation/deps';
import type { InboundMessage, OutboundReply } from '../message';
import { renderText } from '../channels/local/render-text';
import { detectImageFormat } from '../ocr/image-probe';
import type { Replies } from '../replies';
import { streamJsonl } from './jsonl';
import { maxLineBytesFor } from '../channels/local/read-lines';

/** One reply line of the contract. */
export interface ChatLine {
  user: string | null;
  text: string;
  buttons: Array<{ id: string; label: string }>;
  citations: Array<{ law: string; article: string }>;
  kind: OutboundReply['kind'];
  evidence_saved: number;
  categories?: string[];
}

/** Runs the contract over `input`; `deps.now` is driven by each event's `at` (default: the wall clock). */
export async function runChatJsonl(deps: TurnDeps, texts: Replies, input: Readable, output: Writable): Promise<number> {
  let clock: Date | undefined;
  const timed: TurnDeps = { ...deps, now: () => clock ?? new Date() };
  const empty: Omit<ChatLine, 'user' | 'text'> = { buttons: [], citations: [], kind: 'error', evidence_saved: 0 };
  return streamJsonl(
    input,
    output,
    async (o) => {
      const user = typeof o.user === 'string' || typeof o.user === 'number' ? String(o.user) : undefined;
      if (!user) return errorLine(null, texts.text('chat_need_user'));
      const at = parseAt(o.at);
      if (at === null) return errorLine(user, texts.text('chat_bad_time', { field: 'at' }));
      clock = at ?? new Date();
      const inbound = await toInbound(o, user, clock, texts);
      if (typeof inbound === 'string') return errorLine(user, inbound);
      return toLine(user, await handleTurn(inbound, timed));
    },
    { user: null, text: texts.text('chat_bad_line'), ...empty },
    { invalidJson: texts.text('jsonl_invalid_json'), notObject: texts.text('jsonl_not_object'), lineTooLong: texts.text('jsonl_line_too_long', { max: deps.limits.maxMessageChars }) },
    maxLineBytesFor(deps.limits.maxMessageChars),
    // The chat contract's lines have one shape: an error is a reply line of kind "error" with the reason as text.
    (message) => errorLine(null, message),
  );
}

/** The contract's reply line for a reply. */
export function toLine(user: string, reply: OutboundReply): ChatLine {
  return {
    user,
    text: renderText(reply, { buttons: false }),
    buttons: reply.buttons.map((b) => ({ id: b.id, label: b.label })),
    citations: reply.citations.map((c) => ({ law: c.law, article: c.article })),
    kind: reply.kind,
    evidence_saved: reply.evidenceSaved,
    ...(reply.kind === 'analysis' ? { categories: reply.categories ?? [] } : {}),
  };
}

function errorLine(user: string | null, text: string): ChatLine {
  return { user, text, buttons: [], citations: [], kind: 'error', evidence_saved: 0 };
}

/** Maps one event to an inbound message, or to the Chinese reason it cannot be. */
async function toInbound(o: Record<string, unknown>, user: string, at: Date, texts: Replies): Promise<InboundMessage | string> {
  const base = { channel: 'cli', userId: user, receivedAt: at };
  if (typeof o.text === 'string') {
    const cmd = /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(o.text.trim());
    if (cmd) return { ...base, kind: 'command', name: cmd[1]!, args: cmd[2] ?? '' };
    return { ...base, kind: 'text', text: o.text };
  }
  if (o.forward && typeof o.forward === 'object' && typeof (o.forward as { text?: unknown }).text === 'string') {
    const f = o.forward as { text: string; sent_at?: unknown; from?: unknown };
    const sentAt = parseAt(f.sent_at);
    if (sentAt === null) return texts.text('chat_bad_time', { field: 'forward.sent_at' });
    return { ...base, kind: 'forwarded', text: f.text, sentAt: sentAt ?? null, ...(typeof f.from === 'string' ? { from: f.from } : {}) };
  }
  if (typeof o.button === 'string' || typeof o.button === 'number') return { ...base, kind: 'button', id: String(o.button) };
  if (typeof o.image === 'string') {
    let bytes: Buffer;
    try {
      bytes = await readFile(o.image);
    } catch {
      return texts.text('chat_image_unreadable', { path: o.image });
    }
    const format = detectImageFormat(bytes);
    return { ...base, kind: 'image', bytes, mimeType: format ? `image/${format}` : 'application/octet-stream' };
  }
  return texts.text('chat_bad_line');
}

/**
 * undefined when absent, null when present but not an ISO 8601 time, else the Date. A time without an offset is
 * China time (+08:00), as the people who send these messages read it, never the machine's zone.
 */
export function parseAt(v: unknown): Date | undefined | null {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v.trim());
  if (!m) return null;
  const [, day, time = '00:00:00', zone] = m;
  const offset = zone ? (zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`) : '+08:00';
  const d = new Date(`${day}T${time}${offset}`);
  return Number.isNaN(d.getTime()) ? null : d;
}
