/**
 * The loan parser on the ways borrowers type the same loan: traditional characters and financial numerals,
 * homophone typos, English mixed in, and numbers said in any order must give the same cash flows as the plain
 * simplified description; two numbers offered for one ("1万还是2万"), a hedged number ("月供大概1000") or a
 * forgotten one ("到手多少忘了") must get a question, never one of them picked.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadInterestData } from '../../src/interest/interest-data';
import { createLoanTextParser } from '../../src/interest/loan-text';
import { cashFlowsOf } from '../../src/interest/facts-to-flows';
import { createTextFold } from '../../src/interest/text-fold';

const cues = loadInterestData(join(PACKAGE_ROOT, 'knowledge')).cues;
const parse = createLoanTextParser(cues);
const AT = new Date('2026-05-01T12:00:00+08:00');
const flows = (text: string) => cashFlowsOf(parse(text, AT));
const months = (n: number, amount: number) => Array.from({ length: n }, (_, i) => ({ month: i + 1, amount }));

describe('the same loan typed another way gives the same cash flows', () => {
  // [plain description, the same loan typed another way]
  const SAME: Array<[string, string]> = [
    ['借10000 到手8000 每月还1000 还12期', '借1萬 到手8千 每月還1千 還12期'],
    ['借10000 到手9000 每月还950 共12期', '借款壹萬元，實際到賬玖仟元，每月還款玖佰伍拾元，共12期'],
    ['借10000 到手7000 每月还1050 还12期', '借1万 到手7千 每月换1050 换12期'],
    ['借10000 到手7000 每月还1050 分12期', '借1万 到手7千 每月还1050 分12其'],
    ['借10000 到手8000 月供950 分12期', '借1万到手8千月贡950分12期'],
    ['借5000 到手4000 7天后还5000', 'borrowed 5k got 4k, pay back 5k in 7 days'],
    ['借10000 到手8000 每月还1000 12个月', 'loan 10000, received 8000, 12 monthly payments of 1000'],
    ['借10000 到手7000 每月还1050 还12期', '12期，每期1050，借的1万，到手7千'],
    ['借25000 到手22000 每月还1300 24期', '借两万五 实际到账两万二 分24期 月供1300'],
    ['借3000 到手2400 7天后还3000', '借3k 到手2.4k 七天还3k'],
    ['借10000 到手9000 到期还本付息10900 期限3个月', '借款10000 期限3个月 到期一次还10900 到手9000'],
  ];
  it.each(SAME)('%s ≡ %s', (plain, other) => {
    const a = flows(plain);
    const b = flows(other);
    expect(a.ok).toBe(true);
    expect(b).toEqual(a);
  });

  it('reads the plain ones as written (the comparison above is not between two wrong readings)', () => {
    const a = flows('借10000 到手8000 每月还1000 还12期');
    expect(a.ok && a.flows).toEqual({ contractPrincipal: 10000, received: 8000, payments: months(12, 1000) });
    const b = flows('借5000 到手4000 7天后还5000');
    expect(b.ok && b.flows).toEqual({ contractPrincipal: 5000, received: 4000, payments: [{ day: 7, amount: 5000 }] });
    const c = flows('借10000 到手9000 到期还本付息10900 期限3个月');
    expect(c.ok && c.flows.payments).toEqual([{ month: 3, amount: 10900 }]);
  });
});

describe('schedules said in other words', () => {
  const days = (every: number, n: number, amount: number) => Array.from({ length: n }, (_, i) => ({ day: every * (i + 1), amount }));
  it.each([
    ['借5000，14天一期，分4期，每期还1400', 5000, 5000, days(14, 4, 1400)],
    ['借1万，每礼拜还1500，还8个礼拜', 10000, 10000, days(7, 8, 1500)],
    ['借6000，每半个月还1100，还6次', 6000, 6000, days(15, 6, 1100)],
    ['借款金额：30000元；到账金额：27000元；还款期数：12期；每期还款：2750元', 30000, 27000, months(12, 2750)],
    ['借1万 到手7千 每月还1050 一共12期 已经还了5期', 10000, 7000, months(12, 1050)],
    ['借1万 到手9千 还款额1050/月 12期', 10000, 9000, months(12, 1050)],
    ['借了一个w 到手八千 月还一千 12期', 10000, 8000, months(12, 1000)],
    ['借1万 半个月后还1万2', 10000, 10000, [{ day: 15, amount: 12000 }]],
    ['借3万 一个半月后还3万5', 30000, 30000, [{ day: 45, amount: 35000 }]],
    ['借呗借了1万，分12期，每期还900多一点点？不对，是每期908.33', 10000, 10000, months(12, 908.33)],
    ['I borrowed 10000 and only got 8000, I have to pay 1000 per month for 12 months', 10000, 8000, months(12, 1000)],
    ['借1万 到手8000 还1000一个月 还12个月', 10000, 8000, months(12, 1000)],
    ['借了5000，到手3500，7天要还5000，现在逾期3天了，他们要我还6000', 5000, 3500, [{ day: 7, amount: 5000 }]],
    ['借3000，第一个礼拜还1000，第二个礼拜还1000，第三个礼拜还1500', 3000, 3000, [{ day: 7, amount: 1000 }, { day: 14, amount: 1000 }, { day: 21, amount: 1500 }]],
    ['借6000，分6个月，每个月还1000本金，利息按剩下的本金算，月利率2%', 6000, 6000, [1120, 1100, 1080, 1060, 1040, 1020].map((amount, i) => ({ month: i + 1, amount }))],
    ['借1500，7天到期还1800，到期没钱，交了300展期，又过了7天还了1800', 1500, 1500, [{ day: 7, amount: 300 }, { day: 14, amount: 1800 }]],
    ['借款金额8000元 分期12期 每期应还778元 其中服务费每期50元', 8000, 8000, months(12, 778)],
    ['借8000 分12期 每期应还778元 另收服务费每期50元', 8000, 8000, months(12, 828)],
    ['借1w到7k，1050x12期', 10000, 7000, months(12, 1050)],
    ['借款1万 实到7千 月还1050×12', 10000, 7000, months(12, 1050)],
    ['借1万 到手7千 1050 * 12', 10000, 7000, months(12, 1050)],
    ['借2万块 一个月利息800 借三个月 到期连本带息一起还', 20000, 20000, [{ month: 3, amount: 22400 }]],
    ['本金1万，利息每个月300，借半年，到期还本', 10000, 10000, [...months(5, 300), { month: 6, amount: 10300 }]],
    ['借3万 每月还2700 还一年 还完了还要交2000的服务费', 30000, 30000, [...months(11, 2700), { month: 12, amount: 4700 }]],
    ['借6万 分12个月还 本金每月一样 利息按没还的本金算 月利率1%', 60000, 60000, Array.from({ length: 12 }, (_, i) => ({ month: i + 1, amount: 5000 + (60000 - 5000 * i) * 0.01 }))],
    ['借1000 到手800 7天到期 延期了一次交了200 第14天还了1000', 1000, 800, [{ day: 7, amount: 200 }, { day: 14, amount: 1000 }]],
    // 等本等息 is quoted as one amount a period: 10000 / 12 + 150 = 983.33 every time, the last one too.
    ['借1万 分12期 月息1.5% 等本等息', 10000, 10000, months(12, 983.33)],
  ])('%s', (text, principal, received, payments) => {
    const out = flows(text);
    expect(out.ok && out.flows).toEqual({ contractPrincipal: principal, received, payments });
  });

  it('a rollover counted in 次 is not a number of instalments (展期了两次)', () => {
    const out = flows('借2000，全额到账，7天一期，续期了两次，续期费是借款金额的20%，第21天还了2000');
    expect(out.ok && out.flows.payments).toEqual([{ day: 7, amount: 400 }, { day: 14, amount: 400 }, { day: 21, amount: 2000 }]);
  });

  it('a date range or an instalment range is not an amount range', () => {
    expect(flows('借1万 到手8000 每月还1000 12期 第1-3期已还').ok).toBe(true);
  });
});

describe('a number the borrower is not sure of is asked for', () => {
  const ASK: Array<[string, string]> = [
    ['借1万还是2万记不清了 每月还1000 12期', 'principal'],
    ['借1万，每月还一千或者一千一，12期', 'payment'],
    ['借1万 7天后还1万2或者1万3', 'payment'],
    ['借1万 月供大概1000 12期', 'payment'],
    ['借了大约2万 每月还2000 12期', 'principal'],
    ['借了5千 到手多少忘了 七天后还五千', 'received'],
    ['借一万 到手九千 还了好几期了 每期一千', 'term'],
    ['借了七八千 每月还800 12期', 'principal'],
    ['借1万 到手五六千 七天还1万', 'received'],
    ['借了5、6千 7天后还8千', 'principal'],
    ['借款8000-9000 每月还1000 10期', 'principal'],
    ['借了不到一万 每月还900 12期', 'principal'],
    ['借了快两万 每月还2000 12期', 'principal'],
    ['借1万 到手8千的样子 每月还1000 12期', 'received'],
    ['借了5000 交了几百块会员费 每月还500 12期', 'received'],
    ['借了几千 到手3000 7天还4000', 'principal'],
    ['借了1万 到手 每月还1000 12期', 'received'],
    ['借1万 合同写的1万2 到手9000 每月还1100 12期', 'principal'],
    ['在A平台借了5000到手4000七天还5000，B平台借了3000到手2000七天还3000', 'principal'],
    // Nothing agreed before the default: what is demanded after it is not taken for the schedule either.
    ['借了5000，现在逾期了，他们要我还6000', 'term'],
  ];
  it.each(ASK)('%s → asks for %s', (text, missing) => {
    expect(flows(text)).toEqual({ ok: false, missing });
  });

  it('the same loans with the number said plainly are computed', () => {
    expect(flows('借1万 每月还1000 12期').ok).toBe(true);
    expect(flows('借了5千 到手4千 七天后还五千').ok).toBe(true);
    expect(flows('借1万 月供1000 12期').ok).toBe(true);
  });
});

describe('text fold (knowledge/interest/cues.yaml)', () => {
  const fold = createTextFold(cues);
  it('maps every folded character to one simplified character, keeping positions', () => {
    const keys = Object.keys(cues.fold_chars).join('');
    expect(fold(keys)).toHaveLength(keys.length);
    for (const v of Object.values(cues.fold_chars)) expect(Object.keys(cues.fold_chars)).not.toContain(v);
  });
  it('leaves simplified text without English alone', () => {
    const t = '借1万到手7000每月还1050还12期';
    expect(fold(t)).toBe(t);
  });
  it('changes 换 only before a number, and 其 only after one', () => {
    expect(fold('换了手机号')).toBe('换了手机号');
    expect(fold('其他费用')).toBe('其他费用');
    expect(fold('每月换1050')).toBe('每月还1050');
  });
  it('replaces English words whole, not inside other words', () => {
    expect(fold('borrowed 5k')).toBe('借5k');
    expect(fold('payday')).toBe('payday');
  });
});
