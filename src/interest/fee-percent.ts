/**
 * Fees stated as a share of the loan: 服务费5%, 砍头10%, 担保费是借款金额的8%, 收取10%的服务费, 每期服务费1%.
 * The fee is that share of the contract principal; the loan parser turns it into money once the principal is
 * known. A fee word followed by 率 (手续费率0.6%) is a rate, not read here. The words are data,
 * knowledge/interest/cues.yaml `fee_percent`, the fee words of `before.fee` / `after.fee` and `rates.percent_after`.
 */
import type { LoanCues } from './interest-data';

/** One fee percent found in a normalised text, with its span. */
export interface FeePercent {
  percent: number;
  start: number;
  end: number;
  /** Charged with every instalment (每期服务费1%), not once at signing. */
  perPeriod: boolean;
}

/** Finds the fee percents of a normalised text, skipping spans already used. */
export type FeePercentReader = (t: string, isMasked: (s: number, e: number) => boolean) => FeePercent[];

/** Builds the reader over `cues`. */
export function createFeePercentReader(cues: LoanCues): FeePercentReader {
  const lower = (xs: readonly string[]) => [...new Set(xs.map((x) => x.toLowerCase()))].sort((a, b) => b.length - a.length);
  const altOf = (xs: readonly string[]) => lower(xs).map(escapeRe).join('|');
  const DEC = '\\d+(?:\\.\\d+)?';
  const pct = `(?:${altOf(cues.rates.percent_after)})`;
  const perWords = lower(cues.per_period);
  const notPer = lower(cues.not_per_period);
  const breaks = new Set(cues.clause_breaks.flatMap((w) => [...w]));
  // 服务费5% / 担保费是借款金额的8% / 服务费每期1%: the fee word, then the share.
  const feeFirst = new RegExp(
    `(${altOf(cues.before.fee)})(?:${altOf(cues.fee_percent.links)})?(?:${altOf(cues.fee_percent.of_words)})?(${altOf(cues.per_period)})?(${DEC})${pct}`,
    'g',
  );
  // 收取10%的服务费 / 10%手续费: the share, then the fee noun.
  const nouns = cues.after.fee ?? [];
  const shareFirst = nouns.length ? new RegExp(`(${DEC}${pct})(?:的)?(?:${altOf(nouns)})`, 'g') : undefined;

  return (t, isMasked) => {
    const out: FeePercent[] = [];
    const push = (percent: number, start: number, end: number, numberStart: number, perWord: boolean) => {
      if (!(percent > 0 && percent < 100) || isMasked(start, end) || out.some((o) => o.start < end && start < o.end)) return;
      let from = start;
      while (from > 0 && !breaks.has(t[from - 1]!)) from--;
      const lead = t.slice(from, numberStart);
      const perPeriod = perWord || (perWords.some((w) => lead.includes(w)) && !notPer.some((w) => lead.includes(w)));
      out.push({ percent, start, end, perPeriod });
    };
    for (const m of t.matchAll(feeFirst)) {
      const end = m.index! + m[0].length;
      push(Number(m[3]), end - m[0].length + m[0].lastIndexOf(m[3]!), end, m.index!, Boolean(m[2]));
    }
    if (shareFirst) for (const m of t.matchAll(shareFirst)) push(parseFloat(m[1]!), m.index!, m.index! + m[1]!.length, m.index!, false);
    return out.sort((a, b) => a.start - b.start);
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
