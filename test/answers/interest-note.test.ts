import { findContractDate, findRate, interestNote } from '../../src/answers/interest-note';
import { testCore } from '../support/core-deps';

const { knowledge: k, replies } = testCore();

describe('interest notes by contract date', () => {
  it('reads contract dates and rates as users write them', () => {
    expect(findContractDate('我是2023年借的')).toMatchObject({ year: 2023, month: undefined });
    expect(findContractDate('22年3月借的网贷')).toMatchObject({ year: 2022, month: 3 });
    expect(findContractDate('2024.10借的')).toMatchObject({ year: 2024, month: 10 });
    expect(findContractDate('借了12000元')).toBeUndefined();
    expect(findRate('年化36%合法吗')).toBe(36);
    expect(findRate('年化三成')).toBeUndefined();
  });

  it('gives the cap of the month, from the dated table', () => {
    const note = interestNote('2022年3月借的，年利率20%合法吗', k, replies)!;
    expect(note).toContain('3.7%');
    expect(note).toContain('14.8%');
    expect(note).toContain('20% 高于');
  });

  it('gives a range when only the year is known, and compares within it honestly', () => {
    const note = interestNote('利息14%合法吗 我是2023年借的', k, replies)!;
    expect(note).toContain('3.45%—3.65%');
    expect(note).not.toMatch(/高于|没有超过/); // 14 % lies inside 13.8–14.6 %: it depends on the day
  });

  it('never quotes an unverified row, and sends dates past the newest figure to the official source', () => {
    expect(interestNote('2019年10月借的利息高吗', k, replies)).toContain('没有核实');
    expect(interestNote('2026年9月借的利率合法吗', k, replies)).toContain(k.lpr.latest_confirmed);
  });

  it('says nothing when the question is not about interest', () => {
    expect(interestNote('2023年借的钱催收上门了', k, replies)).toBeUndefined();
  });
});
