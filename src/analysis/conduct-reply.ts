/**
 * The reply to conduct the user described. The first sentence says what the conduct is and what it may amount
 * to ("在门上、墙上喷漆写字：可能构成寻衅滋事（任意损毁公私财物）…"), then the provisions with their conditions, as in
 * force when it happened, then what to do (报警, photos, keep the paper, neighbours as witnesses), the reminder that
 * the debt is still owed, and a "保存为证据记录" button the conversation wires to keep the account as a note.
 */
import { emptyReply, type OutboundReply, type TextBlock } from '../message';
import { resolveInForce, type Knowledge } from '../knowledge/knowledge';
import type { Replies } from '../replies';
import { fitted, list, para } from '../screen-fit';
import { citationsFor } from './analysis-reply';
import type { ConductAnalysis, ConductActHit } from './described-conduct';
import { isCited, type Analysis, type CategoryId, type ProvisionRef } from './findings';
import type { AnalysisKit } from './kit';

/** The button that keeps the description as an evidence note (the conversation handles it). */
export const NOTE_BUTTON_ID = 'note:save';
const MAX_BUTTONS = 3;

/** Builds the reply for described conduct; `at` is when the user wrote it (the conduct's own date wins when known). */
export function renderConduct(
  analysis: Analysis,
  at: Date,
  deps: { knowledge: Knowledge; analysis: AnalysisKit; replies: Replies },
): OutboundReply {
  const { replies, analysis: kit } = deps;
  const conduct = analysis as Partial<ConductAnalysis>;
  const acts = conduct.acts ?? [];
  const when = conduct.occurredAt ?? at;
  const reply = emptyReply('analysis');
  reply.categories = analysis.categories;
  if (analysis.findings.length === 0) {
    reply.blocks = para(replies.text('conduct_nothing'));
    return reply;
  }

  const covered = new Set<CategoryId>(acts.map((h) => h.act.category));
  const others = analysis.categories.filter((c) => !covered.has(c));
  const labels = (cats: CategoryId[]) => [...new Set(cats.map((c) => kit.categoryLabel(c)))].join('、');
  const unique = (xs: string[]) => [...new Set(xs)];
  let lead: string;
  let also = '';
  if (acts.length) {
    // An act only threatened ("说要把你欠钱的事告诉所有好友") is named as the threat it is.
    const label = (h: ConductActHit) => (h.said && h.act.said_label) || h.act.label;
    const charge = (h: ConductActHit) => (h.said && h.act.said_charge) || h.act.charge;
    lead = replies.text('conduct_is', { acts: unique(acts.map(label)).join('，'), charges: unique(acts.map(charge)).join('；') });
    if (others.length) also = replies.text('conduct_also', { labels: labels(others) });
  } else {
    const onlySaid = (conduct.clauses ?? []).length > 0 && conduct.clauses!.every((c) => c.kind === 'said');
    const first = analysis.categories[0]!;
    lead = replies.text(onlySaid ? 'conduct_said' : 'conduct_category', { labels: labels(analysis.categories), explanation: kit.describe(first).explanation });
  }

  // Asked to pay a person ("扫个人微信收款码还钱"): not paying them comes first; what the conduct is follows.
  const pays = analysis.findings.some((f) => deps.knowledge.paymentWarningCues.some((c) => f.evidence.includes(c)));
  if (pays) lead = replies.text('conduct_payment_lead');
  const refs: ProvisionRef[] = [...inTurns(acts.map((h) => h.act.provisions)), ...analysis.findings.filter((f) => others.includes(f.category)).flatMap((f) => f.provisions)];
  const basis = basisList(refs, deps.knowledge, when);
  const steps = stepsOf(acts, analysis.categories, kit);
  const debt = replies.text('fu_debt_line');
  // Violence happening now: safety before anything else.
  const urgent = para(conduct.happeningNow ? replies.text(conduct.awayFromHome ? 'conduct_urgent_away' : 'conduct_urgent') : '');
  const basisLine = (n: number) => (n > 0 && basis.length ? replies.text('conduct_basis', { list: basis.slice(0, n).join('；') }) : '');
  const stepBlock = (n: number): TextBlock[] => (n > 0 && steps.length ? [{ style: 'heading', text: replies.text('conduct_steps_heading') }, ...list(steps.slice(0, n).map((s) => s.text))] : []);
  const variants: TextBlock[][] = [];
  for (const [b, s, withAlso] of [[3, 4, true], [3, 3, true], [2, 3, true], [2, 2, true], [1, 2, true], [1, 2, false], [0, 2, false], [0, 1, false]] as const) {
    variants.push([...urgent, ...para(lead), ...para(withAlso ? also : ''), ...para(basisLine(b)), ...stepBlock(s), ...para(debt)]);
  }
  reply.blocks = fitted(variants);
  reply.citations = citationsFor(analysis.findings, deps.knowledge, when);

  reply.buttons.push({ id: NOTE_BUTTON_ID, label: replies.text('conduct_note_button') });
  if (reply.citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
  const call = kit.nextSteps(analysis.categories).find((s) => s.id === 'call110');
  if (call && steps.some((s) => s.id === 'call110') && reply.buttons.length < MAX_BUTTONS) reply.buttons.push({ id: `s:${call.id}`, label: call.label });
  return reply;
}

/** Verbatim provisions (PARTIAL ones are not named as a basis) with their conditions, as in force on `at`. */
function basisList(refs: ProvisionRef[], k: Knowledge, at: Date): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of refs) {
    if (!isCited(p)) continue;
    const r = resolveInForce(k, p.law, p.article, at);
    if (!r || r.article.confidence === 'PARTIAL' || seen.has(r.article.id)) continue;
    seen.add(r.article.id);
    out.push(`《${r.article.law}》${r.article.article_cn}${p.item ? `（${p.item}）` : ''}`);
  }
  return out;
}

/** The lists taken in turns (each one's first, then each one's second …), so every act gets its most useful item. */
function inTurns<T>(lists: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}

/** What to do: the acts' own steps in turns, without repeats; else the analysis rules' next steps for the categories. */
function stepsOf(acts: ConductActHit[], categories: CategoryId[], kit: AnalysisKit): Array<{ id: string; text: string }> {
  const out: Array<{ id: string; text: string }> = [];
  for (const s of inTurns(acts.map((h) => h.steps))) if (!out.some((o) => o.id === s.id)) out.push(s);
  if (!out.length) return kit.nextSteps(categories).map((s) => ({ id: s.id, text: `${s.label}：${s.detail}` }));
  // A threat, violence or a false official is a police matter: calling 110 is among the first two steps.
  const call = categories.some((c) => POLICE_FIRST.has(c)) ? kit.nextSteps(categories).find((s) => s.id === 'call110') : undefined;
  if (call && !out.slice(0, 2).some((s) => s.id === call.id || /110/.test(s.text))) {
    const rest = out.filter((s) => s.id !== call.id);
    return [...rest.slice(0, 1), { id: call.id, text: `${call.label}：${call.detail}` }, ...rest.slice(1)];
  }
  return out;
}

/** Categories whose conduct is reported to the police first. */
const POLICE_FIRST: ReadonlySet<CategoryId> = new Set<CategoryId>(['threat', 'violence', 'impersonation']);
