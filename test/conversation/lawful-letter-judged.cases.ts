/**
 * A genuine lawyer's letter in focus, judged by the user: "律所的函也寄到家了 他们这么干违法吗 我想告律所" is a question
 * about that letter, not a report of deception. A firm instructed by the lender may send it and say it will sue
 * (律师法 28): not unlawful; check the firm (12348); if sued, answer the suit. New conduct told beside it is still
 * assessed. Wordings are new (not the tester's).
 */
import { conversation } from '../support/conversation';

const AT = new Date('2026-12-05T10:00:00+08:00');
const LETTER =
  '律师函 刘某某女士：本所接受某某小额贷款有限公司委托，就您拖欠借款本金及利息合计人民币18,200.00元一事，特函告如下：请您自收到本函之日起10日内与委托人联系协商还款事宜，逾期本所将依法代理委托人向人民法院提起诉讼。上海市某某律师事务所 律师：王某（执业证号13101201xxxxxxx）';

const firstSentence = (shown: string) => (/^[\s\S]*?[。！？：\n]/.exec(shown.trim())?.[0] ?? shown).trim();
const talk = () => conversation(AT, 'u1', { forwardSentAt: AT });

describe('a lawful lawyer letter in focus, judged', () => {
  it('"律所的函也寄到家了 他们这么干违法吗 我想告律所": not unlawful, check the firm, answer a suit', async () => {
    const c = talk();
    await c.forward(LETTER);
    const r = await c.say('律所的函也寄到家了 他们这么干违法吗 我想告律所');
    expect(firstSentence(r.shown)).toMatch(/^不犯法|^不违法|^合法/);
    expect(r.shown).toMatch(/12348/);
    expect(r.shown).toMatch(/答辩/);
    expect(r.shown).not.toMatch(/算违法|冒用律所名义；|治安管理处罚法/);
    expect((r.shown.split('\n\n【')[0] ?? '').length).toBeLessThanOrEqual(350);
  });

  it('"收到律师函了 这算犯法不": the same, never an offer to save it as evidence', async () => {
    const c = talk();
    await c.forward(LETTER);
    const r = await c.say('收到律师函了 这算犯法不');
    expect(firstSentence(r.shown)).toMatch(/^不犯法|^不违法|^合法/);
    expect(r.shown).not.toMatch(/算违法/);
  });

  it('new conduct told beside it is still assessed ("律师函来了 他们还说要去我家泼油漆 违法吗")', async () => {
    const c = talk();
    await c.forward(LETTER);
    const r = await c.say('律师函来了 他们还说要去我家泼油漆 违法吗');
    expect(r.shown).toMatch(/威胁|恐吓/);
  });
});
