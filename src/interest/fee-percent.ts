/**
 * Fees stated as a share of the loan: 服务费5%, 砍头10%, 扣了5个点服务费, 服务费百分之五, 担保费是借款金额的8%,
 * 收取10%的服务费, 每期服务费1%. The fee is that share of the contract principal; the loan parser turns it into
 * money once the principal is known. A fee word followed by 率 (手续费率0.6%) is a rate, not read here. The words
 * are data, knowledge/interest/cues.yaml `fee_percent`, the fee words of `before.fee` / `after.fee` and the
 * percent forms of `rates` (percent_after, fraction_words).
 */
import type { LoanCues } from './interest-data';
import type { NumberGrammar } from './numbers-text';

/** Percent in one 成. */
const TENTH = 10;

/** One fee percent found in a normalised text, with its span. */
export interface FeePercent {
  percent: number;
  start: number;
  end: number;
  /** Charged with every instalment (每期服务费1%), not once at signing. */
  perPeriod: boolean;
  /** Not one known share (服务费大概5%, 5%左右, 5%还是10%): to be asked about, not used. */
  rough: boolean;
}

/** Finds the fee percents of a normalised text, skipping spans already used. */
export type FeePercentReader = (t: string, isMasked: (s: number, e: number) => boolean) => FeePercent[];

/** Builds the reader over `cues`, reading Chinese numerals (百分之五) with `grammar`. */
export function createFeePercentReader(cues: LoanCues, grammar: NumberGrammar): FeePercentReader {
  const lower = (xs: readonly string[]) => [...new Set(xs.map((x) => x.toLowerCase()))].sort((a, b) => b.length - a.length);
  const altOf = (xs: readonly string[]) => lower(xs).map(escapeRe).join('|');
  const DEC = '\\d+(?:\\.\\d+)?';
  const fractions = cues.rates.fraction_words;
  // 5% / 5个点 / 百分之五 / 3成: the share, as (digits)(percent word), (fraction word)(number) or (number)(成).
  const SHARE = `(?:(${DEC})(${altOf(cues.rates.percent_after)})|(${altOf(Object.keys(fractions))})(${DEC}|${grammar.patterns.count})|(\\d|${grammar.patterns.count})(${altOf(cues.fee_percent.tenths)}))`;
  const perWords = lower(cues.per_period);
  const notPer = lower(cues.not_per_period);
  const breaks = new Set(cues.clause_breaks.flatMap((w) => [...w]));
  // 服务费5% / 担保费是借款金额的8% / 服务费每期1%: the fee word, then the share.
  const feeFirst = new RegExp(
    `(${altOf(cues.before.fee)})(?:${altOf(cues.fee_percent.links)})?(?:${altOf(cues.fee_percent.of_words)})?(${altOf(cues.per_period)})?(?:${altOf(cues.uncertain_before)})?${SHARE}`,
    'g',
  );
  const uncertain = lower(cues.uncertain_before);
  const approximate = lower(cues.approximate_after);
  const alternatives = lower(cues.alternatives);
  // 收取10%的服务费 / 扣了5个点服务费: the share, then the fee noun.
  const nouns = cues.after.fee ?? [];
  // 交本金的0.3%作为服务费: a word saying what the share counts as may stand before the noun.
  const shareFirst = nouns.length ? new RegExp(`${SHARE}(?:的)?(?:${altOf(cues.fee_percent.noun_links)})?(?:${altOf(nouns)})`, 'g') : undefined;
  /** The share in percent and its length in the text, from the six groups of SHARE starting at `g[i]`. */
  const shareAt = (g: RegExpMatchArray, i: number) =>
    g[i] !== undefined
      ? { percent: Number(g[i]), length: g[i]!.length + g[i + 1]!.length }
      : g[i + 2] !== undefined
        ? { percent: grammar.smallCount(g[i + 3]!) * fractions[g[i + 2]!]!, length: g[i + 2]!.length + g[i + 3]!.length }
        : { percent: grammar.smallCount(g[i + 4]!) * TENTH, length: g[i + 4]!.length + g[i + 5]!.length };

  return (t, isMasked) => {
    const out: FeePercent[] = [];
    const push = (percent: number, start: number, end: number, leadEnd: number, perWord: boolean) => {
      if (!(percent > 0 && percent < 100) || isMasked(start, end) || out.some((o) => o.start < end && start < o.end)) return;
      const rest = t.slice(end);
      const rough = uncertain.some((w) => t.endsWith(w, start)) || approximate.some((w) => rest.startsWith(w)) || alternatives.some((w) => rest.startsWith(w) && /^\D{0,4}\d/.test(rest.slice(w.length)));
      let from = leadEnd;
      while (from > 0 && !breaks.has(t[from - 1]!)) from--;
      const lead = t.slice(from, leadEnd);
      const perPeriod = perWord || (perWords.some((w) => lead.includes(w)) && !notPer.some((w) => lead.includes(w)));
      out.push({ percent, start, end, perPeriod, rough });
    };
    for (const m of t.matchAll(feeFirst)) {
      const end = m.index! + m[0].length;
      const share = shareAt(m, 3);
      push(share.percent, end - share.length, end, m.index!, Boolean(m[2]));
    }
    if (shareFirst) {
      for (const m of t.matchAll(shareFirst)) {
        const share = shareAt(m, 1);
        push(share.percent, m.index!, m.index! + share.length, m.index!, false);
      }
    }
    return out.sort((a, b) => a.start - b.start);
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
