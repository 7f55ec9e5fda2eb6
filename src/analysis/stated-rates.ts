/**
 * Interest rates a collector's message states ("年化7.2%", "日息0.1%", "月息3%"), as annual percentages, so a
 * condition such as "an illegal (usurious) debt" (刑法第二百九十三条之一) is judged by the rate's size and not by the
 * mere word 年化: a lawful loan's reminder that quotes its 7.2 % rate shows no illegal debt.
 */

/** Rate words and how many of their periods make a year (年化 → 1, 月息 → 12, 日息 → 365), as data lists them. */
export type RateWords = Readonly<Record<string, number>>;

/** Characters a rate word may be separated from its number by ("年化利率为 7.2%"), at most. */
const GAP = 8;

/**
 * Every rate `text` (normalised: half-width digits and "%") states after one of `words`, as an annual percentage.
 * A number counts only with its "%" (or 百分之 before it), so counts and amounts are never read as rates.
 */
export function statedAnnualRates(text: string, words: RateWords): number[] {
  const out: number[] = [];
  for (const [word, perYear] of Object.entries(words)) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      const tail = text.slice(at + word.length, at + word.length + GAP + 12);
      const m = new RegExp(`^[^，。,.！!？?；;\\n\\d]{0,${GAP}}?(?:(\\d+(?:\\.\\d+)?)\\s*%|百分之(\\d+(?:\\.\\d+)?))`).exec(tail);
      const value = m ? Number(m[1] ?? m[2]) : NaN;
      if (Number.isFinite(value)) out.push(value * perYear);
    }
  }
  return out;
}
