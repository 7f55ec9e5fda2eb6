/**
 * Chinese tokens for BM25: jieba's search-mode words (precise on clean text) plus character bigrams (robust to
 * OCR slips and typos jieba cannot see). Bigram tokens are prefixed with `~` so the two kinds never collide.
 *
 * Queries go through two more steps before tokenising: traditional → simplified folding (opencc) and a table of
 * common slips and slang (崔收 → 催收, 上们 → 上门, cs → 催收) from knowledge/lexicon/typos.yaml.
 */
import { existsSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import * as OpenCC from 'opencc-js';
import { readYamlData } from './yaml-cache';

let jieba: Jieba | undefined;
let toSimplified: ((s: string) => string) | undefined;
const addedWords = new Set<string>();

function tools(): { jieba: Jieba; toSimplified: (s: string) => string } {
  jieba ??= Jieba.withDict(dict);
  toSimplified ??= OpenCC.Converter({ from: 'hk', to: 'cn' }) as (s: string) => string;
  return { jieba, toSimplified: toSimplified as (s: string) => string };
}

const WORDISH = /[\p{Script=Han}\p{L}\p{N}]/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Simplified, half-width, lower-case text with spaces between Han characters removed. */
export function foldText(text: string): string {
  const half = text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  return tools()
    .toSimplified(half)
    .toLowerCase()
    .replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1');
}

/**
 * Teaches the segmenter domain words (爆通讯录, 停息挂账, 紧急联系人 …) so a query and the guide that uses the same
 * word are cut the same way. Idempotent; affects only this module's segmenter.
 */
export function addWords(words: Iterable<string>): void {
  const lines: string[] = [];
  for (const raw of words) {
    const w = foldText(raw).trim();
    if (w.length < 2 || w.length > 12 || /\s/.test(w) || addedWords.has(w) || !/\p{Script=Han}/u.test(w)) continue;
    addedWords.add(w);
    lines.push(`${w} 2000 n`);
  }
  if (lines.length) tools().jieba.loadDict(Buffer.from(lines.join('\n') + '\n'));
}

/**
 * A compiled table of slips and glosses: Han entries are replaced anywhere, Latin ones (cs, zfb, "call me", "is this
 * legal") only as whole words, longest first.
 */
export interface TypoTable {
  /** Corrects `folded` (output of foldText). */
  fix(folded: string): string;
  readonly size: number;
}

/** Compiles wrong → right pairs (keys are folded too, so 崔收 and 崔收 in traditional both match). */
export function compileTypos(pairs: Iterable<[string, string]>): TypoTable {
  const han: Array<[string, string]> = [];
  const latin = new Map<string, string>();
  for (const [w, r] of pairs) {
    const wrong = foldText(String(w)).trim();
    const right = foldText(String(r)).trim();
    if (!wrong || wrong === right) continue;
    if (/^[a-z0-9']+( [a-z0-9']+)*$/.test(wrong)) latin.set(wrong, right);
    else han.push([wrong, right]);
  }
  han.sort((a, b) => b[0].length - a[0].length); // longest first: 诉讼实效 before 实效
  const hanRe = han.length ? new RegExp(han.map(([w]) => escapeRe(w)).join('|'), 'g') : null;
  const hanMap = new Map(han);
  // Longest first too ("is this legal" before "legal"); spaces inside a phrase match any run of spaces.
  const latinKeys = [...latin.keys()].sort((a, b) => b.length - a.length);
  const latinRe = latin.size
    ? new RegExp(`(?<![a-z0-9'])(${latinKeys.map((k) => escapeRe(k).replace(/ /g, '\\s+')).join('|')})(?![a-z0-9'])`, 'g')
    : null;
  return {
    size: han.length + latin.size,
    fix(folded) {
      let out = folded;
      if (hanRe) out = out.replace(hanRe, (m) => hanMap.get(m) ?? m);
      if (latinRe) out = out.replace(latinRe, (m) => ` ${latin.get(m.replace(/\s+/g, ' ')) ?? m} `);
      return out;
    },
  };
}

/** Reads a typos file (a YAML map wrong: right); a missing file is an empty table. */
export function loadTypos(file: string): TypoTable {
  if (!existsSync(file)) return compileTypos([]);
  const data = readYamlData(file) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${file}: expected a map of wrong: right`);
  }
  return compileTypos(Object.entries(data as Record<string, unknown>).map(([w, r]) => [w, String(r)]));
}

export const NO_TYPOS: TypoTable = compileTypos([]);

/** Jieba words of already-folded text, without stopwords or punctuation. */
export function words(folded: string, stopwords: ReadonlySet<string> = EMPTY): string[] {
  const out: string[] = [];
  for (const w of tools().jieba.cutForSearch(folded, true)) {
    const t = w.trim();
    if (t && WORDISH.test(t) && !stopwords.has(t)) out.push(t);
  }
  return out;
}

/**
 * Character bigrams of the Han runs of already-folded text, prefixed `~`. A bigram touching a one-character
 * stopword (的, 了, 我 …) carries no topic and is dropped.
 */
export function bigrams(folded: string, stopwords: ReadonlySet<string> = EMPTY): string[] {
  const out: string[] = [];
  for (const run of folded.match(HAN_RUN) ?? []) {
    if (run.length === 1) {
      if (!stopwords.has(run)) out.push(`~${run}`);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) {
      const a = run[i]!;
      const b = run[i + 1]!;
      if (stopwords.has(a) || stopwords.has(b)) continue;
      out.push(`~${a}${b}`);
    }
  }
  return out;
}

/** Tokens of `text` (folded here) for indexing and querying: jieba words, then bigrams. */
export function tokenize(text: string, stopwords: ReadonlySet<string> = EMPTY): string[] {
  const folded = foldText(text);
  return [...words(folded, stopwords), ...bigrams(folded, stopwords)];
}

/** True for a bigram token (as opposed to a jieba word). */
export const isBigram = (token: string): boolean => token.startsWith('~');

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const EMPTY: ReadonlySet<string> = new Set();
