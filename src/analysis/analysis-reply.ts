/**
 * Turns an analysis of a collector's message into the reply. The first screen (what a phone shows before any
 * button) is short: the verdict, each finding in one line with the words that triggered it and its main
 * provision in force on the day it was sent, the first two steps, and, always, that unlawful collection does not
 * cancel the debt. The full explanations, every step, the standards note and a firm reply to send back sit behind
 * buttons ("详细说明和全部步骤", "怎么回复对方"); the full law texts behind "查看法条".
 */
import { emptyReply, type Citation, type OutboundReply, type TextBlock } from '../message';
import { toCitation } from '../knowledge/citations';
import { isCited, type Analysis, type CategoryId, type Finding, type NextStep, type ProvisionRef } from './findings';
import type { AnalysisKit } from './kit';
import { lawfulNoteOf } from './lawful-notes';
import { chinaDay, notYetInForce, resolveInForce, type Knowledge } from '../knowledge/knowledge';
import type { Replies } from '../replies';
import { fitted, FIRST_SCREEN_MAX } from '../screen-fit';

export interface AnalysisView {
  /** The first screen. */
  reply: OutboundReply;
  /** Everything else: each finding explained with its provisions and conditions, every step, the standards note. */
  detail: OutboundReply;
  citations: Citation[];
  nextSteps: NextStep[];
  replyTemplate: string;
}

const STANDARD_CATEGORIES: ReadonlySet<CategoryId> = new Set(['off_hours', 'harassment_frequency']);

/**
 * The provisions the findings rest on, as in force on `at` (the send date, or when it was received): only those
 * whose condition the message shows, only texts in force that day, deduplicated across findings.
 */
export function citationsFor(findings: Finding[], k: Knowledge, at: Date): Citation[] {
  const out = new Map<string, Citation>();
  for (const f of findings) {
    for (const p of f.provisions) {
      if (!isCited(p)) continue;
      const r = resolveInForce(k, p.law, p.article, at);
      if (r) out.set(r.article.id, toCitation(r.article));
    }
  }
  return [...out.values()];
}

/** The part of `p` as the article actually cited reads it (an older article's own wording when it maps back). */
function itemFor(p: ProvisionRef, cited: string): string | null | undefined {
  return cited !== p.article && p.oldItem ? p.oldItem : p.item;
}

/** 《法名》第X条（part）as a basis line names a provision. */
function provisionName(law: string, articleCn: string, item?: string | null): string {
  return `《${law}》${articleCn}${item ? `（${item}）` : ''}`;
}

/**
 * Up to three verbatim provisions behind a finding, each with the part or condition under which it applies as the
 * category data states it, so a basis never reads broader than the law. Provisions whose condition the message
 * does not show are left for conditionalBasis.
 */
function basisOf(f: Finding, k: Knowledge, at: Date): string[] {
  const out: string[] = [];
  for (const p of f.provisions) {
    if (!isCited(p)) continue;
    const r = resolveInForce(k, p.law, p.article, at);
    if (!r || r.article.confidence === 'PARTIAL') continue;
    out.push(provisionName(r.article.law, r.article.article_cn, itemFor(p, r.article.article)));
    if (out.length === 3) break;
  }
  return out;
}

/**
 * "如果对方已经反复发送这类信息，还可能适用《治安管理处罚法》第五十条（第一款第（五）项…）": the provisions of a finding
 * whose condition the message does not show, grouped by condition, as in force on `at`.
 */
function conditionalBasis(f: Finding, k: Knowledge, at: Date, replies: Replies): string[] {
  const byCondition = new Map<string, string[]>();
  for (const p of f.provisions) {
    if (isCited(p) || !p.condition) continue;
    const r = resolveInForce(k, p.law, p.article, at);
    if (!r || r.article.confidence === 'PARTIAL') continue;
    const list = byCondition.get(p.condition) ?? [];
    list.push(provisionName(r.article.law, r.article.article_cn, itemFor(p, r.article.article)));
    byCondition.set(p.condition, list);
  }
  return [...byCondition].map(([condition, laws]) => replies.text('analysis_conditional_basis', { condition, laws: laws.join('、') }));
}

/**
 * For provisions the findings name that were not yet in force when the message was sent (民法典 for a 2020
 * message): one line saying so, grouped by law and in-force date, instead of citing them.
 */
function notYetLine(findings: Finding[], k: Knowledge, at: Date, replies: Replies): string | undefined {
  const groups = new Map<string, { law: string; from: string; articles: string[] }>();
  const refs: ProvisionRef[] = findings.flatMap((f) => f.provisions.filter(isCited));
  for (const p of refs) {
    const a = notYetInForce(k, p.law, p.article, at);
    if (!a) continue;
    const key = `${a.law}@${a.effectiveFrom}`;
    const g = groups.get(key) ?? { law: a.law, from: a.effectiveFrom, articles: [] };
    if (!g.articles.includes(a.article_cn)) g.articles.push(a.article_cn);
    groups.set(key, g);
  }
  if (!groups.size) return undefined;
  const list = [...groups.values()].map((g) => replies.text('analysis_not_yet_item', { law: g.law, articles: g.articles.join('、'), from: g.from })).join('；');
  return replies.text('analysis_not_yet_in_force', { list, day: chinaDay(at) });
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The six-month limit on public-security penalties (治安管理处罚法第二十五条, 旧法第二十二条 for conduct before 2026),
 * for conduct older than the data's warn_after_days whose categories a public-security penalty could follow; the
 * article as in force when the message was sent.
 */
function timeLimitLine(analysis: Analysis, at: Date, now: Date, deps: { knowledge: Knowledge; analysis: AnalysisKit; replies: Replies }): string | undefined {
  const t = deps.analysis.timeLimit;
  if (!t || !analysis.categories.some((c) => t.categories.includes(c))) return undefined;
  const days = (now.getTime() - at.getTime()) / DAY_MS;
  if (days < t.warn_after_days) return undefined;
  const hit = resolveInForce(deps.knowledge, t.law, t.article, at);
  if (!hit) return undefined;
  const months = Math.max(1, Math.round(days / 30));
  return deps.replies.text(days < t.limit_days ? 'analysis_time_limit_soon' : 'analysis_time_limit_passed', { cite: provisionName(hit.article.law, hit.article.article_cn), months });
}

/** Characters of a finding's triggering words shown on the first screen. */
const EVIDENCE_SHOWN = 18;
/** Steps named on the first screen. */
const FIRST_STEPS = 2;
/** Room kept on an unlawful message's first screen for the "已加密保存为证据，编号 …" line added after it. */
const EVIDENCE_LINE_ROOM = 50;

/**
 * Builds the analysis reply. `at` is when the message was sent, or when it was received if unknown; `now` is when
 * the user asks (for the six-month limit on reporting): pass the turn's clock (deps.now()); it defaults to the
 * system clock.
 */
export function renderAnalysis(
  analysis: Analysis,
  at: Date,
  deps: { knowledge: Knowledge; analysis: AnalysisKit; replies: Replies },
  /** The message itself, to warn about requests for money outside official channels. */
  text = '',
  now: Date = at,
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
  const replyTemplate = analysis.lawful ? '' : kit.replyTemplate(analysis.categories, analysis.conditions);
  const labels = [...new Set(analysis.findings.map((f) => kit.categoryLabel(f.category)))].join('、');
  const standardOnly = !analysis.lawful && analysis.categories.every((c) => STANDARD_CATEGORIES.has(c));

  // The first screen, fullest first: every finding with its words and main provision; then without the words; then
  // with the provision on the first two findings only. The first that fits is sent (room is left for the "saved as
  // evidence" line the conversation adds after an unlawful message).
  const screen = (shown: FindingsShown): TextBlock[] => {
    const blocks: TextBlock[] = [];
    if (analysis.lawful) {
      const note = lawfulNoteOf(text, kit.lawfulNotes ?? []);
      // Money asked into an account the message gives: never "a normal reminder" (the warning follows).
      blocks.push({ style: 'paragraph', text: replies.text(payWarning ? 'analysis_verdict_lawful_payment' : note?.verdict ?? 'analysis_verdict_lawful') });
      if (note || !payWarning) blocks.push({ style: 'paragraph', text: replies.text(note?.reply ?? 'analysis_lawful_short') });
    } else {
      blocks.push({ style: 'paragraph', text: replies.text(standardOnly ? 'analysis_verdict_standard_only' : 'analysis_verdict_unlawful', { labels }) });
      blocks.push({ style: 'list', text: '', items: firstScreenFindings(analysis.findings, deps, at, shown) });
    }
    if (payWarning) blocks.push({ style: 'warning', text: replies.text('analysis_payment_short') });
    // A fake court, police or lawyer wants money sent: that it should not be, whether or not the message names an account.
    else if (analysis.categories.includes('impersonation')) blocks.push({ style: 'warning', text: replies.text('analysis_impersonation_no_pay') });
    const first = nextSteps.slice(0, FIRST_STEPS).map((s, i) => `${'①②③'[i]}${s.label}`);
    if (first.length && !analysis.lawful) blocks.push({ style: 'paragraph', text: replies.text('analysis_first_steps', { steps: first.join('；') }) });
    blocks.push({ style: 'paragraph', text: replies.text(analysis.lawful ? 'analysis_debt_lawful' : 'analysis_debt_short') });
    return blocks;
  };
  const room = analysis.lawful ? FIRST_SCREEN_MAX : FIRST_SCREEN_MAX - EVIDENCE_LINE_ROOM;
  reply.blocks.push(...fitted([screen({ words: true, basisFor: Infinity }), screen({ words: false, basisFor: Infinity }), screen({ words: false, basisFor: 2 })], room));
  reply.citations = citations;
  if (citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
  if (replyTemplate) reply.buttons.push({ id: 'tpl', label: replies.text('analysis_button_reply') });
  if (nextSteps.length) reply.buttons.push({ id: 'steps', label: replies.text('analysis_button_steps') });

  return { reply, detail: renderDetail(analysis, at, now, deps, nextSteps, payWarning), citations, nextSteps, replyTemplate };
}

/** What each first-screen finding line shows: the triggering words, and the main provision for the first N lines. */
interface FindingsShown {
  words: boolean;
  basisFor: number;
}

/** One line per category on the first screen: its label, the words, what it means, and its main provision. */
function firstScreenFindings(
  findings: Finding[],
  deps: { knowledge: Knowledge; analysis: AnalysisKit; replies: Replies },
  at: Date,
  shown: FindingsShown = { words: true, basisFor: Infinity },
): string[] {
  const seen = new Set<CategoryId>();
  const out: string[] = [];
  for (const f of findings) {
    if (seen.has(f.category)) continue;
    seen.add(f.category);
    const time = f.category === 'off_hours' ? /\d{1,2}:\d{2}/.exec(f.evidence)?.[0] : undefined;
    const words = time ?? (f.evidence.length > EVIDENCE_SHOWN ? `${f.evidence.slice(0, EVIDENCE_SHOWN)}…` : f.evidence);
    // The main provision, with its part but without the part's gloss ("第（一）项：侵扰私人生活安宁" → "第（一）项").
    const basis = out.length < shown.basisFor ? basisOf(f, deps.knowledge, at)[0]?.replace(/：[^）]*）$/, '）') : undefined;
    const quoted = shown.words || time ? `「${words}」` : '';
    out.push(`${deps.analysis.categoryLabel(f.category)}${quoted}：${deps.replies.text(`finding_short_${f.category}`)}${basis ? `（${basis}）` : ''}`);
  }
  return out;
}

/** Behind "详细说明和全部步骤": each finding explained with up to three provisions, every step, the standards note. */
function renderDetail(
  analysis: Analysis,
  at: Date,
  now: Date,
  deps: { knowledge: Knowledge; analysis: AnalysisKit; replies: Replies },
  nextSteps: NextStep[],
  payWarning: boolean,
): OutboundReply {
  const { replies, analysis: kit } = deps;
  const r = emptyReply('answer');
  if (analysis.findings.length) {
    r.blocks.push({ style: 'heading', text: replies.text('analysis_detail_heading') });
    r.blocks.push({
      style: 'list',
      text: '',
      items: analysis.findings.map((f) => {
        const laws = basisOf(f, deps.knowledge, at);
        const ifs = conditionalBasis(f, deps.knowledge, at, replies);
        return `【${kit.categoryLabel(f.category)}】「${f.evidence}」：${f.explanation}${laws.length ? `（${laws.join('、')}）` : ''}${ifs.join('')}`;
      }),
    });
    const notYet = notYetLine(analysis.findings, deps.knowledge, at, replies);
    if (notYet) r.blocks.push({ style: 'paragraph', text: notYet });
    const limit = timeLimitLine(analysis, at, now, deps);
    if (limit) r.blocks.push({ style: 'paragraph', text: limit });
  } else {
    r.blocks.push({ style: 'paragraph', text: replies.text('analysis_lawful_note') });
  }
  if (analysis.categories.some((c) => STANDARD_CATEGORIES.has(c))) r.blocks.push({ style: 'paragraph', text: replies.text('analysis_standard_note') });
  if (payWarning) r.blocks.push({ style: 'warning', text: replies.text('analysis_payment_warning') });
  if (nextSteps.length) {
    r.blocks.push({ style: 'heading', text: replies.text('analysis_steps_heading') });
    r.blocks.push({ style: 'list', text: '', items: nextSteps.map((s) => `${s.label}：${s.detail}`) });
  }
  // A lawful message's details never call the collection unlawful.
  r.blocks.push({ style: 'paragraph', text: replies.text(analysis.lawful ? 'analysis_debt_note_lawful' : 'analysis_debt_note') });
  r.citations = citationsFor(analysis.findings, deps.knowledge, at);
  return r;
}
