/**
 * `npm run bench:turns`: the latency of one offline turn in process (handleTurn with the real knowledge, analyzer,
 * turn understanding and answerer, no LLM), on the memory store and on the embedded file store. Users hold
 * short conversations drawn from eval/understanding/train.jsonl (questions, pasted messages, follow-ups,
 * greetings), forwarded collector messages from eval/analyze/messages.jsonl, and button presses. Prints p50 /
 * p95 / max per store after a warm-up. Target: p95 ≤ 20 ms.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../src/paths';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { assembleCore } from '../src/assemble';
import { handleTurn } from '../src/conversation/conversation';
import type { TurnDeps } from '../src/conversation/deps';
import type { InboundMessage } from '../src/message';
import { MemoryStore } from '../src/state/memory-store';
import { FileStore } from '../src/state/file-store';
import type { ConversationStore } from '../src/state/store';

const TARGET_P95_MS = 20;
const USERS = 60;
const TURNS_PER_USER = 8;

function jsonl<T>(file: string): T[] {
  return readFileSync(join(PACKAGE_ROOT, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as T);
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

/** A conversation per user: typed turns, a forwarded message, a button press, in a fixed pseudo-random order. */
function script(): InboundMessage[][] {
  const typed = jsonl<{ text: string }>('eval/understanding/train.jsonl').map((r) => r.text);
  const forwarded = jsonl<{ text: string; sent_at: string | null }>('eval/analyze/messages.jsonl');
  let seed = 7;
  const pick = <T>(xs: T[]): T => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length]!;
  return Array.from({ length: USERS }, (_, u) => {
    const base = { channel: 'bench', userId: `u${u}`, receivedAt: new Date() };
    return Array.from({ length: TURNS_PER_USER }, (_, i): InboundMessage => {
      if (i === 2) {
        const f = pick(forwarded);
        return { ...base, kind: 'forwarded', text: f.text, sentAt: f.sent_at ? new Date(f.sent_at) : null };
      }
      if (i === 3) return { ...base, kind: 'button', id: '1' };
      return { ...base, kind: 'text', text: pick(typed) };
    });
  });
}

async function measure(name: string, deps: TurnDeps): Promise<void> {
  const conversations = script();
  // Warm-up: one pass over a few users (jieba, regexes, first file writes).
  for (const turn of conversations.slice(0, 5).flat()) await handleTurn({ ...turn, userId: `warm-${turn.userId}` }, deps);
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < TURNS_PER_USER; i++) {
    for (const c of conversations) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await handleTurn(c[i]!, deps);
      const used = process.cpuUsage(c0);
      ms.push(performance.now() - t0);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  const p95 = percentile(ms, 95);
  console.log(
    `${name.padEnd(12)} ${ms.length} turns   p50 ${percentile(ms, 50).toFixed(2)} ms   p95 ${p95.toFixed(2)} ms   max ${Math.max(...ms).toFixed(1)} ms   ${p95 <= TARGET_P95_MS ? 'OK' : 'ABOVE'} (target p95 ≤ ${TARGET_P95_MS} ms)`,
  );
  // CPU time of the process per turn: what a turn costs whatever else runs on the machine (wall time above waits
  // for a core when the machine is loaded).
  console.log(`${''.padEnd(12)} CPU per turn   p50 ${percentile(cpu, 50).toFixed(2)} ms   p95 ${percentile(cpu, 95).toFixed(2)} ms`);
}

async function main(): Promise<void> {
  console.log(`cpus ${cpus().length}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const config = loadConfig({ KNOWLEDGE_DIR: join(PACKAGE_ROOT, 'knowledge'), PROMPTS_DIR: join(PACKAGE_ROOT, 'prompts') }, false);
  const core = assembleCore(config);
  const logger = createLogger({ level: 'info', format: 'json', destination: { write: () => undefined } as never });
  const depsOver = (store: ConversationStore): TurnDeps => ({ ...core, store, logger, now: () => new Date(), limits: { maxMessageChars: 4000 } });
  await measure('memory', depsOver(new MemoryStore()));
  const dir = mkdtempSync(join(tmpdir(), 'ds-bench-turns-'));
  try {
    await measure('file store', depsOver(new FileStore({ dataDir: dir, key: Buffer.alloc(32, 7), ttlDays: 30, historyTurns: 10 })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
