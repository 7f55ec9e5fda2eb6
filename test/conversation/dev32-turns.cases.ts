/**
 * Turns of the kinds dev32 missed (issue 10), in this file's own wordings:
 * - a third party the debt is told to (村委会, neighbours), a relative's house "to be auctioned", a sibling's loan,
 *   a spouse's loan spent on games;
 * - the 恶意透支 amount told after the crime answer; "一天3次" is no statute; the police "真会管吗";
 * - "别再联系他" is no call-back question; what the bot keeps and shows; "你之前还说了个3次";
 * - a night of calls counted in the question; a lawyer's letter is no court paper; the threat carried out;
 * - "那7000我还是要还吧" names the loan's own amount, not a new loan.
 */
import { conversation as talk } from '../support/conversation';
import { testCore } from '../support/core-deps';

const AT = new Date('2026-07-20T20:00:00+08:00');
beforeAll(() => void testCore(), 120_000);
jest.setTimeout(120_000);

const firstSentence = (s: string) => s.split(/[。！？\n]/)[0]!;

it('guard: the 村委会 told of the debt: not allowed, privacy', async () => {
  const r = await talk(AT, 'village').say('催收扬言要告诉我们村委会我欠网贷 这样行吗');
  expect(firstSentence(r.shown)).toMatch(/不能|不可以|不得/);
  expect(r.shown).toMatch(/隐私|个人信息/);
});

it('guard: neighbours told of the debt: privacy', async () => {
  const r = await talk(AT, 'neighbours').say('他们会不会把我欠款的事讲给邻居听');
  expect(r.shown).toMatch(/隐私|个人信息/);
  expect(r.shown).not.toMatch(/装修|噪音/);
});

it("parents' house to be auctioned: they are not the borrower", async () => {
  const r = await talk(AT, 'parents-house').say('催收说要去法院把我父母的房子拍卖了抵债 真的假的');
  expect(r.shown).toMatch(/不是借款人/);
  expect(r.shown).toMatch(/爸妈|父母|家人/);
});

it("a sister's loan: no duty to pay, beside the insults", async () => {
  const r = await talk(AT, 'sister').say('我姐借的网贷 跟我一点关系没有 催收老给我打电话骂我 我要帮她还吗');
  expect(firstSentence(r.shown)).toMatch(/不用|不需要|没有义务/);
});

it('a spouse spending on live-stream tips: the creditor must prove family use', async () => {
  const c = talk(AT, 'tips');
  await c.say('老婆背着我借的网贷 我要帮她还吗');
  const r = await c.say('她说钱全拿去直播打赏了 家里一分钱没见着');
  expect(r.shown).toMatch(/举证|共同生活/);
  expect(r.shown).toMatch(/债权人|平台/);
});

it('the card principal told after the 恶意透支 answer: below the amount', async () => {
  const c = talk(AT, 'card-amount');
  await c.say('信用卡逾期快四个月了 会被当成恶意透支吗');
  const r = await c.say('我也就欠了一万二本金');
  expect(firstSentence(r.shown)).toMatch(/不构成|一般不|达不到/);
  expect(r.shown).toMatch(/5万/);
});

it('"三次" is no statute', async () => {
  const r = await talk(AT, 'three-calls').say('听人说催收每天只能打三次电话 法律是这么规定的吗');
  expect(firstSentence(r.shown)).toMatch(/不是法律/);
});

it('"警察真的会管吗" after a threat is whether the police take it up', async () => {
  const c = talk(AT, 'police-take-up');
  await c.forward('知道你每天几点下班 走哪条路 再不还钱小心点', new Date('2026-07-20T19:00:00+08:00'));
  const r = await c.say('警察真的会管这种事吗');
  expect(firstSentence(r.shown)).toMatch(/^能/);
  expect(r.shown).not.toMatch(/逾期本身不会坐牢/);
});

it('guard: "能让他们别再联系他吗" is no call-back question', async () => {
  const c = talk(AT, 'stop-colleague');
  await c.forward('张主管您好，贵部门员工周敏在我司借款逾期60天，请您督促她还款，否则我们会每天联系您。', new Date('2026-07-20T10:00:00+08:00'));
  const r = await c.say('主管说他们一直打他电话 能让他们别再联系他吗');
  expect(r.shown).not.toMatch(/先别直接打消息里留的号码/);
  expect(r.shown).toMatch(/停止|别再|要求/);
});

it('what the bot keeps and shows', async () => {
  const c = talk(AT, 'data');
  expect(firstSentence((await c.say('我在这说的话你会不会拿给催收公司看')).shown)).toMatch(/不会/);
  expect((await c.say('你都存了我什么东西')).shown).toMatch(/转发/);
});

it('"你之前还说了个3次" points back at the standard', async () => {
  const c = talk(AT, 'said-three');
  await c.say('催收一天打我几十个电话 能投诉吗');
  const r = await c.say('你之前还说了个什么3次 那是啥');
  expect(r.kind).toBe('answer');
  expect(r.shown).toMatch(/3次/);
  expect(r.shown).toMatch(/不是法律/);
});

it('calls counted in the question make a night of calls a police matter', async () => {
  const c = talk(AT, 'night-calls');
  await c.forward('接电话 今晚别想睡 挂一次打一次', new Date('2026-07-20T01:10:00+08:00'));
  const r = await c.say('一晚上给我打了40多个电话 能报警吗');
  expect(firstSentence(r.shown)).toMatch(/^能/);
  expect(r.shown).toMatch(/通话记录/);
});

it("a licensed lawyer's letter: lawful, and no court paper", async () => {
  const c = talk(AT, 'letter');
  const r = await c.forward('律师函 致：李娜女士 浙江某某律师事务所受某某消费金融有限公司委托，您借款逾期未还，截至2026年7月1日尚欠本金12,000元。请于十日内与委托人协商还款，否则本所将建议委托人依法向人民法院提起诉讼。承办律师：王强 执业证号：13301201910234567', new Date('2026-07-15T10:00:00+08:00'));
  expect(r.shown).toMatch(/不是法院文书|没有强制力/);
  expect(r.shown).not.toMatch(/违法催收(?!，)|(?<!不)是违法/);
});

it('guard: the threat carried out: evidence and the police', async () => {
  const c = talk(AT, 'blast-done');
  await c.forward('今晚不还钱 就把你欠款和身份证发给你通讯录所有人', new Date('2026-07-20T18:00:00+08:00'));
  await c.say('我要不要先跟亲戚说一声');
  const r = await c.say('要是他们真发出去了怎么办');
  expect(r.shown).toMatch(/截图|证据/);
  expect(r.shown).toMatch(/报警/);
});

it("\"那7000我还是要还对吧\" names the loan's own amount", async () => {
  const c = talk(AT, 'own-amount');
  await c.say('在网上找私人借了1万 到手只有7000 说好两周后还1万');
  await c.say('他说不还就去我老家闹');
  const r = await c.say('那7000我还是要还对吧');
  expect(r.shown).toMatch(/本金/);
  expect(r.shown).toMatch(/7000/);
});
