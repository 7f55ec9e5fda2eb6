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

describe('a private account told as what was said (no 让我/叫我)', () => {
  it.each(['催收打电话来 说先转到他个人支付宝就给我免罚息', '那个客服说钱打到他私人卡上就行'])('"%s": answered, not analysed', async (text) => {
    const r = await conversation().say(text);
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/不要转|别转|不算还款/);
  });
});

describe('guards', () => {
  it('an account named as frozen is no request to pay', async () => {
    const r = await conversation().say('他还说我的个人账户会被冻结');
    expect(r.shown).not.toMatch(/^不要转/);
  });

  it('a threat told with it is still assessed', async () => {
    const r = await conversation().say('催收让我转到个人卡上 不然就找人打断我的腿');
    expect(r.shown).toMatch(/威胁|恐吓/);
  });
});
