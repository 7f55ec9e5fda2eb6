/**
 * Fear said in the user's own words ("是真的吗 我好怕", "吓死了", "好慌"): whatever the reply answers, its first sentence
 * first meets the fear (issue 10), and with a threat, violence or an impersonated authority in focus the reply
 * names 110 for danger. Cue words in knowledge/conversation/cues.yaml `fear`, the words said in prompts.
 */
import type { OutboundReply } from '../message';
import type { UserState } from '../state/store';
import type { TurnContext } from './turn-context';

/** The first sentence of a paragraph: up to the first 。！？ or line break. */
function firstSentenceOf(text: string): string {
  return (/^[\s\S]*?[。！？!?\n]/u.exec(text.trim())?.[0] ?? text).trim();
}

/** Kinds of reply that answer the person; a command's output or an error is left as it is. */
const MET: ReadonlySet<OutboundReply['kind']> = new Set(['answer', 'analysis', 'crisis', 'clarify', 'confirmation', 'greeting']);

/**
 * Opens `reply` by meeting the fear `userText` says (prompts `fear_ack`, joined into the first sentence so that what
 * the sentence answers stays in it), unless its first sentence already speaks of fear; adds `fear_danger` (110) when
 * the message or conduct in focus threatens and the reply names no 110. A text with no fear words is left alone.
 */
export function meetFear(reply: OutboundReply, userText: string, state: UserState | null, turn: TurnContext): void {
  const fear = turn.deps.cues.fear;
  if (!fear || !MET.has(reply.kind) || !fear.words.some((w) => userText.includes(w))) return;
  const { replies } = turn.deps;
  const first = reply.blocks[0];
  const opening = first?.style === 'paragraph' ? firstSentenceOf(first.text) : '';
  if (!fear.acknowledged.some((w) => opening.includes(w))) {
    const ack = replies.text('fear_ack');
    if (first?.style === 'paragraph') reply.blocks[0] = { ...first, text: `${ack}${first.text}` };
    else reply.blocks.unshift({ style: 'paragraph', text: `${ack.replace(/[，,]$/u, '')}。` });
  }
  const danger = state?.focus?.analysis?.categories.some((c) => fear.danger.includes(c)) === true;
  const shown = reply.blocks.map((b) => [b.text, ...(b.items ?? [])].join(' ')).join(' ');
  if (danger && !/110/.test(shown)) {
    // After the answer, before the lines or a closing debt line: right under what it is about.
    reply.blocks.splice(Math.min(reply.blocks.length, 2), 0, { style: 'paragraph', text: replies.text('fear_danger') });
  }
}
