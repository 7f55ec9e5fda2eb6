/**
 * Turns findings into what the user should do now: always "save this as evidence" first, then the channel that
 * fits each category (110 and the no-contact order for threats and stalking, 12368 to verify a claimed lawsuit,
 * personal-information complaints and 12321 for contact-list blasting, 12378/12363 and the lender), and one short,
 * firm, lawful reply to send back. All wording is data in knowledge/analysis/categories.yaml.
 */
import { CATEGORY_IDS, type CategoryId, type NextStep } from './findings';
import type { AnalysisRules } from './rules';

/** The most serious categories first: their channels lead the list when it is cut to `max` steps. */
const SEVERITY: readonly CategoryId[] = [
  'violence',
  'threat',
  'impersonation',
  'privacy_disclosure',
  'third_party_contact',
  'deception',
  'harassment_frequency',
  'insult',
  'off_hours',
];

/**
 * Next steps for these categories: "evidence" first, then each category's steps in order of severity,
 * deduplicated, at most `max` (default 5). With no categories, only "evidence".
 */
export function nextStepsFor(categories: readonly CategoryId[], rules: AnalysisRules, max = 5): NextStep[] {
  const ids: string[] = ['evidence'];
  const present = new Set(categories);
  for (const cat of SEVERITY) {
    if (!present.has(cat)) continue;
    for (const id of rules.categories.find((c) => c.id === cat)?.next_steps ?? []) if (!ids.includes(id)) ids.push(id);
  }
  return ids
    .slice(0, max)
    .map((id) => rules.nextSteps.get(id))
    .filter((s): s is NextStep => s !== undefined);
}

/**
 * The reply template for the first entry in data whose categories intersect these and whose conditions hold
 * (`when` shown, `unless` not shown); the generic reply otherwise. Data lists replies from most to least serious,
 * so a threat outranks an insult in the same message, and a reply that names what the sender claimed to be (公检法,
 * a law firm) is only chosen when the message shows that claim. Without `conditions` (not judged), an entry with
 * `when` is never chosen.
 */
export function replyTemplateFor(categories: readonly CategoryId[], rules: AnalysisRules, conditions: readonly string[] = []): string {
  const present = new Set(categories.filter((c) => (CATEGORY_IDS as readonly string[]).includes(c)));
  const met = new Set(conditions);
  for (const r of rules.replies) {
    if (!r.categories.some((c) => present.has(c))) continue;
    if (r.when && !met.has(r.when)) continue;
    if (r.unless && met.has(r.unless)) continue;
    return r.text;
  }
  return rules.genericReply;
}
