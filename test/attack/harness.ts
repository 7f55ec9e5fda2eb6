/**
 * Shared by the attack suites: a core wired to a hostile OpenAI-compatible server, inbound-message builders, and
 * `figure` — the measurement each suite asserts on, also written to ATTACK_FIGURES (a JSON-lines file) when that
 * variable is set, so the after-fix figures can be reported without editing the tests.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { assembleCore, type CoreParts } from '../../src/assemble';
import type { TurnDeps } from '../../src/conversation/deps';
import type { InboundMessage, OutboundReply } from '../../src/message';
import type { ConversationStore } from '../../src/state/store';
import { renderText } from '../../src/channels/local/render-text';
import { PACKAGE_ROOT } from '../../src/paths';
import { testDeps, logSink } from '../support/core-deps';

delete process.env.LANGSMITH_TRACING;

/** Records a measured figure (and returns it, for the assertion). */
export function figure<T extends number | string | boolean>(name: string, value: T): T {
  const file = process.env.ATTACK_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify({ name, value })}\n`);
  return value;
}

/** The core with its LLM at `baseURL` (answers and the analysis second opinion), LLM_TIMEOUT_MS = `timeoutMs`. */
export function coreWithLlm(baseURL: string, timeoutMs = 5000): CoreParts {
  return assembleCore(
    loadConfig(
      { LLM_BASE_URL: baseURL, LLM_API_KEY: 'sk-test', LLM_TIMEOUT_MS: String(timeoutMs), KNOWLEDGE_DIR: join(PACKAGE_ROOT, 'knowledge'), PROMPTS_DIR: join(PACKAGE_ROOT, 'prompts') },
      false,
    ),
  );
}

/** TurnDeps over `core` and `store`, logging into a sink the test can read. */
export function depsWith(core: CoreParts, store: ConversationStore, sink = logSink(), overrides: Partial<TurnDeps> = {}): TurnDeps {
  return { ...testDeps(store, sink, overrides), ...core, ...overrides };
}

let n = 0;
const origin = (userId: string, at: Date) => ({ channel: 'attack', userId, receivedAt: at, messageId: `m${++n}` });

export const at = new Date('2026-06-01T10:00:00+08:00');

export const msg = {
  text: (text: string, userId = 'u1', when = at): InboundMessage => ({ ...origin(userId, when), kind: 'text', text }),
  forward: (text: string, userId = 'u1', when = at): InboundMessage => ({ ...origin(userId, when), kind: 'forwarded', text, sentAt: when }),
  command: (name: string, args = '', userId = 'u1', when = at): InboundMessage => ({ ...origin(userId, when), kind: 'command', name, args }),
  button: (id: string, userId = 'u1', when = at): InboundMessage => ({ ...origin(userId, when), kind: 'button', id }),
};

/** Everything a user would read of a reply. */
export const shown = (r: OutboundReply): string => renderText(r, { buttons: true });
