/**
 * Per-turn helpers handed to every step of a turn: the user's key, logger, state access that tolerates a store
 * outage, and the turn's changes to the dialogue state, written once when the turn ends (commit).
 */
import { emptyReply, type OutboundReply, type ReplyKind } from '../message';
import type { TurnDeps } from './deps';
import type { CoreLogger } from '../logger';
import type { InboundMessage } from '../message';
import { freshState, type CrisisMode, type LoanFacts, type UserState } from '../state/store';
import { errorSummary } from '../error-summary';
import { crisisToCarry, keepCrisis } from './crisis-memory';
import { listedItems } from './back-reference';

/** Characters of a user's message kept in history (the whole text of a collector's message is in the evidence). */
const USER_TEXT_KEPT = 500;
/** Characters of the bot's reply kept in history: the gist a follow-up needs (the direct answer comes first). */
const BOT_TEXT_KEPT = 150;

type Mutation = (s: UserState) => void;

/** Per-turn helpers: the user's key, logger, state access that tolerates a store outage. */
export class TurnContext {
  private cached: UserState | null | undefined;
  private userText: string | undefined;
  private readonly mutations: Mutation[] = [];
  private forgotten = false;
  /** A crisis mode this process knows and the store did not return (crisis-memory.ts): the turn starts from it. */
  private carried: CrisisMode | undefined;
  storeFailed = false;
  /** Set when this turn entered or left crisis mode itself (its reply needs no crisis wrapping). */
  crisisHandled = false;
  /** An acute crisis with no acute sign this turn: the reply keeps care without the emergency script. */
  crisisEased = false;
  /** Eased, but nothing this turn said the plan or the means were put away ("我不会告诉他们的"): care keeps them in view. */
  crisisMeansOut = false;
  /**
   * The person said they are safe and asked something too: the answer comes first (its verdict early), then one
   * line glad they are safe, with 12356.
   */
  safeLead = false;
  /** In crisis mode: what the person is doing this turn (crisis.yaml `moods`), so care meets it. */
  crisisMood: string | undefined = undefined;
  /** With risk or acute this turn: an act already done (crisis.yaml `acute_done` kind), so care says call 120 now. */
  crisisDone: string | undefined = undefined;
  /** With risk or acute this turn: a dangerous place was named, so later care asks whether they have left it. */
  crisisPlace = false;
  /** They said they are back from the place named ("我下来了"): care stops asking whether they have left it. */
  crisisLeftPlace = false;

  /** The loan parser's readings of this turn's texts, by text and time (loanFacts): each text is parsed once. */
  private readonly loanReadings = new Map<string, LoanFacts>();

  constructor(readonly deps: TurnDeps, readonly key: string, readonly log: CoreLogger) {}

  /**
   * The loan facts the interest check's parser reads in `text` as of `at`, parsed once per turn however many steps
   * ask (loan numbers, what arrived, the lender named, interest paid back). Each caller gets its own shallow copy,
   * free to change; empty without an interest check.
   */
  loanFacts(text: string, at: Date): LoanFacts {
    const kit = this.deps.interest;
    if (!kit) return {};
    const key = `${at.getTime()}\u0000${text}`;
    let read = this.loanReadings.get(key);
    if (!read) {
      read = kit.parseLoanText(text, at) as LoanFacts;
      this.loanReadings.set(key, read);
    }
    return { ...read };
  }

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

  /**
   * The user's state as it was when the turn began (null when none is kept or the store is down), with a crisis
   * mode an earlier turn could not save put back (crisis-memory.ts): care goes on through a store failure.
   */
  async state(): Promise<UserState | null> {
    if (this.cached !== undefined) return this.cached;
    let readFailed = false;
    try {
      this.cached = await this.deps.store.read(this.key);
    } catch (e) {
      this.storeFailed = true;
      readFailed = true;
      this.log.warn({ err: errorSummary(e) }, 'state read failed');
      this.cached = null;
    }
    this.carried = crisisToCarry(this.deps.store, this.key, this.cached, readFailed);
    if (this.carried) {
      this.log.warn({}, 'crisis mode carried over from an unsaved turn');
      this.cached = { ...(this.cached ?? freshState(this.deps.now())), crisis: structuredClone(this.carried) };
    }
    return this.cached;
  }

  /**
   * Records what the user said this turn (kept in history) and a change to the dialogue state. Nothing is written
   * until commit(), so a turn costs one store write however many steps it takes.
   */
  remember(userText: string | null, mutate?: Mutation): void {
    if (userText !== null && this.userText === undefined) this.userText = userText;
    if (mutate) this.mutations.push(mutate);
  }

  /** After the user's data was deleted this turn: write nothing back, and forget a crisis mode kept in memory. */
  forget(): void {
    this.forgotten = true;
    keepCrisis(this.deps.store, this.key, undefined, true);
  }

  /**
   * Writes the turn: history (the user's words and the start of the reply), every recorded change, and the
   * reply's buttons as the only ones now valid. On a store failure the reply says it was not saved.
   */
  async commit(reply: OutboundReply, extra?: Mutation): Promise<void> {
    if (this.forgotten) return;
    const at = this.deps.now().toISOString();
    const userText = this.userText;
    const before = await this.state();
    const carried = this.carried;
    // Nothing said, changed or offered: write only to retire buttons an earlier reply offered.
    if (userText === undefined && !this.mutations.length && !extra && !reply.buttons.length && !before?.offered && !carried) return;
    try {
      this.cached = await this.deps.store.update(this.key, (s) => {
        // The crisis mode the turn started from, when the store lacked it: written back before the turn's changes.
        if (carried && !(s.crisis && s.crisis.since >= carried.since)) s.crisis = structuredClone(carried);
        if (userText !== undefined) {
          s.history.push({ at, role: 'user', text: userText.slice(0, USER_TEXT_KEPT) });
          const botText = reply.blocks.map((b) => b.text || (b.items ?? []).join('\n')).join('\n').slice(0, BOT_TEXT_KEPT);
          if (botText) s.history.push({ at, role: 'bot', text: botText });
        }
        for (const m of this.mutations) m(s);
        extra?.(s);
        s.offered = reply.buttons.length ? { at, buttons: reply.buttons.map((b) => ({ id: b.id, label: b.label })) } : undefined;
        // What this reply listed is what "那第二个呢" points at next; a reply that lists nothing leaves nothing to point at.
        s.listed = listedItems(reply);
        s.lastTurnAt = at;
      });
      keepCrisis(this.deps.store, this.key, this.cached.crisis, true);
    } catch (e) {
      this.storeFailed = true;
      this.log.warn({ err: errorSummary(e) }, 'state write failed');
      // What the turn meant to leave is kept in this process, so the next turn still gives care.
      keepCrisis(this.deps.store, this.key, this.intendedCrisis(before, extra), false);
      if (userText !== undefined || this.mutations.length) reply.notices.push({ kind: 'not_saved', text: this.deps.replies.text('store_unavailable') });
    }
  }

  /** The crisis mode the turn's changes give when applied to the state it started from (a copy). */
  private intendedCrisis(before: UserState | null, extra?: Mutation): CrisisMode | undefined {
    const s = structuredClone(before ?? freshState(this.deps.now()));
    try {
      for (const m of this.mutations) m(s);
      extra?.(s);
    } catch {
      // A change that cannot be replayed on the copy: the mode as the turn began, leaning to care.
      return before?.crisis;
    }
    return s.crisis;
  }

  /** A reply of one fixed message. */
  say(key: string, vars?: Record<string, string | number>, kind: ReplyKind = 'answer'): OutboundReply {
    const r = emptyReply(kind);
    r.blocks.push({ style: 'paragraph', text: this.deps.replies.text(key, vars) });
    return r;
  }

  withTruncation(truncated: boolean, reply: OutboundReply): OutboundReply {
    if (truncated) reply.notices.unshift({ kind: 'truncated', text: this.deps.replies.text('message_too_long', { max: this.deps.limits.maxMessageChars }) });
    return reply;
  }
}
