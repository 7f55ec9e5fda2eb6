/** The retry policy and per-chat ordering, with telegraf's own error class and real timers. */
import { TelegramError } from 'telegraf';
import { SendQueue, withRetry } from '../../../src/channels/telegram/send-queue';
import { isEntityParseError, isTransient, retryAfterSeconds } from '../../../src/channels/telegram/api-errors';

const tooMany = (s: number) => new TelegramError({ error_code: 429, description: `Too Many Requests: retry after ${s}`, parameters: { retry_after: s } });
const netError = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { name: 'FetchError', type: 'system', code: 'ECONNREFUSED' });

describe('api errors', () => {
  it('reads what each failure means', () => {
    expect(retryAfterSeconds(tooMany(3))).toBe(3);
    expect(isTransient(netError())).toBe(true);
    expect(isTransient(new TelegramError({ error_code: 502, description: 'Bad Gateway' }))).toBe(true);
    expect(isTransient(new TelegramError({ error_code: 403, description: 'Forbidden: bot was blocked by the user' }))).toBe(false);
    expect(isEntityParseError(new TelegramError({ error_code: 400, description: "Bad Request: can't parse entities: x" }))).toBe(true);
    expect(isEntityParseError(new TelegramError({ error_code: 400, description: 'Bad Request: chat not found' }))).toBe(false);
  });
});

describe('withRetry', () => {
  it('waits retry_after on 429 and sends again', async () => {
    const waits: number[] = [];
    let n = 0;
    const r = await withRetry(
      async () => {
        if (n++ === 0) throw tooMany(2);
        return 'sent';
      },
      { sleep: async (ms) => void waits.push(ms) },
    );
    expect(r).toBe('sent');
    expect(waits).toEqual([2000]);
  });

  it('backs off exponentially on network errors and gives up after maxAttempts', async () => {
    const waits: number[] = [];
    let n = 0;
    await expect(
      withRetry(
        async () => {
          n++;
          throw netError();
        },
        { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250, sleep: async (ms) => void waits.push(ms) },
      ),
    ).rejects.toThrow('ECONNREFUSED');
    expect(n).toBe(4);
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    for (const w of waits) expect(w).toBeLessThanOrEqual(250);
  });

  it('does not retry a request Telegram refused', async () => {
    let n = 0;
    await expect(
      withRetry(async () => {
        n++;
        throw new TelegramError({ error_code: 400, description: 'Bad Request: chat not found' });
      }),
    ).rejects.toThrow('chat not found');
    expect(n).toBe(1);
  });
});

describe('SendQueue', () => {
  it('keeps one chat in order through a 429 while another chat goes on', async () => {
    const q = new SendQueue({ baseDelayMs: 1 });
    const order: string[] = [];
    let first = true;
    const a1 = q.send(1, async () => {
      if (first) {
        first = false;
        throw tooMany(0.2);
      }
      order.push('a1');
    });
    const a2 = q.send(1, async () => void order.push('a2'));
    const b1 = q.send(2, async () => void order.push('b1'));
    await Promise.all([a1, a2, b1]);
    expect(order).toEqual(['b1', 'a1', 'a2']);
    await q.idle();
    expect(q.size()).toBe(0);
  });

  it('a failed call does not block the calls after it', async () => {
    const q = new SendQueue();
    const bad = q.send(1, async () => {
      throw new TelegramError({ error_code: 403, description: 'Forbidden' });
    });
    await expect(bad).rejects.toThrow('Forbidden');
    await expect(q.send(1, async () => 'ok')).resolves.toBe('ok');
  });
});
