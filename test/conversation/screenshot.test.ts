/**
 * Screenshot flow through the real core and the real tesseract.js engine: OCR → the text shown back with
 * 确认/更正 → analysis of the confirmed (or corrected) text → evidence with the image's SHA-256. Bubbles are
 * judged at their own send times.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { handleTurn } from '../../src/conversation/conversation';
import type { InboundMessage } from '../../src/message';
import { MemoryStore } from '../../src/state/memory-store';
import { createOcr } from '../../src/ocr/create-ocr';
import { loadConfig } from '../../src/config';
import { PACKAGE_ROOT } from '../../src/paths';
import { renderText } from '../../src/channels/local/render-text';
import { testDeps } from '../support/core-deps';

const SHOTS = join(PACKAGE_ROOT, 'test', 'fixtures', 'screenshots');
const ocr = createOcr(loadConfig({ OCR_ENGINE: 'tesseract-js' }, false))!;
afterAll(() => ocr.close());

let n = 0;
const base = (userId: string) => ({ channel: 'test', userId, receivedAt: new Date(), messageId: `s${++n}` });
const image = (file: string, userId: string): InboundMessage => ({ ...base(userId), kind: 'image', bytes: readFileSync(join(SHOTS, file)), mimeType: file.endsWith('.png') ? 'image/png' : 'image/jpeg' });

describe('screenshots', () => {
  it('shows the text read, then on 确认 analyses each bubble at its own time and keeps the image hash', async () => {
    const store = new MemoryStore();
    const deps = testDeps(store, undefined, { ocr });
    const file = 'chat-1080x2400.png'; // 周二 22:41 (off hours) then 昨天 08:10
    const confirm = await handleTurn(image(file, 'a'), deps);
    const shown = renderText(confirm);
    expect(shown).toContain('识别到的文字');
    expect(shown).toMatch(/紧急联系人/);
    expect(confirm.buttons.map((b) => b.id)).toEqual(['ocr:yes', 'ocr:edit']);
    expect(await store.listEvidence('test:a')).toEqual([]);

    const analysed = await handleTurn({ ...base('a'), kind: 'button', id: 'ocr:yes' }, deps);
    expect(renderText(analysed)).toMatch(/违法或不当/);
    const [item] = await store.listEvidence('test:a');
    expect(item).toMatchObject({ kind: 'screenshot', imageSha256: createHash('sha256').update(readFileSync(join(SHOTS, file))).digest('hex') });
    expect(item!.categories).toEqual(expect.arrayContaining(['third_party_contact', 'off_hours']));
  });

  it('uses the corrected text when the user says the reading is wrong', async () => {
    const store = new MemoryStore();
    const deps = testDeps(store, undefined, { ocr });
    await handleTurn(image('sms-android-lawful-1080x2400.jpg', 'b'), deps);
    const ask = await handleTurn({ ...base('b'), kind: 'button', id: 'ocr:edit' }, deps);
    expect(renderText(ask)).toContain('正确的文字');
    await handleTurn({ ...base('b'), kind: 'text', text: '不还钱就把你欠钱的事发到你们公司群里' }, deps);
    const [item] = await store.listEvidence('test:b');
    expect(item).toMatchObject({ kind: 'screenshot', text: '不还钱就把你欠钱的事发到你们公司群里' });
    expect(item!.categories).toContain('privacy_disclosure');
  });

  it('answers bad images clearly and keeps nothing', async () => {
    const store = new MemoryStore();
    const deps = testDeps(store, undefined, { ocr });
    const bad = await handleTurn({ ...base('c'), kind: 'image', bytes: Buffer.from('not an image at all'), mimeType: 'image/png' }, deps);
    expect(renderText(bad)).toMatch(/读不了|没能读出|格式/);
    expect(await store.read('test:c')).toBeNull();
  });

  it('says the confirmation expired when there is nothing to confirm', async () => {
    const r = await handleTurn({ ...base('d'), kind: 'button', id: 'ocr:yes' }, testDeps(new MemoryStore(), undefined, { ocr }));
    expect(renderText(r)).toContain('过期');
  });
});
