/**
 * Focuses for follow-up tests, built the way the conversation builds them: from the real analyzer's output on a
 * collector's message (or the described-conduct pass on a user's account), with the citations of the reply.
 */
import { citationsFor } from '../../src/analysis/analysis-reply';
import { analysisFocus } from '../../src/conversation/collector-message';
import { verifyCitations } from '../../src/knowledge/citations';
import type { OutboundReply } from '../../src/message';
import { shownLength } from '../../src/screen-fit';
import type { AnalysisFocus } from '../../src/state/store';
import { testCore } from './core-deps';

/** The focus after the collector's `text`, sent at `sentAt` (ISO), was analysed. */
export function messageFocus(text: string, sentAt: string): AnalysisFocus {
  const core = testCore();
  const at = new Date(sentAt);
  const analysis = core.analysis.analyzer.analyze({ text, sentAt: at });
  const focus = analysisFocus(analysis, { at, source: 'message', excerpt: text });
  focus.citations = citationsFor(analysis.findings, core.knowledge, at).map((c) => ({ law: c.law, article: c.article }));
  return focus;
}

/** The focus after the user described conduct in `text` at `writtenAt` (ISO). */
export function conductFocus(text: string, writtenAt: string): AnalysisFocus {
  const core = testCore();
  const at = new Date(writtenAt);
  const analysis = core.analysis.assessConduct(text, at);
  const reply = core.analysis.renderConduct!(analysis, at);
  const focus = analysisFocus(analysis, { at: analysis.occurredAt, source: 'conduct', excerpt: text });
  focus.citations = reply.citations.map((c) => ({ law: c.law, article: c.article }));
  return focus;
}

/** Everything the reply shows, as one string. */
export function textOf(reply: OutboundReply): string {
  return reply.blocks.map((b) => (b.style === 'list' ? (b.items ?? []).join('\n') : b.text)).join('\n');
}

/** The reply's first sentence (up to the first 。, ；or ：after the verdict word). */
export function firstSentence(reply: OutboundReply): string {
  const first = reply.blocks[0]?.text ?? reply.blocks[0]?.items?.[0] ?? '';
  return first.split(/(?<=[。！？])/)[0] ?? '';
}

/**
 * Shape checks every follow-up reply must pass: first screen ≤ 350 characters, at most three buttons, "查看法条"
 * exactly when there are citations, every citation held in knowledge/ for `at`, and no article named in the text
 * that the knowledge base does not hold.
 */
export function expectWellFormed(reply: OutboundReply, at: Date): void {
  const core = testCore();
  expect(shownLength(reply.blocks)).toBeLessThanOrEqual(350);
  expect(reply.buttons.length).toBeLessThanOrEqual(3);
  expect(reply.buttons.some((b) => b.id === 'law')).toBe(reply.citations.length > 0);
  const checked = verifyCitations(textOf(reply), core.knowledge, at);
  expect(checked.removed).toEqual([]);
  for (const c of reply.citations) expect(core.knowledge.laws.get(c.law)?.some((v) => v.articles.has(c.article))).toBe(true);
}
