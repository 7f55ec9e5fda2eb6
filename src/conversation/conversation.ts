/**
 * handleTurn: the one entry point of the conversation core. Every channel — terminal, Telegram, WeChat, web,
 * the CLI — hands an InboundMessage in and renders the OutboundReply it gets back. It reads as the list of steps
 * a turn takes; each step lives in its own module.
 */
import { randomBytes } from 'node:crypto';
import { emptyReply, logIdOf, userKeyOf, type InboundMessage, type OutboundReply } from '../message';
import type { TurnDeps } from './deps';
import { intake } from './intake';
import { runCommand } from './commands';
import { crisisReply } from './crisis-reply';
import { pressButton } from './buttons';
import { isGreeting, routeText } from './route';
import { readScreenshot, analyzeScreenshotText, isCorrectionAwaited } from './screenshot';
import { analyzeMessage } from './collector-message';
import { TurnContext } from './turn-context';
import { errorSummary } from '../error-summary';

/** Handles one inbound message and returns the reply. Never throws: failures become a Chinese reply. */
export async function handleTurn(msg: InboundMessage, deps: TurnDeps): Promise<OutboundReply> {
  const key = userKeyOf(msg);
  const log = deps.logger.child({ turn: randomBytes(4).toString('hex'), user: logIdOf(key), channel: msg.channel, kind: msg.kind });
  const started = Date.now();
  const turn = new TurnContext(deps, key, log);
  try {
    if (await turn.isRedelivery(msg)) return emptyReply();
    const reply = await dispatch(msg, turn);
    log.info({ ms: Date.now() - started, blocks: reply.blocks.length, citations: reply.citations.length }, 'turn done');
    return reply;
  } catch (e) {
    log.error({ err: errorSummary(e, { frames: true }), ms: Date.now() - started }, 'turn failed');
    const r = emptyReply();
    r.blocks.push({ style: 'paragraph', text: deps.replies.text('internal_error') });
    return r;
  }
}

async function dispatch(msg: InboundMessage, turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  const checked = intake(msg, deps.limits.maxMessageChars);
  if (!checked.ok) return turn.say(checked.replyKey, checked.vars);

  switch (msg.kind) {
    case 'command':
      return runCommand(msg, turn);
    case 'button':
      return pressButton(msg, turn);
    case 'image':
      return readScreenshot(msg, turn);
    case 'file':
      return turn.say('unsupported_file');
    case 'forwarded':
      return turn.withTruncation(
        checked.truncated,
        await analyzeMessage({ text: checked.text, sentAt: msg.sentAt, receivedAt: msg.receivedAt, kind: 'message', from: msg.from }, turn),
      );
    case 'text': {
      const text = checked.text;
      if (deps.analysis.detectCrisis(text)) {
        turn.log.warn({}, 'crisis expressed');
        await turn.remember(text, null, () => undefined);
        return crisisReply(deps);
      }
      if (isGreeting(text, deps.knowledge.greetings)) return turn.say('help');
      const pending = (await turn.state())?.pending;
      if (pending?.kind === 'ocr_correction' && isCorrectionAwaited(pending.since, deps.now())) {
        return turn.withTruncation(checked.truncated, await analyzeScreenshotText(text, pending.data ?? {}, msg.receivedAt, turn));
      }
      const analysis = deps.analysis.analyzer.analyze({ text, sentAt: null });
      if (routeText(text, analysis, deps.knowledge.questionCues) === 'analyze') {
        return turn.withTruncation(
          checked.truncated,
          await analyzeMessage({ text, sentAt: null, receivedAt: msg.receivedAt, kind: 'message' }, turn),
        );
      }
      return turn.withTruncation(checked.truncated, await answerQuestion(text, turn));
    }
  }
}


/** Answers a question from the knowledge base (through the LLM when one is configured). */
async function answerQuestion(text: string, turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  const state = await turn.state();
  const now = deps.now();
  const result = await deps.answerer.answer(text, {
    at: now,
    lastTopic: state?.lastTopic,
    history: state?.history.slice(-6).map((t) => ({ role: t.role, text: t.text })),
  });
  await turn.remember(text, result.reply, (s) => {
    if (result.guideId) s.lastTopic = result.guideId;
    s.lastCitations = result.reply.citations.map((c) => ({ law: c.law, article: c.article, at: now.toISOString() }));
  });
  return result.reply;
}
