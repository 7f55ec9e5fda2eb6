/**
 * Renders an OutboundReply as Telegram HTML (parse_mode "HTML"): only the tags Telegram knows, and every piece
 * of text escaped, so a collector's message quoted back can never inject markup. Never Markdown: its escaping
 * rules break on ordinary Chinese punctuation and on the `_` and `*` in URLs.
 *
 * The result is a list of blocks, each with balanced tags; split-message.ts packs them into messages.
 */
import type { Notice, OutboundReply, TextBlock } from '../../message';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const UNESCAPES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Escapes the three characters Telegram's HTML parser requires escaped outside tags. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c]!);
}

/** The reply as HTML blocks: leading notices, the blocks, trailing notices (same order as the plain renderer). */
export function renderHtmlBlocks(reply: OutboundReply): string[] {
  const out: string[] = [];
  const leading = reply.notices.filter((n) => n.kind === 'truncated');
  // Crisis notices are already spelled out in the blocks of a crisis reply.
  const trailing = reply.notices.filter((n) => n.kind !== 'truncated' && n.kind !== 'crisis');
  for (const n of leading) out.push(renderNotice(n));
  for (const b of reply.blocks) out.push(renderBlock(b));
  for (const n of trailing) out.push(renderNotice(n));
  return out.filter((s) => s.length > 0);
}

function renderBlock(b: TextBlock): string {
  switch (b.style) {
    case 'heading':
      return b.text ? `<b>${escapeHtml(b.text)}</b>` : '';
    case 'list':
      return (b.items ?? [])
        .map((item) => `• ${escapeHtml(item).replace(/\n/g, '\n  ')}`)
        .join('\n');
    case 'quote':
      return b.text ? `<blockquote>${escapeHtml(b.text)}</blockquote>` : '';
    case 'warning':
      return b.text ? `⚠️ <b>${escapeHtml(b.text)}</b>` : '';
    default:
      return escapeHtml(b.text);
  }
}

function renderNotice(n: Notice): string {
  return n.text ? `<i>${escapeHtml(n.text)}</i>` : '';
}

/**
 * The text a user would see, without markup: for resending a part Telegram refused to parse. Tags are dropped
 * and entities decoded, so the words are exactly those of the HTML version.
 */
export function htmlToPlainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => UNESCAPES[name]!);
}
