/**
 * An in-memory ConversationStore for tests and throwaway runs. Same semantics as the others (per-user
 * serialisation, TTL, dedupe), no persistence.
 */
import { applyUpdate, isExpired } from './history';
import { asFirstSeen, countRepeat, firstSeen } from './evidence-count';
import { UserLock } from './user-lock';
import { AppError } from '../errors';
import { freshState, type AppendResult, type ConversationStore, type EvidenceItem, type UserState } from './store';

export class MemoryStore implements ConversationStore {
  private readonly states = new Map<string, string>();
  private readonly evidence = new Map<string, EvidenceItem[]>();
  private readonly seen = new Map<string, Set<string>>();
  private readonly lock = new UserLock();

  /** `maxEvidence`: items one user may keep (MAX_EVIDENCE_PER_USER); default 500. */
  constructor(private readonly opts: { ttlDays: number; historyTurns: number; now?: () => Date; maxEvidence?: number } = { ttlDays: 30, historyTurns: 20 }) {}

  private now(): Date {
    return this.opts.now ? this.opts.now() : new Date();
  }

  async read(userKey: string): Promise<UserState | null> {
    const raw = this.states.get(userKey);
    if (!raw) return null;
    const state = JSON.parse(raw) as UserState;
    if (isExpired(state, this.now(), this.opts.ttlDays)) {
      this.states.delete(userKey);
      return null;
    }
    return state;
  }

  update(userKey: string, mutate: (state: UserState) => void): Promise<UserState> {
    return this.lock.run(userKey, async () => {
      const state = (await this.read(userKey)) ?? freshState(this.now());
      applyUpdate(state, mutate, this.now(), this.opts.historyTurns);
      this.states.set(userKey, JSON.stringify(state));
      return state;
    });
  }

  /** Synchronous inside, so atomic per user without a lock. */
  async appendEvidence(userKey: string, item: EvidenceItem): Promise<AppendResult> {
    const list = this.evidence.get(userKey) ?? [];
    const kept = list.find((e) => e.contentSha256 === item.contentSha256);
    if (kept) return countRepeat(kept, item, this.now());
    const max = this.opts.maxEvidence ?? 500;
    if (list.length >= max) throw new AppError('EVIDENCE_LIMIT', `the user keeps ${list.length} evidence items (MAX_EVIDENCE_PER_USER=${max})`);
    list.push(structuredClone(asFirstSeen(item)));
    this.evidence.set(userKey, list);
    return firstSeen(item);
  }

  async listEvidence(userKey: string): Promise<EvidenceItem[]> {
    return structuredClone(this.evidence.get(userKey) ?? []);
  }

  async markProcessed(userKey: string, messageId: string): Promise<boolean> {
    const set = this.seen.get(userKey) ?? new Set<string>();
    this.seen.set(userKey, set);
    if (set.has(messageId)) return false;
    set.add(messageId);
    return true;
  }

  deleteUser(userKey: string): Promise<number> {
    // Under the user's lock, so an update queued before the delete cannot re-create the state after it.
    return this.lock.run(userKey, async () => {
      let n = 0;
      for (const m of [this.states, this.evidence, this.seen] as Array<Map<string, unknown>>) if (m.delete(userKey)) n++;
      return n;
    });
  }

  async close(): Promise<void> {}
}
