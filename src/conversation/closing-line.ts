/**
 * The line that closes a reply on unlawful collection with the debt ("提醒：催收方式违法，欠款本身仍然存在…") is said
 * in full once per dialogue. Said again, it is said in other words (prompts debt_again_*), so a conversation does
 * not end every turn with the same sentence — the debt is still named, never dropped: "this is unlawful" stays apart
 * from "you still owe it". The dialogue state keeps short fingerprints of the closings said.
 */
import { createHash } from 'node:crypto';
import type { OutboundReply } from '../message';
import type { UserState } from '../state/store';
import type { TurnContext } from './turn-context';

/** Fingerprints of closings kept in the dialogue state at most. */
const KEPT = 12;

/** Rewrites a repeated closing line of `reply` in place; records the closing said. */
export function varyClosing(reply: OutboundReply, state: UserState | null, turn: TurnContext): void {
  const { deps } = turn;
  const lines = deps.cues.closing_lines;
  if (!lines || reply.kind === 'crisis' || reply.kind === 'command' || reply.kind === 'error') return;
  const i = lastParagraph(reply);
  if (i < 0) return;
  const text = reply.blocks[i]!.text;
  const group = groupOf(text, lines, turn);
  if (!group) return;
  const said = state?.closingsSaid ?? [];
  let shown = text;
  if (said.includes(group.id)) {
    // The wording after the one said last, in turn.
    const variants = group.again.map((k) => deps.replies.text(k));
    const marks = variants.map(fingerprint);
    const lastSaid = [...said].reverse().find((m) => marks.includes(m));
    shown = variants[lastSaid ? (marks.indexOf(lastSaid) + 1) % variants.length : 0] ?? text;
    reply.blocks[i] = { ...reply.blocks[i]!, text: shown };
  }
  const marks = [group.id, fingerprint(shown)];
  turn.remember(null, (s) => {
    s.closingsSaid = [...(s.closingsSaid ?? []).filter((m) => !marks.includes(m)), ...marks].slice(-KEPT);
  });
}

/** The index of the reply's last block when it is a paragraph (a closing line), else -1. */
function lastParagraph(reply: OutboundReply): number {
  const i = reply.blocks.length - 1;
  return i >= 0 && reply.blocks[i]!.style === 'paragraph' ? i : -1;
}

interface Group {
  /** The fingerprint the group is remembered by. */
  id: string;
  /** Prompt keys of the other wordings. */
  again: readonly string[];
}

/**
 * The group a closing line belongs to: the generic line on unlawful collection, whichever module wrote it or its
 * other wordings; undefined for any other text. A guide's own debt line, or the lawful one, carries its own point
 * ("应诉…让法院按合法的本金和利息算清账", "保留书面记录") and is said as written.
 */
function groupOf(text: string, lines: NonNullable<TurnContext['deps']['cues']['closing_lines']>, turn: TurnContext): Group | undefined {
  const { replies } = turn.deps;
  const is = (keys: readonly string[]) => keys.some((k) => replies.has(k) && replies.text(k) === text);
  return is(lines.unlawful) || is(lines.again) ? { id: fingerprint(lines.unlawful.join()), again: lines.again } : undefined;
}

/** A short fingerprint of a text (the state keeps no reply text for this). */
function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}
