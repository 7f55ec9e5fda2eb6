/**
 * "那合法的话我应该还多少" and "是不是只要还本金就行了" after an interest reply. The law (shared/legal): the principal
 * is what was actually received when interest was deducted upfront (民法典 670, 民间借贷规定 26); a private
 * lender's interest is supported up to 4 × the one-year LPR on the contract date (民间借贷规定 25, 29); licensed
 * lenders are not bound by it, and courts are reported to cut what exceeds 24 % a year (PARTIAL). The lawful
 * totals below come from an independent ledger in this file: simple interest at the cap on the balance, a month
 * being 1/12 of a year, each payment going to interest, then principal, the rest being above the cap.
 */
import type { LoanFacts } from '../../src/interest/loan-facts';
import { FIRST_SCREEN_MAX, shownLength } from '../../src/screen-fit';
import { firstSentence, interestKit as kit, interestReplies as replies, shownText } from '../support/interest-kit';

const AT = new Date('2026-05-05T12:30:00+08:00');
/** 借了一万 到手只有八千 每个月还1000 还12个月. */
const LOAN: LoanFacts = { principal: 10000, received: 8000, payment: 1000, term: { count: 12, unit: 'month' } };

/** What a court allows on `received` repaid by `payments` (monthly, in order) at the annual `cap`. */
function lawfulTotal(received: number, payments: number[], cap: number): number {
  let balance = received;
  let interestOwed = 0;
  let allowed = 0;
  for (const paid of payments) {
    if (balance > 0) interestOwed += (balance * cap) / 12;
    const toInterest = Math.min(paid, interestOwed);
    interestOwed -= toInterest;
    const toPrincipal = Math.min(paid - toInterest, balance);
    balance -= toPrincipal;
    allowed += toInterest + toPrincipal;
  }
  return allowed;
}
// Amounts as the replies write them: grouped from five digits (8381, 10,560).
const yuan = (x: number) => Math.round(x).toLocaleString('en-US', { useGrouping: Math.abs(Math.round(x)) >= 10000 });
const TWELVE = Array.from({ length: 12 }, () => 1000);

const lawful = (facts: LoanFacts, question?: 'how_much' | 'principal_only') => {
  const r = kit.lawfulAmount(facts, AT, question);
  return { ...r, shown: shownText(r.reply) };
};

describe('how much is lawfully owed on a loan with known payments', () => {
  it('a private lender, contract of November 2025 (4 × 3.00 % = 12 %): principal as received plus interest at 12 %', () => {
    const want = lawfulTotal(8000, TWELVE, 0.12);
    const r = lawful({ ...LOAN, lender: { type: 'unlicensed' }, contractDate: '2025-11-01' });
    expect(r.reply.kind).toBe('answer');
    const first = firstSentence(r.shown);
    expect(first).toContain('8000');
    expect(first).toContain(`${yuan(want)} 元`);
    expect(first).toContain('12.0%');
    expect(r.shown).toContain(`${yuan(12000 - want)} 元`);
    expect(r.reply.citations.map((c) => `${c.law}${c.article}`)).toEqual(expect.arrayContaining(['民法典670', '民间借贷规定25']));
  });

  it('agrees with the first screen: what it says was paid above the cap is the agreed total minus the lawful one', () => {
    const facts: LoanFacts = { ...LOAN, lender: { type: 'unlicensed' }, contractDate: '2025-11-01' };
    const first = shownText(kit.reply(facts, AT).reply);
    expect(first).toContain(`超上限的利息约 ${yuan(12000 - lawfulTotal(8000, TWELVE, 0.12))} 元`);
  });

  it('a licensed lender: not bound by 4 × LPR; the reported 24 % line gives the total; 670 still applies', () => {
    const want = lawfulTotal(8000, TWELVE, 0.24);
    const r = lawful({ ...LOAN, lender: { type: 'licensed' }, contractDate: '2025-11-01' });
    const first = firstSentence(r.shown);
    expect(first).toContain('8000');
    expect(first).toContain(`${yuan(want)} 元`);
    expect(first).toContain('据报道');
    expect(first).toContain('第670条');
    expect(r.shown).toMatch(/不受4倍LPR/);
    expect(r.shown).not.toContain('签约时一年期LPR');
  });

  it('an unknown lender and date: the private total at the highest cap since 2020-08-20 (15.4 %), the licensed one at 24 %, and the question who lent', () => {
    const r = lawful(LOAN);
    const first = firstSentence(r.shown);
    expect(first).toContain('8000');
    expect(first).toContain(`${yuan(lawfulTotal(8000, TWELVE, 0.154))} 元`);
    expect(r.shown).toContain(`${yuan(lawfulTotal(8000, TWELVE, 0.24))} 元`);
    expect(r.shown).toContain(replies.text('interest_ask_lender'));
  });

  it('a rate within the cap: the agreed total is the lawful one', () => {
    // 12 × 880 on 10,000 received is about 10.6 % a year, under 12 %.
    const r = lawful({ principal: 10000, payment: 880, term: { count: 12, unit: 'month' }, lender: { type: 'unlicensed' }, contractDate: '2025-11-01' });
    expect(firstSentence(r.shown)).toContain('没有超过');
    expect(firstSentence(r.shown)).toContain('10,560 元');
  });
});

describe('only the principal? no', () => {
  it('a loan with payments: 一般不能只还本金 first, then the principal as received and the interest up to the cap', () => {
    const r = lawful({ ...LOAN, lender: { type: 'unlicensed' }, contractDate: '2025-11-01' }, 'principal_only');
    expect(firstSentence(r.shown)).toMatch(/^一般不能只还本金/);
    expect(firstSentence(r.shown)).toContain('利息');
    expect(r.shown).toContain(`${yuan(lawfulTotal(8000, TWELVE, 0.12))} 元`);
  });

  it('月息3分 on 30,000 from a private lender in July 2025: interest up to 12 % a year, 300 a month, is still owed', () => {
    const facts = kit.parseLoanText('去年7月找朋友的朋友借了3万 打了借条 说好月息3分 现在他天天打电话催 这利息合法吗', new Date('2026-04-02T10:00:00+08:00'));
    const r = lawful(facts, 'principal_only');
    expect(firstSentence(r.shown)).toMatch(/^一般不能只还本金/);
    expect(r.shown).toContain('12.0%');
    expect(r.shown).toContain('300 元');
    expect(r.shown).toContain('3600 元');
    expect(r.shown).toContain('600 元');
    expect(r.shown).toContain('30,000 元');
  });

  it('the same loan, how much: the lawful interest a month and a year first', () => {
    const facts = kit.parseLoanText('去年7月找朋友的朋友借了3万 打了借条 说好月息3分', new Date('2026-04-02T10:00:00+08:00'));
    const first = firstSentence(lawful(facts).shown);
    expect(first).toContain('30,000 元');
    expect(first).toContain('300 元');
  });
});

describe('every lawful-amount reply', () => {
  const cases: Array<[string, LoanFacts, 'how_much' | 'principal_only']> = [
    ['unknown lender', LOAN, 'how_much'],
    ['unknown lender, principal only', LOAN, 'principal_only'],
    ['licensed', { ...LOAN, lender: { type: 'licensed' }, contractDate: '2025-11-01' }, 'how_much'],
    ['private before 2020-08-20', { ...LOAN, lender: { type: 'unlicensed' }, contractDate: '2019-06-01' }, 'how_much'],
    ['stated rate, unknown lender', { principal: 30000, rate: { percent: 3, per: 'month' } }, 'how_much'],
    ['stated rate, licensed', { principal: 30000, rate: { percent: 3, per: 'month' }, lender: { type: 'licensed' } }, 'principal_only'],
    ['stated rate before 2020-08-20', { principal: 30000, rate: { percent: 3, per: 'month' }, lender: { type: 'unlicensed' }, contractDate: '2019-06-01' }, 'how_much'],
  ];
  it.each(cases)('%s: within 350 characters, principal and lawful interest still owed', (_name, facts, question) => {
    const r = lawful(facts, question);
    expect(r.reply.kind).toBe('answer');
    expect(shownLength(r.reply.blocks)).toBeLessThanOrEqual(FIRST_SCREEN_MAX);
    expect(r.shown).toMatch(/本金/);
    expect(r.shown).not.toMatch(/不用还|一分不还/);
  });

  it('a loan still missing a number: one short question', () => {
    const r = lawful({ principal: 10000, payment: 1000 });
    expect(r.missing).toBe('term');
    expect(r.reply.kind).toBe('clarify');
    expect(r.reply.blocks).toHaveLength(1);
  });
});
