/** The typing indicator: repeated while running, failures swallowed, nothing after stop. */
import { startTyping } from '../../../src/channels/telegram/typing';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('startTyping', () => {
  it('sends at once, repeats every interval, and stops', async () => {
    let n = 0;
    const stop = startTyping(async () => void n++, { intervalMs: 30 });
    expect(n).toBe(1);
    const deadline = Date.now() + 3000;
    while (n < 3 && Date.now() < deadline) await sleep(10);
    stop();
    const sent = n;
    expect(sent).toBeGreaterThanOrEqual(3);
    await sleep(80);
    expect(n).toBe(sent);
  });

  it('reports failures (thrown or rejected) without throwing, and does not stack calls in flight', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const stop = startTyping(
      () => {
        calls++;
        if (calls === 1) throw new Error('sync');
        return new Promise((_r, reject) => setTimeout(() => reject(new Error('slow')), 120));
      },
      { intervalMs: 20, onError: (e) => errors.push(e) },
    );
    // The first call fails at once; the second hangs 120 ms, and no call starts while it is in flight.
    await sleep(90);
    expect(calls).toBe(2);
    const deadline = Date.now() + 3000;
    while (errors.length < 2 && Date.now() < deadline) await sleep(10);
    stop();
    expect(errors.map((e) => (e as Error).message)).toEqual(['sync', 'slow']);
  });
});
