/**
 * Words that point back at what was said before, read off a turn before it is understood (issue 10 point 3):
 * - "回到刚才说的，那我是按6500还还是按8000还": the user returns to an earlier topic; the rest is asked anew;
 * - "不是，我是想问老师那边怎么解释": the user corrects how the bot read them; the rest is the question meant;
 * - "行 那刚才你说那个治安法第五十条 到底能咋罚他们": about what the bot said, so the user's own words, never a paste;
 * - "那第二个呢" / "第三点是什么意思" / "你第二条说的那个国标…": an item the user listed in their last turn ("一是冻结
 *   银行卡，二是拘留我") or the last reply listed (its bullets, kept in the dialogue state as `listed`).
 * Cue words: knowledge/conversation/dialogue-memory.yaml back_reference.
 */
import type { OutboundReply } from '../message';
import type { UserState } from '../state/store';
import type { DialogueMemoryCues } from '../knowledge/conversation-cues';
import { parseChineseNumber } from '../knowledge/chinese-numerals';
import { asksOrWonders } from './understanding/question-form';

type Cues = DialogueMemoryCues['back_reference'];

/** The turn read with its pointers back resolved. */
export interface BackReference {
  /** What the turn asks, with the pointing words taken off or the item pointed at put in. */
  text: string;
  /** The turn speaks about what the bot said: the user's own words, whatever they read like. */
  own: boolean;
  /** Returned to, corrected, or asked again for another loan: asked anew, never leaning on the answer just given. */
  fresh: boolean;
  /** The item pointed at, when one was. */
  item?: string;
}

/** Items kept of a reply, and characters of each. */
const ITEMS_KEPT = 8;
const ITEM_KEPT_CHARS = 160;
/** A clause ends at these. */
const CLAUSE_END = /[，,。；;？?！!\n]/u;
/** Law-ish words before "第N条" make it an article ("治安法第五十条", "民法典第一千零三十三条"), not an item. */
const LAW_BEFORE = /(法|典|条例|规定|解释|办法|批复|标准)\s*$/u;

/**
 * The items a reply lists (its list blocks), shortened, for the next turn's "第二个"; its paragraphs when it lists
 * none (for "你第二条说的…", which points at what the bot said). Undefined when there are fewer than two.
 */
export function listedItems(reply: OutboundReply): UserState['listed'] {
  const shorten = (xs: string[]) => xs.map((i) => i.replace(/^\s*(?:[•·\-*]|\d+[.、)）])\s*/u, '').trim().slice(0, ITEM_KEPT_CHARS)).filter(Boolean).slice(0, ITEMS_KEPT);
  const items = shorten(reply.blocks.filter((b) => b.style === 'list').flatMap((b) => b.items ?? []));
  if (items.length >= 2) return { items, kind: 'list' };
  const paragraphs = shorten(reply.blocks.filter((b) => b.style === 'paragraph').map((b) => b.text));
  return paragraphs.length >= 2 ? { items: paragraphs, kind: 'paragraphs' } : undefined;
}

/**
 * `text` with its pointers back resolved against `state`; undefined when it points back at nothing (then it is read
 * as it stands).
 */
export function readBackReference(text: string, state: UserState | null | undefined, cues: Cues | undefined): BackReference | undefined {
  if (!cues) return undefined;
  let t = text;
  let own = false;
  let fresh = false;
  const cut = (words: readonly string[]): boolean => {
    const w = [...words].sort((a, b) => b.length - a.length).find((x) => t.includes(x));
    if (!w) return false;
    const i = t.indexOf(w);
    t = `${t.slice(0, i)} ${t.slice(i + w.length)}`.replace(/^[\s\p{P}]+/u, '').replace(/\s+/g, ' ').trim();
    return true;
  };
  // "安逸花那个呢" after "借呗那个会被起诉吗": the last question asked again, for the loan named.
  const other = otherLoan(text, state, cues);
  if (other) return { text: other, own: true, fresh: true };
  if (cut(cues.returns)) fresh = true;
  // A correction opens the turn ("不是，我是想问…"), never sits inside a question ("是不是我想问的那样").
  const opening = cues.corrects.find((w) => text.indexOf(w) >= 0 && text.indexOf(w) <= 4);
  if (opening && cut([opening])) {
    fresh = true;
    own = true;
  }
  // Words about what the bot said stay in the turn: "你说的那个313是啥" needs them to point at the provision.
  if (cues.points_at_bot.some((w) => t.includes(w))) own = true;
  // A turn that lists its own items ("一是冻结银行卡，二是拘留我。第一个能做到吗") points at them itself: read as it stands.
  const pointed = userItems(t, cues).length >= 2 ? undefined : ordinalIn(t, cues);
  if (pointed) {
    const fromUser = userItems(lastUserText(state), cues);
    // A reply's paragraphs count only when the turn says it is the bot's words it points at ("你第二条说的").
    const listed = state?.listed && (state.listed.kind === 'list' || saysBotSaid(t, pointed)) ? state.listed.items : [];
    const items = fromUser.length >= 2 ? fromUser : listed;
    const n = pointed.n === 'last' ? items.length : pointed.n;
    const item = items[n - 1];
    // "第二条" with nothing listed is an article ("第二条呢" after a provision was explained): left as it is.
    if (item !== undefined) {
      const before = t.slice(0, pointed.at);
      const after = t.slice(pointed.at + pointed.words.length);
      const rest = `${before} ${after}`.replace(/\s+/g, ' ').trim();
      const bare = stripWords(rest, cues.alone);
      own = true;
      const short = shortItem(item, cues.item_chars);
      if (bare.length > 0) {
        // "你第二条说的那个国标 又不是法律 …": what the bot said is named again in the turn, which stands as it is asked;
        // "第二个能做到吗": the item in its place.
        const saidBy = /^\s*(?:你)?(?:说|讲|提)/u.test(after);
        const asked = saidBy ? `${before.replace(/你\s*$/u, '')} ${after}` : `${before}${short}${after}`;
        return { text: asked.replace(/\s+/g, ' ').replace(/^[\s\p{P}]+/u, '').trim(), own, fresh, item };
      }
      // The item itself asked about: the user's own item in the frame of their last question ("第一个能做到吗" →
      // "拘留我能做到吗"), or the reply's item with what is asked of it ("…是什么意思").
      const frame = fromUser.length >= 2 ? askedFrame(lastUserText(state), cues) : undefined;
      const asked = frame ? `${short}${frame}` : `${short} ${rest.replace(/^[那还有\s]+/u, '').replace(/^[呢吗\s]+$/u, '')}`.trim();
      return { text: asked, own, fresh, item };
    }
  }
  if (!own && !fresh) return undefined;
  return t.length > 0 ? { text: t, own, fresh } : undefined;
}

/**
 * The loan a turn names alone ("安逸花那个呢", "那微粒贷呢"): one of `loans`, with only `loan_heads` before it and
 * `loan_tails` after it. Undefined when the turn says more.
 */
function loanNamedAlone(text: string, cues: Cues): string | undefined {
  if (!cues.loans) return undefined;
  const t = text.replace(/[\s\p{P}\p{S}]/gu, '');
  const loan = longestFirst(cues.loans).find((w) => t.includes(w));
  if (!loan) return undefined;
  const i = t.indexOf(loan);
  const before = t.slice(0, i);
  const after = t.slice(i + loan.length);
  const fits = (rest: string, words: readonly string[]) => rest === '' || words.includes(rest);
  return fits(before, cues.loan_heads) && after !== '' && cues.loan_tails.includes(after) ? loan : undefined;
}

/**
 * "安逸花那个呢" after "借呗那个会被起诉吗": the user's last question (the latest turn that asked more than a loan's
 * name) with the loan it named replaced by the one named now, or with that loan put before it when it named none.
 * Undefined when the turn names no loan alone, or the question it follows is about that very loan.
 */
function otherLoan(text: string, state: UserState | null | undefined, cues: Cues): string | undefined {
  const loan = loanNamedAlone(text, cues);
  if (!loan || !cues.loans) return undefined;
  const asked = lastAsked(state, cues);
  if (!asked || !asksOrWonders(asked)) return undefined;
  const before = longestFirst(cues.loans).find((w) => asked.includes(w));
  if (before === loan) return undefined;
  return before ? asked.split(before).join(loan) : `${loan} ${asked}`;
}

/** The user's latest turn that said more than a loan's name. */
function lastAsked(state: UserState | null | undefined, cues: Cues): string | undefined {
  const history = state?.history ?? [];
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i]!;
    if (h.role === 'user' && h.text && !loanNamedAlone(h.text, cues)) return h.text;
  }
  return undefined;
}

/** A cue list longest word first (a longer name wins over one it contains), sorted once per list. */
const sortedLoans = new WeakMap<readonly string[], readonly string[]>();
function longestFirst(words: readonly string[]): readonly string[] {
  let sorted = sortedLoans.get(words);
  if (!sorted) {
    sorted = [...words].sort((a, b) => b.length - a.length);
    sortedLoans.set(words, sorted);
  }
  return sorted;
}

/** "第二个", "第3点", "最后一条" in `text`: the number (or `last`), where it stands and its words. */
function ordinalIn(text: string, cues: Cues): { n: number | 'last'; at: number; words: string } | undefined {
  const last = cues.last.find((w) => text.includes(w));
  if (last) return { n: 'last', at: text.indexOf(last), words: last };
  const counters = cues.counters.map(escape).join('|');
  const after = [...cues.after].sort((a, b) => b.length - a.length).map(escape).join('|');
  const m = new RegExp(`第([一二两三四五六七八九十]|[1-9])(${counters})(?=$|[\\s\\p{P}]|${after})`, 'u').exec(text);
  if (!m) return undefined;
  // "治安法第五十条", "第50条第二款": an article, not an item.
  if (LAW_BEFORE.test(text.slice(0, m.index)) || /^第[一二三四五六七八九十\d]+[款项]/u.test(text.slice(m.index + m[0].length))) return undefined;
  const n = parseChineseNumber(m[1]!);
  return { n, at: m.index, words: m[0] };
}

/** "你第二条说的", "第三点你说的": the ordinal beside words of the bot's saying. */
function saysBotSaid(text: string, o: { at: number; words: string }): boolean {
  return /你\s*$/u.test(text.slice(0, o.at)) || /^\s*(?:你)?(?:说|讲|提)/u.test(text.slice(o.at + o.words.length));
}

/** The items the user listed in `text` ("一是冻结全部银行卡，二是拘留我", "1、… 2、…"), in order; empty when fewer than two. */
function userItems(text: string | undefined, cues: Cues): string[] {
  if (!text) return [];
  const marks = cues.enumerators.map(escape).join('|');
  const re = new RegExp(`(?:^|[\\s，,。；;：:])(?:第)?([一二三四五六七八九]|[1-9])(?:${marks})`, 'gu');
  const found: Array<{ n: number; start: number; end: number }> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) found.push({ n: parseChineseNumber(m[1]!), start: m.index, end: m.index + m[0].length });
  const items: string[] = [];
  for (const [i, f] of found.entries()) {
    if (f.n !== items.length + 1) break;
    const tail = text.slice(f.end, found[i + 1]?.start ?? text.length);
    const item = tail.split(CLAUSE_END)[0]!.trim();
    if (!item) break;
    items.push(item);
  }
  return items.length >= 2 ? items : [];
}

/** What the user's last question asked of its item ("第一个能做到吗" → "能做到吗"), if it pointed at one. */
function askedFrame(text: string | undefined, cues: Cues): string | undefined {
  if (!text) return undefined;
  for (const clause of text.split(/[，,。；;！!\n]/u).reverse()) {
    const o = ordinalIn(clause, cues);
    if (o) {
      const frame = clause.slice(o.at + o.words.length).trim();
      return frame || undefined;
    }
  }
  return undefined;
}

/** A listed item cut to its first clause within `max` characters (the rest is its reasoning). */
function shortItem(item: string, max: number): string {
  const first = item.split(/[：:。；;]/u)[0]!.replace(/[【】「」“”]/gu, '').trim();
  return [...first].slice(0, max).join('');
}

/** `text` without the words that may stand beside an ordinal, punctuation and spaces: what else it says. */
function stripWords(text: string, words: readonly string[]): string {
  let t = text.replace(/[\s\p{P}\p{S}]/gu, '');
  for (const w of [...words].sort((a, b) => b.length - a.length)) t = t.split(w).join('');
  return t;
}

/** The user's last turn before this one, as kept in history. */
function lastUserText(state: UserState | null | undefined): string | undefined {
  return state?.history.filter((h) => h.role === 'user').at(-1)?.text;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
