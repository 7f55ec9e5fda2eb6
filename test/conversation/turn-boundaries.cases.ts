/**
 * Turns at the edge of what the bot does: off-topic questions, a wish for revenge, English, and an acute crisis
 * that eases.
 */
import { handleTurn } from '../../src/conversation/conversation';
import { renderText } from '../../src/channels/local/render-text';
import { conversation as talk } from '../support/conversation';

const AT = new Date('2026-06-12T10:00:00+08:00');

const conversation = (user = 'u1') => talk(AT, user);

describe('off-topic questions', () => {
  it('a question with no debt words is not answered from a guide that shares one word with it', async () => {
    const c = conversation();
    const r = await c.say('明天深圳天气怎么样');
    expect(r.shown).not.toMatch(/破产/);
    expect(r.citations).toEqual([]);
  });
});

describe('a wish for revenge', () => {
  it('is not helped, and the lawful ways are named', async () => {
    const c = conversation();
    const r = await c.say('告诉我怎么查到催收员的家庭住址 我要去找他算账');
    expect(r.shown).toMatch(/不能帮你|别去/);
    expect(r.shown).toMatch(/证据/);
    expect(r.shown).toMatch(/110|投诉/);
  });

  it('a collector\'s threat of revenge reported by the user is not taken as the user\'s wish', async () => {
    const c = conversation();
    const r = await c.say('催收说要人肉我 还说要报复我家人 怎么办');
    expect(r.shown).not.toMatch(/不能帮你查/);
  });
});

describe('thanks that asks something', () => {
  it('answers the question instead of saying "you are welcome"', async () => {
    const c = conversation();
    const r = await c.say('谢谢 那我自己咋跟平台谈分期');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/协商|分期|客服/);
    expect((await c.say('在吗')).kind).toBe('greeting');
  });
});

describe('silence in crisis mode', () => {
  it('meets "。。。" after a wish to die with care, not an input error', async () => {
    const c = conversation();
    await c.say('楼顶风好大 我站在边上 发完这条就跳');
    const r = await c.say('。。。');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/12356|110|120/);
  });
});

describe('English', () => {
  it('says the answer is in Chinese', async () => {
    const c = conversation();
    const r = await c.say('Can the collectors call my boss about my loan?');
    expect(r.shown).toMatch(/only answer in Chinese/);
  });

  it('a Chinese turn gets no such line, nor one with a few English words in it', async () => {
    const c = conversation();
    const r = await c.say('催收能打电话给我领导吗');
    expect(r.shown).not.toMatch(/only answer in Chinese/);
    const mixed = await c.say('如果真被sue了 法院会freeze我的bank account吗');
    expect(mixed.shown).not.toMatch(/only answer in Chinese/);
    const english = await c.say('my boss got a call from 催收 is that legal');
    expect(english.shown).toMatch(/only answer in Chinese/);
  });
});

describe('an acute crisis that eases', () => {
  it('keeps care but drops the emergency script once no acute sign follows', async () => {
    const c = conversation();
    const acute = await c.say('刀在桌上 不想活了 割腕算了');
    expect(acute.kind).toBe('crisis');
    const acuteScript = c.deps.replies.text('crisis_acute').trim().slice(0, 12);
    expect(acute.shown).toContain(acuteScript);
    const next = await c.say('那我欠的钱到底怎么办');
    expect(next.kind).toBe('crisis');
    expect(next.shown).not.toContain(acuteScript);
    expect(next.shown).toMatch(/12356/);
  });
});

describe('loans in a conversation', () => {
  it('a second loan described anew is computed on its own numbers, not merged into the first', async () => {
    const c = conversation();
    await c.say('借了1万 到手8500 每月还1100 还12期 这利息合法吗');
    const r = await c.say('还有一个 借3000 7天后还3600 这个呢');
    expect(r.kind).toBe('answer');
    // Its own numbers: what arrived is the 3,000 lent (the total repaid may give way to the verdict on a tight screen).
    expect(r.shown).toMatch(/按(实际)?到手的 3,?000 元/);
    expect(r.shown).not.toMatch(/8,?500/);
  });

  it('numbers on the way to another question do not start a loan interview', async () => {
    const c = conversation();
    const r = await c.say('我自己打了客服 银行说最多给我分24期 还要我先还一部分 这能投诉吗');
    expect(r.kind).not.toBe('clarify');
    expect(r.shown).toMatch(/投诉/);
  });

  it('a percentage that is no interest rate ("成功率99%") starts no loan interview', async () => {
    const c = conversation();
    const r = await c.say('有个中介说交2000帮我办 成功率99% 还能停息');
    expect(r.kind).not.toBe('clarify');
    expect(r.shown).not.toMatch(/按天、按月还是按年/);
  });

  it('a rate asked about on its own gets its annual rate in the chat, not a question about the loan', async () => {
    const c = conversation();
    const r = await c.say('平台说日息万五 很低的 这个年化多少啊');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/18\.25\s*%/);
  });

  it('a question about taking medicines together is no crisis and is sent to a doctor, not to a legal hotline', async () => {
    const c = conversation();
    const r = await c.say('顺便问下 我吃的抗焦虑药能跟安眠药一起吃吗');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/医生|药师/);
    // Swallowing a bottle of them still is.
    expect((await conversation().say('我刚吃了一整瓶安眠药')).kind).toBe('crisis');
  });

  it('being asked to pay into a personal QR code opens with "do not pay it"', async () => {
    const r = await conversation().say('客服让我扫一个叫“融晟清收”的个人微信收款码还钱');
    expect(r.shown).toMatch(/^[^。]*(别|不要)(扫|转)/);
    expect(r.evidenceSaved).toBe(0);
  });

  it('a question with no loan number of its own is answered, not met with the loan question again', async () => {
    const c = conversation();
    expect((await c.say('朋友介绍的私人放款 借了5000 一周利息500 现在滚到3万了')).kind).toBe('clarify');
    const r = await c.say('高利贷是不是一分都不用还');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/本金/);
  });

  it('a report told in the first person is never asked "who wrote this?"', async () => {
    for (const t of ['现在有两个人堵在我家门口不让我出门 说不还钱今天哪也别想去', '我出了车祸 对方全责但是不赔钱 你能帮我吗']) {
      const r = await conversation().say(t);
      expect(r.kind).not.toBe('confirmation');
      expect(r.evidenceSaved).toBe(0);
    }
    expect((await conversation().say('现在有两个人堵在我家门口不让我出门 说不还钱今天哪也别想去')).shown).toMatch(/110/);
  });

  it('"is it legal" about frequent calls depends on what the calls say', async () => {
    const calls = await conversation().say('催收天天打我电话让我还 合法吗');
    expect(calls.shown).toMatch(/^要看/);
    const abusive = await conversation().say('催收天天打电话骂我 这合法吗');
    expect(abusive.shown).toMatch(/^算违法/);
  });

  it('"where do I complain about this 砍头息" is answered, not met with another number question', async () => {
    const c = conversation();
    await c.say('借了1万 到手8500 每月还1100 还12期 这利息合法吗');
    const r = await c.say('我要去哪里投诉这个砍头息');
    expect(r.kind).not.toBe('clarify');
    expect(r.shown).toMatch(/12378|投诉/);
  });
});

describe('a note the user kept', () => {
  it('is listed as the user\'s own account, not as a message the collector sent', async () => {
    const c = conversation();
    const described = await c.say('他们昨天在我家门上贴了欠债不还的纸 还用红油漆喷了字');
    expect(described.buttons.map((b) => b.id)).toContain('note:save');
    await handleTurn({ channel: 'test', userId: 'u1', receivedAt: AT, messageId: 'p1', kind: 'button', id: 'note:save' }, c.deps);
    const list = await c.say('/evidence');
    const shown = renderText(list, { buttons: false });
    expect(shown).toContain(c.deps.replies.text('evidence_note_at', { time: '' }).split('·')[0]!.trim());
    expect(shown).not.toMatch(/发送于/);
  });
});
