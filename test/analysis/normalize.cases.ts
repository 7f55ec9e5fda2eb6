/** Normalisation: canonical text for the rules, with every character traced back to the original. */
import { createNormalizer, originalSpan } from '../../src/analysis/normalize';
import { join } from 'node:path';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const n = createNormalizer([
  { from: '暴光', to: '曝光' },
  { from: '家银', to: '家人' },
  { from: '伱', to: '你' },
  { from: '亻尔', to: '你' },
  { from: 'zuo lao', to: '坐牢' },
  { from: 'sb', to: '傻逼' },
]);
const text = (s: string) => n.normalize(s).text;

describe('createNormalizer', () => {
  it('turns traditional characters into simplified ones', () => {
    expect(text('你這個老賴，再不還錢')).toBe('你这个老赖,再不还钱');
  });

  it('keeps a simplified 么 (the Taiwan table would make it 幺)', () => {
    expect(text('在么 有人么')).toBe('在么有人么');
    expect(text('還錢么')).toBe('还钱么');
  });

  it('turns full-width forms into half-width ones and lower-cases Latin', () => {
    expect(text('ＡＰＰ还款３２０００元！')).toBe('app还款32000元!');
  });

  it('removes spaces between Han characters and digits (OCR) but keeps them between Latin words', () => {
    expect(text('坐 牢 了 ， 2 4 小 时')).toBe('坐牢了,24小时');
    expect(text('Pls repay via app')).toBe('pls repay via app');
    expect(text('法\u3000院')).toBe('法院');
  });

  it('drops emoji, skin tones, variation selectors and zero-width characters', () => {
    expect(text('还钱😡👍🏻❤️\u200b吧')).toBe('还钱吧');
  });

  it('drops invisible characters slipped inside words: the tag block, bidi and letter marks, fillers, the BOM', () => {
    for (const ch of ['\u{e0020}', '\u{e0001}', '\u{e007f}', '\u061c', '\u200b', '\u200e', '\u200f', '\u202e', '\u2060', '\u2064', '\u2066', '\ufeff', '\u00ad', '\u3164', '\u180e', '\u2800', '\ufff9', '\ufffb', '\u{1bca0}', '\u{1d173}', '\u{13430}']) {
      expect(text(`法${ch}院`)).toBe('法院');
    }
  });

  it('reads line and paragraph separators as line breaks', () => {
    for (const ch of ['\u2028', '\u2029', '\u0085']) expect(text(`还钱${ch}10:02 还钱`)).toBe('还钱\n10:02还钱');
  });

  it('maps a span across a dropped invisible character back to the original', () => {
    const r = n.normalize('拘\u{e0020}传你');
    const at = r.text.indexOf('拘传');
    expect(originalSpan(r, at, at + 2)).toBe('拘\u{e0020}传');
  });

  it('keeps the emoji a variant names, as its mapped text, and drops the rest', () => {
    const withEmoji = createNormalizer([{ from: '🔪', to: '[凶器]' }]);
    expect(withEmoji.normalize('🔪🔪 六点前😡').text).toBe('[凶器][凶器]六点前');
  });

  it('maps variant and evasive spellings, also when spaced out', () => {
    expect(text('暴光')).toBe('曝光');
    expect(text('家 银')).toBe('家人');
    expect(text('伱要还钱')).toBe('你要还钱');
    expect(text('亻尔要还钱')).toBe('你要还钱');
    expect(text('不还钱zuolao')).toBe('不还钱坐牢');
    expect(text('你会 zuo lao 的')).toBe('你会坐牢的');
  });

  it('maps short Latin variants only as whole words', () => {
    expect(text('你个sb')).toBe('你个傻逼');
    expect(text('plsbuy')).toBe('plsbuy');
  });

  it('reports spans in the original text', () => {
    const r = n.normalize('【通知】你這 個 老賴😡，暴光你');
    const at = r.text.indexOf('老赖');
    expect(originalSpan(r, at, at + 2)).toBe('老賴');
    const ex = r.text.indexOf('曝光');
    expect(originalSpan(r, ex, ex + 2)).toBe('暴光');
    const whole = r.text.indexOf('这个老赖');
    expect(originalSpan(r, whole, whole + 4)).toBe('這 個 老賴');
  });

  it('handles empty text and line breaks', () => {
    expect(text('')).toBe('');
    expect(text('催收员：你好\r\n\r\n我：嗯')).toBe('催收员:你好\n我:嗯');
  });
});

describe('createNormalizer: English words turned into Chinese', () => {
  const n = createNormalizer([
    { from: 'you will', to: '你会' },
    { from: 'go to', to: '去' },
    { from: 'jail', to: '坐牢' },
  ]);
  it('leaves no space beside the Chinese it puts in, as typed Chinese has none', () => {
    expect(n.normalize('you will go to jail').text).toBe('你会去坐牢');
    expect(n.normalize('pay now, you will go to jail').text).toBe('pay now,你会去坐牢');
  });
});

describe('createNormalizer: pinyin read word by word (knowledge/analysis/lexicon.yaml)', () => {
  const rules = loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis'));
  const n = createNormalizer(Object.entries(rules.lexicon.variants).map(([from, to]) => ({ from, to })));
  it('turns a pinyin message into the Chinese the rules read', () => {
    expect(n.normalize('zai bu huan qian, ming tian jiu qu ni dan wei').text).toBe('再不还钱,明天就去你单位');
    expect(n.normalize('wo men zhi dao ni jia zai na, xiao xin dian').text).toBe('我们知道你家在哪,小心点');
  });
  it('matches a syllable only as a whole word: not inside another syllable or an English word', () => {
    expect(n.normalize('chuan piao').text).toBe('传票');
    expect(n.normalize('I can ban you from the app').text).toBe('i can ban你from the app');
    expect(n.normalize('shanghai').text).toBe('shanghai');
  });
});
