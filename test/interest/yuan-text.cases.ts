/** One way to write yuan in every loan reply: grouped only from five digits, cents only when there are any. */
import { yuanText } from '../../src/interest/format';

describe('yuanText', () => {
  it.each([
    [950, '950'],
    [4200, '4200'],
    [9999.5, '9999.5'],
    [10000, '10,000'],
    [125000.25, '125,000.25'],
    [-3600, '-3600'],
  ])('%s → %s', (amount, text) => {
    expect(yuanText(amount)).toBe(text);
  });
});
