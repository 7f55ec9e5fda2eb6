/**
 * A collector's message (forwarded, pasted and confirmed, or read from a confirmed screenshot): analyse it, keep
 * it as evidence when something is wrong, make it the focus of the conversation, and explain what to do.
 */
import type { OutboundReply } from '../message';
import { renderAnalysis } from '../analysis/analysis-reply';
import type { Analysis, CategoryId } from '../analysis/findings';
import type { AnalysisKit } from '../analysis/kit';
import type { Bubble } from '../analysis/merge-analyses';
import { analyzeCollectorText } from '../analysis/second-opinion';
import type { AnalysisFocus, EvidenceItem } from '../state/store';
import { buildEvidence } from './evidence';
import type { TurnContext } from './turn-context';
import { screenText } from '../answers/first-screen';
import { errorSummary } from '../error-summary';
import { notKeptReplyKey } from './evidence';

export interface CollectorMessage {
  text: string;
  sentAt: Date | null;
  receivedAt: Date;
  kind: 'message' | 'screenshot';
  imageSha256?: string;
  from?: string;
  /** A screenshot's bubbles with their own send times, when OCR read them. */
  bubbles?: Bubble[];
  /** The text was typed by the user to correct what OCR read. */
  corrected?: boolean;
  /** Words the user reports a collector said, not yet confirmed verbatim: analysed, never kept. */
  reported?: boolean;
}

/** Characters of the collector's text kept in the focus, for follow-ups about its claims. */
const EXCERPT_CHARS = 200;
/** Characters of each finding's triggering words kept in the focus. */
const EVIDENCE_CHARS = 60;

/** Analyses a collector's message, saves it as evidence when something is wrong, and explains what to do. */
export async function analyzeMessage(m: CollectorMessage, turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  const { text, sentAt, receivedAt } = m;
  const analysis = await analyzeCollectorText(deps.analysis, text, sentAt, m.bubbles);
  const view = renderAnalysis(analysis, sentAt ?? receivedAt, deps, text);
  const reply = view.reply;
  let evidenceId: string | undefined;
  if (!analysis.lawful && !m.reported) {
    const item = buildEvidence({ kind: m.kind, text, receivedAt, sentAt, categories: analysis.categories, imageSha256: m.imageSha256, from: m.from, corrected: m.corrected });
    evidenceId = await keepEvidence(item, reply, turn);
  }
  const focus = analysisFocus(analysis, { at: sentAt ?? receivedAt, source: m.kind, excerpt: text, evidenceId });
  focus.citations = view.citations.map((c) => ({ law: c.law, article: c.article }));
  leadWithClaim(reply, focus, turn);
  turn.remember(m.kind === 'message' ? text : '[screenshot]', (s) => {
    s.pending = undefined;
    s.focus = { kind: 'analysis', analysis: focus };
    s.lastCitations = view.citations.map((c) => ({ law: c.law, article: c.article, at: (sentAt ?? receivedAt).toISOString() }));
  });
  return reply;
}

/** The focus a follow-up resolves against: the findings, their words, and the start of the text. */
export function analysisFocus(
  analysis: Analysis,
  o: { at: Date; source: AnalysisFocus['source']; excerpt: string; evidenceId?: string },
): AnalysisFocus {
  return {
    at: o.at.toISOString(),
    source: o.source,
    lawful: analysis.lawful,
    categories: analysis.categories,
    findings: analysis.findings.map((f) => ({ category: f.category, evidence: f.evidence.slice(0, EVIDENCE_CHARS) })),
    citations: [],
    excerpt: o.excerpt.slice(0, EXCERPT_CHARS),
    ...(o.evidenceId ? { evidenceId: o.evidenceId } : {}),
  };
}

/** The analysis a focus was made from, rebuilt from its categories and words (for the detail behind a button). */
export function analysisOfFocus(focus: AnalysisFocus, kit: AnalysisKit): Analysis {
  const findings = focus.findings.map((f) => ({ category: f.category as CategoryId, evidence: f.evidence, ...kit.describe(f.category as CategoryId) }));
  return { findings, categories: focus.categories as CategoryId[], lawful: focus.lawful, looksLikeCollectorMessage: true };
}

/** Verdicts of a claim worth answering on the first screen: it is false, or probably false and to be checked. */
const DEBUNKED = new Set(['false', 'verify']);

/**
 * A message that frightens with a false consequence or a fake authority ("冻结你名下所有银行卡", "已立案") gets
 * that claim answered right under the verdict ("不是真的：冻结只能由法院…"), in place of the generic line for
 * deception or impersonation: the frightened reader's first question is "is it true?".
 */
function leadWithClaim(reply: OutboundReply, focus: AnalysisFocus, turn: TurnContext): void {
  const line = claimLine(focus, turn);
  if (!line) return;
  const { categoryLabel } = turn.deps.analysis;
  const generic = [categoryLabel('deception'), categoryLabel('impersonation')];
  for (const b of reply.blocks) if (b.style === 'list' && b.items) b.items = b.items.filter((i) => !generic.some((g) => i.startsWith(g)));
  reply.blocks = reply.blocks.filter((b) => b.style !== 'list' || (b.items?.length ?? 0) > 0);
  const at = reply.blocks.length ? 1 : 0;
  reply.blocks.splice(at, 0, { style: 'paragraph', text: line });
  // The first screen keeps its budget: findings beyond one go first (the verdict line still names every category;
  // the detail sits behind the buttons), then the further claims one by one, the last finding before the last claim.
  const fits = () => visibleChars(reply) <= FIRST_SCREEN_CHARS;
  const keepFindings = (keep: number) => {
    for (const b of reply.blocks) if (b.style === 'list' && b.items && b.items.length > keep) b.items = b.items.slice(0, keep);
    reply.blocks = reply.blocks.filter((b) => b.style !== 'list' || (b.items?.length ?? 0) > 0);
  };
  if (!fits()) keepFindings(1);
  for (let also = MORE_CLAIMS - 1; also >= 0 && !fits(); also--) {
    if (also === 0) keepFindings(0);
    if (fits()) break;
    reply.blocks[at] = { style: 'paragraph', text: claimLine(focus, turn, undefined, also) ?? line };
  }
}

/** The first screen's budget in characters (spaces aside), notices included. */
const FIRST_SCREEN_CHARS = 350;

/** Characters a reader sees: the blocks as rendered, and the notices, without spaces. */
function visibleChars(reply: OutboundReply): number {
  return [screenText(reply.blocks), ...reply.notices.map((n) => n.text)].join('').replace(/\s/g, '').length;
}

/** False claims answered on the first screen after the first one ("也不是真的：…"), at most. */
const MORE_CLAIMS = 2;

/**
 * The answer to the most serious false claim of a message that frightens with a false consequence or a fake
 * authority ("「冻结你的银行卡、账户」不是真的：…"), with what is real; the claim `question` names comes first. Up to
 * `more` further false claims of the same message follow, one short line each ("「影响子女考公、上学」不是真的：…"):
 * a frightened reader wants each threat answered, not only the first.
 */
export function claimLine(focus: AnalysisFocus, turn: TurnContext, question?: string, more = MORE_CLAIMS): string | undefined {
  const cats = new Set(focus.categories);
  // A message that neither deceives nor impersonates still gets its false claim answered when the claim is written for
  // the kind of message it is (claims.yaml `when.any`): a spouse told "作为配偶您有义务共同偿还" is a third party told
  // they owe, whether or not the analyzer called it deception.
  const fooling = cats.has('deception') || cats.has('impersonation');
  const all = (turn.deps.followUps?.claims?.(focus, question) ?? []).filter((c) => fooling || c.ofKind);
  const claims = all.filter((c) => DEBUNKED.has(c.verdict));
  const claim = claims[0];
  if (!claim) return undefined;
  const { replies } = turn.deps;
  // A claim to verify (a court case, a lawyer's letter) is followed by how to check it; a false one by what is real.
  const line =
    claim.verdict === 'verify'
      ? replies.text('claim_line_verify', { name: claim.name, answer: claim.answer, check: claim.check })
      : replies.text('claim_line', { name: claim.name, answer: claim.answer, real: claim.real });
  // Further false claims, and what the message threatens to do that the data marks for the first screen ("去你单位找你领导").
  const also = all.filter((c) => c !== claim && (c.verdict === 'false' || c.onScreen)).slice(0, more);
  return [line, ...also.map((c) => replies.text('claim_line_also', { name: c.name, answer: c.answer }))].join('\n');
}

/**
 * Appends an evidence item and says so in the reply: saved (count 1), already kept (the same content again: not
 * stored twice), or not saved (store down). Returns the id the evidence is kept under, if any.
 */
export async function keepEvidence(item: EvidenceItem, reply: OutboundReply, turn: TurnContext): Promise<string | undefined> {
  const { deps } = turn;
  try {
    // Stores that predate content dedupe resolve with nothing: the item was stored as new.
    const result = await deps.store.appendEvidence(turn.key, item);
    if (result.queued) {
      // Not stored yet: the store keeps it in its retry queue and writes it when it is back.
      reply.notices.push({ kind: 'not_saved', text: deps.replies.text('evidence_not_saved') });
      return result.id;
    }
    if (result.duplicate) {
      reply.notices.push({ kind: 'saved', text: deps.replies.text('evidence_duplicate', { id: result.id, count: result.count }) });
      return result.id;
    }
    reply.evidenceSaved += 1;
    reply.notices.push({ kind: 'saved', text: deps.replies.text('evidence_kept', { id: result.id }) });
    return result.id;
  } catch (e) {
    // Refused (the per-user cap) or not queued: no retry was promised, so none is announced.
    turn.log.error({ err: errorSummary(e) }, 'evidence write failed');
    reply.notices.push({ kind: 'not_saved', text: deps.replies.text(notKeptReplyKey(e)) });
    return undefined;
  }
}
