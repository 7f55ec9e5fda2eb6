/**
 * Reads a borrower's description of a loan into LoanFacts: "借1万到手7000每月还1050还12期",
 * "借2000，7天后还2600", "借5万月息2分，先息后本12个月", "砍头3000，分12期每期还1050". Which number is what
 * comes from the cue words nearest before it in its clause (or right after it: "7000到手"); a payment cue
 * earlier in the clause turns 还款/利息/服务费 into per-instalment amounts. The numbers are never guessed:
 * a loan that lacks one is completed by asking (see cashFlowsOf).
 */
import type { LoanCues } from './interest-data';
import type { LoanFacts, TermUnit } from './loan-facts';
import { findNumbers, smallCount, type NumberHit } from './numbers-text';
import { findDates } from './text-dates';

type Role = 'principal' | 'received' | 'payment' | 'total' | 'fee' | 'interest';
const ROLES: readonly Role[] = ['principal', 'received', 'payment', 'total', 'fee', 'interest'];

/** Reads one text into loan facts as of `at` (for relative dates). */
export type LoanTextParser = (text: string, at: Date) => LoanFacts;

const BREAK_CHARS = new Set([...',，。;；!！?？\n、~～()（）:：']);
const CN_COUNT = '[一二两三四五六七八九十百]{1,4}';

interface Amount {
  value: number;
  start: number;
  end: number;
  role: Role | 'unknown';
  /** A payment cue stands earlier in the clause, after any earlier amount. */
  perPeriod: boolean;
  clause: number;
}

interface Term {
  count: number;
  unit: 'period' | 'month' | 'day' | 'week' | 'year';
  start: number;
  end: number;
}

/** Lower-cases, folds full-width forms (１万, ％, ，) and drops white space. */
export function normalizeLoanText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Builds the parser over the cue words of knowledge/interest/cues.yaml. */
export function createLoanTextParser(cues: LoanCues): LoanTextParser {
  const lower = (xs: readonly string[]) => [...new Set(xs.map((x) => x.toLowerCase()))].sort((a, b) => b.length - a.length);
  const before = ROLES.map((role) => ({ role, words: lower(cues.before[role]) }));
  const after = ROLES.map((role) => ({ role, words: lower(cues.after[role] ?? []) }));
  const perPeriodWords = lower(cues.per_period);
  const notAfter = lower(cues.not_after);
  const notBefore = lower(cues.not_before);
  const termNotAfter = lower(cues.term.not_after);
  const unitWords = (Object.entries(cues.term.units) as Array<[Term['unit'], string[]]>)
    .flatMap(([unit, ws]) => ws.map((w) => ({ unit, w: w.toLowerCase() })))
    .sort((a, b) => b.w.length - a.w.length);
  const termRe = new RegExp(`(\\d+(?:\\.\\d+)?|${CN_COUNT}|半)(个半月|${unitWords.map((u) => escapeRe(u.w)).join('|')})`, 'g');
  const rateCue = { day: lower(cues.rates.day), month: lower(cues.rates.month), year: lower(cues.rates.year) };
  const has = (t: string, ws: readonly string[]) => ws.some((w) => t.includes(w.toLowerCase()));

  return (text, at) => {
    const t = normalizeLoanText(text);
    const mask = new Array<boolean>(t.length).fill(false);
    const masked = (s: number, e: number) => {
      for (let i = s; i < e; i++) mask[i] = true;
    };
    const isMasked = (s: number, e: number) => mask.slice(s, e).some(Boolean);

    const dates = findDates(t, at);
    for (const d of dates) masked(d.start, d.end);
    const rate = readRate(t, masked, isMasked);
    const schedule = readSchedule(t, isMasked);
    for (const s of schedule.spans) masked(s[0], s[1]);
    const terms = readTerms(t, isMasked);
    for (const tm of terms) masked(tm.start, tm.end);

    const numbers = findNumbers(t).filter((h) => !isMasked(h.start, h.end));
    const breaks = clauseBreaks(t, numbers);
    const clauseOf = (pos: number) => breaks.filter((b) => b < pos).length;
    const amounts: Amount[] = [];
    for (const h of numbers) {
      if (!isAmount(t, h)) continue;
      amounts.push({ value: h.value, start: h.start, end: h.end, role: 'unknown', perPeriod: false, clause: clauseOf(h.start) });
    }
    for (const [i, a] of amounts.entries()) {
      const clauseStart = breaks.filter((b) => b < a.start).pop() ?? -1;
      const prev = amounts[i - 1];
      const from = Math.max(clauseStart + 1, prev && prev.clause === a.clause ? prev.end : 0);
      a.role = roleBefore(t, from, a.start) ?? roleAfter(t, a.end, breaks) ?? 'unknown';
      a.perPeriod = perPeriodWords.some((w) => t.slice(from, a.start).includes(w));
      // 每月还本金800加利息200: a part joined to a per-instalment amount of the same clause is one too.
      if (!a.perPeriod && prev?.perPeriod && prev.clause === a.clause && !/一共|总共|共计|合计|总计|共/.test(t.slice(prev.end, a.start))) a.perPeriod = true;
      // A fee named in a clause that says 每月/每期 anywhere is charged per instalment (服务费每月50).
      if (a.role === 'fee' && !a.perPeriod) {
        const clauseEnd = breaks.find((b) => b > a.start) ?? t.length;
        a.perPeriod = perPeriodWords.some((w) => t.slice(a.end, clauseEnd).includes(w));
      }
    }

    const facts: LoanFacts = {};
    collect(amounts, facts);
    const term = chooseTerm(terms, t);
    if (term.term) facts.term = term.term;
    if (term.periodDays) facts.periodDays = term.periodDays;
    const every = paymentEvery(t);
    if (every && !facts.periodDays) facts.periodDays = every;
    if (rate) facts.rate = rate;
    if (schedule.payments.length >= 2) facts.payments = schedule.payments;
    const kind = repaymentKind(t);
    if (kind) facts.repayment = kind;
    if (facts.received === undefined && facts.fees === undefined && has(t, cues.deduction_words)) facts.deductionWithoutAmount = true;
    const lender = has(t, cues.lender.unlicensed) ? 'unlicensed' : has(t, cues.lender.licensed) ? 'licensed' : undefined;
    if (lender) facts.lender = { type: lender };
    const contract = dates.find((d) => has(clauseAround(t, d.start, d.end), cues.dates.contract)) ?? (dates.length === 1 ? dates[0] : undefined);
    if (contract) facts.contractDate = contract.iso;
    return facts;
  };

  function isAmount(t: string, h: NumberHit): boolean {
    if (!h.currency) {
      if (notBefore.some((w) => t.startsWith(w, h.end))) return false;
      if (!h.magnitude && !h.chinese && /^\d{9,}/.test(t.slice(h.start))) return false;
      if (!h.magnitude && h.value < cues.bare_min) return false;
      if (h.chinese && h.value < cues.bare_min) return false;
    }
    if (notAfter.some((w) => t.slice(Math.max(0, h.start - w.length), h.start) === w)) return false;
    return true;
  }

  /** The role of the cue ending nearest before `pos` (from `from` on, within the window); the longer on a tie. */
  function roleBefore(t: string, from: number, pos: number): Role | undefined {
    const start = Math.max(from, pos - cues.window - 6);
    const span = t.slice(start, pos);
    let best: { dist: number; len: number; role: Role } | undefined;
    for (const { role, words } of before) {
      for (const w of words) {
        const i = span.lastIndexOf(w);
        if (i < 0) continue;
        const dist = span.length - (i + w.length);
        if (dist > cues.window) continue;
        if (!best || dist < best.dist || (dist === best.dist && w.length > best.len)) best = { dist, len: w.length, role };
      }
    }
    return best?.role;
  }

  /** A cue right after the amount ("7000到手", "3000的服务费"), unless that cue introduces the next number. */
  function roleAfter(t: string, end: number, breaks: number[]): Role | undefined {
    const clauseEnd = breaks.find((b) => b >= end) ?? t.length;
    const rest = t.slice(end, Math.min(clauseEnd, end + 8));
    for (const { role, words } of after) {
      for (const w of words) {
        const skip = /^(元|块钱|块)?(的)?/.exec(rest)![0].length;
        if (!rest.startsWith(w, skip) && !rest.startsWith(w)) continue;
        const tail = t.slice(end + skip + w.length, clauseEnd);
        if (/^[^\d一二两三四五六七八九十]{0,3}[\d一二两三四五六七八九]/.test(tail) && role !== 'fee' && role !== 'interest') continue;
        return role;
      }
    }
    return undefined;
  }

  function collect(amounts: Amount[], facts: LoanFacts): void {
    const parts = new Map<number, { principal: number; interest: number; fee: number; payment: number; n: number }>();
    let upfrontFees = 0;
    let sawFee = false;
    for (const a of amounts) {
      if (a.perPeriod && a.role !== 'received') {
        const p = parts.get(a.clause) ?? { principal: 0, interest: 0, fee: 0, payment: 0, n: 0 };
        if (a.role === 'principal') p.principal += a.value;
        else if (a.role === 'interest') p.interest += a.value;
        else if (a.role === 'fee') p.fee += a.value;
        else if (a.role === 'total' || a.role === 'payment' || a.role === 'unknown') p.payment += a.value;
        p.n++;
        parts.set(a.clause, p);
        continue;
      }
      switch (a.role) {
        case 'principal':
          facts.principal ??= a.value;
          break;
        case 'received':
          facts.received ??= a.value;
          break;
        case 'payment':
          facts.payment ??= a.value;
          break;
        case 'total':
          facts.total = a.value;
          break;
        case 'fee':
          upfrontFees += a.value;
          sawFee = true;
          break;
        case 'interest':
          facts.interest = { amount: a.value, each: false };
          break;
        default:
          if (facts.principal === undefined && facts.received === undefined) facts.principal = a.value;
      }
    }
    for (const p of parts.values()) {
      const main = p.principal + p.payment;
      if (main > 0) {
        facts.payment ??= main + p.interest;
        if (p.fee) facts.feePerPayment = (facts.feePerPayment ?? 0) + p.fee;
      } else if (p.interest > 0) {
        facts.interest = { amount: p.interest, each: true };
        if (p.fee) facts.feePerPayment = (facts.feePerPayment ?? 0) + p.fee;
      } else if (p.fee > 0) facts.feePerPayment = (facts.feePerPayment ?? 0) + p.fee;
    }
    if (sawFee) facts.fees = upfrontFees;
  }

  function readTerms(t: string, isMasked: (s: number, e: number) => boolean): Term[] {
    const out: Term[] = [];
    termRe.lastIndex = 0;
    for (let m = termRe.exec(t); m; m = termRe.exec(t)) {
      const start = m.index;
      const end = start + m[0].length;
      if (isMasked(start, end)) continue;
      if (/[\d.]/.test(t[start - 1] ?? '')) continue;
      const lead = t.slice(Math.max(0, start - 6), start);
      if (termNotAfter.some((w) => lead.endsWith(w))) continue;
      const word = m[2]!;
      let count = smallCount(m[1]!);
      if (!(count > 0)) continue;
      let unit: Term['unit'];
      if (word === '个半月') {
        count += 0.5;
        unit = 'month';
      } else unit = unitWords.find((u) => u.w === word)!.unit;
      // A bare 月 is a term only after 分/共/期限 ("分6月"), never a month of the year.
      if (word === '月' && !cues.instalment_words.some((w) => lead.endsWith(w))) continue;
      if (word === '日' && /^[\d]/.test(t.slice(end))) continue;
      out.push({ count, unit, start, end });
    }
    return out;
  }

  function chooseTerm(terms: Term[], t: string): { term?: LoanFacts['term']; periodDays?: number } {
    const lengthWords = cues.term.period_length.map((w) => w.toLowerCase());
    let periodDays: number | undefined;
    const rest: Term[] = [];
    for (const tm of terms) {
      const next = t.slice(tm.end, tm.end + 3);
      const prev = t.slice(Math.max(0, tm.start - 2), tm.start);
      if ((tm.unit === 'day' || tm.unit === 'week') && (lengthWords.some((w) => next.startsWith(w)) || prev.endsWith('每期'))) {
        periodDays = tm.unit === 'week' ? tm.count * 7 : tm.count;
        continue;
      }
      rest.push(tm);
    }
    const pick = rest.find((x) => x.unit === 'period') ?? rest[0];
    if (!pick) return { periodDays };
    const unit: TermUnit = pick.unit === 'year' ? 'month' : pick.unit;
    const count = pick.unit === 'year' ? pick.count * 12 : pick.count;
    return { term: { count, unit }, periodDays };
  }

  /** Days between payments named by the payment cue itself: 每周 → 7, 每两周 → 14, 每天 → 1. */
  function paymentEvery(t: string): number | undefined {
    const m = /每(两|2|半个月|\d+)?(周|星期|礼拜|天|日)(?:还|要还|交|付)/.exec(t) ?? /每(两|2)?(周|星期|礼拜)/.exec(t);
    if (!m) return undefined;
    const n = m[1] === '半个月' ? 15 / 7 : m[1] ? smallCount(m[1]) : 1;
    return m[2] === '天' || m[2] === '日' ? n : n * 7;
  }

  function repaymentKind(t: string): LoanFacts['repayment'] {
    if (has(t, cues.equal_principal)) return 'equal_principal';
    if (has(t, cues.equal_instalments)) return 'equal_instalments';
    if (has(t, cues.interest_only)) return 'interest_only';
    if (has(t, cues.flat)) return 'flat';
    if (has(t, cues.bullet)) return 'bullet';
    return undefined;
  }

  /** Payments on named days or instalments: 第7天还500，第14天还600 / 第1期还1000，第2期还2000. */
  function readSchedule(t: string, isMasked: (s: number, e: number) => boolean): { payments: NonNullable<LoanFacts['payments']>; spans: Array<[number, number]> } {
    const re = new RegExp(`第?(\\d+|${CN_COUNT})(天|日|周|个月|期)(?:后|时|到期)?(?:还款|还|要还|需还|应还|交|付)(?:了)?(\\d+(?:\\.\\d+)?(?:万|k|w|千)?|[一二两三四五六七八九十百千万]+)(?:元|块钱|块)?`, 'g');
    const payments: NonNullable<LoanFacts['payments']> = [];
    const spans: Array<[number, number]> = [];
    for (const m of t.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (isMasked(start, end)) continue;
      const n = smallCount(m[1]!);
      const amountHit = findNumbers(m[3]!)[0];
      if (!(n > 0) || !amountHit) continue;
      const unit = m[2]!;
      payments.push(unit === '天' || unit === '日' ? { day: n, amount: amountHit.value } : unit === '周' ? { day: 7 * n, amount: amountHit.value } : { month: n, amount: amountHit.value });
      spans.push([start, end]);
    }
    // One such phrase is an ordinary "7天后还2600" (a term and a total), read by the general rules.
    return payments.length >= 2 ? { payments, spans } : { payments: [], spans: [] };
  }

  function readRate(t: string, masked: (s: number, e: number) => void, isMasked: (s: number, e: number) => boolean): LoanFacts['rate'] {
    const hits: Array<{ percent: number; start: number; end: number; fen: boolean }> = [];
    const add = (percent: number, start: number, end: number, fen = false) => {
      if (!(percent > 0) || isMasked(start, end) || hits.some((h) => h.start < end && start < h.end)) return;
      hits.push({ percent, start, end, fen });
    };
    for (const m of t.matchAll(/(\d+(?:\.\d+)?)(?:%|个点)/g)) add(Number(m[1]), m.index!, m.index! + m[0].length);
    for (const m of t.matchAll(new RegExp(`百分之(\\d+(?:\\.\\d+)?|${CN_COUNT})`, 'g'))) add(smallCount(m[1]!), m.index!, m.index! + m[0].length);
    for (const m of t.matchAll(new RegExp(`千分之(\\d+(?:\\.\\d+)?|${CN_COUNT})`, 'g'))) add(smallCount(m[1]!) / 10, m.index!, m.index! + m[0].length);
    for (const m of t.matchAll(new RegExp(`万分之(\\d+(?:\\.\\d+)?|${CN_COUNT})`, 'g'))) add(smallCount(m[1]!) / 100, m.index!, m.index! + m[0].length);
    // 日息万五 = 0.05 % a day; 日息千一 = 0.1 %.
    for (const m of t.matchAll(/(日息|日利率|日利|利息|月息)(万|千)([一二三四五六七八九]|\d)(?![\d万千])/g)) {
      const n = smallCount(m[3]!);
      const s = m.index! + m[1]!.length;
      add(m[2] === '万' ? n / 100 : n / 10, s, m.index! + m[0].length);
    }
    // 月息2分 / 2分利 / 三分息: 几分 is percent a month.
    for (const m of t.matchAll(new RegExp(`(\\d+(?:\\.\\d+)?|${CN_COUNT}|[一二两三四五六七八九]点[一二三四五六七八九])分(利息|利|息|的利)?`, 'g'))) {
      const lead = t.slice(Math.max(0, m.index! - 4), m.index!);
      if (!m[2] && !/(月息|日息|年息|利息|月利|息)$/.test(lead)) continue;
      const raw = m[1]!.includes('点') ? smallCount(m[1]!.split('点')[0]!) + smallCount(m[1]!.split('点')[1]!) / 10 : smallCount(m[1]!);
      add(raw, m.index!, m.index! + m[0].length, true);
    }
    // 月息2 / 年化24: a number right after a named rate, without a unit.
    for (const m of t.matchAll(/(月息|日息|年息|年化|月利率|日利率|年利率|月费率)(?:是|为|约)?(\d+(?:\.\d+)?)(?![\d.%万千kw元块个分])/g)) {
      add(Number(m[2]), m.index! + m[0].length - m[2]!.length, m.index! + m[0].length);
    }
    if (hits.length === 0) return undefined;
    hits.sort((a, b) => a.start - b.start);
    for (const h of hits) masked(h.start, h.end);
    const h = hits[0]!;
    const lead = t.slice(Math.max(0, h.start - 10), h.start);
    const near = (ws: string[]) => {
      let best = -1;
      for (const w of ws) best = Math.max(best, lead.lastIndexOf(w) >= 0 ? lead.lastIndexOf(w) + w.length : -1);
      return best;
    };
    const scores = { day: near(rateCue.day), month: near(rateCue.month), year: near(rateCue.year) };
    const top = (Object.entries(scores) as Array<['day' | 'month' | 'year', number]>).sort((a, b) => b[1] - a[1])[0]!;
    if (top[1] >= 0) return { percent: h.percent, per: top[0] };
    if (h.fen) return { percent: h.percent, per: 'month' };
    return { percent: h.percent, per: 'unknown' };
  }
}

/** Positions of clause breaks, skipping a comma inside a number (10,000). */
function clauseBreaks(t: string, numbers: NumberHit[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!BREAK_CHARS.has(t[i]!)) continue;
    if (numbers.some((h) => h.start < i && i < h.end)) continue;
    out.push(i);
  }
  return out;
}

function clauseAround(t: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !BREAK_CHARS.has(t[a - 1]!)) a--;
  let b = end;
  while (b < t.length && !BREAK_CHARS.has(t[b]!)) b++;
  return t.slice(a, b);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
