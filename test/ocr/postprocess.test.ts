/** Post-processing of raw OCR text from chat / SMS screenshots: pure functions over knowledge/ocr/. */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadOcrVocabulary } from '../../src/ocr/vocabulary';
import {
  collapseCjkSpaces,
  createChatPostprocessor,
  createCorrector,
  extractSender,
  isStatusBarLine,
  isUiLine,
  joinWrapped,
} from '../../src/ocr/postprocess';
import { createTimestampParser } from '../../src/ocr/timestamps';

const vocab = loadOcrVocabulary(join(PACKAGE_ROOT, 'knowledge', 'ocr'));
const { chrome } = vocab;
/** Thursday 14 May 2026, 10:00 China time. */
const REF = new Date('2026-05-14T10:00:00+08:00');

describe('collapseCjkSpaces', () => {
  it('removes spaces between Han characters and next to CJK punctuation, keeps them between Latin words', () => {
    expect(collapseCjkSpaces('您 好 ， 您 的 借款 已 逾期 15 天 ，')).toBe('您好，您的借款已逾期15天，');
    expect(collapseCjkSpaces('  5G   87%  ')).toBe('5G 87%');
    expect(collapseCjkSpaces('可 通过 APP 还 款')).toBe('可通过APP还款');
  });
});

describe('corrections (knowledge/ocr/corrections.yaml)', () => {
  const correct = createCorrector(vocab.corrections);
  it.each([
    ['您的借款已这期15天', '您的借款已逾期15天'],
    ['们收部门通知', '催收部门通知'],
    ['欠丈3260元，请尽快还丈', '欠款3260元，请尽快还款'],
    ['明天就上们找你', '明天就上门找你'],
    ['通知你的家入和单立', '通知你的家人和单位'],
    ['通迅录里的人', '通讯录里的人'],
    ['律师画将于三日内青到你单位，准备被立桉吧', '律师函将于三日内寄到你单位，准备被立案吧'],
  ])('%s → %s', (wrong, right) => expect(correct(wrong)).toBe(right));

  it('leaves ordinary words alone (这期 alone is a word)', () => {
    expect(correct('这期账单应还1280元')).toBe('这期账单应还1280元');
    // 们收 is 催收 misread, but not inside 我们收到 (the keep list of corrections.yaml).
    expect(correct('我们收到你的还款，们收部门')).toBe('我们收到你的还款，催收部门');
    expect(correct('你们款项')).toBe('你们款项');
  });

  it('never re-corrects a replacement, and prefers the longest misreading', () => {
    const c = createCorrector(new Map([['ab', 'x'], ['abc', 'y'], ['x', 'z']]));
    expect(c('abcab')).toBe('yx');
  });
});

describe('status bar and UI chrome', () => {
  it.each([
    ['09:41', 0, true],
    ['09:595G83%襄)', 0, true],
    ['5G 87% 襄 ]', 9, true],
    ['09:10 56G 62% 加', 0, true],
    ['21:03 5G 33% DD', 0, true],
    ['09:41', 5, false],
    ['逾期费用每天300元', 0, false],
    ['利息上涨了20%，请尽快处理', 4, false],
  ])('%s at line %d → %s', (line, pos, expected) => expect(isStatusBarLine(line, pos, chrome)).toBe(expected));

  it.each([
    ['短信/彩信', true],
    ['短信/彩信发送', true],
    ['发送', true],
    ['按住 说话', true],
    ['短信', true],
    ['···', true],
    ['我们会发送律师函到你单位', false],
    ['在吗?', false],
    ['短信/彩信3', true],
    ['短信 A', true],
    ['短信费', false],
    ['发送12', false],
    ['5', false],
  ])('%s is UI: %s', (line, expected) => expect(isUiLine(line, chrome)).toBe(expected));
});

describe('extractSender', () => {
  it.each([
    ['< 106 9551 2345', '10695512345'],
    ['<+86 138 0013 8000 ···', '+8613800138000'],
    ['< 95188 i', '95188'],
    ['<张经理', '张经理'],
    ['< 催收专员小刘 ...', '催收专员小刘'],
    ['95188', '95188'],
    ['公106 9551 2345', '10695512345'],
  ])('%s → %s', (line, sender) => expect(extractSender(line, chrome, false)).toBe(sender));

  it('drops a back arrow misread as a letter before a name, when the line stands as a header', () => {
    expect(extractSender('E安心借客服', chrome, true)).toBe('安心借客服');
    expect(extractSender('E安心借客服', chrome, false)).toBeUndefined();
    expect(extractSender('好 12', chrome, false)).toBeUndefined();
    expect(extractSender('约3260', chrome, false)).toBeUndefined();
  });

  it('does not take a message for a name unless the line stands as a header', () => {
    expect(extractSender('在吗', chrome, false)).toBeUndefined();
    expect(extractSender('张经理', chrome, true)).toBe('张经理');
    expect(extractSender('<欠款什么时候还？', chrome, false)).toBeUndefined();
    expect(extractSender('<您好，您在安心借的借款已逾期15天，欠款金额3260元', chrome, false)).toBeUndefined();
  });
});

describe('timestamps relative to the reading time (China time)', () => {
  const parser = createTimestampParser(vocab.timestamps);
  const at = (label: string, ref = REF) => parser.parse(label, ref)?.at;

  it.each([
    ['今天 09:15', '2026-05-14T01:15:00.000Z'],
    ['今天09:15', '2026-05-14T01:15:00.000Z'],
    ['昨天 23:40', '2026-05-13T15:40:00.000Z'],
    ['前天 08:00', '2026-05-12T00:00:00.000Z'],
    ['2026/5/12 23:40', '2026-05-12T15:40:00.000Z'],
    ['2026-05-12 23:40', '2026-05-12T15:40:00.000Z'],
    ['2025年12月31日 22:00', '2025-12-31T14:00:00.000Z'],
    ['5月12日 23:40', '2026-05-12T15:40:00.000Z'],
    ['5月12H 23:40', '2026-05-12T15:40:00.000Z'],
    ['周二 22:41', '2026-05-12T14:41:00.000Z'],
    ['二 22:41', '2026-05-12T14:41:00.000Z'],
    ['星期四 08:00', '2026-05-07T00:00:00.000Z'],
    ['昨天 下午3:15', '2026-05-13T07:15:00.000Z'],
    ['晚上 11:40', '2026-05-13T15:40:00.000Z'],
    ['上午 9:05', '2026-05-14T01:05:00.000Z'],
    ['凌晨 12:30', '2026-05-13T16:30:00.000Z'],
    ['09:02', '2026-05-14T01:02:00.000Z'],
  ])('%s → %s', (label, iso) => expect(at(label)).toBe(iso));

  it('resolves 昨天 across midnight by the China-time day, not the UTC day', () => {
    // 00:30 on 14 May in China is still 13 May in UTC; 昨天 is nevertheless the 13th in China (15:40 UTC).
    const justAfterMidnight = new Date('2026-05-14T00:30:00+08:00');
    expect(at('昨天 23:40', justAfterMidnight)).toBe('2026-05-13T15:40:00.000Z');
    expect(at('今天 00:10', justAfterMidnight)).toBe('2026-05-13T16:10:00.000Z');
    // Just before midnight China time the reading day is still the 14th.
    const beforeMidnight = new Date('2026-05-14T23:50:00+08:00');
    expect(at('昨天 23:40', beforeMidnight)).toBe('2026-05-13T15:40:00.000Z');
  });

  it('puts a bare clock still to come on the previous day', () => {
    expect(at('23:40')).toBe('2026-05-13T15:40:00.000Z');
  });

  it('puts a month/day still to come in the previous year', () => {
    expect(at('12月30日 21:00')).toBe('2025-12-30T13:00:00.000Z');
  });

  it('normalises the label it returns', () => {
    expect(parser.parse('昨天23:40', REF)?.raw).toBe('昨天 23:40');
    expect(parser.parse('5 月 12H 23:40'.replace(/ /g, ''), REF)?.raw).toBe('5月12日 23:40');
  });

  it.each(['2026/2/30 10:00', '今天 25:00', '昨天 10:75', '我们明天10:00上门', '逾期15天'])('rejects %s', (label) => {
    expect(parser.parse(label, REF)).toBeUndefined();
  });
});

describe('joinWrapped', () => {
  it('joins Chinese lines directly and Latin words with a space', () => {
    expect(joinWrapped(['欠款金额3260元，请于今日18点前还', '款，否则将通知您的家人和单位。'])).toBe('欠款金额3260元，请于今日18点前还款，否则将通知您的家人和单位。');
    expect(joinWrapped(['call', 'now'])).toBe('call now');
  });
});

describe('createChatPostprocessor().process', () => {
  const post = createChatPostprocessor(vocab);

  it('reads an SMS screenshot: drops the status and input bars, finds sender, timestamps and bubbles', () => {
    // Tesseract's output for test/fixtures/screenshots/sms-android-two-720x1600.png, with one misreading.
    const raw = [
      '09:57 5G 90% 吕 DD', '', '< 1069 0000 8888', '', '昨天 23:59', '',
      '你 的 还 款 已 这期 32 天 ， 我 们 将 安排 外', '访 人 员 上 门 核实 情况 。', '', '今天 00:10', '',
      '这 是 最 后 一 次 通知 ， 再 不 处 理 就 直接', '起 诉 立案 ， 后 果 自负 。', '', '短信 /彩信 发 送', '',
    ].join('\n');
    const r = post.process(raw, REF);
    expect(r.sender).toBe('106900008888');
    expect(r.text).toBe('你的还款已逾期32天，我们将安排外访人员上门核实情况。\n这是最后一次通知，再不处理就直接起诉立案，后果自负。');
    expect(r.messages).toEqual([
      { text: '你的还款已逾期32天，我们将安排外访人员上门核实情况。', timestamp: '昨天 23:59', sentAt: '2026-05-13T15:59:00.000Z' },
      { text: '这是最后一次通知，再不处理就直接起诉立案，后果自负。', timestamp: '今天 00:10', sentAt: '2026-05-13T16:10:00.000Z' },
    ]);
    expect(r.timestamps.map((t) => t.raw)).toEqual(['昨天 23:59', '今天 00:10']);
    expect(r.dropped).toEqual(['09:57 5G 90%吕DD', '短信/彩信发送']);
    expect(r.lines.map((l) => l.kind)).toEqual(['sender', 'timestamp', 'message', 'message', 'timestamp', 'message', 'message']);
  });

  it('reads a chat screenshot whose status bar comes out last and whose iOS label precedes the timestamp', () => {
    const raw = '9:58\n\n< 95188\n\n短信\n2026/5/12 23:40\n\n我 们 已 将 你 的 案件 移交 律师 事务 所 ，\n律师 画 将 于 三 日 内 寄 到 你 单位\n\n短信\n\n5G 52% 吕 DD\n';
    const r = post.process(raw, REF);
    expect(r.sender).toBe('95188');
    expect(r.text).toBe('我们已将你的案件移交律师事务所，律师函将于三日内寄到你单位');
    expect(r.messages[0]?.sentAt).toBe('2026-05-12T15:40:00.000Z');
  });

  it('takes a plain first line for the sender only when a timestamp follows it', () => {
    expect(post.process('张经理\n昨天 23:40\n在吗？', REF).sender).toBe('张经理');
    const cropped = post.process('在吗\n你的欠款什么时候还', REF);
    expect(cropped.sender).toBeUndefined();
    expect(cropped.text).toBe('在吗你的欠款什么时候还');
  });

  it('corrects a misreading split across the wrap of a bubble', () => {
    const r = post.process('今天 08:45\n\n【安心 借 】 尊敬 的 客户 ， 您 的 账单 已\n这 期 ， 请 尽快 处 理\n', REF);
    expect(r.text).toBe('【安心借】尊敬的客户，您的账单已逾期，请尽快处理');
  });

  it('returns empty text for a screenshot of chrome only', () => {
    const r = post.process('09:41\n\n短信/彩信 发送\n\n5G 87%\n', REF);
    expect(r.text).toBe('');
    expect(r.messages).toEqual([]);
  });
});
