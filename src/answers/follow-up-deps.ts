/**
 * What follow-up answers need, passed in by the composition root: the knowledge base, the fixed replies, the
 * follow-up data, and three functions of the analysis kit (answers/ does not import analysis/): next steps for
 * categories, a category's provisions with their conditions, and a category's label.
 */
import { AppError } from '../errors';
import type { Knowledge } from '../knowledge/knowledge';
import type { Replies } from '../replies';
import type { FollowUpData } from './follow-up-data';

export interface FollowUpStep {
  id: string;
  label: string;
  detail: string;
}

export interface FollowUpDeps {
  knowledge: Knowledge;
  replies: Replies;
  data: FollowUpData;
  /** The analysis rules' next steps for these categories, "evidence" first (AnalysisKit.nextSteps). */
  nextSteps(categories: string[]): FollowUpStep[];
  /** A category's provisions, each with the part or condition that applies (AnalysisKit.describe(c).provisions). */
  provisionsOf(category: string): Array<{ law: string; article: string; item?: string | null }>;
  /** A category's name as users see it (AnalysisKit.categoryLabel). */
  categoryLabel(category: string): string;
}

/** Reply keys (prompts/follow-ups.yaml) the follow-up answers and the described-conduct reply use; checked at boot. */
export const FOLLOW_UP_REPLY_KEYS = [
  'fu_debt_line', 'fu_debt_line_lawful', 'fu_claims_all_false', 'fu_claims_doubtful', 'fu_claims_maybe', 'fu_claims_mixed', 'fu_claims_also', 'fu_claims_item',
  'fu_claims_check', 'fu_claims_more', 'fu_claims_none_lawful', 'fu_claims_none', 'fu_todo_first', 'fu_todo_next', 'fu_todo_item',
  'fu_todo_lawful', 'fu_prov_head', 'fu_prov_condition', 'fu_prov_applied', 'fu_prov_quote', 'fu_prov_partial', 'fu_prov_version',
  'fu_prov_version_reported', 'fu_prov_version_undated',
  'fu_prov_old_version', 'fu_prov_not_then', 'fu_prov_not_then_undated', 'fu_prov_corrected', 'fu_prov_no_part', 'fu_prov_not_found', 'fu_prov_none', 'fu_prov_others', 'fu_prov_titled', 'fu_prov_alternatives',
  'fu_report_bring', 'fu_report_also', 'fu_report_limit_soon', 'fu_report_limit_passed', 'answer_law_button',
  // The described-conduct reply (analysis/conduct-reply.ts) reads the same file; checked here so a gap stops the boot.
  'conduct_urgent', 'conduct_urgent_away', 'conduct_is', 'conduct_also', 'conduct_said', 'conduct_category', 'conduct_payment_lead', 'conduct_basis', 'conduct_steps_heading', 'conduct_note_button',
  'conduct_nothing',
] as const;

/** Throws PROMPTS_INVALID naming every follow-up reply key missing from the loaded replies. */
export function checkFollowUpReplies(replies: Replies): void {
  const missing = FOLLOW_UP_REPLY_KEYS.filter((k) => !replies.has(k));
  if (missing.length) throw new AppError('PROMPTS_INVALID', `prompts/follow-ups.yaml is missing replies: ${missing.join(', ')}`);
}

/** The category labels of `categories`, joined for a sentence. */
export function labelsOf(categories: readonly string[], deps: Pick<FollowUpDeps, 'categoryLabel'>): string {
  return [...new Set(categories.map((c) => deps.categoryLabel(c)))].join('、');
}
