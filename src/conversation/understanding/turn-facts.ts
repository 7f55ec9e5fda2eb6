/**
 * The facts a turn carries, for the loan calculator and the dialogue state: amounts with what they are
 * (principal, received, payment, total, fee, overdue), the term, dates (resolved in China time), rates, the
 * lender and its kind, who collectors contacted and what they did. Cue words are data in
 * knowledge/understanding/facts.yaml; number and date grammar is in money.ts and dates.ts.
 */
import type { FactCues } from '../../knowledge/understanding-data';
import type { ServiceNumbers } from '../../knowledge/service-numbers';
import type { CueCompiler, CueMatcher } from './cues';
import { findDates, smallNumber } from './dates';
import { findAmounts } from './money';
import { SPACE_BREAK, type TurnText } from './turn-text';
import type { MoneyFact, TurnFacts } from './types';

type Role = MoneyFact['role'];
type TermUnit = NonNullable<TurnFacts['term']>['unit'];

/** Reads the facts of a turn. */
export type FactReader = (tt: TurnText, at: Date) => TurnFacts;

const ROLE_ORDER = ['received', 'payment', 'total', 'fee', 'principal', 'overdue'] as const;

/**
 * Builds the fact reader for the cues. With `serviceNumbers`, hotlines and case numbers ("打12378有用吗") are no
 * amounts, terms or dates.
 */
export function createFactReader(cues: FactCues, compiler: CueCompiler, serviceNumbers?: ServiceNumbers): FactReader {
  const roleCues: Array<{ word: string; role: Role }> = ROLE_ORDER.flatMap((role) => cues.money.roles[role].map((word) => ({ word: word.toLowerCase(), role })));
  const breaks = compiler.clauseBreaks.replace(SPACE_BREAK, '');
  // "借款金额：6000": a colon joins a role word to its amount.
  const roleBreaks = breaks.replace(/[:：]/g, '');
  const rolesAfter = roleCues.filter((c) => cues.money.after.includes(c.word));
  const termUnits = (Object.entries(cues.term.units) as Array<[TermUnit, string[]]>).flatMap(([unit, words]) => words.map((w) => ({ unit, w })));
  termUnits.sort((a, b) => b.w.length - a.w.length);
  const termRe = new RegExp(`(\\d{1,3}|[一二两三四五六七八九十]{1,3}|半)(${termUnits.map((u) => escape(u.w)).join('|')})`, 'g');
  const rateRe = /(\d+(?:\.\d+)?)\s?[%％]/g;
  const unlicensed = compiler.compile(cues.lender.kinds.unlicensed);
  const licensed = compiler.compile(cues.lender.kinds.licensed);
  const contacted = compileMap(cues.contacted, compiler);
  const conduct = compileMap(cues.conduct, compiler);
  const suffixes = [...cues.lender.name_suffixes].sort((a, b) => b.length - a.length);
  const notNames = new Set(cues.lender.not_names);
  const nameRe = new RegExp(`([\\p{Script=Han}a-z]{2,4}?)(${suffixes.map(escape).join('|')})(?![\\p{Script=Han}])|在([\\p{Script=Han}a-z]{2,6})(?:那里?|这里?)?借`, 'gu');

  return (tt, at) => {
    const t = tt.t;
    const numbers = serviceNumbers ? serviceNumbers.blank(t) : t;
    return {
      amounts: readAmounts(numbers),
      ...optional('term', readTerm(numbers)),
      dates: findDates(numbers, at).map((d) => ({ iso: d.iso, role: dateRole(t, d.start, d.end), ...(d.precision !== 'day' ? { precision: d.precision } : {}) })),
      ...optional('rates', readRates(numbers)),
      ...optional('lender', readLender(t)),
      contacted: matchIds(contacted, t),
      conduct: matchIds(conduct, t),
    };
  };

  function readAmounts(t: string): MoneyFact[] {
    const hits = findAmounts(t, cues.money.not_before, cues.money.not_after, cues.money.bare_min);
    const out: MoneyFact[] = [];
    for (const h of hits) {
      const role = roleBefore(t, h.start) ?? roleAfter(t, h.end);
      if (!h.unit && role === undefined && !/^\s*$/.test(t.replace(t.slice(h.start, h.end), ''))) continue;
      out.push({ value: h.value, role: role ?? 'unknown' });
    }
    return out;
  }

  /** The role cue ending nearest before `pos` in its clause (longest on a tie). */
  function roleBefore(t: string, pos: number): Role | undefined {
    let best: { dist: number; len: number; role: Role } | undefined;
    const from = Math.max(0, pos - cues.money.window - 6);
    const window = t.slice(from, pos);
    for (const c of roleCues) {
      let i = window.lastIndexOf(c.word);
      while (i >= 0) {
        const end = from + i + c.word.length;
        const between = t.slice(end, pos);
        const dist = pos - end;
        if (dist <= cues.money.window && !hasBreak(between)) {
          if (!best || dist < best.dist || (dist === best.dist && c.word.length > best.len)) best = { dist, len: c.word.length, role: c.role };
          break;
        }
        i = i > 0 ? window.lastIndexOf(c.word, i - 1) : -1;
      }
    }
    return best?.role;
  }

  /** "2万本金", "3000服务费": a role word right after the amount. */
  function roleAfter(t: string, end: number): Role | undefined {
    const rest = t.slice(end, end + 8).replace(/^[元块钱的¦\s]{0,2}/, '');
    return rolesAfter.filter((c) => rest.startsWith(c.word)).sort((a, b) => b.word.length - a.word.length)[0]?.role;
  }

  function hasBreak(s: string): boolean {
    for (const ch of s) if (roleBreaks.includes(ch)) return true;
    return false;
  }

  function readTerm(t: string): TurnFacts['term'] | undefined {
    termRe.lastIndex = 0;
    for (let m = termRe.exec(t); m; m = termRe.exec(t)) {
      const before = t.slice(Math.max(0, m.index - 6), m.index);
      if (cues.term.not_after.some((w) => before.endsWith(w))) continue;
      if (t[m.index - 1] === '第' || /\d/.test(t[m.index - 1] ?? '')) continue;
      const count = m[1] === '半' ? 0.5 : smallNumber(m[1]!);
      if (!(count > 0)) continue;
      const unit = termUnits.find((u) => u.w === m![2])!.unit;
      return { count, unit };
    }
    return undefined;
  }

  function readRates(t: string): TurnFacts['rates'] | undefined {
    const out: NonNullable<TurnFacts['rates']> = [];
    rateRe.lastIndex = 0;
    for (let m = rateRe.exec(t); m; m = rateRe.exec(t)) {
      const before = t.slice(Math.max(0, m.index - 8), m.index);
      const per = (['day', 'month', 'year'] as const).find((p) => cues.rates[p].some((w) => before.includes(w))) ?? 'unknown';
      out.push({ percent: Number(m[1]), per });
    }
    return out.length ? out : undefined;
  }

  function readLender(t: string): TurnFacts['lender'] | undefined {
    // "是不是持牌的" asks; it does not say "不是持牌".
    const said = t.replace(/是不是|是否|有没有|算不算/g, (q) => '_'.repeat(q.length));
    const type = unlicensed.test(said) ? 'unlicensed' : licensed.test(said) ? 'licensed' : undefined;
    const name = headerName(t) ?? platformName(t);
    if (!name && !type) return undefined;
    return { ...(name ? { name } : {}), type: type ?? 'unknown' };
  }

  function headerName(t: string): string | undefined {
    const m = /【([^】]{2,10})】/.exec(t);
    if (!m || cues.lender.not_in_header.some((w) => m[1]!.includes(w))) return undefined;
    return m[1];
  }

  function platformName(t: string): string | undefined {
    nameRe.lastIndex = 0;
    for (let m = nameRe.exec(t); m; m = nameRe.exec(t)) {
      const name = m[3] ?? `${m[1]}${m[2]}`;
      if (!name || notNames.has(name) || (m[1] && notNames.has(m[1])) || [...notNames].some((n) => name.endsWith(n) && name.length <= n.length + 1)) continue;
      const head = m[3] ?? m[1]!;
      if (cues.lender.not_in_name.some((w) => head.includes(w))) continue;
      return name;
    }
    return undefined;
  }

  function dateRole(t: string, start: number, end: number): 'contract' | 'event' | 'unknown' {
    let a = start;
    while (a > 0 && !breaks.includes(t[a - 1]!)) a--;
    let b = end;
    while (b < t.length && !breaks.includes(t[b]!)) b++;
    const clause = t.slice(a, b);
    if (cues.dates.contract.some((w) => clause.includes(w))) return 'contract';
    if (cues.dates.event.some((w) => clause.includes(w))) return 'event';
    return 'unknown';
  }
}

function compileMap(map: Record<string, string[]>, compiler: CueCompiler): Array<[string, CueMatcher]> {
  return Object.entries(map).map(([id, patterns]) => [id, compiler.compile(patterns)]);
}

function matchIds(list: Array<[string, CueMatcher]>, t: string): string[] {
  return list.filter(([, m]) => m.test(t)).map(([id]) => id);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
}
