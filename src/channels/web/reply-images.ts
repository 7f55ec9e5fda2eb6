/**
 * The web chat's JSON for a reply: pictures (the interest check's schedule chart) become data URLs the page
 * shows inline, instead of raw bytes that JSON would spell out number by number.
 */
import type { OutboundReply } from '../../message';

export type BrowserReply = Omit<OutboundReply, 'images'> & { images?: Array<{ mimeType: string; alt: string; src: string }> };

/** `reply` with each image as a `data:` URL. */
export function replyForBrowser(reply: OutboundReply): BrowserReply {
  const { images, ...rest } = reply;
  if (!images?.length) return rest;
  return { ...rest, images: images.map((i) => ({ mimeType: i.mimeType, alt: i.alt, src: `data:${i.mimeType};base64,${i.bytes.toString('base64')}` })) };
}
