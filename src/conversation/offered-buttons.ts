/**
 * A button is valid only for the reply that offered it. A press (a channel's callback id, a label, or a number
 * typed as text) is resolved against the last reply's buttons; anything else gets "那个按钮已过期" and the
 * options that are valid now, never an analysis of "1".
 */
import { emptyReply, type Button, type OutboundReply } from '../message';
import type { UserState } from '../state/store';
import type { TurnContext } from './turn-context';

/** Chinese ordinals a user may type for a button ("第一个", "选2"). */
const ORDINALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The 1-based number a short text presses ("1", "２", "第一个", "选2"), if it is only that. */
export function typedNumber(text: string): number | undefined {
  const t = text.normalize('NFKC').trim().replace(/[。.！!~～\s]/g, '');
  const m = /^(?:选|按|点)?(?:第)?([1-9]|[一二两三四五六七八九])(?:个|项|号)?$/.exec(t);
  if (!m) return undefined;
  const d = m[1]!;
  return /[1-9]/.test(d) ? Number(d) : ORDINALS[d];
}

/** The offered button a press means: by id, by label, or by its 1-based number. */
export function resolvePress(value: string, state: UserState | null): Button | undefined {
  const offered = state?.offered?.buttons ?? [];
  const v = value.trim();
  const byId = offered.find((b) => b.id === v) ?? offered.find((b) => b.label === v);
  if (byId) return byId;
  const n = typedNumber(v);
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
