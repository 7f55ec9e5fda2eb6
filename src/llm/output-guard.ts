/**
 * The output guard: everything a model writes is checked before anyone reads it, because the model (or whoever
 * answers at LLM_BASE_URL) can say anything — "请立即转账到个人账户", the system prompt, a <script> tag, or a
 * placeholder that would be swapped back into a collector's bank-card number. Three checks, one per use:
 *
 * - answers (checkAnswer): no payment or account instructions, no account, card, ID or phone numbers, no markup,
 *   no system-prompt text; placeholders are restored only for identifiers the user typed in this turn (others
 *   are masked). A violation means the caller sends the offline answer instead.
 * - transcriptions by a vision model (checkTranscription): no markup, no prompt text. A collector's own
 *   payment demand is what a screenshot may well show, so it is not refused here (the analysis flags it).
 * - the analysis second opinion (keepBackedClaims): a claim needs evidence of meaningful length, found in the
 *   message, containing a word the offline rules use for that category ("还钱" is not impersonation).
 *
 * The patterns are data: prompts/output-guard.yaml. Violations are reported by rule id only (logs never hold text).
 */
import { join } from 'node:path';
import { readYamlData } from '../knowledge/yaml-cache';
import { z } from 'zod';
import { AppError } from '../errors';
import { redactIdentifiers } from '../redact';

const ruleList = z.array(z.object({ id: z.string().min(1), pattern: z.string().min(1) })).min(1);

const guardFileSchema = z.object({
  answer: z.object({
    payment: ruleList,
    negation: z.object({ window: z.number().int().min(0), cues: z.array(z.string().min(1)) }),
    long_number: z.number().int().min(6),
    placeholder_mask: z.string().min(1),
  }),
  markup: ruleList,
  system_prompt: z.object({
    markers: z.array(z.string().min(1)),
    window: z.number().int().min(4),
    max_share: z.number().min(0).max(1),
    min_windows: z.number().int().min(1),
  }),
  opinion: z.object({
    min_chars: z.number().int().min(1),
    cues: z.record(z.string(), z.array(z.string().min(1))),
  }),
});

export type GuardFile = z.infer<typeof guardFileSchema>;

export const GUARD_FILE = 'output-guard.yaml';

/** Reads and validates prompts/output-guard.yaml; a bad pattern stops the boot (PROMPTS_INVALID) naming it. */
export function loadGuardFile(promptsDir: string): GuardFile {
  const file = join(promptsDir, GUARD_FILE);
  let raw: unknown;
  try {
    raw = readYamlData(file);
  } catch (e) {
    throw new AppError('PROMPTS_INVALID', `${file}: cannot read (${(e as Error).message})`, { cause: e });
  }
  const r = guardFileSchema.safeParse(raw);
  if (!r.success) {
    throw new AppError('PROMPTS_INVALID', `${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  for (const rule of [...r.data.answer.payment, ...r.data.markup]) {
    try {
      new RegExp(rule.pattern, 'u');
    } catch (e) {
      throw new AppError('PROMPTS_INVALID', `${file}: rule ${rule.id}: ${(e as Error).message}`);
    }
  }
  return r.data;
}

/** What a check decided: the text to show, or the ids of the rules it broke. */
export type GuardResult = { ok: true; text: string } | { ok: false; violations: string[] };

export interface OutputGuard {
  /**
   * An answer as the model wrote it (placeholders still in). `redaction` maps placeholders to originals;
   * only originals found in `typedThisTurn` (the user's message of this turn) are put back, others are masked.
   * `systemPrompt` is what the model was told; the answer must not repeat it.
   */
  checkAnswer(raw: string, o: { redaction: ReadonlyMap<string, string>; typedThisTurn: string; systemPrompt: string }): GuardResult;
  /** A vision model's transcription of a screenshot: no markup, no prompt text. */
  checkTranscription(raw: string, o: { systemPrompt: string }): GuardResult;
  /**
   * The second opinion's claims whose evidence is long enough, in `message`, and holds a word the rules use for
   * the claimed category; `dropped` names the others' categories (for logs).
   */
  keepBackedClaims<C extends { category: string; evidence: string }>(claims: readonly C[], message: string): { kept: C[]; dropped: string[] };
}

interface Compiled {
  id: string;
  re: RegExp;
}

const PLACEHOLDER = /⟦(?:ID|CARD|PHONE)_\d+⟧/g;
const MEANINGFUL = /[\p{L}\p{N}]/gu;

/**
 * Builds the guard from its data. `terms` are the analysis lexicon's term groups (knowledge/analysis/lexicon.yaml),
 * so an opinion cue written "@AUTHORITY" means every word the rules count as an authority; without them such
 * references match nothing (stricter, never looser).
 */
export function createOutputGuard(data: GuardFile, terms: Readonly<Record<string, readonly string[]>> = {}): OutputGuard {
  const compile = (rules: GuardFile['markup']): Compiled[] => rules.map((r) => ({ id: r.id, re: new RegExp(r.pattern, 'gu') }));
  const payment = compile(data.answer.payment);
  const markup = compile(data.markup);
  const negations = data.answer.negation.cues;
  const longNumber = new RegExp(`\\d(?:[ -]?\\d){${data.answer.long_number - 1},}`, 'u');
  const shingles = new Map<string, Set<string>>();
  const cues = new Map(Object.entries(data.opinion.cues).map(([category, list]) => [category, expandCues(list, terms)]));

  function promptShingles(prompt: string): Set<string> {
    let set = shingles.get(prompt);
    if (!set) {
      set = windows(squeeze(prompt.replace(PLACEHOLDER, '')), data.system_prompt.window);
      if (shingles.size > 16) shingles.clear();
      shingles.set(prompt, set);
    }
    return set;
  }

  /** Markup and prompt leaks: what no model output may hold, whatever it is for. */
  function common(raw: string, systemPrompt: string): string[] {
    const out = markup.filter((r) => matches(r.re, raw)).map((r) => r.id);
    const lower = raw.toLowerCase();
    if (data.system_prompt.markers.some((m) => lower.includes(m.toLowerCase()))) out.push('system-prompt-marker');
    // Placeholders are the user's data (the prompt names them as examples), not prompt text.
    const own = windows(squeeze(raw.replace(PLACEHOLDER, '')), data.system_prompt.window);
    if (own.size > 0) {
      const known = promptShingles(systemPrompt);
      let shared = 0;
      for (const w of own) if (known.has(w)) shared++;
      if (shared >= data.system_prompt.min_windows && shared / own.size >= data.system_prompt.max_share) out.push('system-prompt-text');
    }
    return out;
  }

  function paymentInstructions(text: string): string[] {
    const out: string[] = [];
    for (const r of payment) {
      r.re.lastIndex = 0;
      for (const m of text.matchAll(r.re)) {
        const before = text.slice(Math.max(0, m.index - data.answer.negation.window), m.index);
        if (!negations.some((n) => before.includes(n))) {
          out.push(r.id);
          break;
        }
      }
    }
    return out;
  }

  return {
    checkAnswer(raw, o) {
      const violations = [...common(raw, o.systemPrompt), ...paymentInstructions(raw)];
      // Numbers the model wrote itself (not placeholders): an account, card, ID or phone number is never its to give.
      const bare = raw.replace(PLACEHOLDER, '');
      if (longNumber.test(bare)) violations.push('long-number');
      if (redactIdentifiers(bare).map.size > 0) violations.push('identifier');
      if (violations.length) return { ok: false, violations: [...new Set(violations)] };
      const text = raw.replace(PLACEHOLDER, (ph) => {
        const original = o.redaction.get(ph);
        return original !== undefined && o.typedThisTurn.includes(original) ? original : data.answer.placeholder_mask;
      });
      return { ok: true, text };
    },

    checkTranscription(raw, o) {
      const violations = common(raw, o.systemPrompt);
      return violations.length ? { ok: false, violations } : { ok: true, text: raw };
    },

    keepBackedClaims(claims, message) {
      const haystack = squeeze(message).toLowerCase();
      const kept: (typeof claims)[number][] = [];
      const dropped: string[] = [];
      for (const c of claims) {
        const evidence = squeeze(c.evidence).toLowerCase();
        const long = (evidence.match(MEANINGFUL)?.length ?? 0) >= data.opinion.min_chars;
        const backed = cues.get(c.category)?.some((cue) => evidence.includes(cue)) ?? false;
        if (long && backed && haystack.includes(evidence)) kept.push(c);
        else dropped.push(c.category);
      }
      return { kept, dropped };
    },
  };
}

let packaged: { dir: string; guard: OutputGuard } | undefined;

/** The guard over `promptsDir`'s data, loaded once per directory (for factories whose caller passed none). */
export function defaultOutputGuard(promptsDir: string): OutputGuard {
  if (packaged?.dir !== promptsDir) packaged = { dir: promptsDir, guard: createOutputGuard(loadGuardFile(promptsDir)) };
  return packaged.guard;
}

/** Cue words with @GROUP references expanded through `terms` (nested groups too), lower-cased. */
function expandCues(list: readonly string[], terms: Readonly<Record<string, readonly string[]>>, depth = 0): string[] {
  const out: string[] = [];
  for (const cue of list) {
    if (!cue.startsWith('@')) out.push(cue.toLowerCase());
    else if (depth < 5) out.push(...expandCues((terms[cue.slice(1)] ?? []).map((t) => String(t).split('!')[0]!), terms, depth + 1));
  }
  return [...new Set(out.filter(Boolean))];
}

/** Text without white space, for comparisons that must not depend on it. */
function squeeze(s: string): string {
  return s.replace(/\s+/gu, '');
}

function windows(s: string, size: number): Set<string> {
  const chars = [...s];
  const out = new Set<string>();
  for (let i = 0; i + size <= chars.length; i++) out.add(chars.slice(i, i + size).join(''));
  return out;
}

function matches(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(s);
  re.lastIndex = 0;
  return hit;
}
