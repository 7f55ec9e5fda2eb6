import { redactIdentifiers, restoreIdentifiers, scrubIdentifiers } from '../src/redact';

describe('redactIdentifiers', () => {
  const text = '我叫张三，手机13812345678，身份证110101199003071234，卡号6222 0202 0202 0202 123，催收打我 +86 139-1234-5678。';

  it('replaces mobile, ID and card numbers and restores them exactly', () => {
    const r = redactIdentifiers(text);
    expect(r.text).not.toMatch(/13812345678|110101199003071234|6222 0202|139-1234-5678/);
    expect(r.text).toContain('⟦PHONE_1⟧');
    expect(r.text).toContain('⟦ID_1⟧');
    expect(r.text).toContain('⟦CARD_1⟧');
    expect(restoreIdentifiers(r.text, r.map)).toBe(text);
  });

  it('gives the same value the same placeholder, and continues numbering across calls', () => {
    const first = redactIdentifiers('13812345678 和 13812345678');
    expect(first.text).toBe('⟦PHONE_1⟧ 和 ⟦PHONE_1⟧');
    const second = redactIdentifiers('还有 13987654321', first);
    expect(second.text).toBe('还有 ⟦PHONE_2⟧');
  });

  it('leaves amounts, dates and short numbers alone', () => {
    const t = '欠款 12000 元，2026年5月12日 23:40，逾期 35 天，案号 (2026)京0101民初123号';
    expect(redactIdentifiers(t).text).toBe(t);
  });

  it('scrubs secrets for logs', () => {
    expect(scrubIdentifiers('key sk-abcdefghijklmnopqrstuv and 13812345678')).toBe('key [secret] and [phone]');
  });
});
