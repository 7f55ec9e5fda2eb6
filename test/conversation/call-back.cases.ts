/**
 * A follow-up about the message in focus, however many answers ago it was analysed: "要不要打那个李警官的电话" is
 * about the number it left (not about recording calls), and "刚才那条法律" after an answer to one of its claims
 * ("会坐牢吗") explains what the message itself was judged under.
 */
import { conversation } from '../support/conversation';

const AT = new Date('2026-11-21T10:35:00+08:00');
const FAKE_POLICE = '【XX市公安局经侦支队】张伟，你在XX借款平台恶意拖欠贷款已涉嫌诈骗罪，我局已立案侦查，限你今日18点前处理，否则明日上门拘传并通知你单位。联系人：李警官 15876543210';
const FAKE_COURT = '【XX区人民法院传票】案号(2026)民催字第8843号 被告王海：你因恶意拖欠网贷涉嫌诈骗，限你24小时内联系执行专员13712345678处理，否则明日上门拘传，冻结你名下全部银行卡。';
const REMINDER = '【XX消费金融】尊敬的客户，您的借款已逾期3天，请及时通过官方App还款或致电400-000-0000咨询。';

const firstSentence = (shown: string) => (/^[\s\S]*?[。！？：\n]/.exec(shown.trim())?.[0] ?? shown).trim();
const talk = () => conversation(AT, 'u1', { forwardSentAt: AT });

describe('whether to call the number a message left', () => {
  it('after a fake police message, a couple of answers on: not that number; 110 or the police station', async () => {
    const c = talk();
    await c.forward(FAKE_POLICE);
    await c.say('会坐牢吗');
    const r = await c.say('那我该怎么办 要不要打那个李警官的电话');
    expect(firstSentence(r.shown)).toMatch(/不要|别/);
    expect(r.shown).toMatch(/110|派出所/);
    expect(r.shown).not.toMatch(/录音/);
  });

  it('right after a fake court notice: not that number; 12368', async () => {
    const c = talk();
    await c.forward(FAKE_COURT);
    const r = await c.say('上面那个手机号我要不要打过去');
    expect(firstSentence(r.shown)).toMatch(/不要|别/);
    expect(r.shown).toMatch(/12368/);
  });

  it('after a lawful reminder: look the number up through official channels first, no "don\'t"', async () => {
    const c = talk();
    await c.forward(REMINDER);
    const r = await c.say('上面那个号码我要不要打过去');
    expect(firstSentence(r.shown)).not.toMatch(/^不要/);
    expect(r.shown).toMatch(/官方/);
  });
});

describe('"刚才那条法律" after an answer about one of the message\'s claims', () => {
  it('explains what a fake court notice was judged under, not the jail answer\'s 诈骗罪', async () => {
    const c = talk();
    await c.forward(FAKE_COURT);
    await c.say('上面那个手机号我要不要打过去');
    await c.say('会坐牢吗');
    const r = await c.say('刚才那条法律啥意思');
    expect(firstSentence(r.shown)).toMatch(/冒充|伪造|第六十二条|第六十三条|第二百八十条/);
  });

  it('after the fake police call-back answer, explains the impersonation provision', async () => {
    const c = talk();
    await c.forward(FAKE_POLICE);
    await c.say('会坐牢吗');
    await c.say('那我该怎么办 要不要打那个李警官的电话');
    const r = await c.say('刚才那条法律啥意思');
    expect(r.shown).toMatch(/招摇撞骗|冒充/);
  });

  it('an answer on another subject keeps its own provision ("能录音吗" → the evidence rule)', async () => {
    const c = talk();
    await c.forward(FAKE_COURT);
    await c.say('他们打电话来我能录音吗');
    const r = await c.say('刚才那条法律啥意思');
    expect(firstSentence(r.shown)).not.toMatch(/招摇撞骗|冒充/);
  });
});
