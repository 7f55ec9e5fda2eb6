/** Spaces typed between clauses are clause breaks; spaces inside Latin phrases, next to digits or OCR letter-spacing are not. */
import { markSpaceBreaks, spaceSeparated } from '../../src/analysis/space-breaks';
import { createNormalizer } from '../../src/analysis/normalize';

describe('markSpaceBreaks', () => {
  it('marks a space between two Chinese clauses, one character for one', () => {
    const out = markSpaceBreaks('还不上 不如去死');
    expect(out).toBe('还不上，不如去死');
    expect(out.length).toBe('还不上 不如去死'.length);
  });

  it('marks a wider gap differently when asked', () => {
    expect(markSpaceBreaks('【X】请还款。   这是真的吗', { clause: '¦', gap: '\n' })).toBe('【X】请还款。\n  这是真的吗');
  });

  it('leaves Latin phrases, digits, line breaks and letter-spaced text alone', () => {
    expect(markSpaceBreaks('pay today 或者')).toBe('pay today，或者');
    expect(markSpaceBreaks('每期 620 还12期')).toBe('每期 620 还12期');
    expect(markSpaceBreaks('不 想 活 了')).toBe('不 想 活 了');
    expect(markSpaceBreaks('第一行\n 第二行')).toBe('第一行\n 第二行');
  });
});

describe('spaceSeparated', () => {
  const normalizer = createNormalizer([]);
  it('remembers where a dropped space separated two clauses', () => {
    const n = normalizer.normalize('还不上 不如去死');
    expect(n.text).toBe('还不上不如去死');
    const marks = spaceSeparated(n);
    expect(Array.from(marks.slice(0, 7))).toEqual([0, 0, 0, 1, 0, 0, 0]);
  });
  it('has no marks for letter-spaced text', () => {
    expect(Array.from(spaceSeparated(normalizer.normalize('不 想 活 了'))).every((x) => x === 0)).toBe(true);
  });
});
