/**
 * Provisions named by data (law + Arabic article number) turned into the citations a reply carries: each resolved
 * to the text in force on the day of the conduct, superseded numbers corrected, unknown ones left out.
 */
import type { Citation } from '../message';
import { toCitation } from '../knowledge/citations';
import { resolveInForce, type Knowledge } from '../knowledge/knowledge';

/**
 * The citations for `refs` as in force on `at`, deduplicated, in order; refs we cannot resolve, and texts not yet
 * in force that day (民法典 for conduct in 2020), are skipped: a provision is never cited for a day it did not apply.
 */
export function citationsAt(refs: ReadonlyArray<{ law: string; article: string }>, k: Knowledge, at: Date): Citation[] {
  const out = new Map<string, Citation>();
  for (const r of refs) {
    const hit = resolveInForce(k, r.law, r.article, at);
    if (hit && !out.has(hit.article.id)) out.set(hit.article.id, toCitation(hit.article));
  }
  return [...out.values()];
}

/** How a provision is named to the user: 《治安管理处罚法》第五十条第一款第（一）项. */
export function provisionName(law: string, articleCn: string, part?: string | null): string {
  return `《${law}》${articleCn}${part ?? ''}`;
}
