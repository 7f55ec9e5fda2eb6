/**
 * Every provision legal-facts-3.md adds is held with the label the sheet gives it and the date it came into force
 * (施行, not adoption: the sheet's section 12 table). The expectations below are copied from the sheet, not from
 * our files, so a missing article, a raised label or an adoption date entered as the in-force date fails here.
 */
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load';
import { resolveArticle, versionInForce } from '../../src/knowledge/knowledge';
import { PACKAGE_ROOT } from '../../src/paths';

const k = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
const AT = new Date('2026-11-30T12:00:00+08:00');

/** [law, article, label, first day in force] as legal-facts-3.md states them. */
const SHEET: Array<[string, string, string, string]> = [
  ['民法典', '670', 'VERIFIED-2+', '2021-01-01'],
  ['民法典', '667', 'VERIFIED-1', '2021-01-01'],
  ['民法典', '153', 'VERIFIED-1', '2021-01-01'],
  ['民法典', '157', 'VERIFIED-1', '2021-01-01'],
  ['民法典', '496', 'VERIFIED-2+', '2021-01-01'],
  ['民法典', '497', 'VERIFIED-2+', '2021-01-01'],
  ['民法典', '538', 'VERIFIED-2+', '2021-01-01'],
  ['民法典', '539', 'VERIFIED-2+', '2021-01-01'],
  ['民法典', '540', 'VERIFIED-2+', '2021-01-01'],
  ['民法典', '541', 'VERIFIED-2+', '2021-01-01'],
  ['民法典', '542', 'VERIFIED-1', '2021-01-01'],
  ['民法典', '585', 'VERIFIED-2+', '2021-01-01'],
  ['民间借贷规定', '13', 'VERIFIED-2+', '2021-01-01'],
  ['民间借贷规定', '26', 'VERIFIED-2+', '2021-01-01'],
  ['民间借贷规定', '31', 'VERIFIED-1', '2021-01-01'],
  ['仲裁法', '71', 'VERIFIED-1', '2026-03-01'],
  ['仲裁法', '72', 'VERIFIED-2+', '2026-03-01'],
  ['仲裁法', '76', 'VERIFIED-1', '2026-03-01'],
  ['仲裁法', '27', 'VERIFIED-2+', '2026-03-01'],
  ['民事诉讼法', '248', 'VERIFIED-2+', '2024-01-01'],
  ['民事诉讼法', '249', 'VERIFIED-1', '2024-01-01'],
  ['民事诉讼法', '35', 'VERIFIED-2+', '2024-01-01'],
  ['民诉法解释', '31', 'VERIFIED-1', '2022-04-10'],
  ['民诉法解释', '478', 'VERIFIED-1', '2022-04-10'],
  ['合同编通则解释', '42', 'VERIFIED-1', '2023-12-05'],
  ['合同编通则解释', '65', 'VERIFIED-1', '2023-12-05'],
  ['仲裁裁决执行规定', '8', 'VERIFIED-1', '2018-03-01'],
  ['公证债权文书执行规定', '12', 'VERIFIED-1', '2018-10-01'],
  ['公证债权文书执行规定', '22', 'VERIFIED-1', '2018-10-01'],
  ['先予仲裁批复', '1', 'PARTIAL', '2018-06-12'],
  ['先予仲裁批复', '2', 'VERIFIED-2+', '2018-06-12'],
  ['信用卡业务监管办法', '70', 'PARTIAL', '2011-01-01'],
  ['套路贷意见', '1', 'VERIFIED-2+', '2019-04-09'],
  ['治安管理处罚法', '62', 'VERIFIED-1', '2026-01-01'],
  ['治安管理处罚法', '63', 'VERIFIED-1', '2026-01-01'],
  ['刑法', '280', 'VERIFIED-2+', '2024-03-01'],
  ['律师法', '13', 'VERIFIED-1', '2018-01-01'],
];

describe('legal-facts-3.md provisions', () => {
  it.each(SHEET)('%s %s is held as %s, in force from %s', (law, article, label, from) => {
    const a = resolveArticle(k, law, article, AT)?.article;
    expect(a).toBeDefined();
    expect(a!.confidence).toBe(label);
    expect(a!.effectiveFrom).toBe(from);
  });

  it('uses 施行 dates, not adoption dates (section 12)', () => {
    const table: Array<[string, string]> = [
      ['行政处罚法', '2021-07-15'],
      ['反电信网络诈骗法', '2022-12-01'],
      ['公证法', '2018-01-01'],
      ['律师法', '2018-01-01'],
      ['商业银行法', '2015-10-01'],
      ['监察法', '2025-06-01'],
      ['仲裁法', '2026-03-01'],
      ['深圳个人破产条例', '2021-03-01'],
    ];
    for (const [law, from] of table) expect([law, versionInForce(k, law, AT)?.effectiveFrom]).toEqual([law, from]);
  });

  it('dates it cannot verify are marked so, and never presented as verified', () => {
    expect(versionInForce(k, '信用卡业务监管办法', AT)?.effectiveFromConfidence).toBe('UNVERIFIED');
    expect(versionInForce(k, '套路贷意见', AT)?.effectiveFromConfidence).toBe('UNVERIFIED');
    expect(versionInForce(k, '厦门个人破产保护条例', AT)?.effectiveFromConfidence).toBe('PARTIAL');
    // The Shenzhen regulation's own text was never obtained: no article of it is quoted.
    expect(versionInForce(k, '深圳个人破产条例', AT)?.articles.size).toBe(0);
  });

  it('a 2026 arbitral award is set aside within three months; the old six-month article maps to it', () => {
    expect(resolveArticle(k, '仲裁法', '72', AT)?.article.text).toMatch(/三个月/);
    const old = resolveArticle(k, '仲裁法', '59', new Date('2025-06-01T12:00:00+08:00'))?.article;
    expect(old?.text).toMatch(/六个月/);
    const now = resolveArticle(k, '仲裁法', '59', AT);
    expect(now?.article.article).toBe('72');
    expect(now?.correctedFrom?.article).toBe('59');
    // Under the old law the new article numbers were not in force: nothing is cited for them then.
    expect(resolveArticle(k, '仲裁法', '75', new Date('2025-06-01T12:00:00+08:00'))).toBeUndefined();
  });

  it('a fake law firm is no state organ: 刑法 280 is held whole, and its summary keeps the first paragraph to state organs', () => {
    const a = resolveArticle(k, '刑法', '280', AT)!.article;
    expect(a.part ?? null).toBeNull();
    expect(a.keywords).not.toContain('律师函');
  });
});
