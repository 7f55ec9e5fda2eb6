/**
 * The analyzer's optional second opinions: a statistical n-gram model (when knowledge/analysis/ngram-model.json
 * exists) and an LLM (when configured). The rules decide first; an opinion may only ADD a category, and only when
 * the words it quotes as evidence are really in the message. off_hours stays with the clock, never a model.
 */
import { CATEGORY_IDS, type Analysis, type Analyzer, type CategoryId, type Finding, type ProvisionRef } from './findings';
import { analyzeWithBubbles, mergeAnalyses, type Bubble } from './merge-analyses';
import { lawfulNoteOf, type LawfulNote } from './lawful-notes';

/** One category the reviewer claims, with the words it rests on. */
export interface OpinionClaim {
  category: CategoryId;
  evidence: string;
}

/** The port a second-opinion reviewer implements. Must not throw: trouble means "no claims". */
export interface SecondOpinion {
  review(text: string, sentAt: Date | null): Promise<OpinionClaim[]>;
}

/**
 * A synchronous, offline reviewer (the statistical n-gram model): same contract as SecondOpinion — it may only
 * add categories, with evidence found in the text — but runs in-process on every message. Must not throw.
 */
export interface SecondOpinionSync {
  review(text: string, sentAt: Date | null): OpinionClaim[];
}

/**
 * What a category means, for findings the rules did not produce themselves; with `text`, each provision's condition
 * is judged on that message (Analyzer.describe).
 */
export type DescribeCategory = (id: CategoryId, text?: string) => { explanation: string; provisions: ProvisionRef[] };

const strip = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** Keeps the claims whose evidence is found in `text` and adds them to `analysis` as findings. */
export function mergeOpinion(analysis: Analysis, claims: OpinionClaim[], text: string, describe: DescribeCategory): Analysis {
  const haystack = strip(text);
  const extra: Finding[] = [];
  for (const c of claims) {
    if (c.category === 'off_hours' || !CATEGORY_IDS.includes(c.category)) continue;
    const evidence = c.evidence.trim();
    if (evidence.length < 2 || !haystack.includes(strip(evidence))) continue;
    if (analysis.categories.includes(c.category)) continue;
    const d = describe(c.category, text);
    extra.push({ category: c.category, evidence, explanation: d.explanation, provisions: d.provisions });
  }
  if (extra.length === 0) return analysis;
  return mergeAnalyses([analysis, { findings: extra, categories: [], lawful: false, looksLikeCollectorMessage: true }]);
}

/**
 * The rules, then the statistical pass when one is loaded. The model is not asked about the user's own words
 * (a question or report, which the rules recognise): only a collector's message gets extra categories.
 */
export function analyzeWithStatistical(
  kit: { analyzer: Analyzer; statistical?: SecondOpinionSync; describe: DescribeCategory; lawfulNotes?: readonly LawfulNote[] },
  text: string,
  sentAt: Date | null,
  bubbles?: Bubble[],
): Analysis {
  const analysis = analyzeWithBubbles(kit.analyzer, text, sentAt, bubbles);
  if (!kit.statistical || !analysis.looksLikeCollectorMessage) return analysis;
  let claims: OpinionClaim[];
  try {
    claims = kit.statistical.review(text, sentAt);
  } catch {
    return analysis;
  }
  // A lawful notice the rules recognise by a kind that defers (a bank's truthful 恶意透支 warning, an assignment):
  // the model, which has seen many fakes worded alike, does not call it a lie or an impersonation.
  // So does a legal-process notice the rules read as such (a case number, a named court, no fake sign).
  if (analysis.lawful && (analysis.legalProcess || (kit.lawfulNotes && lawfulNoteOf(text, kit.lawfulNotes)?.model_defers))) {
    claims = claims.filter((c) => !LOOKALIKE.has(c.category));
  }
  return mergeOpinion(analysis, claims, text, kit.describe);
}

/** What fakes of a lawful notice are, and so what the model may not add to one the rules found lawful. */
const LOOKALIKE: ReadonlySet<string> = new Set(['deception', 'impersonation']);

/**
 * Analyses a collector's text the one way every entry point does: the rules (each screenshot bubble at its own
 * time), then the statistical pass when one is loaded, then the second opinion when one is configured.
 */
export async function analyzeCollectorText(
  kit: { analyzer: Analyzer; statistical?: SecondOpinionSync; secondOpinion?: SecondOpinion; describe: DescribeCategory; lawfulNotes?: readonly LawfulNote[] },
  text: string,
  sentAt: Date | null,
  bubbles?: Bubble[],
): Promise<Analysis> {
  const analysis = analyzeWithStatistical(kit, text, sentAt, bubbles);
  if (!kit.secondOpinion) return analysis;
  return mergeOpinion(analysis, await kit.secondOpinion.review(text, sentAt), text, kit.describe);
}
