/**
 * Loads and validates knowledge/analysis/ — the analyzer's categories, lexicon and crisis expressions — so a
 * typo in a rule stops the boot with its file and entry named instead of silently never matching. Loading is
 * separate from the full knowledge base: the analyzer must work even while statutes are being edited.
 */
import { z } from 'zod';
import { CATEGORY_IDS, type CategoryId, type NextStep, type ProvisionRef } from './findings';
import { AppError } from '../errors';
import { resolveInForce, type Knowledge } from '../knowledge/knowledge';
import { checkConductRules, CONDUCT_FILE, conductFileSchema, toConductRules, type ConductRules } from './conduct-rules';
import { patternProblems } from '../knowledge/pattern-syntax';
import { readYamlFile } from '../knowledge/read-yaml';

const categoryId = z.enum(CATEGORY_IDS);
const articleNumber = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string())
  .refine((s) => /^\d+(-\d+)?(\.\d+)*$/.test(s), 'Arabic numerals like "1032" or "293-1"');
const pattern = z.string().min(1);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time like "22:00"');

const provisionSchema = z.object({
  law: z.string().min(1),
  article: articleNumber,
  item: z.string().optional().nullable(),
  /** Conditions (conditions[].id) the message must all show for this provision to be cited. */
  when: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.string().min(1)).min(1)).optional().nullable(),
  /** The part as it reads in an older version this article maps back to (旧法第五十一条 has no 第一款/第三款). */
  old_item: z.string().optional().nullable(),
  /** When the condition is not shown: `mention` it as "如果…，还可能…" (default) or `omit` the provision. */
  unmet: z.enum(['mention', 'omit']).default('mention'),
});

/**
 * A condition a provision depends on (反复发送, 公开, 非法债务, 出售或提供个人信息, 冒充国家机关 …), as the message
 * shows it: one of `patterns` (anywhere in the collector's words), or one of `categories` found in the message.
 */
const conditionSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/, 'lower-case letters and underscores'),
  /** The condition in plain words, completing "如果…，还可能适用…": 对方反复发送这类信息. */
  text: z.string().min(1),
  patterns: z.array(pattern).default([]),
  categories: z.array(categoryId).default([]),
  /** Whether a burst of timed messages, or the user's own call log, shows it (repeated contact). */
  burst: z.boolean().default(false),
  /**
   * Met when the message states an interest rate of at least `min_annual_percent` a year; `words` are the rate words
   * and how many of their periods make a year (年化: 1, 月息: 12, 日息: 365). See stated-rates.ts.
   */
  rate: z
    .object({ min_annual_percent: z.number().positive(), words: z.record(z.string().min(1), z.number().positive()) })
    .optional(),
});

const categorySchema = z.object({
  id: categoryId,
  label: z.string().min(1),
  explanation: z.string().min(1),
  provisions: z.array(provisionSchema).min(1),
  evidence_template: z.string().optional().nullable(),
  next_steps: z.array(z.string().min(1)).default([]),
});

/**
 * The time limit on public-security penalties (治安管理处罚法第二十五条, 旧法第二十二条): the analysis detail states it
 * for conduct older than `warn_after_days`, and says it has passed after `limit_days`.
 */
const timeLimitSchema = z.object({
  law: z.string().min(1),
  article: articleNumber,
  warn_after_days: z.number().int().min(1),
  limit_days: z.number().int().min(1),
  categories: z.array(categoryId).min(1),
});

export const categoriesFileSchema = z.object({
  conditions: z.array(conditionSchema).default([]),
  time_limit: timeLimitSchema.optional(),
  categories: z.array(categorySchema),
  next_steps: z.array(z.object({ id: z.string().min(1), label: z.string().min(1), detail: z.string().min(1) })).min(1),
  /** Reply templates, most serious first; `when` limits one to messages that show that condition. */
  replies: z.array(z.object({ categories: z.array(categoryId).min(1), when: z.string().min(1).optional().nullable(), unless: z.string().min(1).optional().nullable(), text: z.string().min(1) })),
  generic_reply: z.string().min(1),
});

const ruleSchema = z.object({
  id: z.string().min(1),
  categories: z.array(categoryId).min(1),
  patterns: z.array(pattern).min(1),
  scope: z.enum(['clause', 'sentence', 'message']).default('clause'),
  unless: z.array(pattern).default([]),
  unless_scope: z.enum(['clause', 'sentence', 'message']).default('sentence'),
  /** When any of these matches anywhere in the message, `unless` is ignored (e.g. a "court" notice with 12368 that also demands a transfer to a private account). */
  unless_except: z.array(pattern).default([]),
  /**
   * Like `unless`, but looked for anywhere in the message whatever `unless_scope` says (a judgment stated to be in
   * force in one sentence makes 失信 or freezing named in another true); `unless_except` turns it off too.
   */
  unless_message: z.array(pattern).default([]),
  needs: z.array(pattern).default([]),
  needs_category: z.array(categoryId).default([]),
  /**
   * The hit does not count when the rules found one of these categories elsewhere in the message: a lead-in such as
   * "你是不是觉得我们拿你没办法？" is menace when nothing follows, but when the message goes on to say the step it means
   * (calling relatives, exposure, calls), categories.md labels that step and not also threat.
   */
  unless_category: z.array(categoryId).default([]),
  negatable: z.boolean().default(true),
  /**
   * For acts that count only once they happen (violence): the categories a hit gives when its sentence speaks of
   * the act as future or conditional (tense.future cues and no tense.done cue), e.g. [threat].
   */
  future_categories: z.array(categoryId).optional(),
  /** The categories a hit gives when its sentence tells the act as done or happening (tense.done), e.g. [violence, threat]. */
  done_categories: z.array(categoryId).optional(),
  /** Whether a condition ("不还钱就别想走") makes the act future; false for restraint said on the spot. */
  conditional_is_future: z.boolean().default(true),
  /**
   * The rule reads words a genuine court, arbitration, notary or creditor's legal-process notice also uses (a court
   * header, 案号, 已受理, 强制执行, 失信被执行人, 限制高消费): in a message that `legal_process` reads as such a notice,
   * with no fake sign and nothing found by a rule without this flag, its hits do not count (categories.md: verify,
   * don't alarm).
   */
  process_words: z.boolean().default(false),
});

const cueList = z.array(z.string().min(1));

export const lexiconFileSchema = z.object({
  variants: z.record(z.string(), z.preprocess((v) => (v == null ? v : String(v)), z.string())).default({}),
  negation: z.object({ window: z.number().int().min(0), cues: cueList.min(1) }),
  mention: z.object({
    quotes: z.array(z.string().length(2, 'an opening and a closing quote, e.g. "“”"')),
    before_window: z.number().int().min(0),
    before: cueList,
    after_window: z.number().int().min(0),
    after: cueList,
    hearsay: cueList,
    /**
     * Phrases that begin with a hearsay cue but state what the collector itself knows about the reader ("听说你家在三楼",
     * "听说你老婆在医院上班"): not hearsay, so not masked. Written in the pattern syntax's "词!尾巴" form ("听说你!们").
     */
    own_knowledge: cueList.default([]),
    /**
     * Hearsay cues that name impostors or fraudsters as the subject ("近期有不法分子冒充我司…，称…，并要求转账到个人账户"):
     * what follows is their conduct, reported, to the end of the sentence rather than of the clause.
     */
    hearsay_sentence: cueList.default([]),
  }),
  speaker: z.object({ user: cueList, collector: cueList }),
  /**
   * The whole message is the user's own words or someone else's (not a collector's): `cues` are words of the user's
   * question or report; `senders` are patterns that show another sender (a property manager's or carrier's header,
   * a relative or colleague saying who they are, a parent's words, a relative's message relayed). Either masks the
   * whole message unless a line names the collector as its speaker.
   */
  looks_like_user: z.object({ cues: cueList, senders: z.array(pattern).default([]) }),
  clause_breaks: z.string().min(1),
  sentence_breaks: z.string().min(1),
  frequency: z.object({
    min: z.number().int().min(1),
    /**
     * A forwarded burst: at least `messages` lines that start with a clock time ("10:01 还钱"), the first and the
     * last at most `within_minutes` apart; any one of the listed windows is enough.
     */
    burst: z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(z.object({ messages: z.number().int().min(2), within_minutes: z.number().int().min(1) })).min(1)),
    /**
     * How lines of a forwarded burst may be stamped besides a bare clock time: day words before the time (今天,
     * 昨天), words that put the hour after noon (下午 2:01 is 14:01) or before it, and labels that are themselves
     * the event ("未接来电 09:12").
     */
    burst_stamps: z
      .object({
        days: cueList.default([]),
        after_noon: cueList.default([]),
        before_noon: cueList.default([]),
        events: cueList.default([]),
        /** Labels whose time is a length, not a clock time ("[语音 0:42]" is a 42-second voice note). */
        durations: cueList.default([]),
        /**
         * Labels that say the time is when the message was sent ("发送时间 2026-05-26 06:30" under a forwarded text):
         * a send time wherever the line stands, never a deadline.
         */
        sent: cueList.default([]),
      })
      .default({ days: [], after_noon: [], before_noon: [], events: [], durations: [], sent: [] }),
    units: cueList.min(1),
    not_followed_by: cueList.default([]),
    context: cueList.min(1),
    /**
     * Words that make a count in their sentence one of people reached, not of calls to the borrower ("微信好友我们都加了，
     * 挨个发…已经发了三十多个了" is disclosure to thirty people, not frequency).
     */
    recipients: cueList.default([]),
  }),
  off_hours: z.object({ utc_offset_hours: z.number(), from: clock, until: clock }),
  /** Words that date an act: done or happening (已经, 正在, 昨天) versus future or conditional (明天, 再不, 否则). */
  tense: z.object({ done: cueList.min(1), future: cueList.min(1), conditional: cueList.default([]) }),
  terms: z.record(z.string().regex(/^[A-Z_]+$/, 'group names are UPPER_CASE'), z.array(z.preprocess((v) => String(v), z.string().min(1))).min(1)),
  rules: z.array(ruleSchema).min(1),
  /**
   * What makes a message a legal-process notice (`marks`: a case number, a named court, commission or notary, the
   * roles and documents of a civil case) and what shows one to be fake (`fake_signs`: payment to a private account,
   * a case withdrawn on payment, a WeChat contact, a criminal case); both looked for in the whole message.
   */
  legal_process: z.object({ marks: z.array(pattern).min(1), fake_signs: z.array(pattern).default([]) }).optional(),
});

export const crisisRulesFileSchema = z.object({
  expressions: z.array(pattern).min(1),
  exclusions: z.array(pattern).default([]),
  /** The user's own words, counted even inside an exclusion ("他们说我是废物 我也觉得自己不配活着"). */
  own_words: z.array(pattern).default([]),
  negation: z.object({
    window: z.number().int().min(0),
    cues: cueList,
    /** A-not-A questions ("是不是", "会不会"): a cue inside one of these is not a negation. */
    not_in: cueList.default([]),
  }),
});

export type CategoriesFile = z.infer<typeof categoriesFileSchema>;
export type ConditionSpec = CategoriesFile['conditions'][number];
export type CategorySpec = CategoriesFile['categories'][number];
export type LexiconFile = z.infer<typeof lexiconFileSchema>;
export type AnalysisRule = LexiconFile['rules'][number];
export type CrisisRules = z.infer<typeof crisisRulesFileSchema>;

/** Everything the analyzer, crisis detector and next-step builder need, validated and indexed. */
export interface AnalysisRules {
  /** In the order of CATEGORY_IDS; one entry per category. */
  categories: CategorySpec[];
  /** Conditions that provisions and reply templates depend on, by id. */
  conditions: ConditionSpec[];
  /** The six-month limit on public-security penalties, when data states it. */
  timeLimit?: CategoriesFile['time_limit'];
  nextSteps: Map<string, NextStep>;
  replies: CategoriesFile['replies'];
  genericReply: string;
  lexicon: LexiconFile;
  crisis: CrisisRules;
  /** How described conduct is read (conduct.yaml). */
  conduct: ConductRules;
}

export const ANALYSIS_FILES = {
  categories: 'categories.yaml',
  lexicon: 'lexicon.yaml',
  crisis: 'crisis.yaml',
  conduct: CONDUCT_FILE,
} as const;

/**
 * Reads knowledge/analysis/ from `dir` (the analysis folder itself). Throws AppError KNOWLEDGE_INVALID listing
 * every problem, each with its file and entry.
 */
export function loadAnalysisRules(dir: string): AnalysisRules {
  const problems: string[] = [];
  const categories = readYamlFile(dir, ANALYSIS_FILES.categories, categoriesFileSchema, problems);
  const lexicon = readYamlFile(dir, ANALYSIS_FILES.lexicon, lexiconFileSchema, problems);
  const crisis = readYamlFile(dir, ANALYSIS_FILES.crisis, crisisRulesFileSchema, problems);
  const conduct = readYamlFile(dir, ANALYSIS_FILES.conduct, conductFileSchema, problems);
  if (categories && lexicon && crisis) crossCheck(categories, lexicon, crisis, problems);
  if (conduct && lexicon) checkConductRules(conduct, new Set(Object.keys(lexicon.terms)), problems);
  if (problems.length > 0 || !categories || !lexicon || !crisis || !conduct) {
    throw new AppError('KNOWLEDGE_INVALID', `knowledge/analysis has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
  return {
    categories: CATEGORY_IDS.map((id) => categories.categories.find((c) => c.id === id)!),
    conditions: categories.conditions,
    ...(categories.time_limit ? { timeLimit: categories.time_limit } : {}),
    nextSteps: new Map(categories.next_steps.map((s) => [s.id, { id: s.id, label: s.label, detail: s.detail }])),
    replies: categories.replies,
    genericReply: categories.generic_reply,
    lexicon,
    crisis,
    conduct: toConductRules(conduct),
  };
}

/** The data for one category (every category has one: loading checks it). */
export function categorySpec(rules: AnalysisRules, id: CategoryId): CategorySpec {
  return rules.categories.find((c) => c.id === id)!;
}

/**
 * Maps a provision as data lists it (current numbering) to the one in force on `at`, using the statutes. Returns
 * undefined when no text in force then is held (an article new in 2026 for conduct in 2025, 民法典 for conduct in
 * 2020): the caller must then not cite it. Pass the result to createAnalyzer as `resolveProvision`.
 */
export function provisionResolver(k: Knowledge): (ref: ProvisionRef, at: Date) => ProvisionRef | undefined {
  return (ref, at) => {
    const hit = resolveInForce(k, ref.law, ref.article, at);
    return hit ? { law: hit.article.law, article: hit.article.article } : undefined;
  };
}

function crossCheck(c: CategoriesFile, lex: LexiconFile, crisis: CrisisRules, problems: string[]): void {
  const cat = ANALYSIS_FILES.categories;
  const seen = new Set<string>();
  for (const spec of c.categories) {
    if (seen.has(spec.id)) problems.push(`${cat}: categories (${spec.id}): listed twice`);
    seen.add(spec.id);
  }
  for (const id of CATEGORY_IDS) if (!seen.has(id)) problems.push(`${cat}: categories: no entry for "${id}"`);
  const conditionIds = new Set(c.conditions.map((x) => x.id));
  for (const spec of c.categories) {
    for (const p of spec.provisions) {
      for (const w of p.when ?? []) {
        if (!conditionIds.has(w)) problems.push(`${cat}: categories (${spec.id}).provisions (${p.law} ${p.article}): unknown condition "${w}"`);
      }
    }
  }
  for (const r of c.replies) {
    for (const w of [r.when, r.unless]) if (w && !conditionIds.has(w)) problems.push(`${cat}: replies: unknown condition "${w}"`);
  }
  const stepIds = new Set(c.next_steps.map((s) => s.id));
  if (!stepIds.has('evidence')) problems.push(`${cat}: next_steps: the "evidence" step is required`);
  for (const spec of c.categories) {
    for (const step of spec.next_steps) {
      if (!stepIds.has(step)) problems.push(`${cat}: categories (${spec.id}).next_steps: unknown step "${step}"`);
    }
  }

  const lexName = ANALYSIS_FILES.lexicon;
  const groups = new Set(Object.keys(lex.terms));
  const checkRefs = (file: string, where: string, p: string) => {
    problems.push(...patternProblems(file, where, p, groups));
  };
  for (const [name, terms] of Object.entries(lex.terms)) {
    for (const t of terms) checkRefs(lexName, `terms.${name}`, t);
  }
  const ruleIds = new Set<string>();
  for (const rule of lex.rules) {
    if (ruleIds.has(rule.id)) problems.push(`${lexName}: rules (${rule.id}): id used twice`);
    ruleIds.add(rule.id);
    for (const p of [...rule.patterns, ...rule.unless, ...rule.needs, ...rule.unless_except, ...rule.unless_message]) {
      checkRefs(lexName, `rules (${rule.id})`, p);
      const chained = chainedAlternative(p);
      if (chained) {
        problems.push(
          `${lexName}: rules (${rule.id}): "${chained}" is in two tokens of "${p}": a | chooses only inside its token, so this reads as one chain; write separate patterns`,
        );
      }
    }
  }
  for (const cond of c.conditions) for (const p of cond.patterns) checkRefs(cat, `conditions (${cond.id})`, p);
  for (const p of [...(lex.legal_process?.marks ?? []), ...(lex.legal_process?.fake_signs ?? [])]) {
    checkRefs(lexName, 'legal_process', p);
    const chained = chainedAlternative(p);
    if (chained) problems.push(`${lexName}: legal_process: "${chained}" is in two tokens of "${p}": write separate patterns`);
  }
  for (const p of [...crisis.expressions, ...crisis.exclusions, ...crisis.own_words]) checkRefs(ANALYSIS_FILES.crisis, 'expressions/exclusions', p);
}

/**
 * A word that is an alternative in two tokens of one pattern ("不露面 ~4 不走|见不到 ~4 不走"): written as if | chose
 * between whole patterns, it makes one chain that almost never matches (round 9 found four rules silenced this way).
 * A word written alone in every token it appears in ("转告 ~40 转告 ~40 转告": the request repeated three times) is a
 * deliberate repetition, not a misplaced alternative. Returns the word, or undefined.
 */
export function chainedAlternative(pattern: string): string | undefined {
  const seen = new Map<string, { token: number; repeated: boolean; inChoice: boolean }>();
  pattern
    .trim()
    .split(/\s+/)
    .forEach((token, i) => {
      if (/^~\d*$/.test(token) || token === '^' || token === '$') return;
      const words = token.replace(/\?$/, '').split('|');
      for (const word of words) {
        if (word.length < 2 || word.startsWith('@')) continue;
        const first = seen.get(word);
        if (first === undefined) seen.set(word, { token: i, repeated: false, inChoice: words.length > 1 });
        else if (first.token !== i) seen.set(word, { token: first.token, repeated: true, inChoice: first.inChoice || words.length > 1 });
      }
    });
  for (const [word, s] of seen) if (s.repeated && s.inChoice) return word;
  return undefined;
}
