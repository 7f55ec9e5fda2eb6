/**
 * Assembling the regions read from a screenshot into bubbles with sides and times, on strings (no OCR): the
 * sender from the title bar, separators in every written form, Android's date-only separators with each
 * bubble's own time under it, a clock inside a bubble, chrome and noise dropped.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { assembleChat } from '../../src/ocr/chat-bubbles';
import { createCorrector } from '../../src/ocr/postprocess';
import type { RegionText } from '../../src/ocr/read-layout';
import { createTimestampParser, labelCharset } from '../../src/ocr/timestamps';
import { loadOcrVocabulary } from '../../src/ocr/vocabulary';

const vocab = loadOcrVocabulary(join(PACKAGE_ROOT, 'knowledge', 'ocr'));
const k = { chrome: vocab.chrome, correct: createCorrector(vocab.corrections), timestamps: createTimestampParser(vocab.timestamps) };
/** Thursday 14 May 2026, 10:00 China time. */
const REF = new Date('2026-05-14T10:00:00+08:00');

let y = 0;
const region = (kind: RegionText['kind'], lines: string[], extra: Partial<RegionText> = {}): RegionText => ({ kind, y: (y += 10), lines: lines.map((text) => ({ text, conf: 90 })), conf: 90, ...extra });

describe('assembleChat', () => {
  it('reads a WeChat thread: sender, separators, both sides, each bubble at the separator above it', () => {
    const r = assembleChat(
      [
        region('header', ['9:41 5G 87%']),
        region('header', ['<']),
        region('header', ['张 经理']),
        region('header', ['···']),
        region('separator', ['星期二 晚上11:40']),
        region('bubble', ['再不还钱我们明天就上', '门找你。'], { side: 'collector' }),
        region('bubble', ['我现在真的没钱，能不能分期?'], { side: 'user' }),
        region('separator', ['昨天 07:05']),
        region('bubble', ['你爸妈的电话我们有。'], { side: 'collector' }),
        region('separator', ['2026年5月12日 下午3:15']),
        region('bubble', ['在吗'], { side: 'collector' }),
        region('separator', ['00:10']),
        region('bubble', ['今晚必须还'], { side: 'collector' }),
      ],
      REF,
      k,
    );
    expect(r.sender).toBe('张经理');
    expect(r.bubbles.map((b) => [b.side, b.text, b.time, b.timeLabel])).toEqual([
      ['collector', '再不还钱我们明天就上门找你。', '2026-05-12T15:40:00.000Z', '星期二晚上 11:40'],
      ['user', '我现在真的没钱，能不能分期?', '2026-05-12T15:40:00.000Z', '星期二晚上 11:40'],
      ['collector', '你爸妈的电话我们有。', '2026-05-12T23:05:00.000Z', '昨天 07:05'],
      ['collector', '在吗', '2026-05-12T07:15:00.000Z', '2026年5月12日下午 3:15'],
      // A bare clock separator is today's, not the day of the separator above it.
      ['collector', '今晚必须还', '2026-05-13T16:10:00.000Z', '00:10'],
    ]);
    expect(r.bubbles[0]!.confidence).toBe(0.9);
  });

  it('reads Android SMS: date-only separators, and each bubble\'s own time under it on that day', () => {
    const r = assembleChat(
      [
        region('separator', ['5月12日 星期二']),
        region('bubble', ['明天上门'], { side: 'collector' }),
        region('aside', ['23:40'], { under: 0 }),
        region('bubble', ['别来'], { side: 'user' }),
        region('aside', ['晚上11:52'], { under: 1 }),
        region('separator', ['今天']),
        region('bubble', ['已经在你楼下了'], { side: 'collector' }),
        region('aside', ['凌晨1:05'], { under: 2 }),
      ],
      REF,
      k,
    );
    expect(r.bubbles.map((b) => [b.side, b.time])).toEqual([
      ['collector', '2026-05-12T15:40:00.000Z'],
      ['user', '2026-05-12T15:52:00.000Z'],
      ['collector', '2026-05-13T17:05:00.000Z'],
    ]);
  });

  it('takes a clock alone on a bubble\'s last line as its own time, and drops chrome, input hints and noise', () => {
    const r = assembleChat(
      [
        region('separator', ['昨天']),
        region('bubble', ['今天不还就上门', '22:31'], { side: 'collector' }),
        region('bubble', ['短信'], { side: 'collector' }),
        region('bubble', ['Tri 1二/7'], { side: 'user', conf: 34 }),
        region('separator', ['以下为新消息']),
      ],
      REF,
      k,
    );
    expect(r.bubbles).toEqual([{ side: 'collector', text: '今天不还就上门', time: '2026-05-13T14:31:00.000Z', timeLabel: '22:31', confidence: 0.9 }]);
    expect(r.dropped).toEqual(expect.arrayContaining(['短信', 'Tri 1二/7', '以下为新消息']));
  });

  it('falls back to the reading within the characters of time labels, and repairs misread labels', () => {
    const r = assembleChat(
      [
        // Read freely as noise; read as a label, right.
        region('separator', ['罚天 上年 9340'], { labelLines: [{ text: '昨天 上午9:40', conf: 60 }] }),
        region('bubble', ['在吗'], { side: 'collector' }),
        // 日 read as 月, 星 as 里: repaired because the region is a separator.
        region('separator', ['5月7月 里期四']),
        region('bubble', ['还钱'], { side: 'collector' }),
        region('aside', ['023:23'], { under: 1 }),
        region('separator', ['尚六 16:35']),
        region('bubble', ['今天必须还'], { side: 'collector' }),
      ],
      REF,
      k,
    );
    expect(r.bubbles.map((b) => b.time)).toEqual(['2026-05-13T01:40:00.000Z', '2026-05-06T18:23:00.000Z', '2026-05-09T08:35:00.000Z']);
  });

  it('leaves a bubble without a time when none is shown', () => {
    const r = assembleChat([region('bubble', ['在吗'], { side: 'collector' })], REF, k);
    expect(r.bubbles[0]!.time).toBeUndefined();
  });
});

describe('timestamp labels in parts', () => {
  const parser = createTimestampParser(vocab.timestamps);
  const at = (label: string) => parser.parse(label, REF)?.at;
  it('resolves every form phones print, in China time', () => {
    expect(at('星期二 22:41')).toBe('2026-05-12T14:41:00.000Z');
    expect(at('周二 下午3:15')).toBe('2026-05-12T07:15:00.000Z');
    expect(at('5月12日 星期二 23:40')).toBe('2026-05-12T15:40:00.000Z');
    expect(at('2026年5月12日 晚上11:40')).toBe('2026-05-12T15:40:00.000Z');
    expect(at('昨天 凌晨1:20')).toBe('2026-05-12T17:20:00.000Z');
    // Still to come today at 10:00, so yesterday's.
    expect(at('中午12:05')).toBe('2026-05-13T04:05:00.000Z');
    expect(at('昨天 23：4O')).toBe('2026-05-13T15:40:00.000Z');
  });
  it('reads date-only labels and bare clocks as parts, and refuses a lone weekday numeral', () => {
    expect(parser.parseParts('5月12日 星期二', REF)).toMatchObject({ day: Date.UTC(2026, 4, 12) });
    expect(parser.parseParts('昨天', REF)).toMatchObject({ day: Date.UTC(2026, 4, 13) });
    expect(parser.parseParts('下午3:15', REF)).toEqual({ raw: '下午 3:15', minutes: 15 * 60 + 15 });
    expect(parser.parseParts('二', REF)).toBeUndefined();
    expect(parser.parseParts('明天上门', REF)).toBeUndefined();
  });
  it('repairs misread labels only when asked (the line is known to be a label)', () => {
    expect(parser.parseParts('5月8昌 星期五', REF)).toBeUndefined();
    expect(parser.parseParts('5月8昌 星期五', REF, true)).toMatchObject({ day: Date.UTC(2026, 4, 8) });
    expect(parser.parseParts('5月7日里期四', REF, true)).toMatchObject({ day: Date.UTC(2026, 4, 7) });
    expect(parser.parseParts('5月7日期四', REF, true)).toMatchObject({ day: Date.UTC(2026, 4, 7) });
    // 日 read as 月 and 星 lost together.
    expect(parser.parseParts('5月7月期四', REF, true)).toMatchObject({ day: Date.UTC(2026, 4, 7) });
    expect(parser.parseParts('星湖六 03:47', REF, true)).toMatchObject({ day: Date.UTC(2026, 4, 9), minutes: 3 * 60 + 47 });
    expect(parser.parseParts('12338', REF, true)).toMatchObject({ minutes: 12 * 60 + 38 });
    // A clock as it stands is never changed; message text never becomes a label.
    expect(parser.parseParts('23:30', REF, true)).toMatchObject({ minutes: 23 * 60 + 30 });
    expect(parser.parseParts('2330', REF, true)).toBeUndefined();
    expect(parser.parseParts('明天上门', REF, true)).toBeUndefined();
  });
  it('repairs a half-read period word by the kind its characters name, and only then', () => {
    // 凌晨 3:39 on 8 May, its 晨 misread: am.
    expect(parser.parseParts('5月8日凌上3:39', REF, true)).toMatchObject({ day: Date.UTC(2026, 4, 8), minutes: 3 * 60 + 39 });
    // 凌 lost, or misread beside a good 晨.
    expect(parser.parseParts('晨1:07', REF, true)).toMatchObject({ minutes: 67 });
    expect(parser.parseParts('迹晨4:38', REF, true)).toMatchObject({ minutes: 4 * 60 + 38 });
    // 下 alone says pm; 中 says noon.
    expect(parser.parseParts('周五 下丁3:15', REF, true)).toMatchObject({ day: Date.UTC(2026, 4, 8), minutes: 15 * 60 + 15 });
    expect(parser.parseParts('昨天 中征12:38', REF, true)).toMatchObject({ day: Date.UTC(2026, 4, 13), minutes: 12 * 60 + 38 });
    // 上 is in 上午 and in 晚上: am or pm, so no guess; nor without asking.
    expect(parser.parseParts('周六上3:58', REF, true)).toBeUndefined();
    expect(parser.parseParts('凌上3:39', REF)).toBeUndefined();
    // 中 before a clock far from noon is the end of a misread weekday, not 中午.
    expect(parser.parseParts('5月7日蜂期中08:13', REF, true)).toBeUndefined();
  });
  it('repairs the second character of a period word misread right before the clock, in labels only', () => {
    // 午 read as 年 or 干 (period_misreadings): 上午 is am, 下午 pm, whatever the voting of lone characters says.
    expect(parser.parseParts('昨天 上年9:40', REF, true)).toMatchObject({ day: Date.UTC(2026, 4, 13), minutes: 9 * 60 + 40 });
    expect(parser.parseParts('昨天 下 干 4:16', REF, true)).toMatchObject({ day: Date.UTC(2026, 4, 13), minutes: 16 * 60 + 16 });
    // The colon read as 3 as well.
    expect(parser.parseParts('上 年 9340', REF, true)).toMatchObject({ minutes: 9 * 60 + 40 });
    // Not without asking (message text), not when the misreading is not right after the period's first character.
    expect(parser.parseParts('昨天 上年9:40', REF)).toBeUndefined();
    expect(parser.parseParts('上天年9:40', REF, true)).toBeUndefined();
  });
  it('gives no time, rather than the one above, to bubbles under a separator with digits that cannot be read', () => {
    const r = assembleChat(
      [
        region('separator', ['昨天 中午12:12']),
        region('bubble', ['在吗'], { side: 'collector' }),
        region('separator', ['岗 日 12; 么'], { labelLines: [{ text: '423', conf: 40 }] }),
        region('bubble', ['还钱'], { side: 'collector' }),
        region('separator', ['昨天 中午12:40']),
        region('bubble', ['在吗'], { side: 'collector' }),
        // A centred speck with a digit or two (a photo's noise, a piece of a bubble) is no label and changes nothing.
        region('separator', ['了 3'], { labelLines: [{ text: '3', conf: 40 }] }),
        region('bubble', ['收到'], { side: 'user' }),
        region('separator', ['昨天 下午1:37']),
        region('bubble', ['好的'], { side: 'user' }),
      ],
      REF,
      k,
    );
    expect(r.bubbles.map((b) => b.time)).toEqual(['2026-05-13T04:12:00.000Z', undefined, '2026-05-13T04:40:00.000Z', '2026-05-13T04:40:00.000Z', '2026-05-13T05:37:00.000Z']);
  });
  it('resolves a separator with a half-read period to the bubbles under it', () => {
    const r = assembleChat([region('separator', ['5 月 8 日 凌 上 3:39']), region('bubble', ['在吗'], { side: 'collector' })], REF, k);
    expect(r.bubbles[0]!.time).toBe('2026-05-07T19:39:00.000Z');
  });
  it("takes the traditional model's reading of a separator when neither other reading is a label", () => {
    const sep = region('separator', ['5 月 7 日 蜂 期 中 08:13'], { labelLines: [{ text: '5 月 7 月 中 08:13', conf: 60 }], otherLines: [{ text: '5 月 7 日 星期 四 08:13', conf: 88 }] });
    const r = assembleChat([sep, region('bubble', ['在吗'], { side: 'collector' })], REF, k);
    expect(r.bubbles[0]!.time).toBe('2026-05-07T00:13:00.000Z');
    // Without it, nothing is resolved.
    const { otherLines: _o, ...without } = sep;
    expect(assembleChat([without, region('bubble', ['在吗'], { side: 'collector' })], REF, k).bubbles[0]!.time).toBeUndefined();
  });
  it('gives the characters of time labels for reading separators', () => {
    const chars = new Set(labelCharset(vocab.timestamps));
    for (const ch of '0123456789:昨天星期六周上午下晚凌晨年月日') expect(chars.has(ch)).toBe(true);
    for (const ch of '还钱用罚H') expect(chars.has(ch)).toBe(false);
  });
});
