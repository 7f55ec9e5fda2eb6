/**
 * `npm run bench:telegram`: the Telegram channel under load, with no LLM. Real telegraf long-polls the fake Bot
 * API server (test/support/fake-telegram.ts) on loopback; the real core answers; state and evidence go to the
 * real Redis (REDIS_URL, default redis://127.0.0.1:6379, under a throwaway prefix) or, when none answers, to the
 * in-memory store — the output says which. BENCH_STORE=memory forces the in-memory store, to separate the
 * channel's own cost from Redis's.
 *
 * At 1, 20 and 100 concurrent users, each user sends a message, waits until the bot has answered it, and sends
 * the next: at once (closed loop, which finds the throughput limit) and after a ~1 s pause (paced: latency under
 * load). Messages mix forwarded collector messages, questions and commands; every 10th update is delivered
 * twice, as Telegram does after a timeout. Prints updates per second and the bot-side turn latency (update received →
 * last reply part accepted by the Bot API) p50/p95/p99, and checks that no update was lost or answered twice.
 */
import { createWriteStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config';
import { assembleCore } from '../src/assemble';
import { createLogger } from '../src/logger';
import { createTelegramBot } from '../src/channels/telegram/bot';
import { startPolling } from '../src/channels/telegram/launch';
import type { UpdateOutcome } from '../src/channels/telegram/options';
import type { TurnDeps } from '../src/conversation/deps';
import { MemoryStore } from '../src/state/memory-store';
import { RedisStore } from '../src/state/redis-store';
import type { ConversationStore } from '../src/state/store';
import { FakeTelegram } from '../test/support/fake-telegram';

const LEVELS = [1, 20, 100];
/** Turns per level: enough for a stable p95 without making the run long. */
const TURNS = { 1: 300, 20: 2000, 100: 3000 } as Record<number, number>;
const WARMUP_TURNS = 100;
/** Pause of a paced user between an answer and their next message (a very fast human; Telegram itself caps a bot at ~30 messages/s). */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const PACED_MS = 15_000;
const TARGET_P95_MS = 50;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const COLLECTOR = [
  '你欠的{n}元今天必须还清，不然明天就上门找你家人，让你全家不得安宁',
  '再不还款我们就把你的欠款信息发到你的通讯录，让你单位同事都知道你是老赖',
  '今天下午五点前还款{n}元，否则我们将联系你的紧急联系人',
  '您的借款已逾期{d}天，请尽快还款，逾期将上报征信并依法起诉',
];
const QUESTIONS = ['催收说要打电话给我领导和同事，他们能这样吗？', '网贷逾期会坐牢吗？', '催收半夜给我打电话合法吗？', '利息超过多少不受法律保护？'];
const COMMANDS = ['/help', '/evidence', '/privacy'];

interface Pending {
  pushedAt: number;
  resolve: (outcome: UpdateOutcome) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function pickStore(): Promise<{ store: ConversationStore; kind: string; cleanup: () => Promise<void> }> {
  if (process.env.BENCH_STORE === 'memory') return { store: new MemoryStore(), kind: 'in-memory store (BENCH_STORE=memory)', cleanup: async () => undefined };
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  try {
    await probe.connect();
    await probe.ping();
  } catch {
    probe.disconnect();
    return { store: new MemoryStore(), kind: 'in-memory store (no Redis answered)', cleanup: async () => undefined };
  }
  const prefix = `dsbench:${randomBytes(6).toString('hex')}:`;
  const store = new RedisStore({ url: REDIS_URL, prefix, key: randomBytes(32), ttlDays: 1, historyTurns: 20 });
  await store.connect();
  const cleanup = async () => {
    let cursor = '0';
    do {
      const [next, keys] = await probe.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await probe.del(...keys);
    } while (cursor !== '0');
    await probe.quit();
  };
  return { store, kind: `Redis ${REDIS_URL} (RedisStore, encrypted)`, cleanup };
}

async function main(): Promise<void> {
  const fake = await FakeTelegram.start();
  const { store, kind, cleanup } = await pickStore();
  const config = loadConfig({}, false);
  // Logs at the production level, into /dev/null: their cost is part of a turn.
  const logger = createLogger({ level: 'info', format: 'json', destination: createWriteStream('/dev/null') });
  const core = assembleCore(config);
  const deps: TurnDeps = { ...core, store, logger, now: () => new Date(), limits: { maxMessageChars: 4000 } };

  const pending = new Map<number, Pending>();
  const handledCount = new Map<number, number>();
  const botMs = new Map<number, number>();
  let duplicatesSeen = 0;
  const bot = createTelegramBot(deps, {
    token: fake.token,
    apiRoot: fake.apiRoot,
    ratePerMinute: 10_000,
    onUpdateHandled: ({ updateId, ms, outcome }) => {
      if (outcome === 'duplicate') {
        duplicatesSeen++;
        return;
      }
      handledCount.set(updateId, (handledCount.get(updateId) ?? 0) + 1);
      botMs.set(updateId, ms);
      pending.get(updateId)?.resolve(outcome);
    },
  });
  const running = await startPolling(bot, logger);

  let seq = 0;
  const nextMessage = (user: { id: number }): number => {
    const i = seq++;
    const n = String(1000 + ((i * 37) % 9000));
    switch (i % 5) {
      case 0:
      case 1:
        return fake.forward(user, COLLECTOR[i % COLLECTOR.length]!.replace('{n}', n).replace('{d}', String(i % 90)), Math.floor(Date.now() / 1000) - (i % 86400));
      case 2:
      case 3:
        return fake.sendText(user, QUESTIONS[i % QUESTIONS.length]!);
      default:
        return fake.sendCommand(user, COMMANDS[i % COMMANDS.length]!);
    }
  };

  /** One turn of one user: send, wait for the bot to be done with it; returns [bot ms, end-to-end ms]. */
  const turn = async (user: { id: number }, redeliver: boolean): Promise<{ bot: number; e2e: number; ok: boolean; replies: number }> => {
    const before = fake.messageCount(user.id);
    const pushedAt = performance.now();
    const updateId = nextMessage(user);
    const outcome = await new Promise<UpdateOutcome>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`update ${updateId} not handled within 30 s`)), 30_000);
      pending.set(updateId, {
        pushedAt,
        resolve: (o) => {
          clearTimeout(timer);
          resolve(o);
        },
      });
      if (redeliver) {
        const copy = fake.lastUpdate(updateId);
        if (copy) fake.pushUpdate(copy);
      }
    });
    const e2e = performance.now() - pushedAt;
    pending.delete(updateId);
    const replies = fake.messageCount(user.id) - before;
    return { bot: botMs.get(updateId) ?? NaN, e2e, ok: outcome === 'replied' && replies >= 1, replies };
  };

  /**
   * `users` users in parallel, each sending, waiting for the answer, pausing `thinkMs` (±50 %), and sending again,
   * until `turns` turns are done (closed loop) or `durationMs` has passed (paced).
   */
  const runLevel = async (label: string, users: number, baseId: number, stop: { turns?: number; durationMs?: number }, thinkMs = 0) => {
    const perUser = stop.turns ? Math.ceil(stop.turns / users) : Infinity;
    const until = stop.durationMs ? performance.now() + stop.durationMs : Infinity;
    const bots: number[] = [];
    const e2es: number[] = [];
    let failed = 0;
    let redelivered = 0;
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: users }, async (_, u) => {
        const user = { id: baseId + u };
        // Paced users start spread over one think time, as real users would.
        if (thinkMs > 0) await sleep(Math.random() * thinkMs);
        for (let i = 0; i < perUser && performance.now() < until; i++) {
          const redeliver = (u + i) % 10 === 9;
          if (redeliver) redelivered++;
          const r = await turn(user, redeliver);
          bots.push(r.bot);
          e2es.push(r.e2e);
          if (!r.ok) failed++;
          if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    bots.sort((a, b) => a - b);
    e2es.sort((a, b) => a - b);
    return { label, users, turns: bots.length, seconds, perSecond: bots.length / seconds, cpuMsPerTurn: (cpu.user + cpu.system) / 1000 / bots.length, bots, e2es, failed, redelivered };
  };

  console.log(`bench:telegram — node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, store: ${kind}`);
  console.log('real telegraf 4.16 long polling → fake Bot API on 127.0.0.1 (same process) → real core (offline answerer, no LLM)\n');
  const warmup = await runLevel('warm-up', 10, 50_000, { turns: WARMUP_TURNS });

  const results = [];
  for (const [i, users] of LEVELS.entries()) results.push(await runLevel('closed loop', users, 100_000 * (i + 1), { turns: TURNS[users]! }));
  for (const [i, users] of LEVELS.entries()) results.push(await runLevel(`paced ${THINK_MS / 1000} s`, users, 1_000_000 * (i + 1), { durationMs: PACED_MS }, THINK_MS));

  // Late duplicates would show up after the last turn: wait a little, then count.
  await new Promise((r) => setTimeout(r, 500));
  await bot.drain(10_000);
  const answeredTwice = [...handledCount.values()].filter((n) => n > 1).length;

  const fmt = (n: number) => n.toFixed(1).padStart(7);
  console.log('mode          users   turns   upd/s  cpu/turn   bot p50   bot p95   bot p99   e2e p50   e2e p95  failed');
  for (const r of results) {
    console.log(
      `${r.label.padEnd(12)} ${String(r.users).padStart(6)} ${String(r.turns).padStart(7)} ${fmt(r.perSecond)} ${fmt(r.cpuMsPerTurn)}ms ${fmt(percentile(r.bots, 50))}ms ${fmt(percentile(r.bots, 95))}ms ${fmt(percentile(r.bots, 99))}ms ${fmt(percentile(r.e2es, 50))}ms ${fmt(percentile(r.e2es, 95))}ms ${String(r.failed).padStart(7)}`,
    );
  }
  console.log('(closed loop: no pause between turns, so latency = users ÷ throughput once the CPU is saturated; paced: each user pauses ~1 s)');
  const last = results[results.length - 1]!;
  const p95 = percentile(last.bots, 95);
  const lost = results.reduce((n, r) => n + r.failed, 0);
  const redeliveredTotal = results.reduce((n, r) => n + r.redelivered, warmup.redelivered);
  console.log(
    `\nchecks (warm-up included): lost or unanswered ${lost + warmup.failed}; answered twice ${answeredTwice}; updates delivered twice ${redeliveredTotal}, repeats recognised ${duplicatesSeen}`,
  );
  console.log(`target: bot-side p95 ≤ ${TARGET_P95_MS} ms at 100 paced users — ${p95 <= TARGET_P95_MS ? 'met' : 'NOT met'} (${p95.toFixed(1)} ms)`);

  await running.stop('bench done', 10_000);
  await fake.close();
  await store.close();
  await cleanup();
  if (lost + warmup.failed > 0 || answeredTwice > 0 || duplicatesSeen !== redeliveredTotal) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
