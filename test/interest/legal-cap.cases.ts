/**
 * The legal frame by lender type and contract date, against the LPR history in shared/legal (legal-facts.md
 * §5.3): 4 × 3.70 % = 14.8 % for a contract of March 2022, 12 % for June 2025, the old rule before 2020-08-20,
 * and never a row marked UNVERIFIED.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_ROOT } from '../../src/paths';
import { lprFileSchema } from '../../src/knowledge/schema';
import { loadInterestData } from '../../src/interest/interest-data';
import { capByDay, legalFrame, lprCapOn } from '../../src/interest/legal-cap';
import { paidAboveCap } from '../../src/interest/cap-excess';

const lpr = lprFileSchema.parse(parseYaml(readFileSync(join(PACKAGE_ROOT, 'knowledge', 'interest', 'lpr.yaml'), 'utf8')));
const { caps } = loadInterestData(join(PACKAGE_ROOT, 'knowledge'));
const TODAY = '2026-05-01';

describe('private lending: 4 × LPR on the contract date', () => {
  it.each([
    ['2022-03-10', 14.8],
    ['2022-08-22', 14.6],
    ['2025-06-15', 12],
    ['2020-08-20', 15.4],
    ['2024-08-01', 13.4],
  ])('a contract of %s is capped at %f %%', (date, cap) => {
    const f = legalFrame('unlicensed', date, TODAY, lpr, caps);
    expect(f.licensed).toBeUndefined();
    expect(f.unlicensed).toMatchObject({ kind: 'on_date', cap: { cap } });
  });

  it('contracts made before 2020-08-20 follow 民间借贷规定 31 (old rule, then 4 × LPR at filing)', () => {
    const f = legalFrame('unlicensed', '2019-12-01', TODAY, lpr, caps);
    expect(f.unlicensed).toMatchObject({ kind: 'before_rule', protectedRate: 24, voidAbove: 36, filing: { cap: 12 } });
  });

  it('never uses an UNVERIFIED LPR row', () => {
    const unverified = lpr.rows.filter((r) => r.confidence !== 'VERIFIED').map((r) => r.rate * 4);
    expect(unverified.length).toBeGreaterThan(0);
    expect(unverified).not.toContain(lprCapOn('2020-03-01', lpr, 4).cap);
  });

  it('an unknown date gives the range since 2020-08-20', () => {
    const f = legalFrame('unlicensed', undefined, TODAY, lpr, caps);
    expect(f.unlicensed).toMatchObject({ kind: 'date_unknown', low: { cap: 12 }, high: { cap: 15.4 } });
  });

  it('a contract date well after the newest confirmed LPR is flagged for checking', () => {
    expect(lprCapOn('2026-02-25', lpr, 4).stale).toBe(false);
    expect(lprCapOn('2026-09-01', lpr, 4).stale).toBe(true);
  });
});

describe('lender types', () => {
  it('licensed lenders get the reported lines, not 4 × LPR', () => {
    const f = legalFrame('licensed', '2024-01-01', TODAY, lpr, caps);
    expect(f.unlicensed).toBeUndefined();
    expect(f.licensed!.lines.map((l) => l.rate)).toEqual([24, 36]);
    expect(f.licensed!.lines.every((l) => l.confidence === 'PARTIAL')).toBe(true);
  });

  it('an unknown lender gets both', () => {
    const f = legalFrame('unknown', undefined, TODAY, lpr, caps);
    expect(f.unlicensed).toBeDefined();
    expect(f.licensed).toBeDefined();
  });
});

describe('paid above the cap', () => {
  it('nothing when principal plus simple interest at the cap is repaid', () => {
    expect(paidAboveCap(10000, [{ day: 365, amount: 11200 }], 0.12).aboveCap).toBeCloseTo(0, 6);
    expect(paidAboveCap(10000, Array.from({ length: 12 }, (_, i) => ({ month: i + 1, amount: i === 11 ? 10100 : 100 })), 0.12).aboveCap).toBeCloseTo(0, 6);
  });

  it('the excess over it, once principal and interest are cleared', () => {
    expect(paidAboveCap(10000, [{ day: 365, amount: 11500 }], 0.12).aboveCap).toBeCloseTo(300, 6);
    // Interest a payment does not cover waits without earning interest: 100 + 100 + 10,000 + 200 interest at 12 % = 10,400.
    expect(paidAboveCap(10000, [{ month: 1, amount: 50 }, { month: 2, amount: 50 }, { month: 2, amount: 10500 }], 0.12).aboveCap).toBeCloseTo(10600 - 10200, 6);
  });

  it('before 2020-08-20 the old line applies up to the cutover, then 4 × LPR at filing', () => {
    const f = legalFrame('unlicensed', '2020-07-21', TODAY, lpr, caps);
    const cap = capByDay(f.unlicensed!);
    expect(typeof cap).toBe('function');
    const byDay = cap as (d: number) => number;
    expect(byDay(0)).toBeCloseTo(0.36, 9);
    expect(byDay(30)).toBeCloseTo(0.12, 9);
  });
});
