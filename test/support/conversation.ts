/**
 * A conversation with one user through handleTurn with the real core over the memory store, at a fixed clock:
 * say(), forward() and press() return the reply with `shown`, its plain text without the buttons.
 */
import { handleTurn } from '../../src/conversation/conversation';
import type { InboundMessage, OutboundReply } from '../../src/message';
import { MemoryStore } from '../../src/state/memory-store';
import { renderText } from '../../src/channels/local/render-text';
import type { TurnDeps } from '../../src/conversation/deps';
import { testDeps } from './core-deps';

export type Shown = OutboundReply & { shown: string };

/** `forwardSentAt`: the send time a forward gets when the call names none (default null, unknown). */
export function conversation(at: Date, user = 'u1', opts: { forwardSentAt?: Date | null } = {}) {
  const store = new MemoryStore();
  const deps: TurnDeps = testDeps(store, undefined, { now: () => at });
  let n = 0;
  const base = () => ({ channel: 'test', userId: user, receivedAt: at, messageId: String(++n) });
  const run = async (m: InboundMessage): Promise<Shown> => {
    const r = await handleTurn(m, deps);
    return Object.assign(r, { shown: renderText(r, { buttons: false }) });
  };
  return {
    store,
    deps,
    evidence: () => store.listEvidence(`test:${user}`),
    say: (text: string) => run({ ...base(), kind: 'text', text }),
    forward: (text: string, sentAt: Date | null = opts.forwardSentAt ?? null) => run({ ...base(), kind: 'forwarded', text, sentAt }),
    press: (id: string) => run({ ...base(), kind: 'button', id }),
  };
}
