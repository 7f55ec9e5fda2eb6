/**
 * "他们说的是真的吗": checks the claims in the message in focus against knowledge/follow-ups/claims.yaml — each
 * claim true or not, under which condition, and how to check it. A fake court notice gets "verify with 12368" and
 * what real court papers look like; a lawful lawsuit notice or a real lawyer's letter gets "可能是真的" with how to
 * verify and that a real suit must be answered (never "this is a crime"); a threat to expose the debt gets "they
 * may do it, and it is unlawful".
 */
import { emptyReply, type OutboundReply, type TextBlock } from '../message';
import { citationsAt } from './cite-refs';
import type { Claim, ClaimVerdict } from './follow-up-data';
import { labelsOf, type FollowUpDeps } from './follow-up-deps';
import { focusDate, focusWords, hasCue, type FollowUpFocus } from './follow-up-focus';
import { fitted, list, para } from '../screen-fit';

/** Claims named on the first screen; the rest are named in one line. */
const SHOWN = 3;
const DOUBTFUL: ReadonlySet<ClaimVerdict> = new Set(['false', 'verify']);
const POSSIBLY_TRUE: ReadonlySet<ClaimVerdict> = new Set(['maybe', 'true', 'depends']);

/**
 * The claims of the focus, in the data's order (most serious first) — except that claims the user's own question
 * names ("真的会抓我吗" names arrest) come first. A claim the question names is checked even when the message put it
 * in other words ("出了什么事别怪我们🔪" → "真的会动手吗" asks about the menace), as long as the message is of the
 * claim's kind (its `when`).
 */
export function claimsOf(focus: FollowUpFocus, deps: Pick<FollowUpDeps, 'data'>, question = ''): Claim[] {
  const { negation, negation_window: window, claims, asked_as_collector: swap } = deps.data.claims;
  const words = focusWords(focus);
  const cats = new Set(focus.categories);
  const seen = new Set<string>();
  const allowed = claims.filter((c) => !c.when.none.some((x) => cats.has(x)));
  const ofKind = (c: Claim) => !c.when.any.length || c.when.any.some((x) => cats.has(x));
  // A false consequence the question names is answered even when the message never made it ("他们真会来抓我吗"
  // after a lawful notice of a lawsuit: no, it is a civil matter); any other claim only when the message is of its
  // kind ("真会来吗" after a lawful notice of a visit is no menace).
  const named = askedIn(question, allowed.filter((c) => ofKind(c) || c.verdict === 'false'), swap);
  const found = allowed.filter((c) => {
    if (!named.has(c) && !(ofKind(c) && c.cues.some((cue) => hasCue(words, cue, negation, window)))) return false;
    // Variants of one claim (a real or a fake lawyer's letter) are told once.
    if (seen.has(c.name)) return false;
    seen.add(c.name);
    return true;
  });
  return [...found.filter((c) => named.has(c)), ...found.filter((c) => !named.has(c))];
}

/**
 * True when `question` asks about a claim the message in focus makes ("会坐牢吗" after a message saying 涉嫌诈骗、
 * 拘传): the question, and the answer to it, are about that message.
 */
export function namesClaimOf(focus: FollowUpFocus, deps: Pick<FollowUpDeps, 'data'>, question: string): boolean {
  return askedIn(question, claimsOf(focus, deps), deps.data.claims.asked_as_collector).size > 0;
}

/**
 * The claims whose cue words the question itself uses. Cues are written as collectors say them ("抓你"); the
 * question is the user's ("会抓我吗"), so it is also read with the user's words as the collector's (claims.yaml
 * asked_as_collector: 我 as 你).
 */
function askedIn(question: string, claims: Claim[], swap: Readonly<Record<string, string>>): Set<Claim> {
  const q = question.replace(/\s+/g, '');
  if (!q) return new Set();
  const asCollector = Object.entries(swap).reduce((t, [user, collector]) => t.split(user).join(collector), q);
  return new Set(claims.filter((c) => c.cues.some((cue) => q.includes(cue) || asCollector.includes(cue))));
}

/**
 * Answers "are their claims true?" for the message in focus; `now` dates nothing but a focus without a time. With
 * the user's `question`, the claim it asks about is answered first ("真的会抓我吗" → arrest).
 */
export function verifyClaims(focus: FollowUpFocus, deps: FollowUpDeps, now: Date, question = ''): OutboundReply {
  const { replies } = deps;
  const at = focusDate(focus, now);
  const claims = claimsOf(focus, deps, question);
  const asked = askedIn(question, claims.slice(0, 1), deps.data.claims.asked_as_collector);
  const reply = emptyReply('answer');
  const debt = replies.text(focus.lawful ? 'fu_debt_line_lawful' : 'fu_debt_line');

  if (claims.length === 0) {
    const lead = focus.lawful
      ? replies.text('fu_claims_none_lawful')
      : replies.text('fu_claims_none', { labels: labelsOf(focus.categories, deps) });
    reply.blocks = [...para(lead), ...para(debt)];
    return reply;
  }

  const checkOf = (c: Claim) => replies.text('fu_claims_check', { check: c.check });
  let variants: TextBlock[][];
  if (claims.length === 1) {
    const c = claims[0]!;
    variants = [
      [...para(c.answer), ...para(c.real), ...para(checkOf(c)), ...para(debt)],
      [...para(c.answer), ...para(checkOf(c)), ...para(debt)],
      [...para(c.answer), ...para(debt)],
    ];
  } else {
    // The claim the user asked about answers first; otherwise one sentence on all of them.
    const lead = asked.size ? claims[0]!.answer : overall(claims, replies.text.bind(replies));
    const listed = asked.size ? claims.slice(1) : claims;
    const item = (c: Claim) => replies.text('fu_claims_item', { name: c.name, answer: c.answer });
    const more = (shown: number) =>
      listed.length > shown ? replies.text('fu_claims_more', { names: listed.slice(shown).map((c) => `「${c.name}」`).join('、') }) : '';
    // How to check: the claims that may be true or need verifying first, else the first claim.
    const checks = (shown: Claim[]) => {
      const toCheck = shown.filter((c) => c.verdict === 'verify' || c.verdict === 'maybe');
      return (toCheck.length ? toCheck : shown.slice(0, 1)).map(checkOf);
    };
    variants = [];
    // The claim asked about is answered with how to check it ("这律所是真的不 我咋查"), before the others are listed.
    const askedCheck = asked.size ? para(checkOf(claims[0]!)) : [];
    for (let shown = Math.min(SHOWN, listed.length); shown >= 0; shown--) {
      if (shown === 0 && !asked.size) break;
      const items = listed.slice(0, shown);
      const all = asked.size ? [] : checks(items);
      const heading = asked.size && shown > 0 ? para(replies.text('fu_claims_also')) : [];
      for (let n = all.length; n >= 0; n--) {
        variants.push([...para(lead), ...askedCheck, ...heading, ...list(items.map(item)), ...all.slice(0, n).flatMap(para), ...para(more(shown)), ...para(debt)]);
      }
    }
  }
  reply.blocks = fitted(variants);
  const shownClaims = claims.filter((c) => reply.blocks.some((b) => (b.items ?? [b.text]).some((t) => t.includes(c.answer))));
  reply.citations = citationsAt(shownClaims.flatMap((c) => c.cites), deps.knowledge, at);
  if (reply.citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
  return reply;
}

/** The first sentence when several claims are checked: all false, all doubtful, all possibly true, or mixed. */
function overall(claims: Claim[], text: (key: string, vars?: Record<string, string | number>) => string): string {
  if (claims.every((c) => c.verdict === 'false')) return text('fu_claims_all_false', { n: claims.length });
  if (claims.every((c) => DOUBTFUL.has(c.verdict))) return text('fu_claims_doubtful');
  if (claims.every((c) => POSSIBLY_TRUE.has(c.verdict))) return text('fu_claims_maybe');
  return text('fu_claims_mixed');
}
