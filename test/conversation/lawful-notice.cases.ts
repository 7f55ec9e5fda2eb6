/**
 * A lawful message stays lawful on follow-up. With a real-looking court notice in focus, the user's doubt ("骗子发的吧？
 * 好多催收假装是法院的人，我想屏蔽这个号") is their question about the notice — check it yourself, never block it —
 * not conduct to analyse; "被平台告了这合法吗 我去派出所举报行不行" hears that suing is lawful. A few reminders a day
 * are no harassment. A message asking for money into an account it gives is never "a normal reminder", and "转不转"
 * after it is answered "don't" first. Wordings are new (not the tester's).
 */
import { conversation } from '../support/conversation';

const AT = new Date('2026-12-02T15:00:00+08:00');
const COURT = '【广州互联网法院】王五：（2026）粤0192民初7788号 某某网络小额贷款有限公司诉你小额借款合同纠纷一案已受理，请于2026年12月20日前登录人民法院在线服务平台提交答辩状及证据。';
const SUIT = '【某某消费金融】您的借款逾期已超过90天，我司将依法向有管辖权的人民法院提起诉讼，请尽快通过官方App处理。';
const REMINDER = '【某某银行信用卡中心】尊敬的客户，您本期账单已逾期，最低还款额1,280.00元，请登录官方App或拨打客服热线办理还款。';
const PAY_INTO = '客服通知：您的逾期账单请在今晚8点前把3200元打到账户6217001234567890555，户名：刘某，逾期将另行处理。';
const COURT_WITH_AGENT = '【XX区人民法院】你因拖欠网贷已被立案，今晚前不处理将被强制执行，请马上联系办案专员：17188889999';

const firstSentence = (shown: string) => (/^[\s\S]*?[。！？：\n]/.exec(shown.trim())?.[0] ?? shown).trim();
const talk = () => conversation(AT, 'u1', { forwardSentAt: AT });

describe('a lawful court notice in focus, doubted', () => {
  it('"骗子发的吧 … 想屏蔽": verify it yourself, do not block it, judgment in absence — never unlawful or fake', async () => {
    const c = talk();
    await c.forward(COURT);
    const r = await c.say('骗子发的吧？好多催收假装是法院的人，我想屏蔽这个号');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r.shown)).toMatch(/别拉黑|不要拉黑|别不理/);
    expect(r.shown).toMatch(/12368|在线服务/);
    expect(r.shown).toMatch(/缺席判决/);
    expect(r.shown).not.toMatch(/算违法|很可能不是真的|冒充公检法或律师/);
  });

  it('"被平台告了这合法吗 我去派出所举报行不行": suing is lawful, no police matter; answer the suit', async () => {
    const c = talk();
    await c.forward(COURT);
    const r = await c.say('被贷款平台起诉了，这样合法吗？我去派出所报警行不行');
    expect(firstSentence(r.shown)).toMatch(/^合法/);
    expect(r.shown).toMatch(/答辩/);
    expect(r.shown).toMatch(/管辖异议/);
    expect(r.shown).not.toMatch(/算违法|冒充公检法或律师：|很可能不是真的/);
  });

  it('a lender announcing a suit, then "真的假的 我直接删了拉黑算了": never called fake', async () => {
    const c = talk();
    await c.forward(SUIT);
    const r = await c.say('真的假的 我直接删了拉黑算了');
    expect(r.shown).toMatch(/核实/);
    expect(r.shown).toMatch(/缺席判决/);
    expect(r.shown).not.toMatch(/算违法|很可能不是真的/);
  });

  it('new conduct told beside the doubt is still assessed ("是不是诈骗 他们还说要去我家泼油漆")', async () => {
    const c = talk();
    await c.forward(COURT);
    const r = await c.say('是不是诈骗 他们还说要去我家泼油漆');
    expect(r.shown).toMatch(/威胁|恐吓/);
  });
});

describe('a lawful message stays lawful', () => {
  it('"他们今天打了我两个电话 还发了三条" after a lawful reminder: no harassment finding, standards are not law', async () => {
    const c = talk();
    await c.forward(REMINDER);
    const r = await c.say('他们今天打了我两个电话');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r.shown)).toMatch(/不违法/);
    expect(r.shown).toMatch(/不是法律/);
    expect(r.shown).not.toMatch(/治安管理处罚法》第五十条|骚扰你：/);
  });

  it('the details of a lawful suit notice never call the collection unlawful', async () => {
    const c = talk();
    await c.forward(SUIT);
    const r = await c.press('steps');
    expect(r.shown).not.toMatch(/催收的方式违法|催收方式违法/);
  });
});

describe('money into an account the message gives', () => {
  it('the analysis warns (a regulator\'s tip, not law) and never calls it a normal reminder', async () => {
    const c = talk();
    const r = await c.forward(PAY_INTO);
    expect(r.shown).not.toMatch(/正常的催收提醒/);
    expect(r.shown).toMatch(/别按它说的转账|不要.*转/);
    expect(r.shown).toMatch(/官方App|官方客服/);
    expect(r.shown).toMatch(/不是法律/);
  });

  it('"这钱转不转啊": don\'t, first', async () => {
    const c = talk();
    await c.forward(PAY_INTO);
    const r = await c.say('这钱转不转啊');
    expect(firstSentence(r.shown)).toMatch(/^不要/);
    expect(r.shown).toMatch(/官方/);
  });

  it('"办案专员的电话要不要打" after a fake court: not that number; 12368', async () => {
    const c = talk();
    await c.forward(COURT_WITH_AGENT);
    const r = await c.say('办案专员的电话要不要打');
    expect(firstSentence(r.shown)).toMatch(/不要|别/);
    expect(r.shown).toMatch(/12368/);
  });
});
