/**
 * Loads and validates knowledge/interest/: the cue words the loan parser reads descriptions with (cues.yaml)
 * and the rate lines the legal comparison applies (caps.yaml). A bad file stops the boot naming the file and
 * entry, instead of a cue that silently never matches.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { readYamlFile } from '../knowledge/read-yaml';
import { capsSchema, type Caps } from '../knowledge/schema';
import { loadServiceNumbers, type ServiceNumbers } from '../knowledge/service-numbers';

export { capsSchema };

const word = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1));
const words = z.array(word).min(1);

/** Digits and units map one character to its value. */
const charValues = z.record(z.string().length(1), z.number().nonnegative());

export const numeralCuesSchema = z.object({
  digits: charValues,
  units: charValues,
  big: charValues,
  magnitudes: z.record(z.string().length(1), z.number().positive()),
  currency_after: words,
  currency_before: words,
  half: z.string().length(1),
  change: z.object({ currency: words, tenth: words, hundredth: words, not_before: words }),
});

const roleWords = z.object({
  principal: words,
  received: words,
  payment: words,
  total: words,
  fee: words,
  interest: words,
  rollover: words,
});

export const loanCuesSchema = z.object({
  window: z.number().int().min(1).max(20),
  before: roleWords,
  after: roleWords.partial(),
  not_cues: words,
  sum_words: words,
  full_received: words,
  unstated_principal: words,
  approximate_after: words,
  monthly_words: words,
  not_monthly_words: words,
  per_period: words,
  not_per_period: words,
  part_words: z.object({ principal: words, principal_right_before: words, interest: words, not_interest: words }),
  basis_words: words,
  basis_qualifiers: words,
  deduction_words: words,
  part_list_stop: words,
  not_deduction: words,
  fee_timing_words: words,
  several_loans: words,
  not_after: words,
  not_before: words,
  bare_min: z.number().min(0),
  term: z.object({
    units: z.object({ period: words, month: words, day: words, week: words, year: words }),
    not_after: words,
    period_length: words,
    each_month_after: words,
    count_labels: words,
    split_words: words,
    instalment_units: words,
    days_per_month: z.number().int().min(28).max(31),
    ago_words: words,
    relative: z.record(z.string().min(1), z.object({ count: z.number().positive(), unit: z.enum(['month', 'week', 'day']) })),
    relative_verbs: words,
    paid_before: words,
    left_before: words,
  }),
  bullet: words,
  interest_only: words,
  interest_only_weak: words,
  first_instalment_deducted: z.object({ heads: words, at_signing: words, not_between: words }),
  equal_principal: words,
  equal_principal_parts: words,
  equal_payment_parts: z.object({ heads: words, middles: words, tails: words }),
  interest_on_remaining: words,
  first_due: z.object({ firsts: words, fillers: words, links: words, froms: words, month_days: z.object({ min: z.number().int().positive(), max: z.number().int().positive() }), days_between_months: z.number().int().positive() }),
  principal_share: z.object({ heads: words, verbs: words, bases: words, links: words }),
  equal_instalments: words,
  flat: words,
  remaining_principal: words,
  with_last: words,
  with_repayment: words,
  with_first: words,
  with_first_extra: words,
  fee_periods: z.object({ first: words, units: words, from_after: words, single_units: words }),
  rollover: words,
  rollover_again: words,
  not_rollover: words,
  first_payment: words,
  later_payments: words,
  every_period_decrease: z.object({ every: words, less: words }),
  instalment_words: words,
  settled_early: words,
  rates: z.object({
    day: words, month: words, year: words, week: words, fen_words: words, generic: words, either: words, bound_before: words,
    after: z.object({ day: words, month: words, year: words, week: words }),
    money_per: z.object({ day: words, month: words, week: words }),
    money_links: words,
    links: words,
    money_day_max_ratio: z.number().positive().max(1),
    percent_after: words,
    fraction_words: z.record(z.string().min(1), z.number().positive()),
    short_fraction: z.object({ after_words: words, scale: z.record(z.string().length(1), z.number().positive()) }),
    tenths: z.object({ unit: z.string().min(1), after_words: words }),
    fen: z.object({ unit: z.string().min(1), half_after: z.string().min(1), after: words, named_before: words, interest_before: words, scale_before: z.record(z.string().min(1), z.number().positive()) }),
    li: z.object({ unit: z.string().min(1), after: words, before: z.record(z.string().min(1), z.number().positive()), default_scale: z.number().positive() }),
    money_day_words: words,
    base_money: z.object({ lead: words, bases: z.record(z.string().min(1), z.number().positive()), day: words, month: words }),
    mao: z.object({ unit: z.string().min(1), percent: z.number().positive(), after: words, named_before: words, interest_before: words }),
    bare_after: z.object({
      words: z.record(z.string().min(1), z.enum(['day', 'month', 'year', 'unknown'])),
      links: words,
      max: z.object({ day: z.number().positive(), month: z.number().positive(), year: z.number().positive(), unknown: z.number().positive() }),
    }),
  }),
  lender: z.object({ licensed: words, unlicensed: words, business: words, unsure: words }),
  dates: z.object({
    contract: words,
    markers: z.object({ year: words, month: words, day: words }),
    separators: words,
    relative_years: z.record(z.string().min(1), z.number().int()),
    relative_months: z.record(z.string().min(1), z.number().int()),
    two_digit_century: z.number().int(),
    years: z.object({ min: z.number().int(), max: z.number().int() }),
    year_alone_from: z.number().int(),
    list_joiners: words,
    each_words: words,
    two_digit_length: z.object({ before: words, after: words }),
    bare_day: z.object({ markers: words, not_after: words }),
    month_day: z.object({ separators: words, not_after: words, not_before: words }),
  }),
  numerals: numeralCuesSchema,
  term_unknown: words,
  rate_asked: z.object({ rate: words, ask: words, not: words }),
  lawful_questions: z.object({ how_much: words, principal_only: words, above_cap: z.object({ part: words, refuse: words }) }),
  fold_chars: z.record(z.string().length(1), z.string().length(1)),
  typos: z.object({ phrases: z.record(z.string().min(1), z.string().min(1)), before_number: z.record(z.string().min(1), z.string().min(1)), after_number: z.record(z.string().min(1), z.string().min(1)), magnitude: z.record(z.string().min(1), z.string().min(1)), after_split_count: z.record(z.string().length(1), z.string().min(1)), decimal_before_percent: words }),
  english: z.record(z.string().regex(/^[a-z][a-z ]*$/, 'lower-case English words'), z.string().min(1)),
  english_patterns: z.array(z.object({ match: z.string().min(1), replace: z.string().min(1) })),
  english_keep: words,
  english_numbers: z.object({ units: z.record(z.string().regex(/^[a-z]+$/), z.number().int().nonnegative()), hundred: words, scales: z.record(z.string().regex(/^[a-z]+$/), z.number().int().positive()), joiners: words }),
  alternatives: words,
  uncertain_before: words,
  uncertain_confirmed: words,
  forgotten: words,
  range_joiners: words,
  default_words: words,
  schedule_change: z.object({ units: words, after: words, length_verbs: words }),
  principal_last_with_interest: words,
  other_debts: words,
  other_debts_when: words,
  fee_rate_words: words,
  daily_pay_words: words,
  principal_only_end: words,
  principal_only_not_after: words,
  fee_spread: words,
  count_after_approximate: words,
  lead_in: z.object({ before: words, units: z.record(z.string().min(1), z.enum(['day', 'week', 'month'])), fillers: words, grace: words, partial: words, grace_named: words, grace_links: words, paid_history: words }),
  timed: z.object({
    ordinal: z.string().min(1),
    units: z.record(z.string().min(1), z.enum(['day', 'week', 'month', 'calendar_month'])),
    after_unit: words,
    fillers: words,
    once: words,
    moved_object: z.object({ lead: z.string().min(1), subjects: words, between: words, joiners: words, together: words, verbs: words, as: z.string().min(1) }),
    verbs: words,
    relative_before: words,
    restated: words,
    remainder: words,
    last: words,
    last_parts: z.object({ principal: words, joiners: words, interest: words, label: words }),
  }),
  received_promised: z.object({ promised: words, actual: words }),
  payment_plan: z.object({ planned: words, actual: words }),
  self_correction: z.object({ words: words, restate: words, interjections: words, sources: words, not_words: words, unsure_after: words }),
  no_interest_last_month: words,
  early_payoff: z.object({ paid_before: words, settle_words: words, that_month: words, max_over_left: z.number().min(1).max(2), day_words: words, part_words: words, principal_after: words }),
  flat_basis_after: words,
  included_words: words,
  vague_tail: words,
  vague_amounts: words,
  times_signs: words,
  interest_period_words: words,
  interest_other_periods: words,
  term_asked_words: words,
  missed_instalment: words,
  interest_every_months: z.record(z.string().min(1), z.number().int().min(2).max(12)),
  interest_week_words: words,
  fee_percent: z.object({ links: words, of_words: words, tenths: words, noun_links: words }),
  exact_words: words,
  clause_breaks: z.array(z.string().length(1)).min(1),
  received_without_amount: words,
  zero_interest: words,
  fee_on_top: words,
  fee_at_signing: words,
  fee_names: words,
  quote_marks: words,
  fee_refusals: words,
  worded_sum: z.object({ labels: words, joiners: words, equals: words }),
  fee_when_words: words,
  unknown_fees: z.object({ read_as: word, name_chars: z.number().int().positive(), not_after: words, not_in_name: words, not_fees: words }),
  fee_rate_after: words,
  spaced_joins: z.object({ after_digit: words, after_unit: words, paid_period: words, labels: words, cue_roles: z.array(z.enum(['principal', 'received', 'payment', 'total', 'fee', 'interest', 'rollover'])).min(1) }),
  rollover_due: words,
  besides_words: words,
  loan_choice: z.object({ dismiss: words, debt_words: words, dismiss_refers: words, dismiss_all_refers: words, named_before: words, named_after: words, loan_words: words, name_particles: words, not_names: words, labels: words, ordinals: words }),
  payment_every: z.object({
    words: z.record(z.string().min(1), z.number().positive()),
    units: z.record(z.string().min(1), z.number().positive()),
    verbs: words,
    months_words: z.record(z.string().min(1), z.number().int().positive()),
  }),
});

export type LoanCues = z.infer<typeof loanCuesSchema>;
export type { Caps };

export interface InterestData {
  cues: LoanCues;
  caps: Caps;
  /** Hotlines and case numbers, never amounts (knowledge/lexicon/service-numbers.yaml). */
  serviceNumbers: ServiceNumbers;
}

/** Reads knowledge/interest/cues.yaml and caps.yaml under `knowledgeDir`; throws KNOWLEDGE_INVALID listing every problem. */
export function loadInterestData(knowledgeDir: string): InterestData {
  const dir = join(knowledgeDir, 'interest');
  const problems: string[] = [];
  const cues = readYamlFile(dir, 'cues.yaml', loanCuesSchema, problems);
  const caps = readYamlFile(dir, 'caps.yaml', capsSchema, problems);
  if (caps && caps.private_lending.before_rule.void_above < caps.private_lending.before_rule.protected) {
    problems.push('caps.yaml: private_lending.before_rule: void_above must not be below protected');
  }
  if (!cues || !caps || problems.length) {
    throw new AppError('KNOWLEDGE_INVALID', `knowledge/interest has ${problems.length} problem(s):\n- ${problems.map((p) => `interest/${p}`).join('\n- ')}`);
  }
  return { cues, caps, serviceNumbers: loadServiceNumbers(knowledgeDir) };
}
