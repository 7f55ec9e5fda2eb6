/**
 * "我能拿啥证明" kind: a bare request for proof right after a loan was computed is answered with what proves the
 * amounts received and paid (flows, records, screenshots), and right after unlawful conduct with what to keep of it —
 * never "不建议一直拖" from whatever its few words retrieve. Guard: with nothing in focus it is not forced into either.
 * Wordings are this file's own, none from an eval set.
 */
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-11-24T10:15:00+08:00');
let n = 0;
const conversation = () => talk(AT, `pq${++n}`);

describe('after a loan with a deduction was computed', () => {
  it.each(['那用什么证明呢', '俺咋证明'])('"%s": flows, records, screenshots', async (text) => {
    const c = conversation();
    await c.say('借款合同写的6000 到账只有5400 说600是手续费');
    await c.say('每个月还560 还12个月');
    const r = await c.say(text);
    expect(r.shown).toMatch(/流水/);
    expect(r.shown).toMatch(/到账|到手/);
    expect(r.shown).toMatch(/截图|记录/);
    expect(r.shown).not.toMatch(/不建议一直拖/);
  });
});

describe('after unlawful conduct was analysed', () => {
  it('"我该拿啥证明": what to keep of it', async () => {
    const c = conversation();
    await c.forward('你再不还钱，我们就把你欠钱的事发到你们公司群里，让你同事都看看你是什么人，你爸妈那边我们也会一个个打电话通知。');
    const r = await c.say('我该拿啥证明');
    expect(r.shown).toMatch(/截图|录音|保存/);
    expect(r.shown).not.toMatch(/不建议一直拖/);
  });
});
