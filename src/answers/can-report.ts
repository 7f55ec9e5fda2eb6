/**
 * "这个能报警吗 / 能投诉吗": for the message or conduct in focus, per category and condition
 * (knowledge/follow-ups/report.yaml): threats, violence, impersonation and disclosure can be reported to 110; an
 * insult depends on whether it was public or repeated; off-hours calls, frequency and contacting others are first
 * complained about; a lawful message is not a police matter. When the conduct is months old, the six-month limit
 * on public-security penalties is stated as the statute in force then words it, with how continuing conduct counts.
 */
import { emptyReply, type OutboundReply, type TextBlock } from '../message';
import { resolveInForce } from '../knowledge/knowledge';
import { citationsAt, provisionName } from './cite-refs';
import type { ReportCategory, ReportFile } from './follow-up-data';
import type { FollowUpDeps } from './follow-up-deps';
import { focusDate, focusWords, type FollowUpFocus } from './follow-up-focus';
import { fitted, para } from '../screen-fit';

const DAY_MS = 24 * 3600 * 1000;

export interface ReportAnswer {
  category: string;
  verdict: 'police' | 'complain';
  text: string;
  cites: ReportCategory['cites'];
}

/** The answer for each category of the focus, most serious first (report.yaml's order). */
export function reportAnswers(focus: FollowUpFocus, report: ReportFile): ReportAnswer[] {
  const words = focusWords(focus);
  const holdsOne = (condition: string) => (report.conditions[condition] ?? []).some((c) => words.includes(c));
  const holds = (condition: string) => condition === 'default' || condition.split('+').every(holdsOne);
  const out: ReportAnswer[] = [];
  for (const entry of report.categories) {
    if (!focus.categories.includes(entry.category)) continue;
    const branch = entry.when.find((w) => holds(w.condition));
    const verdict = branch?.verdict ?? entry.verdict;
    const text = branch?.text ?? entry.text;
    if (verdict && text) out.push({ category: entry.category, verdict, text, cites: entry.cites });
  }
  return out;
}

/** The verdict word a report answer opens with ("能：", "可以，"), dropped where the answer does not lead. */
const VERDICT_OPENER = /^(?:不?能|可以|不可以)[：:，,]\s*/;

/** Answers "can I report this to the police?" for the focus; `now` measures how old the conduct is. */
export function canReport(focus: FollowUpFocus, deps: FollowUpDeps, now: Date): OutboundReply {
  const { replies, knowledge: k } = deps;
  const report = deps.data.report;
  const at = focusDate(focus, now);
  const reply = emptyReply('answer');
  const answers = focus.lawful ? [] : reportAnswers(focus, report);
  if (answers.length === 0) {
    reply.blocks = [...para(report.lawful.text), ...para(report.lawful.instead), ...para(replies.text('fu_debt_line_lawful'))];
    return reply;
  }
  const named = answers.map((a) => ({ ...a, text: withProvision(a, deps, at) }));
  const main = named.find((a) => a.verdict === 'police') ?? named[0]!;
  const other = named.find((a) => a !== main && a.text !== main.text);
  const police = named.some((a) => a.verdict === 'police');
  const bring = police ? replies.text('fu_report_bring', { bring: report.bring }) : '';
  // The limit matters to a police report: said for police matters, and once it has passed for conduct that would be
  // one under some condition (a private insult of last May: a complaint now, and past the limit even if repeated).
  const line = timeLimitLine(at, now, deps);
  const policeIf = report.categories.some((c) => focus.categories.includes(c.category) && c.when.some((w) => w.verdict === 'police'));
  const limit = police || (policeIf && line?.passed) ? line : undefined;
  // "另外，曝光隐私：…": the other conduct's reason after its label, without its own verdict word ("能：", "可以：").
  const also = other ? replies.text('fu_report_also', { label: deps.categoryLabel(other.category), text: other.text.replace(VERDICT_OPENER, '') }) : '';
  const debt = replies.text('fu_debt_line');

  // Past the six months, the limit is the answer ("要看…"): it leads, and the verdict loses its "能：".
  const [first, second] = limit?.passed && police ? [limit.text, main.text.replace(VERDICT_OPENER, '')] : [main.text, limit?.text];
  const variants: TextBlock[][] = [
    [...para(first), ...para(second), ...para(bring), ...para(also), ...para(debt)],
    [...para(first), ...para(second), ...para(bring), ...para(debt)],
    [...para(first), ...para(second), ...para(debt)],
  ];
  reply.blocks = fitted(variants);
  const shownAlso = other && reply.blocks.some((b) => b.text === also);
  const refs = [...main.cites, ...(shownAlso ? other.cites : []), ...(limit ? [limit.cite] : [])];
  reply.citations = citationsAt(refs, k, at);
  if (reply.citations.length) reply.buttons.push({ id: 'law', label: replies.text('answer_law_button') });
  return reply;
}

/**
 * A report answer's text with its "{cite}" filled by the provision its first cite names as in force on `at` (the
 * 2012 law's number for conduct before 2026), so the reply names the provision the conduct falls under; without a
 * provision in force then, the bracketed mention is left out.
 */
function withProvision(answer: ReportAnswer, deps: FollowUpDeps, at: Date): string {
  if (!answer.text.includes('{cite}')) return answer.text;
  const ref = answer.cites[0];
  const hit = ref ? resolveInForce(deps.knowledge, ref.law, ref.article, at) : undefined;
  if (!hit) return answer.text.replace(/（[^（）]*\{cite\}[^（）]*）|\{cite\}/g, '');
  return answer.text.replace(/\{cite\}/g, provisionName(hit.article.law, hit.article.article_cn));
}

/**
 * The six-month limit (治安管理处罚法 2025 第二十五条; 第二十二条 for conduct before 2026), when the conduct is
 * older than report.yaml's warn_after_days: "act soon" before the limit, "passed, unless it continued" after it.
 */
function timeLimitLine(at: Date, now: Date, deps: FollowUpDeps): { text: string; passed: boolean; cite: { law: string; article: string } } | undefined {
  const { time_limit: t } = deps.data.report;
  const days = (now.getTime() - at.getTime()) / DAY_MS;
  if (days < t.warn_after_days) return undefined;
  const hit = resolveInForce(deps.knowledge, t.cite.law, t.cite.article, at);
  if (!hit) return undefined;
  const cite = provisionName(hit.article.law, hit.article.article_cn);
  const passed = days >= t.limit_days;
  // "约5个月" before the limit; past it, "6个多月" (never "约6个月，超过了六个月").
  const months = passed ? Math.floor(days / 30) : Math.max(1, Math.round(days / 30));
  const key = passed ? 'fu_report_limit_passed' : 'fu_report_limit_soon';
  return { text: deps.replies.text(key, { cite, months }), passed, cite: { law: hit.article.law, article: hit.article.article } };
}
