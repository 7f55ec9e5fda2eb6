/** Per-turn helpers handed to every step of a turn: the user's key, logger, and state access that tolerates an outage. */
import { emptyReply, type OutboundReply } from '../message';
import type { TurnDeps } from './deps';
import type { CoreLogger } from '../logger';
import type { InboundMessage } from '../message';
import type { UserState } from '../state/store';
import { errorSummary } from '../error-summary';

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
