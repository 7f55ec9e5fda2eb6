/**
 * Which loan of a message that tells of several the borrower means. Another debt set aside in words ("还有一笔车贷
 * 每月还3000不用管", "另外我房贷每月还3200不用算") is taken out before the loan is read; a loan named in the question
 * ("问的是app这笔", "B的年化是多少", "帮我算网贷那笔") is read alone, from the clause that first names it up to the
 * next loan. A name that fits more than one loan, or none, chooses nothing: the parser then asks which loan is
 * meant, as it always has. Works on text already normalised by normalizeLoanText (clauses split by its breaks).
 */

/** The words of cues.yaml `loan_choice`. */
export interface LoanChoiceCues {
  /** Set aside: 不用管, 不用算. */
  dismiss: string[];
  /** A clause set aside must name a debt (车贷, 信用卡, 借): 利息不用管 sets no loan aside. */
  debt_words: string[];
  /** 这个不用管 on its own: it refers to the clause before it. */
  dismiss_refers: string[];
  /** 这些都不算: it refers to everything said before it in its sentence. */
  dismiss_all_refers: string[];
  /** Before the name in the question: 问的是, 帮我算. */
  named_before: string[];
  /** After the name in the question: 这笔, 的年化. */
  named_after: string[];
  /** Words that, with an amount, start a loan's clause (借, 贷, 欠). */
  loan_words: string[];
  /** Particles after a name that closes the question (算一下微粒贷的, 算A平台吧). */
  name_particles: string[];
  /** What is asked, not which loan (帮我算算利息, 算一下年化多少): never a name. */
  not_names: string[];
  /** One-character list labels that may name a loan (甲, 乙, 丙). */
  labels: string[];
  /** The loans told in order (第一笔, 第二笔 …); a circled number (①) stands for the ordinal at its place. */
  ordinals: string[];
}

export interface LoanChoice {
  /** `t` with circled list numbers (①, 第②笔) written as the ordinal they stand for, before NFKC makes them digits. */
  circledAsOrdinals(t: string): string;
  /** `t` without the clauses of debts the borrower set aside. */
  withoutSetAside(t: string): string;
  /** The part of `t` about the one loan the question names, or undefined when no one loan is named. */
  namedLoan(t: string): string | undefined;
}

/** How many clauses back a dismissal that only refers (那个不用管) may reach for the debt it sets aside. */
const REFER_BACK = 3;
/** A circled number (① … ⑩), with the 第 … 笔 that may stand around it. */
const CIRCLED = /第?([\u2460-\u2469])笔?/g;
const CIRCLED_ONE = 0x2460;
/** The marks that end a sentence (a clause break that is not a comma). */
const SENTENCE_END = /[。!！?？;；\n]/;

interface Clause {
  text: string;
  start: number;
  end: number;
}

/** Builds the chooser over `cues`; `breaks` are the clause-break characters of cues.yaml. */
export function createLoanChoice(cues: LoanChoiceCues, breaks: ReadonlySet<string>): LoanChoice {
  const longestFirst = (xs: readonly string[]) => [...new Set(xs.map((x) => x.toLowerCase()))].sort((a, b) => b.length - a.length);
  const dismiss = longestFirst(cues.dismiss);
  const debt = longestFirst(cues.debt_words);
  const refers = longestFirst(cues.dismiss_refers);
  const refersAll = longestFirst(cues.dismiss_all_refers);
  const before = longestFirst(cues.named_before);
  const after = longestFirst(cues.named_after);
  const loanWords = longestFirst(cues.loan_words);
  const particles = longestFirst(cues.name_particles);
  const notNames = longestFirst(cues.not_names);
  const has = (s: string, ws: readonly string[]) => ws.some((w) => s.includes(w));
  const startsLoan = (c: Clause) => /\d/.test(c.text) && has(c.text, loanWords);

  function clauses(t: string): Clause[] {
    const out: Clause[] = [];
    let start = 0;
    for (let i = 0; i <= t.length; i++) {
      if (i < t.length && !breaks.has(t[i]!)) continue;
      // A comma inside a number (10,000) is no break.
      if (i < t.length && /\d/.test(t[i - 1] ?? '') && /^\d{3}(?!\d)/.test(t.slice(i + 1))) continue;
      out.push({ text: t.slice(start, i), start, end: i });
      start = i + 1;
    }
    return out;
  }

  /** The end of the name-before word nearest before `end` in `c` (0 when none). */
  function afterBefore(c: string, end: number): number {
    let from = 0;
    for (const b of before) {
      const i = c.lastIndexOf(b, end - b.length);
      if (i >= 0 && i + b.length > from) from = i + b.length;
    }
    return from;
  }

  const labels = new Set(cues.labels);
  const ordinals = cues.ordinals.map((x) => x.toLowerCase());
  const plausible = (name: string) => name.length >= 1 && name.length <= 8 && !/\d/.test(name) && (/[a-z]/.test(name) || name.length >= 2 || labels.has(name)) && !has(name, notNames);

  /** The name in a question clause (`app` of 问的是app这笔, `a平台` of 帮我算a平台), or undefined. */
  function nameIn(c: string): string | undefined {
    for (const w of after) {
      const at = c.indexOf(w);
      if (at <= 0) continue;
      const name = c.slice(afterBefore(c, at), at);
      if (plausible(name)) return name;
    }
    // 先帮我算a平台 / 算一下微粒贷的: the name closes the clause.
    const from = afterBefore(c, c.length);
    if (from === 0) return undefined;
    let name = c.slice(from);
    for (const tail of particles) if (name.endsWith(tail)) name = name.slice(0, -tail.length);
    return plausible(name) ? name : undefined;
  }

  /** A question that names no loan but points at one (帮我算这笔, 就问这一笔吧): a naming word, then only 这笔. */
  function refersBack(c: string): boolean {
    const from = afterBefore(c, c.length);
    if (from === 0) return false;
    let rest = c.slice(from);
    for (const tail of particles) if (rest.endsWith(tail)) rest = rest.slice(0, -tail.length);
    return after.some((w) => w.startsWith('这') && rest === w);
  }

  /** Where `name` stands in `text`, a lone Latin letter only when not part of a word. */
  function occurrences(text: string, name: string): number[] {
    const out: number[] = [];
    const latin = /^[a-z]+$/.test(name);
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      if (latin && (/[a-z]/.test(text[i - 1] ?? '') || /[a-z]/.test(text[i + name.length] ?? ''))) continue;
      out.push(i);
    }
    return out;
  }

  /**
   * The clauses of the one loan `name` (said in clause `qi`) names: from the first other clause holding it to the
   * clause before the next loan's (or clause `qi`). Undefined when no other clause holds it; null when it fits
   * more than one loan.
   */
  function loanNamed(cs: Clause[], qi: number, name: string): { first: number; last: number } | null | undefined {
    const at = cs.map((c, i) => (i !== qi && occurrences(c.text, name).length ? i : -1)).filter((i) => i >= 0);
    if (!at.length) return undefined;
    const first = at[0]!;
    let last = first;
    // The naming clause with an amount (信用卡分期5000…) is the loan's own; without one (一个是小贷的) the loan's
    // amounts come in the clauses after it.
    let sawLoan = /\d/.test(cs[first]!.text);
    for (let i = first + 1; i < cs.length && i !== qi; i++) {
      if ((startsLoan(cs[i]!) || ordinals.some((o) => cs[i]!.text.startsWith(o))) && sawLoan) break;
      sawLoan ||= startsLoan(cs[i]!);
      last = i;
    }
    return at.some((i) => i > last) ? null : { first, last };
  }

  return {
    withoutSetAside(t) {
      const cs = clauses(t);
      const drop = new Set<number>();
      cs.forEach((c, i) => {
        if (!has(c.text, dismiss)) return;
        // 信用卡那个不用算: the loan that name fits (one only) is set aside with the clause saying so.
        const name = /\d/.test(c.text) ? undefined : nameIn(c.text);
        const span = name === undefined ? undefined : loanNamed(cs, i, name);
        if (span) {
          for (let k = span.first; k <= span.last; k++) drop.add(k);
          drop.add(i);
          return;
        }
        // 月薪1.2w，公积金扣1800，每个月还给爸妈2000，这些都不算: every clause before it in its sentence.
        if (!/\d/.test(c.text) && refersAll.some((w) => c.text.startsWith(w))) {
          for (let j = i - 1; j >= 0 && !SENTENCE_END.test(t[cs[j]!.end] ?? ''); j--) drop.add(j);
          drop.add(i);
          return;
        }
        // 甲：信用卡，不用管 (English 'Loan A: credit card, don't care'): a dismissal standing alone right after a clause
        // that names a kind of debt (no amount, no lending verb: 我妈借我的 may still be told) sets that debt aside.
        let p = i - 1;
        while (p >= 0 && !cs[p]!.text.trim()) p--;
        const prev = cs[p];
        if (dismiss.includes(c.text.trim()) && prev && !/\d/.test(prev.text) && has(prev.text, debt) && !has(prev.text, loanWords)) {
          for (let k = p; k <= i; k++) drop.add(k);
          return;
        }
        // 她那笔3000的不用管: a referring word with an amount in the clause is that other debt, said in place.
        if (has(c.text, debt) || (/\d/.test(c.text) && has(c.text, refers))) drop.add(i);
        // 还有一笔车贷每月还3000，这个不用管: the clause before is the one set aside. 一笔是银行消费贷5万，年利率4%，那个不用管:
        // the debt's clause may be a few clauses back (REFER_BACK), with only its details (no other loan) between.
        else if (!/\d/.test(c.text) && refers.some((w) => c.text.startsWith(w))) {
          for (let j = i - 1; j >= Math.max(0, i - REFER_BACK); j--) {
            if (/\d/.test(cs[j]!.text) && has(cs[j]!.text, debt)) {
              for (let k = j; k <= i; k++) drop.add(k);
              break;
            }
            if (startsLoan(cs[j]!) || !/\d/.test(cs[j]!.text)) break;
          }
        }
        // 我又借了一笔新的来还这笔，新的先不管: the dismissal's subject (新的) names the debt of a clause just before.
        else if (!/\d/.test(c.text)) {
          const at = Math.min(...dismiss.map((w) => c.text.indexOf(w)).filter((k) => k >= 0));
          const head = c.text.slice(0, at);
          if (head.length < 1 || head.length > 4 || has(head, notNames) || has(head, refers)) return;
          for (let j = i - 1; j >= Math.max(0, i - REFER_BACK); j--) {
            if (!cs[j]!.text.includes(head) || !has(cs[j]!.text, debt)) continue;
            drop.add(j);
            drop.add(i);
            break;
          }
        }
      });
      // Nothing set aside when no loan would be left ("借了1万…还12期不用管别的" says so of everything else).
      const kept = cs.filter((_, i) => !drop.has(i));
      if (!drop.size || !kept.some(startsLoan)) return t;
      return kept.map((c) => c.text).filter(Boolean).join(',');
    },
    circledAsOrdinals(t) {
      return t.replace(CIRCLED, (m: string, c: string) => ordinals[c.charCodeAt(0) - CIRCLED_ONE] ?? m);
    },
    namedLoan(t) {
      const cs = clauses(t);
      // 第二笔我觉得最黑，就问这笔: an ordinal said without an amount, in the clause asking or just before it, names the
      // loan told under that ordinal (第二笔借了… / ②网贷…), when it is told under it once.
      for (const [qi, q] of cs.entries()) {
        if (/\d/.test(q.text)) continue;
        const asks = (c: Clause | undefined) => c !== undefined && !/\d/.test(c.text) && before.some((b) => c.text.includes(b));
        const ordinal = ordinals.find((o) => q.text.includes(o));
        if (!ordinal || !(asks(q) || asks(cs[qi + 1]))) continue;
        const span = loanNamed(cs, qi, ordinal);
        if (!span) continue;
        return cs.slice(span.first, span.last + 1).map((c) => c.text).join(',');
      }
      for (const [qi, q] of cs.entries()) {
        // 帮我算这笔: no name, the loan just told of, when it is the only one told with its amount before the question.
        if (refersBack(q.text)) {
          const told = cs.slice(0, qi).flatMap((c, i) => (startsLoan(c) ? [i] : []));
          if (told.length === 1) return cs.slice(told[0], qi).map((c) => c.text).join(',');
        }
        const name = nameIn(q.text);
        if (!name) continue;
        const span = loanNamed(cs, qi, name);
        if (span === null) return undefined;
        if (!span) continue;
        // 主要想问美团那笔：6000，分12期，每期还560: the loan's numbers may follow the question that names it, up to
        // the next loan.
        let tail = qi + 1;
        if (span.last < qi) while (tail < cs.length && !startsLoan(cs[tail]!)) tail++;
        return [...cs.slice(span.first, span.last + 1), ...cs.slice(qi + 1, tail)].map((c) => c.text).join(',');
      }
      return undefined;
    },
  };
}
