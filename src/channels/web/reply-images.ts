/**
 * The web chat's JSON for a reply: pictures (the interest check's schedule chart) and files (the /export file)
 * become data URLs — images the page shows inline, files it offers for download — instead of raw bytes that
 * JSON would spell out number by number.
 */
import type { OutboundReply } from '../../message';

export type BrowserReply = Omit<OutboundReply, 'images' | 'files'> & {
  images?: Array<{ mimeType: string; alt: string; src: string }>;
  files?: Array<{ name: string; mimeType: string; href: string }>;
};

/** `reply` with each image and file as a `data:` URL. */
export function replyForBrowser(reply: OutboundReply): BrowserReply {
  const { images, files, ...rest } = reply;
  const out: BrowserReply = rest;
  if (images?.length) out.images = images.map((i) => ({ mimeType: i.mimeType, alt: i.alt, src: dataUrl(i.mimeType, i.bytes) }));
  if (files?.length) out.files = files.map((f) => ({ name: f.name, mimeType: f.mimeType, href: dataUrl(f.mimeType, f.bytes) }));
  return out;
}

function dataUrl(mimeType: string, bytes: Buffer): string {
  return `data:${mimeType.replace(/\s+/g, '')};base64,${bytes.toString('base64')}`;
}
