/**
 * Renders an OutboundReply as plain text for terminals, pipes and the CLI: blocks as paragraphs, lists with
 * bullets, quotes indented, notices first (crisis) or last, a text file's content (the /export file: text has no
 * attachments), and buttons numbered so typing the number presses it.
 */
import type { OutboundReply } from '../../message';

export interface RenderOptions {
  /** Number the buttons (interactive chat) or leave them out (the `ask` CLI). */
  buttons: boolean;
}

/** Plain-text rendering of a reply. */
export function renderText(reply: OutboundReply, opts: RenderOptions = { buttons: true }): string {
  const out: string[] = [];
  const leading = reply.notices.filter((n) => n.kind === 'truncated');
  const trailing = reply.notices.filter((n) => n.kind !== 'truncated' && n.kind !== 'crisis');
  for (const n of leading) out.push(n.text);
  for (const b of reply.blocks) {
    switch (b.style) {
      case 'heading':
        out.push(`【${b.text.replace(/[:：]$/, '')}】`);
        break;
      case 'list':
        out.push((b.items ?? []).map((i) => `• ${i.replace(/\n/g, '\n  ')}`).join('\n'));
        break;
      case 'quote':
        out.push(b.text.split('\n').map((l) => `  ${l}`).join('\n'));
        break;
      case 'warning':
        out.push(`⚠ ${b.text}`);
        break;
      default:
        out.push(b.text);
    }
  }
  for (const n of trailing) out.push(n.text);
  for (const f of reply.files ?? []) if (f.mimeType.startsWith('text/')) out.push(f.bytes.toString('utf8').trimEnd());
  if (opts.buttons && reply.buttons.length) {
    out.push(reply.buttons.map((btn, i) => `[${i + 1}] ${btn.label}`).join('  '));
  }
  return out.filter((s) => s.length > 0).join('\n\n');
}
