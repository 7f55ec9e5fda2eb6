/** The facts a turn carries: amounts with roles, term, rates, dates in China time, lender, contacted, conduct. */
import { realUnderstanding } from './setup';
import { findAmounts, parseChineseAmount } from '../../../src/conversation/understanding/money';
import { findDates } from '../../../src/conversation/understanding/dates';

const { pipeline, data } = realUnderstanding();
const facts = (text: string, at = new Date('2026-03-10T10:00:00+08:00')) => pipeline.understand(text, 'none', at).facts;
const amounts = (text: string) => facts(text).amounts.map((a) => [a.value, a.role]);

describe('amounts', () => {
  it.each([
    ['1万', 10000],
    ['一万', 10000],
    ['10k', 10000],
    ['1w', 10000],
    ['五千块', 5000],
    ['3万2', 32000],
    ['4万8', 48000],
    ['两万五', 25000],
    ['一万一', 11000],
    ['2.1k', 2100],
    ['¥2,108.40', 2108.4],
    ['8千5', 8500],
  ] as const)('reads 借了%s as %d', (words, value) => {
    expect(amounts(`借了${words}`)).toEqual([[value, 'principal']]);
  });

  it('gives each amount its role from the words before it', () => {
    expect(amounts('借了1万 到手8500 分12期 每期1050 一共要还12600 砍头息1500')).toEqual([
      [10000, 'principal'],
      [8500, 'received'],
      [1050, 'payment'],
      [12600, 'total'],
      [1500, 'fee'],
    ]);
    expect(amounts('借款金额：6000\n实际到账：5100')).toEqual([
      [6000, 'principal'],
      [5100, 'received'],
    ]);
    expect(amounts('2萬本金 會員費399')).toEqual([
      [20000, 'principal'],
      [399, 'fee'],
    ]);
  });

  it('does not take terms, counts, dates, rates, times or phone numbers for money', () => {
    expect(amounts('逾期45天 打了20个电话 年化36% 2023年3月5日 晚上10:30 电话138xxxx5521 尾号6621')).toEqual([]);
  });

  it('parses Chinese amounts with a colloquial tail', () => {
    expect(parseChineseAmount('三千五')).toBe(3500);
    expect(parseChineseAmount('十二万')).toBe(120000);
    expect(parseChineseAmount('一万零五百')).toBe(10500);
    expect(findAmounts('一百种方法', data.facts.money.not_before, data.facts.money.not_after, 100)).toEqual([]);
  });
});

describe('term and rates', () => {
  it('reads the term, but not how long it is overdue', () => {
    expect(facts('分12期 逾期三个月').term).toEqual({ count: 12, unit: 'period' });
    expect(facts('借了3000 七天还3600').term).toEqual({ count: 7, unit: 'day' });
    expect(facts('已经逾期三个月了').term).toBeUndefined();
  });

  it('reads rates with their period', () => {
    expect(facts('合同写年化23.9% 逾期后日利率0.5%').rates).toEqual([
      { percent: 23.9, per: 'year' },
      { percent: 0.5, per: 'day' },
    ]);
  });
});

describe('dates in China time', () => {
  // 00:30 on New Year's Day in Beijing is still 31 December in UTC: "去年" must be 2025.
  const newYear = new Date('2026-01-01T00:30:00+08:00');

  it('resolves 去年3月 against the turn’s own day in China', () => {
    expect(facts('去年3月借的', newYear).dates).toEqual([{ iso: '2025-03-01', role: 'contract', precision: 'month' }]);
  });

  it('reads full dates, dotted dates and two-digit years', () => {
    expect(facts('2023年3月5日借的').dates).toEqual([{ iso: '2023-03-05', role: 'contract' }]);
    expect(facts('借款日期2023.11.5').dates[0]).toMatchObject({ iso: '2023-11-05', role: 'contract' });
    expect(facts('19年借的').dates).toEqual([{ iso: '2019-01-01', role: 'contract', precision: 'year' }]);
  });

  it('puts a month and day without a year in the past year when this year’s would be far ahead', () => {
    expect(findDates('3月5号', new Date('2026-03-10T10:00:00+08:00')).map((d) => d.iso)).toEqual(['2026-03-05']);
    expect(findDates('12月20号', new Date('2026-01-05T10:00:00+08:00')).map((d) => d.iso)).toEqual(['2025-12-20']);
  });

  it('marks the day collectors acted as an event', () => {
    expect(facts('3月5号他们上门了').dates).toEqual([{ iso: '2026-03-05', role: 'event' }]);
    expect(facts('他们前天打给我妈').dates).toEqual([{ iso: '2026-03-08', role: 'event' }]);
  });

  it('rejects impossible dates', () => {
    expect(findDates('2023年2月30日', new Date())).toEqual([]);
  });
});

describe('lender', () => {
  it('names the platform and its kind when the words say it', () => {
    expect(facts('我在米多贷借了6000').lender).toEqual({ name: '米多贷', type: 'unknown' });
    expect(facts('【好借花】您的借款已逾期').lender).toEqual({ name: '好借花', type: 'unknown' });
    expect(facts('是找私人借的 没有合同').lender).toEqual({ type: 'unlicensed' });
    expect(facts('是银行的信用卡 欠了3万').lender).toEqual({ type: 'licensed' });
  });

  it('does not take a court or a question for a lender', () => {
    expect(facts('【人民法院】你的案件已立案').lender).toBeUndefined();
    expect(facts('怎么查平台是不是正规的')?.lender?.type).not.toBe('unlicensed');
  });
});

describe('who was contacted and what was done', () => {
  it('lists the people collectors reached', () => {
    expect(facts('他们打给我爸妈和领导 还发到了小区业主群').contacted).toEqual(expect.arrayContaining(['parents', 'employer', 'neighbours', 'group']));
    expect(facts('他们发了朋友圈').contacted).not.toContain('friends');
  });

  it('lists what collectors did', () => {
    expect(facts('他们在我家门上泼了红油漆 还贴了纸').conduct).toEqual(expect.arrayContaining(['paint', 'posting']));
    expect(facts('一直用不同号码打电话 还冒充警察').conduct).toEqual(expect.arrayContaining(['calls', 'impersonation']));
  });
});
