/**
 * An OutboundReply as WeChat text messages: the plain-text rendering shared with the terminal, the buttons as
 * numbered options under a heading (the user types the number; the core takes "1" as a press of the first
 * button), split into parts of at most the platform's byte limit.
 */
import type { OutboundReply } from '../../message';
import { renderText } from '../local/render-text';
import { splitByBytes } from './split-bytes';
import type { WechatTexts } from './texts';

/** The text parts a reply is sent as, in order. An empty reply (nothing to say) has none. */
export function replyParts(reply: OutboundReply, texts: Pick<WechatTexts, 'text'>, maxBytes: number): string[] {
  const body = renderText(reply, { buttons: false });
  const options = reply.buttons.length
    ? `${texts.text('options_heading')}\n${reply.buttons.map((b, i) => `${i + 1}. ${b.label}`).join('\n')}`
    : '';
  return splitByBytes([body, options].filter(Boolean).join('\n\n'), maxBytes);
}
