/**
 * The data the OCR post-processing works from — UI chrome, misreading corrections, timestamp words — loaded
 * from knowledge/ocr/ and validated, so a typo stops the boot with its file named instead of silently never
 * matching. Everything language-specific lives in those files, not in code.
 */
import { join } from 'node:path';
import { readYamlData } from '../knowledge/yaml-cache';
import { z } from 'zod';
import { AppError } from '../errors';

const word = z.string().min(1);

const chromeSchema = z.object({
  status_bar: z.object({
    network: z.array(word).min(1),
    icon_glyphs: z.array(word),
    clock_top_lines: z.number().int().min(0).max(10),
  }),
  ui_words: z.array(word).min(1),
  ui_symbols: z.array(word),
  header: z.object({
    back: z.array(word).min(1),
    menu: z.array(word),
    max_name_chars: z.number().int().min(2).max(64),
    not_in_name: z.array(word),
  }),
});

const correctionsSchema = z.record(word, z.array(word).min(1));
/** The key of corrections.yaml that lists phrases to leave as they are, not a right word. */
const KEEP = 'keep';

const timestampsSchema = z.object({
  relative_days: z.record(word, z.number().int().min(-7).max(0)),
  weekdays: z.record(word, z.number().int().min(0).max(6)),
  periods: z.record(word, z.enum(['am', 'pm', 'noon'])),
  date_markers: z.object({ year: z.array(word).min(1), month: z.array(word).min(1), day: z.array(word).min(1) }),
  /** Characters OCR gives for a character of a period word in small grey labels (午 → 年, 干), by that character. */
  period_misreadings: z.record(word, z.array(word).min(1)).optional(),
});

export type ChromeVocabulary = z.infer<typeof chromeSchema>;
export type TimestampVocabulary = z.infer<typeof timestampsSchema>;

/** Everything postprocess.ts needs, in the shape it uses. */
export interface OcrVocabulary {
  chrome: ChromeVocabulary;
  /** wrong → right, for every misreading listed in corrections.yaml; its `keep` phrases map to themselves. */
  corrections: Map<string, string>;
  timestamps: TimestampVocabulary;
}

/**
 * Reads chrome.yaml, corrections.yaml and timestamps.yaml from `dir` (knowledge/ocr). Throws AppError
 * KNOWLEDGE_INVALID naming every bad file and entry; a misreading listed under two right words is an error too.
 */
export function loadOcrVocabulary(dir: string): OcrVocabulary {
  const problems: string[] = [];
  const read = <T>(file: string, schema: z.ZodType<T>): T | undefined => {
    const path = join(dir, file);
    let raw: unknown;
    try {
      raw = readYamlData(path);
    } catch (e) {
      problems.push(`${path}: ${(e as Error).message}`);
      return undefined;
    }
    const r = schema.safeParse(raw);
    if (!r.success) {
      for (const i of r.error.issues) problems.push(`${path}: ${i.path.join('.') || '(file)'}: ${i.message}`);
      return undefined;
    }
    return r.data;
  };
  const chrome = read('chrome.yaml', chromeSchema);
  const correctionGroups = read('corrections.yaml', correctionsSchema);
  const timestamps = read('timestamps.yaml', timestampsSchema);

  const corrections = new Map<string, string>();
  const { [KEEP]: keep = [], ...groups } = correctionGroups ?? {};
  // Ordinary phrases that contain a misreading ("我们收到" holds 们收): mapped to themselves, they win the match
  // because they start earlier or are longer, so the misreading inside them is left alone.
  for (const phrase of keep) corrections.set(phrase, phrase);
  for (const [right, wrongs] of Object.entries(groups)) {
    for (const wrong of wrongs) {
      const seen = corrections.get(wrong);
      if (seen !== undefined && seen !== right) problems.push(`${join(dir, 'corrections.yaml')}: "${wrong}" is listed under both "${seen}" and "${right}"`);
      else if (wrong === right) problems.push(`${join(dir, 'corrections.yaml')}: "${wrong}" is listed as a misreading of itself`);
      else corrections.set(wrong, right);
    }
  }
  if (problems.length > 0 || !chrome || !timestamps) {
    throw new AppError('KNOWLEDGE_INVALID', `knowledge/ocr is invalid:\n  ${problems.join('\n  ')}`);
  }
  return { chrome, corrections, timestamps };
}
