/**
 * Turns an analysis of a collector's message into the reply: what is wrong (each finding with the words that
 * triggered it), the provisions in force on the day it was sent, what to do now, a firm reply the user can send
 * back — and, always, that unlawful collection does not cancel the debt.
 */
import { emptyReply, type Citation, type OutboundReply } from '../message';
import { toCitation } from '../knowledge/citations';
import type { Analysis, CategoryId, Finding, NextStep } from './findings';
import type { AnalysisKit } from './kit';
import { resolveArticle, type Knowledge } from '../knowledge/knowledge';
import type { Replies } from '../replies';

export interface AnalysisView {
  reply: OutboundReply;
  citations: Citation[];
  nextSteps: NextStep[];
  replyTemplate: string;
}

const STANDARD_CATEGORIES: ReadonlySet<CategoryId> = new Set(['off_hours', 'harassment_frequency']);

/** Resolves each finding's provisions for the send date (or `fallbackAt`), deduplicated across findings. */
export function citationsFor(findings: Finding[], k: Knowledge, at: Date): Citation[] {
  const out = new Map<string, Citation>();
  for (const f of findings) {
    for (const p of f.provisions) {
      const r = resolveArticle(k, p.law, p.article, at);
      if (r) out.set(r.article.id, toCitation(r.article));
    }
  }
  return [...out.values()];
}

/**
 * Up to three verbatim provisions behind a finding, each with the condition under which it applies as the
 * category data states it (刑法第二百九十三条之一 only "催收高利放贷等非法债务的"), so a basis never reads broader
 * than the law.
 */
function basisOf(f: Finding, k: Knowledge, at: Date): string[] {
  const out: string[] = [];
  for (const p of f.provisions) {
    const r = resolveArticle(k, p.law, p.article, at);
    if (!r || r.article.confidence === 'PARTIAL') continue;
    out.push(`《${r.article.law}》${r.article.article_cn}${p.item ? `（${p.item}）` : ''}`);
    if (out.length === 3) break;
  }
  return out;
}

/** Builds the analysis reply. `at` is when the message was sent, or when it was received if unknown. */
export function renderAnalysis(
  analysis: Analysis,
  at: Date,
  deps: { knowledge: Knowledge; analysis: AnalysisKit; replies: Replies },
  /** The message itself, to warn about requests for money outside official channels. */
  text = '',
): AnalysisView {
  const { replies, analysis: kit } = deps;
  const reply = emptyReply('analysis');
  reply.categories = analysis.categories;
  const citations = citationsFor(analysis.findings, deps.knowledge, at);
  const payWarning = deps.knowledge.paymentWarningCues.some((c) => text.includes(c));
  const nextSteps = kit.nextSteps(analysis.categories);
  if (payWarning && !nextSteps.some((s) => s.id === 'official-pay')) {
    nextSteps.splice(Math.min(1, nextSteps.length), 0, {
      id: 'official-pay',
      label: replies.text('step_official_pay_label'),
      detail: replies.text('step_official_pay_detail'),
    });
  }
  const replyTemplate = analysis.lawful ? '' : kit.replyTemplate(analysis.categories);

  if (analysis.lawful) {
    reply.blocks.push({ style: 'paragraph', text: replies.text('analysis_heading_lawful') });
    reply.blocks.push({ style: 'paragraph', text: replies.text('analysis_lawful_note') });
  } else {
    reply.blocks.push({ style: 'heading', text: replies.text('analysis_heading_unlawful', { count: analysis.findings.length }) });
    reply.blocks.push({
      style: 'list',
      text: '',
      items: analysis.findings.map((f) => {
        const laws = basisOf(f, deps.knowledge, at);
        const basis = laws.length ? `（${laws.join('、')}）` : '';
        return `【${kit.categoryLabel(f.category)}】「${f.evidence}」：${f.explanation}${basis}`;
      }),
    });
    if (analysis.categories.some((c) => STANDARD_CATEGORIES.has(c))) {
      reply.blocks.push({ style: 'paragraph', text: replies.text('analysis_standard_note') });
    }
  }
  if (payWarning) reply.blocks.push({ style: 'warning', text: replies.text('analysis_payment_warning') });
  if (nextSteps.length) {
    reply.blocks.push({ style: 'heading', text: replies.text('answer_steps') });
    reply.blocks.push({ style: 'list', text: '', items: nextSteps.map((s) => `${s.label}：${s.detail}`) });
  }
  if (replyTemplate) {
    reply.blocks.push({ style: 'heading', text: replies.text('analysis_reply_heading') });
    reply.blocks.push({ style: 'quote', text: replyTemplate });
  }
  reply.blocks.push({ style: 'paragraph', text: replies.text('analysis_debt_note') });
  reply.citations = citations;
  if (citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
  for (const s of nextSteps.slice(0, 3)) reply.buttons.push({ id: `s:${s.id}`, label: s.label });
  return { reply, citations, nextSteps, replyTemplate };
}
