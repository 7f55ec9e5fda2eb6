/**
 * When a user says they want to die or hurt themselves, the reply is care and the crisis lines — nothing about
 * repayment or complaints in that moment.
 */
import { emptyReply, type OutboundReply } from '../message';
import type { TurnDeps } from './deps';

/** The crisis reply, from knowledge/crisis.yaml. */
export function crisisReply(deps: Pick<TurnDeps, 'knowledge'>): OutboundReply {
  const r = emptyReply();
  const { crisis } = deps.knowledge;
  r.notices.push({ kind: 'crisis', text: crisis.message.trim() });
  r.blocks.push({ style: 'paragraph', text: crisis.message.trim() });
  r.blocks.push({
    style: 'list',
    text: '',
    items: crisis.hotlines.map((h) => `${h.number} ${h.name}${h.note ? `：${h.note}` : ''}`),
  });
  return r;
}
