/**
 * The user's own wish to hurt someone else ("他再打电话我就去他公司砍他"): calm and de-escalation — the anger is
 * understandable; acting on it makes the user the one committing a crime and erases no debt; step away, put the weapon
 * away, call someone, 110 if they might act. Never an analysis of the collectors' conduct, never an evidence offer.
 * A weapon at hand ("刀都买好了") escalates to "put it away and call 110 or someone you trust now". Said together with
 * a wish to die, both are met: the crisis reply, with these words in it.
 */
import { emptyReply, type OutboundReply } from '../message';
import { CRISIS_TURNS, enterCrisis, hotlineItems } from './crisis-mode';
import type { CrisisMode } from '../state/store';
import type { CrisisSignal } from './understanding/types';
import type { TurnContext } from './turn-context';

/**
 * Replies to a wish to hurt someone (`armed`: a weapon bought or on them). `selfSignal`, when risk or acute, is the
 * user's own wish to die said too: crisis mode begins (or goes on) and its reply carries the de-escalation.
 */
export function harmOthers(userText: string, armed: boolean, selfSignal: CrisisSignal, turn: TurnContext, already = false, mode?: CrisisMode, withSelf = false): OutboundReply {
  const { replies } = turn.deps;
  turn.log.warn({ level: armed ? 'harm_armed' : 'harm' }, 'wish to hurt someone else');
  turn.crisisHandled = true;
  const withCrisis = selfSignal === 'risk' || selfSignal === 'acute';
  // Beside the crisis message the calm is the shorter one: the first screen keeps the crisis lines in view.
  const calm = { style: 'paragraph' as const, text: replies.text(armed ? 'harm_others_armed' : withCrisis ? 'harm_others_with_self' : 'harm_others') };
  if (withCrisis) {
    const r = enterCrisis(selfSignal, userText, turn, already, mode);
    r.blocks.splice(1, 0, calm);
    return r;
  }
  const r = emptyReply('crisis');
  r.notices.push({ kind: 'crisis', text: calm.text });
  r.blocks.push(calm);
  r.blocks.push({ style: 'list', text: '', items: hotlineItems(turn) });
  turn.remember(userText, (s) => {
    s.pending = undefined;
    // "跟他们同归于尽": dying with them is said too — care goes on for the next turns ("说气话呢 就是憋屈得慌" is met,
    // with the lines), as after a wish to die.
    if (withSelf && !s.crisis) s.crisis = { level: 'risk', since: turn.deps.now().toISOString(), turnsLeft: CRISIS_TURNS };
  });
  return r;
}
