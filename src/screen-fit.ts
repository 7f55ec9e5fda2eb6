/**
 * Fitting a reply's first screen — what a phone shows before any button — into 350 characters: the reply is built
 * in a few variants from fullest to leanest and the first that fits is sent. Callers keep the direct answer and
 * the debt line in every variant. Used by the follow-up answers and the described-conduct reply.
 */
import type { TextBlock } from './message';

export const FIRST_SCREEN_MAX = 350;

/**
 * Characters the blocks show as plain text: paragraphs and headings ("【…】") separated by a blank line, list items
 * one a line with a bullet.
 */
export function shownLength(blocks: readonly TextBlock[]): number {
  let total = 0;
  let shown = 0;
  for (const b of blocks) {
    let n = 0;
    if (b.style === 'list') {
      const items = b.items ?? [];
      n = items.reduce((sum, item) => sum + item.length + 2, 0) + Math.max(0, items.length - 1);
    } else {
      n = b.style === 'heading' ? b.text.replace(/[:：]$/, '').length + 2 : b.text.length;
    }
    if (n === 0) continue;
    total += n;
    shown++;
  }
  return total + Math.max(0, shown - 1) * 2;
}

/** The first of `variants` (fullest first) that fits in `max` characters, or the leanest. */
export function fitted(variants: ReadonlyArray<TextBlock[]>, max = FIRST_SCREEN_MAX): TextBlock[] {
  for (const v of variants) if (shownLength(v) <= max) return v;
  return variants[variants.length - 1] ?? [];
}

/** A paragraph block (empty text makes no block). */
export function para(text: string | undefined): TextBlock[] {
  return text ? [{ style: 'paragraph', text }] : [];
}

/** A list block (no items makes no block). */
export function list(items: string[]): TextBlock[] {
  return items.length ? [{ style: 'list', text: '', items }] : [];
}

/**
 * Shortens blocks built elsewhere to `max` by dropping the last items of their longest lists (one item of each list
 * stays): for a reply wrapped afterwards, as crisis care wraps an answer with its opener and its lines.
 */
export function trimmed(blocks: TextBlock[], max = FIRST_SCREEN_MAX): TextBlock[] {
  const out = blocks.map((b) => (b.style === 'list' ? { ...b, items: [...(b.items ?? [])] } : b));
  while (shownLength(out) > max) {
    const lists = out.filter((b) => b.style === 'list' && (b.items?.length ?? 0) > 1);
    if (lists.length === 0) break;
    lists.sort((a, b) => b.items!.length - a.items!.length)[0]!.items!.pop();
  }
  return out;
}
