/**
 * /call: a quick call-log entry ("/call 13800001111 说今天不还就去我单位"). Kept as evidence with the time and
 * number; the day's count of logged calls feeds harassment_frequency (GB/T 45251-2025 suggests at most 3
 * effective calls a day — a standard, not law).
 */
import { errorSummary } from '../error-summary';
import type { OutboundReply } from '../message';
import type { TurnContext } from './turn-context';
import { buildEvidence } from './evidence';
import { analysisFocus } from './collector-message';
import { notKeptReplyKey } from './evidence';
import { renderAnalysis } from '../analysis/analysis-reply';
import { mergeAnalyses } from '../analysis/merge-analyses';
import { chinaDay } from '../knowledge/knowledge';
import { formatChinaTime } from '../china-time';


/** Effective calls a day above which contact counts as excessive (the national standard's figure). */
export const DAILY_CALL_LIMIT = 3;

/** Splits "/call" arguments into the caller's number (if it leads) and what was said. */
export function parseCallArgs(args: string): { from?: string; said: string } {
  const m = /^\s*(\+?[\d*][\d*\s-]{2,19}\d)(?:\s+|$)([\s\S]*)$/.exec(args);
  if (m) return { from: m[1]!.replace(/[\s-]/g, ''), said: m[2]!.trim() };
  return { said: args.trim() };
}

/** What the collector said in a call note: the text after the user's "(他)说" within its first 20 characters. */
export function collectorWords(note: string, prefixes: readonly string[]): string {
  let best: { at: number; len: number } | undefined;
  for (const p of prefixes) {
    const at = note.indexOf(p);
    if (at < 0 || at > 20) continue;
    if (!best || at < best.at || (at === best.at && p.length > best.len)) best = { at, len: p.length };
  }
  return best ? note.slice(best.at + best.len).replace(/^[：:，,\s]+/, '') : note;
}

/** Logs one call as evidence and tells the user the day's count and what, if anything, was unlawful. */
export async function logCall(args: string, at: Date, turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  const { from, said } = parseCallArgs(args);
  if (!from && !said) return turn.say('call_usage');
  let earlier = 0;
  try {
    const day = chinaDay(at);
    earlier = (await deps.store.listEvidence(turn.key)).filter((e) => e.kind === 'call' && chinaDay(new Date(e.sentAt ?? e.receivedAt)) === day)
      .reduce((n, e) => n + (e.count ?? 1), 0);
  } catch (e) {
    turn.log.warn({ err: errorSummary(e) }, 'call count unavailable');
  }
  const callsToday = earlier + 1;
  // "说今天不还就来我家" is the user reporting the collector: analyse the collector's words, not the report.
  const spoken = collectorWords(said, deps.knowledge.callSaidPrefixes);
  // The user's own account of the call ("凌晨1点打来 骂我是骗子") is judged as described conduct too.
  const analysis = mergeAnalyses([deps.analysis.analyzer.analyze({ text: spoken, sentAt: at, callsToday }), deps.analysis.assessConduct(said, at)]);
  const view = renderAnalysis(analysis, at, deps);
  const reply = view.reply;
  const item = buildEvidence({ kind: 'call', text: said, receivedAt: at, sentAt: at, from, categories: analysis.categories });
  try {
    const result = await deps.store.appendEvidence(turn.key, item);
    // Queued: not kept yet, but the store promised a retry (evidence_not_saved says so).
    if (result.queued) reply.notices.push({ kind: 'not_saved', text: deps.replies.text('evidence_not_saved') });
    else {
      if (!result.duplicate) reply.evidenceSaved += 1;
      reply.blocks.unshift({ style: 'paragraph', text: deps.replies.text('call_saved', { id: result.id, time: formatChinaTime(at), count: callsToday }) });
    }
  } catch (e) {
    turn.log.error({ err: errorSummary(e) }, 'call evidence write failed');
    reply.notices.push({ kind: 'not_saved', text: deps.replies.text(notKeptReplyKey(e)) });
  }
  if (callsToday > DAILY_CALL_LIMIT) reply.blocks.splice(1, 0, { style: 'warning', text: deps.replies.text('call_over_limit', { count: callsToday }) });
  const focus = analysisFocus(analysis, { at, source: 'call', excerpt: spoken, evidenceId: item.id });
  focus.citations = view.citations.map((c) => ({ law: c.law, article: c.article }));
  turn.remember(`/call ${said}`, (s) => {
    s.focus = { kind: 'analysis', analysis: focus };
    s.lastCitations = view.citations.map((c) => ({ law: c.law, article: c.article, at: at.toISOString() }));
  });
  return reply;
}
