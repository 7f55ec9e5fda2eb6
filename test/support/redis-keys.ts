/** Test cleanup: deletes every key under a prefix on the test Redis. */
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Deletes the keys matching `<prefix>*` (SCAN, so large sets are fine). */
export async function deleteKeys(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const raw = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await raw.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await raw.del(...keys);
    } while (cursor !== '0');
  } finally {
    await raw.quit();
  }
}
