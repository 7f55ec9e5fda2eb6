/**
 * A screenshot often holds several messages sent at different times. Each bubble is judged at its own send time
 * (so a 23:40 message is off_hours even when the last one came at 09:15), the whole text once more (for anything
 * spread over bubbles), and the results merged.
 */
import { CATEGORY_IDS, type Analysis, type Analyzer, type CategoryId, type Finding } from './findings';

export interface Bubble {
  text: string;
  /** ISO-8601 send time of this bubble, when its timestamp was read. */
  sentAt?: string;
}

/**
 * Merges analyses: findings deduplicated by category and evidence, categories in the contract's order, and the
 * conditions any part showed.
 */
export function mergeAnalyses(parts: Analysis[]): Analysis {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    for (const f of p.findings) {
      const key = `${f.category}\u0000${f.evidence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(f);
    }
  }
  const present = new Set<CategoryId>(findings.map((f) => f.category));
  const categories = CATEGORY_IDS.filter((c) => present.has(c));
  const conditions = [...new Set(parts.flatMap((p) => p.conditions ?? []))];
  const legalProcess = parts.some((p) => p.legalProcess);
  return {
    findings,
    categories,
    lawful: categories.length === 0,
    looksLikeCollectorMessage: parts.some((p) => p.looksLikeCollectorMessage),
    conditions,
    ...(legalProcess ? { legalProcess } : {}),
  };
}

/** Analyses the whole text at `sentAt` and each timed bubble at its own time, merged. */
export function analyzeWithBubbles(analyzer: Analyzer, text: string, sentAt: Date | null, bubbles: Bubble[] = []): Analysis {
  const parts = [analyzer.analyze({ text, sentAt })];
  const timed = bubbles.filter((b) => b.sentAt && b.text.trim());
  if (timed.length > 1 || (timed.length === 1 && timed[0]!.sentAt !== sentAt?.toISOString())) {
    for (const b of timed) parts.push(analyzer.analyze({ text: b.text, sentAt: new Date(b.sentAt!) }));
  }
  return mergeAnalyses(parts);
}
