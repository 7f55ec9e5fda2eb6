/**
 * Splits rendered HTML into messages Telegram accepts (at most 4,096 characters each). Blocks are packed whole,
 * split at paragraph boundaries; a block longer than one message is cut at a line break, else after a space or
 * sentence punctuation, else between two characters — never inside a tag, an entity or a surrogate pair. Tags
 * open at a cut are closed at the end of the part and reopened at the start of the next, so every part is
 * well-formed HTML on its own.
 *
 * Lengths are measured on the HTML itself (markup included, in UTF-16 units), which is never less than what
 * Telegram counts after parsing: a part that fits here fits there, and so does its plain-text fallback.
 */

/** Telegram's limit for one message's text. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

const PARAGRAPH = '\n\n';
/** Space and sentence-level punctuation (ASCII and the CJK full-width forms) after which a cut reads well. */
const SOFT_BREAK = /^[ \t.,;!?\u3001\u3002\uFF01\uFF0C\uFF1B\uFF1F\uFF1A]$/;

interface Token {
  kind: 'open' | 'close' | 'text';
  raw: string;
  /** Tag name, for open and close tags. */
  name?: string;
}

/** Packs HTML blocks into as few messages as fit, each at most `limit` characters with balanced tags. */
export function splitMessage(blocks: string[], limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const out: string[] = [];
  let current = '';
  for (const block of blocks) {
    if (block.length === 0) continue;
    const pieces = block.length <= limit ? [block] : splitHtml(block, limit);
    for (const piece of pieces) {
      if (current === '') current = piece;
      else if (current.length + PARAGRAPH.length + piece.length <= limit) current += PARAGRAPH + piece;
      else {
        out.push(current);
        current = piece;
      }
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Cuts one HTML block into parts of at most `limit` characters, closing and reopening tags at each cut. */
export function splitHtml(html: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const tokens = tokenize(html);
  const parts: string[] = [];
  let pos = 0;
  let stack: Token[] = [];
  while (pos < tokens.length) {
    const prefix = stack.map((t) => t.raw).join('');
    let len = prefix.length;
    let open = stack;
    let i = pos;
    let line: Cut | undefined;
    let soft: Cut | undefined;
    while (i < tokens.length) {
      const t = tokens[i]!;
      const next = applyTag(open, t);
      const nextLen = len + t.raw.length;
      if (nextLen + closersLength(next) > limit) break;
      len = nextLen;
      open = next;
      i++;
      if (t.kind !== 'text') continue;
      if (t.raw === '\n') line = { at: i, open, len };
      else if (SOFT_BREAK.test(t.raw)) soft = { at: i, open, len };
    }
    if (i === tokens.length) {
      parts.push(prefix + join(tokens, pos, i) + closers(open));
      break;
    }
    // Not even one token fits after the reopened tags (an absurdly small limit): take it anyway.
    if (i === pos) {
      open = applyTag(open, tokens[pos]!);
      i = pos + 1;
    }
    const enough = limit / 2;
    let cut: Cut = { at: i, open, len };
    if (line && line.at > pos && line.len >= enough) cut = line;
    else if (soft && soft.at > pos && soft.len >= enough) cut = soft;
    // A tag opened just before the cut belongs with the text it wraps, in the next part.
    while (cut.at > pos + 1 && tokens[cut.at - 1]!.kind === 'open') {
      cut = { at: cut.at - 1, open: cut.open.slice(0, -1), len: cut.len - tokens[cut.at - 1]!.raw.length };
    }
    parts.push(prefix + join(tokens, pos, cut.at) + closers(cut.open));
    stack = cut.open;
    pos = cut.at;
  }
  return parts.filter((p) => p.replace(/<[^>]*>/g, '').trim().length > 0);
}

interface Cut {
  /** Index of the first token of the next part. */
  at: number;
  /** Tags open at the cut, outermost first. */
  open: Token[];
  len: number;
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m[2] !== undefined) tokens.push({ kind: m[1] ? 'close' : 'open', raw: m[0], name: m[2].toLowerCase() });
    else tokens.push({ kind: 'text', raw: m[0] });
  }
  return tokens;
}

/** The open-tag stack after `t` (a new array when it changes). */
function applyTag(open: Token[], t: Token): Token[] {
  if (t.kind === 'open') return [...open, t];
  if (t.kind === 'close') {
    const at = open.map((o) => o.name).lastIndexOf(t.name);
    return at === -1 ? open : open.slice(0, at);
  }
  return open;
}

function closers(open: Token[]): string {
  return open.map((t) => `</${t.name}>`).reverse().join('');
}

function closersLength(open: Token[]): number {
  let n = 0;
  for (const t of open) n += t.name!.length + 3;
  return n;
}

function join(tokens: Token[], from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += tokens[i]!.raw;
  return s;
}
