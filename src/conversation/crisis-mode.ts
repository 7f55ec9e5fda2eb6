/**
 * Crisis mode. When a person says they want to die or hurt themselves, the reply is care and the crisis lines,
 * nothing about repayment. For the next turns (at least CRISIS_TURNS, or until they say they are safe) every
 * reply opens by asking whether they are safe and keeps 12356 / 110 / 120 visible, and despair gets warmth, not
 * a verdict. A plan, a place, a time or means at hand escalates to "call 120 / 110 now".
 */
import { emptyReply, type OutboundReply } from '../message';
import { fitted, trimmed } from '../screen-fit';
import type { CrisisMode, UserState } from '../state/store';
import type { CrisisSignal } from './understanding/types';
import type { TurnContext } from './turn-context';
import { asksOrWonders } from './understanding/question-form';
import { reportsDeathWish } from './reported-death-wish';

/** Replies after the signal that stay in crisis mode: at least three (issue 10); four, because people go on talking
 * without ever saying they are safe, and care should outlast that. */
export const CRISIS_TURNS = 4;

/** In crisis mode: a crisis was expressed and its turns of care are not over (an ended one stays, at 0 turns left). */
export function inCrisis(state: UserState | null): state is UserState & { crisis: CrisisMode } {
  return Boolean(state?.crisis && state.crisis.turnsLeft > 0);
}

/**
 * The reply to risk or acute risk; enters (or renews) crisis mode. Said again while already in crisis mode, risk
 * gets warmth and the question whether they are safe rather than the same first message.
 */
export function enterCrisis(signal: Extract<CrisisSignal, 'risk' | 'acute'>, userText: string, turn: TurnContext, already = false, mode?: CrisisMode): OutboundReply {
  const { deps } = turn;
  turn.log.warn({ level: signal }, 'crisis expressed');
  const r = emptyReply('crisis');
  const { crisis } = deps.knowledge;
  // An act already done (pills swallowed, a wrist cut): 120 now, what and how much, not the general script.
  const done = turn.crisisDone && deps.replies.has(`crisis_done_${turn.crisisDone}`) ? turn.crisisDone : undefined;
  const lead = done
    ? deps.replies.text(`crisis_done_${done}`)
    : signal === 'acute'
    ? deps.replies.text(acuteKey(turn, already, mode))
    : already && mode
    ? `${careOpener(turn, mode)}\n${distressBody(turn, mode)}`
    : crisis.message.trim();
  r.notices.push({ kind: 'crisis', text: lead });
  r.blocks.push({ style: 'paragraph', text: lead });
  const hurtNow = deps.cues.self_injury.some((w) => userText.includes(w));
  if (!done && (hurtNow || (already && (mode?.hurt || mode?.done)))) r.blocks.push({ style: 'paragraph', text: woundText(turn, mode) });
  r.blocks.push({ style: 'list', text: '', items: hotlineItems(turn) });
  const since = deps.now().toISOString();
  turn.remember(userText || null, (s) => {
    const level = signal === 'acute' || (inCrisis(s) && s.crisis.level === 'acute') ? 'acute' : 'risk';
    const hurt = hurtNow || (inCrisis(s) && s.crisis.hurt === true);
    const said = already ? (s.crisis?.said ?? 0) + 1 : 0;
    const doneBefore = inCrisis(s) ? s.crisis.done : undefined;
    const place = turn.crisisPlace || (inCrisis(s) && s.crisis.place === true);
    const doneNow = done ?? doneBefore;
    s.crisis = { level, since, turnsLeft: CRISIS_TURNS, ...(hurt ? { hurt } : {}), ...(said ? { said } : {}), ...(doneNow ? { done: doneNow } : {}), ...(place ? { place } : {}) };
    s.pending = undefined;
  });
  return r;
}

/**
 * The crisis reply `care` with the verdict of `answer` (the question the same turn asked, answered elsewhere) put
 * under its care and above the lines: "被起诉了是不是要坐牢 我不如死了算了" is met with care and still told it is a civil
 * case. The first screen keeps to its limit: the verdict's first sentence when the whole paragraph does not fit, and
 * the one-line footer of the lines when the list does not. The answer's buttons stay; its citations do not (the
 * verdict names none).
 */
export function withAnswerBeside(care: OutboundReply, answer: OutboundReply, turn: TurnContext): OutboundReply {
  const verdict = answer.blocks.find((b) => b.style === 'paragraph' && b.text.trim())?.text.trim();
  if (!verdict) return care;
  const sentence = /^[\s\S]*?[。！？]/.exec(verdict)?.[0] ?? verdict;
  const at = care.blocks.findIndex((b) => b.style === 'list');
  const before = at < 0 ? care.blocks : care.blocks.slice(0, at);
  const lines = at < 0 ? [] : care.blocks.slice(at);
  const footer = [{ style: 'paragraph' as const, text: turn.deps.replies.text('crisis_mode_footer') }];
  const para = (t: string) => [{ style: 'paragraph' as const, text: t }];
  care.blocks = fitted([
    [...before, ...para(verdict), ...lines],
    [...before, ...para(sentence), ...lines],
    [...before, ...para(sentence), ...footer],
  ]);
  care.buttons = answer.buttons;
  return care;
}

/**
 * The acute text: the first time `crisis_acute`; said again in crisis mode, never the same paragraph twice — a
 * dangerous place named now (after a plan, "我现在就在桥边上") gets the place-specific one (leave it, 110 with where),
 * acute again without a new place `crisis_acute_again`.
 */
function acuteKey(turn: TurnContext, already: boolean, mode?: CrisisMode): string {
  const { replies } = turn.deps;
  if (!already || !mode) return 'crisis_acute';
  if (turn.crisisPlace && replies.has('crisis_acute_place')) return 'crisis_acute_place';
  return mode.level === 'acute' && replies.has('crisis_acute_again') ? 'crisis_acute_again' : 'crisis_acute';
}

/**
 * A reply to something other than a typed turn (a forward, a command's words, a caption) that carried a wish to
 * die: the crisis lead and the lines come first, the reply follows, and crisis mode begins.
 */
export function withCrisisLead(reply: OutboundReply, signal: Extract<CrisisSignal, 'risk' | 'acute'>, turn: TurnContext): OutboundReply {
  const lead = enterCrisis(signal, '', turn);
  reply.blocks = [...lead.blocks, ...reply.blocks];
  reply.notices = [...lead.notices, ...reply.notices];
  reply.kind = 'crisis';
  return reply;
}

/** Despair while in crisis mode: warmth and the lines, no verdict. */
export function crisisDistress(userText: string, turn: TurnContext, mode?: CrisisMode): OutboundReply {
  const r = emptyReply('crisis');
  r.blocks.push({ style: 'paragraph', text: mode ? distressBody(turn, mode) : turn.deps.replies.text('crisis_distress_0') });
  woundCare(r, mode, turn);
  turn.remember(userText);
  return r;
}

/** After self-injury was said: the wound seen to, 120 when deep — kept in view while care goes on. */
function woundCare(r: OutboundReply, mode: CrisisMode | undefined, turn: TurnContext): void {
  if (mode?.hurt || mode?.done) r.blocks.push({ style: 'paragraph', text: woundText(turn, mode) });
}

/** What keeps the harm done in view: after pills or a cut, whether 120 was called (`crisis_done_<kind>_again`), else the wound seen to. */
function woundText(turn: TurnContext, mode: CrisisMode | undefined): string {
  const { replies } = turn.deps;
  const key = mode?.done ? `crisis_done_${mode.done}_again` : undefined;
  return key && replies.has(key) ? replies.text(key) : replies.text('crisis_wound_care');
}

/** Moods that say the person still hurts ("就是累 特别累", "憋屈得慌"): "没事" beside one is no reassurance. */
const HURTING: ReadonlySet<string> = new Set(['tired', 'aggrieved', 'sleepless', 'alone', 'self_blame']);

/**
 * "没事了" / "真的没事 别问了" in crisis mode: no word of safety said outright, so the mode goes on; the person is not
 * pressed again, and the lines stay in view.
 */
export function crisisUnsure(userText: string, turn: TurnContext, mode?: CrisisMode): OutboundReply {
  const r = emptyReply('crisis');
  // What they said met ("能跟你说说话就好一点"), or, with nothing to meet, not pressed.
  r.blocks.push({ style: 'paragraph', text: moodCare(turn) ?? turn.deps.replies.text('crisis_unsure') });
  woundCare(r, mode, turn);
  r.blocks.push({ style: 'paragraph', text: turn.deps.replies.text('crisis_mode_footer') });
  // "没事 就是累 特别累": the tiredness (a mood read) says they are not fine — care keeps opening the replies.
  const hurting = turn.crisisMood !== undefined && HURTING.has(turn.crisisMood);
  turn.remember(userText, (s) => {
    if (s.crisis && !hurting) s.crisis.unsure = true;
  });
  return r;
}

/** Help is on its way ("我打了120 他们在路上了"): they did right, how to wait; care goes on for at least one more turn. */
export function helpComing(userText: string, turn: TurnContext, mode?: CrisisMode): OutboundReply {
  return careGoesOn('crisis_help_coming', userText, turn, mode);
}

/** Someone close by but not yet with them ("老婆在隔壁房间"): go to that person now, hand over the means; care goes on. */
export function someoneNear(userText: string, turn: TurnContext, mode?: CrisisMode): OutboundReply {
  return careGoesOn('crisis_someone_near', userText, turn, mode);
}

/**
 * A reply of its own in crisis mode (prompts key `key`, the wound seen to when self-injury was said, the lines):
 * handled here, not wrapped again, and care goes on for at least one more turn.
 */
export function careGoesOn(key: string, userText: string, turn: TurnContext, mode?: CrisisMode): OutboundReply {
  const r = emptyReply('crisis');
  r.blocks.push({ style: 'paragraph', text: turn.deps.replies.text(key) });
  woundCare(r, mode, turn);
  r.blocks.push({ style: 'paragraph', text: turn.deps.replies.text('crisis_mode_footer') });
  return countedCare(r, userText, turn);
}

/**
 * After care has run its turns without the person ever saying they are safe, this long from the last signal a
 * turn that only says how they feel ("嗯", "随便吧", "我是不是很没用") is care again, never small talk or a legal text.
 */
export const AFTERCARE_MS = 24 * 3600_000;

/** Care has run its turns (the mode is kept with none left: safety was never said), and not long ago. */
export function inAftercare(state: UserState | null, now: Date): state is UserState & { crisis: CrisisMode } {
  return Boolean(state?.crisis && state.crisis.turnsLeft <= 0 && now.getTime() - Date.parse(state.crisis.since) < AFTERCARE_MS);
}

/** Moods (crisis.yaml `moods`) that only say how the person is: with no word of the debt, they ask for care, not an answer. */
const FEELINGS: ReadonlySet<string> = new Set(['silent', 'tired', 'aggrieved', 'shrug', 'push_away', 'alone', 'sleepless', 'self_blame', 'asks_line']);
/** A turn longer than this is read as more than a feeling (a question, a report, a paste). */
const FEELING_CHARS = 40;

/**
 * The mood of a turn that only says how the person is ("嗯", "好累", "我是不是很没用") or asks for the helpline ("那个电话
 * 是多少"), read as it would be in crisis mode; undefined when the turn names the debt or asks something else.
 * Self-blame may be put as a question ("我是不是很没用"): it is still a feeling, never a question about the law.
 */
export function feelingOf(text: string, at: Date, turn: TurnContext): string | undefined {
  const { deps } = turn;
  if ([...text].length > FEELING_CHARS || deps.cues.debt_words.some((w) => text.includes(w))) return undefined;
  // "他们骂我是垃圾 说我不配活在这世上": a collector's words reported, not self-blame.
  if (reportsDeathWish(text, deps.cues)) return undefined;
  const mood = deps.understander.understand(text, 'crisis', at).mood;
  if (mood === undefined || !FEELINGS.has(mood)) return undefined;
  return mood === 'self_blame' || mood === 'asks_line' || !asksOrWonders(text) ? mood : undefined;
}

/**
 * A turn that only says how the person is, soon after care ran its turns (inAftercare): care again, met to the mood,
 * or the helpline when that is what they ask; care goes on for one more turn.
 */
export function careAgain(userText: string, turn: TurnContext, mode: CrisisMode, mood: string): OutboundReply {
  if (mood === 'asks_line') return lineAsked(userText, turn, mode);
  turn.crisisMood = mood;
  const r = emptyReply('crisis');
  r.blocks.push({ style: 'paragraph', text: careOpener(turn, mode) });
  r.blocks.push({ style: 'paragraph', text: distressBody(turn, mode) });
  woundCare(r, mode, turn);
  r.blocks.push({ style: 'paragraph', text: turn.deps.replies.text('crisis_mode_footer') });
  return countedCare(r, userText, turn);
}

/**
 * "那个电话是多少" / "热线是多少" / "刚才那个号码" in crisis mode: the helpline just given, in the first sentence (with 110
 * and 120 for danger), then how to call it now; never a collection topic about phone calls.
 */
export function lineAsked(userText: string, turn: TurnContext, mode: CrisisMode): OutboundReply {
  const { replies, knowledge } = turn.deps;
  const line = knowledge.crisis.hotlines[0]!;
  const r = emptyReply('crisis');
  r.blocks.push({ style: 'paragraph', text: replies.text('crisis_line_asked', { number: line.number, name: line.name }) });
  woundCare(r, mode, turn);
  r.blocks.push({ style: 'paragraph', text: replies.text('crisis_line_dial') });
  return countedCare(r, userText, turn);
}

/**
 * "好吧 我打那个电话试试" / "我去打12356" (crisis.yaml mood `calls_line`), "打了 在排队" (`calling_line`, `calling`):
 * they are calling the helpline. Encouragement to call now and "I am here while you call"; after a dangerous place or a plan, leaving it
 * and 110 / 120 too. Never an answer about collectors' calls.
 */
export function callsLine(userText: string, turn: TurnContext, mode: CrisisMode, calling = false): OutboundReply {
  const { replies, knowledge } = turn.deps;
  const r = emptyReply('crisis');
  r.blocks.push({ style: 'paragraph', text: replies.text(calling ? 'crisis_calling_line' : 'crisis_calls_line', { number: knowledge.crisis.hotlines[0]!.number }) });
  const danger = mode.done ? undefined : mode.place && !turn.crisisLeftPlace ? 'crisis_calls_line_place' : mode.level === 'acute' ? 'crisis_calls_line_plan' : undefined;
  if (danger && replies.has(danger)) r.blocks.push({ style: 'paragraph', text: replies.text(danger) });
  woundCare(r, mode, turn);
  r.blocks.push({ style: 'list', text: '', items: hotlineItems(turn) });
  return countedCare(r, userText, turn);
}

/** A care reply of its own: not wrapped again, and care goes on for at least one more turn. */
function countedCare(r: OutboundReply, userText: string, turn: TurnContext): OutboundReply {
  turn.crisisHandled = true;
  turn.remember(userText, (s) => {
    if (!s.crisis) return;
    s.crisis.turnsLeft = Math.max(1, s.crisis.turnsLeft - 1);
    s.crisis.said = (s.crisis.said ?? 0) + 1;
  });
  return r;
}

/** Leaves crisis mode without a reply of its own: the person said they are safe and asked something else too. */
export function leaveCrisisQuietly(turn: TurnContext): void {
  turn.crisisHandled = true;
  turn.safeLead = true;
  turn.remember(null, (s) => {
    keepLineAfterSafe(s);
    s.crisis = undefined;
  });
}

/**
 * Safety said before care ran its turns ("药我给老公了 他在旁边 我安全了"): the replies left of those turns (this one
 * not counted) still end with one line giving 12356 (keptLine), without opening with care.
 */
function keepLineAfterSafe(s: UserState): void {
  const left = inCrisis(s) ? s.crisis.turnsLeft - 1 : 0;
  if (left > 0) s.lineKept = left;
  else delete s.lineKept;
}

/**
 * A reply given while the line is kept after safety was said (UserState.lineKept): an answer or an analysis ends with
 * one line giving 12356 (prompts crisis_safe_followup); every turn counts down, whatever its reply.
 */
export function keptLine(reply: OutboundReply, state: UserState | null, turn: TurnContext): void {
  if (!state?.lineKept || inCrisis(state)) return;
  if (!turn.crisisHandled && (reply.kind === 'answer' || reply.kind === 'analysis' || reply.kind === 'clarify')) {
    reply.blocks.push({ style: 'paragraph', text: turn.deps.replies.text('crisis_safe_followup') });
    reply.blocks = trimmed(reply.blocks);
  }
  turn.remember(null, (s) => {
    if (s.lineKept && s.lineKept > 1) s.lineKept -= 1;
    else delete s.lineKept;
  });
}

/** The user says they are safe (or, `key`, the person at risk was found): crisis mode ends, with care and the line for later. */
export function leaveCrisis(userText: string, turn: TurnContext, key = 'crisis_safe'): OutboundReply {
  const r = emptyReply('crisis');
  r.blocks.push({ style: 'paragraph', text: turn.deps.replies.text(key) });
  r.blocks.push({ style: 'paragraph', text: turn.deps.replies.text('crisis_safe_followup') });
  turn.remember(userText, (s) => {
    keepLineAfterSafe(s);
    s.crisis = undefined;
  });
  return r;
}

/**
 * Safe, but still hurting ("我现在在家 老婆在旁边 我不会做傻事的", "唔会做傻事 就系好攰"): heard as safe, with the
 * tiredness met. Care has run its course: the next turns are answered as usual, and a later "safe" or "help is
 * coming" is still heard (the mode is kept with no turns left).
 */
export function easeCrisis(userText: string, turn: TurnContext): OutboundReply {
  const r = emptyReply('crisis');
  r.blocks.push({ style: 'paragraph', text: turn.deps.replies.text('crisis_safe_tired') });
  r.blocks.push({ style: 'paragraph', text: turn.deps.replies.text('crisis_safe_followup') });
  turn.remember(userText, (s) => {
    keepLineAfterSafe(s);
    if (s.crisis) s.crisis.turnsLeft = 0;
  });
  return r;
}

/**
 * Wraps a reply given while in crisis mode: opens by asking whether the person is safe, ends with the lines, and
 * counts the turn. A reply that is itself a crisis reply only gets the count. A `forwarded` message's analysis stays
 * an analysis (its findings kept as evidence), given inside the care.
 */
export function withCrisisCare(reply: OutboundReply, mode: CrisisMode, turn: TurnContext, forwarded = false): OutboundReply {
  const { replies } = turn.deps;
  // "我没事" said, nothing more at stake in view (no plan, place, wound or pills): the answer leads, one check-in after it.
  const checkIn = mode.unsure && mode.level === 'risk' && !mode.place && !mode.hurt && !mode.done && !mode.others && replies.has('crisis_checkin_after_answer');
  if (checkIn && reply.kind !== 'crisis') {
    reply.blocks.push({ style: 'paragraph', text: replies.text('crisis_checkin_after_answer') });
    reply.blocks = trimmed(reply.blocks);
  } else if (reply.kind !== 'crisis' || !reply.blocks.some((b) => b.style === 'list')) {
    const opener = mode.others ? replies.text('crisis_others_opener') : mode.level === 'acute' && !turn.crisisEased ? replies.text('crisis_acute') : careOpener(turn, mode);
    reply.blocks.unshift({ style: 'paragraph', text: opener });
    if (mode.hurt || mode.done) reply.blocks.splice(1, 0, { style: 'paragraph', text: woundText(turn, mode) });
    reply.blocks.push({ style: 'paragraph', text: replies.text('crisis_mode_footer') });
    // Care comes first on the screen; the answer's further steps make room for it.
    reply.blocks = trimmed(reply.blocks);
  }
  if ((reply.kind === 'analysis' && !forwarded) || reply.kind === 'answer' || reply.kind === 'clarify') reply.kind = 'crisis';
  turn.remember(null, (s) => {
    if (!s.crisis) return;
    // Ended by the count, not by the person: kept (turnsLeft 0) so that a later "我现在安全了" is still heard.
    s.crisis.turnsLeft = Math.max(0, s.crisis.turnsLeft - 1);
    s.crisis.said = (s.crisis.said ?? 0) + 1;
  });
  return reply;
}

/**
 * The care that opens a reply in crisis mode, then "are you safe?": what the person just did met when a mood was
 * read (prompts `crisis_care_<mood>`: silence, pushing away, no sleep, no one to talk to …), otherwise words that
 * change with each care reply (`crisis_care_turn_<n>`), so nobody is sent the same paragraph twice in a row.
 */
export function careOpener(turn: TurnContext, mode: CrisisMode): string {
  // A dangerous place was named ("我现在在长江大桥上"): care asks whether they have left it, until they say so.
  if (mode.place && !turn.crisisLeftPlace && turn.deps.replies.has('crisis_care_place_0')) return turn.deps.replies.text(byTurn(turn, mode, 'crisis_care_place'));
  return moodCare(turn) ?? turn.deps.replies.text(byTurn(turn, mode, 'crisis_care_turn'));
}

/** They are back from the dangerous place ("我从桥上下来了"): care no longer asks whether they have left it. */
export function leftPlace(turn: TurnContext): void {
  turn.crisisLeftPlace = true;
  turn.remember(null, (s) => {
    if (s.crisis) delete s.crisis.place;
  });
}

/** The care text for the mood read in this turn (prompts `crisis_care_<mood>`), when there is one. */
function moodCare(turn: TurnContext): string | undefined {
  const { replies } = turn.deps;
  const mood = turn.crisisMood;
  return mood && replies.has(`crisis_care_${mood}`) ? replies.text(`crisis_care_${mood}`) : undefined;
}

/**
 * What care says after its opener, changing with each care reply (prompts `crisis_distress_<n>`); after a plan or
 * means at hand (level acute, nothing done yet) the means and 110/120 stay in it (`crisis_distress_acute_<n>`).
 */
function distressBody(turn: TurnContext, mode: CrisisMode): string {
  const acute = mode.level === 'acute' && !mode.done && (!turn.crisisEased || turn.crisisMeansOut) && turn.deps.replies.has('crisis_distress_acute_0');
  return turn.deps.replies.text(byTurn(turn, mode, acute ? 'crisis_distress_acute' : 'crisis_distress'));
}

/** `<prefix>_<n>` for the n-th care reply, cycling over the variants there are; `<prefix>_0` must exist. */
function byTurn(turn: TurnContext, mode: CrisisMode, prefix: string): string {
  const { replies } = turn.deps;
  let variants = 1;
  while (replies.has(`${prefix}_${variants}`)) variants++;
  return `${prefix}_${(mode.said ?? 0) % variants}`;
}

/** The crisis lines (knowledge/crisis.yaml) as list items. */
export function hotlineItems(turn: TurnContext): string[] {
  return turn.deps.knowledge.crisis.hotlines.map((h) => `${h.number} ${h.name}${h.note ? `：${h.note}` : ''}`);
}
