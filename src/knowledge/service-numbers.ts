/**
 * Telephone lines and court case numbers in a text, which are never sums of money (knowledge/lexicon/
 * service-numbers.yaml). Both readers of amounts blank them first — the turn understander's facts and the interest
 * check's loan parser — so "打12378有用吗 还是打12315" names two hotlines, not a principal and a total.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { readYamlFile } from './read-yaml';

const word = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1));

export const serviceNumbersSchema = z.object({
  numbers: z.array(word.pipe(z.string().regex(/^\d{3,6}$/, 'digits only, as dialled'))).min(1),
  money_before: z.array(word),
  money_after: z.array(word),
  case_number: z.string().min(1).refine((p) => {
    try {
      new RegExp(p, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression'),
});

export type ServiceNumberData = z.infer<typeof serviceNumbersSchema>;

export interface ServiceNumbers {
  /**
   * `text` with every hotline and case number replaced by spaces of the same length, so offsets into it still
   * hold. A listed number with a money word before it or a money unit after it ("借了12300", "12315元") is kept.
   */
  blank(text: string): string;
}

/** Reads knowledge/lexicon/service-numbers.yaml under `knowledgeDir`; throws KNOWLEDGE_INVALID naming the problem. */
export function loadServiceNumbers(knowledgeDir: string): ServiceNumbers {
  const problems: string[] = [];
  const data = readYamlFile(join(knowledgeDir, 'lexicon'), 'service-numbers.yaml', serviceNumbersSchema, problems);
  if (!data) throw new AppError('KNOWLEDGE_INVALID', `knowledge/lexicon has ${problems.length} problem(s):\n- ${problems.map((p) => `lexicon/${p}`).join('\n- ')}`);
  return createServiceNumbers(data);
}

/** Builds the blanking over validated data (numbers longest first, so 12345 is never read as 123 and 45). */
export function createServiceNumbers(data: ServiceNumberData): ServiceNumbers {
  const numbers = [...new Set(data.numbers)].sort((a, b) => b.length - a.length);
  // Not inside a longer number, a decimal or a grouped sum (1,100): a digit, '.' or ',' on either side keeps it.
  const numberRe = new RegExp(`(?<![\\d.,，])(?:${numbers.join('|')})(?![\\d.,，])`, 'g');
  const caseRe = new RegExp(data.case_number, 'gu');
  const before = [...data.money_before].sort((a, b) => b.length - a.length);
  const after = data.money_after.map((w) => w.toLowerCase());
  const spaces = (s: string) => ' '.repeat(s.length);
  const isSum = (t: string, start: number, end: number) => {
    const head = t.slice(Math.max(0, start - 8), start).replace(/[\s¦]+$/, '');
    const tail = t.slice(end).replace(/^[\s¦]+/, '').toLowerCase();
    return before.some((w) => head.endsWith(w)) || after.some((w) => tail.startsWith(w));
  };
  return {
    blank(text) {
      const t = text.replace(caseRe, spaces);
      return t.replace(numberRe, (m: string, offset: number) => (isSum(t, offset, offset + m.length) ? m : spaces(m)));
    },
  };
}
