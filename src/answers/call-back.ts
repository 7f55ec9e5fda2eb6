/**
 * "要不要打那个李警官的电话" / "上面那个手机号我要不要打过去": whether to call the number or contact person the message
 * in focus gave. A message that impersonates an authority or invents consequences gets "don't call it" and the
 * official way to check for the kind of sender it claims to be (knowledge/follow-ups/call-back.yaml); a lawful one
 * gets "look the number up through official channels first". "要转吗" gets "don't pay as it asks" first, whatever the
 * message (a regulator's consumer tip and industry rules, not law: legal-facts-2 §9).
 */
import { emptyReply, type OutboundReply } from '../message';
import { citationsAt } from './cite-refs';
import type { CallBackFile } from './follow-up-data';
import type { FollowUpDeps } from './follow-up-deps';
import { focusDate, focusWords, type FollowUpFocus } from './follow-up-focus';
import { para } from '../screen-fit';

/** True when `question` asks about calling or contacting whoever the message in focus named, or paying them. */
export function asksCallBack(question: string, data: CallBackFile): boolean {
  const q = question.replace(/\s+/g, '');
  return data.cues.some((c) => asksOf(q, c, data.not_after)) || asksPay(q, data);
}

/** Whether `cue` occurs in `q` other than right after words that make it no call-back question ("还在打他电话", "别再联系他吗"). */
function asksOf(q: string, cue: string, notAfter: readonly string[]): boolean {
  for (let i = q.indexOf(cue); i >= 0; i = q.indexOf(cue, i + 1)) {
    const before = q.slice(0, i);
    if (!notAfter.some((w) => before.endsWith(w))) return true;
  }
  return false;
}

/** "要转吗" / "我要转吗" / "转不转": whether to pay as the message asks (answered "don't" first, whatever the message). */
function asksPay(question: string, data: CallBackFile): boolean {
  return data.lead_pay !== undefined && data.pay_cues.some((c) => question.includes(c));
}

/**
 * The answer to "should I call the number they left?" for the focus: the lead (don't, or look it up first), then
 * the official way to check for the sender the message claims to be. A doubtful message cites what it was judged
 * under (the impersonation provisions first), so "刚才那条法律" explains those.
 */
export function callBack(focus: FollowUpFocus, deps: FollowUpDeps, now: Date, question = ''): OutboundReply {
  const data = deps.data.callBack;
  const doubtful = !focus.lawful && focus.categories.some((c) => data.doubtful.includes(c));
  const words = focusWords(focus);
  const verify = data.verify.find((v) => v.cues.some((c) => words.includes(c)))?.text ?? data.other;
  const pays = asksPay(question.replace(/\s+/g, ''), data);
  const lead = pays ? data.lead_pay! : doubtful ? data.lead_doubtful : data.lead_lawful;
  const reply = emptyReply('answer');
  reply.blocks = [...para(lead), ...para(verify), ...para(deps.replies.text(focus.lawful ? 'fu_debt_line_lawful' : 'fu_debt_line'))];
  if (doubtful) {
    reply.citations = citationsAt(focus.citations, deps.knowledge, focusDate(focus, now));
    if (reply.citations.length) reply.buttons.push({ id: 'law', label: deps.replies.text('answer_law_button') });
  }
  return reply;
}
