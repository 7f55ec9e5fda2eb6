/**
 * The Telegram bot end to end: real telegraf long-polling the fake Bot API server, the real core, a real Redis
 * store. Each test uses its own user id; faults are programmed on the fake right before the call they target.
 */
import { join } from 'node:path';
import { loadTelegramTexts } from '../../../src/channels/telegram/texts';
import { PACKAGE_ROOT } from '../../../src/paths';
import { htmlToPlainText } from '../../../src/channels/telegram/render-html';
import { TELEGRAM_MESSAGE_LIMIT } from '../../../src/channels/telegram/split-message';
import type { Answerer } from '../../../src/answers/answer';
import type { RecordedCall } from '../../support/fake-telegram';
import { testCore } from '../../support/core-deps';
import { tagProblem } from './html-check';
import { startHarness, type Harness } from './harness';
import type { UploadedFile } from '../../support/fake-telegram';

const THREAT = '再不还钱，明天就上门泼油漆，让你全家不得安宁';
const QUESTION = '催收说要打电话给我领导和同事，他们能这样吗？';
const AT_2340_CHINA = Math.floor(new Date('2026-05-12T23:40:00+08:00').getTime() / 1000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Key = { text: string; callback_data: string };
const keysOf = (call: RecordedCall): Key[] => (call.body.reply_markup?.inline_keyboard ?? []).flat();
const textOf = (calls: RecordedCall[]) => calls.map((c) => String(c.body.text)).join('\n\n');

/** Sends something to the bot and returns every message part it answered with. */
async function exchange(h: Harness, chatId: number, send: () => void): Promise<RecordedCall[]> {
  const before = h.fake.messagesTo(chatId).length;
  send();
  await h.fake.waitForMessages(chatId, before + 1);
  await h.bot.drain(10_000);
  return h.fake.messagesTo(chatId).slice(before);
}

describe('telegram bot (polling, real core, Redis)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('registers the command menu from telegram.yaml', async () => {
    const [call] = await h.fake.waitForCalls((c) => c.method === 'setMyCommands');
    expect(call!.body.commands.map((c: { command: string }) => c.command)).toEqual(['start', 'help', 'privacy', 'evidence', 'export', 'delete', 'call']);
    for (const c of call!.body.commands) expect(c.description.length).toBeGreaterThan(0);
    expect(h.fake.callsOf('deleteWebhook')).toHaveLength(1);
  });

  it('holds a whole conversation: /start → forwarded threat → button → question → /export → /delete → 确认删除', async () => {
    const u = { id: 1001, first_name: 'Wang' };
    const userKey = 'telegram:1001';

    const welcome = await exchange(h, u.id, () => h.fake.sendCommand(u, '/start'));
    expect(welcome[0]!.body.parse_mode).toBe('HTML');
    expect(textOf(welcome)).toContain(h.deps.replies.text('welcome').split('\n')[0]);

    // A collector's message forwarded, originally sent at 23:40 China time.
    const analysis = await exchange(h, u.id, () =>
      h.fake.forward(u, THREAT, AT_2340_CHINA, { type: 'user', sender_user: { id: 555, is_bot: false, first_name: 'Collector' } }),
    );
    const shown = textOf(analysis);
    expect(shown).toContain('泼油漆');
    expect(shown).toContain('治安管理处罚法');
    expect(shown).toContain('23:40');
    const keys = keysOf(analysis[analysis.length - 1]!);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(Buffer.byteLength(k.callback_data)).toBeLessThanOrEqual(64);
    const evidence = await h.store.listEvidence(userKey);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.sentAt).toBe('2026-05-12T15:40:00.000Z');
    expect(evidence[0]!.categories).toEqual(expect.arrayContaining(['threat', 'off_hours']));

    // A button under the analysis: answered at once, and the press gets its reply.
    const law = keys.find((k) => k.callback_data === 'law') ?? keys[0]!;
    let queryId = '';
    const pressed = await exchange(h, u.id, () => (queryId = h.fake.press(u, law.callback_data)));
    await h.fake.waitForCalls((c) => c.method === 'answerCallbackQuery' && c.body.callback_query_id === queryId);
    expect(textOf(pressed).length).toBeGreaterThan(20);

    // A follow-up question is answered from the knowledge base, with its sources.
    const answer = await exchange(h, u.id, () => h.fake.sendText(u, QUESTION));
    // The first screen names its provisions (e.g. 民法典第1032条); the full texts sit behind 查看法条.
    expect(textOf(answer)).toMatch(/第[0-9一二三四五六七八九十百千]+条/);

    // /export is one document (the readable text, then the JSON), not the whole record as messages.
    const exported = await exchange(h, u.id, () => h.fake.sendCommand(u, '/export'));
    expect(exported.length).toBeLessThanOrEqual(2);
    const [doc] = h.fake.callsOf('sendDocument', u.id);
    const file = doc!.body.document as UploadedFile;
    expect(file.filename).toMatch(/^debtshield-export-\d{8}\.txt$/);
    expect(file.bytes.toString('utf8')).toContain(evidence[0]!.id);
    expect(file.bytes.toString('utf8')).toContain('"evidence"');

    const confirm = await exchange(h, u.id, () => h.fake.sendCommand(u, '/delete'));
    const yes = keysOf(confirm[confirm.length - 1]!).find((k) => k.callback_data === 'del:yes');
    expect(yes?.text).toBe(h.deps.replies.text('button_delete_confirm'));
    let deleteQuery = '';
    const done = await exchange(h, u.id, () => (deleteQuery = h.fake.press(u, yes!.callback_data)));
    await h.fake.waitForCalls((c) => c.method === 'answerCallbackQuery' && c.body.callback_query_id === deleteQuery);
    expect(textOf(done)).toContain(h.deps.replies.text('delete_done', { count: 0 }).split('（')[0]);
    expect(await h.store.listEvidence(userKey)).toEqual([]);
    expect(await h.store.read(userKey)).toBeNull();
  });

  it('shows the typing indicator before replying', async () => {
    const u = { id: 1002 };
    await exchange(h, u.id, () => h.fake.sendText(u, QUESTION));
    const typing = h.fake.callsOf('sendChatAction', u.id);
    expect(typing.length).toBeGreaterThanOrEqual(1);
    expect(typing[0]!.body.action).toBe('typing');
    expect(typing[0]!.at).toBeLessThanOrEqual(h.fake.messagesTo(u.id)[0]!.at);
  });

  it('resends a part Telegram cannot parse as plain text, never the same payload again', async () => {
    const u = { id: 1004 };
    h.fake.rejectEntitiesOnce();
    await exchange(h, u.id, () => h.fake.sendCommand(u, '/help'));
    const calls = h.fake.callsOf('sendMessage', u.id);
    expect(calls.map((c) => [c.status, c.body.parse_mode])).toEqual([
      [400, 'HTML'],
      [200, undefined],
    ]);
    expect(calls[1]!.body.text).toBe(htmlToPlainText(String(calls[0]!.body.text)));
  });

  it('honours 429 retry_after and keeps the chat in order', async () => {
    const u = { id: 1005 };
    h.fake.rateLimit(1);
    h.fake.sendCommand(u, '/privacy');
    h.fake.sendCommand(u, '/help');
    await h.fake.waitForMessages(u.id, 2);
    const calls = h.fake.callsOf('sendMessage', u.id);
    expect(calls.map((c) => c.status)).toEqual([429, 200, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(calls[1]!.body.text).toBe(calls[0]!.body.text);
    expect(String(calls[1]!.body.text)).toContain(h.deps.replies.text('privacy').slice(0, 10));
    expect(String(calls[2]!.body.text)).toContain(h.deps.replies.text('help').slice(0, 5));
  });

  it('processes a repeated update once, and a repeated message under a new update_id once', async () => {
    const u = { id: 1006 };
    const message = { message_id: 777, date: Math.floor(Date.now() / 1000), chat: { id: u.id, type: 'private' }, from: { id: u.id, is_bot: false, first_name: 'U' }, text: QUESTION };
    h.fake.pushUpdate({ update_id: 990_001, message });
    h.fake.pushUpdate({ update_id: 990_001, message });
    await h.fake.waitForMessages(u.id, 1);
    h.fake.pushUpdate({ update_id: 990_002, message });
    await sleep(300);
    await h.bot.drain(5000);
    // A barrier: a new message is answered, and still only one answer to the repeated one.
    await exchange(h, u.id, () => h.fake.sendCommand(u, '/privacy'));
    const answers = h.fake.messagesTo(u.id);
    expect(answers).toHaveLength(2);
  });

  it('stays silent in group chats', async () => {
    const u = { id: 1007 };
    h.fake.sendGroupText(-100123, u, '/start');
    h.fake.sendGroupText(-100123, u, THREAT);
    await exchange(h, u.id, () => h.fake.sendCommand(u, '/help'));
    await sleep(200);
    expect(h.fake.callsOf('sendMessage', -100123)).toEqual([]);
    expect(h.fake.callsOf('sendChatAction', -100123)).toEqual([]);
  });

  it('downloads the largest photo size and hands the image to the core', async () => {
    const u = { id: 1008 };
    const small = h.fake.addFile(Buffer.alloc(100, 1));
    const large = h.fake.addFile(Buffer.alloc(5000, 2));
    const reply = await exchange(h, u.id, () =>
      h.fake.sendPhoto(u, [
        { fileId: small, width: 90, height: 160 },
        { fileId: large, width: 720, height: 1280 },
      ]),
    );
    expect(h.fake.callsOf('getFile').map((c) => c.body.file_id)).toContain(large);
    expect(h.fake.callsOf('getFile').map((c) => c.body.file_id)).not.toContain(small);
    expect(h.fake.callsOf('downloadFile').some((c) => c.status === 200)).toBe(true);
    expect(textOf(reply).length).toBeGreaterThan(0);
  });

  it('answers a non-image document by its type, and downloads an image sent as a document', async () => {
    const u = { id: 1009 };
    const pdf = await exchange(h, u.id, () => h.fake.sendDocument(u, 'Fpdf', 'contract.pdf', 'application/pdf'));
    expect(textOf(pdf)).toContain(h.deps.replies.text('unsupported_file', { type: 'pdf' }));
    const png = h.fake.addFile(Buffer.alloc(300, 3), 'png');
    await exchange(h, u.id, () => h.fake.sendDocument(u, png, 'shot.png', 'image/png'));
    expect(h.fake.callsOf('getFile').map((c) => c.body.file_id)).toContain(png);
  });

  it('tells the user when an image cannot be downloaded, and keeps going', async () => {
    const u = { id: 1010 };
    const reply = await exchange(h, u.id, () => h.fake.sendPhoto(u, [{ fileId: 'Fmissing', width: 10, height: 10 }]));
    expect(textOf(reply)).toBe(loadTelegramTexts(join(PACKAGE_ROOT, 'prompts')).text('image_download_failed'));
    const next = await exchange(h, u.id, () => h.fake.sendCommand(u, '/privacy'));
    expect(next).toHaveLength(1);
  });

  it('survives a failing update: a Bot API error on one reply does not stop the bot', async () => {
    const u = { id: 1011 };
    h.fake.fail({ method: 'sendMessage', status: 403, description: 'Forbidden: bot was blocked by the user', when: (b) => Number(b.chat_id) === u.id });
    h.fake.sendCommand(u, '/help');
    await h.fake.waitForCalls((c) => c.method === 'sendMessage' && c.status === 403);
    await h.bot.drain(5000);
    const next = await exchange(h, u.id, () => h.fake.sendCommand(u, '/privacy'));
    expect(next).toHaveLength(1);
  });
});

describe('telegram bot long replies', () => {
  let h: Harness;
  const long = Array.from({ length: 120 }, (_, i) => `第${i + 1}次提醒：${THREAT}，<别想跑> & 不还就曝光你。`);
  // An answerer whose first screen is 5,000+ characters of text that needs escaping.
  const verbose = (inner: Answerer): Answerer => ({
    ...inner,
    answer: async (...args: Parameters<Answerer['answer']>) => {
      const a = await inner.answer(...args);
      return { ...a, reply: { ...a.reply, blocks: long.map((text) => ({ style: 'paragraph' as const, text })) } };
    },
  });
  beforeAll(async () => {
    h = await startHarness({}, { answerer: verbose(testCore().answerer) });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('splits a reply of 5,000+ characters into valid HTML parts of at most 4,096', async () => {
    const u = { id: 1003 };
    const parts = await exchange(h, u.id, () => h.fake.sendText(u, '催收能不能打电话给我领导？'));
    const total = parts.reduce((n, p) => n + String(p.body.text).length, 0);
    expect(total).toBeGreaterThan(5000);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.body.parse_mode).toBe('HTML');
      expect(String(p.body.text).length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expect(tagProblem(String(p.body.text))).toBe('');
    }
    const plain = parts.map((p) => htmlToPlainText(String(p.body.text))).join('');
    expect(plain).toContain('<别想跑> & 不还就曝光你');
    expect(plain).toContain('第120次提醒');
  });
});

describe('telegram bot rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ ratePerMinute: 3 });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('answers RATE_LIMIT_PER_MINUTE messages, then says so once, and leaves other users alone', async () => {
    const u = { id: 2001 };
    for (let i = 0; i < 7; i++) h.fake.sendCommand(u, '/privacy');
    await h.fake.waitForMessages(u.id, 4);
    await sleep(300);
    await h.bot.drain(5000);
    const sent = h.fake.messagesTo(u.id).map((c) => String(c.body.text));
    expect(sent).toHaveLength(4);
    expect(sent.filter((t) => t === h.deps.replies.text('rate_limited'))).toHaveLength(1);
    const other = await exchange(h, 2002, () => h.fake.sendCommand({ id: 2002 }, '/help'));
    expect(other).toHaveLength(1);
  });

  it('still processes forwarded messages and photos beyond the limit: they are evidence', async () => {
    const u = { id: 2004 };
    for (let i = 0; i < 4; i++) h.fake.sendCommand(u, '/privacy'); // three answered, the fourth refused with the notice
    await h.fake.waitForMessages(u.id, 4);
    await h.bot.drain(5000);
    const notice = h.deps.replies.text('rate_limited');
    expect(h.fake.messagesTo(u.id).filter((c) => String(c.body.text) === notice)).toHaveLength(1);

    const analysis = await exchange(h, u.id, () => h.fake.forward(u, THREAT, AT_2340_CHINA));
    expect(textOf(analysis)).toContain('泼油漆');
    const evidence = await h.store.listEvidence('telegram:2004');
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.categories).toEqual(expect.arrayContaining(['threat']));

    const photo = h.fake.addFile(Buffer.alloc(200, 4));
    const shot = await exchange(h, u.id, () => h.fake.sendPhoto(u, [{ fileId: photo, width: 720, height: 1280 }]));
    expect(h.fake.callsOf('getFile').map((c) => c.body.file_id)).toContain(photo);
    expect(textOf(shot)).not.toContain(notice);

    // Plain text is still limited (and the notice is not repeated within the window).
    const before = h.fake.messagesTo(u.id).length;
    h.fake.sendCommand(u, '/privacy');
    const after = await exchange(h, u.id, () => h.fake.forward(u, THREAT, AT_2340_CHINA));
    expect(textOf(after)).not.toContain(h.deps.replies.text('privacy').split('\n')[0]);
    expect(h.fake.messagesTo(u.id).length - before).toBe(after.length);
  });

  it('still answers every button press while limited', async () => {
    const u = { id: 2003 };
    for (let i = 0; i < 5; i++) h.fake.sendCommand(u, '/privacy');
    await h.fake.waitForMessages(u.id, 4);
    const q = h.fake.press(u, 'law');
    await h.fake.waitForCalls((c) => c.method === 'answerCallbackQuery' && c.body.callback_query_id === q);
  });
});

describe('telegram bot evidence limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ ratePerMinute: 3, evidencePerMinute: 5 });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('limits forwards too, at their own higher limit, and says once that the rest was not kept', async () => {
    const u = { id: 2005 };
    for (let i = 0; i < 8; i++) h.fake.forward(u, `${THREAT}（第${i + 1}条）`, AT_2340_CHINA);
    const notice = h.deps.replies.text('rate_limited_evidence');
    await h.fake.waitForCalls((c) => c.method === 'sendMessage' && String(c.body.text) === notice && Number(c.body.chat_id) === u.id);
    await h.bot.drain(10_000);
    expect(await h.store.listEvidence('telegram:2005')).toHaveLength(5);
    expect(h.fake.messagesTo(u.id).filter((c) => String(c.body.text) === notice)).toHaveLength(1);
  });
});

describe('telegram bot typing indicator', () => {
  let h: Harness;
  const slow = (inner: Answerer): Answerer => ({
    ...inner,
    answer: async (...args: Parameters<Answerer['answer']>) => {
      await sleep(350);
      return inner.answer(...args);
    },
  });
  beforeAll(async () => {
    h = await startHarness({ typingIntervalMs: 60 }, { answerer: slow(testCore().answerer) });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('repeats the typing action while a slow turn runs, and stops after the reply', async () => {
    const u = { id: 3001 };
    // A plain question, answered by the (slowed) answerer.
    await exchange(h, u.id, () => h.fake.sendText(u, '逾期会上征信吗 多久能消'));
    const replyAt = h.fake.messagesTo(u.id)[0]!.at;
    const typing = h.fake.callsOf('sendChatAction', u.id);
    expect(typing.length).toBeGreaterThanOrEqual(3);
    await sleep(200);
    expect(h.fake.callsOf('sendChatAction', u.id).filter((c) => c.at > replyAt + 20)).toEqual([]);
  });

  it('replies even when every typing call fails', async () => {
    const u = { id: 3002 };
    h.fake.fail({ method: 'sendChatAction', times: 1000, status: 500, description: 'Internal Server Error' });
    const reply = await exchange(h, u.id, () => h.fake.sendText(u, QUESTION));
    expect(reply.length).toBeGreaterThan(0);
    expect(h.fake.callsOf('sendChatAction', u.id).every((c) => c.status === 500)).toBe(true);
  });
});
