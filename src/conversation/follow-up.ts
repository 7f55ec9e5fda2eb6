/**
 * Follow-ups resolved against the dialogue's focus: "他们说的是真的吗" checks the claims of the message in focus,
 * "那我该怎么办" gives the steps for its findings (or the last answer's topic), "刚才那条法律" / "第50条第二款呢"
 * explains the provision, "这个能报警吗" answers for the conduct in focus, "详细点" opens the rest of the answer.
 */
import type { OutboundReply } from '../message';
import type { UserState } from '../state/store';
import type { TurnUnderstanding } from './understanding/types';
import { answerQuestion } from './question';
import type { TurnContext } from './turn-context';

/** Answers a follow-up, or returns undefined when the focus holds nothing it can lean on. */
export async function answerFollowUp(text: string, u: TurnUnderstanding, state: UserState, turn: TurnContext): Promise<OutboundReply | undefined> {
  const { deps } = turn;
  const now = deps.now();
  const analysis = state.focus?.kind === 'analysis' ? state.focus.analysis : undefined;
  const f = deps.followUps;
  const kind = u.provision && u.followUp !== 'can_report' && u.followUp !== 'verify_claims' ? 'explain_provision' : u.followUp ?? 'generic';
  let reply: OutboundReply | undefined;
  if (f) {
    switch (kind) {
      case 'verify_claims':
        if (analysis) reply = f.verifyClaims(analysis, now, text);
        break;
      case 'what_to_do':
        if (analysis) reply = f.whatToDo(analysis, now);
        break;
      case 'explain_provision':
        if (u.provision) reply = f.explainProvision(u.provision, state.focus?.analysis, now);
        break;
      case 'can_report':
        if (analysis) reply = f.canReport(analysis, now);
        break;
      default:
        break;
    }
  }
  if (reply) {
    turn.remember(text, (s) => {
      if (reply!.citations.length) s.lastCitations = reply!.citations.map((c) => ({ law: c.law, article: c.article, at: now.toISOString() }));
    });
    return reply;
  }
  // A follow-up on an answer (or one the focus cannot settle) continues the last answer's topic.
  if (state.focus?.answer || state.lastTopic) return answerQuestion(text, u, turn, true);
  return undefined;
}
