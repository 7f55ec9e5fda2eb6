/**
 * A worker killed mid-job loses nothing and answers once. The worker is the real program (`node dist/src/main.js`
 * with PROCESS_ROLE=worker and the real OCR engine); the web side (this process) queues an image message; the
 * worker is killed with SIGKILL while it reads the screenshot; a second worker, started after, finds the job
 * stalled once its lock lapses and runs it: the user gets the reply exactly once.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../../src/paths';
import { FakeWechat } from '../../support/fake-wechat';
import { scriptedOcr } from '../../support/scripted-ocr';
import { startWorkerProcess } from '../../support/worker-process';
import { CREDS, REDIS_URL, newMsgId, newUser, startHarness, type Harness } from './harness';

describe('a worker killed mid-job', () => {
  let fake: FakeWechat;
  let web: Harness;
  let child: ChildProcess | undefined;
  const prefix = `dstest:crash:${randomBytes(5).toString('hex')}:`;
  const key = randomBytes(32);

  beforeAll(async () => {
    fake = await FakeWechat.start();
    web = await startHarness({ mode: 'aes', queue: 'bullmq', workers: false, prefix, encryptionKey: key, fake, lockMs: 1000, ocr: scriptedOcr(10) });
    child = await startWorkerProcess({
      NODE_ENV: 'test',
      PROCESS_ROLE: 'worker',
      REDIS_URL,
      REDIS_PREFIX: prefix,
      ENCRYPTION_KEY: key.toString('base64'),
      WECHAT_TOKEN: CREDS.token,
      WECHAT_APP_ID: CREDS.appId,
      WECHAT_APP_SECRET: CREDS.appSecret,
      WECHAT_ENCODING_AES_KEY: CREDS.aesKey,
      WECHAT_API_ROOT: fake.apiRoot,
      QUEUE_LOCK_MS: '1000',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ds-worker-')),
    });
  }, 40_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await web.stop();
    await fake.close();
  });

  it('runs the job again on another worker and answers exactly once', async () => {
    fake.media.set('media-crash', { bytes: readFileSync(join(PACKAGE_ROOT, 'test/fixtures/screenshots/chat-1080x2400.png')), type: 'image/png' });
    const user = newUser();
    const msgId = newMsgId();
    const ack = await web.post({ ToUserName: 'gh_debtshield', FromUserName: user, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'image', MediaId: 'media-crash', MsgId: msgId });
    expect(ack.body).toBe('success');
    // The worker downloads the image, then reads it (the real OCR engine, about a second): kill it then.
    const deadline = Date.now() + 20_000;
    while (fake.mediaDownloads === 0) {
      if (Date.now() > deadline) throw new Error('the worker never took the job');
      await new Promise((r) => setTimeout(r, 5));
    }
    child!.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    expect(fake.sendsTo(user)).toEqual([]);
    expect(await web.memo.get(`wechat:reply:m:${msgId}`)).toBeNull();

    web.startWorkers();
    await fake.waitForSends(user, 1, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    const memoised = JSON.parse((await web.memo.get(`wechat:reply:m:${msgId}`))!) as string[];
    expect(fake.sendsTo(user)).toEqual(memoised);
    expect(fake.mediaDownloads).toBe(2);
  }, 60_000);
});
