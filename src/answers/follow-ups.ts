/**
 * Follow-ups on the message (or described conduct) in focus, bound to their dependencies: "他们说的是真的吗",
 * "那我该怎么办", "第50条第二款呢", "这个能报警吗". The conversation calls these with its focus; each returns a short
 * reply whose first sentence answers the question, with citations for the day of the conduct.
 */
import type { OutboundReply } from '../message';
import { asksCallBack, callBack } from './call-back';
import { canReport, reportAnswers } from './can-report';
import { crimeAnswer } from './crime-answer';
import { explainProvision, type ProvisionRequest } from './explain-provision';
import { checkFollowUpReplies, type FollowUpDeps } from './follow-up-deps';
import type { FollowUpFocus } from './follow-up-focus';
import { claimsOf, namesClaimOf, verifyClaims } from './verify-claims';
import { whatToDo } from './what-to-do';

export interface FollowUpAnswers {
  /** `question`: the user's words, so the claim they ask about is answered first (optional). */
  verifyClaims(focus: FollowUpFocus, now: Date, question?: string): OutboundReply;
  whatToDo(focus: FollowUpFocus, now: Date, done?: readonly string[]): OutboundReply;
  explainProvision(mention: ProvisionRequest, focus: FollowUpFocus | undefined, now: Date): OutboundReply;
  canReport(focus: FollowUpFocus, now: Date): OutboundReply;
  /** "这算犯罪吗": which crime the conduct could be, and when. */
  crime(focus: FollowUpFocus, now: Date, question?: string): OutboundReply;
  /** "要不要打那个电话": whether to call the number the focus left; undefined when `question` asks nothing of it. */
  callBack(focus: FollowUpFocus, now: Date, question: string): OutboundReply | undefined;
  /** Whether `question` asks about a claim the focus makes ("会坐牢吗" after a message saying 拘传). */
  namesClaim(focus: FollowUpFocus, question: string): boolean;
  /** Whether some conduct of the focus can be reported to the police as described (report.yaml's verdicts). */
  reportable(focus: FollowUpFocus): boolean;
  /** The claims of the focus (most serious first; those `question` names first), for a first screen to lead with. */
  claims(focus: FollowUpFocus, question?: string): ClaimSummary[];
}

/** A claim as a first screen leads with it. */
export interface ClaimSummary {
  name: string;
  verdict: string;
  answer: string;
  real: string;
  check: string;
  /** Written for messages of some categories only (claims.yaml `when.any`), so found only in such a message. */
  ofKind: boolean;
  /** Told on an analysis's first screen beside the false claim, though not false itself (claims.yaml `on_screen`). */
  onScreen: boolean;
}

/** Binds the four follow-up answers to `deps`; throws PROMPTS_INVALID at boot when a reply they use is missing. */
export function createFollowUpAnswers(deps: FollowUpDeps): FollowUpAnswers {
  checkFollowUpReplies(deps.replies);
  return {
    verifyClaims: (focus, now, question) => verifyClaims(focus, deps, now, question),
    whatToDo: (focus, now, done) => whatToDo(focus, deps, now, done),
    explainProvision: (mention, focus, now) => explainProvision(mention, focus, deps, now),
    canReport: (focus, now) => canReport(focus, deps, now),
    crime: (focus, now, question) => crimeAnswer(focus, deps, now, question),
    callBack: (focus, now, question) => (asksCallBack(question, deps.data.callBack) ? callBack(focus, deps, now, question) : undefined),
    namesClaim: (focus, question) => namesClaimOf(focus, deps, question),
    reportable: (focus) => !focus.lawful && reportAnswers(focus, deps.data.report).some((a) => a.verdict === 'police'),
    claims: (focus, question) =>
      claimsOf(focus, deps, question).map((c) => ({ name: c.name, verdict: c.verdict, answer: c.answer, real: c.real, check: c.check, ofKind: c.when.any.length > 0, onScreen: c.on_screen })),
  };
}
