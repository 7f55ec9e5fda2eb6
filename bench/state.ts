/**
 * `npm run bench:state`: what the Redis store costs. Prints the store's overhead per turn (markProcessed + read +
 * update, as the core does them) on the configured Redis (REDIS_URL, else 127.0.0.1:6379), and Redis memory
 * per active user with a realistic state at 1,000 and 10,000 users, measured both ways: MEMORY USAGE on a
 * sample of users' keys, and the used_memory delta from INFO memory. Works under its own prefix and removes
 * it afterwards. Targets: p95 ≤ 3 ms per turn, ≤ 20 KB per active user. `-- --users 1000` measures fewer sizes.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config';
import { RedisStore } from '../src/state/redis-store';
import { seal } from '../src/state/crypto';
import { freshState, type EvidenceItem, type UserState } from '../src/state/store';

const TARGET_P95_MS = 3;
const TARGET_BYTES_PER_USER = 20 * 1024;
const HISTORY_TURNS = 20;
const SEEN_PER_USER = 20;
const EVIDENCE_PER_USER = 3;
const CONCURRENCY = 32;

/** Random Han characters (U+4E00–U+9FA5) with some punctuation and digits: the size of real messages. */
function hanText(min: number, max: number): string {
  const n = randomInt(min, max + 1);
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = Math.random();
    s += r < 0.06 ? String.fromCodePoint(0xff0c) : r < 0.1 ? String(randomInt(10)) : String.fromCodePoint(randomInt(0x4e00, 0x9fa6));
  }
  return s;
}

function realisticState(s: UserState, now: Date): void {
  // A turn is the user's message and the bot's reply (the core keeps 150 characters of each reply).
  for (let i = 0; i < HISTORY_TURNS * 2; i++) {
    s.history.push({ at: new Date(now.getTime() - (HISTORY_TURNS * 2 - i) * 60_000).toISOString(), role: i % 2 ? 'bot' : 'user', text: i % 2 ? hanText(60, 150) : hanText(20, 150) });
  }
  s.summary = hanText(150, 250);
  s.lastAnalysis = { at: now.toISOString(), categories: ['threat', 'contact_third_party'], lawful: false, sentAt: now.toISOString(), evidenceId: 'E250301-a1b2' };
  s.lastTopic = 'harassment-third-parties';
  s.lastCitations = [
    { law: 'internet-loan-collection-guideline', article: '17', at: now.toISOString() },
    { law: 'public-security-administration-punishments-law', article: '42', at: now.toISOString() },
    { law: 'civil-code', article: '1032', at: now.toISOString() },
  ];
  // The dialogue state: the message in focus (its start, findings and citations), the last answer, loan facts,
  // the buttons offered, a pending confirmation.
  s.focus = {
    kind: 'analysis',
    analysis: {
      at: now.toISOString(), source: 'message', lawful: false, categories: ['threat', 'off_hours', 'third_party_contact'],
      findings: [{ category: 'threat', evidence: hanText(8, 30) }, { category: 'off_hours', evidence: hanText(10, 20) }, { category: 'third_party_contact', evidence: hanText(8, 30) }],
      citations: [{ law: '治安管理处罚法', article: '50' }, { law: '民法典', article: '1033' }, { law: '民法典', article: '1032' }, { law: '个人信息保护法', article: '10' }],
      excerpt: hanText(150, 200), evidenceId: 'E250301-a1b2c3d4',
    },
    answer: { at: now.toISOString(), guideId: 'contacts-disclosure', entryId: 'workplace', question: hanText(20, 120) },
  };
  s.loan = { principal: 10000, received: 7000, payment: 1050, term: { count: 12, unit: 'month' }, contractDate: '2025-03-01', lender: { name: hanText(3, 6), type: 'unknown' } };
  s.offered = { at: now.toISOString(), buttons: [{ id: 'law', label: '查看法条' }, { id: 'tpl', label: '怎么回复对方' }, { id: 'steps', label: '详细说明和全部步骤' }] };
  s.pending = { kind: 'confirm_note', since: now.toISOString(), data: { text: hanText(40, 200), categories: ['violence', 'threat'] } };
  s.prefs = { lang: 'zh-CN' };
}

function evidenceItem(now: Date): EvidenceItem {
  return {
    id: `E${now.toISOString().slice(2, 10).replace(/-/g, '')}-${randomBytes(2).toString('hex')}`,
    kind: 'message',
    receivedAt: now.toISOString(),
    sentAt: now.toISOString(),
    text: hanText(60, 200),
    categories: ['threat', 'night_contact'],
    contentSha256: randomBytes(32).toString('hex'),
  };
}

function sealedStateBytes(botChars: [number, number]): number {
  const s = freshState(new Date());
  realisticState(s, new Date());
  s.history.forEach((t) => t.role === 'bot' && (t.text = hanText(...botChars)));
  return seal(randomBytes(32), JSON.stringify(s), 'state:telegram:1000000000').length;
}
const typicalStateBytes = () => sealedStateBytes([60, 150]);
const worstCaseStateBytes = () => sealedStateBytes([150, 150]);

async function populate(store: RedisStore, from: number, to: number): Promise<void> {
  let next = from;
  const worker = async () => {
    while (next < to) {
      const user = `telegram:${1_000_000_000 + next++}`;
      const now = new Date();
      await store.update(user, (s) => realisticState(s, now));
      for (let e = 0; e < EVIDENCE_PER_USER; e++) await store.appendEvidence(user, evidenceItem(now));
      for (let m = 0; m < SEEN_PER_USER; m++) await store.markProcessed(user, `telegram:${randomInt(1e9)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function scanAll(redis: Redis, pattern: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [c, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 2000);
    cursor = c;
    out.push(...keys);
  } while (cursor !== '0');
  return out;
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

/** Mean bytes per user from MEMORY USAGE (all samples) over the keys of up to `sample` users. */
async function sampledBytesPerUser(redis: Redis, prefix: string, sample: number): Promise<{ total: number; byKind: Record<string, number> }> {
  const byUser = new Map<string, string[]>();
  for (const k of await scanAll(redis, `${prefix}u:*`)) {
    const hash = k.slice(prefix.length + 2, prefix.length + 34);
    byUser.set(hash, [...(byUser.get(hash) ?? []), k]);
  }
  const users = [...byUser.values()].slice(0, sample);
  const byKind: Record<string, number> = {};
  let total = 0;
  for (const keys of users) {
    for (const k of keys) {
      const bytes = Number(await redis.call('MEMORY', 'USAGE', k, 'SAMPLES', '0'));
      const kind = k.slice(k.lastIndexOf(':') + 1);
      byKind[kind] = (byKind[kind] ?? 0) + bytes / users.length;
      total += bytes;
    }
  }
  return { total: total / users.length, byKind };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Pre-generated turn texts, so the timed loop measures the store and not the text generator. */
const TEXTS = Array.from({ length: 512 }, () => hanText(60, 150));
const textAt = (i: number) => TEXTS[i % TEXTS.length]!;

interface TurnTimes {
  mark: number;
  read: number;
  update: number;
}

/** One turn as the core does it: dedupe, read, then an update appending a user and a bot turn. */
async function turn(store: RedisStore, user: string, i: number): Promise<TurnTimes> {
  const t0 = performance.now();
  await store.markProcessed(user, `telegram:${randomInt(1e12)}`);
  const t1 = performance.now();
  await store.read(user);
  const t2 = performance.now();
  const at = new Date().toISOString();
  await store.update(user, (s) => {
    s.history.push({ at, role: 'user', text: textAt(i) });
    s.history.push({ at, role: 'bot', text: textAt(i + 1) });
  });
  return { mark: t1 - t0, read: t2 - t1, update: performance.now() - t2 };
}

interface Dist {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

function dist(ms: number[]): Dist {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  return Number(/used_cpu_user:([\d.]+)/.exec(info)?.[1]) + Number(/used_cpu_sys:([\d.]+)/.exec(info)?.[1]);
}

/** Sequential turns: wall-clock latency per turn and per call, plus CPU per turn in this process and in Redis. */
async function latency(store: RedisStore, redis: Redis, users: number, turns: number) {
  const pick = () => `telegram:${1_000_000_000 + randomInt(users)}`;
  for (let i = 0; i < 300; i++) await turn(store, pick(), i);
  const total: number[] = [];
  const parts: TurnTimes[] = [];
  const cpu0 = process.cpuUsage();
  const rcpu0 = await redisCpuSeconds(redis);
  for (let i = 0; i < turns; i++) {
    const t = await turn(store, pick(), i);
    parts.push(t);
    total.push(t.mark + t.read + t.update);
  }
  const cpu = process.cpuUsage(cpu0);
  const rcpu = (await redisCpuSeconds(redis)) - rcpu0;
  return {
    total: dist(total),
    mark: dist(parts.map((p) => p.mark)),
    read: dist(parts.map((p) => p.read)),
    update: dist(parts.map((p) => p.update)),
    clientCpuMs: (cpu.user + cpu.system) / 1000 / turns,
    redisCpuMs: (rcpu * 1000) / turns,
  };
}

async function throughput(store: RedisStore, users: number, inFlight: number, seconds: number): Promise<number> {
  const end = Date.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (Date.now() < end) {
      await turn(store, `telegram:${1_000_000_000 + randomInt(users)}`, done++);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return done / seconds;
}

/** `-- --users 1000,10000` (the default) sets the population sizes measured. */
function userCounts(): number[] {
  const i = process.argv.indexOf('--users');
  const list = i >= 0 ? (process.argv[i + 1] ?? '').split(',').map(Number) : [1_000, 10_000];
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--users takes a comma-separated list of positive integers');
  return [...list].sort((a, b) => a - b);
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ok = (pass: boolean) => (pass ? 'ok' : 'OVER TARGET');

async function main(): Promise<void> {
  const url = loadConfig().redis?.url ?? 'redis://127.0.0.1:6379';
  const prefix = `dsbench:${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const store = new RedisStore({ url, prefix, key: randomBytes(32), ttlDays: 30, historyTurns: HISTORY_TURNS });
  const version = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1];
  console.log(`Redis ${version} at ${url.replace(/\/\/[^@]*@/, '//***@')}, prefix ${prefix}`);
  console.log(`Per user: ${HISTORY_TURNS} turns of 60–150 Han chars, summary, lastAnalysis, 3 citations, ${EVIDENCE_PER_USER} evidence items, ${SEEN_PER_USER} seen ids\n`);

  try {
    const base = await usedMemory(redis);
    let results: Array<{ users: number; delta: number; sampled: Awaited<ReturnType<typeof sampledBytesPerUser>> }> = [];
    let populated = 0;
    for (const users of userCounts()) {
      const t0 = Date.now();
      await populate(store, populated, users);
      populated = users;
      const delta = (await usedMemory(redis)) - base;
      const sampled = await sampledBytesPerUser(redis, prefix, 200);
      results = [...results, { users, delta, sampled }];
      console.log(`Populated ${users} users in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }

    console.log('\nMemory per active user');
    console.log(`  (for scale: a sealed state whose bot turns reach the core's 150-char cap is ${kb(worstCaseStateBytes())}, against ${kb(typicalStateBytes())} here)`);
    for (const r of results) {
      const kinds = Object.entries(r.sampled.byKind).map(([k, v]) => `${k} ${kb(v)}`).join(', ');
      console.log(
        `  ${String(r.users).padStart(6)} users: MEMORY USAGE ${kb(r.sampled.total)} (${kinds}); ` +
          `INFO used_memory delta ${kb(r.delta / r.users)} per user, ${(r.delta / 1024 / 1024).toFixed(1)} MB total  ` +
          ok(Math.max(r.sampled.total, r.delta / r.users) <= TARGET_BYTES_PER_USER),
      );
    }

    const runs = [];
    for (let r = 0; r < 3; r++) runs.push(await latency(store, redis, populated, 2000));
    const byP95 = [...runs].sort((a, b) => a.total.p95 - b.total.p95);
    const median = byP95[1]!;
    const f = (d: Dist) => `p50 ${d.p50.toFixed(2)} / p95 ${d.p95.toFixed(2)} / p99 ${d.p99.toFixed(2)} ms`;
    console.log(`\nStore overhead per turn (markProcessed + read + update, sequential; 3 runs of 2000 turns after warm-up)`);
    console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores (other work on the machine widens the tail)`);
    runs.forEach((r, i) => console.log(`  run ${i + 1}: ${f(r.total)}, mean ${r.total.mean.toFixed(2)} ms`));
    console.log(`  median run by call: markProcessed ${f(median.mark)}; read ${f(median.read)}; update ${f(median.update)}`);
    console.log(`  CPU per turn (median run): ${median.clientCpuMs.toFixed(3)} ms in this process, ${median.redisCpuMs.toFixed(3)} ms in Redis`);
    console.log(`  p95 target: ${ok(median.total.p95 <= TARGET_P95_MS)} (median run p95 ${median.total.p95.toFixed(2)} ms)`);
    const tput = await throughput(store, populated, 16, 3);
    console.log(`  throughput with 16 turns in flight: ${Math.round(tput)} turns/s`);
    console.log(`\nTargets: p95 ≤ ${TARGET_P95_MS} ms per turn, ≤ ${kb(TARGET_BYTES_PER_USER)} per active user`);
  } finally {
    const keys = await scanAll(redis, `${prefix}*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.unlink(...keys.slice(i, i + 1000));
    console.log(`Removed ${keys.length} bench keys`);
    await store.close();
    await redis.quit();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
