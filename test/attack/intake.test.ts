/**
 * Findings 5 and 9 (issue #12): one length limit wherever text enters (commands, forwards, the web chat, CLI
 * lines), control sequences and invisible characters cleaned at intake, images judged by their bytes, a
 * read-only data folder and CLI errors said in Chinese (with the English detail for operators).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { handleTurn } from '../../src/conversation/conversation';
import { MemoryStore } from '../../src/state/memory-store';
import { buildHttpApp } from '../../src/http/app';
import { webChatRoutes } from '../../src/channels/web/web-chat';
import { runTerminalChat } from '../../src/channels/local/terminal';
import { maxLineBytesFor, readLines } from '../../src/channels/local/read-lines';
import { loadCliTexts } from '../../src/cli/cli-texts';
import { runCli } from '../../src/cli/main';
import { analyzeOne } from '../../src/cli/analyze-command';
import { PACKAGE_ROOT } from '../../src/paths';
import { testCore, testDeps } from '../support/core-deps';
import { ioWith } from '../support/streams';
import { figure, msg, shown } from './harness';

const MAX = 4000;
const ESC = '\u001b';

describe('finding 5: one length limit wherever text enters', () => {
  it('a /call of 1.05 M characters is refused at once, not analysed for a minute', async () => {
    const store = new MemoryStore();
    const deps = testDeps(store);
    const started = Date.now();
    const r = await handleTurn(msg.command('call', `13800001111 说${'明天不还钱就上门'.repeat(131_250)}`), deps);
    const ms = figure('/call with 1.05 M characters (ms)', Date.now() - started);
    expect(shown(r)).toContain(deps.replies.text('command_too_long', { max: MAX }));
    expect(await store.listEvidence('attack:u1')).toEqual([]);
    expect(ms).toBeLessThan(5000); // it was about a minute
  });

  it('a typed "/call …" of 1.05 M characters is refused the same way, not cut into a different note', async () => {
    const deps = testDeps(new MemoryStore());
    const r = await handleTurn(msg.text(`/call 13800001111 ${'说'.repeat(1_050_000)}`), deps);
    expect(shown(r)).toContain(deps.replies.text('command_too_long', { max: MAX }));
  });

  it('a forwarded message of 1.05 M characters is cut to the limit and says so', async () => {
    const store = new MemoryStore();
    const deps = testDeps(store);
    const started = Date.now();
    const r = await handleTurn(msg.forward(`再不还钱就上门泼油漆。${'催收'.repeat(525_000)}`), deps);
    expect(figure('forwarded message of 1.05 M characters (ms)', Date.now() - started)).toBeLessThan(5000);
    expect(r.notices.map((n) => n.kind)).toContain('truncated');
    const [kept] = await store.listEvidence('attack:u1');
    expect([...kept!.text].length).toBeLessThanOrEqual(MAX);
  });

  it('through the web chat, a 1.05 M-character /call does not hold the server', async () => {
    const store = new MemoryStore();
    const deps = testDeps(store);
    const host = '127.0.0.1:8080';
    const app = await buildHttpApp({ logger: deps.logger, store, routes: [webChatRoutes({ deps, promptsDir: join(PACKAGE_ROOT, 'prompts'), allowedHosts: [host] })] });
    try {
      const page = await app.inject({ method: 'GET', url: '/', headers: { host } });
      const token = /name="csrf-token" content="([^"]+)"/.exec(page.body)![1]!;
      const cookie = String(page.headers['set-cookie']).split(';')[0]!;
      const started = Date.now();
      const res = await app.inject({
        method: 'POST',
        url: '/api/chat',
        headers: { host, origin: `http://${host}`, 'content-type': 'application/json', 'x-csrf-token': token, cookie },
        payload: JSON.stringify({ user: 'browser-big', text: `/call 13800001111 ${'明天不还钱就上门'.repeat(131_250)}` }),
      });
      expect(figure('web chat POST of a 1.05 M-character /call (ms)', Date.now() - started)).toBeLessThan(5000); // it was 62 s
      expect(res.statusCode).toBe(200);
      expect(JSON.stringify(res.json())).toContain(deps.replies.text('command_too_long', { max: MAX }));
    } finally {
      await app.close();
    }
  });

  it('analyze --jsonl with one 5 MB line answers an error line at once and goes on', async () => {
    const big = JSON.stringify({ id: 'big', text: '明天不还钱就上门泼油漆'.repeat(170_000), sent_at: null });
    expect(Buffer.byteLength(big)).toBeGreaterThan(5_000_000);
    const small = `${JSON.stringify({ id: 'ok', text: '明天不还钱就上门泼油漆', sent_at: null })}\n`;
    const io = ioWith(`${big}\n${small}`);
    const started = Date.now();
    expect(await runCli(['analyze', '--jsonl'], io)).toBe(0);
    const ms = figure('analyze --jsonl with a 5 MB line, whole command with loading (ms)', Date.now() - started);
    // The line itself: read and refused without being held.
    const t = Date.now();
    const reads = [];
    for await (const r of readLines(ioWith(`${big}\n`).stdin, maxLineBytesFor(MAX))) reads.push(r);
    expect(figure('reading and refusing the 5 MB line (ms)', Date.now() - t)).toBeLessThan(2000);
    expect(reads).toEqual([{ tooLong: true, bytes: Buffer.byteLength(big) }]);
    const lines = io.stdout.text().trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; error?: string; lawful?: boolean });
    expect(lines).toHaveLength(2);
    expect(lines[0]!.error).toBe(loadCliTexts().text('jsonl_line_too_long', { max: MAX }));
    expect(lines[1]).toMatchObject({ id: 'ok', lawful: false });
    expect(ms).toBeLessThan(20_000); // loading the core included; the line alone was 140 s
  });

  it('a text within the line limit but over MAX_MESSAGE_CHARS is refused with a Chinese error line', async () => {
    const io = ioWith(`${JSON.stringify({ id: 'long', question: '逾期会坐牢吗'.repeat(1000) })}\n`);
    await runCli(['ask', '--jsonl'], io);
    const line = JSON.parse(io.stdout.text()) as { id: unknown; error: string };
    expect(line.error).toBe(loadCliTexts().text('jsonl_text_too_long', { field: 'question', max: MAX }));
  });

  it('chat --jsonl with a 5 MB line answers one error line and keeps the contract for the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'debtshield-chat-'));
    const before = process.env.DATA_DIR;
    process.env.DATA_DIR = dir;
    try {
      const big = JSON.stringify({ user: 'a', text: '你好'.repeat(1_000_000) });
      const io = ioWith(`${big}\n${JSON.stringify({ user: 'a', text: '/help' })}\n`);
      const started = Date.now();
      expect(await runCli(['chat', '--jsonl'], io)).toBe(0);
      expect(figure('chat --jsonl with a 5 MB line, whole command with loading (ms)', Date.now() - started)).toBeLessThan(20_000);
      const lines = io.stdout.text().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(2);
      // An error is a reply line of the same shape: kind "error", the reason as its text.
      expect(lines[0]).toMatchObject({ user: null, kind: 'error', text: loadCliTexts().text('jsonl_line_too_long', { max: MAX }) });
      for (const l of lines) expect(Object.keys(l).sort()).toEqual(['buttons', 'citations', 'evidence_saved', 'kind', 'text', 'user']);
    } finally {
      if (before === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = before;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('finding 9: smaller findings', () => {
  it.each([
    ['U+E0020 (a tag space)', '再不还钱弄\u{E0020}死\u{E0020}你'],
    ['U+061C (the Arabic letter mark)', '再不还钱弄\u061C死你'],
    ['U+061C inside 泼油漆', '明天不还钱就上\u061C门泼\u061C油漆'],
  ])('%s inside a threat does not make it lawful', async (_name, text) => {
    const out = await analyzeOne(testCore(), 'x', text, null);
    expect(figure(`lawful with ${_name}`, out.lawful)).toBe(false);
    const r = await handleTurn(msg.forward(text, `inv${text.length}`), testDeps(new MemoryStore()));
    expect(r.categories ?? []).toContain('threat');
  });

  it('ANSI escapes from /call are neither stored nor printed', async () => {
    const store = new MemoryStore();
    const deps = testDeps(store);
    const note = `13800001111 ${ESC}[31m说${ESC}[0m明天不还就去你家${ESC}]0;pwned${ESC}\\${ESC}[2J`;
    const input = new PassThrough();
    input.end(`/call ${note}\n/evidence\n`);
    const out = ioWith('');
    await runTerminalChat({ deps, texts: loadCliTexts(), userId: 'term', input, output: out.stdout, interactive: false });
    const [kept] = await store.listEvidence('cli:term');
    expect(kept!.text).toBe('说明天不还就去你家');
    expect(figure('escape characters printed by the terminal chat', (out.stdout.text().match(/[\u001b\u009b]/g) ?? []).length)).toBe(0);
    expect(out.stdout.text()).not.toContain('pwned');
  });

  it('an animated GIF sent as "image/png" is answered by what its bytes are', async () => {
    const deps = testDeps(new MemoryStore());
    const gif = readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', 'screenshots', 'bad', 'animated.gif'));
    const r = await handleTurn({ channel: 'attack', userId: 'g', receivedAt: new Date(), kind: 'image', bytes: gif, mimeType: 'image/png' }, deps);
    const text = figure('reply to an animated GIF claimed as image/png', shown(r));
    expect(text).toBe(deps.replies.text('image_animated', { format: 'GIF' }));
    expect(text).not.toContain('image/png');
    const pdf = readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', 'screenshots', 'bad', 'not-an-image.pdf'));
    const p = await handleTurn({ channel: 'attack', userId: 'g', receivedAt: new Date(), kind: 'image', bytes: pdf, mimeType: 'image/jpeg' }, deps);
    expect(shown(p)).toBe(deps.replies.text('unsupported_file', { type: 'pdf' }));
  });

  it('a read-only data folder stops the start with what to do, in Chinese and English, and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'debtshield-ro-'));
    let mounted = false;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', dir], { stdio: 'ignore' });
      mounted = true;
    } catch {
      chmodSync(dir, 0o500); // not root: a folder without write permission fails the same way
    }
    const before = process.env.DATA_DIR;
    process.env.DATA_DIR = join(dir, 'data');
    try {
      const io = ioWith('');
      expect(await runCli(['chat', '--user', 'x'], io)).toBe(1);
      const err = io.stderr.text();
      figure('read-only DATA_DIR start message', err.split('\n')[0]!);
      expect(err).toMatch(/数据目录（DATA_DIR）/);
      expect(err).toMatch(/set DATA_DIR=/);
      expect(err).toMatch(/EROFS|EACCES/);
      expect(err).not.toMatch(/\n\s+at /);
    } finally {
      if (before === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = before;
      if (mounted) execFileSync('umount', [dir], { stdio: 'ignore' });
      chmodSync(dir, 0o700);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CLI error lines are in Chinese', async () => {
    const io = ioWith(['{"id":1,"text":5}', '{"id":2,"text":"明天上门","sent_at":"yesterday"}', 'not json', '[1]'].join('\n') + '\n');
    await runCli(['analyze', '--jsonl'], io);
    const errors = io.stdout.text().trim().split('\n').map((l) => (JSON.parse(l) as { error: string }).error);
    expect(errors).toHaveLength(4);
    for (const e of errors) expect(e).toMatch(/\p{Script=Han}/u);
    figure('CLI error lines in Chinese', errors.filter((e) => /\p{Script=Han}/u.test(e)).length);
  });
});
