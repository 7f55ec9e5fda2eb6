/**
 * Follow-ups on a lawful notice of a kind of its own (here a debt assignment): "是真的吗 …还要还吗" is about what the
 * notice announces (verify with the original lender; the new creditor may collect; still owed), not the general
 * "no frightening claims" check; a later question about the old lender's charges, after an answer about the
 * assignment, stays in that topic (defences carry over to the assignee), not a promise to pay. Guard: a question
 * naming a topic of its own after the notice ("那会不会影响征信") keeps it. Wordings are this file's own.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-24T10:15:00+08:00');
let n = 0;
const conversation = () => talk(AT, `nt${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

const ASSIGNED = '王芳女士您好：依据某某网络小额贷款有限公司与某某资产管理有限公司签订的《债权转让协议》，您名下借款债权已于2026年10月8日转让给我公司。请自收到本通知之日起通过我公司官方小程序或对公账户向我公司还款，客服电话400-xxx-xxxx。特此通知。';

describe('after a debt-assignment notice', () => {
  it.each(['这是真的假的 换了家公司我还得还?', '靠谱不 卖给别人了我还用还吗'])('"%s": verify, the assignee, still owed', async (text) => {
    const c = conversation();
    await c.forward(ASSIGNED);
    const r = await c.say(text);
    expect(r.shown).toMatch(/核实|原贷款机构|官方客服/);
    expect(r.shown).toMatch(/受让|新债权人|转让/);
    expect(r.shown).not.toMatch(/没有说吓人的后果/);
  });

  it('"原来那家收的服务费太离谱了 新的这家我也要照单全收?" after an answer: defences carry over', async () => {
    const c = conversation();
    await c.forward(ASSIGNED);
    await c.say('这是真的假的 换了家公司我还得还?');
    const r = await c.say('原来那家收的服务费太离谱了 新的这家我也要照单全收?');
    expect(r.shown).toMatch(/新债权人|受让/);
    expect(r.shown).toMatch(/异议|抗辩|主张|提出/);
    expect(r.shown).not.toMatch(/诉讼时效从那时中断/);
  });
});

describe('guard', () => {
  it('"那会不会影响征信" after the notice is about the credit report', async () => {
    const c = conversation();
    await c.forward(ASSIGNED);
    const r = await c.say('那会不会影响征信');
    expect(r.shown).toMatch(/征信/);
  });
});
