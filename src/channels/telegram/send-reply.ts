/**
 * Sends one OutboundReply to a chat: rendered as HTML, split into parts Telegram accepts, sent in order through
 * the chat's send queue, with the next steps as an inline keyboard under the last part. A part whose HTML
 * Telegram refuses ("can't parse entities") is sent again as plain text with the same words; the refused
 * payload itself is never sent again, retries included. A reply's pictures (the interest check's chart) follow
 * the text as photos, captioned with their alt text, and its files (the /export file) as documents.
 */
import type { Telegram } from 'telegraf';
import type { CoreLogger } from '../../logger';
import type { OutboundReply } from '../../message';
import { describeError, isEntityParseError } from './api-errors';
import { CallbackIds, inlineKeyboard } from './keyboard';
import { htmlToPlainText, renderHtmlBlocks } from './render-html';
import type { SendQueue } from './send-queue';
import { splitMessage } from './split-message';

export interface ReplySenderDeps {
  telegram: Pick<Telegram, 'sendMessage'> & Partial<Pick<Telegram, 'sendPhoto' | 'sendDocument'>>;
  queue: SendQueue;
  ids: CallbackIds;
  /** Longest part; Telegram's limit is 4 096. */
  maxLength: number;
}

/** The HTML parts a reply is sent as (exported for tests and the bench). */
export function replyParts(reply: OutboundReply, maxLength: number): string[] {
  return splitMessage(renderHtmlBlocks(reply), maxLength);
}

/**
 * Sends the reply's parts in order; an empty reply (a redelivered message) sends nothing. Rejects with the
 * first part that could not be sent after retries; later parts are then not sent.
 */
export async function sendReply(chatId: number, reply: OutboundReply, deps: ReplySenderDeps, log: CoreLogger): Promise<number> {
  const parts = replyParts(reply, deps.maxLength);
  const keyboard = inlineKeyboard(reply.buttons, deps.ids);
  for (let i = 0; i < parts.length; i++) {
    const html = parts[i]!;
    const markup = i === parts.length - 1 && keyboard ? { reply_markup: keyboard } : {};
    let plain = false;
    await deps.queue.send(chatId, async () => {
      if (!plain) {
        try {
          return await deps.telegram.sendMessage(chatId, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...markup });
        } catch (e) {
          if (!isEntityParseError(e)) throw e;
          plain = true;
          log.warn({ part: i, error: describeError(e) }, 'telegram refused the HTML; sending as plain text');
        }
      }
      return deps.telegram.sendMessage(chatId, htmlToPlainText(html), { link_preview_options: { is_disabled: true }, ...markup });
    });
  }
  const sendPhoto = deps.telegram.sendPhoto?.bind(deps.telegram);
  for (const image of sendPhoto ? reply.images ?? [] : []) {
    await deps.queue.send(chatId, () => sendPhoto!(chatId, { source: image.bytes }, { caption: image.alt }));
  }
  const sendDocument = deps.telegram.sendDocument?.bind(deps.telegram);
  for (const file of sendDocument ? reply.files ?? [] : []) {
    await deps.queue.send(chatId, () => sendDocument!(chatId, { source: file.bytes, filename: file.name }));
  }
  return parts.length;
}

/** Sends one fixed text (rate-limit notice, download problem) through the chat's queue, as plain text. */
export async function sendPlain(chatId: number, text: string, deps: ReplySenderDeps): Promise<void> {
  await deps.queue.send(chatId, () => deps.telegram.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } }));
}
