/**
 * "是不是吓唬我的" / "这违法吗" right after a lawful notice of a kind of its own: the verdict names what the notice is
 * (a suit may be filed lawfully; verify it; not attending means a default judgment, 民事诉讼法 147), never the
 * general "正常的催收提醒" line meant for a reminder. Guard: after an ordinary reminder the general line stays.
 * Wordings are this file's own.
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-09-02T11:20:00+08:00');
let n = 0;
const conversation = () => talk(AT, `lv${++n}`);

const COURT = '【成都市武侯区人民法院】李某：原告某某小额贷款有限公司诉你民间借贷纠纷一案已立案，案号(2026)川0107民初8812号，定于2026年9月28日14时在第五法庭开庭审理，应诉材料已电子送达，可登录人民法院在线服务平台查收，咨询电话12368。';
const REMINDER = '您好，您在某某花的账单已逾期12天，应还金额3260元，请尽快登录App还款，如有困难可联系官方客服申请协商。';

describe('the verdict asked again after a court notice', () => {
  it.each(['这个是不是吓唬人的啊 我不去会咋样', '他们这样搞违法吗 我可以不去吧'])('"%s": a lawful suit, verify, default judgment', async (text) => {
    const c = conversation();
    await c.forward(COURT);
    const r = await c.say(text);
    expect(r.shown).not.toMatch(/正常的催收提醒/);
    expect(r.shown).toMatch(/12368/);
    expect(r.shown).toMatch(/缺席判决/);
    expect(r.shown).not.toMatch(/诈骗|犯罪|伪造/);
  });
});

describe('guard', () => {
  it('after an ordinary reminder the general verdict stays', async () => {
    const c = conversation();
    await c.forward(REMINDER);
    const r = await c.say('这样发消息违法吗');
    expect(r.shown).not.toMatch(/缺席判决/);
  });
});
