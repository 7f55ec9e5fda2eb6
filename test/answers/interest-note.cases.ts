import { findContractDate, findRate, interestNote } from '../../src/answers/interest-note';
import { testCore } from '../support/core-deps';
import { createOfflineAnswerer } from '../../src/answers/answer';
import { createLexicalRetriever } from '../../src/knowledge/retriever';

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
    // An unverified row after 2020-08-20 (the table holds none today): the note says so instead of a figure.
    const rows = k.lpr.rows.map((r) => (r.from.startsWith('2022') ? { ...r, confidence: 'UNVERIFIED' } : r));
    expect(interestNote('2022年3月借的利息高吗', { ...k, lpr: { ...k.lpr, rows } }, replies)).toContain('没有核实');
    expect(interestNote('2026年9月借的利率合法吗', k, replies)).toContain(k.lpr.latest_confirmed);
  });

  describe('contracts made before 2020-08-20 (民间借贷规定 31)', () => {
    const at = new Date('2026-12-06T04:00:00Z');
    const old = k.caps.private_lending.before_rule;
    // 4 × the newest VERIFIED LPR on the day: the cap at filing, computed here from the table.
    const verified = k.lpr.rows.filter((r) => r.confidence === 'VERIFIED' && r.from <= '2026-12-06');
    const filingCap = String(verified[verified.length - 1]!.rate * k.caps.private_lending.lpr_multiple);

    it('names the split and the old lines, never 4 × the LPR of the contract date', () => {
      for (const q of ['2019年10月借的利息高吗', '2018年找朋友借的钱利息合法吗', '19年借的高利贷利息要还吗', '2020年3月借的，利息合法吗']) {
        const note = interestNote(q, k, replies, at)!;
        expect(note).toContain('第31条');
        expect(note).toContain(`${old.protected}%`);
        expect(note).toContain(`${old.void_above}%`);
        expect(note).toContain(`${filingCap}%`);
        expect(note).toContain('据报道'); // the old lines are PARTIAL
        expect(note).not.toMatch(/当时一年期 LPR 为/);
      }
    });

    it('compares a rate with the old lines and with the cap at filing', () => {
      const between = interestNote('2019年借的 年利率30%合法吗', k, replies, at)!;
      expect(between).toMatch(new RegExp(`${old.protected}%—${old.void_above}%之间`));
      expect(between).toContain(`超过了${filingCap}%`);
      const over = interestNote('2017年借的年化40%的利息还要还吗', k, replies, at)!;
      expect(over).toContain(`超过${old.void_above}%的无效`);
      const under = interestNote('2019年借的 利息10%合法吗', k, replies, at)!;
      expect(under).toContain(`没有超过${old.protected}%`);
      expect(under).toContain(`也没有超过${filingCap}%`);
    });

    it('a year that spans the rule names both and that the day decides', () => {
      const note = interestNote('2020年借的 利息20%合法吗', k, replies, at)!;
      expect(note).toContain('要看签约那天');
      expect(note).toContain('第31条');
      expect(note).not.toMatch(/你说的年化/); // the side of the rule is unknown: no verdict
    });

    it('says licensed lenders are not bound by 4 × LPR, and their line only as reported', () => {
      const line = k.caps.licensed.lines.find((l) => l.id === 'court_24')!.rate;
      for (const q of ['2019年借的利息合法吗', '2023年借的 利息36%合法吗']) {
        const note = interestNote(q, k, replies, at)!;
        expect(note).toContain('不受4倍LPR限制');
        expect(note).toContain(`据报道法院一般支持调减超过年利率${line}%`);
      }
    });

    it('the answer opens with the question type that cites the transition provision', () => {
      const { law, article } = k.caps.private_lending.transition;
      const answerer = createOfflineAnswerer({ knowledge: k, retriever: createLexicalRetriever(k), replies });
      for (const q of ['我2019年借的私人贷款，年利率30%合法吗', '19年借的高利贷利息要还吗']) {
        const a = answerer.answerNow(q, { at });
        expect(a.reply.citations.some((c) => c.law === law && c.article === article)).toBe(true);
        expect(a.reply.citations.some((c) => c.article === '25')).toBe(false);
      }
    });
  });

  it('says nothing when the question is not about interest', () => {
    expect(interestNote('2023年借的钱催收上门了', k, replies)).toBeUndefined();
  });
});
