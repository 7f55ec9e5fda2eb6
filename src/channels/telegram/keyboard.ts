/**
 * Next steps as an inline keyboard. A button's callback_data is the core's button id, which Telegram caps at
 * 64 bytes; a longer id (or one that could be mistaken for a mapped one) travels as a short stand-in and is
 * looked up when pressed. The map is in memory and bounded: after a restart an old long-id button reads as
 * unknown and the core answers with help, which is harmless.
 */
import { createHash } from 'node:crypto';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Button } from '../../message';

/** Telegram's limit for callback_data. */
export const CALLBACK_DATA_MAX_BYTES = 64;
const MAPPED_PREFIX = '~';

/** Maps button ids to callback_data and back. */
export class CallbackIds {
  private readonly long = new Map<string, string>();

  constructor(private readonly capacity = 10_000) {}

  /** The callback_data for a button id: the id itself when it fits. */
  encode(id: string): string {
    if (Buffer.byteLength(id, 'utf8') <= CALLBACK_DATA_MAX_BYTES && !id.startsWith(MAPPED_PREFIX)) return id;
    const short = MAPPED_PREFIX + createHash('sha256').update(id).digest('base64url').slice(0, 22);
    this.long.delete(short);
    this.long.set(short, id);
    if (this.long.size > this.capacity) this.long.delete(this.long.keys().next().value as string);
    return short;
  }

  /** The button id behind callback_data, or undefined for a stand-in this process no longer knows. */
  decode(data: string): string | undefined {
    return data.startsWith(MAPPED_PREFIX) ? this.long.get(data) : data;
  }
}

/** Buttons as keyboard rows: two to a row when the labels are short, else one. */
export function inlineKeyboard(buttons: Button[], ids: CallbackIds): InlineKeyboardMarkup | undefined {
  if (buttons.length === 0) return undefined;
  const keys = buttons.map((b) => ({ text: b.label, callback_data: ids.encode(b.id) }));
  const perRow = buttons.every((b) => [...b.label].length <= 8) ? 2 : 1;
  const rows: Array<typeof keys> = [];
  for (let i = 0; i < keys.length; i += perRow) rows.push(keys.slice(i, i + perRow));
  return { inline_keyboard: rows };
}
