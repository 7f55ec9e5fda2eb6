/**
 * `debtshield analyze`: the analyzer's contract. One message → {id, categories, lawful, citations, next_steps},
 * computed by the same core functions the chat uses (analyzer → renderAnalysis).
 */
import type { CoreParts } from '../assemble';
import { renderAnalysis } from '../analysis/analysis-reply';
import type { Bubble } from '../analysis/merge-analyses';
import { analyzeCollectorText } from '../analysis/second-opinion';

export interface AnalyzeOutput {
  id: unknown;
  categories: string[];
  lawful: boolean;
  citations: Array<{ law: string; article: string }>;
  next_steps: string[];
}

/** Analyses one message sent at `sentAt` (null when unknown), exactly as the chat does. */
export async function analyzeOne(core: CoreParts, id: unknown, text: string, sentAt: Date | null, now = new Date(), bubbles?: Bubble[]): Promise<AnalyzeOutput> {
  const analysis = await analyzeCollectorText(core.analysis, text, sentAt, bubbles);
  const view = renderAnalysis(analysis, sentAt ?? now, core, text, now);
  return {
    id,
    categories: analysis.categories,
    lawful: analysis.lawful,
    citations: view.citations.map((c) => ({ law: c.law, article: c.article })),
    next_steps: view.nextSteps.map((s) => `${s.label}：${s.detail}`),
  };
}

/** Parses sent_at / --at: ISO-8601 or null; throws a clear message otherwise. */
export function parseSentAt(v: unknown): Date | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v !== 'string') throw new Error('sent_at must be an ISO-8601 string or null');
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new Error(`sent_at is not an ISO-8601 time: ${v}`);
  return new Date(t);
}
