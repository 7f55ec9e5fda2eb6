/**
 * Question types that had no entry or landed on a neighbour's (issue 10 point 6, issue 11; fresh-questions-26 misses
 * by kind and the known leftovers of session 14): what enforcement can reach (travel abroad, a pension, a car), minors
 * and a broken settlement on the dishonest list, a casual "I'll pay for him", checking a collection agency, and
 * waiting for payday (ours, not a wage dispute). Wordings are this
 * file's own.
 */
import { answerer, screen } from '../support/offline-answerer';

const AT = { at: new Date('2026-12-08T10:00:00+08:00') };
const ask = (q: string) => answerer.answerNow(q, AT);
const shown = (q: string): string => screen(ask(q));

describe('what enforcement reaches', () => {
  it('travel abroad: 限制出境 (民事诉讼法266)', () => {
    const s = shown('被法院强制执行了 还能去泰国旅游吗 海关会不会拦');
    expect(s).toMatch(/^有可能被限制出境/);
    expect(s).toMatch(/第266条/);
  });

  it('a pension: yes, but the living allowance stays (民事诉讼法254)', () => {
    const s = shown('法院要扣我爸的退休工资 这也能扣吗 他就指着这个过日子');
    expect(s).toMatch(/^能扣，但要留生活必需费用/);
    expect(s).toMatch(/第254条/);
  });

  it('a car: possibly, by a ruling (民事诉讼法255)', () => {
    const s = shown('被执行的话我的车子会被法院开走吗 我靠它拉货养家');
    expect(s).toMatch(/^有可能/);
    expect(s).toMatch(/裁定/);
    expect(s).toMatch(/第255条/);
  });
});

describe('the dishonest list: age, a broken settlement, a typo', () => {
  it('a minor may not be listed (失信被执行人规定4)', () => {
    const s = shown('我弟17岁 网贷被起诉了 他能被列进失信吗');
    expect(s).toMatch(/^要看年龄/);
    expect(s).toMatch(/不得/);
  });

  it('missing payments of an enforcement settlement', () => {
    const s = shown('和申请人签了执行和解 这个月失业还不上了 会不会马上进失信');
    expect(s).toMatch(/^不会自动直接失信/);
    expect(s).toMatch(/无正当理由拒不履行执行和解协议/);
  });

  it('失心 is 失信', () => {
    expect(ask('被列失心了 还完钱能删掉吗').guideId).toBe('dishonest-list');
  });
});

describe('a casual promise to pay for someone', () => {
  it('"随口说了句我来还" depends on what was said (民法典552)', () => {
    const a = ask('催收打来我随口说了句我帮她还 这下我是不是得替她还');
    expect(a.guideId).toBe('who-must-pay');
    expect(screen(a)).toMatch(/^要看/);
    expect(screen(a)).toMatch(/加入债务/);
  });
});

describe('waiting for payday is ours, unpaid wages are not', () => {
  it.each(['手上没钱 能等下个月发了工资再还吗', '能不能宽限几天 等工资到了就还'])('"%s" is the negotiation answer', (q) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(false);
    expect(a.guideId).toBe('negotiate-instalments');
  });

  it('wages owed by the employer still route to 12333', () => {
    const a = ask('公司拖了我两个月工资没发 怎么要回来');
    expect(a.outOfScope).toBe(true);
    expect(screen(a)).toMatch(/12333/);
  });
});

describe('checking who is collecting', () => {
  it('a collection agency: ask the lender whether it was instructed', () => {
    const s = shown('天天打给我的这家催收公司正不正规 在哪能查');
    expect(s).toMatch(/^(能核实|先别信，去核实)/);
    expect(s).toMatch(/官方客服/);
    expect(s).not.toMatch(/4倍LPR/);
  });

  it('a lender: the licence lists', () => {
    expect(shown('借我钱的这家网贷有没有放贷资质 去哪里查')).toMatch(/^能查/);
  });
});
