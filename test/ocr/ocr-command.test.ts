/** `debtshield ocr FILE [--json]` and `debtshield analyze --image FILE`, called as the CLI will call them. */
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { PACKAGE_ROOT } from '../../src/paths';
import { analyzeImage, requireOcr, runOcrCommand, type OcrJson } from '../../src/cli/ocr-command';
import { logSink, testCore } from '../support/core-deps';
import { GENERATED, SCREENSHOTS, characterErrorRate, loadChatTruth, loadTruth } from '../../bench/ocr';

jest.setTimeout(60_000);

const config = loadConfig({ KNOWLEDGE_DIR: join(PACKAGE_ROOT, 'knowledge'), PROMPTS_DIR: join(PACKAGE_ROOT, 'prompts'), OCR_ENGINE: 'tesseract-js' }, false);
const truth = loadTruth();

function io() {
  const out = logSink();
  const err = logSink();
  return { io: { stdout: out.stream, stderr: err.stream }, out: out.text, err: err.text };
}

describe('debtshield ocr', () => {
  it('prints the text, or with --json lines, sender, timestamps, engine and ms', async () => {
    const file = join(SCREENSHOTS, 'sms-ios-540x1200.png');
    const t = truth.images['sms-ios-540x1200.png']!;
    const plain = io();
    expect(await runOcrCommand({ positional: [file], flags: new Map() }, plain.io, config)).toBe(0);
    expect(characterErrorRate(t.text, plain.out()).cer).toBeLessThanOrEqual(0.08);

    const json = io();
    expect(await runOcrCommand({ positional: [file], flags: new Map([['--json', true]]) }, json.io, config)).toBe(0);
    const o = JSON.parse(json.out()) as OcrJson;
    expect(o.engine).toBe('tesseract-js');
    expect(o.file).toBe('sms-ios-540x1200.png');
    expect(typeof o.ms).toBe('number');
    expect(o.sender).toBe('95188');
    expect(o.timestamps).toHaveLength(1);
    expect(o.timestamps[0]!.raw).toBe('昨天 22:30');
    expect(o.lines.map((l) => l.kind)).toEqual(['sender', 'timestamp', 'message']);
    expect(o.messages[0]!.timestamp).toBe('昨天 22:30');
    expect(o.bubbles).toEqual([{ side: 'collector', text: o.messages[0]!.text, time: o.messages[0]!.sent_at, time_label: '昨天 22:30', confidence: expect.any(Number) }]);
  });

  it("gives both sides in bubbles, and only the collector's in text and messages", async () => {
    const chats = loadChatTruth();
    const name = 'dev-04-qq-light-clean-1080x2340.png';
    const json = io();
    expect(await runOcrCommand({ positional: [join(GENERATED, name)], flags: new Map([['--json', true]]) }, json.io, config)).toBe(0);
    const o = JSON.parse(json.out()) as OcrJson;
    const t = chats.images[name]!;
    expect(o.bubbles.map((b) => b.side)).toEqual(t.bubbles.map((b) => b.side));
    // Resolved against the wall clock here (星期二 is last Tuesday), so only the clock time is checked.
    expect(o.bubbles.map((b) => b.time?.slice(11, 16))).toEqual(t.bubbles.map((b) => b.at?.slice(11, 16)));
    const user = t.bubbles.find((b) => b.side === 'user')!.text;
    expect(characterErrorRate(user, o.bubbles[1]!.text).cer).toBeLessThanOrEqual(0.2);
    expect(o.messages).toHaveLength(1);
    expect(o.text).not.toContain(o.bubbles[1]!.text);
  });

  it('exits 2 with usage when the file is missing, and rejects a non-image with UNSUPPORTED_FILE', async () => {
    const none = io();
    expect(await runOcrCommand({ positional: [], flags: new Map() }, none.io, config)).toBe(2);
    expect(none.err()).toMatch(/debtshield ocr FILE/);
    await expect(runOcrCommand({ positional: [join(SCREENSHOTS, 'bad', 'not-an-image.pdf')], flags: new Map() }, io().io, config)).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
  });
});

describe('debtshield analyze --image', () => {
  it('runs OCR then the analyzer and returns the analyze contract, judged at the screenshot time', async () => {
    const ocr = requireOcr(config);
    try {
      const out = await analyzeImage(testCore(), join(SCREENSHOTS, 'sms-android-two-1080x2400.png'), ocr);
      expect(out.id).toBe('sms-android-two-1080x2400.png');
      expect(out.lawful).toBe(false);
      expect(out.categories).toEqual(expect.arrayContaining(['privacy_disclosure']));
      expect(out.citations.length).toBeGreaterThan(0);
      expect(Object.keys(out)).toEqual(['id', 'categories', 'lawful', 'citations', 'next_steps']);
      // Judged at the last message's time, as the chat flow does: 今天 07:05 is before 08:00, so off hours.
      expect(out.categories).toContain('off_hours');
    } finally {
      await ocr.close();
    }
  });

  it("judges the collector's bubble at its own time (星期二 02:22) and never the user's own words", async () => {
    const ocr = requireOcr(config);
    try {
      const out = await analyzeImage(testCore(), join(GENERATED, 'dev-04-qq-light-clean-1080x2340.png'), ocr);
      expect(out.categories).toContain('off_hours');
      expect(out.lawful).toBe(false);
    } finally {
      await ocr.close();
    }
  });
});
