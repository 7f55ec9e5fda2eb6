/**
 * Finds every law + article a piece of text cites (《民法典》第一千零三十二条, 治安管理处罚法第50条, 刑法第293条之一,
 * "第1032、1033条") and checks each against the knowledge base for the date of the conduct: unknown ones are
 * removed from the text, superseded ones corrected to their successor, and the reply's citation list becomes
 * exactly the verified set.
 */
import { parseChineseNumber, toChineseNumber } from './chinese-numerals';
import type { Citation } from '../message';
import { canonicalLawName, resolveArticle, type Article, type Knowledge } from './knowledge';

export interface FoundCitation {
  /** The law as written, and its short name if we hold it. */
  lawWritten: string;
  law?: string;
  article: string;
  start: number;
  end: number;
}

export interface VerifiedText {
  text: string;
  citations: Citation[];
  removed: Array<{ law: string; article: string }>;
  corrected: Array<{ law: string; from: string; to: string }>;
}

const NUM = '[0-9]+|[零〇一二两三四五六七八九十百千]+';
const SUFFIX = `(?:\\s*条)?(?:\\s*之\\s*([一二三四五六七八九十]|[0-9]+))?`;
const PARTS = '(?:\\s*第\\s*[（(]?[零〇一二三四五六七八九十0-9]+[）)]?\\s*[款项])*';

let cached: { k: Knowledge; re: RegExp } | undefined;

function lawPattern(k: Knowledge): RegExp {
  if (cached?.k === k) return cached.re;
  const names = new Set<string>([...k.laws.keys(), ...k.lawAliases.keys()]);
  const alt = [...names].sort((a, b) => b.length - a.length).map(escape).join('|');
  // 《中华人民共和国民法典》 or 民法典, an optional (2025年修订) note, then 第N条[之一] or N条, then any 款/项
  const re = new RegExp(
    `《?(?:中华人民共和国)?(${alt})》?\\s*(?:[（(][^）)]{0,12}[）)])?\\s*(?:的)?\\s*第?\\s*(${NUM})\\s*条(?:\\s*之\\s*([一二三四五六七八九十]|[0-9]+))?${PARTS}`,
    'g',
  );
  cached = { k, re };
  return re;
}

const FOLLOW = new RegExp(`^\\s*(?:、|，|,|和|及|以及|或|或者|至|—|-|～|~)\\s*第?\\s*(${NUM})${SUFFIX}${PARTS}`);

/** Every citation in `text`, in order, including "第1032、1033条"-style lists that share one law. */
export function findCitations(text: string, k: Knowledge): FoundCitation[] {
  const re = lawPattern(k);
  const out: FoundCitation[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const lawWritten = m[1]!;
    const law = canonicalLawName(k, lawWritten);
    const first = articleNumber(m[2]!, m[3]);
    if (!first) continue;
    out.push({ lawWritten, law, article: first, start: m.index, end: m.index + m[0].length });
    // Follow-on numbers sharing the same law: 第1032、1033条 / 第1032条和第1033条
    let pos = m.index + m[0].length;
    for (;;) {
      const f = FOLLOW.exec(text.slice(pos));
      if (!f) break;
      const n = articleNumber(f[1]!, f[2]);
      if (!n) break;
      out.push({ lawWritten, law, article: n, start: pos, end: pos + f[0].length });
      pos += f[0].length;
    }
    re.lastIndex = pos;
  }
  // Any other 《…》第N条: a law we do not hold (or one a model invented). Reported so it can be removed.
  const generic = new RegExp(`《([^》]{2,40})》\\s*第\\s*(${NUM})\\s*条(?:\\s*之\\s*([一二三四五六七八九十]|[0-9]+))?${PARTS}`, 'g');
  let g: RegExpExecArray | null;
  while ((g = generic.exec(text))) {
    const start = g.index;
    const end = start + g[0].length;
    if (out.some((c) => c.start < end && start < c.end)) continue;
    const n = articleNumber(g[2]!, g[3]);
    if (n) out.push({ lawWritten: g[1]!, law: canonicalLawName(k, g[1]!), article: n, start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

function articleNumber(main: string, sub: string | undefined): string | undefined {
  const n = parseChineseNumber(main);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  if (!sub) return String(n);
  const s = parseChineseNumber(sub);
  return Number.isFinite(s) && s > 0 ? `${n}-${s}` : String(n);
}

/**
 * Checks the citations in `text` as of `at` (the date of the conduct, or today). Returns the text with unknown
 * citations reduced to "《法名》相关规定" (or removed if the law is unknown too) and superseded numbers rewritten,
 * plus the verified citation list.
 */
export function verifyCitations(text: string, k: Knowledge, at: Date): VerifiedText {
  const found = findCitations(text, k);
  const citations = new Map<string, Citation>();
  const removed: VerifiedText['removed'] = [];
  const corrected: VerifiedText['corrected'] = [];
  let out = '';
  let last = 0;
  for (const c of found) {
    out += text.slice(last, c.start);
    last = c.end;
    const original = text.slice(c.start, c.end);
    const resolved = c.law ? resolveArticle(k, c.law, c.article, at) : undefined;
    if (!resolved) {
      removed.push({ law: c.law ?? c.lawWritten, article: c.article });
      out += c.law ? `《${c.law}》相关规定` : '相关规定';
      continue;
    }
    const a = resolved.article;
    citations.set(a.id, toCitation(a));
    if (a.article !== c.article) {
      corrected.push({ law: a.law, from: c.article, to: a.article });
      out += `《${a.law}》${a.article_cn}`;
    } else {
      out += original;
    }
  }
  out += text.slice(last);
  return { text: out, citations: [...citations.values()], removed, corrected };
}

/** The citation shown to users for an article we hold. */
export function toCitation(a: Article): Citation {
  return {
    law: a.law,
    article: a.article,
    articleCn: a.article_cn,
    title: a.title,
    confidence: a.confidence,
    text: a.text.trim(),
    version: a.version,
    effectiveFrom: a.effectiveFrom,
  };
}

/** 第一千零三十二条 for "1032", 第二百九十三条之一 for "293-1". */
export function articleCn(article: string): string {
  const [main, sub] = article.split('-');
  return `第${toChineseNumber(Number(main))}条${sub ? `之${toChineseNumber(Number(sub))}` : ''}`;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
