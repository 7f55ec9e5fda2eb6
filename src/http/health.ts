/**
 * The store probe behind /healthz and /readyz. The bot keeps answering (without saving) while the store is down,
 * so /healthz reports a down store without failing (the process is alive), while /readyz fails (send traffic
 * elsewhere).
 */
import type { ConversationStore } from '../state/store';

/** A user key no real channel produces, read to see whether the store answers. */
const PROBE_KEY = 'health:probe';

/** True when the store answers a read within `timeoutMs`. */
export async function probeStore(store: Pick<ConversationStore, 'read'>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_r, reject) => {
    timer = setTimeout(() => reject(new Error('store health probe timed out')), timeoutMs);
  });
  try {
    await Promise.race([store.read(PROBE_KEY), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
