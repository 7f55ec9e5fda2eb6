/**
 * "12333是打给谁的" / "12378管网贷吗" / "打12368有用吗": a question about one of the hotlines the bot names is
 * answered from knowledge/channels.yaml: who answers that number, what it handles and when to use it, with its
 * confidence label when it is not verified. Any other question passes on to the guides.
 */
import { emptyReply, type OutboundReply } from '../message';
import type { Knowledge } from '../knowledge/knowledge';
import type { Replies } from '../replies';

export const HOTLINE_REPLY_KEYS = ['hotline_answer', 'hotline_partial'] as const;

/** The reply for a question about one hotline's number (and that number), or undefined when the question is not one. */
export function hotlineAnswer(question: string, k: Knowledge, replies: Replies): { number: string; reply: OutboundReply } | undefined {
  if (!k.hotlineCues.some((c) => question.includes(c))) return undefined;
  // The five-digit service lines (123xx); everyone knows 110 and 120, and "打了110有用吗" asks about the report.
  const numbers = [...question.matchAll(/(?<!\d)\d{5}(?!\d)/g)].map((m) => m[0]);
  const named = k.channels.filter((c) => c.number && numbers.includes(c.number));
  if (named.length !== 1) return undefined;
  const ch = named[0]!;
  const number = ch.number!;
  const reply = emptyReply('answer');
  reply.blocks.push({
    style: 'paragraph',
    text: replies.text('hotline_answer', { number, name: ch.name, handles: ch.handles, when: ch.when_to_use ?? '' }),
  });
  if ((ch.confidence ?? '').startsWith('PARTIAL')) reply.blocks.push({ style: 'paragraph', text: replies.text('hotline_partial', { notes: ch.notes ?? '' }) });
  return { number, reply };
}
