/**
 * Reads a borrower's description of a loan into LoanFacts: "借1万到手7000每月还1050还12期",
 * "借2000，7天后还2600", "借5万月息2分，先息后本12个月", "砍头3000，分12期每期还1050", "7天期，展期了两次，
 * 每次展期费400，第21天还清2000". Which number is what comes from the cue word nearest to it in its clause
 * (before it, or right after it: "7000到手"); a payment cue earlier in the clause turns 还款/利息/服务费 into
 * per-instalment amounts. Numbers are never guessed: a number mentioned without its value is recorded as
 * `unstated`, and cashFlowsOf asks for it.
 */
import type { LoanCues } from './interest-data';
import type { ServiceNumbers } from '../knowledge/service-numbers';
import type { LoanFacts, MissingNumber, TermUnit } from './loan-facts';
import { daysOf, type Payment } from './cash-flow';
import { createNumberGrammar, type NumberHit } from './numbers-text';
import { createDateReader } from './text-dates';
import { createTextFold, type TextFold } from './text-fold';
import { createRateReader } from './rate-text';
import { createFeePercentReader, type FeePercent } from './fee-percent';
import { askInsteadOfGuessing, type Doubt } from './ambiguity';
import { createLoanChoice } from './loan-choice';
import { cashFlowsOf } from './facts-to-flows';

/** Two terms offered as alternatives ("10期还是12期", "一年半还是两年"): the term is asked, never picked. */
const TERM_EITHER = /[0-9一二两三四五六七八九十百半]+\s*(?:期|个月|月|年|天|周|个星期)?\s*还是\s*[0-9一二两三四五六七八九十百半]+\s*(?:期|个月|月|年|天|周|个星期)/;

type Role = 'principal' | 'received' | 'payment' | 'total' | 'fee' | 'interest' | 'rollover';
/** Characters that must stand between another debt's word and a borrowing verb for the verb to start this loan. */
const OTHER_DEBT_VERB_GAP = 3;
const ROLES: readonly Role[] = ['principal', 'received', 'payment', 'total', 'fee', 'interest', 'rollover'];

/** Reads one text into loan facts as of `at` (for relative dates). */
export type LoanTextParser = (text: string, at: Date) => LoanFacts;


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
  /** Written as 第N天 / 第N个月: a point in time, not a length. */
  ordinal: boolean;
  /** Written as 分N个月 / 分N周: N instalments, one a month (week). */
  split?: boolean;
  /** Written as 还N次: N payments, however far apart. */
  times?: boolean;
}

interface TimedHit extends Payment {
  start: number;
  end: number;
  ordinal: boolean;
  /** 又过15天还了5000 with no earlier timed payment: counted from a due date the text gives otherwise. */
  afterDue?: boolean;
  /** 第7天要交一次服务费200: a fee paid at that time, not at signing. */
  fee?: boolean;
}

/**
 * Lower-cases and folds full-width forms (１万, ％, ，). White space separates phrases ("借1500到手1000 7天还1500")
 * and becomes a clause break, except between a cue word and the number it introduces ("到手 7000", and the
 * form-like "月供:2224.44"), where it is dropped. A cue word followed by words, not a number, ends its phrase: in "扣了服务费 每个月还1000" the fee
 * word must not reach into the next phrase.
 */
/**
 * Contract and order numbers ("借款编号XD20250612-0043", "合同号CF2024081900321"): letters then five or more digits.
 * They are not amounts ("借款编号…" once read 20,250,612 yuan as the principal); currency prefixes (rmb5000) stay.
 */
const REFERENCE_NUMBER = /(?<![a-z])(?!rmb|cny|usd)[a-z]{1,6}\d{5,}[\da-z-]*/g;

/**
 * A sum worked out in the message ("每月还(10000+1000)/12=916.67"): only its result is the amount; the operands
 * (the principal, the interest, the count) are the borrower's working, not more amounts of the loan.
 */
const WORKED_SUM = /\(?[\d.,万千kw]+\)?(?:[-+*/×÷]\(?[\d.,万千kw]+\)?)+=(?=\d)/g;

/** Telephone numbers written in groups ("400-800-1234", "021-6234 5678" is not matched): not amounts, nor a range. */
/**
 * 的“信审费”: an amount's own fee, named by up to three characters ending in 费 (group 1: the 的). 3万的消费贷 is a
 * kind of loan (消费贷, 消费金融), no fee.
 */
const FEE_NAMED_AFTER = /^(的)?["“”'‘’「」]?(?![\u4e00-\u9fff]{0,2}消费[贷金分])[\u4e00-\u9fff]{1,3}费(?![率贷金])/u;
const PHONE_NUMBER = /(?<![\d.])\d{3,4}-\d{3,4}-\d{3,4}(?![\d.])/g;
/** A mobile number typed in groups or half hidden ("186 1234 5678", "138****5566"): not amounts. */
const MOBILE_NUMBER = /(?<![\d.])1[3-9]\d(?:\s\d{4}\s\d{4}|\s?\*{4}\s?\d{4})(?![\d.])/g;

export function normalizeLoanText(text: string, joinAfter: readonly string[] = [], fold?: TextFold, numberStart: RegExp = /^\d/, spaced?: SpacedJoins): string {
  const lowered = text.normalize('NFKC').toLowerCase().trim().replace(REFERENCE_NUMBER, ' ').replace(PHONE_NUMBER, ' ').replace(MOBILE_NUMBER, ' ');
  const t = fold ? fold(lowered).trim() : lowered;
  return t.replace(/\s*:\s*|\s+/g, (ws: string, i: number) => {
    const next = i + ws.length;
    // A line break joins only a label to its number on the next line (借款金额\n3000), never a number to the words
    // of the next line (到账金额 2700\n期数 3期: the line's 期 is no unit of 2700).
    const joins = (numberStart.test(t.slice(next, next + 2)) && joinAfter.some((w) => t.endsWith(w, i))) || (!ws.includes(':') && !ws.includes('\n') && spaced !== undefined && spacedJoin(t, i, next, spaced));
    if (joins) return '';
    if (ws.includes(':')) return ':';
    // "got 9,500 after a 500 fee": with the English words dropped, two numbers stand a space apart; a ',' before
    // three digits would read as a thousands separator (9,500,500), so that break is the full-width one.
    return /\d$/.test(t.slice(0, i)) && /^\d{3}(?![\d.])/.test(t.slice(next)) ? '，' : ',';
  });
}

/**
 * Words a space does not separate from what stands before them: a unit after a number ("分 24 期", "5000 元") and
 * 后 after a unit ("7 天 后 还"). Typed spaces around numbers are common; read as clause breaks they cut a number
 * from its unit, and the term was asked for.
 */
export interface SpacedJoins {
  afterDigit: readonly string[];
  afterUnit: readonly string[];
  units: readonly string[];
  /** Cue words a space may split ("每月 还 1000" is 每月还 1000, not 每月 and then a total). */
  cues: readonly string[];
  /** 还50 每天: a paying verb and its amount, a space, then the period they are paid in. */
  paidPeriod?: { verbs: readonly string[]; words: readonly string[] };
  /** Labels that start with a unit word (到账金额 2700 期数 3期): the unit of no number before them. */
  labels?: readonly string[];
}

function spacedJoin(t: string, i: number, next: number, s: SpacedJoins): boolean {
  const word = (ws: readonly string[]) => ws.find((w) => t.startsWith(w, next));
  // The longest cue split here must start a phrase: in "还1000一个月 还12个月" the 一个月 (of 一个月还) closes the
  // amount before it, so neither it nor its 月 (of 月还) joins the 还 after the space.
  let left = 0;
  for (const c of s.cues) for (let k = 1; k < c.length; k++) if (k > left && t.endsWith(c.slice(0, k), i) && t.startsWith(c.slice(k), next)) left = k;
  if (left > 0 && !/\d/.test(t[i - left - 1] ?? '')) return true;
  // 还50 每天: the period word after a paid amount belongs to it (a break would leave 50 a sum paid once).
  if (s.paidPeriod && word(s.paidPeriod.words)) {
    const m = /([^\d.,\s]+)[\d.,]+[元块]?$/.exec(t.slice(0, i));
    if (m && s.paidPeriod.verbs.some((v) => m[1]!.endsWith(v))) return true;
  }
  // Only a number typed with a space on both sides: "借款10000 期限3个月" and "到账：6400 期数：4期" keep their
  // break (期限, 期数 are words of their own, not the unit of the number before them).
  // (",12 个月": a clause break before the number is as good as a space.)
  const spacedNumber = (end: number) => /(?:\s|^|(?<!\d)[,，;；。])[\d.,]+\s*$/.test(t.slice(0, end));
  const unit = word(s.afterDigit);
  // 5000 天天被催: a unit word doubled is another word, not the unit.
  if (/\d$/.test(t.slice(0, i)) && spacedNumber(i) && unit && !t.startsWith(unit + unit, next) && !s.labels?.some((w) => t.startsWith(w, next))) return true;
  const before = s.units.find((u) => t.endsWith(u, i));
  return word(s.afterUnit) !== undefined && before !== undefined && spacedNumber(i - before.length);
}


/**
 * Builds the parser over the cue words of knowledge/interest/cues.yaml. With `serviceNumbers`, hotlines and case
 * numbers ("打12378有用吗", "（2025）京0105民初12345号") are blanked before anything is read: they are never amounts.
 */
export function createLoanTextParser(cues: LoanCues, serviceNumbers?: ServiceNumbers): LoanTextParser {
  const grammar = createNumberGrammar(cues.numerals);
  const { findNumbers, smallCount } = grammar;
  const findDates = createDateReader(cues.dates, grammar);
  const CN_COUNT = grammar.patterns.count;
  const AMOUNT = grammar.patterns.amount;
  // 到账金额 ¥6,500.00: a currency sign may open the number a label's space is dropped before.
  const numberStart = new RegExp(`^(?:${cues.numerals.currency_before.map(escapeRe).join('|')})?${grammar.patterns.start}`);
  const lower = (xs: readonly string[]) => [...new Set(xs.map((x) => x.toLowerCase()))].sort((a, b) => b.length - a.length);
  const before = ROLES.map((role) => ({ role, words: lower(cues.before[role]) }));
  const after = ROLES.map((role) => ({ role, words: lower(cues.after[role] ?? []) }));
  const notCues = lower(cues.not_cues);
  const perPeriodWords = lower(cues.per_period);
  /** 每月, 每期 …: the per-period words that say "every", not "one" (一期, 一个月). */
  const everyPeriodWords = perPeriodWords.filter((w) => w.startsWith('每'));
  const notPerPeriod = lower(cues.not_per_period);
  const notAfter = lower(cues.not_after);
  const notBefore = lower(cues.not_before);
  const otherDebts = lower(cues.other_debts);
  const otherDebtsWhen = lower(cues.other_debts_when);
  /** 借, 贷: the verbs that start a loan's own amount (欠 may be what is owed on another debt). */
  /** 要还, 应还: what was due at a time, not what was paid then. */
  const dueWords = lower(cues.rollover_due);
  /** 除了: what comes after it is said beside, not added. */
  const besidesWords = lower(cues.besides_words);
  /** 扣了, 砍头 …: a deduction from the amount lent. */
  const deductionWords = lower(cues.deduction_words);
  const loanVerbs = lower(cues.loan_choice.loan_words).filter((w) => !w.includes('欠'));
  const termNotAfter = lower(cues.term.not_after);
  const perMonthAfter = lower(cues.term.each_month_after);
  const settleWords = lower(cues.early_payoff.settle_words);
  const interestEveryOf = new Map(Object.entries(cues.interest_every_months).map(([w, k]) => [w.toLowerCase(), k]));
  const interestEveryWords = lower(Object.keys(cues.interest_every_months));
  const unitWords = (Object.entries(cues.term.units) as Array<[Term['unit'], string[]]>)
    .flatMap(([unit, ws]) => ws.map((w) => ({ unit, w: w.toLowerCase() })))
    .concat(cues.term.instalment_units.map((w) => ({ unit: 'period' as const, w: w.toLowerCase() })))
    .sort((a, b) => b.w.length - a.w.length);
  const termRe = new RegExp(`(第)?(\\d+(?:\\.\\d+)?|${CN_COUNT}|半)(个半月|${unitWords.map((u) => escapeRe(u.w)).join('|')})`, 'g');
  const has = (t: string, ws: readonly string[]) => ws.some((w) => t.includes(w.toLowerCase()));
  /** The rollover words (展期, 续期 …) as one alternation, longest first. */
  const rolloverAlt = lower(cues.rollover).sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  const joinAfter = [...before.flatMap((b) => b.words), ...lower(cues.term.count_labels)];
  const spacedJoins: SpacedJoins = {
    afterDigit: lower(cues.spaced_joins.after_digit),
    afterUnit: lower(cues.spaced_joins.after_unit),
    units: lower(Object.values(cues.term.units).flat()),
    cues: lower(cues.spaced_joins.cue_roles.flatMap((role) => cues.before[role])).filter((w) => w.length > 1),
    paidPeriod: { verbs: lower(cues.payment_every.verbs), words: lower(cues.spaced_joins.paid_period) },
    labels: lower(cues.spaced_joins.labels),
  };
  const countLabelRe = new RegExp(`(?:${lower(cues.term.count_labels).map(escapeRe).join('|')})(\\d+|${CN_COUNT})(?![\\d.])`, 'g');
  const splitWords = lower(cues.term.split_words);
  const notRollover = lower(cues.not_rollover);
  /** Lender names written as numbers (714): not amounts. */
  const numericNames = cues.lender.unlicensed.filter((w) => /^\d+$/.test(w));
  const approximate = lower(cues.approximate_after);
  const countAfterApproximate = lower(cues.count_after_approximate);
  /** 分12期收: a fee spread over the instalments. */
  const feeSpreadRe = new RegExp(`^[^\\d]{0,4}分(?:\\d+|${CN_COUNT})期`);
  const feeWords = lower([...cues.before.fee, ...(cues.after.fee ?? [])]).filter((w) => !w.startsWith('的'));
  const feeNouns = lower(cues.fee_names);
  const feeRefusals = lower(cues.fee_refusals);
  const feeRateWords = lower(cues.fee_rate_after);
  const basisWords = lower(cues.basis_words);
  const basisQualifiers = lower(cues.basis_qualifiers);
  const fold = createTextFold(cues);
  const rates = createRateReader(cues, grammar);
  const readFeePercents = createFeePercentReader(cues, grammar);
  const interestWeekWords = lower(cues.interest_week_words);
  /** 利息 / 息: the words after which 一个月 / 一周 is the interest's period (利息一周500). */
  const interestWords = lower(cues.part_words.interest);
  const breakChars: ReadonlySet<string> = new Set(cues.clause_breaks.flatMap((w) => [...w]));
  const altOf = (xs: readonly string[]) => lower(xs).map(escapeRe).join('|');
  const uf = cues.unknown_fees;
  /** Every word that already names a fee, a rollover fee or something else ending in 费: left as it is. */
  const knownFeeEnds = lower([...cues.fee_names, ...cues.before.fee, ...(cues.after.fee ?? []), ...cues.before.rollover, ...(cues.after.rollover ?? []), ...cues.other_debts, ...uf.not_fees]).filter((w) => w.endsWith('费'));
  const unknownFeeRe = new RegExp(`[\\u4e00-\\u9fff]{${uf.name_chars}}费(?!${altOf(uf.not_after)})`, 'gu');
  /**
   * 一次性开户费800 / 激活费300: a fee whose name the cue lists do not hold is read as the listed one (read_as), so it
   * is counted as deducted, paid each period or asked like any fee, never dropped.
   */
  const unknownFeesNamed = (t: string): string =>
    t.replace(unknownFeeRe, (m: string, at: number) => {
      const end = at + m.length;
      if (knownFeeEnds.some((w) => t.endsWith(w, end)) || has(m.slice(0, -1), uf.not_in_name)) return m;
      return uf.read_as;
    });
  /**
   * 第7天要交一次服务费200 / 第2周交300的管理费: a fee paid on a named day or week after the loan, a payment then, not
   * one taken at signing (groups: the count, the unit, the amount after the fee's name or before it).
   */
  const timedFeeRe = (() => {
    const units = Object.entries(cues.timed.units).filter(([, u]) => u === 'day' || u === 'week').map(([w]) => w);
    const amount = `(${grammar.patterns.amount.replace(/^\(/, '(?:')})`;
    const gap = `[^\\d${[...new Set(cues.clause_breaks.flatMap((w) => [...w]))].map(escapeClass).join('')}]`;
    // The fee's name may be quoted and carry words of its own before the listed name (200"账户管理费", 298元的"加速卡"会员费).
    const quote = `[${cues.quote_marks.map(escapeClass).join('')}]`;
    const named = `(?:${quote}[\\u4e00-\\u9fff]{0,5}?${quote}?)?(?:${altOf(cues.fee_names)})`;
    return new RegExp(`${escapeRe(cues.timed.ordinal)}(\\d+|${CN_COUNT})(${altOf(units)})${gap}{0,8}?(?:${named}${quote}?${gap}{0,2}?${amount}|${amount}(?:${altOf(cues.numerals.currency_after)})?的?${named})`, 'g');
  })();
  const everyWords = lower(Object.keys(cues.payment_every.words));
  const everyVerbs = lower(cues.payment_every.verbs);
  /** 还100每天: a paying verb and its amount right before the period word. */
  const paidBeforeRe = new RegExp(`(?:${everyVerbs.map(escapeRe).join('|')})${AMOUNT}$`);
  const everyCountRe = new RegExp(`^每(\\d+|${CN_COUNT})(${lower(Object.keys(cues.payment_every.units)).map(escapeRe).join('|')})`);
  /** 每7天还300 / 每两周还500: an interval of days or weeks before an amount makes it a per-instalment one. */
  const everyInLeadRe = new RegExp(`每(?:\\d+|${CN_COUNT})(?:${lower(Object.keys(cues.payment_every.units)).map(escapeRe).join('|')})|${everyWords.map(escapeRe).join('|')}`);
  /** 第7个月起 / 从第4期开始: the instalment changes part-way, a schedule in stages. */
  const scheduleChangeRe = new RegExp(`第(?:\\d+|${CN_COUNT})(?:${altOf(cues.schedule_change.units)})(?:${altOf(cues.schedule_change.after)})`);
  const stageNumberRe = new RegExp(`^第(\\d+|${CN_COUNT})`);
  const rangeJoiners = lower(cues.range_joiners);
  const li = cues.lead_in;
  const liUnits = altOf(Object.keys(li.units));
  const liFill = `(?:${altOf(li.fillers)}){0,2}`;
  /** 前3个月不用还 / 头两个月只还利息: the first periods of the loan repaid differently (grace or partial). */
  const leadInRe = new RegExp(`(?<![提之以])(?:${altOf(li.before)})(\\d+|${CN_COUNT})(${liUnits})${liFill}(?:(${altOf(li.grace)})|(${altOf(li.partial)}))`, 'g');
  /** 有3个月宽限期 / 宽限期3个月: a grace period named as such. */
  const graceNamedRe = new RegExp(`(\\d+|${CN_COUNT})(${liUnits})的?(?:${altOf(li.grace_named)})|(?:${altOf(li.grace_named)})(?:${altOf(li.grace_links)})?(\\d+|${CN_COUNT})(${liUnits})`, 'g');
  const tc = cues.timed;
  // The amount may carry thousands commas (第5天还1,000: English "1,000 on day 5"), and be named as the principal and
  // the interest together first (第5个月还了本息20400).
  const partsLabel = `(?:${altOf(tc.last_parts.label)})`;
  const partJoiners = lower([...tc.last_parts.joiners, ...cues.worded_sum.joiners]);
  /** 第6周还了本金加最后一周利息10500: the label of a timed payment's amount, read as 本息 (its 利息 is no interest cue). */
  const timedPartsLabelRe = new RegExp(
    `(${escapeRe(tc.ordinal)}(?:\\d+|${CN_COUNT})(?:${altOf(Object.keys(tc.units))})(?:${altOf(tc.after_unit)})?[${tc.fillers.map(escapeClass).join('')}]{0,2}(?:${altOf(tc.verbs)})(?:了)?)(?:${altOf(tc.last_parts.principal)})(?:${altOf(tc.last_parts.joiners)})(?:${altOf(tc.last_parts.interest)})(?=[\\d${Object.keys(cues.numerals.digits).join('')}])`,
    'g',
  );
  const timedRe = new RegExp(
    `(${escapeRe(tc.ordinal)})?(\\d+|${CN_COUNT})(${altOf(Object.keys(tc.units))})(?:${altOf(tc.after_unit)})?(?:[${tc.fillers.map(escapeClass).join('')}]{0,2}(?:${altOf(tc.once)})?(${altOf(tc.verbs)})(?:了|的)?)?[:：,]?(?:${altOf(tc.remainder)})?(?:${partsLabel}[:：,]?)?(\\d{1,3}(?:,\\d{3})+(?![\\d])(?:\\.\\d+)?|${AMOUNT.replace(/^\(/, '(?:')})`,
    'g',
  );
  /**
   * 第14天把1500还上了 / 第28天我总算把3000还上了 / 第40天把剩下的连利息一共2600还清: a time, then (a subject and a filler
   * or two,) 把 (and words saying what the amount is) and the amount before its paying verb (groups: the time, the amount).
   */
  const movedObjectRe = new RegExp(
    `(${escapeRe(tc.ordinal)}?(?:\\d+|${CN_COUNT})(?:${altOf(Object.keys(tc.units))})(?:${altOf(tc.after_unit)})?)(?:${altOf(tc.moved_object.subjects)})?(?:${altOf(tc.fillers)}){0,2}${escapeRe(tc.moved_object.lead)}(?:${altOf(tc.moved_object.between)}){0,3}(${AMOUNT.replace(/^\(/, '(?:')})(?:${altOf(cues.numerals.currency_after)})?(?:${altOf(tc.moved_object.verbs)})`,
    'g',
  );
  /**
   * 第60天把8000和又一个30天的利息120一起还了: a time, then 把 two amounts joined (和, 连同) and paid together: one payment
   * of their sum then (groups: the time, the first amount, the second).
   */
  const movedTogetherRe = new RegExp(
    `(${escapeRe(tc.ordinal)}?(?:\\d+|${CN_COUNT})(?:${altOf(Object.keys(tc.units))})(?:${altOf(tc.after_unit)})?)(?:${altOf(tc.moved_object.subjects)})?(?:${altOf(tc.fillers)}){0,2}${escapeRe(tc.moved_object.lead)}(${AMOUNT.replace(/^\(/, '(?:')})(?:${altOf(cues.numerals.currency_after)})?(?:${altOf(tc.last_parts.principal)})?(?:${altOf(tc.moved_object.joiners)})[^,，。;；]{0,14}?(?<![\\d.])(${AMOUNT.replace(/^\(/, '(?:')})(?:${altOf(cues.numerals.currency_after)})?(?:${altOf(tc.last_parts.interest)})?(?:${altOf(tc.moved_object.together)})(?:${altOf(tc.moved_object.verbs)})`,
    'g',
  );
  /** 第6个月…顺便还了4万本金: the month (group 1) and the part of the principal repaid then (group 2). */
  const partPrepaidRe = new RegExp(
    `${escapeRe(tc.ordinal)}(\\d+|${CN_COUNT})(?:个月|期)[^。；;!！?？]{0,12}?(?:${altOf(cues.early_payoff.part_words)})(${AMOUNT.replace(/^\(/, '(?:')})(?:${altOf(cues.numerals.currency_after)})?(?:${altOf(cues.early_payoff.principal_after)})`,
  );
  /**
   * 第1、2、3个月付1000利息: months listed under one 第, then what each paid (groups: the list, the unit, the paying
   * words, the amount). Read as each month said on its own when the list runs from the first month without a gap;
   * another list (第3、6、9、12个月) is left to the rule that asks.
   */
  const monthListRe = new RegExp(
    `${escapeRe(tc.ordinal)}((?:\\d+|${CN_COUNT})(?:、${escapeRe(tc.ordinal)}?(?:\\d+|${CN_COUNT}))+)(个月|期)((?:${altOf(tc.fillers)}){0,2}(?:${altOf(cues.dates.each_words)})?(?:${altOf(tc.verbs)})了?)(${AMOUNT.replace(/^\(/, '(?:')})`,
    'g',
  );
  const monthsListed = (whole: string, list: string, unit: string, verb: string, amount: string): string => {
    const ns = list.split('、').map((x) => smallCount(x.replace(tc.ordinal, '')));
    if (!ns.every((n, i) => n === i + 1)) return whole;
    const bare = verb.replace(new RegExp(`^(?:${altOf(tc.fillers)})*(?:${altOf(cues.dates.each_words)})?`), '');
    return ns.map((n) => `${tc.ordinal}${n}${unit}${bare}${amount}`).join(',');
  };
  /** 第4个月还本金10000加当月利息300: one payment at a named period told as its principal and interest parts. */
  const lastPartsRe = new RegExp(
    `${escapeRe(tc.ordinal)}(\\d+|${CN_COUNT})(?:个月|期)(?:[${tc.fillers.map(escapeClass).join('')}]{0,2}(?:${altOf(tc.verbs)})(?:了)?)(?:${altOf(tc.last_parts.principal)})(${AMOUNT.replace(/^\(/, '(?:')})(?:${altOf(tc.last_parts.joiners)})(?:${altOf(tc.last_parts.interest)})(${AMOUNT.replace(/^\(/, '(?:')})`,
    'g',
  );
  /**
   * 第6个月还 / 最后一个月还 / 最后一期还: a month or instalment named as a point in time, right before the amount's
   * paying words (at most four characters): the 月还 / 一期还 in it are no per-period cue, the amount is paid once then.
   */
  const pointBeforeRe = new RegExp(`(?:${altOf(tc.last)}|${escapeRe(tc.ordinal)}(?:\\d+|${CN_COUNT}))(?:个月|月|期)[^\\d,，。;；]{0,4}$`);
  /** 最后一个月: the 一个月 of a point in time, not a term of one month. */
  const lastBeforeRe = new RegExp(`(?:${altOf(tc.last.map((w) => w.replace(/一$/, '')))})$`);
  const fp = cues.fee_periods;
  /** 前三期多交100: a fee on the first N instalments. */
  const feeFirstSpanRe = new RegExp(`(?<![提之以])(?:${altOf(fp.first)})(\\d+|${CN_COUNT})(?:${altOf(fp.units)})`);
  /** 第2个月开始每期多收20: a fee on every instalment from the N-th on. */
  const feeFromSpanRe = new RegExp(`${escapeRe(tc.ordinal)}(\\d+|${CN_COUNT})(?:${altOf(fp.units)})(?:${altOf(fp.from_after)})`);
  /** 第3、6、9、12个月 / 第7、14天: several times named in one list. */
  const ordinalListRe = new RegExp(`${escapeRe(tc.ordinal)}(?:\\d+|${CN_COUNT})、${escapeRe(tc.ordinal)}?(?:\\d+|${CN_COUNT})`);
  /** 第3个月的时候还要额外交…1000 / 借款后第二个月还要交一次评估费500: a fee on that one instalment only. */
  const feeSingleSpanRe = new RegExp(`${escapeRe(tc.ordinal)}(\\d+|${CN_COUNT})(?:${altOf(fp.single_units)})(?!${altOf(fp.from_after)})`);
  /** 按3万算 / 按一万收: interest on the amount lent (flat). */
  const flatBasisRe = new RegExp(`(?:${altOf(cues.basis_words)})(?:${altOf(cues.basis_qualifiers)})?(?:[\\d.,]+|[${Object.keys(cues.numerals.digits).join('')}${Object.keys(cues.numerals.units).join('')}${Object.keys(cues.numerals.big).join('')}])+(?:${altOf(Object.keys(cues.numerals.magnitudes))})?\\d?(?:${altOf(cues.numerals.currency_after)})?(?:来)?(?:${altOf(cues.flat_basis_after)})`);
  const currencyLead = new RegExp(`^(?:${altOf(cues.numerals.currency_after)})`);
  const defaultWords = lower(cues.default_words);
  const included = lower(cues.included_words);
  const interestPeriodWords = lower(cues.interest_period_words);
  const exactWords = lower(cues.exact_words);
  const moneyLinkWords = lower(cues.rates.money_links).filter((w) => !['收', '给'].includes(w));
  const timesRe = new RegExp(
    `(${grammar.patterns.amount.replace(/^\(/, '(?:')}),?(?:${altOf([...everyPeriodWords, ...lower(cues.after.payment ?? []).filter((w) => w.startsWith('/'))])})?,?(?:${altOf(cues.times_signs)}),?(\\d+|${CN_COUNT})(?:${altOf([...cues.term.units.period, ...cues.term.units.month])})?(?![\\d万千kw]|\\.\\d)`,
    'g',
  );
  const receivedBare = lower(cues.received_without_amount);
  const vague = lower(cues.vague_amounts);
  const relativeBefore = lower(cues.timed.relative_before);
  const instalmentUnits = lower(cues.term.instalment_units);
  const alternatives = lower(cues.alternatives);
  const uncertainBefore = lower(cues.uncertain_before);
  const confirmedAfter = lower(cues.uncertain_confirmed);
  const forgotten = lower(cues.forgotten);
  const agoWords = lower(cues.term.ago_words);
  const partListStop = lower(cues.part_list_stop);
  const paidAndLeftRe = new RegExp(`(?:${altOf(cues.term.paid_before)})(\\d+|${CN_COUNT})期[^\\d]{0,6}?(?:${altOf(cues.term.left_before)})(\\d+|${CN_COUNT})期`);
  const notDeduction = lower(cues.not_deduction);
  const paidWords = lower(cues.term.paid_before);
  const leftWords = lower(cues.term.left_before);
  const feeTiming = lower(cues.fee_timing_words);
  const severalLoans = lower(cues.several_loans);
  const relativeVerbs = lower(cues.term.relative_verbs);
  const relativeTerms = Object.entries(cues.term.relative).sort((a, b) => b[0].length - a[0].length);

  /**
   * 月息2%(按5000算)100: an aside in brackets that says what the rate is charged on is part of its clause, not a
   * break (the interest after it would be cut from the instalment it is a part of).
   */
  const basisAsideRe = new RegExp(`\\(((?:${altOf(cues.basis_words)})[^(),，。;；:]{1,12}?)\\)`, 'g');
  /**
   * 一个月(30天) / 又过了18天(就是第30天): a time restated in days in brackets; the days are the precise one, and
   * replace it (group 1).
   */
  const restatedTimeRe = new RegExp(
    `(?:${altOf(cues.timed.relative_before)})?(?:\\d+|${CN_COUNT}|${escapeRe(cues.numerals.half)})(?:${altOf([...cues.term.units.year, ...cues.term.units.month, ...cues.term.units.week, ...cues.term.units.day])})\\((?:${altOf(cues.timed.restated)})?(第?\\d+天)\\)`,
    'g',
  );
  /** 借3000一个月(30天): the days stand where the time was, apart from an amount right before it (not 300030天). */
  const restatedTime = (_m: string, days: string, at: number, whole: string): string => (/\d/.test(whole[at - 1] ?? '') ? `,${days}` : days);
  /** The words of each way of repaying, to tell when two are offered as alternatives. */
  const kindWords = [
    { kind: 'equal_principal', words: lower(cues.equal_principal) },
    { kind: 'equal_instalments', words: lower(cues.equal_instalments) },
    { kind: 'interest_only', words: lower(cues.interest_only) },
    { kind: 'flat', words: lower(cues.flat) },
    { kind: 'bullet', words: lower(cues.bullet) },
  ];
  /** 前 / 头 right before a length: the first periods of the loan, not its whole term. */
  const leadInBeforeRe = new RegExp(`(?<![提之以])(?:${altOf(li.before)})$`);
  /** 每两个月 / 每3个月: payments that many months apart (group 1). */
  const everyMonthsRe = new RegExp(`每(\\d+|${CN_COUNT})个月`);
  const monthsWords = Object.entries(cues.payment_every.months_words).sort((a, b) => b[0].length - a[0].length);
  /** 一次还 / 一次交 right before an amount, and 每…还一次 (how often) before it: see collect. */
  const onceEachRe = /(?:^|[^每])一次(?:还|交|付)$/;
  // (双周还一次 / 隔周还一次: the every-words said without 每 are as good as 每.)
  const oncePerPeriodRe = new RegExp(`(?:每|${lower(Object.keys(cues.payment_every.words)).filter((w) => !w.startsWith('每')).map(escapeRe).join('|')})[^,，。;；]{0,8}(?:还|交|付)一次`);
  /** 每次 right before an amount (每次1100, 每次交了1100). */
  const everyTimeRe = /每次(?:交了|交|付了|付)?$/;
  // The stages of a schedule (readStages), each at the start of its clause.
  const stageN = `(\\d+|${CN_COUNT})`;
  const stageUnit = '(?:个月|期)';
  const stageLeadRe = new RegExp(`^(?:${altOf(li.before.filter((w) => w.length === 1))})${stageN}${stageUnit}`);
  const stageRangeRe = new RegExp(`^(?:从)?第?${stageN}(?:个月|期)?(?:到|至|-|~)第?${stageN}${stageUnit}`);
  const stageRestRe = new RegExp(`^(?:${altOf(cues.later_payments)})${stageN}${stageUnit}`);
  const stageFromRe = new RegExp(`^(?:从)?第${stageN}${stageUnit}(?:${altOf(cues.schedule_change.after)})`);
  const stageEndRe = new RegExp(`(?:还到|到)第${stageN}${stageUnit}(?:结束|为止|还完|还清)?`);
  const stageOneRe = new RegExp(`^第${stageN}${stageUnit}`);
  const stageForRe = new RegExp(`^[,，](?:${altOf(cues.schedule_change.length_verbs)})${stageN}${stageUnit}(?![\\d万千元块])`);
  /**
   * 每期应还本金1000元+手续费72元=1072元: an instalment worked out from its named parts; the parts add up to the
   * result, so only the result stays (the parts would read as more amounts: the 72 and 1072 were both taken as fees).
   */
  const ws = cues.worded_sum;
  const wsPart = `(?:${altOf(ws.labels)})?(\\d+(?:\\.\\d+)?)(?:${altOf(cues.numerals.currency_after)})?`;
  const wordedSumRe = new RegExp(`${wsPart}(?:${altOf(ws.joiners)})${wsPart}(?:(?:${altOf(ws.joiners)})${wsPart})?(?:${altOf(ws.equals)})(\\d+(?:\\.\\d+)?)`, 'g');
  const wordedSum = (whole: string, a: string, b: string, c: string | undefined, result: string): string =>
    Math.abs(Number(a) + Number(b) + Number(c ?? 0) - Number(result)) <= 0.005 ? result : whole;
  /** 每月还1180(本金1000+利息180): an amount, then its parts in brackets. */
  const partsAsideRe = /(\d[\d.]*)\(([^()]{3,30})\)/g;
  /** The parts in brackets are dropped when they add up to the amount before them (they would read as more amounts). */
  const partsAside = (whole: string, amount: string, inside: string): string => {
    if (!inside.includes('+') && !has(inside, cues.timed.last_parts.joiners)) return whole;
    // (一个月利息200: the 一 of a period is no part.)
    const parts = findNumbers(inside).filter((h) => !(h.chinese && !h.magnitude && !h.currency));
    const sum = parts.reduce((x, h) => x + h.value, 0);
    return parts.length >= 2 && Math.abs(sum - Number(amount)) <= 0.005 ? amount : whole;
  };
  /** A count just before a unit word (两周, 3个). */
  const countEndRe = new RegExp(`(?:\\d|${CN_COUNT})个?$`);
  const choice = createLoanChoice(cues.loan_choice, breakChars);
  const ep = cues.equal_payment_parts;
  /** 每月还款额一样 / 月供固定: every instalment the same amount. */
  const equalPaymentRe = new RegExp(`(?:${altOf(ep.heads)})(?:${altOf(ep.middles)})?都?(?:${altOf(ep.tails)})`);
  const remainingWords = lower(cues.remaining_principal);
  const onRemainingWords = lower(cues.interest_on_remaining);
  const fd = cues.first_due;
  /** 首期还款日为借款后第10天: the first instalment a number of days after the loan (group 1: the days). */
  const firstDueRe = new RegExp(`(?:${altOf(fd.firsts)})(?:${altOf(fd.fillers)})?(?:${altOf(fd.links)})?(?:${altOf(fd.froms)})第?(\\d+|${CN_COUNT})天`);
  const ps = cues.principal_share;
  /** 每月还款本金的10%: the principal part of each instalment as a share of the amount lent (group 1: the percent). */
  const principalShareRe = new RegExp(`(?:${altOf(ps.heads)})(?:${altOf(ps.verbs)})?(?:${altOf(ps.bases)})(?:${altOf(ps.links)})(\\d+(?:\\.\\d+)?)%`);

  /**
   * 借了6万 不对 是5万 / 分九期 不对 是六期: a number taken back right after it is said and said again with the same
   * unit (or none); the second replaces the first. Groups: the first number and unit, the second number, unit and
   * currency. A hedge after the taking back (不对 好像是1100) is no restatement: it stays, and is asked about.
   */
  const correctionNumber = `(\\d+(?:\\.\\d+)?|[${[...Object.keys(cues.numerals.digits), ...Object.keys(cues.numerals.units), ...Object.keys(cues.numerals.big)].join('')}]+)`;
  const correctionUnit = `(${lower([...Object.keys(cues.numerals.magnitudes), ...Object.values(cues.term.units).flat()]).map(escapeRe).join('|')})?`;
  const correctionCurrency = `(${altOf(cues.numerals.currency_after)})?`;
  // 7000……不对，我看了下流水是7200 / 分6期……说错了，是分9期: dots may stand around the taking back, a few words
  // before 是 (group 4: none of them a cue that would give the number another role, nor a hedge: 不对，好像是6k),
  // and 分 said again after it.
  const correctionGap = '[,.]*';
  const correctionCues = lower(ROLES.flatMap((role) => cues.before[role]));
  // 哦不对 / 哦，说错了 / 不对，不对: an interjection may open the taking back, and it may be said twice.
  const correctionWords = `(?:(?:${altOf(cues.self_correction.interjections)})?${correctionGap}(?:${altOf(cues.self_correction.words)})${correctionGap})+`;
  const selfCorrectionRe = new RegExp(
    `${correctionNumber}${correctionUnit}${correctionCurrency}${correctionGap}${correctionWords}([^\\d.]{0,12}?)(?:${altOf(cues.self_correction.restate)})(?:${altOf(cues.term.split_words)})?${correctionNumber}${correctionUnit}${correctionCurrency}(?![\\d.])`,
    'g',
  );
  /** The words between the taking back and 是 neither give the number another role nor hedge it. */
  // 不对，我翻了下借条，是一万八: where the borrower looked it up is no cue (借条 holds 借), and a comma may stand there.
  const lookedUp = lower(cues.self_correction.sources);
  const plainRestate = (filler: string) => {
    const words = lookedUp.reduce((x, w) => x.split(w).join('#'), filler);
    return !correctionCues.some((w) => words.includes(w)) && !cues.self_correction.restate.some((r) => uncertainBefore.some((w) => `${filler}${r}`.includes(w)));
  };
  const selfCorrected = (whole: string, _n1: string, u1: string | undefined, _c1: string | undefined, filler: string, n2: string, u2: string | undefined, c2: string | undefined): string =>
    (u1 ?? '') === (u2 ?? '') && plainRestate(filler) ? `${n2}${u2 ?? ''}${c2 ?? ''}` : whole;
  /**
   * 7天后还8800，不对不对，是14天后还8800: a phrase taken back and said again whole. The phrase after 是 (to the end of
   * its clause) replaces the end of the clause before the taking back that reads the same with every number set
   * aside (#天后还#); nothing reads the same, and the text stays as it is.
   */
  const correctionMarkRe = new RegExp(`${correctionGap}${correctionWords}([^\\d,.]{0,8}?)(?:${altOf(cues.self_correction.restate)})`, 'g');
  const numberRun = new RegExp(`[\\d.]+(?:(?:${altOf(Object.keys(cues.numerals.magnitudes))})\\d*)?|[${[...Object.keys(cues.numerals.digits), ...Object.keys(cues.numerals.units), ...Object.keys(cues.numerals.big), cues.numerals.half].join('')}]+`, 'g');
  const numbersAside = (s: string) => s.replace(numberRun, '#');
  const phraseCorrected = (t: string): string => {
    for (const m of t.matchAll(correctionMarkRe)) {
      const from = m.index!;
      const to = from + m[0].length;
      let end = to;
      while (end < t.length && !breakChars.has(t[end]!)) end++;
      const restated = t.slice(to, end);
      const shape = numbersAside(restated);
      if (!plainRestate(m[1]!) || shape === restated) continue;
      const clause = clauseStartAt(t, from);
      // Only from a character that is not inside a number (the 800 of 8800 reads as # too).
      const inNumber = new Set([...t.slice(clause, from).matchAll(numberRun)].flatMap((h) => Array.from({ length: h[0].length - 1 }, (_, i) => clause + h.index! + i + 1)));
      for (let k = from - 1; k >= clause; k--) {
        if (inNumber.has(k) || numbersAside(t.slice(k, from)) !== shape) continue;
        return phraseCorrected(t.slice(0, k) + restated + t.slice(end));
      }
    }
    return t;
  };

  /**
   * 月息 1 分 8: a folk rate typed with spaces around 分 (whole and tenths, one digit each after a rate word). The
   * spaces would break it into 1分 and a stray 8; a unit after the tenths (月息 2 分 6 期) keeps them apart.
   */
  const fenDigit = `[\\d${Object.keys(cues.numerals.digits).join('')}]`;
  const spacedFenRe = new RegExp(`(${altOf(cues.rates.fen.named_before)})\\s*(${fenDigit})\\s*${escapeRe(cues.rates.fen.unit)}\\s+(${fenDigit})(?![\\d.]|\\s*(?:${altOf(Object.values(cues.term.units).flat())}))`, 'g');

  /** 周息一成 / 月息两成: a rate said in tenths (group 2: the count), read as the percent it is. */
  const tenthsRateRe = new RegExp(`(${altOf(cues.rates.tenths.after_words)})(?:${altOf(cues.rates.links)})?(\\d|[${Object.keys(cues.numerals.digits).join('')}])${escapeRe(cues.rates.tenths.unit)}(?![\\d${Object.keys(cues.numerals.digits).join('')}])`, 'g');

  return (text, at) => {
    // 1050x12期 / 月还1050×12: the payment times the number of instalments, said as 每期1050，12期.
    const typed = (serviceNumbers ? serviceNumbers.blank(choice.circledAsOrdinals(text).normalize('NFKC')) : choice.circledAsOrdinals(text)).replace(spacedFenRe, `$1$2${cues.rates.fen.unit}$3`).replace(tenthsRateRe, (_m, word: string, n: string) => `${word}${smallCount(n) * 10}%`);
    const corrected = unknownFeesNamed(normalizeLoanText(typed, joinAfter, fold, numberStart, spacedJoins)).replace(wordedSumRe, wordedSum).replace(WORKED_SUM, '').replace(basisAsideRe, '$1').replace(restatedTimeRe, restatedTime).replace(partsAsideRe, partsAside).replace(timesRe, (_m, amount: string, n: string) => `每期${amount},${n}期`).replace(selfCorrectionRe, selfCorrected);
    const normal = phraseCorrected(corrected);
    // 还有一笔车贷每月还3000不用管: a debt set aside is not read at all.
    const t = choice.withoutSetAside(normal);
    // With another debt set aside, words of several loans (另一笔, 两笔) point at the one left: it is read as named.
    const all = readLoan(t, at, t !== normal);
    if (all.unstated !== 'principal') return all;
    // 问的是app这笔 / B的年化: several loans, one named, so that one is read alone.
    const named = choice.namedLoan(t);
    return named === undefined ? all : readLoan(named, at, true);
  };

  /** Reads one normalised text; `named`: the text is the one loan the borrower named, however it is labelled. */
  function readLoan(text: string, at: Date, named: boolean): LoanFacts {
    const t = text.replace(monthListRe, monthsListed).replace(timedPartsLabelRe, `$1${tc.last_parts.label[0]}`).replace(movedTogetherRe, (_m, time: string, a: string, b: string) => `${time}${tc.moved_object.as}${round2((findNumbers(a)[0]?.value ?? 0) + (findNumbers(b)[0]?.value ?? 0))}`).replace(movedObjectRe, `$1${tc.moved_object.as}$2`);
    const mask = new Array<boolean>(t.length).fill(false);
    const masked = (s: number, e: number) => {
      for (let i = s; i < e; i++) mask[i] = true;
    };
    const isMasked = (s: number, e: number) => mask.slice(s, e).some(Boolean);
    // 可以展期但我没展: a rollover offered or refused is not one.
    const rollover = has(notRollover.reduce((x, w) => x.split(w).join(','), t), cues.rollover);
    for (const w of numericNames) {
      for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) {
        const next = t.slice(i + w.length, i + w.length + 1);
        if (!/\d/.test(t[i - 1] ?? '') && !/^[\d.万千kw元块]/.test(next)) masked(i, i + w.length);
      }
    }

    // 逾期每天收50 / 逾期一天罚100: what is charged after a default, from the default word to the end of its clause, is
    // no term of the loan (neither its rate nor an amount), once the loan's own repayment has been said before it.
    for (const w of defaultWords) {
      for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + w.length)) {
        let end = i;
        while (end < t.length && !breakChars.has(t[end]!)) end++;
        if (agreedBefore(t, i)) masked(i, end);
      }
    }
    const dates = findDates(t, at);
    for (const d of dates) masked(d.start, d.end);
    // 说好一个月后还11000，结果第一个月只还了3000…: the plan, then what was actually paid; only the payments count.
    const plans = plannedSpans(t);
    for (const span of plans) masked(span.start, span.end);
    // 首期还款日为借款后第10天: when the first instalment falls, not a payment nor the term.
    const firstDue = firstDueRe.exec(t);
    if (firstDue) masked(firstDue.index, firstDue.index + firstDue[0].length);
    // 每月还款本金的10%: a share of the principal repaid each period, not a rate nor a fee.
    const share = principalShareRe.exec(t);
    if (share) masked(share.index, share.index + share[0].length);
    const rollPct = rollover ? rolloverPercent(t, masked) : undefined;
    // 服务费5% / 砍头10%: a share of the loan taken as a fee, not the loan's rate.
    const allFeePercents = readFeePercents(t, isMasked);
    for (const f of allFeePercents) if (!f.perPeriod || f.rough) masked(f.start, f.end);
    const roughFee = allFeePercents.find((f) => f.rough);
    const feePercents = allFeePercents.filter((f) => !f.rough);
    const perPeriodPct = feePercents.filter((f) => f.perPeriod);
    // 每期服务费1% is a fee on every instalment when the loan's rate is stated too; alone it is the loan's flat
    // rate (每期手续费0.6% 分10期), read as before.
    let rate = perPeriodPct.length ? rates.readRate(t, masked, (s, e) => isMasked(s, e) || perPeriodPct.some((f) => f.start < e && s < f.end)) : undefined;
    // 每期手续费0.6% … 银行说年化才7.2%: a year rate that is the fee each period times twelve is that fee said as a
    // year's, not a rate charged beside it; the fee is read as it would be alone.
    if (rate?.per === 'year' && perPeriodPct.length === 1 && Math.abs(rate.percent - 12 * perPeriodPct[0]!.percent) <= 1e-9) rate = undefined;
    const perPeriodFees: FeePercent[] = rate ? perPeriodPct : [];
    /** 每期手续费0.6% alone: a fee percent is the loan's (flat) rate, so a fee of that money each period is it. */
    const feePercentIsRate = perPeriodPct.length > 0 && !perPeriodFees.length;
    for (const f of perPeriodFees) masked(f.start, f.end);
    rate ??= rates.readRate(t, masked, isMasked);
    const perDay = rate ? undefined : rates.readInterestPerDay(t, masked, isMasked);
    const timed = readTimed(t, isMasked);
    // 3月1号借的6000，3月11号还了2000，3月31号还了2500: payments on named days after the day lent.
    const dated = timed.length || rollover ? [] : readDated(t, dates, isMasked);
    // 第7天要还1000。到期还不上，交了200续期…第21天终于还了1000: with a rollover, a time said with what was due
    // (要还, 应还) is the plan the rollover put off, not a payment made; the fees come from the rollover itself.
    const candidates = rollover ? timed.filter((h) => h.ordinal && !(timed.some((o) => o.ordinal && o.start > h.end) && dueWords.some((w) => t.slice(h.start, h.end).includes(w)))) : timed.length ? timed : dated;
    // 本来该第7天还，其实…第9天才还的2000: after a plan, one payment at a named time is what was paid.
    const listed = candidates.length >= 2 || (plans.length && candidates.length === 1 && candidates[0]!.ordinal) ? candidates : [];
    for (const s of listed) masked(s.start, s.end);
    const varying = listed.length ? undefined : readVarying(t, isMasked);
    // 前6个月每月还2000，后6个月每月还4000: a schedule in stages whose months are all said.
    const staged = listed.length || varying || rollover ? undefined : readStages(t);
    if (varying) masked(varying.start, varying.end);
    // 前三期还要多交100的服务费: the instalments a fee is added to, not the term.
    for (const s of feeSpans(t)) masked(s.start, s.end);
    const saidTerms = readTerms(t, isMasked);
    for (const tm of saidTerms) masked(tm.start, tm.end);
    const marks = correctionMarks(t);
    // 每期还500，12期，哦说错了，是还10期: a length taken back and said again after the taking back is the later one.
    const terms = saidTerms.filter((x) => !x.ordinal ? !marks.some((m) => x.end <= m.start && saidTerms.some((y) => !y.ordinal && y.unit === x.unit && y.start >= m.end && !marks.some((n) => n.start >= m.end && n.start < y.start))) : true);

    const numbers = findNumbers(t).filter((h) => !isMasked(h.start, h.end));
    const breaks = clauseBreaks(t, numbers, breakChars);
    const clauseOf = (pos: number) => breaks.filter((b) => b < pos).length;
    const amounts: Amount[] = [];
    let weeklyInterest = false;
    /** 放款时先扣了600说是第一个月利息: the first period's interest taken at signing (its amount). */
    let firstInterestDeducted: { amount: number; clauseStart: number; clauseEnd: number } | undefined;
    for (const h of numbers) {
      if (!plausibleNumber(t, h)) continue;
      amounts.push({ value: h.value, start: h.start, end: h.end, role: 'unknown', perPeriod: false, clause: clauseOf(h.start) });
    }
    for (const [i, a] of amounts.entries()) {
      const clauseStart = breaks.filter((b) => b < a.start).pop() ?? -1;
      const clauseEnd = breaks.find((b) => b > a.start) ?? t.length;
      const prev = amounts[i - 1];
      const from = Math.max(clauseStart + 1, prev && prev.clause === a.clause ? prev.end : 0);
      const b = roleBefore(t, from, a.start);
      const f = roleAfter(t, a.end, clauseEnd, isMasked);
      a.role = b && (!f || b.dist <= f.dist) ? b.role : f ? f.role : 'unknown';
      // 还1000每月 / 还1050一个月 / pay 1000 per month: the period after the amount makes it a payment.
      if (b?.role === 'total' && f?.role === 'payment') a.role = 'payment';
      // 还699会员费 (English "pay a 699 VIP membership"): a fee word right after the amount names what was paid,
      // unless it introduces a number of its own (还10000 服务费500).
      if (b?.role === 'total' && f?.role === 'fee' && !/^[^\d]{0,2}\d/.test(t.slice(f.cueEnd, clauseEnd))) a.role = 'fee';
      // 每个月还600利息: likewise the interest paid, not the whole instalment.
      if ((b?.role === 'total' || b?.role === 'payment') && f?.role === 'interest' && !/^[^\d]{0,2}\d/.test(t.slice(f.cueEnd, clauseEnd))) a.role = 'interest';
      // 每次1100 with no rollover said: the amount paid each time, not a fee (每次 is a rollover cue: 展期两次每次400).
      if (a.role === 'rollover' && !rollover) a.role = everyTimeRe.test(t.slice(from, a.start)) ? 'payment' : 'fee';
      // 让我把1000转到他指定的账户说是押金: an amount no cue claims, in a clause that names a fee, is that fee.
      if (a.role === 'unknown' && i > 0 && feeNouns.some((w) => t.slice(clauseStart + 1, clauseEnd).includes(w))) a.role = 'fee';
      // 说是5000扣了500: an amount no cue before claims, that a deduction is taken from (a deducting word right after
      // it, then the amount deducted), is the amount lent, not a fee.
      if ((a.role === 'fee' || a.role === 'unknown') && !b) {
        const after = t.slice(a.end, clauseEnd).replace(currencyLead, '');
        const cut = deductionWords.find((w) => after.startsWith(w));
        if (cut && /^[^\d]{0,2}\d/.test(after.slice(cut.length))) a.role = 'principal';
      }
      // 每月还1600多 具体是1625.5: the exact number said right after a rough one is the same number.
      if (prev && a.start - prev.end <= 10 && approximate.some((w) => t.startsWith(w, prev.end)) && exactWords.some((w) => t.slice(prev.end, a.start).trimEnd().endsWith(w))) a.role = prev.role;
      const lead = t.slice(from, a.start);
      a.perPeriod = (perPeriodWords.some((w) => lead.includes(w)) || everyInLeadRe.test(lead)) && !notPerPeriod.some((w) => lead.includes(w));
      // 每月还本金800加利息200: a part joined to a per-instalment amount of the same clause is one too.
      if (!a.perPeriod && prev?.perPeriod && prev.clause === a.clause && !has(t.slice(prev.end, a.start), cues.sum_words)) a.perPeriod = true;
      // 每期本金1000 利息96 另外还有40的服务费: the parts of an instalment listed clause after clause, as long as
      // nothing says the next one is paid once (一共, 先扣, 放款前).
      if (!a.perPeriod && prev?.perPeriod && prev.clause === a.clause - 1 && (a.role === 'interest' || a.role === 'fee') && !has(t.slice(prev.end, a.start), partListStop) && ['principal', 'interest'].includes(partOf(t, prev, breaks))) {
        a.perPeriod = true;
      }
      // A fee with 每月/每期 right after it is charged per instalment (服务费50每月, 100一期).
      // 一个月利息800: interest for each period.
      if (a.role === 'interest' && !a.perPeriod && interestPeriodWords.some((w) => lead.includes(w))) a.perPeriod = true;
      // 利息300每月 (English "interest of 300 a month"): the period right after the amount.
      // 1000利息每月 ("1,000 interest every month"): the interest word after the amount is skipped first.
      const interestFrom = f?.role === 'interest' ? f.cueEnd : a.end;
      const interestTail = t.slice(interestFrom, Math.min(clauseEnd, interestFrom + 5)).replace(currencyLead, '');
      if (a.role === 'interest' && !a.perPeriod && [...perPeriodWords, ...interestPeriodWords].some((w) => interestTail.startsWith(w))) a.perPeriod = true;
      if (a.role === 'interest' && interestWeekWords.some((w) => interestTail.startsWith(w))) weeklyInterest = true;
      // 一周利息500: the interest of each week, so the periods are weeks.
      if (a.role === 'interest' && interestWeekWords.some((w) => lead.includes(w))) weeklyInterest = true;
      // 先扣了一个月利息500 / 第一个月利息800放款时直接扣了: interest deducted in advance is taken at signing, like a
      // fee, not interest paid each period. 每月扣利息500 is deducted every month: still interest each period.
      const clauseText = t.slice(clauseStart + 1, clauseEnd);
      if ((a.role === 'interest' || a.role === 'fee') && has(withoutNotDeduction(clauseText), cues.deduction_words) && has(clauseText, interestWords)
        && cues.with_first.some((w) => clauseText.includes(w)) && !everyPeriodWords.some((w) => clauseText.includes(w))) firstInterestDeducted = { amount: a.value, clauseStart: clauseStart + 1, clauseEnd };
      if (a.role === 'interest' && has(withoutNotDeduction(clauseText), cues.deduction_words) && !everyPeriodWords.some((w) => clauseText.includes(w))) {
        a.role = 'fee';
        a.perPeriod = false;
        continue;
      }
      // 满10个月还本20万: the principal said again as what is repaid (还本 / 本金 right before it, the amount lent
      // earlier) is that principal, not a sum of all the payments.
      if (a.role === 'total' && !a.perPeriod && [...cues.part_words.principal, ...cues.part_words.principal_right_before].some((w) => lead.endsWith(w))
        && amounts.some((o) => o.end <= a.start && o.role === 'principal' && Math.abs(o.value - a.value) <= 0.005)) a.role = 'principal';
      // 每两个礼拜还一次 一次还1000: after how often one payment falls, 一次还 is the amount each time, not a sum paid once.
      if (a.role === 'total' && onceEachRe.test(lead) && !notPerPeriod.some((w) => lead.includes(w)) && oncePerPeriodRe.test(t.slice(0, from))) {
        a.role = 'payment';
        a.perPeriod = true;
      }
      // 一次性结清给了40000: an amount after a receiving word (给了, 转了) once its clause has settled the loan is paid, not received.
      if (a.role === 'received' && settleWords.some((w) => { const i = t.indexOf(w, clauseStart); return i >= 0 && i < a.start; })) a.role = 'total';
      // 第6个月还30600 / 最后一个月还8240: paid once, at the month named, whatever cue (月还, 一个月还) the words hold.
      if (a.role === 'payment' && !a.perPeriod && pointBeforeRe.test(lead)) a.role = 'total';
      // 45服务费每月: the fee word after the amount is skipped before looking for the period.
      const feeTail = f?.role === 'fee' ? f.cueEnd : a.end;
      if (a.role === 'fee' && !a.perPeriod) a.perPeriod = perPeriodWords.some((w) => t.slice(feeTail, Math.min(clauseEnd, feeTail + 4)).includes(w));
      if (a.value < cues.bare_min && a.role !== 'fee' && a.role !== 'interest' && !(a.perPeriod && (a.role as string) !== 'unknown')) a.role = 'ignored' as Role;
    }

    dropPartsOfInstalment(t, amounts, breaks);
    const facts: LoanFacts = {};
    // 每期还5k多 / 1万左右: a rough number is asked for, not used.
    const rough = amounts.find((a) => (a.role as string) !== 'ignored' && approximate.some((w) => t.startsWith(w, a.end)) && !t.startsWith('多少', a.end));
    // 每期还900多……不对，是每期908.33: a rough number the borrower then gives exactly is dropped, not asked about.
    const saidExactly = (a: Amount) => amounts.some((o) => o !== a && o.role === a.role && o.start > a.end && !approximate.some((w) => t.startsWith(w, o.end)));
    if (rough) {
      if (!saidExactly(rough)) facts.unstated = missingFor(rough.role);
      rough.role = 'ignored' as Role;
    }
    // 7天要还5000，现在逾期了，他们要我还6000: what is demanded after a default is not the agreed repayment.
    const defaultAt = Math.min(...defaultWords.map((w) => t.indexOf(w)).filter((i) => i >= 0));
    if (Number.isFinite(defaultAt)) {
      const agreed = amounts.some((a) => a.end <= defaultAt && (a.role === 'total' || a.role === 'payment'));
      if (agreed) for (const a of amounts) if (a.start > defaultAt && (a.role === 'total' || a.role === 'payment')) a.role = 'ignored' as Role;
    }
    // 逾期一天扣50: a charge in a clause about default is a penalty, not a fee of the loan.
    for (const a of amounts) if (a.role === 'fee' && has(clauseAround(t, a.start, a.end, breakChars), defaultWords)) a.role = 'ignored' as Role;
    // 8000-9000 / 5、6千: a range in digits is asked for (the first number may be too small to be an amount alone).
    for (const [i, h] of numbers.entries()) {
      const next = numbers[i + 1];
      if (!next || !rangeJoiners.includes(t.slice(h.end, next.start)) || !(next.value > h.value) || next.value < cues.bare_min || !plausibleNumber(t, next)) continue;
      const cue = roleBefore(t, (breaks.filter((b) => b < h.start).pop() ?? -1) + 1, h.start);
      facts.unstated ??= missingFor(cue?.role ?? 'unknown');
      for (const a of amounts) if (a.start < next.end && h.start < a.end) a.role = 'ignored' as Role;
    }
    // 到手两千几 / 三万几: some more than the number, asked for (两千几个月 would be a count of months).
    for (const h of numbers) {
      const tail = cues.vague_tail.find((w) => t.startsWith(w, h.end));
      if (!tail || h.value < cues.bare_min || countAfterApproximate.some((w) => t.startsWith(w, h.end + tail.length))) continue;
      const cue = roleBefore(t, (breaks.filter((b) => b < h.start).pop() ?? -1) + 1, h.start);
      facts.unstated ??= missingFor(cue?.role ?? 'unknown');
      for (const a of amounts) if (a.start === h.start) a.role = 'ignored' as Role;
    }
    // 到手七八千: a range in words is asked for.
    for (const r of grammar.findRanges(t)) {
      if (isMasked(r.start, r.end)) continue;
      const cue = roleBefore(t, (breaks.filter((b) => b < r.start).pop() ?? -1) + 1, r.start);
      facts.unstated ??= missingFor(cue?.role ?? 'unknown');
    }
    // 1万还是2万 / 一千或者一千一 / 8000-9000 / 5、6千 / 月供大概1000: not one number, so it is asked for, not picked.
    for (const [i, a] of amounts.entries()) {
      if ((a.role as string) === 'ignored') continue;
      const next = amounts[i + 1];

      const between = next && next.clause === a.clause ? t.slice(a.end, next.start).replace(currencyLead, '') : undefined;
      if (between !== undefined && between.length <= 5 && alternatives.some((w) => between.startsWith(w) && !/\d/.test(between))) {
        facts.unstated ??= missingFor(a.role === 'unknown' ? next!.role : a.role);
        a.role = 'ignored' as Role;
        next!.role = 'ignored' as Role;
        continue;
      }
      // 利息给了1500，还是1200: the alternative word alone opens the next clause, right before the other number (the
      // number after it has the role the doubt is about when the first was read as unknown or 给了 as received).
      const across = next && next.clause === a.clause + 1 ? t.slice(a.end, next.start).replace(currencyLead, '') : undefined;
      if (across !== undefined && breakChars.has(across[0] ?? '') && alternatives.includes(across.slice(1))) {
        facts.unstated ??= missingFor(a.role === 'unknown' || a.role === 'received' ? next!.role : a.role);
        a.role = 'ignored' as Role;
        next!.role = 'ignored' as Role;
        continue;
      }
      // 每期好像是1160.37，对就是这个数: a hedge taken back right after the amount leaves it exact.
      const confirmed = confirmedAfter.some((w) => t.slice(a.end).replace(/^[元块]?[,，]?/, '').startsWith(w));
      if (!confirmed && uncertainBefore.some((w) => t.startsWith(w, a.start - w.length))) {
        if (!saidExactly(a)) facts.unstated ??= missingFor(a.role);
        a.role = 'ignored' as Role;
      }
    }
    retractAmounts(t, marks, amounts, facts);
    // 到期续了一次交了800 / 只还了300利息续了30天: the one amount of a clause that rolls the loan over is the
    // rollover's fee, whatever other cue (交了, 利息, 的续期费) stands before or after it.
    if (rollover && !amounts.some((a) => a.role === 'rollover')) {
      const inRollover = amounts.filter((a) => (a.role as string) !== 'ignored' && a.role !== 'principal' && !timed.some((h) => h.ordinal && h.start <= a.start && a.end <= h.end)
        && has(notRollover.reduce((x, w) => x.split(w).join(','), clauseAround(t, a.start, a.end, breakChars)), cues.rollover));
      if (new Set(inRollover.map((a) => a.value)).size === 1) for (const a of inRollover) {
        a.role = 'rollover';
        a.perPeriod = false;
      }
    }
    // 借1万 到手 每月还1000: the received amount named but not given.
    if (facts.received === undefined && !amounts.some((a) => a.role === 'received') && !has(t, cues.full_received)) {
      for (const w of receivedBare) {
        const i = t.indexOf(w);
        // 2024年9月3号放款: the day of the disbursement, not an amount left out.
        if (i >= 0 && !isMasked(i, i + w.length) && !dates.some((d) => d.end === i) && /^(了)?(,|$)/.test(t.slice(i + w.length))) facts.unstated ??= 'received';
      }
    }
    // 交了几百块会员费 / 借了几千: the amount is there but not said.
    for (const w of vague) {
      for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + w.length)) {
        if (isMasked(i, i + w.length)) continue;
        const cs = (breaks.filter((b) => b < i).pop() ?? -1) + 1;
        const ce = breaks.find((b) => b > i) ?? t.length;
        const cue = roleBefore(t, cs, i) ?? roleAfter(t, i + w.length + (/^(块钱|块|元)/.exec(t.slice(i + w.length))?.[0].length ?? 0), ce);
        const exact = amounts.some((a) => a.start > i && a.role === cue?.role && (a.role as string) !== 'ignored');
        if (cue && !exact && ['principal', 'received', 'payment', 'total', 'fee'].includes(cue.role)) facts.unstated ??= missingFor(cue.role);
      }
    }
    // 到手多少忘了 / 不记得借了多少: the number named by the cue before 多少 is unknown.
    for (let i = t.indexOf('多少'); i >= 0; i = t.indexOf('多少', i + 2)) {
      const clause = clauseAround(t, i, i + 2, breakChars);
      if (!forgotten.some((w) => clause.includes(w))) continue;
      // 借了多少天记不清了: how long, not how much (termForgotten asks it).
      if (unitWords.some((u) => t.startsWith(u.w, i + 2))) continue;
      const cue = roleBefore(t, 0, i);
      if (cue && cue.dist <= 1 && ['principal', 'received', 'payment', 'total'].includes(cue.role)) facts.unstated ??= missingFor(cue.role);
      // 每期还另外加一笔费用，多少不太清楚: a fee of unknown amount, on every instalment (or else at signing).
      else if (cue && cue.dist <= 1 && cue.role === 'fee') facts.unstated ??= everyPeriodWords.some((w) => t.slice(clauseStartAt(t, Math.max(0, i - 2)), i).includes(w)) ? 'payment' : 'received';
    }
    // 1500的服务费，不记得是放款时扣的还是后面分摊到每期的: when a fee was paid is not known (a word of forgetting and two
    // ways offered, in the fee's clause or the next), so what arrived is asked rather than one way picked.
    const doubts: Doubt[] = [];
    const feeWhenForgotten = amounts.some((a) => {
      if (a.role !== 'fee') return false;
      const end = breaks.find((b) => b > a.end) ?? t.length;
      const after = t.slice(a.end, breaks.find((b) => b > end) ?? t.length);
      // (…，什么时候收没说明白: the time asked in words is as open as two ways offered.)
      return has(after, cues.forgotten) && (alternatives.some((w) => after.includes(w)) || has(after, cues.fee_when_words));
    });
    if (feeWhenForgotten) doubts.push({ ask: 'received', drop: ['fees', 'received'] });
    // 期数我忘了 / 还没说什么时候还本 / 下个月还，还是下下个月来着: the term is not known, so it is asked.
    if (has(t, cues.term_unknown)) doubts.push({ ask: 'term', drop: ['term', 'total', 'payments'] });
    // 借了几天我忘了 / 还了12期，不对好像是15期，记不清了: how long, asked in words or said with a hedge, then forgotten
    // in the same clause or the next: the term is asked.
    else if (termForgotten(t)) doubts.push({ ask: 'term', drop: ['term', 'total', 'payments'] });
    // 每期还本金1000加手续费 with no rate to work the fee out from: a part of the instalment is named without its money,
    // so the instalment is asked.
    const unpricedPart = amounts.some((a) => {
      const clauseEnd = breaks.find((b) => b > a.start) ?? t.length;
      const tail = t.slice(a.end, clauseEnd).replace(currencyLead, '');
      const joiner = partJoiners.find((w) => tail.startsWith(w));
      const named = tail.slice(joiner?.length ?? 0, (joiner?.length ?? 0) + 6);
      return a.perPeriod && joiner !== undefined && !amounts.some((o) => o.start >= a.end && o.start < clauseEnd) && [...feeWords, ...cues.part_words.interest].some((w) => named.includes(w));
    });
    if (unpricedPart && !rate) doubts.push({ ask: 'payment', drop: ['payment', 'principalPerPeriod', 'feePerPayment'] });
    const feeClauses = collect(amounts.filter((a) => (a.role as string) !== 'ignored'), facts, t, breaks, Boolean(rate), doubts);
    const leadIn = readLeadIn(t);
    // 前两周还上了，后面逾期了: the first periods told as paid (what happened, once the schedule is said), not a stage of it.
    const paidSoFar = (x: Term) => !x.ordinal && leadInBeforeRe.test(t.slice(Math.max(0, x.start - 3), x.start)) && li.paid_history.some((w) => t.startsWith(w, x.end))
      && amounts.some((a) => a.perPeriod && a.end <= x.start && (a.role === 'payment' || a.role === 'total'));
    const ownTerms = terms.filter((x) => !paidSoFar(x));
    // 前3个月不用还: the lead-in's length is not the term.
    const term = chooseTerm(leadIn ? ownTerms.filter((x) => x.end <= leadIn.start || x.start >= leadIn.end) : ownTerms, t);
    if (term.term) facts.term = term.term;
    // 前两个月每个月还500，后面怎么还还没定: the first months' payments, and nothing of the months after: asked.
    if (!staged && !leadIn && ownTerms.some((x) => !x.ordinal && leadInBeforeRe.test(t.slice(Math.max(0, x.start - 3), x.start)))) doubts.push({ ask: 'payment', drop: ['payment', 'total', 'term'] });
    // 一开始说分12期，后来又说分10期: two different counts of instalments, each said after 分, so the term is asked.
    const splitCounts = new Set(terms.filter((x) => !x.ordinal && x.unit === 'period' && splitWords.some((w) => t.slice(0, x.start).endsWith(w))).map((x) => x.count));
    if (splitCounts.size > 1) doubts.push({ ask: 'term', drop: ['term'] });
    // 合同上写12期，但是app还款计划显示18期: two counts of instalments for one loan (neither what was paid nor what
    // is left; 一期1150 is one instalment's amount, 第1-3期 a range of them, no count), so the term is asked.
    const counts = new Set(terms.filter((x) => !x.ordinal && x.unit === 'period' && !x.times && x.count > 1 && ![...paidWords, ...leftWords].some((w) => t.slice(0, x.start).endsWith(w)) && !rangeEnd(t, x.start)).map((x) => x.count));
    if (counts.size > 1) doubts.push({ ask: 'term', drop: ['term'] });
    // 还了5期，还剩7期: what was paid and what is left make the whole term.
    const split = term.term ? undefined : paidAndLeftRe.exec(t);
    if (split) facts.term = { count: smallCount(split[1]!) + smallCount(split[2]!), unit: 'period' };
    // 2月1号借的，3月1号要还: the term from the day lent to the day due.
    if (!facts.term && !dated.length) {
      const between = termBetweenDates(t, dates);
      if (between) facts.term = between;
    }
    if (term.periodDays) facts.periodDays = term.periodDays;
    const every = paymentEvery(t);
    if (every && !facts.periodDays) facts.periodDays = every;
    // 每两个月还一次，每次5500，一共还4次: payments some months apart, the first after that many months. Without
    // the count and the amount each time (or with a rate or interest to work it from) the term is asked.
    const apartMatch = everyMonthsRe.exec(t);
    const monthsApart = apartMatch ? smallCount(apartMatch[1]!) : monthsApartByWord(t);
    let apartPayments: Payment[] | undefined;
    if (monthsApart >= 2 && Number.isInteger(monthsApart)) {
      const { payment: each, term: n } = facts;
      // 每个季度还一次 … 一年还完: a term in months that the months apart divide is that many payments.
      const inMonths = n?.unit === 'month' ? n.count : NaN;
      const count = n?.unit === 'period' ? n.count : Number.isInteger(inMonths / monthsApart) ? inMonths / monthsApart : NaN;
      if (each !== undefined && Number.isInteger(count) && count >= 1 && !facts.rate && !facts.interest) apartPayments = Array.from({ length: count }, (_, i) => ({ month: monthsApart * (i + 1), amount: each }));
      else doubts.push({ ask: 'term', drop: ['term', 'payment'] });
    }
    // 每次还500 还8次: eight payments, but a week or a month apart is not said, so it is asked.
    else if (term.times && !facts.periodDays && !has(t, cues.monthly_words)) doubts.push({ ask: 'term', drop: ['term'] });
    // 前6个月每月只还利息400，第7个月起每月还5400: one instalment does not describe a schedule in stages, so the
    // instalment is asked rather than one stage's amount used for every period.
    // (第3期开始逾期了 names no new instalment: the stage must be followed, in its clause, by an amount each period.)
    const stage = scheduleChangeRe.exec(t);
    const stageEnd = stage ? stage.index + stage[0].length : -1;
    // 前3个月不用还，之后每月还2000，一共还12期: twelve payments after the grace months. Anything else said of a
    // lead-in (头两个月只还利息, a grace with the term in months that may or may not include it, a stage that does
    // not start right after it) is a schedule in stages: asked.
    let interestOnlyTold = false;
    const graceSchedule = leadIn?.grace && leadIn.unit === 'month' && facts.payment !== undefined && facts.term?.unit === 'period' && !facts.rate && !facts.interest && !listed.length && !varying && !rollover
      && (!stage || smallCount(stageNumberRe.exec(stage[0])?.[1] ?? '') === leadIn.count + 1);
    if (staged) {
      // the stages are the schedule
    } else if (graceSchedule) {
      facts.payments = Array.from({ length: facts.term!.count }, (_, i) => ({ month: leadIn!.count + 1 + i, amount: facts.payment! }));
    } else if (leadIn && !leadIn.grace && leadIn.unit === 'month' && !listed.length && !varying && !rollover && leadInThenOne(t, leadIn, amounts, timed, breaks)) {
      facts.payments = leadInThenOne(t, leadIn, amounts, timed, breaks)!;
      delete facts.term;
    } else if (leadIn && interestOnlyLeadIn(t, leadIn, terms, amounts, facts.term)) {
      // 前5个月只还利息，第6个月还本金加最后一个月利息: an interest-only loan told month by month, read as one.
      interestOnlyTold = true;
    } else if (leadIn) doubts.push({ ask: 'payment', drop: ['payment', 'total', 'interest', 'repayment', 'term'] });
    else if (stage && amounts.some((a) => a.perPeriod && (a.role === 'payment' || a.role === 'interest') && !feeSpanOf(t, a, breaks) && a.start >= stageEnd && ![...t.slice(stageEnd, a.start)].some((c) => breakChars.has(c)))) doubts.push({ ask: 'payment', drop: ['payment', 'total', 'interest', 'repayment'] });
    // 还10期还是12期 / 一年半还是两年来着: two terms offered, neither picked.
    if (TERM_EITHER.test(t)) doubts.push({ ask: 'term', drop: ['term'] });
    // 是等额本息还是先息后本我也搞不清: two ways of repaying offered, neither picked; the instalment is asked.
    if (kindsEither(t)) doubts.push({ ask: 'payment', drop: ['repayment'] });
    // 每季度付一次利息6000: interest each quarter (or half-year, year), a period no schedule here is counted in, so
    // the payment is asked rather than the interest read as paid once.
    if (amounts.some((a) => a.role === 'interest' && has(clauseAround(t, a.start, a.end, breakChars), cues.interest_other_periods))) doubts.push({ ask: 'payment', drop: ['interest', 'total', 'payment', 'repayment'] });
    // 7天后还5500，还是14天后来着: a second term of the same unit offered after an alternative word, apart from the first.
    const offered = terms.filter((x) => !x.ordinal && alternatives.some((w) => t.slice(Math.max(0, x.start - w.length - 1), x.start).replace(/,$/, '').endsWith(w)));
    if (offered.some((x) => terms.some((y) => y !== x && !y.ordinal && y.unit === x.unit && y.count !== x.count))) doubts.push({ ask: 'term', drop: ['term', 'payments'] });
    if (weeklyInterest && facts.interest?.each) facts.periodDays ??= 7;
    if (rate && !(rollPct !== undefined && rate.percent === rollPct)) facts.rate = rate;
    // 借2000，利息一天20块: a day's interest as money on the principal is a daily rate.
    if (perDay !== undefined) {
      if (facts.principal !== undefined) facts.rate = { percent: Math.round((perDay / facts.principal) * 1e14) / 1e12, per: 'day' };
      else facts.unstated ??= 'principal';
    }
    let kind = repaymentKind(t, Boolean(facts.principalPerPeriod));
    if (interestOnlyTold && (!kind || kind === 'bullet')) kind = 'interest_only';
    // 按季度付息: interest paid on its own every few months is an interest-only loan.
    if (interestEveryMonths(t) && (!kind || kind === 'bullet')) kind = 'interest_only';
    // 每个月付2400利息: interest paid every period (a paying verb before it) is an interest-only loan, and the
    // principal "和利息一起还" at the end is the last period's interest with it, not one payment of everything.
    if ((!kind || kind === 'bullet') && facts.interest?.each && amounts.some((a) => a.role === 'interest' && a.perPeriod && everyVerbs.some((v) => t.slice(clauseStartAt(t, a.start), a.start).includes(v)))) kind = 'interest_only';
    // 利息每个月300，到期还本: interest each period and the principal at the end, not one payment of everything.
    if (kind === 'bullet' && facts.interest?.each && has(t, cues.interest_only_weak)) kind = 'interest_only';
    // 每个月给他400利息，第五个月连利息带本钱一共还他10400: the sum at the end is exactly the principal and one
    // period's interest, so the loan is interest-only, that sum its last payment.
    const { principal: lentSum, total: atEnd, interest: each } = facts;
    if ((!kind || kind === 'bullet') && each?.each && lentSum !== undefined && atEnd !== undefined && Math.abs(atEnd - lentSum - each.amount) <= 0.005) kind = 'interest_only';
    // 利息按剩余本金算: interest on what is left is 等额本金 or 等额本息, never flat. With a rate and neither said (nor
    // the instalment), which one is asked; with principal parts and neither a rate nor interest, the interest is
    // not known, so the instalment is asked rather than a loan without interest computed.
    if (interestOnRemaining(t) && !listed.length && !varying && facts.payment === undefined && (!kind || kind === 'flat') && facts.rate) doubts.push({ ask: 'payment', drop: ['rate', 'repayment'] });
    else if (interestOnRemaining(t) && !listed.length && !varying && !facts.rate && !facts.interest && principalPartsOnly(t, amounts, breaks)) doubts.push({ ask: 'payment', drop: ['payment', 'total'] });
    if (kind) facts.repayment = kind;
    // 日还50，还一年: paid daily, but not said as 每天 with a count of days; the term is asked, never read as months.
    // 日还款120，还50天: the same, but the days paid are counted, so each of them is one payment of that amount.
    // (7月10日还5500: the 日 of a date, masked, is no daily payment.)
    if (dailyPaySaid(t, isMasked) && !facts.periodDays && !listed.length) {
      const each = facts.payment ?? facts.total;
      if (facts.term?.unit === 'day' && each !== undefined && paidDaily(t, each)) {
        facts.payment = each;
        delete facts.total;
        facts.periodDays = 1;
      } else doubts.push({ ask: 'term', drop: ['term', 'payment'] });
    }
    // 月息3%，借6个月，到期还本: the principal at the end, the interest monthly or with it is not said.
    if (kind === 'bullet' && facts.rate && !facts.interest && principalOnlyAtEnd(t)) doubts.push({ ask: 'payment', drop: ['repayment'] });
    // 每月还600，第6个月一次性结清还了3000: an amount paid at a named time is one payment, not the total of all; with an
    // instalment beside it (an early payoff, or a different last payment) the schedule is asked, never counted as
    // total ÷ instalment.
    if (facts.total !== undefined && facts.payment !== undefined && !facts.interest && kind !== 'interest_only' && !listed.length && !varying && !rollover && !staged
      && amounts.some((a) => a.role === 'total' && a.value === facts.total && terms.some((o) => o.ordinal && clauseStartAt(t, o.start) === clauseStartAt(t, a.start)))) {
      doubts.push({ ask: 'payment', drop: ['total'] });
    }
    // 每月还利息800，还五个月，第六个月还20800: the months of interest alone are counted, then the month after them pays
    // the principal with one more month's interest; that month is the term.
    const { term: interestMonths, principal: lentHere, total: paidAtEnd, interest: monthlyInterest } = facts;
    if (kind === 'interest_only' && interestMonths?.unit === 'month' && lentHere !== undefined && paidAtEnd !== undefined && monthlyInterest?.each && Math.abs(paidAtEnd - lentHere - monthlyInterest.amount) <= 0.005
      && terms.some((x) => x.ordinal && x.unit === 'month' && x.count === interestMonths.count + 1 && amounts.some((a) => a.role === 'total' && a.value === paidAtEnd && clauseStartAt(t, a.start) === clauseStartAt(t, x.start)))) {
      facts.term = { count: interestMonths.count + 1, unit: 'month' };
    }
    if (!facts.term && (kind === 'interest_only' || facts.interest?.each)) {
      // 第6个月还本金 / 第3周还本金: the principal's due time is the term, in its own unit.
      // The last one named: 第1到第5个月付利息，第6个月还本金 ends in month 6.
      const at = terms.filter((x) => x.ordinal && (x.unit === 'month' || x.unit === 'period' || x.unit === 'week')).sort((x, y) => y.count - x.count)[0];
      // 7天一期 … 第3期连本带利还: with periods of days the N-th instalment is N periods, not N months.
      if (at) facts.term = { count: at.count, unit: at.unit === 'week' ? 'week' : at.unit === 'period' && facts.periodDays ? 'period' : 'month' };
    }
    // 每个月还利息800……第13个月本金4万一次还: the principal's month is named with the principal alone, so whether
    // that month's interest is paid with it is not said; asked rather than guessed either way.
    if (kind === 'interest_only' && !listed.length && amounts.some((a) => a.role === 'principal' && a.value === facts.principal && principalAloneAt(t, a, terms))) {
      doubts.push({ ask: 'payment', drop: ['interest', 'repayment', 'term'] });
    }
    // 等额本金 … 剩余本金1%的利息，第一期还1120，最后一期1010: instalments named one by one beside a rate, a term and a
    // way of repaying are examples of the schedule those give, when every one of them agrees with it.
    const examples = rollover || varying || staged ? undefined : examplesOfSchedule(t, facts, listed, amounts);
    if (examples) {
      listed.length = 0;
      delete facts.total;
    }
    if (listed.length) facts.payments = listed.map(({ start: _s, end: _e, ordinal: _o, afterDue: _a, fee: _f, ...p }) => p);
    else if (varying) facts.payments = varying.payments;
    else if (apartPayments && !rollover) facts.payments = apartPayments;
    else if (staged) facts.payments = staged;
    else if (rollover) applyRollover(t, terms, timed, amounts, rollPct, facts);
    // 14天…到期还不上，交了300续期，第28天又交了300续期，第42天还清: the first rollover fee, said before the named days
    // with no day of its own, is paid at the first due date when the first named day is the second one.
    if (rollover && listed.length) {
      const step = terms.find((x) => !x.ordinal && (x.unit === 'day' || x.unit === 'week'));
      const days = step ? (step.unit === 'week' ? 7 : 1) * step.count : 0;
      const fee = amounts.find((a) => a.role === 'rollover' && a.end <= listed[0]!.start && !listed.some((h) => h.start < a.end && a.start < h.end));
      if (step && fee && listed[0]!.day === 2 * days) facts.payments!.unshift({ day: days, amount: fee.value });
    }
    const prepaid = partialPrepayment(t, facts, kind);
    if (prepaid === 'ask') doubts.push({ ask: 'payment', drop: ['payment', 'total', 'interest', 'repayment', 'payments'] });
    else if (prepaid) {
      facts.payments = prepaid;
      delete facts.total;
      for (let i = doubts.length - 1; i >= 0; i--) if (doubts[i]!.ask === 'payment') doubts.splice(i, 1);
    }
    // 每个月400利息 … 第4个月把2万本金一次还了（那个月没收利息）: the month the principal is repaid carries no interest.
    const { interest: monthly, principal: repaid, term: until } = facts;
    if (!facts.payments && !listed.length && !varying && !staged && !rollover && kind === 'interest_only' && monthly?.each && repaid !== undefined && until && (until.unit === 'month' || until.unit === 'period')
      && Number.isInteger(until.count) && until.count >= 2 && !facts.periodDays && has(t, cues.no_interest_last_month)) {
      facts.payments = [...months(until.count - 1, monthly.amount), { month: until.count, amount: repaid }];
    }
    // 还了10期后第11个月提前结清，付了38196.86: the instalments paid, then everything at once the month after.
    // 先息后本3个月，放款时先扣了600说是第一个月利息: the first month's interest was paid at signing, so the schedule
    // pays the interest of the months after it, the last with the principal.
    const { principal: lentAmount, term: span, rate: monthlyRate } = facts;
    if (firstInterestDeducted !== undefined && !facts.payments && !listed.length && !varying && !staged && !rollover && kind === 'interest_only' && lentAmount !== undefined
      && span?.unit === 'month' && Number.isInteger(span.count) && span.count >= 2 && !facts.periodDays) {
      const each = facts.interest?.each ? facts.interest.amount : monthlyRate?.per === 'month' ? round2((lentAmount * monthlyRate.percent) / 100) : undefined;
      // Only when the text then names the second month as paid and no first month outside the deduction
      // (第1个月到第11个月每月付利息800 pays the first month too: interest in advance).
      const rest = t.slice(0, firstInterestDeducted.clauseStart) + t.slice(firstInterestDeducted.clauseEnd);
      const named = (n: number) => [...rest.matchAll(new RegExp(`${escapeRe(tc.ordinal)}(\\d+|${CN_COUNT})(?:个月|期|、)`, 'g'))].some((m) => smallCount(m[1]!) === n);
      if (each !== undefined && Math.abs(each - firstInterestDeducted.amount) <= 0.005 && named(2) && !named(1)) {
        const between = Array.from({ length: span.count - 2 }, (_, i) => ({ month: i + 2, amount: each }));
        facts.payments = [...between, { month: span.count, amount: round2(lentAmount + each) }];
      }
    }
    const payoff = listed.length || varying || staged || rollover || facts.payments ? undefined : earlyPayoff(t, terms, amounts, facts) ?? dayPayoff(t, terms, amounts, facts);
    if (payoff) {
      facts.payments = payoff;
      delete facts.total;
      for (let i = doubts.length - 1; i >= 0; i--) if (doubts[i]!.ask === 'payment' || doubts[i]!.ask === 'term') doubts.splice(i, 1);
    }
    if (share && !listed.length && !varying && !rollover) applyPrincipalShare(Number(share[1]), share.index + share[0].length, t, amounts, facts, doubts);
    if (facts.received === undefined && has(t, cues.full_received) && facts.principal !== undefined) facts.received = facts.principal;
    // 全额到账8500: all of the principal arrived, so what arrived is the principal.
    if (facts.principal === undefined && facts.received !== undefined && has(t, cues.full_received)) facts.principal = facts.received;
    applyFeePercents(feePercents.filter((f) => !f.perPeriod), perPeriodFees, facts);
    feesWithRepayment(t, amounts, facts, rollover || listed.length > 0 || Boolean(varying) || Boolean(staged));
    // 月费率1%，每期还本金1250再加手续费300: the fee each period is the monthly rate's money on the principal. Said as
    // a fee rate (费率) it is that fee, counted once; said as an interest rate, whether the fee comes on top of the
    // interest or is it is not said, so the instalment is asked.
    const { rate: r, principal: pr, feePerPayment: fp, principalPerPeriod: pp } = facts;
    if (r?.per === 'month' && pr !== undefined && fp !== undefined && pp !== undefined && facts.interest === undefined && Math.abs((pr * r.percent) / 100 - fp) <= 0.01) {
      if (has(t, cues.fee_rate_words) || feePercentIsRate) {
        facts.payment = round2(pp + fp);
        delete facts.rate;
        delete facts.principalPerPeriod;
        delete facts.feePerPayment;
      } else doubts.push({ ask: 'payment', drop: ['rate', 'principalPerPeriod', 'feePerPayment'] });
    }
    // 每期还本金4166.67加利息800，另外每月担保费300 … 每期一共5266.67: the instalment said as a sum that its parts add up
    // to is the instalment; the parts are not charged again on top of it.
    const { payment: sum, principalPerPeriod: partsBefore, feePerPayment: feeEach } = facts;
    if (sum !== undefined && partsBefore !== undefined && Math.abs(partsBefore + (feeEach ?? 0) - sum) <= 0.01) {
      delete facts.principalPerPeriod;
      delete facts.feePerPayment;
      delete facts.rate;
      if (facts.repayment === 'flat') delete facts.repayment;
    }
    // 零利息，每期收服务费150，分10期，每期还650 (借5000): no interest said, and the instalment less the fee each period
    // repays exactly the principal over the term, nothing saying the fee comes on top: the fee is inside the instalment.
    const { payment: instalment, feePerPayment: feeInside, principal: lentWhole, term: count } = facts;
    if (instalment !== undefined && feeInside !== undefined && lentWhole !== undefined && count && (count.unit === 'period' || count.unit === 'month') && Number.isInteger(count.count) && count.count >= 2
      && !facts.rate && !facts.interest && facts.principalPerPeriod === undefined && !facts.periodDays && has(t, cues.zero_interest) && !has(t, cues.fee_on_top) && Math.abs((instalment - feeInside) * count.count - lentWhole) <= 0.005 * count.count) {
      delete facts.feePerPayment;
    }
    // 放款当天就把第一期扣了: the first instalment taken out of the loan is paid at signing; what arrived is the principal
    // less it, and the rest fall due one period earlier (the schedule runs from the first period after the loan).
    if (firstInstalmentDeducted(t)) firstPaidAtSigning(facts, doubts);
    // 年化12%，按季度付息，一年到期还本 / 半年付一次息，两年还本: interest at a rate paid every few months, the principal
    // with the last: the schedule in those months. Any other shape with such a period (no rate, not interest-only,
    // a term not a multiple of it) is asked rather than read as monthly.
    const monthsApartForInterest = interestEveryMonths(t);
    if (monthsApartForInterest && !facts.payments?.length) interestEvery(monthsApartForInterest, facts, doubts);
    // 服务费大概5% / 服务费5%还是10%: the share is not one known number, so what it changes is asked for.
    if (roughFee) facts.unstated ??= roughFee.perPeriod ? 'payment' : 'received';
    if (facts.received === undefined && facts.fees === undefined && !feeClauses && has(withoutNotDeduction(t), cues.deduction_words)) facts.unstated ??= 'received';
    // 服务费另算: a fee named with no amount (and none refused: 没有服务费), nothing received said: what arrived is asked.
    if (facts.received === undefined && facts.fees === undefined && facts.feePerPayment === undefined && !feeClauses && !allFeePercents.length && !has(t, cues.full_received) && !listed.some((h) => h.fee) && feeNamedAlone(t)) facts.unstated ??= 'received';
    // 到手八千 还要交担保费 每月还800: a fee named with no amount beside a loan otherwise told: how much is asked.
    // (A gap between the amount lent and what arrived is that fee: 到手1.35w，说是扣了砍头息.)
    else if (facts.received !== undefined && facts.principal !== undefined && Math.abs(facts.principal - facts.received) <= 0.005 && facts.fees === undefined && facts.feePerPayment === undefined && facts.feeWithLast === undefined && facts.feeWithFirst === undefined && !facts.feesOnPeriods
      && !feeClauses && !allFeePercents.length && !listed.some((h) => h.fee) && feeNamedAlone(t)) doubts.push({ ask: 'payment', drop: ['payment', 'total'] });
    if (!facts.payments?.length && facts.feePerPayment === undefined && !listed.some((h) => h.fee) && feeOnTopUnsaid(t)) doubts.push({ ask: 'payment', drop: ['payment', 'total'] });
    if (facts.principal === undefined && has(t, cues.unstated_principal)) facts.unstated ??= 'principal';
    const lender = lenderKindOf(t);
    if (lender) facts.lender = lender === 'unlicensed' && has(t, cues.lender.business) ? { type: lender, business: true } : { type: lender };
    const contract = dates.find((d) => has(clauseAround(t, d.start, d.end, breakChars), cues.dates.contract)) ?? (dates.length === 1 ? dates[0] : undefined);
    // 去年借的: a year alone does not fix the day's LPR (it changes within a year), so it is no contract date.
    const yearAlone = contract?.precision === 'year' && Number(contract.iso.slice(0, 4)) >= cues.dates.year_alone_from;
    if (contract && !yearAlone) facts.contractDate = contract.iso;
    // 借了两笔 / 还有一笔2万 / 两个平台: more than one loan, so which one is asked before any is computed.
    // A loan named among several (问的是另一笔) is read as one, whatever word labels it.
    const several = !named && has(t, severalLoans);
    if (several) doubts.unshift({ ask: 'principal', drop: ['principal', 'received', 'payment', 'total', 'payments', 'fees', 'interest', 'rate'] });
    if (firstDue && !several && !listed.length && !varying && !rollover) firstDueAfter(smallCount(firstDue[1]!), facts, doubts);
    // 还了4期后提前结清了 / 第6个月的时候提前结清: a loan of instalments settled before its term, and no schedule read
    // that ends with the settling, is not its full schedule; the payment is asked.
    if (!facts.payments?.length && !listed.length && !varying && !staged && !rollover && settledEarly(t, facts.term)) doubts.push({ ask: 'payment', drop: ['payment', 'total', 'interest', 'repayment'] });
    // 期限60天，第20天就提前结清了 with no amount after it (dayPayoff read none): what was paid that day is asked.
    if (!facts.payments?.length && !listed.length && !rollover && dayRepaidEarly(t, terms, facts.term)) doubts.push({ ask: 'payment', drop: ['payment', 'total', 'interest', 'repayment'] });
    // 第11个月逾期了没还，第12个月一起还了2000外加200罚息: an instalment missed and a later one paid with another amount;
    // what was paid when is not the agreed schedule, so it is asked rather than the schedule computed.
    if (!facts.payments?.length && !listed.length && instalmentMissedThenPaid(t, terms, amounts)) doubts.push({ ask: 'payment', drop: ['payment', 'total', 'interest', 'repayment'] });
    // 第3、6、9、12个月各付3000利息 / （第7、14、21、28天）: payments at a list of times that no schedule above read, so
    // what is paid when is asked rather than one payment or a fee at the end guessed.
    if (!facts.payments?.length && !listed.length && ordinalListRe.test(t)) doubts.push({ ask: 'payment', drop: ['payment', 'total', 'interest', 'repayment', 'feeWithLast'] });
    // 第7、14、21天各交300，第28天还了1200，我总共给了他们2100: a sum of what was paid beside a schedule read whole must
    // be that schedule's sum (or one of its payments); a sum that is neither says the schedule was read wrong.
    const paidSums = facts.payments && facts.payments.length >= 2 ? amounts.filter((a) => a.role === 'total' && has(t.slice(clauseStartAt(t, a.start), a.start), cues.sum_words)) : [];
    const scheduleSum = round2((facts.payments ?? []).reduce((x, p) => x + p.amount, 0));
    if (paidSums.some((a) => Math.abs(a.value - scheduleSum) > 0.5 && !facts.payments!.some((p) => Math.abs(p.amount - a.value) <= 0.5))) doubts.push({ ask: 'payment', drop: ['payments', 'total'] });
    const out = askInsteadOfGuessing(facts, doubts);
    // Which loan is asked by naming them: the amounts lent (or said with no cue: 一笔1万, 一笔5000), each once.
    const lent = [...new Set(amounts.filter((a) => a.role === 'principal' || a.role === 'unknown').map((a) => a.value))];
    if (out.unstated === 'principal' && (several || lent.length > 1)) out.loans = lent;
    return out;
  }

  /**
   * 钱是全额到的2000，到期要还2000本金再加300服务费 / 每个月除了还1100的本息，还要另外交120的担保费: all of the loan arrived
   * and no fee's clause says it was paid at signing (fee_at_signing, deduction words), so the fees are paid with the
   * repayment: each instalment when the clause (or the clause before, with fee_on_top in the fee's) says every
   * period; the one payment of a loan repaid once otherwise. Any other shape is left as it was read.
   */
  function feesWithRepayment(t: string, amounts: readonly Amount[], facts: LoanFacts, otherSchedule: boolean): void {
    const { principal, received, fees } = facts;
    if (otherSchedule || principal === undefined || received === undefined || fees === undefined || Math.abs(principal - received) > 0.005 || facts.payments?.length) return;
    const loose = amounts.filter((a) => a.role === 'fee' && !a.perPeriod);
    if (!loose.length || Math.abs(loose.reduce((x, a) => x + a.value, 0) - fees) > 0.005) return;
    const clauses = loose.map((a) => {
      const start = clauseStartAt(t, a.start);
      return { text: clauseAround(t, a.start, a.end, breakChars), before: clauseAround(t, Math.max(0, start - 1), Math.max(0, start - 1), breakChars) };
    });
    if (clauses.some((c) => has(c.text, cues.fee_at_signing) || has(withoutNotDeduction(c.text), cues.deduction_words) || has(c.text, included))) return;
    const each = (c: { text: string; before: string }) => everyPeriodWords.some((w) => c.text.includes(w)) || (everyPeriodWords.some((w) => c.before.includes(w)) && has(c.text, cues.fee_on_top));
    if (clauses.every(each) && (facts.payment !== undefined || facts.term?.unit === 'period')) {
      facts.feePerPayment = round2((facts.feePerPayment ?? 0) + fees);
      delete facts.fees;
      return;
    }
    const once = facts.payment === undefined && !facts.interest?.each && facts.term !== undefined && facts.term.unit !== 'period' && (facts.term.unit === 'day' || facts.term.unit === 'week' || facts.repayment === 'bullet' || facts.total !== undefined);
    if (once && !clauses.some(each)) {
      facts.feeWithLast = round2((facts.feeWithLast ?? 0) + fees);
      delete facts.fees;
    }
  }

  /** Where the borrower takes back what was just said (不对, 说错了, 我看错了), outside 对不对 / 不对劲. */
  function correctionMarks(t: string): Array<{ start: number; end: number }> {
    const plain = lower(cues.self_correction.not_words).reduce((x, w) => x.split(w).join('#'.repeat(w.length)), t);
    const out: Array<{ start: number; end: number }> = [];
    for (const w of lower(cues.self_correction.words)) {
      for (let i = plain.indexOf(w); i >= 0; i = plain.indexOf(w, i + 1)) if (!out.some((o) => o.start < i + w.length && i < o.end)) out.push({ start: i, end: i + w.length });
    }
    return out.sort((a, b) => a.start - b.start);
  }

  /**
   * 每期还1200，12期……等一下，我看错了，每期是1100 / 到手9200……不对，我查了流水，实际到账9150: an amount taken back
   * and one of the same kind said after the taking back: the later one counts (a bare number right after it, 不对
   * 2万6, is of the kind taken back). 每期1050，不对，每期多少我得再翻翻: taken back with nothing said again, only
   * that it must be looked up: that number is asked.
   */
  function retractAmounts(t: string, marks: ReadonlyArray<{ start: number; end: number }>, amounts: Amount[], facts: LoanFacts): void {
    const live = (a: Amount) => (a.role as string) !== 'ignored';
    const gapRe = new RegExp(`^[,.\\s]*(?:${altOf(cues.self_correction.interjections)})?[,.\\s]*(?:${altOf(cues.self_correction.restate)})?$`);
    for (const [k, m] of marks.entries()) {
      const next = marks[k + 1]?.start ?? t.length;
      const before = amounts.filter((a) => live(a) && a.end <= m.start);
      const taken = before[before.length - 1];
      if (!taken) continue;
      const after = amounts.filter((a) => live(a) && a.start >= m.end && a.start < next);
      const first = after[0];
      if (first && first.role === 'unknown' && gapRe.test(t.slice(m.end, first.start))) {
        first.role = taken.role;
        first.perPeriod = taken.perPeriod;
      }
      const again = after.find((b) => b.role !== 'unknown');
      const earlier = again && [...before].reverse().find((a) => a.role === again.role && a.perPeriod === again.perPeriod);
      if (again && earlier) {
        earlier.role = 'ignored' as Role;
        continue;
      }
      // Taken back right after it was said, nothing of its kind said again, and only a look-up promised.
      const right = new RegExp(`^(?:${altOf(cues.numerals.currency_after)})?[,.\\s]*(?:${altOf(cues.self_correction.interjections)})?[,.\\s]*$`).test(t.slice(taken.end, m.start));
      if (right && !after.some((b) => b.role === taken.role) && has(t.slice(m.end), cues.self_correction.unsure_after)) {
        facts.unstated ??= missingFor(taken.role);
        taken.role = 'ignored' as Role;
      }
    }
  }

  /**
   * 借了3000，日息0.1%，本来30天，第10天就提前全还了，还了3030: a day loan repaid in full (cues early_payoff.day_words)
   * on the one named day before its term: one payment that day, the first amount said after it (at least the principal).
   */
  function dayPayoff(t: string, terms: readonly Term[], amounts: readonly Amount[], facts: LoanFacts): Payment[] | undefined {
    const term = facts.term;
    if (term?.unit !== 'day' || facts.principal === undefined) return undefined;
    const days = terms.filter((x) => x.ordinal && x.unit === 'day');
    const at = days[0];
    if (!at || days.some((x) => x.count !== at.count) || !(at.count < term.count)) return undefined;
    let end = at.end;
    while (end < t.length && !breakChars.has(t[end]!)) end++;
    if (!has(t.slice(at.end, end), cues.early_payoff.day_words)) return undefined;
    const paid = amounts.find((a) => a.start >= at.end && (a.role as string) !== 'ignored' && !['fee', 'interest', 'rollover', 'received'].includes(a.role));
    if (!paid || paid.value < facts.principal) return undefined;
    return [{ day: at.count, amount: paid.value }];
  }

  /** A day named before the end of a loan in days, in a clause that says the loan was repaid in full then (see dayPayoff). */
  function dayRepaidEarly(t: string, terms: readonly Term[], term: LoanFacts['term']): boolean {
    if (term?.unit !== 'day') return false;
    return terms.some((x) => x.ordinal && x.unit === 'day' && x.count < term.count && has(clauseAround(t, x.start, x.end, breakChars).slice(x.end - clauseStartAt(t, x.start)), cues.early_payoff.day_words));
  }

  /** A clause that says the first instalment was deducted when the money was lent (第一期放款当天就扣了), with no amount of its own. */
  function firstInstalmentDeducted(t: string): boolean {
    const c = cues.first_instalment_deducted;
    return splitClauses(t).some((clause) => {
      const plain = withoutNotDeduction(clause);
      if (!has(plain, c.at_signing)) return false;
      return lower(c.heads).some((head) => {
        const at = plain.indexOf(head);
        if (at < 0) return false;
        const deduction = lower(cues.deduction_words).map((w) => plain.indexOf(w, at + head.length)).filter((i) => i >= 0);
        if (!deduction.length) return false;
        const between = plain.slice(at + head.length, Math.min(...deduction));
        return !/[\d一二两三四五六七八九十百千万]/.test(between.replace(/当天|那天/g, '')) && !has(between, c.not_between);
      });
    });
  }

  /** An instalment named as not paid (第11个月没还), then an amount in a clause naming a later instalment. */
  function instalmentMissedThenPaid(t: string, terms: readonly Term[], amounts: readonly Amount[]): boolean {
    const named = terms.filter((x) => x.ordinal && (x.unit === 'month' || x.unit === 'period' || x.unit === 'week'));
    const missed = named.find((x) => has(clauseAround(t, x.start, x.end, breakChars), cues.missed_instalment));
    if (!missed) return false;
    return named.some((x) => x.count > missed.count && amounts.some((a) => a.start > x.end && clauseStartAt(t, a.start) === clauseStartAt(t, x.start)));
  }

  /** A term asked after (借了几天我忘了) or hedged (好像是15期) with a word of forgetting in its clause or the next. */
  function termForgotten(t: string): boolean {
    const clauses = splitClauses(t);
    return clauses.some((c, i) => {
      const hedged = cues.uncertain_before.some((w) => new RegExp(`${escapeRe(w.toLowerCase())}(?:\\d+|${CN_COUNT})(?:期|个月|天|周)`).test(c));
      // 还了几期我忘了: how many were paid, not the term.
      const asked = cues.term_asked_words.some((w) => {
        for (let j = c.indexOf(w); j >= 0; j = c.indexOf(w, j + 1)) if (![...paidWords, ...leftWords].some((p) => c.slice(0, j).endsWith(p))) return true;
        return false;
      });
      return (asked || hedged) && (has(c, cues.forgotten) || has(clauses[i + 1] ?? '', cues.forgotten));
    });
  }

  /** Months between interest payments said in words (按季度付息 → 3, 半年付一次息 → 6), or undefined. */
  function interestEveryMonths(t: string): number | undefined {
    const hit = interestEveryWords.find((w) => t.includes(w));
    return hit === undefined ? undefined : interestEveryOf.get(hit);
  }

  /** Whether [start, end) lies inside a phrase of interestEveryMonths. */
  function insideInterestEvery(t: string, start: number, end: number): boolean {
    return interestEveryWords.some((w) => {
      for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) if (i <= start && end <= i + w.length) return true;
      return false;
    });
  }

  /** Interest-only at a stated rate, the interest paid every `k` months (see interestEveryMonths); else the payment asked. */
  function interestEvery(k: number, facts: LoanFacts, doubts: Doubt[]): void {
    const { principal, rate, term } = facts;
    const monthly = rate?.per === 'year' ? rate.percent / 1200 : rate?.per === 'month' ? rate.percent / 100 : undefined;
    const n = term?.unit === 'month' ? term.count : undefined;
    if (principal === undefined || monthly === undefined || n === undefined || n % k !== 0 || n <= k || facts.repayment !== 'interest_only' || facts.payment !== undefined || facts.interest) {
      doubts.push({ ask: 'payment', drop: ['payment', 'total', 'interest', 'repayment'] });
      return;
    }
    const each = round2(principal * monthly * k);
    facts.payments = Array.from({ length: n / k }, (_, i) => ({ month: k * (i + 1), amount: i === n / k - 1 ? round2(each + principal) : each }));
    for (const key of ['total', 'term', 'rate', 'repayment'] as const) delete facts[key];
  }

  /** The first of level instalments moved to signing (see firstInstalmentDeducted), or the payment asked when the schedule is not level. */
  function firstPaidAtSigning(facts: LoanFacts, doubts: Doubt[]): void {
    const principal = facts.principal ?? (facts.received !== undefined && facts.payment !== undefined ? facts.received + facts.payment + (facts.fees ?? 0) : undefined);
    const built = principal === undefined ? undefined : cashFlowsOf({ ...facts, principal, received: principal - (facts.fees ?? 0), unstated: undefined });
    const ps = built?.ok ? built.flows.payments : [];
    const first = ps[0];
    if (!first || ps.length < 2 || ps.some((p) => Math.abs(p.amount - first.amount) > 0.005) || principal === undefined) {
      doubts.push({ ask: 'payment', drop: ['payment', 'total', 'term', 'rate', 'repayment'] });
      return;
    }
    const fees = (facts.fees ?? 0) + first.amount;
    if (facts.received !== undefined && Math.abs(facts.received + fees - principal) > 0.005) {
      doubts.push({ ask: 'received', drop: ['received'] });
      return;
    }
    facts.principal = principal;
    facts.fees = round2(fees);
    facts.payments = ps.slice(1).map((p) => (p.month !== undefined ? { month: p.month - first.month!, amount: p.amount } : { day: p.day! - first.day!, amount: p.amount }));
    for (const k of ['payment', 'total', 'term', 'rate', 'repayment', 'interest', 'principalPerPeriod', 'periodDays'] as const) delete facts[k];
  }

  /**
   * Fees stated as a share of the loan become money on the contract principal: once at signing (服务费5%), or
   * with every instalment (每期服务费1%). Without a principal there is nothing to take the share of, so it is
   * asked for. A share the borrower also gave as money (服务费5%即500) is not counted twice.
   */
  function applyFeePercents(upfront: FeePercent[], perPeriod: FeePercent[], facts: LoanFacts): void {
    if (!upfront.length && !perPeriod.length) return;
    const principal = facts.principal;
    if (principal === undefined) {
      facts.unstated ??= 'principal';
      return;
    }
    const money = (f: FeePercent) => round2((principal * f.percent) / 100);
    for (const f of upfront) if (Math.abs((facts.fees ?? 0) - money(f)) > 0.005) facts.fees = round2((facts.fees ?? 0) + money(f));
    for (const f of perPeriod) if (Math.abs((facts.feePerPayment ?? 0) - money(f)) > 0.005) facts.feePerPayment = round2((facts.feePerPayment ?? 0) + money(f));
  }

  function plausibleNumber(t: string, h: NumberHit): boolean {
    if (!h.currency) {
      // 12期, 7天 are counts; an amount with its magnitude (1万日息…) is money whatever follows.
      if (!h.magnitude && notBefore.some((w) => t.startsWith(w, h.end))) return false;
      if (!h.magnitude && !h.chinese && /^\d{9,}/.test(t.slice(h.start))) return false;
      if (h.value < 1) return false;
      if (h.chinese && !h.magnitude) return false;
      // 一天打50多个 / 催了20多次: a rough count of calls or days, not money.
      const rough = approximate.find((w) => t.startsWith(w, h.end));
      if (!h.magnitude && rough && countAfterApproximate.some((w) => t.startsWith(w, h.end + rough.length))) return false;
    }
    // 按原始3万的2%收: a word for the amount first lent may stand between the basis word and the amount.
    const basisLead = t.slice(0, h.start);
    const qualifier = basisQualifiers.find((w) => basisLead.endsWith(w))?.length ?? 0;
    if (basisWords.some((w) => basisLead.endsWith(w, h.start - qualifier) || basisLead.endsWith(w))) return false;
    // 尾号1234 / 合同号 88231 / 借款日期:20240315: a label's number, whether or not a space or colon follows the label.
    const lead = t.slice(0, h.start).replace(/[,:]$/, '');
    if (notAfter.some((w) => lead.endsWith(w))) return false;
    // 另外房贷每月还3800: an amount said of another debt, earlier in its own clause, is not this loan's.
    // 说好下个月发工资还他三千: 发工资 says when it is repaid, not another sum of money.
    const clauseLead = otherDebtsWhen.reduce((x, w) => x.split(w).join(','), t.slice(clauseStartAt(t, h.start), h.start));
    // 为了交住院押金在一个app上借了1.2w: a borrowing verb a few characters after the other debt's word says what the
    // amount is (the loan taken for it); 车贷借了20万, the verb right after the word, is still that debt's.
    const otherAt = Math.max(...otherDebts.map((w) => { const i = clauseLead.lastIndexOf(w); return i < 0 ? -1 : i + w.length; }));
    if (otherAt >= 0 && !loanVerbs.some((v) => clauseLead.indexOf(v, otherAt + OTHER_DEBT_VERB_GAP) >= 0)) return false;
    return true;
  }

  /** True when the cue found at `i` is part of a longer phrase that is not a cue (还有, 还款计划). */
  function insideNotCue(t: string, i: number, len: number): boolean {
    return notCues.some((nc) => {
      for (let k = Math.max(0, i - nc.length + 1); k <= i; k++) if (t.startsWith(nc, k) && k + nc.length >= i + Math.min(len, 1)) return true;
      return false;
    });
  }

  /** The role of the cue ending nearest before `pos` (from `from` on, within the window); the longer on a tie. */
  function roleBefore(t: string, from: number, pos: number): { role: Role; dist: number } | undefined {
    const start = Math.max(from, pos - cues.window - 6);
    let best: { dist: number; len: number; role: Role } | undefined;
    for (const { role, words } of before) {
      for (const w of words) {
        let i = t.lastIndexOf(w, pos - w.length);
        while (i >= start) {
          const dist = pos - (i + w.length);
          if (dist > cues.window) break;
          if (!insideNotCue(t, i, w.length) && !unitOfCount(t, i, w)) {
            if (!best || dist < best.dist || (dist === best.dist && w.length > best.len)) best = { dist, len: w.length, role };
            break;
          }
          i = i > 0 ? t.lastIndexOf(w, i - 1) : -1;
        }
      }
    }
    return best ? { role: best.role, dist: best.dist } : undefined;
  }

  /**
   * 两周还5500 / 3个月还3300: a cue that starts with a unit word (周还, 月还) right after a count is that count's
   * unit and a repaying verb, a term, not the every-period cue it is alone (周还500 is 500 a week).
   */
  function unitOfCount(t: string, i: number, w: string): boolean {
    const unit = unitWords.find((u) => w.startsWith(u.w) && u.w !== '期');
    return unit !== undefined && countEndRe.test(t.slice(Math.max(0, i - 6), i));
  }

  /** A cue right after the amount ("7000到手", "3000的服务费"), unless that cue introduces the next number. */
  function roleAfter(t: string, end: number, clauseEnd: number, isMasked?: (s: number, e: number) => boolean): { role: Role; dist: number; cueEnd: number } | undefined {
    const rest = t.slice(end, Math.min(clauseEnd, end + 10));
    const skip = currencyLead.exec(rest)?.[0].length ?? 0;
    for (const { role, words } of after) {
      for (const w of words) {
        if (!rest.startsWith(w, skip)) continue;
        const tail = t.slice(end + skip + w.length, clauseEnd);
        // 到手 7000: a cue followed by a number introduces it; /月 (1080/月) only ever closes the amount before it.
        // 还80每天还20天: a term after the cue (masked as read) is not a number it introduces.
        const next = /^[^\d一二两三四五六七八九十]{0,3}(?=[\d一二两三四五六七八九])/.exec(tail);
        const at = next ? end + skip + w.length + next[0].length : -1;
        if ((role === 'received' || role === 'payment') && !w.startsWith('/') && next && !isMasked?.(at, at + 1)) continue;
        return { role, dist: w.startsWith('的') ? 1 : 0, cueEnd: end + skip + w.length };
      }
    }
    // 300的“信审费” / 200的评级费: a fee not in the lists, named by a short word ending in 费 right after the amount.
    // (1000加手续费: a fee joined on by 加 / + is another part of the instalment, not the name of this amount.)
    const named = partJoiners.some((w) => rest.startsWith(w, skip)) ? null : FEE_NAMED_AFTER.exec(rest.slice(skip));
    if (named) return { role: 'fee', dist: named[1] ? 1 : 0, cueEnd: end + skip + named[0].length };
    return undefined;
  }

  /** Puts the amounts into `facts`; returns true when any fee amount was given (upfront or per instalment). */
  function collect(amounts: Amount[], facts: LoanFacts, t: string, breaks: number[], hasRate: boolean, doubts: Doubt[]): boolean {
    let deducted = 0;
    let untimedFee = false;
    const parts = new Map<number, { principal: number; interest: number; fee: number; payment: number }>();
    let upfrontFees = 0;
    const upfrontList: number[] = [];
    let sawFee = false;
    let firstReceived: Amount | undefined;
    let feeOutOfReceived = 0;
    let feeAtRepayment = false;
    for (const a of amounts) {
      // 前三期还要多交100的服务费 / 第2个月开始每期多收了20的管理费: added to those instalments only.
      const span = feeSpanOf(t, a, breaks);
      // 第一个月除了1300还另外交了…699: the instalment named after 除了 is what is paid anyway, not a fee added to it.
      if (span && besidesWords.some((w) => t.slice(0, a.start).endsWith(w)) && amounts.some((o) => o !== a && o.perPeriod && Math.abs(o.value - a.value) <= 0.005)) continue;
      if (span) {
        sawFee = true;
        (facts.feesOnPeriods ??= []).push({ amount: a.value, ...span });
        continue;
      }
      if (a.role === 'fee') {
        sawFee = true;
        const clause = clauseAround(t, a.start, a.end, breakChars);
        if (cues.with_last.some((w) => clause.includes(w))) {
          facts.feeWithLast = (facts.feeWithLast ?? 0) + a.value;
          continue;
        }
        // 另外还款时还要交技术服务费260: paid with the repayment; with several instalments, which of them is not said.
        if (!a.perPeriod && cues.with_repayment.some((w) => clause.includes(w)) && !has(withoutNotDeduction(clause), cues.deduction_words)) {
          facts.feeWithLast = (facts.feeWithLast ?? 0) + a.value;
          feeAtRepayment = true;
          continue;
        }
        // 第一期还要多交500手续费: paid with the first instalment (a deduction, 头期利息500直接扣掉, is at signing, unless
        // it is taken on top of the instalment: 第一期的时候多扣了299).
        if (!a.perPeriod && cues.with_first.some((w) => clause.includes(w)) && (!has(withoutNotDeduction(clause), cues.deduction_words) || has(clause, cues.with_first_extra))) {
          facts.feeWithFirst = (facts.feeWithFirst ?? 0) + a.value;
          continue;
        }
      }
      // 每月还2000 含服务费200: a fee said to be inside the instalment is not charged again, at signing or after.
      if (a.role === 'fee' && !a.perPeriod && feeIncluded(t, a, amounts)) continue;
      if (a.perPeriod && a.role !== 'received' && a.role !== 'rollover') {
        const p = parts.get(a.clause) ?? { principal: 0, interest: 0, fee: 0, payment: 0 };
        const kind = partOf(t, a, breaks);
        // 每期应还778，其中服务费每期50: a fee inside the payment is not charged on top of it.
        if (kind === 'fee' && included.some((w) => clauseAround(t, a.start, a.end, breakChars).includes(w)) && amounts.some((o) => o.perPeriod && o.clause < a.clause)) continue;
        if (kind === 'principal') p.principal += a.value;
        else if (kind === 'interest') p.interest += a.value;
        else if (kind === 'fee') p.fee += a.value;
        else p.payment += a.value;
        parts.set(a.clause, p);
        continue;
      }
      switch (a.role) {
        case 'principal':
          // 借1万 合同写的1万2 / two loans in one message: two amounts lent, so which one is asked.
          if (facts.principal !== undefined && Math.abs(facts.principal - a.value) > 0.005) facts.unstated ??= 'principal';
          facts.principal ??= a.value;
          break;
        case 'received':
          // 说好到手8千，结果只到了6400: the amount promised, then less that came: what came is what was received.
          if (firstReceived && facts.received !== undefined && a.value < facts.received && has(clauseAround(t, firstReceived.start, firstReceived.end, breakChars), cues.received_promised.promised)
            && has(clauseAround(t, a.start, a.end, breakChars), cues.received_promised.actual)) {
            facts.received = a.value;
            break;
          }
          // 放款30000 但同时扣了3600的会员费 实际只有26400: the first amount less a fee said between them is the second,
          // so the second is what arrived (the fee explains the difference).
          if (firstReceived && facts.received !== undefined && a.value < facts.received
            && amounts.some((o) => o.role === 'fee' && o.start > firstReceived!.end && o.end <= a.start && Math.abs(facts.received! - o.value - a.value) <= 0.005)) {
            feeOutOfReceived = facts.received - a.value;
            facts.received = a.value;
            break;
          }
          // 到手4000 又到手4500: two different amounts received, so which one is asked.
          if (facts.received !== undefined && Math.abs(facts.received - a.value) > 0.005) doubts.push({ ask: 'received', drop: ['received', 'fees'] });
          facts.received ??= a.value;
          firstReceived ??= a;
          break;
        case 'payment':
          // 每月还1000，后来改成每月还1200: two instalments for one loan, so which one is asked.
          if (facts.payment !== undefined && Math.abs(facts.payment - a.value) > 0.005) doubts.push({ ask: 'payment', drop: ['payment', 'total'] });
          facts.payment ??= a.value;
          break;
        case 'total':
          facts.total = a.value;
          break;
        case 'fee': {
          // 手续费500分12期收: spread over the instalments, inside them or on top is not said, so the instalment is asked.
          const tail = t.slice(a.end, breaks.find((b) => b > a.start) ?? t.length);
          if (has(tail, cues.fee_spread) || feeSpreadRe.test(tail)) {
            doubts.push({ ask: 'payment', drop: ['fees', 'payment', 'total'] });
            break;
          }
        }
          upfrontFees += a.value;
          upfrontList.push(a.value);
          // Said after the instalments with no word of when it is paid: at signing or with every instalment?
          if (!has(clauseAround(t, a.start, a.end, breakChars), feeTiming) && amounts.some((o) => o.perPeriod && o.role !== 'fee' && o.end <= a.start)) untimedFee = true;
          if (has(withoutNotDeduction(clauseAround(t, a.start, a.end, breakChars)), cues.deduction_words)) deducted += a.value;
          break;
        case 'interest':
          facts.interest = { amount: a.value, each: false };
          break;
        case 'rollover':
          break;
        default:
          if (facts.principal === undefined && facts.received === undefined) facts.principal = a.value;
      }
    }
    // 每期本金1250加手续费225，每期还1475 / …另外每期收担保费60，所以每个月扣我1180: one amount each period equal to
    // the parts said in the other clauses together (two parts or more) is the instalment said whole, whatever its cue;
    // the parts are not added to it again.
    const whole = (p: { principal: number; interest: number; fee: number; payment: number }) => p.principal + p.interest + p.fee + p.payment;
    const partCount = (p: { principal: number; interest: number; fee: number; payment: number }) => [p.principal, p.interest, p.fee, p.payment].filter((x) => x > 0).length;
    for (const [k, p] of [...parts.entries()]) {
      const others = [...parts.entries()].filter(([o]) => o !== k).map(([, o]) => o);
      if (partCount(p) !== 1 || others.reduce((x, o) => x + partCount(o), 0) < 2 || Math.abs(others.reduce((x, o) => x + whole(o), 0) - whole(p)) > 0.005) continue;
      parts.clear();
      parts.set(k, { principal: 0, interest: 0, fee: 0, payment: whole(p) });
      break;
    }
    // 每个月还本金500，利息每月60: parts of one instalment said in separate clauses are one instalment, unless a
    // clause gives a whole payment of its own.
    if (parts.size > 1 && ![...parts.values()].some((p) => p.payment > 0)) {
      const one = { principal: 0, interest: 0, fee: 0, payment: 0 };
      for (const p of parts.values()) {
        if (!one.principal) one.principal = p.principal;
        if (!one.interest) one.interest = p.interest;
        one.fee += p.fee;
      }
      parts.clear();
      parts.set(0, one);
    }
    // 每期还本息888.49，另外每期还收服务费150，所以每期1038.49: an instalment said again with the fee each period
    // added is the same instalment, not a second one.
    const feeEach = [...parts.values()].reduce((x, p) => x + p.fee, 0);
    const withFee = (p: { principal: number; interest: number; fee: number; payment: number }) => p.fee === 0 && p.principal === 0 && p.interest === 0 && feeEach > 0
      && [...parts.values()].some((o) => o !== p && o.fee === 0 && o.payment > 0 && Math.abs(o.payment + feeEach - p.payment) <= 0.005);
    for (const [k, p] of [...parts.entries()]) if (withFee(p)) parts.delete(k);
    for (const p of parts.values()) {
      if (p.principal > 0 && p.interest === 0 && p.payment === 0 && hasRate) facts.principalPerPeriod = p.principal;
      else if (p.principal + p.payment > 0) {
        const each = p.principal + p.payment + p.interest;
        // 每期还1900，又说每期还2100: two different instalments, so which one is asked.
        if (facts.payment !== undefined && Math.abs(facts.payment - each) > 0.005) doubts.push({ ask: 'payment', drop: ['payment', 'total'] });
        facts.payment ??= each;
      }
      else if (p.interest > 0) facts.interest = { amount: p.interest, each: true };
      if (p.fee > 0) facts.feePerPayment = (facts.feePerPayment ?? 0) + p.fee;
    }
    // 到手2700，有个300的信审费是我先转给他们的，所以等于拿了2400: the fee is already out of the second amount; when the
    // contract principal is not that amount and the fee, it is not taken again.
    if (feeOutOfReceived > 0 && facts.principal !== undefined && facts.received !== undefined && Math.abs(facts.received + feeOutOfReceived - facts.principal) > 0.005) upfrontFees -= feeOutOfReceived;
    // 第一期…额外扣了会员费199，就是第一个月一共扣了1299: the first instalment said whole with its fee, not a fee.
    const { feeWithFirst: withFirst, payment: level } = facts;
    const firstWhole = withFirst !== undefined && level !== undefined ? upfrontList.find((v) => Math.abs(level + withFirst - v) <= 0.005) : undefined;
    if (firstWhole !== undefined) upfrontFees -= firstWhole;
    if (upfrontFees > 0) facts.fees = upfrontFees;
    if (feeAtRepayment && (facts.payment !== undefined || facts.term?.unit === 'period')) doubts.push({ ask: 'payment', drop: ['feeWithLast'] });
    // 每月还1000，服务费50: a fee named after the instalments, without saying whether it was taken once at signing
    // or comes with every instalment, and nothing received to tell; what arrived is asked rather than the fee's
    // timing guessed. A fee named before the instalments (借10万 手续费5千 每月还9000) is one at signing.
    if (untimedFee && facts.received === undefined && !has(t, cues.full_received)) doubts.push({ ask: 'received', drop: ['fees'] });
    // 借1万 到手8000 扣了1500: what was deducted does not explain what arrived, so what arrived is asked.
    const { principal, received } = facts;
    if (deducted > 0 && principal !== undefined && received !== undefined && received < principal) {
      const explains = (fee: number) => Math.abs(received + fee - principal) <= 0.005;
      if (!explains(deducted) && !explains(upfrontFees)) doubts.push({ ask: 'received', drop: ['received', 'fees'] });
      // 到手9000，砍头1000 … 另外还交了500的会员费: the deduction explains what arrived; only the other fees were paid
      // out of it.
      else if (explains(deducted) && !explains(upfrontFees) && upfrontFees > deducted) facts.fees = upfrontFees - deducted;
    }
    return sawFee;
  }

  /**
   * The term between a day the loan was made and a later day it is due (each a day-precise date, in clauses with a
   * lending word and a repaying word), in days: the dates say exactly how long the money was out.
   */
  function termBetweenDates(t: string, dates: ReturnType<typeof findDates>): LoanFacts['term'] {
    const days = dates.filter((d) => d.precision === 'day');
    const lent = days.find((d) => has(clauseAround(t, d.start, d.end, breakChars), cues.dates.contract));
    const due = lent && days.find((d) => d.start > lent.end && relativeVerbs.some((v) => clauseAround(t, d.start, d.end, breakChars).slice(d.end - clauseStartAt(t, d.start)).includes(v)));
    if (!lent || !due) return undefined;
    const a = new Date(`${lent.iso}T00:00:00Z`);
    const b = new Date(`${due.iso}T00:00:00Z`);
    const n = Math.round((b.getTime() - a.getTime()) / 86_400_000);
    if (!(n > 0) || n > 3 * 366) return undefined;
    return { count: n, unit: 'day' };
  }

  /**
   * Payments on calendar days after the day the loan was made (a day-precise date in a clause with a lending word):
   * each later day-precise date followed in its clause by a repaying word and then one amount (3月11号还了2000).
   * The day of each is counted from the day lent. Two or more make the schedule; fewer say nothing here.
   */
  function readDated(t: string, dates: ReturnType<typeof findDates>, isMasked: (s: number, e: number) => boolean): TimedHit[] {
    const days = dates.filter((d) => d.precision === 'day');
    // 2025-05-01 朋友借我一万: the first date may stand alone (nothing else in its clause) right before the clause
    // that says the money was lent (and not repaid).
    const clauseAfter = (d: { end: number }) => {
      let k = d.end;
      while (k < t.length && !breakChars.has(t[k]!)) k++;
      return clauseAround(t, k + 1, k + 1, breakChars);
    };
    const first = days[0];
    const standsAlone = (d: { start: number; end: number }) => clauseAround(t, d.start, d.end, breakChars) === t.slice(d.start, d.end);
    const lent = days.find((d) => has(clauseAround(t, d.start, d.end, breakChars), cues.dates.contract))
      ?? (first && standsAlone(first) && has(clauseAfter(first), cues.dates.contract) && !has(clauseAfter(first), relativeVerbs) ? first : undefined);
    if (!lent) return [];
    const from = new Date(`${lent.iso}T00:00:00Z`).getTime();
    const out: TimedHit[] = [];
    // 2月15日、3月15日、4月15日各还了2100: days listed before the one whose clause says what was paid, each (各) the same.
    let listedBefore: typeof days = [];
    for (const d of days) {
      if (d.start < lent.end) continue;
      const joiner = cues.dates.list_joiners.find((j) => t.startsWith(j, d.end));
      if (joiner !== undefined && days.some((o) => o.start === d.end + joiner.length)) {
        listedBefore.push(d);
        continue;
      }
      const withList = listedBefore;
      listedBefore = [];
      let end = d.end;
      while (end < t.length && !breakChars.has(t[end]!)) end++;
      // 06-25 还500 / 7/24 一千: a date typed apart from what was paid then (the space became a break) reads on into
      // the next clause, when that clause holds no date of its own.
      let restAt = d.end;
      if (end === d.end && end < t.length && !days.some((o) => o.start > end && o.start <= end + 1 + clauseAround(t, end + 1, end + 1, breakChars).length)) {
        restAt = end + 1;
        end = restAt;
        while (end < t.length && !breakChars.has(t[end]!)) end++;
      }
      const rest = t.slice(restAt, end);
      // 还了4000两清了: a lone Chinese numeral under the bare minimum with no unit after it (两清, 两不相欠) is a word,
      // not a second number of the clause.
      // 一次性还了10500: a small count before its unit (一次, 两期) is no amount either.
      const nums = findNumbers(rest).filter((h) => !(h.chinese && h.end - h.start === 1 && h.value < cues.bare_min) && !(h.value < cues.bare_min && !h.currency && notBefore.some((w) => rest.startsWith(w, h.end))));
      if (nums.length !== 1 || nums[0]!.value < cues.bare_min || isMasked(restAt + nums[0]!.start, restAt + nums[0]!.end)) {
        // A date that says something was paid, left unread, would drop a payment from the list: none is read.
        if (out.length && nums.some((h) => h.value >= cues.bare_min) && relativeVerbs.some((v) => rest.includes(v))) return [];
        continue;
      }
      const head = rest.slice(0, nums[0]!.start);
      // 还款记录：3月12日600，3月19日600: a list of dates and amounts under a heading with the paying verb.
      const headed = head === '' && relativeVerbs.some((v) => t.slice(lent.end, d.start).includes(v));
      if ((!relativeVerbs.some((v) => head.includes(v)) && !headed) || has(head, cues.dates.contract)) continue;
      const each = withList.length && has(head, cues.dates.each_words) ? withList : [];
      for (const day of [...each, d]) {
        const n = Math.round((new Date(`${day.iso}T00:00:00Z`).getTime() - from) / 86_400_000);
        if (!(n > 0) || (out.length && n <= out[out.length - 1]!.day!)) return [];
        out.push({ day: n, amount: nums[0]!.value, start: day.start, end: day === d ? restAt + nums[0]!.end : day.end, ordinal: true } as TimedHit);
      }
    }
    return out.length >= 2 ? out : [];
  }

  /** The spans of instalments a fee is said to be added to (前三期, 第2个月开始), in clauses naming a fee. */
  function feeSpans(t: string): Array<{ start: number; end: number; from: number; to?: number }> {
    const out: Array<{ start: number; end: number; from: number; to?: number }> = [];
    for (const [re, kind] of [[feeFirstSpanRe, 'first'], [feeFromSpanRe, 'from'], [feeSingleSpanRe, 'single']] as const) {
      for (const m of t.matchAll(new RegExp(re.source, 'g'))) {
        const n = smallCount(m[1]!);
        const clause = clauseAround(t, m.index!, m.index! + m[0].length, breakChars);
        if (!(n > 0) || !has(clause, feeWords)) continue;
        // 第一个月利息800放款时直接扣了: taken at signing, not paid with that instalment.
        if (kind === 'single' && (has(withoutNotDeduction(clause), cues.deduction_words) || out.some((o) => o.start <= m.index! && m.index! < o.end))) continue;
        out.push({ start: m.index!, end: m.index! + m[0].length, ...(kind === 'first' ? { from: 1, to: n } : kind === 'from' ? { from: n } : { from: n, to: n }) });
      }
    }
    return out;
  }

  /** The instalments a fee amount is added to, when its clause names them (前三期多交100); undefined otherwise. */
  function feeSpanOf(t: string, a: Amount, breaks: number[]): { from: number; to?: number } | undefined {
    const isFee = a.role === 'fee' || (a.perPeriod && partOf(t, a, breaks) === 'fee');
    if (!isFee) return undefined;
    const clauseStart = clauseStartAt(t, a.start);
    const span = feeSpans(t).find((s) => s.start >= clauseStart && s.end <= a.start);
    return span && (span.to === undefined ? { from: span.from } : { from: span.from, to: span.to });
  }

  /**
   * 说好…结果 / 本来该…其实: from the plan's word to the word that says what happened instead, when payments at named
   * times follow that word (what was actually paid). Without them the plan is the only schedule told, and stays.
   */
  function plannedSpans(t: string): Array<{ start: number; end: number }> {
    const planned = lower(cues.payment_plan.planned);
    const actual = lower(cues.payment_plan.actual);
    const out: Array<{ start: number; end: number }> = [];
    for (const w of planned) {
      const start = t.indexOf(w);
      if (start < 0 || out.some((o) => o.start <= start && start < o.end)) continue;
      const ends = actual.map((a) => t.indexOf(a, start + w.length)).filter((i) => i >= 0);
      if (!ends.length) continue;
      const end = Math.min(...ends);
      const paidAfter = [...t.slice(end).matchAll(new RegExp(timedRe.source, 'g'))].some((m) => (findNumbers(m[5]!)[0]?.value ?? 0) >= cues.bare_min);
      if (paidAfter) out.push({ start, end });
    }
    return out;
  }

  /** The end of a range of numbers starts at `pos` (the 3 of 第1-3期). */
  function rangeEnd(t: string, pos: number): boolean {
    return rangeJoiners.some((j) => t.endsWith(j, pos) && /\d$/.test(t.slice(0, pos - j.length)));
  }

  /** A daily paying word (日还, 天天还) outside the masked spans (the 日 of 7月10日还 is a date's). */
  function dailyPaySaid(t: string, isMasked: (s: number, e: number) => boolean): boolean {
    return lower(cues.daily_pay_words).some((w) => {
      for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) if (!isMasked(i, i + w.length)) return true;
      return false;
    });
  }

  /** 日还款120 / 日还120: `amount` is said right after a daily paying word (款 or 了 between them at most). */
  function paidDaily(t: string, amount: number): boolean {
    return lower(cues.daily_pay_words).some((w) => {
      for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) {
        const first = findNumbers(t.slice(i + w.length, i + w.length + 12))[0];
        if (first && first.start <= 1 && Math.abs(first.value - amount) <= 0.005) return true;
      }
      return false;
    });
  }

  /**
   * 每月还款本金的10%加利息100: every month a tenth of the amount lent and 100 of interest, so ten payments of 1100
   * (the count follows from the share when no term is said). A rate, a payment or a total beside it, a term that
   * does not repay the principal, or interest named without its amount: the instalment (or term) is asked.
   */
  function applyPrincipalShare(percent: number, shareEnd: number, t: string, amounts: Amount[], facts: LoanFacts, doubts: Doubt[]): void {
    const principal = facts.principal;
    if (principal === undefined) return;
    // The interest of each period: the amount after the share in its clause, with an interest word between them
    // (its lead also holds 本金, so it was read as a principal part or a payment).
    const clauseEnd = t.slice(shareEnd).search(new RegExp(`[${[...breakChars].map(escapeClass).join('')}]`));
    const within = t.slice(shareEnd, clauseEnd < 0 ? t.length : shareEnd + clauseEnd);
    const part = amounts.find((a) => a.start >= shareEnd && a.end <= shareEnd + within.length && has(t.slice(shareEnd, a.start), cues.part_words.interest));
    const interestNamed = has(within, cues.part_words.interest);
    const interest = part?.value ?? 0;
    const same = (x: number | undefined) => x === undefined || (part !== undefined && Math.abs(x - part.value) <= 0.005);
    if (facts.rate || !same(facts.payment) || facts.total !== undefined || (facts.interest && !same(facts.interest.amount)) || (interestNamed && !part) || facts.periodDays) {
      doubts.push({ ask: 'payment', drop: ['payment', 'total', 'interest', 'rate', 'repayment'] });
      return;
    }
    const byShare = 100 / percent;
    const n = facts.term && (facts.term.unit === 'month' || facts.term.unit === 'period') ? facts.term.count : Math.round(byShare);
    if (!(Math.abs(byShare - n) < 1e-9)) {
      doubts.push({ ask: 'term', drop: ['term', 'interest', 'repayment'] });
      return;
    }
    facts.payments = Array.from({ length: n }, (_, i) => ({ month: i + 1, amount: round2((principal * percent) / 100 + interest) }));
    delete facts.interest;
    delete facts.payment;
    delete facts.repayment;
    delete facts.term;
  }

  /**
   * 首期还款日为借款后第10天: the instalments said (每期还1100，分3期) fall on day 10 and then a month (30 days) or the
   * stated number of days apart. Instalments worked out from a rate or interest are asked: how the short first
   * period's interest is counted is not said. A first instalment a month after the loan (28 to 31 days) changes nothing.
   */
  function firstDueAfter(days: number, facts: LoanFacts, doubts: Doubt[]): void {
    if (!(days > 0) || doubts.length || facts.unstated || facts.payments?.length) return;
    if (facts.rate || facts.interest || (facts.repayment && facts.repayment !== 'bullet')) {
      doubts.push({ ask: 'payment', drop: ['payment', 'total', 'rate', 'interest', 'repayment'] });
      return;
    }
    const out = cashFlowsOf({ ...facts, feePerPayment: undefined, feeWithFirst: undefined, feeWithLast: undefined });
    if (!out.ok) return;
    const ps = out.flows.payments;
    const monthly = ps.every((p, i) => p.month === i + 1);
    const every = facts.periodDays;
    const byDays = every !== undefined && ps.every((p, i) => p.month === undefined && p.day === every * (i + 1));
    if (!monthly && !byDays) return;
    if (monthly && days >= fd.month_days.min && days <= fd.month_days.max) return;
    const gap = monthly ? fd.days_between_months : every!;
    facts.payments = ps.map((p, i) => ({ day: days + gap * i, amount: p.amount }));
  }

  /** 利息按剩余本金算 / 按没还的本金计息: a word of what is left and an interest word in one clause. */
  function interestOnRemaining(t: string): boolean {
    return remainingWords.some((w) => {
      for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) if (has(clauseAround(t, i, i + w.length, breakChars), onRemainingWords)) return true;
      return false;
    });
  }

  /** Every amount paid each period is a principal part (每月还本金1000): nothing paid each period is interest or whole. */
  function principalPartsOnly(t: string, amounts: Amount[], breaks: number[]): boolean {
    const each = amounts.filter((a) => a.perPeriod && (a.role as string) !== 'ignored' && a.role !== 'fee');
    return each.length > 0 && each.every((a) => partOf(t, a, breaks) === 'principal');
  }

  /** Where the clause holding `pos` begins. */
  function clauseStartAt(t: string, pos: number): number {
    let a = pos;
    while (a > 0 && !breakChars.has(t[a - 1]!)) a--;
    return a;
  }

  /**
   * A fee's name said on its own: not near a word refusing it (没有服务费, 免手续费, 服务费全免), not a rate (手续费率),
   * not inside the instalment (每期还款里有服务费, 其中服务费) nor charged each period (每期手续费按总额算), which the
   * schedule already carries.
   */
  function feeNamedAlone(t: string): boolean {
    return feeNouns.some((w) => {
      for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) {
        const clause = clauseAround(t, i, i + w.length, breakChars);
        // 没有任何手续费 / 服务费全免 / 手续费为0: refused before or after the name.
        const near = t.slice(Math.max(0, i - 6), i) + ',' + t.slice(i + w.length, i + w.length + 4);
        if (feeRefusals.some((r) => near.includes(r)) || /^[^\d]{0,2}0(?![\d.])/.test(t.slice(i + w.length))) continue;
        if (feeRateWords.some((r) => t.startsWith(r, i + w.length)) || has(clause, included) || everyPeriodWords.some((p) => clause.includes(p))) continue;
        // 住院押金 / 房租押金: the name inside another debt's word is that debt, no fee of this loan.
        if (otherDebts.some((d) => d.includes(w) && t.slice(Math.max(0, i - d.length), i + d.length).includes(d))) continue;
        return true;
      }
      return false;
    });
  }

  /**
   * 另外每期还有一个什么管理费: a fee named on top of every instalment (an every-period word and an on-top word in its
   * clause), with no amount in that clause and not refused: what each instalment comes to is not known.
   */
  function feeOnTopUnsaid(t: string): boolean {
    return feeNouns.some((w) => {
      for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) {
        const clause = clauseAround(t, i, i + w.length, breakChars);
        const near = t.slice(Math.max(0, i - 6), i) + ',' + t.slice(i + w.length, i + w.length + 4);
        if (feeRefusals.some((r) => near.includes(r)) || /\d/.test(clause) || has(clause, included)) continue;
        if (everyPeriodWords.some((p) => clause.includes(p)) && has(clause, cues.fee_on_top)) return true;
      }
      return false;
    });
  }

  /**
   * 每月还款1000元，其中本金833.33元，利息166.67元: the parts of an instalment already given whole, listed after an
   * included word (其中, 含), add up to it and say nothing new; they are dropped (the 本金 among them is no second
   * amount lent). Parts that do not add up are kept, and the disagreement is asked about as before.
   */
  function dropPartsOfInstalment(t: string, amounts: Amount[], breaks: number[]): void {
    for (const [i, a] of amounts.entries()) {
      const whole = amounts.slice(0, i).reverse().find((o) => o.perPeriod && (o.role === 'payment' || o.role === 'total'));
      if (!whole) continue;
      const clauseStart = (breaks.filter((b) => b < a.start).pop() ?? -1) + 1;
      if (!included.some((w) => t.slice(clauseStart, a.start).includes(w))) continue;
      const parts: Amount[] = [];
      let sum = 0;
      for (const p of amounts.slice(i)) {
        if (!['principal', 'interest', 'fee', 'unknown'].includes(p.role) || p.clause > a.clause + 2) break;
        parts.push(p);
        sum += p.value;
        if (Math.abs(sum - whole.value) <= 0.011 * parts.length) {
          if (parts.length > 1) for (const q of parts) q.role = 'ignored' as Role;
          return;
        }
      }
      return;
    }
  }

  /** A repayment said before `pos` (还1200, 每月还1000): what comes after a default word there is a penalty. */
  function agreedBefore(t: string, pos: number): boolean {
    const head = t.slice(0, pos);
    return findNumbers(head).length >= 2 && relativeVerbs.some((v) => head.includes(v));
  }

  /** `s` without the words that contain 扣 but deduct nothing (每月20号扣款, 自动扣). */
  function withoutNotDeduction(s: string): string {
    return notDeduction.reduce((x, w) => x.split(w).join(','), s);
  }

  /** True when an included word (含, 其中) leads `a`'s clause and an earlier amount is paid every instalment. */
  function feeIncluded(t: string, a: Amount, amounts: Amount[]): boolean {
    const clause = clauseAround(t, a.start, a.end, breakChars);
    const lead = clause.slice(0, Math.max(0, clause.indexOf(t.slice(a.start, a.end))));
    return included.some((w) => lead.includes(w)) && amounts.some((o) => o.perPeriod && o.start < a.start && o.role !== 'fee');
  }

  /**
   * What a per-instalment amount is, from the words before it in its clause (since the previous amount) and
   * right after it: a fee word makes a fee (每期另交100担保费), 本金 a principal part, 利息/息 an interest part
   * (本息 is the whole payment), anything else the payment.
   */
  function partOf(t: string, a: Amount, breaks: number[]): 'principal' | 'interest' | 'fee' | 'payment' {
    const clauseStart = (breaks.filter((b) => b < a.start).pop() ?? -1) + 1;
    const clauseEnd = breaks.find((b) => b > a.start) ?? t.length;
    const lead = t.slice(clauseStart, a.start);
    const own = a.role === 'fee' || a.role === 'interest' || a.role === 'principal' ? a.role : undefined;
    const tail = t.slice(a.end, Math.min(clauseEnd, a.end + 8)).replace(currencyLead, '');
    // 每期还本金1250再加手续费300: a fee word that introduces its own number names that number, not this one.
    // 每期还本金1000加手续费 (no number after it): the fee joined on by 加 is another part, not this amount's name.
    const feeAfter = !partJoiners.some((w) => tail.startsWith(w)) && feeWords.some((w) => {
      const i = tail.indexOf(w);
      return i >= 0 && i <= 6 && !/^[^\d]{0,2}\d/.test(t.slice(a.end + (t.slice(a.end).length - t.slice(a.end).replace(currencyLead, '').length) + i + w.length, clauseEnd));
    });
    if (own === 'fee' || feeAfter || feeInLead(lead)) return 'fee';
    const sinceLast = lead.slice(Math.max(0, lead.length - 12));
    if (cues.part_words.principal.some((w) => sinceLast.includes(w) || tail.startsWith(w))) return 'principal';
    // 每个月还本一千: 还本 right before the amount.
    if (cues.part_words.principal_right_before.some((w) => lead.endsWith(w))) return 'principal';
    if (cues.part_words.interest.some((w) => sinceLast.includes(w)) && !cues.part_words.not_interest.some((w) => sinceLast.includes(w))) return 'interest';
    return own === 'principal' ? 'principal' : own === 'interest' ? 'interest' : 'payment';
  }

  /**
   * A fee word earlier in the clause makes a per-instalment amount a fee (每期服务费另交100), unless the verb 还
   * stands between them: 还 binds the amount to the repayment (扣了服务费每个月还1000 is a payment of 1000).
   */
  function feeInLead(lead: string): boolean {
    let last = -1;
    for (const w of feeWords) {
      const i = lead.lastIndexOf(w);
      if (i >= 0) last = Math.max(last, i + w.length);
    }
    if (last < 0) return false;
    for (let i = lead.indexOf('还', last); i >= 0; i = lead.indexOf('还', i + 1)) if (!insideNotCue(lead, i, 1)) return false;
    return true;
  }

  function readTerms(t: string, isMasked: (s: number, e: number) => boolean): Term[] {
    const out: Term[] = [];
    termRe.lastIndex = 0;
    for (let m = termRe.exec(t); m; m = termRe.exec(t)) {
      const start = m.index;
      const end = start + m[0].length;
      if (isMasked(start, end)) continue;
      // 半年付一次息: how often interest is paid, not the term.
      if (insideInterestEvery(t, start, end)) continue;
      // Right after a digit: a count in digits is the tail of a longer number, and 一 a period (1050一个月 is each
      // month's); another count in words is the loan's length after its amount (借1000七天).
      if (/[\d.]/.test(t[start - 1] ?? '') && (/^[\d.]/.test(m[2]!) || smallCount(m[2]!) === 1)) continue;
      const ordinal = Boolean(m[1]);
      const lead = t.slice(Math.max(0, start - 6), start);
      if (!ordinal && termNotAfter.some((w) => lead.endsWith(w))) continue;
      const word = m[3]!;
      let count = smallCount(m[2]!);
      if (!(count > 0)) continue;
      let unit: Term['unit'];
      if (word === '个半月') {
        count += 0.5;
        unit = 'month';
      } else unit = unitWords.find((u) => u.w === word)!.unit;
      // 一年半: a year and a half.
      let halfEnd = end;
      if (unit === 'year' && t[end] === '半' && !ordinal) {
        count += 0.5;
        halfEnd = end + 1;
      }
      // 一个月利息800 / 利息一个月800: the period the interest is for, not the term.
      if (count === 1 && moneyLinkWords.some((w) => t.startsWith(w, end))) continue;
      // 扣了一个月的500: one month's money, not a term of one month.
      if (count === 1 && !ordinal && t.startsWith('的', end) && numberStart.test(t.slice(end + 1, end + 2))) continue;
      // 先扣了两个月利息600: the months of interest deducted, not the term.
      if (!ordinal && moneyLinkWords.some((w) => t.startsWith(w, end)) && has(withoutNotDeduction(clauseAround(t, start, end, breakChars)), cues.deduction_words)) continue;
      if (count === 1 && !ordinal && interestWords.some((w) => lead.endsWith(w)) && numberStart.test(t.slice(end, end + 1))) continue;
      // 最后一个月还8240: a point in time, not a term of one month.
      if (count === 1 && !ordinal && lastBeforeRe.test(lead)) continue;
      // 一个月工资才4000 / 一个月房租1500: the period of an income or another expense, not the term.
      if (!ordinal && otherDebts.some((w) => t.startsWith(w, end + (/^[的才就]/.test(t.slice(end, end + 1)) ? 1 : 0)))) continue;
      // 一期2200，一共6期 / 一期还多少: 一期 right before its amount is what each instalment is, not a term of one.
      if (unit === 'period' && count === 1 && !ordinal && !cues.instalment_words.some((w) => lead.endsWith(w)) && /^(?:要|得|需要)?还?(?:\d|多少)/.test(t.slice(end))) continue;
      // 14天一期: the 一期 says how long a period is, not how many there are.
      if (unit === 'period' && count === 1 && unitWords.some((u) => (u.unit === 'day' || u.unit === 'week') && lead.endsWith(u.w))) continue;
      // 每7天还一次 / 每周还一次 / 每月还一次: how often, not how many payments.
      if (instalmentUnits.includes(word) && count === 1 && (everyInLeadRe.test(lead) || everyMonthsRe.test(lead) || monthsWords.some(([w]) => lead.includes(w)) || everyPeriodWords.some((w) => lead.includes(w)))) continue;
      // 还6次 / 分6次: 次 counts instalments only after 分/还/共.
      if (instalmentUnits.includes(word) && !cues.instalment_words.some((w) => lead.endsWith(w))) continue;
      // A bare 月 is a term only after 分/共/期限 ("分6月"), never a month of the year.
      if (word === '月' && !cues.instalment_words.some((w) => lead.endsWith(w))) continue;
      if (word === '日' && /^[\d]/.test(t.slice(end))) continue;
      // 分6个月 / 分4周还: that many monthly (weekly) instalments; not the 分 of a rate (月息2分6个月).
      const split = !ordinal && (unit === 'month' || unit === 'week') && Number.isInteger(count) && splitWords.some((w) => lead.endsWith(w) && !/[\d一二两三四五六七八九十半点]$/.test(lead.slice(0, -w.length)));
      // 一年前借的 / 两个月前: how long ago, not how long for (7天前还 still names a due time).
      if (!ordinal && agoWords.some((w) => t.startsWith(w, end) && !relativeVerbs.some((v) => t.startsWith(v, end + w.length)))) continue;
      out.push({ count, unit, start, end: halfEnd, ordinal, split, times: instalmentUnits.includes(word) });
    }
    // 下个月还7200 / 下周还: a term counted from the loan, when a repayment verb follows.
    for (const [phrase, rel] of relativeTerms) {
      for (let i = t.indexOf(phrase); i >= 0; i = t.indexOf(phrase, i + phrase.length)) {
        const end = i + phrase.length;
        // 下个月发工资还他三千: the pay day between the time and the verb.
        const verbAt = end + (otherDebtsWhen.find((w) => t.startsWith(w, end))?.length ?? 0);
        if (isMasked(i, end) || !relativeVerbs.some((v) => t.startsWith(v, verbAt))) continue;
        if (out.some((o) => o.start < end && i < o.end)) continue;
        out.push({ count: rel.count, unit: rel.unit, start: i, end, ordinal: false });
      }
    }
    // 期数:60 (a form's label, then the count).
    countLabelRe.lastIndex = 0;
    for (let m = countLabelRe.exec(t); m; m = countLabelRe.exec(t)) {
      const count = smallCount(m[1]!);
      const end = m.index + m[0].length;
      if (count > 0 && !isMasked(m.index, end)) out.push({ count, unit: 'period', start: end - m[1]!.length, end, ordinal: false });
    }
    return out.sort((a, b) => a.start - b.start);
  }

  /**
   * 前11个月每月还利息200，第12个月还本金加利息10200: one amount each month of the lead-in and one timed payment in the
   * month right after it, and no other amount each period: that is the whole schedule.
   */
  function leadInThenOne(t: string, leadIn: { count: number; start: number; end: number }, amounts: Amount[], timed: TimedHit[], breaks: number[]): Payment[] | undefined {
    const clauseEnd = breaks.find((b) => b >= leadIn.end) ?? t.length;
    const each = amounts.filter((a) => a.perPeriod && (a.role as string) !== 'ignored' && a.role !== 'fee' && a.start >= leadIn.start && a.end <= clauseEnd);
    let last: { month?: number; amount: number; start: number; end: number }[] = timed.filter((h) => h.start > clauseEnd);
    // 第4个月还本金10000加当月利息300: the last payment told as the principal lent and that period's interest.
    if (!last.length) {
      const lent = amounts.find((a) => a.role === 'principal')?.value;
      for (const m of t.slice(clauseEnd).matchAll(lastPartsRe)) {
        const [p, i] = [findNumbers(m[2]!)[0]?.value, findNumbers(m[3]!)[0]?.value];
        if (p === undefined || i === undefined || lent === undefined || Math.abs(p - lent) > 0.005) continue;
        last.push({ month: smallCount(m[1]!), amount: round2(p + i), start: clauseEnd + m.index!, end: clauseEnd + m.index! + m[0].length });
      }
    }
    const after = amounts.filter((a) => a.perPeriod && (a.role as string) !== 'ignored' && a.start > clauseEnd && !last.some((h) => h.start <= a.start && a.end <= h.end));
    if (each.length !== 1 || after.length || last.length !== 1 || last[0]!.month !== leadIn.count + 1) return undefined;
    return [...Array.from({ length: leadIn.count }, (_, i) => ({ month: i + 1, amount: each[0]!.value })), { month: leadIn.count + 1, amount: last[0]!.amount }];
  }

  /**
   * The instalments named at their periods (第1期1125 第5期1025 / 第一期3270 / 最后一期1010) all agree with the schedule
   * that the rate, the term and the way of repaying give: true, so that the schedule is computed and the named ones
   * are not read as the whole schedule (or as a sum paid once). Anything else said of the instalments, or one named
   * amount that disagrees, leaves the text to the other rules.
   */
  function examplesOfSchedule(t: string, facts: LoanFacts, listed: TimedHit[], amounts: Amount[]): boolean {
    const { rate, term, repayment } = facts;
    if (!rate || !term || term.unit !== 'period' || !repayment || repayment === 'bullet' || facts.payment !== undefined || facts.interest || facts.feePerPayment || facts.payments) return false;
    const firstWords = lower(cues.first_payment);
    const lastWords = lower(tc.last);
    const lastBefore = (pos: number) => lastWords.some((w) => t.slice(Math.max(0, pos - w.length - 2), pos).includes(w));
    const named: Array<{ month?: number; last: boolean; amount: number }> = listed.map((h) => ({ month: h.month, last: lastBefore(h.start), amount: h.amount }));
    if (facts.total !== undefined) {
      const sum = amounts.find((a) => a.role === 'total' && Math.abs(a.value - facts.total!) <= 0.005);
      if (!sum) return false;
      const lead = t.slice(clauseStartAt(t, sum.start), sum.start);
      if (firstWords.some((w) => lead.includes(w))) named.push({ month: 1, last: false, amount: sum.value });
      else if (lastWords.some((w) => lead.includes(w))) named.push({ last: true, amount: sum.value });
      else return false;
    }
    if (!named.length) return false;
    const out = cashFlowsOf({ principal: facts.principal, received: facts.received ?? facts.principal, rate, term, repayment, principalPerPeriod: facts.principalPerPeriod, periodDays: facts.periodDays });
    if (!out.ok) return false;
    const ps = out.flows.payments;
    const at = (x: { month?: number; last: boolean }) => (x.last ? ps[ps.length - 1] : ps.find((p) => p.month === x.month));
    return named.every((x) => Math.abs((at(x)?.amount ?? NaN) - x.amount) <= 0.011);
  }

  /**
   * An early payoff: N instalments paid (还了4期 / 正常还了4期 / 前5期正常还), then in the (N+1)-th month or instalment,
   * named after them, everything settled (结清, 还清) with one amount said after that month. The instalments are the
   * one said or the ones the rate gives; the amount must be more than one of them and at most what was left of the
   * schedule with a tenth on top (a payoff fee), or it is no payoff and the other rules ask.
   */
  function earlyPayoff(t: string, terms: Term[], amounts: Amount[], facts: LoanFacts): Payment[] | undefined {
    const ep = cues.early_payoff;
    if (!has(t, ep.settle_words) || facts.feePerPayment || facts.feeWithFirst || facts.feeWithLast || facts.feesOnPeriods) return undefined;
    const paid = new RegExp(`(?:${altOf(ep.paid_before)})(\\d+|${CN_COUNT})(?:期|个月)`).exec(t);
    // 第6个月的时候提前结清，那个月还了…一共31200: with no count paid, the month named in the clause that settles early
    // (settled_early) follows the ones paid as agreed, when the sum is said of that month (that_month: 那个月, 当月 …).
    const settledAt = paid ? undefined : terms.find((x) => x.ordinal && (x.unit === 'month' || x.unit === 'period') && has(clauseAround(t, x.start, x.end, breakChars), cues.settled_early));
    if (!paid && !(settledAt && has(t.slice(settledAt.end), ep.that_month))) return undefined;
    const n = paid ? smallCount(paid[1]!) : settledAt!.count - 1;
    const paidAt = paid ? paid.index : settledAt!.start;
    const paidEnd = paid ? paid.index + paid[0].length : settledAt!.start;
    const at = terms.find((x) => x.ordinal && (x.unit === 'month' || x.unit === 'period') && x.count === n + 1 && x.start >= paidEnd);
    if (!(n >= 1) || !at) return undefined;
    // 那个月还了本金4万加利息800，另加400手续费: a fee said after the payoff month is paid with it, not at signing.
    if (amounts.some((a) => a.role === 'fee' && !a.perPeriod && a.start > at.end)) return undefined;
    // 每期1134.72 … 那个月还了8478.57: the instalment is the amount said every period, not the payoff read as one.
    const each = amounts.find((a) => a.perPeriod && a.role === 'payment' && a.end <= paidAt)?.value ?? facts.payment;
    const out = cashFlowsOf({ ...facts, payment: each, total: undefined, payments: undefined, unstated: undefined });
    if (!out.ok) return undefined;
    const ps = out.flows.payments;
    if (ps.length <= n + 1 || !ps.every((p, i) => p.month === i + 1)) return undefined;
    const left = ps.slice(n).reduce((x, p) => x + p.amount, 0);
    // 本金3万加当月利息600，再加600违约金，一共31200: parts then their sum; the sum is the payoff.
    const summed = amounts.find((a) => a.start > at.end && !a.perPeriod && has(t.slice(clauseStartAt(t, a.start), a.start), cues.sum_words));
    const sum = summed ?? amounts.find((a) => a.start > at.end && !a.perPeriod && ['total', 'payment', 'unknown'].includes(a.role));
    if (!sum || !(sum.value > ps[n]!.amount) || sum.value > left * ep.max_over_left) return undefined;
    return [...ps.slice(0, n), { month: n + 1, amount: sum.value }];
  }

  /**
   * 先息后本 … 第6个月付利息的时候我顺便还了4万本金: an interest-only loan with part of the principal repaid in month k.
   * Month k pays its interest and that part; the interest after it is on what is left; the last month pays what is
   * left with its interest. Every amount said after the repayment must be one of those figures (the interest before
   * or after, the part, what is left, their sums), else the schedule is asked ('ask'). Undefined when no such
   * repayment is said or the loan is not read as interest-only with its monthly interest and term.
   */
  function partialPrepayment(t: string, facts: LoanFacts, kind: LoanFacts['repayment']): Payment[] | 'ask' | undefined {
    const m = partPrepaidRe.exec(t);
    if (!m || kind !== 'interest_only') return undefined;
    const { principal: lent, term, rate, interest } = facts;
    const n = term && (term.unit === 'month' || term.unit === 'period') ? term.count : undefined;
    const first = interest?.each ? interest.amount : rate && lent !== undefined && (rate.per === 'month' || rate.per === 'year') ? round2((lent * rate.percent) / (rate.per === 'month' ? 100 : 1200)) : undefined;
    const k = smallCount(m[1]!);
    const part = findNumbers(m[2]!)[0]?.value;
    if (lent === undefined || n === undefined || !Number.isInteger(n) || first === undefined || part === undefined || !(part < lent) || !(k >= 1 && k < n)) return 'ask';
    const left = lent - part;
    const after = round2((first * left) / lent);
    const known = [first, after, part, round2(part + first), left, round2(left + after), lent];
    const said = findNumbers(t.slice(m.index)).filter((h) => plausibleNumber(t.slice(m.index), h) && h.value >= cues.bare_min);
    if (said.some((h) => !known.some((v) => Math.abs(v - h.value) <= 0.005))) return 'ask';
    return Array.from({ length: n }, (_, i) => {
      const month = i + 1;
      const amount = month < k ? first : month === k ? round2(first + part) : month < n ? after : round2(left + after);
      return { month, amount };
    });
  }

  /** 到期还本 not followed by 付息 / 和利息 (到期还本付息 is one payment of both). */
  /** Who lent, as the text names it; unsure talk (是不是持牌的小贷我也不知道) names no kind, so both cases are said. */
  function lenderKindOf(t: string): 'licensed' | 'unlicensed' | undefined {
    if (has(t, cues.lender.unsure)) return undefined;
    return has(t, cues.lender.unlicensed) ? 'unlicensed' : has(t, cues.lender.licensed) ? 'licensed' : undefined;
  }

  function principalOnlyAtEnd(t: string): boolean {
    return cues.principal_only_end.some((w) => {
      for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) {
        const rest = t.slice(i + w.length).replace(/^金/, '');
        if (!cues.principal_only_not_after.some((x) => rest.startsWith(x))) return true;
      }
      return false;
    });
  }

  /** The lead-in of the loan (前3个月不用还, 有3个月宽限期, 头两个月只还利息), or undefined. */
  /**
   * 前5个月只还利息，第6个月还本金加最后一个月利息: the first months interest only, and the month right after them
   * (the term, when one is said) named with the principal and its interest and no amount: the interest-only
   * schedule itself, not one in stages.
   */
  function interestOnlyLeadIn(t: string, leadIn: { count: number; unit: string; grace: boolean; start: number; end: number }, terms: readonly Term[], amounts: readonly Amount[], term: LoanFacts['term']): boolean {
    const interestOnlyWords = [...cues.interest_only, ...li.partial.filter((w) => has(w, cues.part_words.interest))];
    if (leadIn.grace || leadIn.unit !== 'month' || !has(t.slice(leadIn.start, leadIn.end), interestOnlyWords)) return false;
    const last = leadIn.count + 1;
    if (term && !((term.unit === 'month' || term.unit === 'period') && term.count === last)) return false;
    const at = terms.find((x) => x.ordinal && (x.unit === 'month' || x.unit === 'period') && x.count === last && x.start >= leadIn.end);
    if (!at) return false;
    const clause = clauseAround(t, at.start, at.end, breakChars);
    const clauseStart = clauseStartAt(t, at.start);
    const inClause = amounts.some((a) => (a.role as string) !== 'ignored' && a.start >= clauseStart && a.start < clauseStart + clause.length);
    return !inClause && has(clause, cues.part_words.principal) && has(clause, cues.part_words.interest) && has(clause, cues.principal_last_with_interest);
  }

  /** 提前结清 / 提前还清 said of a loan of more than one instalment (a day loan repaid early is one payment). */
  function settledEarly(t: string, term: LoanFacts['term']): boolean {
    return has(t, cues.settled_early) && term !== undefined && term.count > 1 && term.unit !== 'day';
  }

  function readLeadIn(t: string): { count: number; unit: 'day' | 'week' | 'month'; grace: boolean; start: number; end: number } | undefined {
    for (const m of t.matchAll(leadInRe)) {
      const count = smallCount(m[1]!);
      if (count > 0) return { count, unit: li.units[m[2]!]!, grace: Boolean(m[3]), start: m.index!, end: m.index! + m[0].length };
    }
    for (const m of t.matchAll(graceNamedRe)) {
      const count = smallCount((m[1] ?? m[3])!);
      if (count > 0) return { count, unit: li.units[(m[2] ?? m[4])!]!, grace: true, start: m.index!, end: m.index! + m[0].length };
    }
    return undefined;
  }

  function chooseTerm(terms: Term[], t: string): { term?: LoanFacts['term']; periodDays?: number; times?: boolean } {
    const lengthWords = cues.term.period_length.map((w) => w.toLowerCase());
    let periodDays: number | undefined;
    const rest: Term[] = [];
    for (const tm of terms) {
      if (tm.ordinal) continue;
      const next = t.slice(tm.end, tm.end + 3);
      const prev = t.slice(Math.max(0, tm.start - 2), tm.start);
      if ((tm.unit === 'day' || tm.unit === 'week') && (lengthWords.some((w) => next.startsWith(w)) || prev.endsWith('每期'))) {
        periodDays = tm.unit === 'week' ? tm.count * 7 : tm.count;
        continue;
      }
      rest.push(tm);
    }
    // 一个月还一千一，得还十二个月 / 一个月一分五的利，半年后还: 一个月 right before what is paid or charged says how
    // often; another length said beside it is the term.
    const eachMonth = (x: Term) => x.count === 1 && x.unit === 'month' && !x.split && (numberStart.test(t.slice(x.end, x.end + 1)) || perMonthAfter.some((w) => t.startsWith(w, x.end)));
    const lengths = rest.some((x) => !eachMonth(x)) ? rest.filter((x) => !eachMonth(x)) : rest;
    // 一个月一分五，分10个月还: the count after 分 says how many instalments, before any other length.
    const pick = lengths.find((x) => x.unit === 'period') ?? lengths.find((x) => x.split) ?? lengths[0];
    if (!pick) return { periodDays };
    if (pick.split) return { term: { count: pick.count, unit: 'period' }, periodDays: pick.unit === 'week' ? periodDays ?? 7 : periodDays };
    const unit: TermUnit = pick.unit === 'year' ? 'month' : pick.unit;
    const count = pick.unit === 'year' ? pick.count * 12 : pick.count;
    if (pick.times && !rest.some((x) => x !== pick && x.unit !== 'period')) return { term: { count, unit }, periodDays, times: true };
    // 半个月后还 / 一个半月: not a whole number of months, so a number of days.
    if (unit === 'month' && !Number.isInteger(count)) return { term: { count: Math.round(count * cues.term.days_per_month), unit: 'day' }, periodDays };
    return { term: { count, unit }, periodDays };
  }

  /** A bullet word not said of every instalment: 每期本金和利息一起还 pays both each period, not once at the end. */
  function bulletSaid(t: string): boolean {
    return cues.bullet.some((w) => {
      for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) if (!everyPeriodWords.some((p) => t.slice(Math.max(0, i - p.length - 1), i).includes(p))) return true;
      return false;
    });
  }

  /** 第13个月本金4万: a principal amount in a clause that names its month (第N个月) and no interest with it. */
  function principalAloneAt(t: string, a: Amount, terms: readonly Term[]): boolean {
    const clause = clauseAround(t, a.start, a.end, breakChars);
    const named = terms.some((x) => x.ordinal && x.end <= a.start && x.start >= clauseStartAt(t, a.start));
    return named && has(clause, cues.part_words.principal) && !has(clause, cues.principal_last_with_interest);
  }

  /** Days between payments named by the payment cue itself: 每周 → 7, 每两周 → 14, 每天 → 1. */
  /**
   * 每个季度还一次 / 每半年还一次: payments that many months apart said by a word (cues payment_every.months_words),
   * a paying verb right after it and no interest named in its clause (每季度付息 is interest paid on its own).
   */
  function monthsApartByWord(t: string): number {
    for (const [w, n] of monthsWords) {
      for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) {
        if (!everyVerbs.some((v) => t.startsWith(v, i + w.length))) continue;
        if (has(clauseAround(t, i, i + w.length, breakChars), interestWords)) continue;
        return n;
      }
    }
    return NaN;
  }

  function paymentEvery(t: string): number | undefined {
    // A period under a week needs a verb after it (每天还100; 每天利息5块 is no schedule).
    const verbFollows = (at: number) => everyVerbs.some((v) => t.startsWith(v, at));
    // 双周还款 / 隔周还: some of the words say "every" without 每.
    const starts = new Set<number>();
    for (let i = t.indexOf('每'); i >= 0; i = t.indexOf('每', i + 1)) starts.add(i);
    for (const w of everyWords.filter((x) => !x.startsWith('每'))) for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) if (t[i - 1] !== '每') starts.add(i);
    for (const i of [...starts].sort((a, b) => a - b)) {
      const word = everyWords.find((w) => t.startsWith(w, i));
      if (word) {
        const days = cues.payment_every.words[word]!;
        // 还100每天: the verb and its amount said before the period.
        const paidBefore = paidBeforeRe.test(t.slice(Math.max(0, i - 16), i));
        if (days >= 7 || verbFollows(i + word.length) || paidBefore) return days;
        continue;
      }
      const m = everyCountRe.exec(t.slice(i));
      if (!m) continue;
      const days = smallCount(m[1]!) * cues.payment_every.units[m[2]!]!;
      if (days > 0 && (days >= 7 || verbFollows(i + m[0].length))) return days;
    }
    return undefined;
  }

  /** Two different ways of repaying named with an alternative word between them (等额本息还是先息后本). */
  function kindsEither(t: string): boolean {
    const named = kindWords
      .flatMap(({ kind, words }) => words.flatMap((w) => {
        const at: Array<{ kind: string; start: number; end: number }> = [];
        for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) at.push({ kind, start: i, end: i + w.length });
        return at;
      }))
      .sort((a, b) => a.start - b.start);
    return named.some((a, i) => named.slice(i + 1).some((b) => b.kind !== a.kind && b.start >= a.end && b.start - a.end <= 6 && alternatives.some((w) => t.slice(a.end, b.start).includes(w))));
  }

  function repaymentKind(t: string, principalParts: boolean): LoanFacts['repayment'] {
    if (has(t, cues.equal_principal) || ((principalParts || has(t, cues.equal_principal_parts)) && has(t, cues.remaining_principal))) return 'equal_principal';
    if (has(t, cues.equal_instalments)) return 'equal_instalments';
    // 每月还的钱一样，利息按剩余本金算: the same instalment with interest on what is left is 等额本息.
    if (equalPaymentRe.test(t) && has(t, cues.remaining_principal)) return 'equal_instalments';
    if (has(t, cues.interest_only)) return 'interest_only';
    if (has(t, cues.flat) || flatBasisRe.test(t)) return 'flat';
    if (bulletSaid(t)) return 'bullet';
    if (has(t, cues.interest_only_weak)) return 'interest_only';
    if (principalParts) return 'flat';
    return undefined;
  }

  /**
   * Payments at named times: 第7天还500 / 第2期1250 / 1月 2200 / 到第28天还了3000. Two or more make the
   * schedule; one alone is the last payment of a rolled-over loan, or an ordinary "7天后还2600".
   */
  function readTimed(t: string, isMasked: (s: number, e: number) => boolean): TimedHit[] {
    const out: TimedHit[] = [];
    for (const m of t.matchAll(timedRe)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (isMasked(start, end) || /[\d.]/.test(t[start - 1] ?? '')) continue;
      const ordinal = Boolean(m[1]);
      const verb = m[4];
      const unit = cues.timed.units[m[3]!]!;
      if (!verb && !ordinal && unit !== 'calendar_month') continue;
      if (unit === 'calendar_month' && !ordinal && verb) continue;
      const n = smallCount(m[2]!);
      const amount = findNumbers(m[5]!)[0];
      if (!(n > 0) || !amount || amount.value < cues.bare_min) continue;
      // 又过了7天还了1800: counted from the previous due date.
      const prev = out[out.length - 1];
      const from = !ordinal && prev && relativeBefore.some((w) => t.slice(0, start).endsWith(w)) ? prev : undefined;
      const p: Payment =
        unit === 'day' ? ({ day: n + (from?.day ?? 0) } as Payment) : unit === 'week' ? ({ day: 7 * n + (from?.day ?? 0) } as Payment) : ({ month: n + (from?.month ?? 0) } as Payment);
      const afterDue = !ordinal && !prev && relativeBefore.some((w) => t.slice(0, start).endsWith(w));
      // 第14天交了500续期费，再14天又交了500: counted from a named day, it is a named day too.
      out.push({ ...p, amount: amount.value, start, end, ordinal: ordinal || unit === 'calendar_month' || Boolean(from?.ordinal), ...(afterDue ? { afterDue } : {}) });
    }
    // 另外第7天要交一次服务费200: a fee on a named day is one more payment then, in time order with the others.
    const fees: TimedHit[] = [];
    for (const m of t.matchAll(timedFeeRe)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (isMasked(start, end) || /[\d.]/.test(t[start - 1] ?? '') || out.some((h) => h.start < end && start < h.end)) continue;
      // 放款后第二天被扣1500的担保费: deducted from what arrived, not paid by the borrower then.
      // 其中第7天的服务费200: a fee inside a payment already said is not paid again.
      if (has(withoutNotDeduction(m[0]), cues.deduction_words) || has(clauseAround(t, start, end, breakChars), included)) continue;
      const n = smallCount(m[1]!);
      const amount = findNumbers((m[3] ?? m[4])!)[0];
      if (!(n > 0) || !amount) continue;
      fees.push({ day: cues.timed.units[m[2]!] === 'week' ? 7 * n : n, amount: amount.value, start, end, ordinal: true, fee: true });
    }
    return fees.length ? [...out, ...fees].sort((a, b) => daysOf(a) - daysOf(b)) : out;
  }

  /**
   * A schedule in stages, each clause one stage with its months and one amount: 前3个月每月只还利息800 / 头两个月 /
   * 第4到第7个月每个月还10800 / 后6个月每月还4000 / 从第三个月起每月还2500 (…还到第八个月结束) / 第4个月一次还清13500.
   * Only when the stages run from month 1 without a gap or overlap, and a stage of several months says it is paid
   * every month; anything else is left to the rules that ask.
   */
  function readStages(t: string): Payment[] | undefined {
    const clauses = splitClauses(t);
    const out: Payment[] = [];
    let next = 1;
    let sawStage = 0;
    for (const c of clauses) {
      const head = stageHead(c, next, t);
      if (!head) {
        if (sawStage && /\d/.test(c) && !stageEndRe.test(c) && !stageForRe.test(`,${c}`)) return undefined;
        continue;
      }
      const { from, to, end } = head;
      // One amount a stage: one told as its parts (本金10000加当月利息300) is left to the rules for parts.
      const said = findNumbers(c.slice(end)).filter((h) => h.value >= cues.bare_min);
      const amount = said.length === 1 ? said[0] : undefined;
      if (!amount || from !== next || to < from) return undefined;
      if (to > from && !everyPeriodWords.some((w) => c.includes(w))) return undefined;
      // 第1个月要多交一次性手续费300: a fee named at that month is added to its instalment (feeSpans), no stage.
      if (has(c, feeWords)) return undefined;
      for (let m = from; m <= to; m++) out.push({ month: m, amount: amount.value });
      next = to + 1;
      sawStage++;
    }
    return sawStage >= 2 ? out : undefined;
  }

  /** The months of one stage at the start of a clause, counted on from `next` (the first month not yet said). */
  function stageHead(c: string, next: number, t: string): { from: number; to: number; end: number } | undefined {
    const lead = stageLeadRe.exec(c);
    if (lead) return { from: 1, to: smallCount(lead[1]!), end: lead.index + lead[0].length };
    const range = stageRangeRe.exec(c);
    if (range) return { from: smallCount(range[1]!), to: smallCount(range[2]!), end: range.index + range[0].length };
    const rest = stageRestRe.exec(c);
    if (rest) return { from: next, to: next + smallCount(rest[1]!) - 1, end: rest.index + rest[0].length };
    const from = stageFromRe.exec(c);
    if (from) {
      const until = stageEndRe.exec(t.slice(t.indexOf(c) + from.index));
      if (until) return { from: smallCount(from[1]!), to: smallCount(until[1]!), end: from.index + from[0].length };
      // 第四个月开始每个月还3500，还三个月: the stage's length said in the clause right after it.
      const length = stageForRe.exec(t.slice(t.indexOf(c) + c.length));
      return length ? { from: smallCount(from[1]!), to: smallCount(from[1]!) + smallCount(length[1]!) - 1, end: from.index + from[0].length } : undefined;
    }
    const one = stageOneRe.exec(c);
    if (one) return { from: smallCount(one[1]!), to: smallCount(one[1]!), end: one.index + one[0].length };
    return undefined;
  }

  function splitClauses(t: string): string[] {
    const out: string[] = [];
    let cur = '';
    for (const ch of t) {
      if (breakChars.has(ch)) {
        if (cur) out.push(cur);
        cur = '';
      } else cur += ch;
    }
    if (cur) out.push(cur);
    return out;
  }

  /** 第一期还1500，后面11期每期还900 / 第一期还2240，以后每期少20 (等额本金 told by its first payment). */
  function readVarying(t: string, isMasked: (s: number, e: number) => boolean): { payments: Payment[]; start: number; end: number } | undefined {
    const first = lower(cues.first_payment).map(escapeRe).join('|');
    const later = lower(cues.later_payments).map(escapeRe).join('|');
    // (最后一期1010 is the last instalment, not 后 + 一期: one more after the first.)
    const m1 = new RegExp(`(?:${first})[^\\d]{0,3}?${AMOUNT}.{0,12}?(?<!最)(?:${later})(\\d+|${CN_COUNT})期[^\\d]{0,4}?${AMOUNT}`).exec(t);
    if (m1 && !isMasked(m1.index, m1.index + m1[0].length)) {
      const a = findNumbers(m1[1]!)[0]?.value;
      const n = smallCount(m1[2]!);
      const b = findNumbers(m1[3]!)[0]?.value;
      // (第一期一起扣的: the 一 of 一起 is no amount.)
      if (a && b && n > 0 && a >= cues.bare_min && b >= cues.bare_min) return { payments: [{ month: 1, amount: a }, ...Array.from({ length: n }, (_, i) => ({ month: i + 2, amount: b }))], start: m1.index, end: m1.index + m1[0].length };
    }
    const m2 = new RegExp(`(?:${first})[^\\d]{0,3}?${AMOUNT}.{0,8}?(?:${later})(?:${altOf(cues.every_period_decrease.every)})(?:${altOf(cues.every_period_decrease.less)})${AMOUNT}`).exec(t);
    if (m2) {
      const a = findNumbers(m2[1]!)[0]?.value;
      const d = findNumbers(m2[2]!)[0]?.value;
      const n = readTerms(t, () => false).find((x) => x.unit === 'period' && !x.ordinal)?.count;
      if (a && d && n && Number.isInteger(n)) return { payments: Array.from({ length: n }, (_, i) => ({ month: i + 1, amount: round2(a - i * d) })), start: m2.index, end: m2.index + m2[0].length };
    }
    return undefined;
  }

  /** 展期费是借款金额的20%: the percent (masked so that it is not read as the loan's rate). */
  function rolloverPercent(t: string, masked: (s: number, e: number) => void): number | undefined {
    const m = new RegExp(`(${rolloverAlt})费?[^,，。]{0,10}?(\\d+(?:\\.\\d+)?)%`).exec(t);
    if (!m) return undefined;
    const s = m.index + m[0].length - m[2]!.length - 1;
    masked(s, m.index + m[0].length);
    return Number(m[2]);
  }

  /**
   * A rolled-over loan: a fee at each due date (every `base` days or months), then the last payment. The
   * number of rollovers is as said (展期了两次) or fills the time up to the last payment.
   */
  function applyRollover(t: string, terms: Term[], timed: TimedHit[], amounts: Amount[], pct: number | undefined, facts: LoanFacts): void {
    const base = terms.find((x) => !x.ordinal && (x.unit === 'day' || x.unit === 'week' || x.unit === 'month'));
    const last = timed[timed.length - 1] ?? lastOrdinal(terms, amounts);
    const feeAmount = amounts.find((a) => a.role === 'rollover')?.value ?? (pct !== undefined && facts.principal ? round2((facts.principal * pct) / 100) : undefined);
    if (feeAmount === undefined) {
      facts.unstated = 'payment';
      return;
    }
    if (!base || !last) {
      facts.unstated = 'term';
      return;
    }
    const step = base.unit === 'week' ? 7 * base.count : base.count;
    const byDay = base.unit !== 'month';
    // 15天 … 到期交了750续期，又过15天还了5000: the days after the first due date, which is the loan's term.
    const lastAt = (byDay ? last.day ?? (last.month ?? 0) * 30 : last.month ?? Math.round((last.day ?? 0) / 30)) + ('afterDue' in last && last.afterDue ? step : 0);
    // 每周续期一次要交1000，续了3次: how often a rollover may be made (每… 一次) is not how many were made.
    // 展期一次要给600，我展了两次: the price of one rollover is said with a count too, so the largest count said is
    // how many were made. 展期了一次，又展期了一次: each rollover told again after 又 is one more.
    const saids = [...t.matchAll(new RegExp(`(${altOf(cues.rollover_again)})?(?:${rolloverAlt})了?(\\d|${CN_COUNT})次`, 'g'))].filter((m) => !t.slice(Math.max(0, m.index! - 3), m.index!).includes('每'));
    const said = saids.length ? Math.max(...saids.map((m) => smallCount(m[2]!))) + saids.filter((m) => m[1] && smallCount(m[2]!) === 1).length : undefined;
    const count = said ?? Math.round(lastAt / step) - 1;
    // 一个月还5500 … 续了一次 …: a last payment at or before the last rollover's due date is no schedule.
    if (!(count >= 1) || !(lastAt > count * step)) {
      facts.unstated = 'term';
      return;
    }
    // 到期时我先还了1000本金加上400展期费（一共1400）: principal repaid right before the rollover's fee (a part of the
    // amount lent, in the same sentence) is paid with it, at the first due date; a sum said right after must agree.
    const feeHit = amounts.find((a) => a.role === 'rollover');
    const lent = facts.principal;
    const part = feeHit && lent !== undefined ? amounts.find((a) => (a.role === 'principal' || (a.role === 'total' && cues.part_words.principal.some((w) => t.startsWith(w, a.end)))) && a.value < lent && a.end <= feeHit.start && feeHit.start - a.end <= 12 && !/[。；;!！?？]/.test(t.slice(a.end, feeHit.start))) : undefined;
    const sumAfter = part && feeHit ? amounts.find((a) => a.start >= feeHit.end && a.start - feeHit.end <= 8 && has(t.slice(feeHit.end, a.start), cues.sum_words)) : undefined;
    const firstExtra = part && (!sumAfter || Math.abs(sumAfter.value - part.value - feeAmount) <= 0.005) ? part.value : 0;
    const fees: Payment[] = Array.from({ length: count }, (_, i) => {
      const amount = i === 0 ? round2(feeAmount + firstExtra) : feeAmount;
      return byDay ? { day: step * (i + 1), amount } : { month: step * (i + 1), amount };
    });
    facts.payments = [...fees, byDay ? { day: lastAt, amount: last.amount } : { month: lastAt, amount: last.amount }];
  }

  /** "第6个月还了11000": the ordinal term followed by the amount in its clause. */
  function lastOrdinal(terms: Term[], amounts: Amount[]): TimedHit | undefined {
    const o = [...terms].reverse().find((x) => x.ordinal);
    if (!o) return undefined;
    const a = amounts.find((x) => x.start > o.end && x.start - o.end <= 8);
    if (!a) return undefined;
    const p = o.unit === 'day' ? { day: o.count } : o.unit === 'week' ? { day: 7 * o.count } : { month: o.count };
    return { ...p, amount: a.value, start: o.start, end: a.end, ordinal: true };
  }

}

/** The question to ask when the amount of `role` is not one known number. */
function missingFor(role: Role | 'unknown'): MissingNumber {
  if (role === 'principal' || role === 'unknown') return 'principal';
  if (role === 'received' || role === 'fee') return 'received';
  return 'payment';
}

/** Positions of clause breaks, skipping a comma inside a number (10,000). */
function clauseBreaks(t: string, numbers: NumberHit[], breakChars: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!breakChars.has(t[i]!)) continue;
    if (numbers.some((h) => h.start < i && i < h.end)) continue;
    out.push(i);
  }
  return out;
}

function clauseAround(t: string, start: number, end: number, breakChars: ReadonlySet<string>): string {
  let a = start;
  while (a > 0 && !breakChars.has(t[a - 1]!)) a--;
  let b = end;
  while (b < t.length && !breakChars.has(t[b]!)) b++;
  return t.slice(a, b);
}

function escapeClass(s: string): string {
  return s.replace(/[\]\\^-]/g, '\\$&');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** `n` payments of `amount`, months 1…n. */
function months(n: number, amount: number): Payment[] {
  return Array.from({ length: n }, (_, i) => ({ month: i + 1, amount }));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
