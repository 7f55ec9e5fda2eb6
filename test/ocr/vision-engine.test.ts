/**
 * The vision engine against a loopback OpenAI-compatible server of this test's own: the request must carry the
 * image as a data URL in a chat.completions call, and the model's transcription must come back post-processed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { createOcrService } from '../../src/ocr/ocr-service';
import { createVisionEngine, loadVisionPrompt } from '../../src/ocr/vision-engine';
import { loadOcrVocabulary } from '../../src/ocr/vocabulary';
import { SCREENSHOTS } from '../../bench/ocr';

interface Seen {
  path: string;
  auth: string | undefined;
  body: { model: string; messages: Array<{ role: string; content: unknown }> };
}

let server: Server;
let baseURL: string;
const seen: Seen[] = [];
let reply: { status: number; content: string } = { status: 200, content: '' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(data) });
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(
        reply.status === 200
          ? JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: reply.content } }] })
          : JSON.stringify({ error: { message: 'bad key', type: 'invalid_request_error' } }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const service = () =>
  createOcrService({
    engine: createVisionEngine({ apiKey: 'test-key', baseURL, model: 'qwen-vl-test', timeoutMs: 5000, prompt: loadVisionPrompt(join(PACKAGE_ROOT, 'knowledge', 'ocr', 'vision-prompt.md')) }),
    vocabulary: loadOcrVocabulary(join(PACKAGE_ROOT, 'knowledge', 'ocr')),
    limits: { maxBytes: 10_000_000, maxPixels: 25_000_000 },
    now: () => new Date('2026-05-14T10:00:00+08:00'),
  });

describe('vision engine', () => {
  it('sends the image as a data URL and post-processes the transcription', async () => {
    seen.length = 0;
    reply = { status: 200, content: '106 9551 2345\n\n昨天 23:40\n再不还钱我们明天就上们找你。\n\n今天 07:05\n今晚12点前不还，明天就把你的照片发到通讯录群里。' };
    const image = readFileSync(join(SCREENSHOTS, 'sms-ios-540x1200.png'));
    const r = await service().read(image, 'image/png');

    expect(seen).toHaveLength(1);
    const req = seen[0]!;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.auth).toBe('Bearer test-key');
    expect(req.body.model).toBe('qwen-vl-test');
    expect(req.body.messages[0]).toMatchObject({ role: 'system' });
    const parts = req.body.messages[1]!.content as Array<{ type: string; image_url?: { url: string } }>;
    const url = parts.find((p) => p.type === 'image_url')!.image_url!.url;
    expect(url).toBe(`data:image/png;base64,${image.toString('base64')}`);

    expect(r.engine).toBe('vision:qwen-vl-test');
    expect(r.sender).toBe('10695512345');
    expect(r.text).toBe('再不还钱我们明天就上门找你。\n今晚12点前不还，明天就把你的照片发到通讯录群里。');
    expect(r.timestamps.map((t) => t.at)).toEqual(['2026-05-13T15:40:00.000Z', '2026-05-13T23:05:00.000Z']);
  });

  it('an empty transcription is IMAGE_UNREADABLE; an API error is OCR_UNAVAILABLE naming the fix', async () => {
    const image = readFileSync(join(SCREENSHOTS, 'formats', 'still.webp'));
    reply = { status: 200, content: '' };
    await expect(service().read(image, 'image/webp')).rejects.toMatchObject({ code: 'IMAGE_UNREADABLE' });
    expect((seen.at(-1)!.body.messages[1]!.content as Array<{ image_url?: { url: string } }>)[0]!.image_url!.url).toMatch(/^data:image\/webp;base64,/);
    reply = { status: 401, content: '' };
    await expect(service().read(image, 'image/webp')).rejects.toMatchObject({ code: 'OCR_UNAVAILABLE', message: expect.stringMatching(/LLM_API_KEY/) });
  });
});
