/**
 * Rates as borrowers state them: 月息2分, 1分5, 日息万五, 千分之一, 年化24%, 2个点, 月息8厘, 月息2 (no unit), and
 * interest as money (一千块一天五块, 1万一天利息5块, 一万块一个月利息300, 借2000，利息一天20块). The words and
 * scales are data, knowledge/interest/cues.yaml `rates`; this file holds how they combine and which period a
 * rate is for. A rate whose period is not said is 'unknown', and the loan asks for it.
 */
import type { LoanCues } from './interest-data';
import type { LoanFacts } from './loan-facts';
import type { NumberGrammar } from './numbers-text';

/** Reads the rate of a normalised text; `masked` marks the spans it used, `isMasked` tells spans used before. */
export interface RateReader {
  /** The first stated rate, with its period (or 'unknown'). */
  readRate(t: string, masked: (s: number, e: number) => void, isMasked: (s: number, e: number) => boolean): LoanFacts['rate'];
  /** 利息一天20块 (no base amount before it): the day's interest as money, to divide by the principal. */
  readInterestPerDay(t: string, masked: (s: number, e: number) => void, isMasked: (s: number, e: number) => boolean): number | undefined;
}

/** Builds the rate reader over `cues` and the numerals of `grammar`. */
export function createRateReader(cues: LoanCues, grammar: NumberGrammar): RateReader {
  const { findNumbers, smallCount } = grammar;
  const CN_COUNT = grammar.patterns.count;
  const AMOUNT = grammar.patterns.amount;
  const lower = (xs: readonly string[]) => [...new Set(xs.map((x) => x.toLowerCase()))].sort((a, b) => b.length - a.length);
  /** 次, 期, 天 …: words after which a number is a count, not money (cues.yaml not_before). */
  const notBefore = lower(cues.not_before);
  const boundBefore = lower(cues.rates.bound_before);
  const has = (t: string, ws: readonly string[]) => ws.some((w) => t.includes(w.toLowerCase()));
  const altOf = (xs: readonly string[]) => lower(xs).map(escapeRe).join('|');
  const rateCue = { day: lower(cues.rates.day), month: lower(cues.rates.month), year: lower(cues.rates.year), week: lower(cues.rates.week) };
  /** 5%利息每周 / 2%的利息每月: interest words between a rate and the period after it. */
  const tailLinks = new RegExp(`^(?:的)?(?:${altOf([...cues.rates.money_links, ...cues.rates.generic])})?`);
  const rateAfter = (Object.entries(cues.rates.after) as Array<[Period, string[]]>).flatMap(([per, ws]) => lower(ws).map((w) => ({ per, w }))).sort((a, b) => b.w.length - a.w.length);
  const rc = cues.rates;
  const liBefore = lower(Object.keys(rc.li.before));
  const fenScaleBefore = lower(Object.keys(rc.fen.scale_before));
  const DEC = '\\d+(?:\\.\\d+)?';
  const digitCls = Object.keys(cues.numerals.digits).filter((k) => cues.numerals.digits[k]! > 0).join('');
  /** The rate forms of cues.yaml rates, as patterns. */
  const R = {
    percent: new RegExp(`(${DEC})(?:${altOf(rc.percent_after)})`, 'g'),
    // 万分之二点五: a Chinese decimal after the count.
    fraction: new RegExp(`(${altOf(Object.keys(rc.fraction_words))})(${DEC}|${CN_COUNT})(?:点([${digitCls}零〇]+))?`, 'g'),
    shortFraction: new RegExp(`(${altOf(rc.short_fraction.after_words)})(${altOf(Object.keys(rc.short_fraction.scale))})([${digitCls}]|\\d)(?![\\d${Object.keys(rc.short_fraction.scale).join('')}])`, 'g'),
    fen: new RegExp(`(${DEC}|${CN_COUNT}|[${digitCls}]点[${digitCls}])${escapeRe(rc.fen.unit)}(?:([1-9${digitCls}]|${escapeRe(rc.fen.half_after)})(?![\\d期天个月周年万千元块]))?(${altOf(rc.fen.after)})?`, 'g'),
    li: new RegExp(`(${DEC}|${CN_COUNT})${escapeRe(rc.li.unit)}(${altOf(rc.li.after)})?`, 'g'),
    mao: new RegExp(`(${DEC}|${CN_COUNT})${escapeRe(rc.mao.unit)}(?:${altOf(rc.mao.after)})?`, 'g'),
    bare: new RegExp(`(${altOf(Object.keys(rc.bare_after.words))})(?:${altOf(rc.bare_after.links)})?(${DEC})(?![\\d.%万千kw元块个分厘])`, 'g'),
  };
  const moneyDay = lower(cues.rates.money_per.day);
  const moneyWeek = lower(cues.rates.money_per.week);
  const moneyPer = lower([...cues.rates.money_per.day, ...cues.rates.money_per.month, ...cues.rates.money_per.week]);
  const moneyLinks = lower(cues.rates.money_links).map(escapeRe).join('|');
  /** 是 / 为 between a rate word and its number (cues rates.links). */
  const rateLinks = altOf(cues.rates.links);
  const principalCues = lower(cues.before.principal);
  const moneyPerDayRe = new RegExp(`(${moneyLinks})?(${moneyDay.map(escapeRe).join('|')})(?:的)?(${moneyLinks})?(?:是|为|要|大概)?(${AMOUNT})(?![\\d.万千kw%天日期个])`);
  const moneyRateRe = new RegExp(`(${AMOUNT})(?:的话)?(${moneyPer.map(escapeRe).join('|')})(${moneyLinks})?(?:${rateLinks})?(${AMOUNT})(${moneyLinks})?(?![\\d.万千kw%])`, 'g');

  /** 日息5块: a day's interest as money right after 日息 (the currency makes it money, not a percent). */
  const dayWordMoneyRe = new RegExp(`(?:${altOf(rc.money_day_words)})(?:${rateLinks})?(${AMOUNT})(?=${altOf(cues.numerals.currency_after)})`);
  /** 每万元日息5元 / 千元日息1元 / 每万元月息300: interest as money on a round base amount (not 1万一天利息5块). */
  const bm = rc.base_money;
  const baseMoneyRe = new RegExp(`(?<![\\d.${Object.keys(cues.numerals.digits).join('')}${Object.keys(cues.numerals.units).join('')}])(?:${altOf(bm.lead)})?(${altOf(Object.keys(bm.bases))})(?:的)?(${altOf([...bm.day, ...bm.month])})(?:的)?(?:${rateLinks})?(${AMOUNT})(?=${altOf(cues.numerals.currency_after)})`, 'g');

  /** 利息一天20块 / 每天利息10块 / 一天的利息是5块 / 日息5块 (no base amount before it): the amount, masked with its day word. */
  function readInterestPerDay(t: string, masked: (s: number, e: number) => void, isMasked: (s: number, e: number) => boolean): number | undefined {
    const d = dayWordMoneyRe.exec(t);
    const dv = d && !isMasked(d.index, d.index + d[0].length) ? findNumbers(d[1]!)[0]?.value : undefined;
    if (d && dv !== undefined && dv > 0) {
      masked(d.index, d.index + d[0].length);
      return dv;
    }
    const m = moneyPerDayRe.exec(t);
    if (!m || isMasked(m.index, m.index + m[0].length)) return undefined;
    if (!m[1] && !m[3]) return undefined;
    const amount = findNumbers(m[4]!)[0];
    if (!amount || !(amount.value > 0)) return undefined;
    masked(m.index, m.index + m[0].length);
    return amount.value;
  }

  function readRate(t: string, masked: (s: number, e: number) => void, isMasked: (s: number, e: number) => boolean): LoanFacts['rate'] {
    const hits: Array<{ percent: number; start: number; end: number; fen: 'month' | 'unknown' | false; per?: Period }> = [];
    const add = (percent: number, start: number, end: number, fen: 'month' | 'unknown' | false = false, per?: Period) => {
      if (!(percent > 0) || isMasked(start, end) || hits.some((h) => h.start < end && start < h.end)) return;
      // 年化不到15% / 不超过24%: a bound, not the loan's rate; masked so that nothing else reads it.
      if (boundBefore.some((w) => t.endsWith(w, start))) {
        masked(start, end);
        return;
      }
      hits.push({ percent, start, end, fen, per });
    };
    for (const m of t.matchAll(R.percent)) add(Number(m[1]), m.index!, m.index! + m[0].length);
    for (const m of t.matchAll(baseMoneyRe)) {
      const amount = findNumbers(m[3]!)[0]?.value;
      const base = bm.bases[m[1]!]!;
      if (amount === undefined || !(amount > 0) || amount >= base) continue;
      add(Math.round((amount / base) * 1e8) / 1e6, m.index!, m.index! + m[0].length, false, bm.day.includes(m[2]!) ? 'day' : 'month');
    }
    for (const m of t.matchAll(R.fraction)) add((smallCount(m[2]!) + chineseDecimals(m[3])) * rc.fraction_words[m[1]!]!, m.index!, m.index! + m[0].length);
    // 月息一毛 = 10 % a month (a 毛 on every yuan); 利息一毛 alone does not say per what.
    for (const m of t.matchAll(R.mao)) {
      const lead = t.slice(Math.max(0, m.index! - 6), m.index!);
      const named = rc.mao.named_before.some((w) => lead.endsWith(w));
      if (!named && !rc.mao.interest_before.some((w) => lead.endsWith(w))) continue;
      add(smallCount(m[1]!) * rc.mao.percent, m.index!, m.index! + m[0].length, named ? 'month' : 'unknown');
    }
    // 日息万五 = 0.05 % a day; 日息千一 = 0.1 %.
    for (const m of t.matchAll(R.shortFraction)) {
      const n = smallCount(m[3]!);
      add(n * rc.short_fraction.scale[m[2]!]!, m.index! + m[1]!.length, m.index! + m[0].length);
    }
    // 月息2分 / 2分利 / 三分息: 几分 is percent a month (年息 ×10, 日息 ÷10); 利息2分 alone does not say per what.
    // 月息1分5 = 1.5 %: a digit after 分 is tenths; 两分半 = 2.5 %.
    for (const m of t.matchAll(R.fen)) {
      const lead = t.slice(Math.max(0, m.index! - 6), m.index!);
      // 利息每月2分 names its period as surely as 月息2分.
      const scaleWord = fenScaleBefore.find((w) => lead.endsWith(w));
      const named = Boolean(scaleWord) || rc.fen.named_before.some((w) => lead.endsWith(w));
      if (!m[3] && !named && !rc.fen.interest_before.some((w) => lead.endsWith(w))) continue;
      const whole = m[1]!.includes('点') ? smallCount(m[1]!.split('点')[0]!) + smallCount(m[1]!.split('点')[1]!) / 10 : smallCount(m[1]!);
      // 年息2分 = 20 % a year, 日息2分 = 0.2 % a day: 分 is ten 厘 whatever the period.
      const raw = (whole + (m[2] === rc.fen.half_after ? 0.5 : m[2] ? smallCount(m[2]) / 10 : 0)) * (scaleWord ? rc.fen.scale_before[scaleWord]! : 1);
      add(Math.round(raw * 1e9) / 1e9, m.index!, m.index! + m[0].length, named || m[3] ? 'month' : 'unknown');
    }
    // 月息8厘 = 0.8 % a month, 年息8厘 = 8 % a year, 日息5厘 = 0.05 % a day; 8厘息 alone is monthly.
    for (const m of t.matchAll(R.li)) {
      const lead = t.slice(Math.max(0, m.index! - 4), m.index!);
      const per = liBefore.find((w) => lead.endsWith(w));
      if (!per && !m[2]) continue;
      add(smallCount(m[1]!) * (per ? rc.li.before[per]! : rc.li.default_scale), m.index!, m.index! + m[0].length, 'month');
    }
    // 月息2 / 年化24 / 利息1.5: a number right after a rate word, without a unit.
    for (const m of t.matchAll(R.bare)) {
      const v = Number(m[2]);
      const per = rc.bare_after.words[m[1]!]!;
      if (v >= rc.bare_after.max[per]) continue;
      add(v, m.index! + m[0].length - m[2]!.length, m.index! + m[0].length, per === 'unknown' ? 'unknown' : false);
    }
    // 一千块一天五块 / 1万一天利息5块 / 一万块一个月利息300: interest as money on a base amount.
    for (const m of t.matchAll(moneyRateRe)) {
      const base = findNumbers(m[1]!)[0];
      const per = moneyDay.includes(m[3]!) ? 'day' : moneyWeek.includes(m[3]!) ? 'week' : 'month';
      const link = m[4] ?? m[7];
      const amount = findNumbers(m[5]!)[0];
      if (!base || !amount || base.value < cues.bare_min || !(amount.value > 0) || amount.value >= base.value) continue;
      // 借60天一次还本付息: the 一 of 一次 (a count before its unit) is no interest of the day.
      if (notBefore.some((w) => t.startsWith(w, m.index! + m[0].length - (m[7]?.length ?? 0)))) continue;
      const ratio = amount.value / base.value;
      if (per !== 'day' && !link) continue;
      if (per === 'day' && !link && ratio > cues.rates.money_day_max_ratio) continue;
      const baseStart = m.index!;
      const amountStart = m.index! + m[0].length - (m[7]?.length ?? 0) - m[5]!.length;
      const before = hits.length;
      add(Math.round(ratio * 1e8) / 1e6, amountStart, amountStart + m[5]!.length, false, per);
      // The base is the loan only when the borrower says it was lent (借1万一天利息5块); else it is a quote.
      if (hits.length === before) continue;
      // 一天 here is the rate's period, not the loan's term.
      masked(baseStart + m[1]!.length, amountStart);
      if (!principalCues.some((w) => t.slice(0, baseStart).endsWith(w))) masked(baseStart, baseStart + m[1]!.length);
    }
    if (hits.length === 0) return undefined;
    hits.sort((a, b) => a.start - b.start);
    for (const h of hits) masked(h.start, h.end);
    // 百分之一还是千分之一 / 2%或者3%: two rates offered as alternatives are not the rate (the loan asks what is repaid).
    const between = hits[1] && t.slice(hits[0]!.end, hits[1].start);
    if (between !== undefined && between.length <= 4 && has(between, cues.rates.either)) return undefined;
    const h = hits[0]!;
    const lead = t.slice(Math.max(0, h.start - 10), h.start);
    const near = (ws: string[]) => {
      let best = -1;
      for (const w of ws) best = Math.max(best, lead.lastIndexOf(w) >= 0 ? lead.lastIndexOf(w) + w.length : -1);
      return best;
    };
    if (h.per) return stated(h.percent, h.per);
    if (h.fen === 'unknown') return { percent: h.percent, per: 'unknown' };
    const scores = { day: near(rateCue.day), month: near(rateCue.month), year: near(rateCue.year), week: near(rateCue.week) };
    const ranked = (Object.entries(scores) as Array<[Period, number]>).sort((a, b) => b[1] - a[1]);
    const top = ranked[0]!;
    // 日息还是月息0.5: two periods offered as alternatives is not an answer.
    if (ranked[1]![1] >= 0 && has(lead, cues.rates.either)) return { percent: h.percent, per: 'unknown' };
    if (top[1] >= 0) return stated(h.percent, top[0]);
    // 2%每月 / 0.1%一天 / 5%一周 (and the English "2% per month"): the period said right after the rate.
    const tail = t.slice(h.end).replace(tailLinks, '');
    const after = rateAfter.find((a) => tail.startsWith(a.w));
    if (after) return stated(h.percent, after.per);
    if (h.fen === 'month') return { percent: h.percent, per: 'month' };
    // 本金每月1000，再加剩余本金3%的利息: a rate in a clause of monthly instalments is monthly.
    const wider = t.slice(Math.max(0, h.start - 20), h.start);
    if (has(wider, cues.monthly_words) && !has(wider, cues.not_monthly_words)) return { percent: h.percent, per: 'month' };
    return { percent: h.percent, per: 'unknown' };
  }
  /** 点五 → 0.5, 点二五 → 0.25: the digits after a Chinese decimal point. */
  function chineseDecimals(s: string | undefined): number {
    if (!s) return 0;
    let v = 0;
    [...s].forEach((ch, i) => (v += (cues.numerals.digits[ch] ?? 0) / 10 ** (i + 1)));
    return v;
  }
  return { readRate, readInterestPerDay };
}

/** The periods a rate may be stated for; a weekly one is kept as the daily rate it equals. */
type Period = 'day' | 'month' | 'year' | 'week';

/** A stated rate in the periods LoanFacts keeps: 周息 7 % is 1 % a day (the weekly percent kept as said). */
function stated(percent: number, per: Period): LoanFacts['rate'] {
  return per === 'week' ? { percent: Math.round((percent / 7) * 1e9) / 1e9, per: 'day', week: percent } : { percent, per };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
