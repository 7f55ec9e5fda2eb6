/**
 * Screenshot flow through the real core and the real tesseract.js engine: OCR → the bubbles shown back one by
 * one with side and time → fixes of one bubble → analysis of the other side's bubbles only, each at its own
 * time → evidence with the image's SHA-256. The user's own bubbles are never analysed or stored as the
 * collector's words.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { handleTurn } from '../../src/conversation/conversation';
import { parseTypedFix } from '../../src/conversation/screenshot';
import type { InboundMessage } from '../../src/message';
import { MemoryStore } from '../../src/state/memory-store';
import { createOcr } from '../../src/ocr/create-ocr';
import { loadConfig } from '../../src/config';
import { PACKAGE_ROOT } from '../../src/paths';
import { renderText } from '../../src/channels/local/render-text';
import { testDeps } from '../support/core-deps';

jest.setTimeout(60_000);

const SHOTS = join(PACKAGE_ROOT, 'test', 'fixtures', 'screenshots');
const ocr = createOcr(loadConfig({ OCR_ENGINE: 'tesseract-js' }, false))!;
afterAll(() => ocr.close());

/** QQ, light: the collector at 星期二 02:22 (off hours), then the user's own question. */
const TWO_SIDES = join('gen', 'dev-04-qq-light-clean-1080x2340.png');
const USER_WORDS = '爆通讯录违法吗';

let n = 0;
const base = (userId: string) => ({ channel: 'test', userId, receivedAt: new Date(), messageId: `s${++n}` });
const image = (file: string, userId: string): InboundMessage => ({ ...base(userId), kind: 'image', bytes: readFileSync(join(SHOTS, file)), mimeType: file.endsWith('.png') ? 'image/png' : 'image/jpeg' });
const press = (userId: string, id: string): InboundMessage => ({ ...base(userId), kind: 'button', id });
const say = (userId: string, text: string): InboundMessage => ({ ...base(userId), kind: 'text', text });

describe('screenshots', () => {
  it('shows each bubble with its side and time; on 确认 analyses only the collector\'s, at its own time, and keeps the image hash', async () => {
    const store = new MemoryStore();
    const deps = testDeps(store, undefined, { ocr });
    const confirm = await handleTurn(image(TWO_SIDES, 'a'), deps);
    expect(confirm.kind).toBe('confirmation');
    const shown = renderText(confirm);
    expect(shown).toContain('识别到的文字');
    expect(shown).toMatch(/1\. 对方（星期二 0?2:22）：我已经给你姐打过电话/);
    expect(shown).toMatch(/2\. 我（星期二 0?3:08）：/);
    expect(confirm.buttons.map((b) => b.id)).toEqual(['ocr:yes', 'ocr:edit', 'ocr:fix:1', 'ocr:fix:2']);
    expect(await store.listEvidence('test:a')).toEqual([]);

    const analysed = await handleTurn(press('a', 'ocr:yes'), deps);
    expect(analysed.kind).toBe('analysis');
    const [item] = await store.listEvidence('test:a');
    expect(item).toMatchObject({ kind: 'screenshot', imageSha256: createHash('sha256').update(readFileSync(join(SHOTS, TWO_SIDES))).digest('hex') });
    expect(item!.text).toContain('我已经给你姐打过电话');
    expect(item!.text).not.toContain('通讯');
    expect(item!.categories).toEqual(expect.arrayContaining(['third_party_contact', 'off_hours']));
  });

  it('lets the user fix one bubble by its button, then shows the bubbles again', async () => {
    const store = new MemoryStore();
    const deps = testDeps(store, undefined, { ocr });
    await handleTurn(image(TWO_SIDES, 'b'), deps);
    const ask = await handleTurn(press('b', 'ocr:fix:1'), deps);
    expect(renderText(ask)).toContain('第1条');
    const again = await handleTurn(say('b', '不还钱就把你欠钱的事发到你们公司群里'), deps);
    expect(again.kind).toBe('confirmation');
    expect(renderText(again)).toMatch(/1\. 对方（星期二 0?2:22）：不还钱就把你欠钱的事发到你们公司群里/);
    await handleTurn(press('b', 'ocr:yes'), deps);
    const [item] = await store.listEvidence('test:b');
    expect(item).toMatchObject({ kind: 'screenshot', text: '不还钱就把你欠钱的事发到你们公司群里', corrected: true });
    expect(item!.categories).toEqual(expect.arrayContaining(['privacy_disclosure', 'off_hours']));
  });

  it('takes typed fixes of a text or a side after 更正, and says so when no collector words are left', async () => {
    const store = new MemoryStore();
    const deps = testDeps(store, undefined, { ocr });
    await handleTurn(image(TWO_SIDES, 'c'), deps);
    await handleTurn(press('c', 'ocr:edit'), deps);
    const flipped = await handleTurn(say('c', '第1条是我发的'), deps);
    expect(flipped.kind).toBe('confirmation');
    expect(renderText(flipped)).toMatch(/1\. 我（/);
    const none = await handleTurn(press('c', 'ocr:yes'), deps);
    expect(none.kind).toBe('clarify');
    expect(renderText(none)).toContain('没有找到对方');
    expect(await store.listEvidence('test:c')).toEqual([]);

    await handleTurn(press('c', 'ocr:edit'), deps);
    const back = await handleTurn(say('c', '改第2条：明天就去你单位找你领导'), deps);
    expect(renderText(back)).toMatch(/2\. 我（[^）]*）：明天就去你单位找你领导/);
    await handleTurn(press('c', 'ocr:edit'), deps);
    await handleTurn(say('c', '第2条是对方发的'), deps);
    await handleTurn(press('c', 'ocr:yes'), deps);
    const [item] = await store.listEvidence('test:c');
    expect(item!.text).toBe('明天就去你单位找你领导');
  });

  it('uses a whole retyped text when the user says the reading is wrong', async () => {
    const store = new MemoryStore();
    const deps = testDeps(store, undefined, { ocr });
    await handleTurn(image('sms-android-lawful-1080x2400.jpg', 'd'), deps);
    const ask = await handleTurn(press('d', 'ocr:edit'), deps);
    expect(renderText(ask)).toContain('改第2条');
    await handleTurn(say('d', '不还钱就把你欠钱的事发到你们公司群里'), deps);
    const [item] = await store.listEvidence('test:d');
    expect(item).toMatchObject({ kind: 'screenshot', text: '不还钱就把你欠钱的事发到你们公司群里', corrected: true });
    expect(item!.categories).toContain('privacy_disclosure');
  });

  it('answers bad images clearly and keeps nothing', async () => {
    const store = new MemoryStore();
    const deps = testDeps(store, undefined, { ocr });
    const bad = await handleTurn({ ...base('e'), kind: 'image', bytes: Buffer.from('not an image at all'), mimeType: 'image/png' }, deps);
    expect(bad.kind).toBe('error');
    expect(renderText(bad)).toMatch(/读不了|没能读出|格式/);
    expect(await store.read('test:e')).toBeNull();
  });

  it('says the confirmation expired when there is nothing to confirm', async () => {
    const r = await handleTurn(press('f', 'ocr:yes'), testDeps(new MemoryStore(), undefined, { ocr }));
    expect(renderText(r)).toContain('过期');
  });
});

describe('parseTypedFix', () => {
  const templates = { fix: '改第{n}条', sideUser: '第{n}条是我发的', sideCollector: '第{n}条是对方发的' };
  it('reads a bubble number with its new text or side', () => {
    expect(parseTypedFix('改第2条：明天上门', templates)).toEqual({ n: 2, text: '明天上门' });
    expect(parseTypedFix(' 改第 12 条 明天上门', templates)).toEqual({ n: 12, text: '明天上门' });
    expect(parseTypedFix('第3条是我发的。', templates)).toEqual({ n: 3, side: 'user' });
    expect(parseTypedFix('第1条是对方发的', templates)).toEqual({ n: 1, side: 'collector' });
  });
  it('leaves other texts alone', () => {
    expect(parseTypedFix('改第2条', templates)).toBeUndefined();
    expect(parseTypedFix('他说第2条是我发的吗？我没发', templates)).toBeUndefined();
    expect(parseTypedFix('明天不还就上门', templates)).toBeUndefined();
  });
});
