/**
 * The data behind follow-up answers, knowledge/follow-ups/: the claims collectors make and how to check each
 * (claims.yaml), whether each kind of conduct can be reported and under which condition (report.yaml), plain
 * explanations and conditions of provisions (provisions.yaml), the order of steps (steps.yaml), and how to check a
 * number the message left (call-back.yaml). Loaded once at
 * boot and cross-checked against the statutes, so a claim citing an article we do not hold stops the boot with
 * its file and entry named.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import type { Knowledge } from '../knowledge/knowledge';
import { readYamlFile } from '../knowledge/read-yaml';

const cue = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1));
const articleNumber = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string())
  .refine((s) => /^\d+(-\d+)?(\.\d+)*$/.test(s), 'Arabic numerals like "1032" or "293-1"');
const cite = z.object({ law: z.string().min(1), article: articleNumber });
const id = z.string().regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, dashes');

export const CLAIM_VERDICTS = ['false', 'verify', 'maybe', 'true', 'depends', 'unlawful'] as const;
export type ClaimVerdict = (typeof CLAIM_VERDICTS)[number];

const claimSchema = z.object({
  id,
  when: z.object({ any: z.array(z.string()).default([]), none: z.array(z.string()).default([]) }).default({ any: [], none: [] }),
  cues: z.array(cue).min(1),
  // YAML reads `verdict: false` as a boolean: accept it as the word.
  verdict: z.preprocess((v) => (typeof v === 'boolean' ? String(v) : v), z.enum(CLAIM_VERDICTS)),
  name: z.string().min(1).max(20, 'a short name (at most 20 characters)'),
  answer: z.string().min(1).max(90, 'one sentence that answers (at most 90 characters)'),
  real: z.string().min(1).max(100, 'at most 100 characters'),
  check: z.string().min(1).max(80, 'at most 80 characters'),
  cites: z.array(cite).default([]),
  /** Told on an analysis's first screen beside the false claim it answers, though not false itself ("去你单位找领导"). */
  on_screen: z.boolean().default(false),
});

export const claimsFileSchema = z.object({
  negation: z.array(cue).default([]),
  negation_window: z.number().int().min(0),
  /** The user's words and the collector's words for the same person ("我" in a question is "你" in a claim). */
  asked_as_collector: z.record(z.string().min(1), z.string()).default({}),
  claims: z.array(claimSchema).min(1),
});

const REPORT_VERDICTS = ['police', 'complain'] as const;
const reportCategorySchema = z
  .object({
    category: z.string().min(1),
    verdict: z.enum(REPORT_VERDICTS).optional(),
    text: z.string().min(1).optional(),
    /** Conditional answers, first matching condition wins; `default` always matches; `a+b` needs both. */
    when: z.array(z.object({ condition: z.string().min(1), verdict: z.enum(REPORT_VERDICTS), text: z.string().min(1) })).default([]),
    cites: z.array(cite).default([]),
  })
  .refine((c) => (c.verdict && c.text) || c.when.length > 0, 'give verdict and text, or a `when` list');

export const reportFileSchema = z.object({
  bring: z.string().min(1),
  conditions: z.record(z.string(), z.array(cue)),
  categories: z.array(reportCategorySchema).min(1),
  lawful: z.object({ text: z.string().min(1), instead: z.string().min(1) }),
  time_limit: z.object({ cite, warn_after_days: z.number().int().min(1), limit_days: z.number().int().min(1) }),
});

const partPattern = /^(第[一二三四五六七八九十]+款)?(第（[一二三四五六七八九十]+）项)?$/;
export const provisionsFileSchema = z.object({
  provisions: z
    .array(
      z.object({
        law: z.string().min(1),
        article: articleNumber,
        part: z.string().regex(partPattern, 'like 第一款, 第二款, 第一款第（一）项 or 第（三）项').optional().nullable(),
        plain: z.string().min(1).max(140, 'at most 140 characters'),
        condition: z.string().min(1).max(140, 'at most 140 characters').optional().nullable(),
      }),
    )
    .min(1),
});

export const crimesFileSchema = z.object({
  lawful: z.string().min(1),
  who_decides: z.string().min(1),
  categories: z.array(z.object({ category: z.string().min(1), names: z.array(cue).default([]), text: z.string().min(1).max(160, 'at most 160 characters'), cites: z.array(cite).default([]) }).strict()).min(1),
});

export const stepsFileSchema = z.object({
  first: z.array(z.object({ categories: z.array(z.string()).min(1), step: z.string().min(1) })).default([]),
  // A step for whom the message names (the person's child, parents …): added right after the first step.
  named: z
    .array(
      z
        .object({
          categories: z.array(z.string()).min(1),
          cues: z.array(z.string().min(1)).min(1),
          step: z.object({ id: z.string().min(1), label: z.string().min(1), detail: z.string().min(1).max(90, 'at most 90 characters') }).strict(),
        })
        .strict(),
    )
    .default([]),
  lawful: z.array(z.string().min(1)).min(1),
});

export const callBackFileSchema = z.object({
  cues: z.array(cue).min(1),
  /** Words right before a cue that make it no question about calling back: the collectors' calling ("他们还在打他电话"), or stopping contact ("别再联系他吗"). */
  not_after: z.array(cue).default([]),
  doubtful: z.array(z.string().min(1)).min(1),
  lead_doubtful: z.string().min(1).max(120, 'at most 120 characters'),
  lead_lawful: z.string().min(1).max(120, 'at most 120 characters'),
  pay_cues: z.array(cue).default([]),
  lead_pay: z.string().min(1).max(120, 'at most 120 characters').optional(),
  verify: z.array(z.object({ cues: z.array(cue).min(1), text: z.string().min(1).max(90, 'at most 90 characters') }).strict()).min(1),
  other: z.string().min(1).max(90, 'at most 90 characters'),
});

export type Claim = z.infer<typeof claimSchema>;
export type ClaimsFile = z.infer<typeof claimsFileSchema>;
export type ReportFile = z.infer<typeof reportFileSchema>;
export type ReportCategory = ReportFile['categories'][number];
export type ProvisionNote = z.infer<typeof provisionsFileSchema>['provisions'][number];
export type StepsFile = z.infer<typeof stepsFileSchema>;
export type CrimesFile = z.infer<typeof crimesFileSchema>;
export type CallBackFile = z.infer<typeof callBackFileSchema>;

export interface FollowUpData {
  claims: ClaimsFile;
  report: ReportFile;
  crimes: CrimesFile;
  provisions: ProvisionNote[];
  steps: StepsFile;
  callBack: CallBackFile;
}

export const FOLLOW_UP_DIR = 'follow-ups';
export const FOLLOW_UP_FILES = { claims: 'claims.yaml', report: 'report.yaml', provisions: 'provisions.yaml', steps: 'steps.yaml', crimes: 'crimes.yaml', callBack: 'call-back.yaml' } as const;

/**
 * Reads knowledge/follow-ups/ under `knowledgeDir` and checks it against the loaded knowledge: every cited article
 * exists (claims and report: in the current version; provisions.yaml: in some version), every category is one of
 * `categories`. Throws AppError KNOWLEDGE_INVALID listing every problem with its file and entry.
 */
export function loadFollowUpData(knowledgeDir: string, k: Knowledge, categories: readonly string[]): FollowUpData {
  const problems: string[] = [];
  // Read as "follow-ups/claims.yaml" under the knowledge folder, so each problem names the file as an editor sees it.
  const read = <T extends z.ZodType>(name: string, schema: T) => readYamlFile(knowledgeDir, `${FOLLOW_UP_DIR}/${name}`, schema, problems);
  const claims = read(FOLLOW_UP_FILES.claims, claimsFileSchema);
  const report = read(FOLLOW_UP_FILES.report, reportFileSchema);
  const provisions = read(FOLLOW_UP_FILES.provisions, provisionsFileSchema);
  const steps = read(FOLLOW_UP_FILES.steps, stepsFileSchema);
  const crimes = read(FOLLOW_UP_FILES.crimes, crimesFileSchema);
  const callBack = read(FOLLOW_UP_FILES.callBack, callBackFileSchema);
  const known = new Set(categories);
  const current = (file: string, where: string, c: { law: string; article: string }) => {
    const versions = k.laws.get(c.law);
    if (!versions?.[versions.length - 1]?.articles.has(c.article)) problems.push(`${FOLLOW_UP_DIR}/${file}: ${where}: cites ${c.law} ${c.article}, which statutes/ does not hold in its current version`);
  };
  const category = (file: string, where: string, c: string) => {
    if (!known.has(c)) problems.push(`${FOLLOW_UP_DIR}/${file}: ${where}: unknown category "${c}"`);
  };
  if (claims) {
    const ids = new Set<string>();
    for (const c of claims.claims) {
      const where = `claims (${c.id})`;
      if (ids.has(c.id)) problems.push(`${FOLLOW_UP_DIR}/${FOLLOW_UP_FILES.claims}: ${where}: id used twice`);
      ids.add(c.id);
      for (const x of [...c.when.any, ...c.when.none]) category(FOLLOW_UP_FILES.claims, where, x);
      for (const x of c.cites) current(FOLLOW_UP_FILES.claims, where, x);
    }
  }
  if (report) {
    for (const c of report.categories) {
      const where = `categories (${c.category})`;
      category(FOLLOW_UP_FILES.report, where, c.category);
      for (const x of c.cites) current(FOLLOW_UP_FILES.report, where, x);
      for (const w of c.when) {
        if (w.condition !== 'default' && !w.condition.split('+').every((c) => c in report.conditions)) {
          problems.push(`${FOLLOW_UP_DIR}/${FOLLOW_UP_FILES.report}: ${where}: unknown condition "${w.condition}" (define it under conditions)`);
        }
      }
    }
    current(FOLLOW_UP_FILES.report, 'time_limit', report.time_limit.cite);
  }
  if (provisions) {
    for (const p of provisions.provisions) {
      if (!k.laws.get(p.law)?.some((v) => v.articles.has(p.article))) {
        problems.push(`${FOLLOW_UP_DIR}/${FOLLOW_UP_FILES.provisions}: provisions (${p.law} ${p.article}${p.part ?? ''}): no statutes/ file holds this article`);
      }
    }
  }
  if (steps) for (const f of steps.first) for (const c of f.categories) category(FOLLOW_UP_FILES.steps, `first (${f.step})`, c);
  if (steps) for (const f of steps.named) for (const c of f.categories) category(FOLLOW_UP_FILES.steps, `named (${f.step.id})`, c);
  if (crimes) {
    for (const c of crimes.categories) {
      const where = `categories (${c.category})`;
      category(FOLLOW_UP_FILES.crimes, where, c.category);
      for (const x of c.cites) current(FOLLOW_UP_FILES.crimes, where, x);
    }
  }
  if (callBack) for (const c of callBack.doubtful) category(FOLLOW_UP_FILES.callBack, 'doubtful', c);
  if (problems.length > 0 || !claims || !report || !provisions || !steps || !crimes || !callBack) {
    throw new AppError('KNOWLEDGE_INVALID', `knowledge/${FOLLOW_UP_DIR} has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
  return { claims, report, provisions: provisions.provisions, steps, crimes, callBack };
}

