/**
 * Someone else at risk: the user tells that a person close to them said they want to die ("我儿子发消息说要去死
 * 现在电话打不通"). The reply is what to do now — 110, and the nearest person sent to them — with the crisis lines in
 * view; the next turns stay urgent (crisis mode, marked `others`) until that person is found, then the care turns to
 * how to be with them. Nothing about the debt comes first.
 */
import { emptyReply, type OutboundReply } from '../message';
import { careGoesOn, CRISIS_TURNS, hotlineItems, leaveCrisis } from './crisis-mode';
import type { TurnContext } from './turn-context';

/** The first reply: act now. Enters crisis mode for the family. */
export function othersAtRisk(userText: string, turn: TurnContext): OutboundReply {
  turn.log.warn({ level: 'others' }, 'someone else at risk');
  turn.crisisHandled = true;
  const r = emptyReply('crisis');
  const text = turn.deps.replies.text('crisis_others');
  r.notices.push({ kind: 'crisis', text });
  r.blocks.push({ style: 'paragraph', text });
  r.blocks.push({ style: 'list', text: '', items: hotlineItems(turn) });
  const since = turn.deps.now().toISOString();
  turn.remember(userText, (s) => {
    s.crisis = { level: 'acute', since, turnsLeft: CRISIS_TURNS, others: true };
    s.pending = undefined;
  });
  return r;
}

/**
 * Asked how to help someone close who says they want to die, that person within reach ("我弟老说活着没意思 我该怎么劝
 * 他"): how to be with them, and when it is 110 / 120 now, with the lines. The one asking is not asked whether they
 * are safe, and no crisis mode begins: nothing says that person is out of reach.
 */
export function helpForOthers(userText: string, turn: TurnContext): OutboundReply {
  turn.log.info({ level: 'others_help' }, 'asked how to help someone at risk');
  turn.crisisHandled = true;
  const r = emptyReply('crisis');
  r.blocks.push({ style: 'paragraph', text: turn.deps.replies.text('crisis_others_help') });
  r.blocks.push({ style: 'list', text: '', items: hotlineItems(turn) });
  turn.remember(userText);
  return r;
}

/** Not found yet, and nothing asked: the steps again, briefly, with the lines. */
export function othersStillMissing(userText: string, turn: TurnContext): OutboundReply {
  return careGoesOn('crisis_others_again', userText, turn);
}

/** Found: how to be with them; the urgency ends. */
export function othersFound(userText: string, turn: TurnContext): OutboundReply {
  turn.crisisHandled = true;
  return leaveCrisis(userText, turn, 'crisis_others_found');
}
