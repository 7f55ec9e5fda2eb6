/**
 * handleTurn: the one entry point of the conversation core. Every channel — terminal, Telegram, WeChat, web,
 * the CLI — hands an InboundMessage in and renders the OutboundReply it gets back. It reads as the list of steps
 * a turn takes; each step lives in its own module.
 */
import { randomBytes } from 'node:crypto';
import { emptyReply, logIdOf, userKeyOf, type InboundMessage, type OutboundReply } from './message';
import type { TurnDeps, CoreLogger } from './deps';
import { intake } from './intake';
import { runCommand } from './commands';
import { renderAnalysis } from './analysis-reply';
import { buildEvidence } from './evidence';
import { crisisReply } from './crisis-reply';
import { pressButton } from './buttons';
import { isGreeting, routeText } from './route';
import type { Bubble } from './merge-analyses';
import { analyzeCollectorText } from './second-opinion';
import { readScreenshot, analyzeScreenshotText, isCorrectionAwaited } from './screenshot';
import type { UserState } from '../state/store';
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

interface CollectorMessage {
  text: string;
  sentAt: Date | null;
  receivedAt: Date;
  kind: 'message' | 'screenshot';
  imageSha256?: string;
  from?: string;
  /** A screenshot's bubbles with their own send times, when OCR read them. */
  bubbles?: Bubble[];
  /** The text was typed by the user to correct what OCR read. */
  corrected?: boolean;
}

/** Analyses a collector's message, saves it as evidence when something is wrong, and explains what to do. */
export async function analyzeMessage(m: CollectorMessage, turn: TurnContext): Promise<OutboundReply> {
  const { deps } = turn;
  const { text, sentAt, receivedAt } = m;
  const analysis = await analyzeCollectorText(deps.analysis, text, sentAt, m.bubbles);
  const view = renderAnalysis(analysis, sentAt ?? receivedAt, deps, text);
  const reply = view.reply;
  let evidenceId: string | undefined;
  if (!analysis.lawful) {
    const item = buildEvidence({ kind: m.kind, text, receivedAt, sentAt, categories: analysis.categories, imageSha256: m.imageSha256, from: m.from, corrected: m.corrected });
    try {
      await deps.store.appendEvidence(turn.key, item);
      evidenceId = item.id;
      reply.notices.push({ kind: 'saved', text: deps.replies.text('evidence_saved', { id: item.id }) });
    } catch (e) {
      turn.log.error({ err: errorSummary(e) }, 'evidence write failed');
      reply.notices.push({ kind: 'not_saved', text: deps.replies.text('evidence_not_saved') });
    }
  }
  await turn.remember(text, reply, (s) => {
    s.pending = undefined;
    s.lastAnalysis = {
      at: receivedAt.toISOString(),
      categories: analysis.categories,
      lawful: analysis.lawful,
      sentAt: sentAt ? sentAt.toISOString() : null,
      evidenceId,
    };
    s.lastCitations = view.citations.map((c) => ({ law: c.law, article: c.article, at: (sentAt ?? receivedAt).toISOString() }));
  });
  return reply;
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

/** Characters of a user's message kept in history (the whole text of a collector's message is in the evidence). */
const USER_TEXT_KEPT = 500;
/** Characters of the bot's reply kept in history: the gist a follow-up needs (the direct answer comes first). */
const BOT_TEXT_KEPT = 150;

/** Per-turn helpers: the user's key, logger, state access that tolerates a store outage. */
export class TurnContext {
  private cached: UserState | null | undefined;
  storeFailed = false;

  constructor(readonly deps: TurnDeps, readonly key: string, readonly log: CoreLogger) {}

  /** True if this channel message was already processed (a redelivery). Store errors let it through. */
  async isRedelivery(msg: InboundMessage): Promise<boolean> {
    if (!msg.messageId) return false;
    try {
      return !(await this.deps.store.markProcessed(this.key, `${msg.channel}:${msg.messageId}`));
    } catch (e) {
      this.storeFailed = true;
      this.log.warn({ err: errorSummary(e) }, 'dedupe unavailable');
      return false;
    }
  }

  async state(): Promise<UserState | null> {
    if (this.cached !== undefined) return this.cached;
    try {
      this.cached = await this.deps.store.read(this.key);
    } catch (e) {
      this.storeFailed = true;
      this.log.warn({ err: errorSummary(e) }, 'state read failed');
      this.cached = null;
    }
    return this.cached;
  }

  /** Appends the turn to history and applies `mutate`; on a store failure the reply says it was not saved. */
  async remember(userText: string, reply: OutboundReply | null, mutate: (s: UserState) => void): Promise<void> {
    const at = this.deps.now().toISOString();
    try {
      this.cached = await this.deps.store.update(this.key, (s) => {
        s.history.push({ at, role: 'user', text: userText.slice(0, USER_TEXT_KEPT) });
        const botText = reply?.blocks.map((b) => b.text || (b.items ?? []).join('\n')).join('\n').slice(0, BOT_TEXT_KEPT);
        if (botText) s.history.push({ at, role: 'bot', text: botText });
        mutate(s);
      });
    } catch (e) {
      this.storeFailed = true;
      this.log.warn({ err: errorSummary(e) }, 'state write failed');
      reply?.notices.push({ kind: 'not_saved', text: this.deps.replies.text('store_unavailable') });
    }
  }

  /** A reply of one fixed message. */
  say(key: string, vars?: Record<string, string | number>): OutboundReply {
    const r = emptyReply();
    r.blocks.push({ style: 'paragraph', text: this.deps.replies.text(key, vars) });
    return r;
  }

  withTruncation(truncated: boolean, reply: OutboundReply): OutboundReply {
    if (truncated) reply.notices.unshift({ kind: 'truncated', text: this.deps.replies.text('message_too_long', { max: this.deps.limits.maxMessageChars }) });
    return reply;
  }
}
