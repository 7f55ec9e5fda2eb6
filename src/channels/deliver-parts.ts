/**
 * Delivers the parts of one reply through a platform send API that takes no idempotency key, as close to exactly
 * once as that allows. Each part is claimed before it is sent (so a second run of the same job — its lock lapsed
 * during a Redis restart — waits for the first run's record instead of sending the part again) and recorded once
 * sent; the record is written through a Redis outage rather than failing the job (which would send the part
 * again). What remains is a crash between the platform accepting a part and its record: the claim lapses and
 * the part is sent again — which is why sends run where no CPU-bound work holds up the event loop (workers.ts).
 */
import type { JobMemo } from '../queue/memo';

/** How long a run's claim on sending one part lasts: the longest a send takes, with room. */
export const PART_CLAIM_MS = 30_000;
const RECORD_TTL_MS = 2 * 86_400_000;

export interface DeliverOptions {
  memo: JobMemo;
  /** Memo key of this job's progress (claims are kept beside it). */
  key: string;
  /** How many parts. */
  count: number;
  /** Sends part `index`; 'stop' ends the delivery without error (the rest was held for later). Throws to retry. */
  send(index: number): Promise<'sent' | 'stop'>;
  /** Checked before each part; false stops the delivery (the caller kept the rest). */
  before?(index: number): Promise<boolean>;
  now?: () => number;
}

/** Sends the parts not yet recorded, in order. */
export async function deliverParts(o: DeliverOptions): Promise<void> {
  const now = o.now ?? Date.now;
  let next = Number((await o.memo.get(o.key)) ?? 0);
  while (next < o.count) {
    if (o.before && !(await o.before(next))) return;
    const claim = `${o.key}#${next}`;
    if (!(await o.memo.setIfAbsent(claim, '1', PART_CLAIM_MS))) {
      await new Promise((r) => setTimeout(r, 250));
      next = Math.max(next, Number((await o.memo.get(o.key)) ?? 0));
      continue;
    }
    let outcome: 'sent' | 'stop';
    try {
      outcome = await o.send(next);
    } catch (e) {
      await o.memo.delete(claim).catch(() => undefined);
      throw e;
    }
    if (outcome === 'stop') return;
    next++;
    const record = String(next);
    await persist(() => o.memo.set(o.key, record, RECORD_TTL_MS), now);
  }
}

/** Retries `write` through an outage for up to a minute. */
async function persist(write: () => Promise<void>, now: () => number): Promise<void> {
  const deadline = now() + 60_000;
  for (;;) {
    try {
      return await write();
    } catch (e) {
      if (now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
