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
 * Appends ARGV[1] unless that very sealed record is already among the last writes. A record is sealed once and
 * retried as the same string, so a write whose reply was lost is never stored twice. The scan starts at the
 * tail (where a retried record is) and is bounded, so appends stay cheap however long the list grows.
 */
const APPEND_ONCE = `
if redis.call('LPOS', KEYS[1], ARGV[1], 'RANK', -1, 'MAXLEN', 2000) then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[1])
return 1`;

/** A client with the scripts defined. */
export type ScriptedRedis = Redis & {
  /** 1 if `value` was written (the key still held what hashes to `expectedSha1`), 0 if another write won. */
  dsCasState(key: string, expectedSha1: string, value: string, ttlSeconds: number): Promise<number>;
  /** 1 if `sealed` was appended, 0 if it was already there (a retried write). */
  dsAppendOnce(key: string, sealed: string): Promise<number>;
};

/** Defines the scripts on `redis` (before it connects) and returns it typed with them. */
export function defineScripts(redis: Redis): ScriptedRedis {
  redis.defineCommand('dsCasState', { numberOfKeys: 1, lua: CAS_STATE });
  redis.defineCommand('dsAppendOnce', { numberOfKeys: 1, lua: APPEND_ONCE });
  return redis as ScriptedRedis;
}
