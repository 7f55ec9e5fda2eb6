/** Real TurnDeps for core tests: the real knowledge, rules, replies and answerer, over a given store. */
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { assembleCore, type CoreParts } from '../../src/assemble';
import { createLogger } from '../../src/logger';
import type { TurnDeps } from '../../src/conversation/deps';
import type { ConversationStore } from '../../src/state/store';
import { PACKAGE_ROOT } from '../../src/paths';

let core: CoreParts | undefined;

/** The core parts, loaded once per test file. */
export function testCore(): CoreParts {
  core ??= assembleCore(loadConfig({ KNOWLEDGE_DIR: join(PACKAGE_ROOT, 'knowledge'), PROMPTS_DIR: join(PACKAGE_ROOT, 'prompts') }, false));
  return core;
}

/** A log sink whose text the test can read. */
export function logSink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write(c, _e, cb) { chunks.push(String(c)); cb(); } });
  return { stream, text: () => chunks.join('') };
}

/** TurnDeps over `store`, logging JSON into `sink`. */
export function testDeps(store: ConversationStore, sink = logSink(), overrides: Partial<TurnDeps> = {}): TurnDeps {
  return {
    ...testCore(),
    store,
    logger: createLogger({ level: 'debug', format: 'json', destination: sink.stream }),
    now: () => new Date(),
    limits: { maxMessageChars: 4000 },
    ...overrides,
  };
}
