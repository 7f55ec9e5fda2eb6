/**
 * The Lua scripts RedisStore runs server-side, each atomic by Redis's guarantee, and the client type that
 * carries them as commands. Defined once per connection with `defineScripts`; ioredis sends EVALSHA and falls
 * back to EVAL when the server has not seen a script yet (after a restart, say).
 */
import type { Redis } from 'ioredis';

/** Writes KEYS[1] only if it still holds what was read (ARGV[1]: its SHA-1, or '' for absent). */
const CAS_STATE = `
local cur = redis.call('GET', KEYS[1])
if cur then
  if redis.sha1hex(cur) ~= ARGV[1] then return 0 end
elseif ARGV[1] ~= '' then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1`;

/**
 * Appends one evidence record, or counts it on the record already kept for the same content.
 *   KEYS: [1] the evidence list, [2] its index (content tag -> list position), [3] its counts
 *         (list position -> "count:lastSeenMs:sha", only for records seen more than once)
 *   ARGV: [1] the content tag (a keyed hash: the content hash itself never reaches Redis), [2] the sealed record,
 *         [3] its receivedAt in ms, [4] how many records the user may keep
 * Returns {1, position, count} when the record is (or already was) stored at that position; {2, position,
 * count, sealed record kept} when it was counted as a repeat; {-1} when the list predates the index, which the
 * caller must build first (dsIndexEvidence); {-2} when new content would pass the cap (nothing written). A
 * record is sealed once and retried as the same string, so a retry of a write whose reply was lost is recognised
 * and not counted again: the stored record itself, or the last repeat counted (its SHA-1 prefix is kept with the
 * count).
 */
const APPEND_EVIDENCE = `
local pos = redis.call('HGET', KEYS[2], ARGV[1])
if not pos then
  local n = redis.call('LLEN', KEYS[1])
  if redis.call('HLEN', KEYS[2]) == 0 and n > 0 then return {-1} end
  if n >= tonumber(ARGV[4]) then return {-2} end
  local len = redis.call('RPUSH', KEYS[1], ARGV[2])
  redis.call('HSET', KEYS[2], ARGV[1], len - 1)
  return {1, len - 1, 1}
end
local kept = redis.call('LINDEX', KEYS[1], pos)
local count, last, sha = 1, ARGV[3], ''
local cur = redis.call('HGET', KEYS[3], pos)
if cur then
  local c, l, s = string.match(cur, '^(%d+):(%d+):(%x*)$')
  count, last, sha = tonumber(c), l, s
end
if kept == ARGV[2] then return {1, tonumber(pos), count} end
local mine = string.sub(redis.sha1hex(ARGV[2]), 1, 16)
if mine == sha then return {2, tonumber(pos), count, kept} end
count = count + 1
if tonumber(ARGV[3]) > tonumber(last) then last = ARGV[3] end
redis.call('HSET', KEYS[3], pos, count .. ':' .. last .. ':' .. mine)
return {2, tonumber(pos), count, kept}`;

/**
 * Builds the index of a list written before evidence was counted, once: only if there is no index yet and the
 * list still has the length the caller read (else another writer got there first; the caller retries).
 *   KEYS: [1] the evidence list, [2] its index; ARGV: [1] the list length read, then tag, position pairs
 * Returns 1 if it wrote the index, 0 if not. A list none of whose records could be read gets the marker field
 * '-', so its index is not empty and is not built again.
 */
const INDEX_EVIDENCE = `
if redis.call('HLEN', KEYS[2]) > 0 then return 0 end
if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return 0 end
if #ARGV == 1 then redis.call('HSET', KEYS[2], '-', '-1') end
for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
return 1`;

/** A client with the scripts defined. */
export type ScriptedRedis = Redis & {
  /** 1 if `value` was written (the key still held what hashes to `expectedSha1`), 0 if another write won. */
  dsCasState(key: string, expectedSha1: string, value: string, ttlSeconds: number): Promise<number>;
  /** See APPEND_EVIDENCE: [1, position, count], [2, position, count, kept record], [-1] or [-2]. */
  dsAppendEvidence(
    listKey: string,
    indexKey: string,
    countsKey: string,
    tag: string,
    sealed: string,
    receivedMs: string,
    maxRecords: string,
  ): Promise<[number, number?, number?, string?]>;
  /** 1 if the index of a pre-index list was written from `pairs` (tag, position, …), 0 if not. */
  dsIndexEvidence(listKey: string, indexKey: string, listLength: number, ...pairs: string[]): Promise<number>;
};

/** Defines the scripts on `redis` (before it connects) and returns it typed with them. */
export function defineScripts(redis: Redis): ScriptedRedis {
  redis.defineCommand('dsCasState', { numberOfKeys: 1, lua: CAS_STATE });
  redis.defineCommand('dsAppendEvidence', { numberOfKeys: 3, lua: APPEND_EVIDENCE });
  redis.defineCommand('dsIndexEvidence', { numberOfKeys: 2, lua: INDEX_EVIDENCE });
  return redis as ScriptedRedis;
}
