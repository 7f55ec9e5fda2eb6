/**
 * A told request to pay privately ("他客服让我转到一个个人微信收款码" kind): the user's own account of a proposal,
 * answered (do not pay so; official channels only), never analysed as conduct and offered as an evidence note.
 * Guards: a threat told with it is still assessed as conduct; a request naming no private channel is not this.
 * Wordings are this file's own, none from an eval set.
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-11-24T10:15:00+08:00');
let n = 0;
const conversation = () => talk(AT, `pp${++n}`);

describe('a told request to pay into a private account', () => {
  it.each(['他们客服叫我把钱打到一个私人支付宝 说能少还三千', '那个催收要我转到他个人银行卡上 说这样能结清'])('"%s": answered, not analysed', async (text) => {
    const r = await conversation().say(text);
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/官方/);
    expect(r.shown).toMatch(/不要转|别转|不算还款/);
    expect(r.evidenceSaved ?? 0).toBe(0);
  });
});

describe('guards', () => {
  it('a threat told with it is still assessed', async () => {
    const r = await conversation().say('催收让我转到个人卡上 不然就找人打断我的腿');
    expect(r.shown).toMatch(/威胁|恐吓/);
  });
});
