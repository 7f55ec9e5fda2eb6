/**
 * A button is valid only for the reply that offered it. A press (a channel's callback id, a label, or a number
 * typed as text) is resolved against the last reply's buttons; anything else gets "那个按钮已过期" and the
 * options that are valid now, never an analysis of "1".
 */
import { emptyReply, type Button, type OutboundReply } from '../message';
import type { UserState } from '../state/store';
import type { TurnContext } from './turn-context';
import type { ConversationCues } from '../knowledge/conversation-cues';

type NumberCues = ConversationCues['button_number'];

/** The 1-based number a short text presses ("1", "２", "第一个", "选2"; words from knowledge/conversation), if it is only that. */
export function typedNumber(text: string, cues: NumberCues): number | undefined {
  let t = text.normalize('NFKC').trim().replace(/[\p{P}\p{S}\s]/gu, '');
  const strip = (words: readonly string[], at: 'start' | 'end') => {
    const w = words.find((x) => (at === 'start' ? t.startsWith(x) : t.endsWith(x)) && t.length > x.length);
    if (w) t = at === 'start' ? t.slice(w.length) : t.slice(0, -w.length);
  };
  strip(cues.prefixes, 'start');
  strip([cues.ordinal_marker], 'start');
  strip(cues.suffixes, 'end');
  if (/^[1-9]$/.test(t)) return Number(t);
  return cues.ordinals[t];
}

/** The offered button a press means: by id, by label, or by its 1-based number. */
export function resolvePress(value: string, state: UserState | null, cues: NumberCues): Button | undefined {
  const offered = state?.offered?.buttons ?? [];
  const v = value.trim();
  const byId = offered.find((b) => b.id === v) ?? offered.find((b) => b.label === v);
  if (byId) return byId;
  const n = typedNumber(v, cues);
  return n !== undefined ? offered[n - 1] : undefined;
}

/** The reply to a stale or unknown press: it has expired, and here is what can be chosen now. */
export function expiredPress(state: UserState | null, turn: TurnContext): OutboundReply {
  const { replies } = turn.deps;
  const r = emptyReply('clarify');
  const current = state?.offered?.buttons ?? [];
  r.blocks.push({ style: 'paragraph', text: replies.text('button_expired') });
  if (current.length) {
    r.blocks.push({ style: 'paragraph', text: replies.text('button_expired_options') });
    r.blocks.push({ style: 'list', text: '', items: current.map((b, i) => `${i + 1}. ${b.label}`) });
    r.buttons.push(...current);
  } else {
    r.blocks.push({ style: 'paragraph', text: replies.text('button_expired_none') });
  }
  return r;
}
