/**
 * A collector's message (forwarded, pasted and confirmed, or read from a confirmed screenshot): analyse it, keep
 * it as evidence when something is wrong, and explain what to do.
 */
import type { OutboundReply } from '../message';
import { renderAnalysis } from '../analysis/analysis-reply';
import type { Bubble } from '../analysis/merge-analyses';
import { analyzeCollectorText } from '../analysis/second-opinion';
import { buildEvidence } from './evidence';
import type { TurnContext } from './turn-context';
import { errorSummary } from '../error-summary';

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
}

/** Analyses a collector's message, saves it as evidence when something is wrong, and explains what to do. */
export async function analyzeMessage(m: CollectorMessage, turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  const { text, sentAt, receivedAt } = m;
  const analysis = await analyzeCollectorText(deps.analysis, text, sentAt, m.bubbles);
  const view = renderAnalysis(analysis, sentAt ?? receivedAt, deps, text);
  const reply = view.reply;
  let evidenceId: string | undefined;
  if (!analysis.lawful) {
    const item = buildEvidence({ kind: m.kind, text, receivedAt, sentAt, categories: analysis.categories, imageSha256: m.imageSha256, from: m.from, corrected: m.corrected });
    try {
      await deps.store.appendEvidence(turn.key, item);
      evidenceId = item.id;
      reply.notices.push({ kind: 'saved', text: deps.replies.text('evidence_saved', { id: item.id }) });
    } catch (e) {
      turn.log.error({ err: errorSummary(e) }, 'evidence write failed');
      reply.notices.push({ kind: 'not_saved', text: deps.replies.text('evidence_not_saved') });
    }
  }
  await turn.remember(text, reply, (s) => {
    s.pending = undefined;
    s.lastAnalysis = {
      at: receivedAt.toISOString(),
      categories: analysis.categories,
      lawful: analysis.lawful,
      sentAt: sentAt ? sentAt.toISOString() : null,
      evidenceId,
    };
    s.lastCitations = view.citations.map((c) => ({ law: c.law, article: c.article, at: (sentAt ?? receivedAt).toISOString() }));
  });
  return reply;
}
