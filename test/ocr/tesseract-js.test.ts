/**
 * The tesseract.js engine end to end on committed screenshots (model from npm, no network): one worker for
 * the whole file, closed in afterAll. CER is measured as in bench/ocr.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { AppError } from '../../src/errors';
import { createOcrService, type OcrService } from '../../src/ocr/ocr-service';
import { chiSimLangPath, createTesseractJsEngine } from '../../src/ocr/tesseract-js-engine';
import { loadOcrVocabulary } from '../../src/ocr/vocabulary';
import { characterErrorRate, GENERATED, loadChatTruth, loadTruth, scoreChat, SCREENSHOTS } from '../../bench/ocr';

jest.setTimeout(60_000);

const truth = loadTruth();
let ocr: OcrService;

beforeAll(() => {
  ocr = createOcrService({
    engine: createTesseractJsEngine({ timeoutMs: 30_000 }),
    vocabulary: loadOcrVocabulary(join(PACKAGE_ROOT, 'knowledge', 'ocr')),
    limits: { maxBytes: 10_000_000, maxPixels: 25_000_000 },
    now: () => new Date(truth.reference),
  });
});

afterAll(() => ocr.close());

describe('tesseract.js engine', () => {
  it('uses the chi_sim model shipped by npm, and reads traditional characters with chi_tra', () => {
    expect(chiSimLangPath()).toMatch(/@tesseract\.js-data[/\\]chi_sim[/\\]4\.0\.0_best_int$/);
    expect(createTesseractJsEngine({ timeoutMs: 1000 }).readsTraditional).toBe(true);
    expect(createTesseractJsEngine({ timeoutMs: 1000, traditionalLangPath: false }).readsTraditional).toBe(false);
  });

  it.each([
    ['sms-android-1080x2400.png', 0.03],
    // 0.04 since large glyphs are read at 28 px (DOWNSCALED_GLYPH_SHARE): 部门 → 部方 here, one character of 53
    // more, while the 110 dev screenshots of bench:ocr read as well as at 34 px.
    ['chat-1080x2400.png', 0.04],
    ['sms-ios-540x1200.png', 0.08],
    ['chat-jpeg40-1080x2400.jpg', 0.08],
    // JPEG noise turns the input bar's hint into low-confidence glyphs, which must not join the message.
    ['sms-android-noise-1080x2400.jpg', 0.08],
  ])('reads %s within CER %d, with sender and timestamps', async (file, bound) => {
    const t = truth.images[file]!;
    const r = await ocr.read(readFileSync(join(SCREENSHOTS, file)), 'image/png');
    expect(r.engine).toBe('tesseract-js');
    expect(characterErrorRate(t.text, r.text).cer).toBeLessThanOrEqual(bound);
    expect(r.sender).toBe(t.sender);
    expect(r.timestamps.map((s) => s.at)).toEqual(t.timestamps.map((s) => new Date(s.at).toISOString()));
    expect(r.sentAt?.toISOString()).toBe(new Date(t.timestamps.at(-1)!.at).toISOString());
    expect(r.messages).toHaveLength(t.timestamps.length);
  });

  // A handful of the generated dev screenshots (the bench reads them all): two sides, separators in several
  // forms, times under bubbles, dark mode, a small image.
  const chats = loadChatTruth();
  it.each([
    'dev-01-wechat-light-clean-1080x2340.jpg', // both sides, 星期六 13:16
    'dev-07-android-dark-clean-720x1600.png', // date-only separators, each bubble's time under it
    'dev-13-wechat-dark-small-414x896.jpg', // dark mode, small
    'dev-14-ios-dark-small-540x1200.png', // blue bubbles with white text
  ])('reads %s bubble by bubble: text, side and time', async (file) => {
    const t = chats.images[file]!;
    const r = await ocr.read(readFileSync(join(GENERATED, file)), '');
    expect(r.method).toBe('layout');
    const s = scoreChat(t, r.bubbles);
    expect(s.cer).toBeLessThanOrEqual(0.05);
    expect(s.sidesRight).toBe(t.bubbles.length);
    expect(s.timesRight).toBe(t.bubbles.filter((b) => b.at).length);
    // Only the other side's bubbles are the collector's words.
    const theirs = t.bubbles.filter((b) => b.side === 'collector').map((b) => b.text).join('\n');
    expect(characterErrorRate(theirs, r.text).cer).toBeLessThanOrEqual(0.05);
    for (const b of r.bubbles) expect(b.confidence).toBeGreaterThan(0.4);
  });

  it('reads a bubble written in traditional characters as written, and a simplified one as simplified', async () => {
    // devc-06: the collector writes simplified, the user answers 那我還要還錢嗎.
    const file = 'devc-06-ios-dark-clean-1080x2400.jpg';
    const t = chats.images[file]!;
    const r = await ocr.read(readFileSync(join(GENERATED, file)), '');
    const mine = r.bubbles.find((b) => b.side === 'user')!;
    expect(characterErrorRate(t.bubbles.find((b) => b.side === 'user')!.text, mine.text).cer).toBeLessThanOrEqual(0.15);
    expect(mine.text).toContain('還');
    const theirs = r.bubbles.find((b) => b.side === 'collector')!;
    expect(characterErrorRate(t.bubbles.find((b) => b.side === 'collector')!.text, theirs.text).cer).toBeLessThanOrEqual(0.05);
  });

  it('resolves the tiny time separators of a small screenshot (凌晨 half read) to the right instants', async () => {
    // devc-24: QQ dark, 375×812, separators 凌晨2:16, 凌晨4:38, 上午7:36 about 9 px high.
    const file = 'devc-24-qq-dark-small-375x812.png';
    const t = chats.images[file]!;
    const r = await ocr.read(readFileSync(join(GENERATED, file)), '');
    const s = scoreChat(t, r.bubbles);
    expect(s.timesRight).toBeGreaterThanOrEqual(4);
    expect(r.timestamps.map((x) => x.at)).toContain(t.bubbles[0]!.at);
  });

  it('reads WebP, GIF and BMP too', async () => {
    for (const f of ['still.webp', 'still.gif', 'still.bmp']) {
      const r = await ocr.read(readFileSync(join(SCREENSHOTS, 'formats', f)), '');
      expect(characterErrorRate(truth.formats.text, r.text).cer).toBeLessThanOrEqual(0.15);
    }
  });

  it('answers IMAGE_UNREADABLE for a screen with no text', async () => {
    await expect(ocr.read(readFileSync(join(SCREENSHOTS, 'bad', 'blank-1080x2400.png')), 'image/png')).rejects.toMatchObject({ code: 'IMAGE_UNREADABLE' });
  });

  it('stops a worker left unused for idleStopMs and starts it again for the next image', async () => {
    const engine = createTesseractJsEngine({ timeoutMs: 30_000, idleStopMs: 300 });
    try {
      const png = readFileSync(join(SCREENSHOTS, 'sms-ios-540x1200.png'));
      expect(engine.running()).toEqual([]);
      const first = await engine.recognizeLines!(png);
      expect(engine.running()).toEqual(['chi_sim']);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(engine.running()).toEqual([]);
      const again = await engine.recognizeLines!(png);
      expect(engine.running()).toEqual(['chi_sim']);
      expect(again.map((l) => l.text)).toEqual(first.map((l) => l.text));
    } finally {
      await engine.close();
    }
  });

  it('refuses bad input before the engine sees it', async () => {
    await expect(ocr.read(readFileSync(join(SCREENSHOTS, 'bad', 'animated.gif')), 'image/gif')).rejects.toBeInstanceOf(AppError);
    await expect(ocr.read(readFileSync(join(SCREENSHOTS, 'bad', 'not-an-image.pdf')), 'application/pdf')).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
  });
});
