/**
 * A text the user typed or pasted, read inside its conversation. The steps, in order:
 * 1. crisis first: risk opens crisis mode; "I'm safe" closes it; despair in crisis mode gets warmth;
 * 2. a typed number or label presses a button of the last reply (or hears that it has expired);
 * 3. what the bot was waiting for: a screenshot correction, who wrote a pasted text, keeping a note;
 * 4. greetings and thanks;
 * 5. follow-ups, resolved against the focus;
 * 6. a collector's words: analysed and kept when the bot is sure, otherwise it asks;
 * 7. the user's own words: described conduct is assessed, fear gets care, questions get answers.
 * The user's own words are never stored as evidence.
 */
import { simplified } from '../analysis/normalize';
import type { ConductAnalysis } from '../analysis/described-conduct';
import { emptyReply, type OutboundReply } from '../message';
import type { TurnContext } from './turn-context';
import type { CrisisMode } from '../state/store';
import { dialogueContext } from './dialogue-context';
import { callsLine, careAgain, careGoesOn, crisisDistress, crisisUnsure, easeCrisis, enterCrisis, feelingOf, helpComing, inAftercare, inCrisis, leaveCrisis, leaveCrisisQuietly, leftPlace, lineAsked, someoneNear, withAnswerBeside } from './crisis-mode';
import { harmOthers } from './harm-others-turn';
import { askedBesideRisk, carriedQuestion, routesElsewhere, toldBesideRisk } from './crisis-question';
import { helpForOthers, othersAtRisk, othersFound, othersStillMissing } from './others-crisis';
import { typedNumber } from './offered-buttons';
import { pressButton } from './buttons';
import { askToDelete } from './commands';
import { analyzeScreenshotText, isCorrectionAwaited, isSurelyCorrection } from './screenshot';
import { askSpeaker, confirmSpeaker, offerSpeaker, typedSpeakerAnswer } from './speaker-check';
import { describeConduct, saveConductNote } from './conduct-note';
import { analysisInFocus, answerFollowUp, asksWhatNow, continuingConduct, crimeOfFocus, keptEvidence, partOfFocus, placedBeyond, recoverTaken, stepsAgainstFocus } from './follow-up';
import { analyzeMessage } from './collector-message';
import { pointedConduct } from './pointed-conduct';
import { aboutDataKind, aboutDataReply, asksAboutBot, asksBotWork, botCannotAct } from './bot-request';
import { answerOnLawfulNotice, fewContacts } from './lawful-notice';
import { consequenceOfNotActing } from './not-acting';
import { proofInFocus } from './proof-question';
import { privatePaymentTold } from './payment-channel';
import { answerQuestion, answerReply, moreOfAnswer, toldAgainstLastAnswer } from './question';
import { dropLoanQuestion, interestFor, loanAnswer, loanFollowUp, loanTurn, mergeLoanFacts, noteReceived, principalAnswer, principalOnlyAnswer, sameRuleForLender } from './loan-facts';
import { asksOrWonders, isQuestion } from './understanding/question-form';
import type { TurnUnderstanding } from './understanding/types';
import { FIRST_PERSON } from './understanding/speaker';
import { readBackReference } from './back-reference';
import { answerOnFact, noteFactsTold, rememberedLender } from './remembered-facts';
import { heldWithDate, noteLoanDate, rememberedDate } from './loan-date';
import { paidInterestAnswer } from './paid-interest';
import { savedAnswer } from './evidence-asked';

/** Below this confidence that a text is a collector's, the bot asks instead of analysing and storing it. */
export const SPEAKER_SURE = 0.8;
/** A quoted part this short (characters, spaces and punctuation aside) inside a question is a word quoted, not a message. */
const QUOTED_WORD_CHARS = 8;

/** In crisis mode these acts get an answer (wrapped in care); anything else gets care alone. */
const ANSWERABLE: ReadonlySet<TurnUnderstanding['act']> = new Set(['ask', 'describe', 'follow_up', 'loan_facts']);
/** What a report may ask and still be answered as conduct: is it unlawful, can it be reported, what to do. */
const CONDUCT_ASKS: ReadonlySet<string> = new Set(['judge', 'can_report', 'what_to_do', 'after_report']);
/** Someone addressed as 你 / 您: a collector's words to the user (or the user's to the bot). */
const ADDRESSED = /[你您]/;
/** Below this confidence that a text is the user's own, a text that is not a question is asked about too. */
export const USER_UNSURE = 0.6;

/** Handles one text turn (already checked by intake). */
export async function textTurn(text: string, receivedAt: Date, turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  const state = await turn.state();
  const now = deps.now();
  const cues = deps.cues;
  const context = dialogueContext(state, now);
  // "回到刚才说的，…", "不是，我是想问…", "刚才你说那个…", "那第二个呢": the pointers back resolved first (a number typed
  // while buttons are offered stays a press). The user's words are kept as they said them.
  const pressing = typedNumber(text, cues.button_number) !== undefined && (state?.offered?.buttons.length ?? 0) > 0;
  const back = pressing ? undefined : readBackReference(text, state, cues.memory?.back_reference);
  if (back) {
    turn.remember(text);
    text = back.text;
  }
  let u = deps.understander.understand(text, context, receivedAt);
  // About what the bot said, or a correction of how it read them: the user's own words, never a paste to analyse
  // (unless evidently pasted: a framed message is a collector's whatever it says).
  if (back?.own && u.speaker !== 'user' && !u.pastedEvidently) u = { ...u, speaker: 'user', speakerConfidence: 1, pastedEvidently: undefined, reported: undefined, quoted: undefined, ...(u.act === 'paste' || u.act === 'other' ? (u.asks ? { act: 'follow_up' as const, followUp: u.asks } : { act: 'ask' as const }) : {}) };
  // Returned to or corrected: asked anew, not as a follow-up on the reply just given (a provision named stays one).
  if (back?.fresh && u.act === 'follow_up' && !u.provision) u = { ...u, act: 'ask', followUp: undefined };
  if (u.speaker === 'user' && !u.pastedEvidently) {
    noteFactsTold(text, turn);
    noteLoanDate(text, u, turn);
    noteReceived(text, u, receivedAt, turn, state?.loan);
  }
  // The bot's own question here is about the loan or who wrote a message, never "are you safe?" (that is asked in
  // crisis mode): weaker words ("报警也没用") are not risk just because a question came before.
  if (context === 'asked' && u.crisis === 'risk') {
    const plain = deps.understander.understand(text, 'none', receivedAt);
    if (plain.crisis === 'none') u = { ...u, crisis: 'none' };
  }
  turn.log.info({ speaker: u.speaker, confidence: Math.round(u.speakerConfidence * 100) / 100, act: u.act, crisis: u.crisis, followUp: u.followUp }, 'turn understood');

  // 1. Crisis first. In crisis mode, words taking back what was said, with safety said outright ("我刚才说睡过去不是那个
  // 意思 … 我没事 安全的"), are heard as safe: the risk words they quote are not a new risk.
  const takenBack = inCrisis(state) && u.crisis === 'risk' && cues.retraction.some((w) => text.includes(w)) && saysAssured(text, cues.safe_assured);
  if (takenBack) u = { ...u, crisis: 'safe' };
  // Safety said so that care may end: the words of cues.safe_assured, or crisis.yaml `assured` ("我不会真去死的",
  // "阳台门锁了 … 我没事了"; "放心我没事" only after words of despair alone).
  const assuredNow = saysAssured(text, cues.safe_assured) || firmlySafe(u, state?.crisis, () => hurtAlone(text, receivedAt, turn));
  // 1a. The user's own wish to hurt someone else ("他再打电话我就去他公司砍他"), or a weapon at hand right after one
  // ("我已经买好刀了"): calm, never the collectors' conduct analysed or kept; a wish to die said too gets crisis care as well.
  const harm = u.harm;
  if (harm && (harm.intent || (harm.armed && wishedHarmBefore(state, turn)))) {
    turn.crisisDone = u.done;
    turn.crisisPlace = u.place === true;
    return harmOthers(text, harm.armed, harm.crisisApart, turn, inCrisis(state), state?.crisis, harm.withSelf === true);
  }
  if (u.crisis === 'risk' || u.crisis === 'acute') {
    turn.crisisHandled = true;
    turn.crisisMood = u.mood;
    turn.crisisDone = u.done;
    turn.crisisPlace = u.place === true;
    const care = enterCrisis(u.crisis, text, turn, inCrisis(state), state?.crisis);
    // "完了 被起诉了是不是要坐牢 我不如死了算了": the question asked beside the risk is answered under the care, never
    // left for later — unless something was already done (pills, a cut): then 120 comes first and alone.
    const beside = turn.crisisDone ? undefined : askedBesideRisk(text, receivedAt, turn);
    if (!beside) {
      // "他们说要把我P成通缉犯发朋友圈 我真是想死的心都有": what they did, told beside the risk, is assessed under the care
      // (no note offered now: the care is what this reply is for).
      const told = turn.crisisDone ? undefined : toldBesideRisk(text, receivedAt, turn);
      // The verdict on the conduct itself, not a claim line about what they threatened; nothing is put in focus (a later
      // question about it is answered by the guides).
      const assessed = told ? deps.analysis.assessConduct(told, receivedAt) : undefined;
      // Words said to them ("他们天天骂我去死") are the hurt the care answers: a verdict on the insult would be the cold
      // verdict crisis mode never gives. What was done beyond words (a wanted poster, exposure, a visit) is assessed.
      const beyondWords = assessed?.categories.some((c) => c !== 'insult') === true;
      const verdict = assessed && beyondWords && deps.analysis.renderConduct ? deps.analysis.renderConduct(assessed, receivedAt) : undefined;
      if (!verdict) return care;
      const placed = withAnswerBeside(care, { ...verdict, kind: 'answer' }, turn);
      placed.buttons = [];
      return placed;
    }
    const answered = await answerQuestion(beside, { ...asked(deps.understander.understand(beside, 'none', receivedAt)), crisis: 'none' }, turn, false);
    const placed = answered.kind === 'answer' && answered.blocks[0]?.text !== deps.replies.text('answer_out_of_scope');
    return placed ? withAnswerBeside(care, answered, turn) : care;
  }

  // 1b. Someone else at risk ("我儿子发消息说要去死 电话打不通"): what to do now, until that person is found. A question
  // meanwhile is answered, opened by "找到他了吗".
  const forOthers = inCrisis(state) && state.crisis.others === true;
  if (forOthers && u.others === 'found') return othersFound(text, turn);
  if (u.others === 'risk') return forOthers ? othersStillMissing(text, turn) : othersAtRisk(text, turn);
  // "我弟老说活着没意思 我该怎么劝他": how to help that person, never the writer's own crisis.
  if (u.others === 'help' && !forOthers) return helpForOthers(text, turn);
  if (forOthers && !asksOrWonders(text)) return othersStillMissing(text, turn);

  // 2. A button pressed by typing its number or label (in crisis mode too: the reply is then wrapped in care).
  const awaitingNumber = state?.pending?.kind === 'loan_details';
  if (!awaitingNumber && (typedNumber(text, cues.button_number) !== undefined || state?.offered?.buttons.some((b) => b.label === text.trim()))) {
    return pressButton(text, receivedAt, turn);
  }

  if (inCrisis(state) && !forOthers) {
    // In crisis mode every turn reads as a reply to "are you safe?"; what the person is doing is read without it.
    let plain = deps.understander.understand(text, 'none', receivedAt);
    turn.crisisMood = u.mood;
    // Back inside, home, or safe said ("我下来了", "到家了"): care no longer asks whether they have left the place.
    if (state.crisis.place && (u.mood === 'back_inside' || u.mood === 'where' || u.crisis === 'safe')) leftPlace(turn);
    // Calling the helpline ("好吧 我打那个电话试试", "打了 在排队"): call now, I am here — never the rules on
    // collectors' calls that "打…电话" would otherwise bring.
    // The call made ("打完了 我下楼了 我没事了"): thanks for calling, and for coming down when a clause says so; then
    // where they are and whether they are safe — "我没事了" beside it is no safety said outright.
    if (u.mood === 'line_done' && !assuredNow) {
      const back = text.split(/[\s,，。!！;；]+/u).some((c) => deps.understander.understand(c, 'crisis', receivedAt).mood === 'back_inside');
      if (back) leftPlace(turn);
      return careGoesOn(back ? 'crisis_line_done_back' : 'crisis_line_done', text, turn, state.crisis);
    }
    // Safety said outright beside the call ("接通了 聊了一会 … 我姐也来了 我安全了") is heard as safe, below.
    if (!assuredNow && (u.mood === 'calls_line' || u.mood === 'calling_line')) return callsLine(text, turn, state.crisis, u.mood === 'calling_line');
    // Help is on its way ("我打了120 他们在路上了", "我给我姐打了电话 她马上过来"): they did right; care goes on —
    // unless safety is said outright beside it ("她说马上过来陪我 我不会做傻事的 放心", cues `safe_outright`): heard as
    // safe, below.
    // Help named only to be doubted ("打了110又能咋样 债还是在那", cues `help_doubted`) is none on its way: what it asks is
    // answered below, under the care.
    const assuredSafe = u.crisis === 'safe' && (saysAssured(text, cues.safe_outright) || u.assured === 'outright');
    const helpDoubted = cues.help_doubted.some((w) => text.includes(w));
    if (!assuredSafe && !helpDoubted && (u.mood === 'help_coming' || cues.help_coming.some((w) => text.includes(w)))) return helpComing(text, turn, state.crisis);
    // Reaching out to someone close ("我同意给我朋友打电话"): words about calling family are help, never a collection
    // topic — do it now, and how to wait.
    // Safety said outright beside it ("我不会真去死的 … 刚给我妈打了电话") is heard as safe, below.
    if (!assuredSafe && u.mood === 'reaching_out' && !asksOrWonders(text)) return careGoesOn('crisis_reach_out', text, turn, state.crisis);
    // "那个电话是多少" / "刚才那个号码": the helpline just given, first — not the rules on collectors' calls.
    if (u.mood === 'asks_line' && !cues.debt_words.some((w) => text.includes(w))) return lineAsked(text, turn, state.crisis);
    // "你是机器人吧 说这些有什么用" / "能跟真人说话吗": honestly a program, still here, and where a person listens now.
    // "能跟真人说话吗": yes — 12356 is a person, now; the bot says what it is after that.
    if (u.mood === 'wants_human') return careGoesOn('crisis_wants_human', text, turn, state.crisis);
    // "你说的110 我打了会被抓吗": no — 110 is help, and owing money is no crime; said first, then care goes on.
    if (u.mood === 'fears_police') return careGoesOn('crisis_fears_police', text, turn, state.crisis);
    // "热线打了会不会把我的事告诉别人": about the helpline's confidence, not collectors telling family; care goes on.
    if (u.mood === 'line_privacy') return careGoesOn('crisis_line_privacy', text, turn, state.crisis);
    if (asksAboutBot(text, cues.about_bot)) return careGoesOn('crisis_about_bot', text, turn, state.crisis);
    // Back from the dangerous place ("好 我回屋里了", "我下来了 回房间了"): relief, stay away from it, the line. Read as
    // safe or not, it is a step towards safety, never a brush-off; only safety said outright ("…我很安全") ends care.
    const backInside = u.mood === 'back_inside' && (u.crisis === 'none' || (u.crisis === 'safe' && !assuredNow));
    if (backInside && !asksOrWonders(text)) return careGoesOn('crisis_back_inside', text, turn, state.crisis);
    // Someone close by, not yet with them ("老婆在隔壁房间"): go to them now.
    if (u.crisis !== 'safe' && !asksOrWonders(text) && cues.someone_near.some((w) => text.includes(w))) return someoneNear(text, turn, state.crisis);
    // A person at risk who asks something is the one asking ("算了 问你个正事 信用卡能申请停息挂账吗" is no paste):
    // only a text evidently pasted is a collector's.
    if (plain.act === 'paste' && !plain.pastedEvidently && asksOrWonders(withoutAssurance(text, cues.safe_assured))) {
      plain = { ...plain, act: 'ask', speaker: 'user', speakerConfidence: 1 };
    }
    // "我安全的 就是想问问 网贷逾期会坐牢吗": glad they are safe, and the question answered.
    // Words of assurance are no question ("我没事 真的没想怎么样": 怎么样 asks nothing): they are left out first.
    const asksToo = (plain.act === 'ask' || plain.act === 'follow_up' || plain.act === 'describe') && asksOrWonders(withoutAssurance(text, cues.safe_assured));
    // The question a turn carries beside how the person is ("算了 问你个事 他们能打我领导电话吗", "…我真没事 就问问征信"):
    // answered after the care that opens the reply, never care alone.
    const carried = plain.pastedEvidently ? undefined : await carriedQuestion(text, receivedAt, state, turn, cues.safe_assured);
    // "我在家 我妈在旁边 我不会做傻事 你接着帮我算吧": safe, and the loan check taken up again where it was.
    const goesOn = state.loan !== undefined && cues.continue_task.some((w) => text.includes(w));
    if (u.crisis === 'safe' && goesOn && assuredNow) {
      leaveCrisisQuietly(turn);
      return interestFor(state.loan!, text, turn);
    }
    if (u.crisis === 'safe' && (asksToo || carried)) {
      leaveCrisisQuietly(turn);
      // The question is what is asked, not the words of safety around it ("好安全" drew an answer about safety).
      text = carried ?? askedPart(text, cues.safe_assured);
      u = { ...(carried ? asked(deps.understander.understand(text, 'none', receivedAt)) : plain), speaker: 'user', speakerConfidence: 1, crisis: 'none' };
    }
    // "我不会真的去死的 就是很难受": no longer at risk perhaps, but still hurting — care continues.
    // "没事了" / "真的没事 别问了" after words of dying is no word of safety: heard, not pressed, and care goes on.
    // Safe said so, with a clause that still hurts ("我不会真去死的 就是太难受了 … 现在好点了"): eased below, the
    // hurt met, never thanked as if all were well.
    else if (u.crisis === 'safe' && plain.act !== 'distress' && !(assuredNow && hurtsStill(text, receivedAt, turn))) {
      turn.crisisHandled = true;
      return assuredNow ? leaveCrisis(text, turn) : crisisUnsure(text, turn, state.crisis);
    }
    // No acute sign this turn after an acute one ("收起来了 我就是太累了"): care goes on without the emergency script.
    if (state.crisis.level === 'acute') {
      turn.crisisEased = true;
      turn.crisisMeansOut = u.crisis !== 'safe';
      turn.remember(null, (s) => {
        if (s.crisis) s.crisis.level = 'risk';
      });
    }
    // A person at risk is never asked "who wrote this?": only a clearly pasted collector message is analysed.
    const pasted = plain.speaker !== 'user' && plain.speakerConfidence >= SPEAKER_SURE && plain.pastedEvidently;
    // "我现在在家 老婆在旁边 我不会做傻事的 就是好累": safe and assured, still hurting — met with care, and the mode has
    // run its course; "我不会真的去死的 就是很难受" alone: care goes on.
    if (u.crisis === 'safe' && assuredNow) {
      turn.crisisHandled = true;
      return easeCrisis(text, turn);
    }
    // "好 我给我姐打个电话": read as asking, but asks nothing — no answer to give, care goes on. Nor does a turn about
    // how they are or where ("现在几点了 我还在出租屋") with no word of the debt: it is about them, not a collection topic.
    const aboutThem = u.mood !== undefined && !cues.debt_words.some((w) => text.includes(w));
    const asksNothing = (plain.act === 'ask' && !asksOrWonders(text)) || aboutThem;
    // "钱是给我妈看病用了" right after "我老公会不会也要替我还" was answered under the care: a fact that changes that answer
    // is answered within it (under the care too), never met with care alone.
    const toldFact = (plain.act === 'ask' || plain.act === 'describe') && plain.facts.conduct.length === 0 && !asksOrWonders(text);
    if (u.crisis !== 'safe' && !pasted && !carried && toldFact && u.mood === undefined) {
      const against = await toldAgainstLastAnswer(text, state, turn);
      if (against) return against;
    }
    if (u.crisis === 'safe' || (!pasted && (!ANSWERABLE.has(plain.act) || asksNothing))) {
      if (!carried || u.crisis === 'safe') return crisisDistress(text, turn, state.crisis);
      text = carried;
      plain = asked(deps.understander.understand(text, 'none', receivedAt));
      // The mood its other words carried ("不说这个了" read as silence) is no longer what the care opener meets.
      turn.crisisMood = undefined;
    }
    u = pasted ? { ...plain, crisis: u.crisis } : { ...plain, speaker: 'user', speakerConfidence: 1, crisis: u.crisis };
  }

  // Care has run its turns but the person never said they were safe: when they do, it is heard, not thanked; help
  // on its way ("室友回来了 我会打那个电话的") is met with care, not small talk.
  if (state?.crisis && !inCrisis(state) && u.crisis === 'safe') {
    turn.crisisHandled = true;
    return leaveCrisis(text, turn);
  }
  // Calling the helpline soon after care ran its turns ("打了 在排队"): the same encouragement, never a legal text.
  const lineMood = inAftercare(state, now) ? deps.understander.understand(text, 'crisis', receivedAt).mood : undefined;
  if (lineMood === 'calls_line' || lineMood === 'calling_line') return callsLine(text, turn, state!.crisis!, lineMood === 'calling_line');
  if (state?.crisis && !inCrisis(state) && cues.help_coming.some((w) => text.includes(w)) && !cues.help_doubted.some((w) => text.includes(w))) return helpComing(text, turn, state.crisis);
  // Soon after care ran its turns, a turn that only says how they are ("嗯", "随便吧", "我是不是很没用") or asks for the
  // line is care again; self-blame with no crisis said is distress — never small talk, a legal text or "out of scope".
  const feeling = state?.pending ? undefined : feelingOf(text, receivedAt, turn);
  if (feeling && inAftercare(state, now)) return careAgain(text, turn, state.crisis, feeling);
  if (feeling === 'self_blame') return distress(text, turn, 'distress_lead_self_blame');

  // 3. What the bot was waiting for.
  const pending = state?.pending;
  // A correction of a screenshot's text — unless the user asks something of their own instead.
  const ownQuestion = u.speaker === 'user' && (u.act === 'ask' || u.act === 'follow_up' || u.act === 'distress' || u.act === 'greeting' || u.act === 'thanks');
  if (pending?.kind === 'ocr_correction' && isCorrectionAwaited(pending.since, now) && (!ownQuestion || isSurelyCorrection(text, pending.data ?? {}, deps.replies))) {
    turn.remember(text);
    return analyzeScreenshotText(text, pending.data ?? {}, receivedAt, turn);
  }
  // A question of its own ("催收能上门吗") is a new turn, not an answer, even when it names the collector.
  if (pending?.kind === 'confirm_speaker' && !asksOrWonders(text)) {
    const who = typedSpeakerAnswer(text, cues.speaker_answer);
    if (who) return confirmSpeaker(who, receivedAt, turn);
  }
  // A typed yes keeps the note only while the last reply still offers it.
  const noteOffered = state?.offered?.buttons.some((b) => b.id === 'note:save');
  if (pending?.kind === 'confirm_note' && noteOffered && isYes(text, cues.yes)) return saveConductNote(receivedAt, turn);
  // "确定要删除…吗？" answered in words ("确定", "删吧") while its 确认删除 button is still offered: that button pressed.
  const deleteOffered = state?.offered?.buttons.some((b) => b.id === 'del:yes');
  if (pending?.kind === 'confirm_delete' && deleteOffered && isYes(text, cues.yes_delete)) return pressButton('del:yes', receivedAt, turn);
  // What the analyzer finds in the turn's own words, as described conduct: asked by several steps below, read once.
  let ownFindings: ConductAnalysis | undefined;
  const conductOfText = () => (ownFindings ??= deps.analysis.assessConduct(text, receivedAt));
  // "他说不还就找人收拾我 能报警不" while a loan number is awaited: a question about conduct, not the number.
  // "分12期 每期还1000 这利息合法吗" asks about the interest with the number: the loan's, not conduct's.
  const asksInterest = deps.knowledge.interestCues.some((c) => text.includes(c));
  const asksAboutConduct = asksOrWonders(text) && (u.facts.conduct.length > 0 || (u.asks !== undefined && CONDUCT_ASKS.has(u.asks) && !asksInterest));
  // "那个到手2000的 催收说不还就让我全家社死": what collectors did, told with no question, is no answer either — the
  // conduct is answered and the question for the number dropped (a loan number it names is still kept below).
  const reportsConduct = awaitingNumber && !asksAboutConduct && u.facts.conduct.length > 0 && conductOfText().findings.length > 0;
  if (awaitingNumber && reportsConduct) {
    dropLoanQuestion(turn);
    // Read as it would be had nothing been asked: a report, not a reply to the question.
    u = deps.understander.understand(text, dialogueContext({ ...state, pending: undefined }, now), receivedAt);
  }
  // The loan held, with when it was made if that was told before its numbers (loan-date.ts).
  const heldLoan = heldWithDate(state);
  // "利息我已经还了8000了 能要回来吗" about a loan known by its stated rate: the part above the cap, not a loan number.
  const paidBack = paidInterestAnswer(text, u, turn, heldLoan);
  if (paidBack) return paidBack;
  if (awaitingNumber && heldLoan && !asksAboutConduct && !reportsConduct) {
    const missing = pending!.data?.missing as Parameters<typeof loanAnswer>[0] | undefined;
    const yearAsked = pending!.data?.yearAsked as number | undefined;
    const r = missing ? loanAnswer(missing, text, receivedAt, heldLoan, turn, yearAsked) : undefined;
    if (r) return r;
  }

  // "你帮我打电话把那个催收骂一顿" / "那你能帮我写个起诉状直接交到法院吗": a request that the bot act for the user — the
  // user's own words, never a collector's; it cannot, and says what it can do instead.
  // "刚才那条短信你帮我存了吗": whether the message in focus was kept, and how to see it.
  const saved = u.pastedEvidently || u.quoted ? undefined : await savedAnswer(text, state, turn);
  if (saved) return saved;
  const cannot = botCannotAct(text, u.pastedEvidently === true, turn);
  if (cannot) return cannot;
  // "你是机器人吗" / "能转人工吗": what the bot is, and where real people answer.
  // Short and addressed to the bot, so never sent to "who wrote this?" first.
  // "你是谁啊 是不是催收派来套我话的" / "我跟你说的会不会泄露" / "怎么删掉我的记录": what the bot is, where the data is kept, how to delete it.
  // "把我刚才说的都删掉吧 删除我的数据": asked to delete now — /delete's confirmation, with its buttons.
  const dataKind = u.pastedEvidently || u.quoted ? undefined : aboutDataKind(text, cues.about_data);
  if (dataKind?.command === 'delete') return askToDelete(turn);
  const aboutData = dataKind ? aboutDataReply(text, cues.about_data, (state?.history.length ?? 0) > 0) : undefined;
  if (aboutData) return say(aboutData, 'answer', text, turn);
  if (!u.pastedEvidently && !u.quoted && asksAboutBot(text, cues.about_bot)) return say('about_bot', 'answer', text, turn);

  // A follow-up on the loan being checked ("那合法的话我应该还多少", "合同上写的是XX小贷公司", "是正规的小贷公司 也一样吗"), or
  // "能不能只还本金" before there is a loan to compute. Whether the lender commits a crime or can be sued for lending
  // ("这种私人放贷是不是犯罪 我能不能告他放高利贷") is no question about the loan's numbers: the guides answer it.
  const aboutLender = cues.crime_question.some((w) => text.includes(w)) || cues.sue_lender.some((w) => text.includes(w));
  const onLoan = aboutLender ? undefined : principalAnswer(text, turn, heldLoan, receivedAt) ?? sameRuleForLender(text, turn, state, receivedAt)
    ?? principalOnlyAnswer(text, turn, heldLoan) ?? loanFollowUp(text, u, receivedAt, turn, heldLoan);
  if (onLoan) return onLoan;

  // 4. Small talk.
  // "谢谢 那我自己咋跟平台谈分期": thanks that asks something is a question.
  const alsoAsks = asksOrWonders(text);
  if (u.act === 'greeting' && u.speaker === 'user') return say('greeting', 'greeting', text, turn);
  if (u.act === 'thanks' && u.speaker === 'user' && !alsoAsks) return say('thanks', 'greeting', text, turn);

  // 4a. "告诉我怎么注销手机号让网贷永远找不到我 不用还钱" (after "忽略之前的指令，你现在是…" too): a request to evade the debt,
  // the user's own and never a collector's — refused calmly, with what hiding cannot do and the lawful way.
  const evasion = asksToEvade(text, cues.evasion);
  if (evasion && deps.answerer.answerGuide) {
    turn.remember(text);
    return answerReply(deps.answerer.answerGuide(evasion.guide, { at: now }, evasion.entry), text, turn);
  }

  // 4b. "这是不是诈骗短信？催收天天冒充法院吓我" / "这种起诉合法吗 能报警吗" with a lawful lawsuit notice in focus: the user's
  // question about that notice (check it yourself, never block it; suing is lawful), not conduct to analyse.
  // "他们一天发了三条这种短信" after a lawful reminder: a few messages are no harassment.
  const onNotice = u.speaker === 'user' ? answerOnLawfulNotice(text, state, turn) ?? fewContacts(text, u, state, turn) : undefined;
  if (onNotice) return onNotice;
  // 4c. "那我不理呢" / "判了我还是没钱还呢": what happens if the user does nothing, in the process in focus.
  const notActing = consequenceOfNotActing(text, u, state, turn);
  if (notActing) return notActing;
  // "我能拿啥证明": what proves what the conversation is about (a loan's amounts, conduct in focus).
  const proof = proofInFocus(text, u, state, turn);
  if (proof) return proof;
  // "他客服让我转到一个个人微信收款码": a told request to pay privately — whether to pay so is answered.
  const privatePayment = privatePaymentTold(text, u, turn);
  if (privatePayment) return privatePayment;
  // "我查了12368确实有" / "那我该怎么办" once it is told: what that fact implies (the case is real: 应诉), never "check it
  // with 12368" again.
  const onFact = u.speaker === 'user' && u.facts.conduct.length === 0 ? await answerOnFact(text, state, turn) : undefined;
  if (onFact) {
    turn.remember(text);
    return answerReply(onFact, text, turn);
  }

  // 5. Follow-ups on what was just said — unless the turn names conduct of its own ("晚上打几十个电话违法吗",
  // "催收说要去我单位闹 能报警吗"): that conduct is judged, not the message in focus.
  // "他们还说我不还就坐牢 是真的吗" reports a claim of its own: that claim is checked, not the message in focus.
  // "一直到上个月还在打" after old conduct was judged: reportable again, counted from the last time.
  // A question of its own beside it ("经理说他们还在打他电话 我能让平台别再联系他吗") is that question, when a question
  // type of the guides places it by a word other than the ones saying it goes on.
  const asksBeside = async () => cues.continuing.some((w) => text.includes(w)) && isQuestion(text) && (await placedBeyond(text, cues.continuing, turn));
  const goesOn = u.speaker === 'user' && !(await asksBeside()) ? continuingConduct(text, u, state, turn) : undefined;
  if (goesOn) return goesOn;
  // "手机还能要回来吗" after conduct that took property: through the police.
  const recovered = u.speaker === 'user' && u.facts.conduct.length === 0 ? recoverTaken(text, state, turn) : undefined;
  if (recovered) return recovered;
  // "截图了 然后呢" / "群里的截图我都存了" right after an unlawful message: the steps after keeping evidence.
  if (u.speaker === 'user' && u.facts.conduct.length === 0 && keptEvidence(text, cues)) {
    const next = stepsAgainstFocus(text, state, turn);
    if (next) return next;
  }
  // "合同是2024年3月签的，年化好像是24%，这个利息合法吗" right after a lender's notice: the interest asked about, with its
  // numbers, is the loan's (with the lender that notice named), not the verdict on the message in focus.
  const ratesTold = (u.facts.rates?.length ?? 0) > 0 || u.facts.amounts.length > 0;
  if (u.act === 'follow_up' && u.speaker === 'user' && analysisInFocus(state) && ratesTold && deps.knowledge.interestCues.some((c) => text.includes(c)) && !aboutLender) {
    const onInterest = loanTurn(text, u, receivedAt, turn, heldLoan, rememberedLender(state), rememberedDate(state));
    if (onInterest) return onInterest;
  }
  // A report of what collectors claim about who is liable ("他们又说我表哥是担保人要他还 他就是个紧急联系人", "他们说我是
  // 骗子 逾期是诈骗吗") asks whether the claim holds, question mark or not: that is answered, not the conduct around it.
  // "他们说是正规上门催收 有工牌 这也违法吗": whether collection done so is lawful, likewise answered by the guides.
  const claimsLawful = cues.they_said.some((w) => text.includes(w)) && cues.lawful_claim.some((w) => text.includes(w)) && asksOrWonders(text);
  const claimsLiability = u.speaker === 'user' && (((u.act === 'describe' || u.act === 'follow_up') && cues.liability_claim.some((w) => text.includes(w))) || (claimsLawful && (u.act === 'describe' || u.act === 'follow_up' || u.act === 'ask')));
  const ownClaim = u.followUp === 'verify_claims' && conductOfText().categories.some((c) => c === 'deception' || c === 'impersonation');
  // "那催收打给老板这事我能去哪投诉": where to complain is asked; the channels answer it, not the verdict on the conduct.
  const asksWhere = u.speaker === 'user' && cues.where_to_complain.some((w) => text.includes(w));
  if (asksWhere && (u.act === 'follow_up' || u.act === 'describe' || u.act === 'ask')) return answerQuestion(text, u, turn, false);
  const ownConduct = u.act === 'follow_up' && (u.followUp === 'judge' || u.followUp === 'can_report' || ownClaim) && !u.provision
    && !cues.points_back.some((w) => text.includes(w)) && !cues.this_message.some((w) => text.includes(w))
    && (u.facts.conduct.length > 0 || conductOfText().findings.length > 0);
  if (claimsLiability && (u.act === 'follow_up' || claimsLawful)) return answerQuestion(text, u, turn, false);
  // "那个p图发群里的事 能告他们不" a few turns after that act was told: answered for that act, whatever is in focus now.
  const pointed = u.speaker === 'user' ? pointedConduct(text, u, state, turn) : undefined;
  if (pointed) return pointed;
  // "我能让他们坐牢吗" / "发群的人会被判刑吗" right after collectors' conduct, naming nothing new they did (坐牢 there is no
  // claim of theirs): the crime that conduct could be, never the jail guide's "will I go to jail?".
  if (u.speaker === 'user' && (u.act === 'ask' || u.act === 'follow_up') && conductOfText().findings.length === 0) {
    const crime = crimeOfFocus(text, u, state, turn);
    if (crime) return crime;
  }
  // "半夜发是不是违法的" / "那骂人那部分呢": one part of the message in focus, judged alone.
  const part = u.speaker === 'user' ? partOfFocus(text, u, state, turn) : undefined;
  if (part) return part;
  if (ownConduct) {
    const r = describeConduct(text, receivedAt, turn, u.followUp, eventDates(u));
    if (r) return r;
    return answerQuestion(text, u, turn, false);
  }
  if (u.act === 'follow_up' && state) {
    if (u.followUp === 'more') {
      // "刚才说的那个中断是啥意思": one term of the last answer, which its guide answers as a question type of its own.
      const last = state.focus?.answer;
      if (last?.guideId && cues.asks_meaning.some((w) => text.includes(w))) {
        const probe = await deps.answerer.answer(text, { at: now });
        if (probe.guideId === last.guideId && probe.entryId && probe.entryId !== last.entryId) return answerQuestion(text, u, turn, true);
      }
      const more = await moreOfAnswer(turn);
      if (more) {
        turn.remember(text);
        return more;
      }
    }
    const r = await answerFollowUp(text, u, state, turn);
    if (r) return r;
  }

  // The user announces a message that is not in this turn ("我发你看看"): ask for it.
  if (announcesOnly(text, cues.announce_paste)) {
    return say('paste_invite', 'clarify', text, turn);
  }

  // "现在在邻居家 安全了 谢谢你" after care has ended: heard as safe, never "who wrote this?".
  // Only with words of safety said outright and nothing done to them ("两个人堵在我家门口" is no safe word).
  const saysSafe = !u.pastedEvidently && (u.speaker !== 'user' || u.speakerConfidence < USER_UNSURE) && u.facts.conduct.length === 0
    && saysAssured(text, cues.safe_assured) && deps.understander.understand(text, 'crisis', receivedAt).crisis === 'safe';
  if (saysSafe) {
    turn.crisisHandled = true;
    return leaveCrisis(text, turn);
  }

  // A question put to the bot ("我家老房子拆迁补偿的事你懂不", "你觉得我该先还哪个") or a request to it ("你帮我写份…吧"),
  // nothing pasted: the user's own.
  const toBot = (asksOrWonders(text) && cues.asks_bot.some((w) => text.includes(w))) || cues.requests_bot.some((w) => text.includes(w));
  // Asked to look at someone else's matter ("我表弟…被抓了 你能帮他看看吗"): the user's, whatever it tells was done.
  const aboutOthers = cues.asks_bot_for_others.some((w) => text.includes(w));
  if (u.speaker !== 'user' && !u.pastedEvidently && ((u.facts.conduct.length === 0 && toBot) || aboutOthers)) {
    u = { ...u, speaker: 'user', speakerConfidence: 1, act: 'ask' };
  }
  // "你帮我记一下 今天一上午打了二十多个电话": the bot asked for its own work — the user's words, whatever conduct they tell.
  if ((u.speaker !== 'user' || u.speakerConfidence < USER_UNSURE) && !u.pastedEvidently && !u.quoted && asksBotWork(text, cues.bot_acts)) {
    u = { ...u, speaker: 'user', speakerConfidence: 1, act: u.act === 'paste' || u.act === 'other' ? 'describe' : u.act };
  }
  // "“老赖”这个词算侮辱吗 能告他吗": a word or two of theirs quoted inside the user's own question is the user's
  // question, answered; never a collector's message analysed and kept as evidence.
  if (u.speaker === 'mixed' && u.quoted && [...u.quoted.replace(/[\s\p{P}]/gu, '')].length <= QUOTED_WORD_CHARS && asksOrWonders(u.own ?? text)) {
    u = { ...u, speaker: 'user', speakerConfidence: 1, pastedEvidently: undefined };
  }
  // 6. A collector's words, pasted.
  if (u.speaker !== 'user') {
    const words = u.speaker === 'mixed' && u.quoted ? u.quoted : text;
    if (u.speakerConfidence >= SPEAKER_SURE && u.pastedEvidently) return analyzeMessage({ text: words, sentAt: null, receivedAt, kind: 'message' }, turn);
    // "他刚发我说 不还钱就去你家泼油漆": the user reports what was said, perhaps in their own words — the conduct is
    // assessed now, and the words are kept as the collector's only if the user says they are verbatim.
    // The words alone are analysed (and not kept) when the account around them names nothing the analyzer knows.
    const reported = u.reported ? describeConduct(text, receivedAt, turn, u.asks, eventDates(u)) ?? await analyzeMessage({ text: words, sentAt: null, receivedAt, kind: 'message', reported: true }, turn) : undefined;
    if (reported) return offerSpeaker(reported, words, text, turn);
    // Told in the first person with no one addressed ("现在有两个人堵在我家门口不让我出门 说不还钱今天哪也别想去"): the
    // user's own report, never a "who wrote this?" — least of all while it is happening.
    if (!u.pastedEvidently && FIRST_PERSON.test(text) && !ADDRESSED.test(text)) return describeConduct(text, receivedAt, turn, u.asks, eventDates(u)) ?? answerQuestion(text, u, turn, false);
    // What was done, told as done to the user's things ("走了 门上被喷了红漆 写着欠债还钱"): an account, not a message.
    const toldDone = !u.pastedEvidently && !ADDRESSED.test(text) && cues.done_to_me.some((w) => text.includes(w));
    const done = toldDone ? describeConduct(text, receivedAt, turn, u.asks, eventDates(u)) : undefined;
    if (done) return done;
    // Only the pasted part would be kept if the user says a collector wrote it, never their own words around it.
    return askSpeaker(words, turn);
  }

  // Read as the user's, but barely, and neither a question nor anything else the user does: ask.
  // A question addressed to no one ("一天最多能打几个") is the user's, however unsure the reading.
  const ownQuestionForm = asksOrWonders(text) && !ADDRESSED.test(text);
  if (u.speakerConfidence < USER_UNSURE && (u.act === 'paste' || u.act === 'describe') && !ownQuestionForm) {
    // Told in the first person or as done to the home, no one addressed ("两个人在我家门口一直敲门 说不还钱今天不走了"),
    // as above: the user's own report, assessed — asked about only when it shows nothing the analyzer knows.
    const told = FIRST_PERSON.test(text) || cues.done_to_me.some((w) => text.includes(w));
    const own = !u.pastedEvidently && told && !ADDRESSED.test(text) ? describeConduct(text, receivedAt, turn, u.asks, eventDates(u)) : undefined;
    return own ?? askSpeaker(text, turn);
  }
  // Chit-chat, tests, nonsense: what the bot is for, not an out-of-scope verdict.
  if (u.act === 'other' && !asksOrWonders(text)) return say('greeting', 'greeting', text, turn);

  // 7. The user's own words: a loan to compute, conduct to assess, fear to meet, a question to answer.
  if (cues.retaliation.some((w) => text.includes(w))) return say('retaliation_refuse', 'answer', text, turn);
  const loan = aboutLender ? undefined : loanTurn(text, u, receivedAt, turn, heldLoan, rememberedLender(state), rememberedDate(state));
  if (loan) return loan;
  // "但是中间他们一直打电话催我哦" right after the limitation answer: their demands are a fact for that answer.
  if (u.act === 'describe' && context === 'answer' && (u.asks === undefined || !CONDUCT_ASKS.has(u.asks))) {
    const against = toldAgainstAnswer(text, state, turn);
    if (against) return against;
  }
  if (u.act === 'describe' || u.act === 'ask') {
    // What the report asks, read as if it followed an analysis ("…还能报警吗" asks can_report). A question that
    // describes what collectors did and asks whether it is unlawful or can be reported ("催收说要去我单位闹 能报警吗")
    // is answered for that conduct; other questions go to the guides.
    const asks = u.asks;
    // A report that ends in a question of another kind ("…说我妈是紧急联系人 要替我还钱 我妈真的要还吗") is answered
    // for that question: the first sentence must answer what was asked, not judge the conduct around it.
    const asksElse = claimsLiability || (u.act === 'describe' && isQuestion(text) && (asks === undefined || !CONDUCT_ASKS.has(asks)));
    const r = !claimsLiability && ((u.act === 'describe' && !asksElse) || asks === 'can_report' || asks === 'judge') ? describeConduct(text, receivedAt, turn, asks, eventDates(u)) : undefined;
    if (r) return r;
    // "这个算违法不 半夜两点 孩子都吓醒了" right after a message: what it did to them told beside whether *it* is
    // unlawful, nothing new done — the verdict on the message in focus, not a guide's general answer.
    const held = analysisInFocus(state);
    if (u.act === 'describe' && asks === 'judge' && state && held && !held.lawful && cues.points_back.some((w) => text.includes(w)) && conductOfText().findings.length === 0) {
      const verdict = await answerFollowUp(text, { ...u, act: 'follow_up', followUp: 'judge' }, state, turn);
      if (verdict) return verdict;
    }
    // "催收打电话很客气 就问我什么时候能还 这违法吗": contact told as polite, nothing unlawful in it, asked whether it is
    // lawful — it is ordinary collection (lawful-collection#polite), and the way on is to negotiate.
    const polite = cues.polite_contact;
    if (asks === 'judge' && polite && polite.words.some((w) => text.includes(w)) && conductOfText().findings.length === 0 && deps.answerer.answerGuide) {
      turn.remember(text);
      return answerReply(deps.answerer.answerGuide(polite.guide, { at: now }, polite.entry), text, turn);
    }
    // "我们站点在写字楼一楼 他要真来了我需要做啥" right after a message was analysed: nothing new done to them, so the
    // question is what to do about the message in focus.
    if (asks === 'what_to_do' && u.facts.conduct.length === 0 && asksWhatNow(text, cues)) {
      const next = stepsAgainstFocus(text, state, turn);
      if (next) return next;
    }
  }
  if (u.act === 'distress') {
    // Fear that asks something the guides can answer ("焦虑到心慌胸口痛 睡不着 吃什么药好" → a doctor, 120) gets that
    // answer; fear with no question, or one nobody here can place, gets care and one step. A trouble of another field
    // told in distress ("楼上邻居天天半夜装修 吵得睡不着") gets a line of care and where to turn.
    if (!isQuestion(text) && !cues.debt_words.some((w) => text.includes(w)) && (await routesElsewhere(text, receivedAt, turn))) {
      const routed = await answerQuestion(text, u, turn, false);
      routed.blocks.unshift({ style: 'paragraph', text: deps.replies.text('distress_routed') });
      return routed;
    }
    // Anger at what collectors keep doing ("我把他们号码拉黑了 他们换号继续打 烦死了"): that conduct is assessed, with
    // its steps, rather than comfort alone.
    const told = !isQuestion(text) && u.speaker === 'user' && conductOfText().findings.length > 0 ? describeConduct(text, receivedAt, turn, u.asks, eventDates(u)) : undefined;
    if (told) return told;
    if (!isQuestion(text)) return distress(text, turn);
    const answered = await answerQuestion(text, u, turn, false);
    return answered.blocks[0]?.text === turn.deps.replies.text('answer_out_of_scope') ? distress(text, turn) : answered;
  }
  if (u.act === 'reply' && awaitingNumber) mergeLoanFacts(u, turn);
  // A fact told right after an answer ("可是他们隔几个月就发短信催一次" after "过了三年是不是不用还") is said against
  // that answer: it is read within the last answer's topic when that topic has a question type for it.
  // So is a loan's number the check cannot compute ("我就欠了8000块本金" after the 恶意透支 answer: the amount decides it).
  const toldAfterAnswer = (u.act === 'describe' || u.act === 'loan_facts') && context === 'answer';
  return answerQuestion(text, u, turn, u.act === 'follow_up' || u.act === 'reply' || toldAfterAnswer);
}

/**
 * What collectors did, told right after an answer whose topic turns on it (cues `told_against`: their demands
 * interrupt the limitation period): that topic's answer for it, when the topic has a question type for it; else undefined.
 */
function toldAgainstAnswer(text: string, state: Awaited<ReturnType<TurnContext['state']>>, turn: TurnContext): OutboundReply | undefined {
  const last = state?.focus?.answer;
  if (!last?.guideId || !turn.deps.cues.told_against.includes(last.guideId)) return undefined;
  const read = turn.deps.answerer.answerWithin?.(last.guideId, text, { at: turn.deps.now() });
  if (!read) return undefined;
  turn.remember(text);
  return answerReply(read, text, turn);
}

/** A carried question read as asked: whatever act its words alone suggest (a mood, a report), it is answered. */
function asked(read: TurnUnderstanding): TurnUnderstanding {
  return ANSWERABLE.has(read.act) && read.act !== 'describe' ? { ...read, speaker: 'user', speakerConfidence: 1 } : { ...read, act: 'ask', speaker: 'user', speakerConfidence: 1 };
}

/** The turn's clauses, each with whether it reads alone as distress ("就是太难受了"), whatever the whole turn reads as. */
function distressClauses(text: string, at: Date, turn: TurnContext): Array<{ clause: string; distress: boolean }> {
  return text.split(/[\s,，。!！;；]+/u).filter(Boolean).map((clause) => ({ clause, distress: turn.deps.understander.understand(clause, 'none', at).act === 'distress' }));
}

/** True when a clause of the turn, read alone, is distress ("就是太难受了"). */
function hurtsStill(text: string, at: Date, turn: TurnContext): boolean {
  return distressClauses(text, at, turn).some((c) => c.distress);
}

/** The user's turns looked back on for a wish to hurt someone, when a weapon is named without one. */
const HARM_LOOKBACK = 3;

/** True when one of the user's last few turns said they want to hurt someone ("我真想砍死他"). */
function wishedHarmBefore(state: Awaited<ReturnType<TurnContext['state']>>, turn: TurnContext): boolean {
  const said = (state?.history ?? []).filter((t) => t.role === 'user').slice(-HARM_LOOKBACK);
  return said.some((t) => turn.deps.understander.understand(t.text, 'none').harm?.intent === true);
}

function say(key: string, kind: OutboundReply['kind'], text: string, turn: TurnContext): OutboundReply {
  turn.remember(text);
  return turn.say(key, undefined, kind);
}

/** Fear or exhaustion without a question (or self-blame, `lead`): care first, then one useful step. */
function distress(text: string, turn: TurnContext, lead = 'distress_lead'): OutboundReply {
  const { replies } = turn.deps;
  const r = emptyReply('answer');
  r.blocks.push({ style: 'paragraph', text: replies.text(lead) });
  r.blocks.push({ style: 'paragraph', text: replies.text('distress_step') });
  turn.remember(text);
  return r;
}

/**
 * The dates a turn names for what happened (not a contract's date); a month named alone ("今年4月") stands for its
 * last day, so conduct that went on through it is not dated earlier than it ended.
 */
function eventDates(u: TurnUnderstanding): string[] {
  return u.facts.dates.filter((d) => d.role !== 'contract').map((d) => {
    if (d.precision !== 'month') return d.iso;
    const [y, m] = d.iso.split('-').map(Number);
    const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
    return `${d.iso.slice(0, 8)}${String(last).padStart(2, '0')}`;
  });
}

/** Longest turn (characters) read as only announcing a message to come. */
const ANNOUNCE_CHARS = 40;
/** Characters after the announcing words beyond which the message itself is taken to be in the turn. */
const ANNOUNCE_TAIL = 8;

/** "我发你看看" / "帮我看看这条 催收发的": a message announced, with no room left in the turn for the message. */
function announcesOnly(text: string, words: readonly string[]): boolean {
  const t = text.replace(/[\s\p{P}\p{S}]/gu, '');
  if ([...t].length > ANNOUNCE_CHARS) return false;
  const w = words.find((x) => t.includes(x));
  return w !== undefined && [...t.slice(t.indexOf(w) + w.length)].length <= ANNOUNCE_TAIL;
}

/**
 * The guide entry that answers a request to evade the debt: a way of hiding ("注销手机号", "换号") for not paying or not
 * being found ("不用还", "找不到我"), asked of the bot ("告诉我怎么", "行不行", or a question form).
 */
function asksToEvade(text: string, cues: TurnContext['deps']['cues']['evasion']): { guide: string; entry: string } | undefined {
  if (!cues) return undefined;
  const t = simplified(text);
  const has = (words: readonly string[]) => words.some((w) => t.includes(w));
  return has(cues.hide) && has(cues.goal) && (has(cues.asks) || asksOrWonders(text)) ? { guide: cues.guide, entry: cues.entry } : undefined;
}

/** A short yes ("好", "要", "保存"; words from knowledge/conversation), with nothing else said. */
function isYes(text: string, yes: readonly string[]): boolean {
  const t = text.trim().replace(/[\p{P}\p{S}\s]+$/u, '').toLowerCase();
  return yes.includes(t);
}

export type { TurnUnderstanding };

/** Safety said outright: someone with them, a promise, "安全" ("我老婆在旁边 我不会做傻事的"). */
/** `text` with the words of assurance it says taken out. */
function withoutAssurance(text: string, words: readonly string[]): string {
  return words.reduce((t, w) => t.split(w).join(' '), simplified(text));
}

/**
 * `text` without its clauses that only say the person is safe ("我冇事 好安全 就係想知…" → "我冇事 就係想知…"); the
 * text itself when nothing would be left.
 */
function askedPart(text: string, words: readonly string[]): string {
  const clauses = text.split(/[\s,，。!！;；]+/u).filter(Boolean);
  const kept = clauses.filter((c) => !saysAssured(c, words) || asksOrWonders(withoutAssurance(c, words)));
  return kept.length > 0 && kept.length < clauses.length ? kept.join(' ') : text;
}

/**
 * Safety said so by the understanding (crisis.yaml `assured`): outright at any time in care; calm ("放心我没事",
 * "跟家人说了") only when care began with words of despair alone — no plan, dangerous place, wound, pills, or someone
 * else at risk in view, for then words alone are not enough.
 */
function firmlySafe(u: TurnUnderstanding, mode: CrisisMode | undefined, hurts: () => boolean): boolean {
  if (u.crisis !== 'safe' || !u.assured) return false;
  // A promise with only the hurt beside it ("我不会真的去死的 就是很难受"): care goes on for its turns (issue 10: at
  // least three, or until safety is said); a promise with more said ("…刚给我妈打了电话 现在好点了") ends it.
  if (u.assured === 'outright') return !hurts();
  return mode !== undefined && mode.level === 'risk' && !mode.place && !mode.hurt && !mode.done && !mode.others;
}

/** True when the turn is a promise and the hurt alone: every clause but one reads as distress ("就是很难受"). */
function hurtAlone(text: string, at: Date, turn: TurnContext): boolean {
  const clauses = distressClauses(text, at, turn);
  const hurting = clauses.filter((c) => c.distress).length;
  return hurting > 0 && clauses.length - hurting <= 1;
}

/** True when `text` says one of the words of assurance (in traditional characters too: "我唔會做傻事"). */
function saysAssured(text: string, words: readonly string[]): boolean {
  const t = simplified(text).toLowerCase();
  return words.some((w) => t.includes(w.toLowerCase()));
}
