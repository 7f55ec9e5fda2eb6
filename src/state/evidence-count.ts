/**
 * Repeated evidence: every store keeps one item per user and content hash, with how often the content came and
 * when it last did, so a message forwarded five times is one piece of evidence seen five times, not five. The
 * memory and file stores apply these rules in TypeScript; the Redis store applies the same ones in Lua
 * (redis-scripts.ts).
 */
import type { AppendResult, EvidenceItem } from './store';

/** The item as stored on first append: count and lastSeenAt belong to the store, so a caller's are dropped. */
export function asFirstSeen(item: EvidenceItem): EvidenceItem {
  const { count: _count, lastSeenAt: _lastSeenAt, ...kept } = item;
  return kept;
}

/** When the item arrived, in ms since the epoch; an unparseable receivedAt counts as `now`. */
export function receivedMs(item: EvidenceItem, now: Date): number {
  const ms = Date.parse(item.receivedAt);
  return Number.isFinite(ms) ? ms : now.getTime();
}

/**
 * Counts `item` on `kept`, the item with the same content stored before: count + 1, and lastSeenAt the later of
 * its current value and the new receivedAt (so a retried, older item arriving late does not move it back).
 * Mutates `kept`.
 */
export function countRepeat(kept: EvidenceItem, item: EvidenceItem, now: Date): AppendResult {
  const count = (kept.count ?? 1) + 1;
  const before = kept.lastSeenAt === undefined ? NaN : Date.parse(kept.lastSeenAt);
  const seen = receivedMs(item, now);
  kept.count = count;
  kept.lastSeenAt = new Date(Number.isFinite(before) ? Math.max(before, seen) : seen).toISOString();
  return { id: kept.id, duplicate: true, count };
}

/** The result of storing an item whose content was not kept yet. */
export function firstSeen(item: EvidenceItem): AppendResult {
  return { id: item.id, duplicate: false, count: 1 };
}
