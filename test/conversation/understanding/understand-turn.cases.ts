/**
 * Turn understanding on turns written for these tests (none of them is in eval/understanding/): who speaks,
 * what the user does, crisis, with typos, traditional characters, dialect and mixed English.
 */
import { realUnderstanding } from './setup';
import type { DialogueContext } from '../../../src/conversation/understanding/types';
import { createTurnUnderstander } from '../../../src/conversation/understanding/understand-turn';

const { pipeline } = realUnderstanding();
const at = new Date('2026-03-10T10:00:00+08:00');
const read = (text: string, context: DialogueContext = 'none') => pipeline.understand(text, context, at);

describe('who is speaking', () => {
  it.each([
    '【速借宝】您好，您的借款已逾期3天，应还金额1,280元，请尽快还款。',
    '【速借寶】您好，您的借款已逾期3天，應還金額1,280元，請盡快還款。',
    '不还钱是吧 明天我们就去你单位找你领导聊聊',
    'cs：今天必须还\n我：下周发工资\ncs：再拖就去你公司',
    '21:03 在吗\n21:05 装死是吧\n21:40 明天去你老家',
  ])('reads a collector’s own words: %s', (text) => {
    const u = read(text);
    expect(u.speaker).toBe('collector');
    expect(u.act).toBe('paste');
    expect(u.speakerConfidence).toBeGreaterThan(0.8);
  });

  it.each([
    '催收说要把我照片发到家族群 这个能报警吗',
    '崔收天天打我电话 我该咋办',
    '佢哋日日打电话俾我阿妈 係咪犯法',
    'They keep calling my mom every day, is this legal?',
    '他们说“再不还就上门” 真的会来吗',
    '网贷逾期了会不会影响孩子上学',
  ])('keeps the user’s own words as the user’s: %s', (text) => {
    const u = read(text);
    expect(u.speaker).toBe('user');
    expect(u.act).not.toBe('paste');
  });

  it('splits a pasted message from the question around it', () => {
    const u = read('他们发来这个：【信达法务】您已被列入失信名单，三日内不处理将上门。这是真的吗');
    expect(u.speaker).toBe('mixed');
    expect(u.quoted).toContain('【信达法务】您已被列入失信名单');
    expect(u.quoted).not.toContain('这是真的吗');
    expect(u.own).toContain('这是真的吗');
    expect(u.act).toBe('describe');
  });

  it('splits a paste followed by a wide gap and a question', () => {
    const u = read('【好借花】您的借款已逾期，今日不还将通知您的紧急联系人。   他们真的会打给我妈吗');
    expect(u.speaker).toBe('mixed');
    expect(u.quoted).toContain('紧急联系人');
    expect(u.own).toBe('他们真的会打给我妈吗');
  });

  it('splits a pasted transcript from the question after it', () => {
    const u = read('对方：你今天必须还清\n我：我没钱\n对方：那就等着上门吧\n\n他们真的会来吗');
    expect(u.speaker).toBe('mixed');
    expect(u.quoted).toContain('那就等着上门吧');
    expect(u.own).toBe('他们真的会来吗');
  });

  it('never takes a greeting or thanks for a paste', () => {
    expect(read('您好，请问在吗')).toMatchObject({ speaker: 'user', act: 'greeting' });
    expect(read('好的 谢谢啦', 'answer')).toMatchObject({ speaker: 'user', act: 'thanks' });
  });
});

describe('what the user is doing', () => {
  it('answers the bot’s question only when it asked one', () => {
    expect(read('去年5月', 'asked').act).toBe('reply');
    expect(read('是的', 'asked').act).toBe('reply');
    expect(read('是的', 'none').act).not.toBe('reply');
  });

  it.each([
    ['他们说的是真的吗', 'verify_claims'],
    ['那我该怎么办', 'what_to_do'],
    ['这个能报警吗', 'can_report'],
    ['详细点', 'more'],
    ['刚才说的那个规定是什么意思', 'explain_provision'],
  ] as const)('reads %s after an analysis as a follow-up (%s)', (text, kind) => {
    const u = read(text, 'analysis');
    expect(u.act).toBe('follow_up');
    expect(u.followUp).toBe(kind);
  });

  it.each([
    ['这个律师函是真的吗 是不是违法的', 'verify_claims'],
    ['这是真的 还是骗我的', 'verify_claims'],
    ['这不会是催收P的吧 我不想理', 'verify_claims'],
  ] as const)('checks claims when "%s" asks whether something is true', (text, kind) => {
    expect(read(text, 'analysis').followUp).toBe(kind);
  });

  it.each(['那既然他们是骗子 我欠的钱是不是也不用还了', '我打了平台官方客服 确认减免是真的 减免协议要咋留证据'])(
    'does not check claims when "是真的 / 是骗子" is said and a later clause asks something else: %s',
    (text) => {
      expect(read(text, 'analysis').followUp).not.toBe('verify_claims');
    },
  );

  it('points a follow-up at the provision named', () => {
    const u = read('第50条第二款呢', 'analysis');
    expect(u.act).toBe('follow_up');
    expect(u.followUp).toBe('explain_provision');
    expect(u.provision).toMatchObject({ article: '50', part: '第二款', vague: false });
  });

  it('does not call a turn a follow-up when there was nothing to follow', () => {
    expect(read('这个能报警吗', 'none').act).not.toBe('follow_up');
  });

  it('reads a new question after an answer as a question, not a follow-up', () => {
    expect(read('另外问一下 逾期会影响坐高铁吗', 'answer').act).toBe('ask');
  });

  it.each([
    ['借了1万 到手8500 分12期 每期1050', 'loan_facts'],
    ['今天他们又打了我爸二十多个电话', 'describe'],
    ['我好害怕 手一直在抖', 'distress'],
    ['催收可以去我老家找我爸妈吗', 'ask'],
    ['帮我订个外卖', 'other'],
    ['你好呀', 'greeting'],
  ] as const)('reads %s as %s', (text, act) => {
    expect(read(text).act).toBe(act);
  });
});

describe('crisis', () => {
  it.each(['我不想活了', '真的好累 想一了百了', 'i want to die', "I don't want to live anymore", '欠了这么多 还不上 不如死了算了', '我死了他们就找不到我了吧'])('hears risk in %s', (text) => {
    expect(['risk', 'acute']).toContain(read(text).crisis);
  });

  it.each(['我不想活了 药都买好了 今晚就吃', '我现在在楼顶上', '刀就在我手上', '遗书写好了', '我已经买好了安眠药', '我刚吃了一整瓶药', '我割了手腕'])(
    'escalates a plan, place, time, means or an act: %s',
    (text) => {
      expect(read(text).crisis).toBe('acute');
    },
  );

  it('hears an overdose of any medicine, even when the same words say where the person is now', () => {
    expect(read('吃了七八片降压药').crisis).toBe('acute');
    expect(read('我下来了 在楼梯间坐着 药是我妈的降压药 吃了七八片', 'crisis').crisis).toBe('acute');
    expect(read('抗焦虑药能跟安眠药一起吃吗').crisis).toBe('none');
  });

  it('hears self-harm already done, Cantonese, and "at home but alone"', () => {
    expect(read('刚才拿刀划了手 血一直在流 都是因为网贷').crisis).toBe('acute');
    expect(['risk', 'acute']).toContain(read('我真係頂唔順啦 日日俾人打電話追數 唔想再生存落去').crisis);
    expect(read('我想好好生存下去').crisis).toBe('none');
    expect(read('我喺屋企 冇人陪', 'crisis').crisis).not.toBe('safe');
  });

  it('hears driving to the river to go over the edge as acute, and a plain apology as nothing', () => {
    expect(read('我把车开到江边了 想冲下去 对不起我老婆孩子').crisis).toBe('acute');
    expect(read('对不起 我今天没时间').crisis).toBe('none');
  });

  it.each(['楼顶风好大 我站在边上 发完这条就跳', '算了 药我都攒好了 明天他们来之前我就全吃了', '我是学生 他们打到学校辅导员那了 我刚才又划手了', '今天去买了炭 一个人在出租屋 欠的太多了 还不完'])(
    'hears a plan, means or self-harm said in other words as acute: %s',
    (text) => {
      expect(read(text).crisis).toBe('acute');
    },
  );

  it.each(['活这么大岁数 给儿子拖累成这样 不如喝药走了', '我真系好攰 唔想再捱落去 想带埋个仔一齐走', '算了 给我老婆留了封信 钱的事就交给保险吧'])('hears risk in %s', (text) => {
    expect(['risk', 'acute']).toContain(read(text).crisis);
  });

  it.each(['今晚等佢瞓咗就开煤气', '俺在车里 车库 门都关上了 车没熄火', '欠了十几万 屋头晓得了都不理我 我明早回老家 到河边去 莫得意思了'])('hears acute danger in %s', (text) => {
    expect(read(text).crisis).toBe('acute');
  });

  it('hears a ticket bought right after a plan as acute, and the same words outside a crisis as nothing', () => {
    expect(read('车票都买好了 早上六点的', 'crisis').crisis).toBe('acute');
    expect(read('车票买好了 明天回家').crisis).toBe('none');
    expect(read('周末到河边去钓鱼').crisis).toBe('none');
  });

  it('hears "I can\'t do this anymore" as risk, and a phone swipe or a bought cold medicine as nothing', () => {
    expect(['risk', 'acute']).toContain(read('i cant do this anymore 想结束了 欠了50w').crisis);
    expect(read('我一直在划手机看催收短信').crisis).toBe('none');
    expect(read('今天买了感冒药').crisis).toBe('none');
  });

  it('does not take "没事" from someone bleeding who will not see a doctor as safe', () => {
    expect(read('没事 流血不多 我不想去医院 怕被人知道', 'crisis').crisis).not.toBe('safe');
    expect(read("not gonna do anything stupid tonight, just tired. i'm safe", 'crisis').crisis).toBe('safe');
  });

  it('hears a dangerous place being left as no longer acute', () => {
    expect(read('我离开江边了 在回家的出租车上 我安全的', 'crisis').crisis).toBe('safe');
    expect(read('我现在在江边').crisis).toBe('acute');
  });

  it('takes "not safe" and a means nearby, said to the bot’s "are you safe", seriously', () => {
    expect(read('不安全', 'asked').crisis).toBe('risk');
    expect(read('刀在桌子上', 'asked').crisis).toBe('acute');
    expect(read('我在朋友家', 'crisis').crisis).toBe('safe');
  });

  it('hears a person who says they are safe', () => {
    expect(read('我不会做傻事的 放心').crisis).toBe('safe');
    expect(read('好多了 谢谢', 'crisis').crisis).toBe('safe');
    expect(read('不太安全', 'asked').crisis).not.toBe('safe');
  });

  it('keeps weaker despair as risk right after a crisis reply, and only then', () => {
    expect(read('没人能帮我', 'crisis').crisis).toBe('risk');
    expect(read('没人能帮我', 'none').crisis).toBe('none');
  });

  it.each(['你怎么不去死', '笑死我了 他们还真敢说', '催收说要逼死我', '急死了 明天就到还款日'])('does not take %s for the user’s own wish to die', (text) => {
    expect(read(text).crisis).toBe('none');
  });

  it('reads crisis in the user’s own words of a mixed turn', () => {
    const u = read('你这种人就该去死\n\n他们天天这样骂我 我真的不想活了');
    expect(u.crisis).toBe('risk');
  });
});

describe('without a trained model', () => {
  const { data } = realUnderstanding();
  const { model: _model, ...rulesOnly } = data;
  const bare = createTurnUnderstander(rulesOnly, { detectCrisis: (t) => /不想活/.test(t) });

  it('still splits pasted words from the user’s by structure, and still hears crisis', () => {
    const u = bare.understand('他们发来这个：【信达法务】您已被列入失信名单。这是真的吗', 'none');
    expect(u.speaker).toBe('mixed');
    expect(bare.understand('我不想活了', 'none').crisis).toBe('risk');
    expect(bare.understand('谢谢', 'answer').act).toBe('thanks');
  });
});
