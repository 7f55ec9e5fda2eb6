/**
 * Hotlines and court case numbers are never sums of money: both readers of amounts (the turn understander's facts
 * and the interest check's loan parser) blank them first (knowledge/lexicon/service-numbers.yaml).
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadServiceNumbers } from '../../src/knowledge/service-numbers';
import { parseLoan } from '../support/loan-shapes';

const numbers = loadServiceNumbers(join(PACKAGE_ROOT, 'knowledge'));
const AT = new Date('2026-12-01T10:00:00+08:00');

describe('service numbers', () => {
  it('blanks hotlines named to be called, keeping offsets', () => {
    const t = '先打了12363 没人管 再拨12321行不行';
    const b = numbers.blank(t);
    expect(b).toHaveLength(t.length);
    expect(b).not.toMatch(/12363|12321/);
    expect(b).toContain('没人管');
  });

  it('blanks a court case number, its year too', () => {
    expect(numbers.blank('短信上的案号是（2026）粤0304民初8812号')).not.toMatch(/\d/);
  });

  it('keeps a listed number that is a sum by the words around it', () => {
    expect(numbers.blank('借了12345 每月还1200')).toContain('12345');
    expect(numbers.blank('一共欠12315元')).toContain('12315');
    expect(numbers.blank('打12378')).not.toContain('12378');
    // Three-digit emergency numbers are common sums and are not listed.
    expect(numbers.blank('每期收服务费80和利息120')).toContain('120');
  });

  it('the loan parser reads no amount from hotlines or case numbers', () => {
    expect(parseLoan('网贷催收太凶了 拨12378和12321都试过 还有什么电话能打', AT)).toEqual({});
    expect(parseLoan('收到法院短信 案号（2026）粤0304民初8812号 让我去开庭', AT).principal).toBeUndefined();
    expect(parseLoan('借了12300 到手10000 分12期', AT)).toMatchObject({ principal: 12300, received: 10000 });
  });
});
