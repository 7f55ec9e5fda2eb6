/**
 * Screenshots: read the text with the OCR port, show it back for confirmation ("识别到的文字如下，是否正确？"),
 * and only after the user confirms (or sends a corrected text) analyse it and keep it as evidence with the
 * image's SHA-256.
 */
import { emptyReply, type InboundMessage, type OutboundReply } from '../message';
import { analyzeMessage } from './collector-message';
import type { TurnContext } from './turn-context';
import { sha256 } from './evidence';
import type { Bubble } from '../analysis/merge-analyses';
import { AppError, toAppError } from '../errors';

type ImageMsg = Extract<InboundMessage, { kind: 'image' }>;

/** How long an OCR result waits for confirmation. */
const PENDING_MS = 24 * 3600_000;
/** After "有错，我来更正", how long the next text counts as the correction (then it is an ordinary message again). */
const CORRECTION_MS = 15 * 60_000;

/** True while a correction asked for at `since` is still awaited. */
export function isCorrectionAwaited(since: string, now: Date): boolean {
  return now.getTime() - Date.parse(since) < CORRECTION_MS;
}

/** OCR the image and ask the user to confirm the text. */
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
  const text = result.text.trim();
  if (!text) return turn.say('image_unreadable', undefined, 'error');
  const sentAt = result.sentAt ?? msg.sentAt ?? null;
  const data = {
    text,
    imageSha256: sha256(msg.bytes),
    sentAt: sentAt ? sentAt.toISOString() : null,
    from: result.sender ?? undefined,
    engine: result.engine,
    bubbles: (result.messages ?? []).map((m) => ({ text: m.text, sentAt: m.sentAt })),
  };
  const r = emptyReply('confirmation');
  r.blocks.push({ style: 'paragraph', text: deps.replies.text('ocr_confirm') });
  r.blocks.push({ style: 'quote', text });
  r.buttons.push({ id: 'ocr:yes', label: deps.replies.text('ocr_button_yes') });
  r.buttons.push({ id: 'ocr:edit', label: deps.replies.text('ocr_button_edit') });
  turn.remember(msg.caption ?? '[screenshot]', (s) => {
    s.pending = { kind: 'confirm_ocr', since: deps.now().toISOString(), data };
  });
  return r;
}

/** The 确认 / 更正 buttons under an OCR result. */
export async function confirmScreenshot(choice: string, turn: TurnContext, receivedAt: Date): Promise<OutboundReply> {
  const pending = (await turn.state())?.pending;
  const fresh = pending && (pending.kind === 'confirm_ocr' || pending.kind === 'ocr_correction') &&
    turn.deps.now().getTime() - Date.parse(pending.since) < PENDING_MS;
  if (!pending || !fresh || !pending.data) return turn.say('ocr_expired', undefined, 'clarify');
  if (choice === 'edit') {
    turn.remember('[ocr:edit]', (s) => {
      s.pending = { kind: 'ocr_correction', since: turn.deps.now().toISOString(), data: pending.data };
    });
    return turn.say('ocr_send_correction', undefined, 'clarify');
  }
  return analyzeScreenshotText(String(pending.data.text ?? ''), pending.data, receivedAt, turn, true);
}

/** Analyses confirmed (or corrected) screenshot text as a collector's message. */
export function analyzeScreenshotText(
  text: string,
  data: Record<string, unknown>,
  receivedAt: Date,
  turn: TurnContext,
  confirmedAsRead = false,
): Promise<OutboundReply> {
  if (!text.trim()) throw new AppError('EMPTY_MESSAGE', 'empty screenshot text');
  // Bubbles (with their own times) only describe the text as read; a corrected text is judged as a whole.
  const bubbles = confirmedAsRead && Array.isArray(data.bubbles) ? (data.bubbles as Bubble[]) : undefined;
  const sentAt = typeof data.sentAt === 'string' ? new Date(data.sentAt) : null;
  return analyzeMessage(
    {
      text,
      sentAt,
      receivedAt,
      kind: 'screenshot',
      imageSha256: typeof data.imageSha256 === 'string' ? data.imageSha256 : undefined,
      from: typeof data.from === 'string' ? data.from : undefined,
      bubbles,
      corrected: !confirmedAsRead,
    },
    turn,
  );
}
