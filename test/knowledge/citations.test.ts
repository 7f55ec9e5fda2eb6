import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load';
import { findCitations, verifyCitations, articleCn } from '../../src/knowledge/citations';
import { parseChineseNumber, toChineseNumber } from '../../src/knowledge/chinese-numerals';
import { PACKAGE_ROOT } from '../../src/paths';

const k = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
const in2026 = new Date('2026-06-01T12:00:00+08:00');
const in2025 = new Date('2025-06-01T12:00:00+08:00');

describe('Chinese numerals', () => {
  it.each([
    ['一千零三十二', 1032], ['二百九十三', 293], ['五十', 50], ['十', 10], ['十五', 15], ['一百零六', 106], ['1183', 1183],
  ])('%s → %d', (cn, n) => expect(parseChineseNumber(cn)).toBe(n));
  it.each([[1032], [293], [50], [10], [15], [106], [1260], [2000]])('round-trips %d', (n) => expect(parseChineseNumber(toChineseNumber(n))).toBe(n));
  it('renders 之一', () => expect(articleCn('293-1')).toBe('第二百九十三条之一'));
});

describe('findCitations', () => {
  it('reads full titles, short names, aliases, Chinese and Arabic numbers, 之一 and lists', () => {
    const t = '依据《中华人民共和国民法典》第一千零三十二条、第1033条，个保法第10条和刑法第二百九十三条之一，以及治安管理处罚法第50条第一款第（五）项。';
    const found = findCitations(t, k).map((c) => `${c.law}#${c.article}`);
    expect(found).toEqual(['民法典#1032', '民法典#1033', '个人信息保护法#10', '刑法#293-1', '治安管理处罚法#50']);
  });
});

describe('verifyCitations', () => {
  it('corrects 治安管理处罚法第42条 to 第五十条 for conduct in 2026', () => {
    const v = verifyCitations('这违反了《治安管理处罚法》第四十二条。', k, in2026);
    expect(v.text).toContain('第五十条');
    expect(v.text).not.toContain('第四十二条');
    expect(v.corrected).toEqual([{ law: '治安管理处罚法', from: '42', to: '50' }]);
    expect(v.citations.map((c) => `${c.law}#${c.article}#${c.effectiveFrom}`)).toEqual(['治安管理处罚法#50#2026-01-01']);
  });

  it('keeps the old article for conduct in 2025, mapping a new number back', () => {
    const v = verifyCitations('参见治安管理处罚法第50条。', k, in2025);
    expect(v.citations[0]).toMatchObject({ law: '治安管理处罚法', article: '42' });
  });

  it('removes an article that does not exist and lists only verified ones', () => {
    const v = verifyCitations('根据《民法典》第9999条和《民法典》第1032条，以及《催收管理法》第3条……', k, in2026);
    expect(v.removed).toEqual(expect.arrayContaining([{ law: '民法典', article: '9999' }]));
    expect(v.text).not.toContain('9999');
    expect(v.citations.map((c) => c.article)).toEqual(['1032']);
  });
});
