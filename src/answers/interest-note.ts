/**
 * "利息36%合法吗，我是2023年借的": when a question about interest names when the contract was made, say what the
 * one-year LPR and the 4 × LPR cap were then (knowledge/interest/lpr.yaml), and compare a rate the user gave.
 * Rows marked UNVERIFIED are never quoted; dates after the newest confirmed figure are sent to the official source.
 */
import type { Knowledge } from '../knowledge/knowledge';
import type { Replies } from '../replies';

interface ContractDate {
  year: number;
  month?: number;
  /** As the user wrote it, for the reply. */
  when: string;
}

/** The contract date in a question: "2023年", "2023年3月", "2023.3", "23年" (this century). */
export function findContractDate(q: string): ContractDate | undefined {
  const m = /(20\d{2}|(?<![\d.])\d{2}(?=年))\s*(?:年|\.|-|\/)\s*(?:(1[0-2]|0?[1-9])\s*月?)?/.exec(q);
  if (!m) return undefined;
  const year = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  if (year < 2019 || year > 2100) return undefined;
  const month = m[2] ? Number(m[2]) : undefined;
  return { year, month, when: month ? `${year}年${month}月` : `${year}年` };
}

/** An annual rate the user mentions ("36%", "年化24%"), if any. */
export function findRate(q: string): number | undefined {
  const m = /(\d{1,3}(?:\.\d+)?)\s*[%％]/.exec(q);
  return m ? Number(m[1]) : undefined;
}

const pct = (x: number) => String(Math.round(x * 100) / 100);
const day = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The sentence(s) to add to an interest answer, or undefined when the question names no date or is not about interest. */
export function interestNote(q: string, k: Knowledge, replies: Replies): string | undefined {
  if (!k.interestCues.some((c) => q.toLowerCase().includes(c.toLowerCase()))) return undefined;
  const date = findContractDate(q);
  if (!date) return undefined;
  const rows = k.lpr.rows;
  const from = date.month ? day(date.year, date.month, 1) : day(date.year, 1, 1);
  const to = date.month ? day(date.year, date.month, 28) : day(date.year, 12, 31);
  if (from > k.lpr.latest_confirmed) return replies.text('interest_cap_after_known', { when: date.when, latest: k.lpr.latest_confirmed });
  if (from < rows[0]!.from) return undefined;
  // Rows in force at some point in [from, to]: the last row starting on or before `from`, plus any starting inside.
  const inForce = rows.filter((r, i) => r.from <= to && (rows[i + 1] === undefined || rows[i + 1]!.from > from));
  if (inForce.some((r) => r.confidence !== 'VERIFIED')) return replies.text('interest_cap_unverified', { when: date.when });
  const rates = inForce.map((r) => r.rate);
  const low = Math.min(...rates);
  const high = Math.max(...rates);
  const given = findRate(q);
  let note =
    low === high
      ? replies.text('interest_cap_on_date', { when: date.when, rate: pct(low), cap: pct(low * 4) })
      : replies.text('interest_cap_range', { when: date.when, low: pct(low), high: pct(high), lowCap: pct(low * 4), highCap: pct(high * 4) });
  if (given !== undefined && given > 0 && given < 1000) {
    if (given > high * 4) note += replies.text('interest_rate_compare_over', { given: pct(given) });
    else if (given <= low * 4) note += replies.text('interest_rate_compare_under', { given: pct(given) });
  }
  return note;
}
