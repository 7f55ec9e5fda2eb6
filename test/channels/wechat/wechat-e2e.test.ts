/**
 * The Official Account end to end: signed and encrypted callbacks from the fake platform, the real HTTP app, the
 * real queue (BullMQ on the real Redis), the real core, and replies arriving at the fake customer-service API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeWechat, readPassive, verificationQuery, platformCallback } from '../../support/fake-wechat';
import { scriptedOcr } from '../../support/scripted-ocr';
import { CREDS, newMsgId, newUser, startHarness, textMessage, type Harness } from './harness';
import { PACKAGE_ROOT } from '../../../src/paths';
import { loadReplies } from '../../../src/replies';

const replies = loadReplies(join(PACKAGE_ROOT, 'prompts'));
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WeChat Official Account, secure mode, on BullMQ', () => {
  let h: Harness;
  const ocr = scriptedOcr(1500);
  beforeAll(async () => {
    h = await startHarness({ mode: 'aes', queue: 'bullmq', ocr });
  });
  afterAll(() => h.stop());

  it('verifies the server URL with the signature over token, timestamp and nonce', async () => {
    const ok = await h.app.inject({ method: 'GET', url: `/wechat?${verificationQuery(h.keys, '8563216549871')}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('8563216549871');
    const wrong = await h.app.inject({ method: 'GET', url: `/wechat?${verificationQuery({ ...h.keys, token: 'otherToken' }, '1')}` });
    expect(wrong.statusCode).toBe(403);
    const stale = await h.app.inject({ method: 'GET', url: `/wechat?${verificationQuery(h.keys, '1', Date.now() - 10 * 60_000)}` });
    expect(stale.statusCode).toBe(403);
  });

  it('acks a text at once and answers through the customer-service API, in parts within 2 048 bytes, buttons numbered', async () => {
    const user = newUser();
    const res = await h.post(textMessage(user, '【速借宝】明天不还钱就上门泼油漆，让你全村都知道'));
    expect(res.status).toBe(200);
    expect(res.body).toBe('success');
    expect(res.ms).toBeLessThan(1000);
    const parts = await h.fake.waitForSends(user, 1);
    await settle(500);
    const all = h.fake.sendsTo(user);
    expect(all.length).toBeGreaterThanOrEqual(1);
    for (const p of all) expect(bytes(p)).toBeLessThanOrEqual(2048);
    expect(all.join('\n')).toMatch(/治安管理处罚法|违法/);
    expect(all[all.length - 1]).toMatch(/回复数字选择：\n1\. /);
    expect(h.fake.sends.find((s) => s.touser === user)?.path).toBe('/cgi-bin/message/custom/send');
    expect(parts.length).toBeGreaterThan(0);
  });

  it('takes a typed number as a press of the reply\'s first button', async () => {
    const user = newUser();
    await h.post(textMessage(user, '【速借宝】明天不还钱就上门泼油漆'));
    const first = await h.fake.waitForSends(user, 1);
    await settle(500);
    const before = h.fake.sendsTo(user).length;
    const option = /\n1\. (.+)/.exec(h.fake.sendsTo(user).join('\n'))?.[1];
    expect(option).toBeTruthy();
    await h.post(textMessage(user, '1'));
    const after = await h.fake.waitForSends(user, before + 1);
    expect(after.slice(before).join('\n')).not.toContain(replies.text('help').slice(0, 10));
    expect(first.length).toBeGreaterThan(0);
  });

  it('answers one message once, however often the platform retries it', async () => {
    const user = newUser();
    const msg = textMessage(user, '催收说要打电话给我单位领导，这合法吗？');
    const acks = await Promise.all([h.post(msg), h.post(msg), h.post(msg)]);
    expect(acks.map((a) => a.body)).toEqual(['success', 'success', 'success']);
    await h.fake.waitForSends(user, 1);
    await settle(1500);
    await h.post(msg); // a late fourth delivery
    await settle(800);
    const memoised = JSON.parse((await h.memo.get(`wechat:reply:m:${msg.MsgId}`))!) as string[];
    expect(h.fake.sendsTo(user)).toEqual(memoised);
  });

  it('downloads an image by MediaId, acks within a second while a 1.5 s OCR runs, then answers', async () => {
    h.fake.media.set('media-shot-1', { bytes: readFileSync(join(PACKAGE_ROOT, 'test/fixtures/screenshots/chat-720x1600.jpg')), type: 'image/jpeg' });
    const user = newUser();
    const readsBefore = ocr.reads;
    const res = await h.post({ ToUserName: 'gh_debtshield', FromUserName: user, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'image', PicUrl: 'http://mmbiz.example/x', MediaId: 'media-shot-1', MsgId: newMsgId() });
    expect(res.body).toBe('success');
    expect(res.ms).toBeLessThan(1000);
    // While that OCR runs, another user's text is acked just as fast.
    const other = await h.post(textMessage(newUser(), '/help'));
    expect(other.ms).toBeLessThan(1000);
    expect(h.fake.sendsTo(user)).toEqual([]);
    await h.fake.waitForSends(user, 1, 15_000);
    expect(ocr.reads).toBe(readsBefore + 1);
    expect(h.fake.mediaDownloads).toBeGreaterThanOrEqual(1);
  });

  it('refreshes an expired access token once and still delivers', async () => {
    await h.fake.waitForSends('nobody', 0);
    const grants = h.fake.tokenGrants;
    h.fake.expireTokens();
    const users = [newUser(), newUser(), newUser()];
    await Promise.all(users.map((u) => h.post(textMessage(u, '/privacy'))));
    for (const u of users) await h.fake.waitForSends(u, 1);
    expect(h.fake.tokenGrants).toBe(grants + 1);
  });

  it('holds a reply the 48-hour window refused and delivers it, encrypted and signed, as the passive reply to the next message', async () => {
    const user = newUser();
    h.fake.failNextSends(45015);
    await h.post(textMessage(user, '/privacy'));
    await settle(1500);
    expect(h.fake.sendsTo(user)).toEqual([]);
    const next = await h.post(textMessage(user, '/help'));
    expect(next.status).toBe(200);
    const passive = readPassive(h.keys, next.body);
    expect(passive.toUser).toBe(user);
    expect(passive.content).toContain('你之前的消息，我的回复没能及时送到');
    expect(passive.content).toContain(replies.text('privacy').slice(0, 12));
    expect(bytes(passive.content)).toBeLessThanOrEqual(2048);
    const later = await h.fake.waitForSends(user, 1);
    expect(later[0]).toContain(replies.text('help').slice(0, 8));
  });

  it('backs off when the platform is busy and delivers after', async () => {
    const user = newUser();
    h.fake.failNextSends(-1);
    const started = Date.now();
    await h.post(textMessage(user, '/privacy'));
    await h.fake.waitForSends(user, 1, 15_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });

  it('greets a new follower with the privacy note; runs menu clicks from wechat.yaml; reads voice and links', async () => {
    const user = newUser();
    const base = { ToUserName: 'gh_debtshield', FromUserName: user, MsgType: 'event' };
    await h.post({ ...base, CreateTime: Math.floor(Date.now() / 1000), Event: 'subscribe' });
    const greeting = (await h.fake.waitForSends(user, 1)).join('\n');
    expect(greeting).toContain(replies.text('privacy').slice(0, 12));
    await h.post({ ...base, CreateTime: Math.floor(Date.now() / 1000) + 1, Event: 'CLICK', EventKey: 'HOTLINES' });
    expect((await h.fake.waitForSends(user, 2)).join('\n')).toContain('12348');
    await h.post({ ...base, CreateTime: Math.floor(Date.now() / 1000) + 2, Event: 'CLICK', EventKey: 'EVIDENCE' });
    await h.fake.waitForSends(user, 3);
    const voice = { ToUserName: 'gh_debtshield', FromUserName: user, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'voice', MediaId: 'v1', Format: 'amr' };
    await h.post({ ...voice, MsgId: newMsgId() });
    expect((await h.fake.waitForSends(user, 4)).join('\n')).toContain('我暂时还听不了语音');
    const n = h.fake.sendsTo(user).length;
    await h.post({ ...voice, MsgId: newMsgId(), Recognition: '催收说明天不还钱就上门泼油漆' });
    expect((await h.fake.waitForSends(user, n + 1)).slice(n).join('\n')).toMatch(/违法|治安管理处罚法/);
    const m = h.fake.sendsTo(user).length;
    await h.post({ ToUserName: 'gh_debtshield', FromUserName: user, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'link', Title: '催收通知', Description: '三天内不还款，就把你的欠款信息发到你所有通讯录联系人', Url: 'https://example.org/a', MsgId: newMsgId() });
    expect((await h.fake.waitForSends(user, m + 1)).slice(m).join('\n').length).toBeGreaterThan(20);
  });

  it('refuses forged, replayed, unencrypted and oversized callbacks', async () => {
    const user = newUser();
    const msg = textMessage(user, '/help');
    const good = platformCallback(h.keys, msg);
    const forged = new URLSearchParams(good.query);
    forged.set('msg_signature', '0'.repeat(40));
    expect((await h.app.inject({ method: 'POST', url: `/wechat?${forged}`, headers: { 'content-type': 'text/xml' }, payload: good.body })).statusCode).toBe(403);
    const replayed = platformCallback(h.keys, msg, Date.now() - 6 * 60_000);
    expect((await h.app.inject({ method: 'POST', url: `/wechat?${replayed.query}`, headers: { 'content-type': 'text/xml' }, payload: replayed.body })).statusCode).toBe(403);
    const plain = platformCallback({ ...h.keys, mode: 'plain' }, msg);
    expect((await h.app.inject({ method: 'POST', url: `/wechat?${plain.query}`, headers: { 'content-type': 'text/xml' }, payload: plain.body })).statusCode).toBe(403);
    const otherApp = platformCallback({ ...h.keys, receiveId: 'wxffffffffffffffff' }, msg);
    expect((await h.app.inject({ method: 'POST', url: `/wechat?${otherApp.query}`, headers: { 'content-type': 'text/xml' }, payload: otherApp.body })).statusCode).toBe(403);
    const big = await h.app.inject({ method: 'POST', url: `/wechat?${good.query}`, headers: { 'content-type': 'text/xml' }, payload: `<xml><Encrypt>${'A'.repeat(200_000)}</Encrypt></xml>` });
    expect(big.statusCode).toBe(413);
    const notXml = await h.app.inject({ method: 'POST', url: `/wechat?${good.query}`, headers: { 'content-type': 'text/xml' }, payload: '{"a":1}' });
    expect(notXml.statusCode).toBe(400);
    await settle(800);
    expect(h.fake.sendsTo(user)).toEqual([]);
  });

  it('exposes turns, ack latency, queue depth and API errors on /metrics; /readyz sees Redis and the queue', async () => {
    const text = (await h.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/debtshield_turns_total\{channel="wechat",kind="\w+"\} \d+/);
    expect(text).toMatch(/debtshield_ack_seconds_count\{channel="wechat"\} \d+/);
    expect(text).toMatch(/debtshield_queue_depth\{queue="send-wechat"\} \d+/);
    expect(text).toMatch(/debtshield_channel_api_errors_total\{channel="wechat",code="42001"\} \d+/);
    expect(text).toMatch(/debtshield_turn_seconds_bucket/);
    const ready = await h.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ ok: true, store: 'up', queue: 'up' });
  });
});

describe('WeChat Official Account, plaintext mode, embedded (in-process queue)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'plain', queue: 'in-process', ratePerMinute: 2 });
  });
  afterAll(() => h.stop());

  it('answers through the API, and tells a user who floods the bot to slow down in a plain passive reply', async () => {
    const user = newUser();
    expect((await h.post(textMessage(user, '/help'))).body).toBe('success');
    expect((await h.post(textMessage(user, '/privacy'))).body).toBe('success');
    const third = await h.post(textMessage(user, '/help'));
    expect(readPassive(h.keys, third.body).content).toBe(replies.text('rate_limited'));
    const fourth = await h.post(textMessage(user, '/help'));
    expect(fourth.body).toBe('success'); // told once per window
    await h.fake.waitForSends(user, 2);
    await settle(300);
    expect(h.fake.sendsTo(user)).toHaveLength(2);
  });
});

describe('WeCom self-built app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: 'wecom', queue: 'bullmq' });
  });
  afterAll(() => h.stop());

  it('answers URL verification with the decrypted echostr', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/wecom?${verificationQuery(h.keys, '1616140317555161061')}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('1616140317555161061');
    const other = await h.app.inject({ method: 'GET', url: `/wecom?${verificationQuery({ ...h.keys, receiveId: 'wwffffffffffffffff' }, '1')}` });
    expect(other.statusCode).toBe(403);
  });

  it('answers through the app message API with the AgentId, and greets once a day however often the user enters', async () => {
    const user = newUser();
    const enter = (s: number) => h.post({ ToUserName: CREDS.corpId, FromUserName: user, CreateTime: Math.floor(Date.now() / 1000) + s, MsgType: 'event', Event: 'enter_agent', AgentID: CREDS.agentId });
    await enter(0);
    await enter(1);
    await h.post(textMessage(user, '催收冒充法院说要来抓我', newMsgId(), CREDS.corpId));
    await h.fake.waitForSends(user, 2);
    await settle(800);
    const sends = h.fake.sends.filter((s) => s.touser === user);
    expect(sends.every((s) => s.path === '/cgi-bin/message/send' && s.agentid === CREDS.agentId)).toBe(true);
    expect(sends.filter((s) => s.content.includes(replies.text('privacy').slice(0, 12)))).toHaveLength(1);
  });
});

void FakeWechat;
