/**
 * The CLI contract (analyze / ask, single and --jsonl) and the scripted terminal chat, run in-process through
 * runCli with real files and the real core; one test also runs the installed bin as a separate process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { CATEGORY_IDS } from '../../src/analysis/findings';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadKnowledge } from '../../src/knowledge/load';
import { versionInForce } from '../../src/knowledge/knowledge';
import { ioWith } from '../support/streams';

const k = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ds-cli-'));
  process.env.DATA_DIR = dataDir;
});
afterAll(() => {
  delete process.env.DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

function lines(out: string): Array<Record<string, unknown>> {
  return out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

function expectCitationsHeld(citations: unknown): void {
  expect(Array.isArray(citations)).toBe(true);
  for (const c of citations as Array<{ law: string; article: string }>) {
    expect(Object.keys(c).sort()).toEqual(['article', 'law']);
    expect(c.article).toMatch(/^\d+(-\d+)?(\.\d+)?$/);
    const versions = k.laws.get(c.law);
    expect(versions?.some((v) => v.articles.has(c.article))).toBe(true);
  }
}

describe('debtshield analyze --jsonl', () => {
  it('answers one line per input, in order, in the contract shape', async () => {
    const input = [
      { id: 'a', text: '明天不还钱就上门泼油漆', sent_at: null },
      { id: 'b', text: '【某某消费金融】您的账单已逾期3天，请及时通过官方App还款，逾期将影响个人征信。', sent_at: '2026-05-12T10:00:00+08:00' },
      { id: 'c', text: '再不还就把你欠钱的事发到你们公司群里', sent_at: '2026-05-12T23:40:00+08:00' },
    ];
    const io = ioWith(input.map((o) => JSON.stringify(o)).join('\n') + '\n');
    expect(await runCli(['analyze', '--jsonl'], io)).toBe(0);
    const out = lines(io.stdout.text());
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    for (const o of out) {
      expect(Object.keys(o).sort()).toEqual(['categories', 'citations', 'id', 'lawful', 'next_steps']);
      for (const c of o.categories as string[]) expect(CATEGORY_IDS).toContain(c);
      expect(o.lawful).toBe((o.categories as string[]).length === 0);
      expectCitationsHeld(o.citations);
      expect((o.next_steps as string[]).length).toBeGreaterThan(0);
    }
    expect(out[0]!.lawful).toBe(false);
    expect(out[0]!.categories).toContain('threat');
    expect(out[1]!.lawful).toBe(true);
    expect(out[2]!.categories).toEqual(expect.arrayContaining(['privacy_disclosure', 'off_hours']));
  });

  it('keeps going after a bad line, and says what was wrong', async () => {
    const io = ioWith('not json\n{"id":"ok","text":"让你好看","sent_at":null}\n{"id":"bad-time","text":"x","sent_at":"yesterday"}\n');
    await runCli(['analyze', '--jsonl'], io);
    const out = lines(io.stdout.text());
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ id: null, categories: [], citations: [], next_steps: [], error: expect.any(String) });
    expect(out[1]).toMatchObject({ id: 'ok', lawful: false });
    expect(out[2]).toMatchObject({ id: 'bad-time', error: expect.stringContaining('ISO-8601') });
  });

  it('cites the version of law in force on the day the message was sent', async () => {
    const at = (sent: string) => JSON.stringify({ id: sent, text: '不还钱就让你全家好看，小心点', sent_at: sent });
    const io = ioWith(`${at('2025-06-01T10:00:00+08:00')}\n${at('2026-06-01T10:00:00+08:00')}\n`);
    await runCli(['analyze', '--jsonl'], io);
    const [old, cur] = lines(io.stdout.text()) as Array<{ citations: Array<{ law: string; article: string }> }>;
    const security = (o: typeof old) => o!.citations.filter((c) => c.law === '治安管理处罚法').map((c) => c.article);
    expect(security(old)).toContain('42');
    expect(security(cur)).toContain('50');
    expect(security(cur)).not.toContain('42');
  });

  it('never cites an article that was not in force on the send date', async () => {
    const sent = '2025-06-01T15:30:00Z';
    const texts = ['再不还钱就爆你通讯录，发到你单位群', '明天上门堵你家门，把你关起来', '我是派出所的，你涉嫌诈骗马上拘留', '你个老赖，全家死光'];
    const io = ioWith(texts.map((text, i) => JSON.stringify({ id: i, text, sent_at: sent })).join('\n') + '\n');
    await runCli(['analyze', '--jsonl'], io);
    const at = new Date(sent);
    for (const o of lines(io.stdout.text()) as Array<{ citations: Array<{ law: string; article: string }> }>) {
      for (const c of o.citations) {
        expect({ ...c, inForce: versionInForce(k, c.law, at)?.articles.has(c.article) }).toEqual({ ...c, inForce: true });
      }
    }
  });
});

describe('debtshield ask', () => {
  it('answers --jsonl with answer, verified citations and suggestions', async () => {
    const io = ioWith('{"id":"q1","question":"催收说要爆我通讯录，这合法吗"}\n{"id":"q2","question":"逾期会不会坐牢"}\n');
    expect(await runCli(['ask', '--jsonl'], io)).toBe(0);
    const out = lines(io.stdout.text());
    expect(out.map((o) => o.id)).toEqual(['q1', 'q2']);
    for (const o of out) {
      expect(Object.keys(o).sort()).toEqual(['answer', 'citations', 'id', 'suggestions']);
      expect(String(o.answer).length).toBeGreaterThan(40);
      expectCitationsHeld(o.citations);
      expect((o.suggestions as string[]).length).toBeGreaterThan(0);
    }
  });

  it('says so and points to 12348 outside the knowledge base', async () => {
    const io = ioWith('{"id":"x","question":"炒股亏了三十万能找券商赔吗"}\n');
    await runCli(['ask', '--jsonl'], io);
    const [o] = lines(io.stdout.text());
    expect(String(o!.answer)).toContain('12348');
    expect(o!.citations).toEqual([]);
  });
});

describe('debtshield chat (scripted)', () => {
  it('reads one message per line and answers each; numbers press buttons', async () => {
    // A typed collector-voice line is asked about first; "1" says a collector sent it.
    const io = ioWith('/start\n明天不还就上门泼油漆\n1\n/delete\n1\n/evidence\n');
    expect(await runCli(['chat', '--user', 'cli-test'], io)).toBe(0);
    const out = io.stdout.text();
    expect(out).toContain('债盾');
    expect(out).toContain('治安管理处罚法');
    expect(out).toMatch(/\[1\] 确认删除/);
    expect(out).toMatch(/已删除/);
    expect(out.split('已删除')[1]).toMatch(/还没有保存的证据/);
  });

  it('usage errors exit 2 and say what to type', async () => {
    const io = ioWith('');
    expect(await runCli(['analyze'], io)).toBe(2);
    expect(io.stderr.text()).toContain('debtshield analyze');
  });
});

describe('the installed bin', () => {
  it('runs as a separate process from the repository root', () => {
    const out = execFileSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'debtshield.js'), 'analyze', '--jsonl'], {
      input: '{"id":"x","text":"明天不还钱就上门泼油漆","sent_at":null}\n',
      env: { ...process.env, DATA_DIR: dataDir },
      cwd: PACKAGE_ROOT,
    }).toString();
    const [o] = lines(out);
    expect(o).toMatchObject({ id: 'x', lawful: false });
  });

  // A new-user tester's question hung the bot for good (session 16): a loan told after a word that starts with a
  // cue inside a not-cue at the text's very start ('还有一个借了…') looped in the loan parser's roleBefore
  // (lastIndexOf(w, -1) found the same place again). The child is killed after 60 s, so a loop fails the test.
  it('answers a loan question that opens with 还有一个 instead of hanging', () => {
    const out = execFileSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'debtshield.js'), 'ask', '还有一个借了八千 分6期每期还1500 这个年化多少'], {
      env: { ...process.env, DATA_DIR: dataDir },
      cwd: PACKAGE_ROOT,
      timeout: 60_000,
    }).toString();
    expect(out).toMatch(/年化/);
  }, 90_000);
});
