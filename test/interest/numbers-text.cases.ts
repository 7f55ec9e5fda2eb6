/**
 * The numeral and date grammar over the tables of knowledge/interest/cues.yaml. The Chinese numerals are checked
 * against an independent writer (below) for every number up to 99,999 the test draws, not against a list copied
 * from the code.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadInterestData } from '../../src/interest/interest-data';
import { createNumberGrammar } from '../../src/interest/numbers-text';
import { createDateReader } from '../../src/interest/text-dates';

const cues = loadInterestData(join(PACKAGE_ROOT, 'knowledge')).cues;
const g = createNumberGrammar(cues.numerals);
const findDates = createDateReader(cues.dates, g);

/** The standard written form of 1 ≤ n ≤ 99,999 (一万零五十, 三千零五, 十二, 一百一十). */
function writeChinese(n: number): string {
  const D = '零一二三四五六七八九';
  const below = (x: number, leadingOne: boolean): string => {
    const parts: string[] = [];
    const units: Array<[number, string]> = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
    let zero = false;
    let started = false;
    for (const [size, name] of units) {
      const d = Math.floor(x / size) % 10;
      if (d === 0) {
        if (started) zero = true;
        continue;
      }
      if (zero) parts.push('零');
      zero = false;
      parts.push(size === 10 && d === 1 && !started && !leadingOne ? name : D[d]! + name);
      started = true;
    }
    return parts.join('');
  };
  if (n >= 10000) {
    const rest = n % 10000;
    return below(Math.floor(n / 10000), false) + '万' + (rest === 0 ? '' : (rest < 1000 ? '零' : '') + below(rest, true));
  }
  return below(n, false);
}

/** A deterministic sequence of test numbers. */
function* drawn(count: number): Generator<number> {
  let x = 12345;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield 1 + (x % 99999);
  }
}

describe('Chinese numerals', () => {
  it('reads back every number an independent writer puts in words (2,000 drawn up to 99,999)', () => {
    for (const n of drawn(2000)) expect([n, g.chineseAmount(writeChinese(n))]).toEqual([n, n]);
  });

  it.each([
    ['一万二', 12000],
    ['两千五', 2500],
    ['三千五', 3500],
    ['八百', 800],
    ['一万零五十', 10050],
    ['十二万', 120000],
  ])('the borrowers\' short forms: %s = %d', (s, n) => {
    expect(g.chineseAmount(s)).toBe(n);
  });

  it('is not a number when units run the wrong way', () => {
    expect(g.chineseAmount('十千')).toBeNaN();
    expect(g.chineseAmount('万万')).toBeNaN();
  });

  it.each([
    ['12', 12],
    ['十二', 12],
    ['两', 2],
    ['半', 0.5],
    ['三十六', 36],
  ])('small count %s = %f', (s, n) => {
    expect(g.smallCount(s)).toBe(n);
  });
});

describe('numbers in text', () => {
  it.each([
    ['1.5万', 15000, true],
    ['1万2', 12000, true],
    ['1w', 10000, true],
    ['10k', 10000, true],
    ['3千', 3000, true],
    ['10,000元', 10000, false],
    ['¥800', 800, false],
    ['五千块', 5000, true],
  ])('%s = %d', (s, n, magnitude) => {
    const [hit] = g.findNumbers(s);
    expect(hit).toMatchObject({ value: n, start: 0, end: s.length, magnitude });
  });

  it('marks currency only when a currency word or sign is there', () => {
    expect(g.findNumbers('800块')[0]!.currency).toBe(true);
    expect(g.findNumbers('800')[0]!.currency).toBe(false);
  });
});

describe('dates', () => {
  const at = new Date('2026-01-15T12:00:00+08:00');
  it.each([
    ['2023年3月15日借的', '2023-03-15', 'day'],
    ['2023.3.15借的', '2023-03-15', 'day'],
    ['23年3月借的', '2023-03-01', 'month'],
    ['去年5月借的', '2025-05-01', 'month'],
    ['前年借的', '2024-01-01', 'year'],
    ['上个月借的', '2025-12-01', 'month'],
    ['这个月借的', '2026-01-01', 'month'],
    ['3月5号借的', '2025-03-05', 'day'],
    ['1月10日借的', '2026-01-10', 'day'],
  ])('%s → %s', (text, iso, precision) => {
    expect(findDates(text, at)[0]).toMatchObject({ iso, precision });
  });

  it('a year out of range is no date', () => {
    expect(findDates('1850年', at)).toEqual([]);
  });
});
