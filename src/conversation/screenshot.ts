/**
 * Screenshots: read the bubbles with the OCR port and show them back one by one, each with its side (对方 / 我)
 * and time, for confirmation; the user may fix one bubble's text or side ("改第2条：…", a 改第N条 button, "第2条是我
 * 发的"). Only after the user confirms are the other side's bubbles analysed, each at its own time, and kept as
 * evidence with the image's SHA-256. The user's own bubbles are context: never analysed, never stored as the
 * collector's words.
 */
import { emptyReply, type InboundMessage, type OutboundReply } from '../message';
import { analyzeMessage } from './collector-message';
import type { TurnContext } from './turn-context';
import { sha256 } from './evidence';
import type { Bubble } from '../analysis/merge-analyses';
import { AppError, toAppError } from '../errors';
import type { OcrBubble } from '../ocr/port';

type ImageMsg = Extract<InboundMessage, { kind: 'image' }>;

/** How long an OCR result waits for confirmation. */
const PENDING_MS = 24 * 3600_000;
/** After "有错，我来更正", how long the next text counts as the correction (then it is an ordinary message again). */
const CORRECTION_MS = 15 * 60_000;
/** Up to this many bubbles, each gets its own 改第N条 button; longer screenshots are fixed by typing. */
const MAX_FIX_BUTTONS = 6;

/** One bubble as kept in the pending confirmation. */
export interface PendingBubble {
  side: 'collector' | 'user';
  text: string;
  /** ISO-8601 send time, when one was read. */
  sentAt?: string;
  timeLabel?: string;
}

/** True while a correction asked for at `since` is still awaited. */
export function isCorrectionAwaited(since: string, now: Date): boolean {
  return now.getTime() - Date.parse(since) < CORRECTION_MS;
}

/** OCR the image and ask the user to confirm the bubbles read. */
export async function readScreenshot(msg: ImageMsg, turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  if (!deps.ocr) return turn.say('image_not_supported_yet', undefined, 'error');
  let result: Awaited<ReturnType<NonNullable<typeof deps.ocr>['read']>>;
  try {
    result = await deps.ocr.read(msg.bytes, msg.mimeType);
  } catch (e) {
    const err = toAppError(e);
    turn.log.warn({ code: err.code }, 'ocr failed');
    return turn.say(err.code === 'INTERNAL' ? 'image_unreadable' : err.replyKey, { type: msg.mimeType }, 'error');
  }
  const bubbles = bubblesOf(result);
  if (bubbles.length === 0) return turn.say('image_unreadable', undefined, 'error');
  const sentAt = result.sentAt ?? msg.sentAt ?? null;
  const data = {
    imageSha256: sha256(msg.bytes),
    sentAt: sentAt ? sentAt.toISOString() : null,
    from: result.sender ?? undefined,
    engine: result.engine,
    bubbles,
    edited: false,
  };
  turn.remember(msg.caption ?? '[screenshot]', (s) => {
    s.pending = { kind: 'confirm_ocr', since: deps.now().toISOString(), data };
  });
  return confirmation(data, turn);
}

/** The bubbles of an OCR result; a reading without bubbles (an older port) is one bubble of the other side. */
function bubblesOf(result: { text: string; bubbles?: OcrBubble[] }): PendingBubble[] {
  const read = result.bubbles ?? (result.text.trim() ? [{ side: 'collector' as const, text: result.text.trim(), confidence: 1 }] : []);
  return read
    .filter((b) => b.text.trim())
    .map((b) => ({ side: b.side, text: b.text.trim(), ...(b.time ? { sentAt: b.time } : {}), ...(b.timeLabel ? { timeLabel: b.timeLabel } : {}) }));
}

/** The read-back: sender, every bubble numbered with its side and time, and the buttons to confirm or fix. */
function confirmation(data: Record<string, unknown>, turn: TurnContext): OutboundReply {
  const { replies } = turn.deps;
  const bubbles = pendingBubbles(data);
  const r = emptyReply('confirmation');
  r.blocks.push({ style: 'paragraph', text: replies.text('ocr_confirm') });
  if (typeof data.from === 'string' && data.from) r.blocks.push({ style: 'paragraph', text: replies.text('ocr_sender_line', { sender: data.from }) });
  const items = bubbles.map((b, i) =>
    replies.text(b.side === 'user' ? 'ocr_bubble_user' : 'ocr_bubble_collector', {
      n: i + 1,
      time: b.timeLabel ? replies.text('ocr_bubble_time', { label: b.timeLabel }) : '',
      text: b.text,
    }),
  );
  r.blocks.push({ style: 'list', text: items.join('\n'), items });
  if (bubbles.length > 1 || bubbles.some((b) => b.side === 'user')) r.blocks.push({ style: 'paragraph', text: replies.text('ocr_bubbles_note') });
  r.buttons.push({ id: 'ocr:yes', label: replies.text('ocr_button_yes') });
  r.buttons.push({ id: 'ocr:edit', label: replies.text('ocr_button_edit') });
  if (bubbles.length > 1 && bubbles.length <= MAX_FIX_BUTTONS) {
    bubbles.forEach((_, i) => r.buttons.push({ id: `ocr:fix:${i + 1}`, label: replies.text('ocr_button_fix', { n: i + 1 }) }));
  }
  return r;
}

function pendingBubbles(data: Record<string, unknown>): PendingBubble[] {
  if (Array.isArray(data.bubbles)) return data.bubbles as PendingBubble[];
  // A confirmation stored before bubbles were kept: its text as one bubble of the other side.
  return typeof data.text === 'string' && data.text.trim() ? [{ side: 'collector', text: data.text.trim() }] : [];
}

/** The 确认 / 更正 / 改第N条 buttons under an OCR result. */
export async function confirmScreenshot(choice: string, turn: TurnContext, receivedAt: Date): Promise<OutboundReply> {
  const pending = (await turn.state())?.pending;
  const fresh = pending && (pending.kind === 'confirm_ocr' || pending.kind === 'ocr_correction') &&
    turn.deps.now().getTime() - Date.parse(pending.since) < PENDING_MS;
  if (!pending || !fresh || !pending.data) return turn.say('ocr_expired', undefined, 'clarify');
  const data = pending.data;
  if (choice === 'edit' || choice.startsWith('fix:')) {
    const n = choice.startsWith('fix:') ? Number(choice.slice(4)) : undefined;
    const count = pendingBubbles(data).length;
    if (n !== undefined && !(n >= 1 && n <= count)) return turn.say('ocr_fix_unknown', { n: String(n), count }, 'clarify');
    turn.remember(`[ocr:${choice}]`, (s) => {
      s.pending = { kind: 'ocr_correction', since: turn.deps.now().toISOString(), data: { ...data, fixIndex: n } };
    });
    if (n !== undefined) return turn.say('ocr_send_fix', { n }, 'clarify');
    return turn.say(Array.isArray(data.bubbles) ? 'ocr_send_correction_bubbles' : 'ocr_send_correction', undefined, 'clarify');
  }
  return analyzeConfirmed(data, receivedAt, turn);
}

/** A typed fix of one bubble: its number and new text, or its number and new side. */
type TypedFix = { n: number; text: string } | { n: number; side: 'collector' | 'user' };

/**
 * Reads "改第2条：…" (the ocr_button_fix label, a colon, the text), "第2条是我发的" and "第2条是对方发的" (the
 * ocr_cmd_* templates). The Chinese words come from prompts/screenshot.yaml; {n} stands for the number.
 */
export function parseTypedFix(text: string, templates: { fix: string; sideUser: string; sideCollector: string }): TypedFix | undefined {
  const pattern = (template: string, tail: string) => {
    const [before = '', after = ''] = template.split('{n}');
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');
    return new RegExp(`^\\s*${esc(before)}\\s*(\\d{1,3})\\s*${esc(after)}${tail}`, 'su');
  };
  const t = text.trim();
  const fix = pattern(templates.fix, '\\s*[:：,，]?\\s*(.+)$').exec(t);
  if (fix && fix[2]!.trim()) return { n: Number(fix[1]), text: fix[2]!.trim() };
  const user = pattern(templates.sideUser, '\\s*[。.!！]?\\s*$').exec(t);
  if (user) return { n: Number(user[1]), side: 'user' };
  const collector = pattern(templates.sideCollector, '\\s*[。.!！]?\\s*$').exec(t);
  if (collector) return { n: Number(collector[1]), side: 'collector' };
  return undefined;
}

/** Whether `text` is surely a correction: a bubble's new text after 改第N条 was pressed, or a typed fix. */
export function isSurelyCorrection(text: string, data: Record<string, unknown>, replies: TurnContext['deps']['replies']): boolean {
  if (typeof data.fixIndex === 'number') return true;
  if (!Array.isArray(data.bubbles)) return false;
  return parseTypedFix(text, { fix: replies.text('ocr_button_fix'), sideUser: replies.text('ocr_cmd_side_user'), sideCollector: replies.text('ocr_cmd_side_collector') }) !== undefined;
}

/**
 * A text sent while a correction is awaited. With a 改第N条 button pressed, it is that bubble's new text; a typed
 * fix ("改第2条：…", "第2条是我发的") changes one bubble; either way the bubbles are shown again for confirmation.
 * Anything else is the whole corrected text, analysed as the collector's words.
 */
export function analyzeScreenshotText(
  text: string,
  data: Record<string, unknown>,
  receivedAt: Date,
  turn: TurnContext,
): Promise<OutboundReply> {
  if (!text.trim()) throw new AppError('EMPTY_MESSAGE', 'empty screenshot text');
  const { replies } = turn.deps;
  const bubbles = pendingBubbles(data);
  const typed = Array.isArray(data.bubbles)
    ? parseTypedFix(text, { fix: replies.text('ocr_button_fix'), sideUser: replies.text('ocr_cmd_side_user'), sideCollector: replies.text('ocr_cmd_side_collector') })
    : undefined;
  const fix: TypedFix | undefined = typeof data.fixIndex === 'number' && !typed ? { n: data.fixIndex, text: text.trim() } : typed;
  if (fix) {
    if (!(fix.n >= 1 && fix.n <= bubbles.length)) return Promise.resolve(turn.say('ocr_fix_unknown', { n: String(fix.n), count: bubbles.length }, 'clarify'));
    const next = bubbles.map((b, i) => (i === fix.n - 1 ? { ...b, ...('text' in fix ? { text: fix.text } : { side: fix.side }) } : b));
    const { fixIndex: _fixIndex, ...rest } = data;
    const updated = { ...rest, bubbles: next, edited: true };
    turn.remember(text, (s) => {
      s.pending = { kind: 'confirm_ocr', since: turn.deps.now().toISOString(), data: updated };
    });
    return Promise.resolve(confirmation(updated, turn));
  }
  // The whole text retyped: judged as a whole, at the screenshot's time.
  const sentAt = typeof data.sentAt === 'string' ? new Date(data.sentAt) : null;
  return analyzeMessage(
    {
      text: text.trim(),
      sentAt,
      receivedAt,
      kind: 'screenshot',
      imageSha256: typeof data.imageSha256 === 'string' ? data.imageSha256 : undefined,
      from: typeof data.from === 'string' ? data.from : undefined,
      corrected: true,
    },
    turn,
  );
}

/** The confirmed bubbles: the other side's analysed, each at its own time, and kept as evidence. */
function analyzeConfirmed(data: Record<string, unknown>, receivedAt: Date, turn: TurnContext): Promise<OutboundReply> {
  const theirs = pendingBubbles(data).filter((b) => b.side === 'collector');
  if (theirs.length === 0) {
    // Nothing of the other side's to analyse: offer the fix again (a side may have been read wrong).
    const r = turn.say('ocr_no_collector', undefined, 'clarify');
    r.buttons.push({ id: 'ocr:edit', label: turn.deps.replies.text('ocr_button_edit') });
    return Promise.resolve(r);
  }
  const text = theirs.map((b) => b.text).join('\n');
  const bubbles: Bubble[] = theirs.map((b) => ({ text: b.text, ...(b.sentAt ? { sentAt: b.sentAt } : {}) }));
  const last = theirs.filter((b) => b.sentAt).at(-1)?.sentAt;
  const sentAt = last ? new Date(last) : typeof data.sentAt === 'string' ? new Date(data.sentAt) : null;
  return analyzeMessage(
    {
      text,
      sentAt,
      receivedAt,
      kind: 'screenshot',
      imageSha256: typeof data.imageSha256 === 'string' ? data.imageSha256 : undefined,
      from: typeof data.from === 'string' ? data.from : undefined,
      bubbles,
      corrected: data.edited === true,
    },
    turn,
  );
}
