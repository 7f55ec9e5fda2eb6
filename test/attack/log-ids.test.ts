/**
 * Finding 8 (issue #12): user ids in logs. An attacker with the log and the code hashes every candidate
 * Telegram chat id the way the log ids are made; with an unkeyed hash that recovered four of five ids in
 * seconds. Keyed with the instance secret, the same search recovers none.
 */
import { createHash, randomBytes } from 'node:crypto';
import { handleTurn } from '../../src/conversation/conversation';
import { MemoryStore } from '../../src/state/memory-store';
import { logIdOf, logKeyOf } from '../../src/message';
import { logSink, testDeps } from '../support/core-deps';
import { figure, msg } from './harness';

const IDS = [7712345678, 7712345999, 7712346123, 7712350000, 7712399999];
const CANDIDATES = { from: 7712300000, to: 7712400000 }; // 100,000 ids around the real ones

/** The `user` fields of the turn logs written while the five users each send a message. */
async function loggedIds(secret: Buffer): Promise<string[]> {
  const sink = logSink();
  const deps = testDeps(new MemoryStore(), sink, { logKey: logKeyOf(secret) });
  for (const id of IDS) await handleTurn({ ...msg.text('你好'), channel: 'telegram', userId: String(id) }, deps);
  const users = sink.text().trim().split('\n').map((l) => (JSON.parse(l) as { user?: string }).user).filter((u): u is string => Boolean(u));
  return [...new Set(users)];
}

/** Hashes every candidate id with `hash` and returns the ids whose hash is in `logged`. */
function bruteForce(logged: string[], hash: (userKey: string) => string): number[] {
  const wanted = new Set(logged);
  const found: number[] = [];
  for (let id = CANDIDATES.from; id <= CANDIDATES.to; id++) if (wanted.has(hash(`telegram:${id}`))) found.push(id);
  return found;
}

describe('finding 8: keyed hashes in logs', () => {
  it('the log holds one id per user, never the chat id itself', async () => {
    const logged = await loggedIds(randomBytes(32));
    expect(logged).toHaveLength(5);
    for (const u of logged) expect(IDS.map(String)).not.toContain(u);
  });

  it('hashing 100,000 candidate chat ids recovers none of the five', async () => {
    const logged = await loggedIds(randomBytes(32));
    const started = Date.now();
    // The attack as reported: the unkeyed construction of earlier versions, and the same with a guessed key.
    const unkeyed = bruteForce(logged, (k) => createHash('sha256').update(`debtshield-log:${k}`).digest('hex').slice(0, 12));
    const guessed = bruteForce(logged, (k) => logIdOf(k, logKeyOf(Buffer.alloc(32))));
    figure('chat ids recovered from the log by hashing 100,000 candidates', `${unkeyed.length + guessed.length} of 5 in ${Date.now() - started} ms`);
    expect(unkeyed).toEqual([]);
    expect(guessed).toEqual([]);
    // With the instance secret (what the attacker lacks) the search does find them: the test can fail.
    const secret = randomBytes(32);
    expect(bruteForce(await loggedIds(secret), (k) => logIdOf(k, logKeyOf(secret)))).toEqual(IDS);
  });

  it('ids are stable under one secret (across restarts and processes) and differ under another', async () => {
    const secret = randomBytes(32);
    expect(await loggedIds(secret)).toEqual(await loggedIds(secret));
    expect(await loggedIds(randomBytes(32))).not.toEqual(await loggedIds(secret));
  });
});
