/**
 * The data behind described conduct (knowledge/analysis/conduct.yaml): how a user's account of what collectors did
 * is read (subjects, reported speech, negation, hypotheticals, questions, dates), the perspective change that lets
 * the collector-message analyzer read it, and the specific acts (paint on the door, blocking it, calling the boss)
 * with what each may amount to, its provisions and conditions, and what to do. Validated with the other analysis
 * files, so a typo stops the boot with its file and entry named.
 */
import { z } from 'zod';
import { CATEGORY_IDS } from './findings';
import { patternProblems } from '../knowledge/pattern-syntax';

const categoryId = z.enum(CATEGORY_IDS);
const cue = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1));
const cueList = z.array(cue);
const pattern = z.string().min(1);
const articleNumber = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string())
  .refine((s) => /^\d+(-\d+)?(\.\d+)*$/.test(s), 'Arabic numerals like "1032" or "293-1"');
const days = z.number().int().min(0);

const actSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  category: categoryId,
  /** Lexicon-syntax patterns, matched on a "happened" clause after the perspective change (你 is the user). */
  patterns: z.array(pattern).min(1),
  /** A clause matching any of these is not this act ("打了你几个电话" is not a beating). */
  unless: z.array(pattern).default([]),
  /**
   * A description matching any of these anywhere is not this act: a pace told in another clause ("他们一直发短信催
   * 基本每个月都发": once a month is no bombing).
   */
  unless_told: z.array(pattern).default([]),
  /** Also matched on what collectors said (telling a relative about the debt is done by saying it). */
  also_said: z.boolean().default(false),
  /** The act counts only when the description also shows one of these categories. */
  needs_category: z.array(categoryId).default([]),
  /** How to name the act to the user ("在门上、墙上喷漆写字"). */
  label: z.string().min(1),
  /** What it may amount to, with its condition ("可能构成寻衅滋事（任意损毁公私财物）"). */
  charge: z.string().min(1),
  /** For an act found only in what collectors said (a threat to do it): how to name it and what that is. */
  said_label: z.string().min(1).optional(),
  said_charge: z.string().min(1).optional(),
  provisions: z
    .array(z.object({ law: z.string().min(1), article: articleNumber, item: z.string().optional().nullable() }))
    .min(1),
  /** Step ids from `steps`, most useful first. */
  steps: z.array(z.string().min(1)).min(1),
});

export const conductFileSchema = z.object({
  perspective: z.array(z.object({ from: z.string().min(1), to: z.string() })).min(1),
  leading: cueList.default([]),
  subjects: z.object({
    collector: cueList.min(1),
    collector_patterns: z.array(pattern).default([]),
    user: cueList.min(1),
    not_actor: z.array(pattern).default([]),
    witness: cueList.default([]),
  }),
  passive: cueList.default([]),
  /** Someone close to the user only affected (我老婆都被吵醒了): a consequence, not conduct towards that person. */
  affected: cueList.default([]),
  speech: z.object({
    verbs: cueList.min(1),
    frame_max: z.number().int().min(0),
    /** Patterns that, between the subject and the verb, make the clause a deed (a third party, posing as someone). */
    not_frames: z.array(pattern).default([]),
  }),
  /** Hearsay cues of the analyzer that, in the user's account, are the collector's own deed ("他们冒充法院"). */
  hearsay_ignore: cueList.default([]),
  negation: cueList.min(1),
  hypothetical: cueList.min(1),
  question: z.object({ frames: cueList, endings: cueList, tails: cueList }),
  /** With violence found, these words mean it is happening now: the reply opens with "call 110 now". */
  happening_now: cueList.default([]),
  /** Happening now away from home ("堵在我们公司楼下"): safety there is inside, with security and colleagues, not a locked door. */
  away_from_home: cueList.default([]),
  time: z.object({ words: z.record(z.string(), days), units: z.record(z.string(), days) }),
  acts: z.array(actSchema).min(1),
  steps: z.array(z.object({ id: z.string().min(1), text: z.string().min(1) })).min(1),
});

export type ConductFile = z.infer<typeof conductFileSchema>;
export type ConductAct = ConductFile['acts'][number];

/** What conduct.yaml holds, validated; `steps` indexed by id. */
export interface ConductRules extends Omit<ConductFile, 'steps'> {
  steps: Map<string, string>;
}

export const CONDUCT_FILE = 'conduct.yaml';

/** Indexes a validated conduct file. */
export function toConductRules(file: ConductFile): ConductRules {
  return { ...file, steps: new Map(file.steps.map((s) => [s.id, s.text])) };
}

/**
 * Cross-checks conduct.yaml against the lexicon's term groups (every @GROUP exists) and itself (ids unique, every
 * step an act names is defined). Problems are pushed as "conduct.yaml: where: what".
 */
export function checkConductRules(file: ConductFile, termGroups: ReadonlySet<string>, problems: string[]): void {
  const where = (w: string, msg: string) => problems.push(`${CONDUCT_FILE}: ${w}: ${msg}`);
  const refs = (w: string, p: string) => problems.push(...patternProblems(CONDUCT_FILE, w, p, termGroups));
  for (const p of [...file.subjects.collector_patterns, ...file.subjects.not_actor]) refs('subjects', p);
  for (const p of file.speech.not_frames) refs('speech.not_frames', p);
  const stepIds = new Set<string>();
  for (const s of file.steps) {
    if (stepIds.has(s.id)) where(`steps (${s.id})`, 'id used twice');
    stepIds.add(s.id);
  }
  const actIds = new Set<string>();
  for (const act of file.acts) {
    const w = `acts (${act.id})`;
    if (actIds.has(act.id)) where(w, 'id used twice');
    actIds.add(act.id);
    for (const p of [...act.patterns, ...act.unless]) refs(w, p);
    for (const s of act.steps) if (!stepIds.has(s)) where(w, `unknown step "${s}"`);
  }
}
