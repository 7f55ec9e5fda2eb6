/**
 * handleTurn: the one entry point of the conversation core. Every channel — terminal, Telegram, WeChat, web,
 * the CLI — hands an InboundMessage in and renders the OutboundReply it gets back. It reads as the list of steps
 * a turn takes; each step lives in its own module:
 * 1. a redelivered channel message is processed once;
 * 2. intake refuses empty, binary or unsupported input with a clear reply;
 * 3. crisis detection runs on every text the user sends (typed, forwarded, a caption, a command's words);
 * 4. the message is handled by its kind (text-turn.ts reads a typed text inside its conversation);
 * 5. in crisis mode the reply opens with care and keeps the lines visible;
 * 6. the turn's state changes and the reply's buttons (the only ones valid now) are written once.
 */
import { randomBytes } from 'node:crypto';
import { emptyReply, logIdOf, userKeyOf, type InboundMessage, type OutboundReply } from '../message';
import type { TurnDeps } from './deps';
import { intake } from './intake';
import { runCommand } from './commands';
import { pressButton } from './buttons';
import { readScreenshot } from './screenshot';
import { analyzeMessage } from './collector-message';
import { TurnContext } from './turn-context';
import { crisisDistress, inCrisis, keptLine, withCrisisCare, withCrisisLead } from './crisis-mode';
import { userTurns } from './turn-lock';
import { meetFear } from './fear-ack';
import { careForReportedDeathWish } from './reported-death-wish';
import { textTurn } from './text-turn';
import { isAllPinyin } from './pinyin';
import { noteLenderNamed } from './remembered-facts';
import { emojiOnly, onlyEmoji } from './emoji-only';
import { varyClosing } from './closing-line';
import { errorSummary } from '../error-summary';
import { FIRST_PERSON } from './understanding/speaker';

/** Handles one inbound message and returns the reply. Never throws: failures become a Chinese reply. */
export async function handleTurn(msg: InboundMessage, deps: TurnDeps): Promise<OutboundReply> {
  return userTurns(deps.store).run(userKeyOf(msg), () => runTurn(msg, deps));
}

async function runTurn(msg: InboundMessage, deps: TurnDeps): Promise<OutboundReply> {
  const key = userKeyOf(msg);
  const log = deps.logger.child({ turn: randomBytes(4).toString('hex'), user: logIdOf(key, deps.logKey), channel: msg.channel, kind: msg.kind });
  const started = Date.now();
  const turn = new TurnContext(deps, key, log);
  try {
    if (await turn.isRedelivery(msg)) return emptyReply('command');
    const reply = await dispatch(msg, turn);
    const state = await turn.state();
    // A collector's message that names its lender ("【XX消费金融】…"): that lender is remembered for a later interest question.
    if (reply.kind === 'analysis' && (msg.kind === 'forwarded' || msg.kind === 'text')) noteLenderNamed(msg.text, turn);
    if (!turn.crisisHandled && inCrisis(state) && reply.kind !== 'command' && reply.kind !== 'error') withCrisisCare(reply, state.crisis, turn, msg.kind === 'forwarded');
    // Safe, and a question answered: the verdict first, then one line glad they are safe, with 12356 kept in view.
    if (turn.safeLead) reply.blocks.push({ style: 'paragraph', text: deps.replies.text('crisis_safe_after_answer') });
    // Safety said early: the turns care would still have run end with one line giving 12356.
    else keptLine(reply, state, turn);
    // Fear said in the user's words ("是真的吗 我好怕"): met in the first sentence, with 110 when a threat is in focus.
    if (msg.kind === 'text') meetFear(reply, msg.text, state, turn);
    // A collector's words of death reported ("说我不配活着"): the insult answered, one gentle line under it.
    if (msg.kind === 'text') careForReportedDeathWish(reply, msg.text, inCrisis(state), turn);
    // The debt line said once in this dialogue closes later replies in other words.
    varyClosing(reply, state, turn);
    await turn.commit(reply);
    log.info({ ms: Date.now() - started, reply: reply.kind, blocks: reply.blocks.length, citations: reply.citations.length, evidence: reply.evidenceSaved }, 'turn done');
    return reply;
  } catch (e) {
    log.error({ err: errorSummary(e, { frames: true }), ms: Date.now() - started }, 'turn failed');
    const r = emptyReply('error');
    r.blocks.push({ style: 'paragraph', text: deps.replies.text('internal_error') });
    return r;
  }
}

async function dispatch(msg: InboundMessage, turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  const checked = intake(msg, deps.limits.maxMessageChars);
  if (!checked.ok) {
    // Silence in crisis mode ("。。。") is not an input error: care goes on.
    if (checked.replyKey === 'empty_message' && msg.kind === 'text') {
      const state = await turn.state();
      if (inCrisis(state)) {
        turn.crisisMood = 'silent';
        return crisisDistress(msg.text, turn, state.crisis);
      }
      // Emoji alone ("😭😭", "🙏") say something: a gentle reply, care when it follows care, never an error.
      if (onlyEmoji(msg.text)) return emojiOnly(msg.text, state, turn);
    }
    return turn.say(checked.replyKey, checked.vars, 'error');
  }

  // A command typed as text (a channel that does not mark commands) is still a command.
  const typed = msg.kind === 'text' ? /^\/([A-Za-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(checked.text) : null;
  if (typed) msg = { ...msg, kind: 'command', name: typed[1]!, args: typed[2] ?? '' };

  // Crisis detection on every text the user sends that is not read as a whole turn below (typed text is read in
  // text-turn.ts): the command still runs and the forward is still analysed and kept, inside care.
  const userWords = msg.kind === 'command' ? msg.args : msg.kind === 'image' ? msg.caption ?? '' : msg.kind === 'forwarded' ? checked.text : '';
  const read = userWords ? deps.understander.understand(userWords, 'none', msg.receivedAt) : undefined;
  // A forward read as a collector's, with no one speaking as 我: its words of death ("臭不要脸 欠钱不还 死了算了") are
  // their abuse, analysed as such, never the user's own wish.
  const theirs = msg.kind === 'forwarded' && read?.speaker === 'collector' && !FIRST_PERSON.test(userWords);
  const signal = read && !theirs ? read.crisis : 'none';
  const reply = await byKind(msg, checked, turn);
  if (signal === 'risk' || signal === 'acute') {
    turn.crisisHandled = true;
    return withCrisisLead(reply, signal, turn);
  }
  return reply;
}

async function byKind(msg: InboundMessage, checked: Extract<ReturnType<typeof intake>, { ok: true }>, turn: TurnContext): Promise<OutboundReply> {
  switch (msg.kind) {
    case 'command':
      return runCommand(msg, turn);
    case 'button':
      return pressButton(msg.id, msg.receivedAt, turn);
    case 'image':
      return readScreenshot(msg, turn);
    case 'file':
      return turn.say('unsupported_file', undefined, 'error');
    case 'forwarded':
      return turn.withTruncation(
        checked.truncated,
        await analyzeMessage({ text: checked.text, sentAt: msg.sentAt, receivedAt: msg.receivedAt, kind: 'message', from: msg.from }, turn),
      );
    case 'text':
      return turn.withTruncation(checked.truncated, inChineseOnly(checked.text, await textTurn(checked.text, msg.receivedAt, turn), turn));
  }
}

/**
 * A turn reads as written in English when it has at least this many English words and they outnumber its Chinese
 * characters (a Chinese character is about half an English word: "如果真被sue了 法院会freeze我的bank account吗" is
 * Chinese with English words in it, and gets no notice).
 */
const MIN_ENGLISH_WORDS = 3;

/** A turn written in English (not pinyin) gets a line saying the bot answers in Chinese (in both languages). */
function inChineseOnly(text: string, reply: OutboundReply, turn: TurnContext): OutboundReply {
  const latin = text.match(/[A-Za-z]+(?:'[A-Za-z]+)?/g) ?? [];
  // Pinyin typed without characters is Chinese: no notice.
  const words = isAllPinyin(latin) ? 0 : latin.length;
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  if (words >= MIN_ENGLISH_WORDS && words * 2 > han && reply.kind !== 'error') {
    // Care comes first for a person at risk; the language notice follows it.
    const note = { style: 'paragraph' as const, text: turn.deps.replies.text('chinese_only') };
    if (reply.kind === 'crisis') reply.blocks.push(note);
    else reply.blocks.unshift(note);
  }
  return reply;
}
