/**
 * Multi-turn behaviour of the conversation through handleTurn with the real core (turn understanding, analyzer,
 * answerer, follow-ups) over the memory store: who is speaking, what counts as evidence, follow-ups on the focus,
 * crisis mode, buttons that expire, described conduct kept only on request.
 */
import { handleTurn } from '../../src/conversation/conversation';
import { conversation as talk, type Shown } from '../support/conversation';
import { FIRST_SCREEN_MAX, shownLength } from '../../src/screen-fit';

const AT = new Date('2026-06-01T10:00:00+08:00');

const conversation = (user = 'u1') => talk(AT, user);

const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

describe('who is speaking: the user\'s own words never become evidence', () => {
  it('answers a worried question that quotes a collector, and keeps nothing', async () => {
    const c = conversation();
    for (const q of ['孩子真的不能考公吗', '他们说我孩子以后不能考公 是真的吗', '催收说要爆我通讯录 能投诉吗']) {
      const r = await c.say(q);
      // A report of what a collector said may be assessed (kind analysis), but it is never kept as their words.
      expect(['answer', 'analysis']).toContain(r.kind);
      expect(r.evidenceSaved).toBe(0);
      expect(r.notices.some((n) => n.kind === 'saved')).toBe(false);
    }
    expect(await c.evidence()).toHaveLength(0);
  });

  it('keeps nothing when the user repeats a complaint many times', async () => {
    const c = conversation();
    for (let i = 0; i < 23; i++) await c.say('催收一直打电话');
    expect(await c.evidence()).toHaveLength(0);
  });

  it('analyses and keeps a pasted collector message it is sure of, once', async () => {
    const c = conversation();
    const msg = '【速借宝】张伟，你已逾期87天，今天下午5点前不还款，我们的人就上门找你，后果自负，别逼我们动手。';
    const first = await c.say(msg);
    expect(['analysis', 'confirmation']).toContain(first.kind);
    if (first.kind === 'confirmation') await c.press('spk:c');
    const again = await c.forward(msg);
    expect(again.evidenceSaved).toBe(0);
    expect(await c.evidence()).toHaveLength(1);
  });

  /** The state after the bot asked who wrote `text` (as askSpeaker leaves it). */
  async function asked(c: ReturnType<typeof conversation>, text: string): Promise<void> {
    await c.store.update('test:u1', (s) => {
      s.pending = { kind: 'confirm_speaker', since: AT.toISOString(), data: { text } };
      s.offered = { at: AT.toISOString(), buttons: [{ id: 'spk:c', label: '这是催收发来的原话' }, { id: 'spk:u', label: '这是我自己的问题' }] };
    });
  }

  it('analyses and keeps the text when the user says a collector wrote it', async () => {
    const c = conversation();
    await asked(c, '不还钱就等着，你家住哪我们都清楚，明天让你好看');
    const r = await c.press('spk:c');
    expect(r.kind).toBe('analysis');
    expect(r.evidenceSaved).toBe(1);
    expect(await c.evidence()).toHaveLength(1);
  });

  it('answers the text as a question, and keeps nothing, when the user says it is theirs', async () => {
    const c = conversation();
    await asked(c, '不还钱会坐牢吗');
    const r = await c.say('这是我自己的问题');
    expect(r.kind).not.toBe('analysis');
    expect(r.shown).toMatch(/坐牢|刑事|诈骗/);
    expect(await c.evidence()).toHaveLength(0);
  });

  it('asks with the two buttons rather than guess, for a short threat-like line with no sender', async () => {
    const c = conversation();
    const r = await c.say('不还就等着');
    expect(r.evidenceSaved).toBe(0);
    expect(r.kind).toBe('confirmation');
    expect(r.buttons.map((b) => b.label)).toEqual(['这是催收发来的原话', '这是我自己的问题']);
  });

  it('asks before keeping a typed line in a collector\'s voice that nothing shows was pasted', async () => {
    for (const line of ['你再装死 我们就联系你公司HR 让全公司都知道你欠钱不还', '欠网贷不还就是诈骗 要判刑的 逃不掉']) {
      const c = conversation();
      const r = await c.say(line);
      expect(r.kind).toBe('confirmation');
      expect(r.evidenceSaved).toBe(0);
      // Said to be the collector's, it is analysed and kept; the same message forwarded later is not kept twice.
      const kept = await c.press('spk:c');
      expect(kept.kind).toBe('analysis');
      expect((await c.forward(line)).evidenceSaved).toBe(0);
      expect(await c.evidence()).toHaveLength(1);
    }
  });

  it('reads a report of what the user found, quoting the graffiti, as the user\'s own words', async () => {
    const c = conversation();
    const r = await c.say('早上一出门 发现门锁被人灌了胶水 门上用红油漆写着"欠债还钱 王小军是老赖" 肯定是米粒贷那帮催收干的');
    expect(r.kind).not.toBe('confirmation');
    expect(r.evidenceSaved).toBe(0);
    expect(r.shown).toMatch(/报警|110/);
    expect(await c.evidence()).toHaveLength(0);
  });

  it('answers the question a report ends with, not a verdict on the conduct around it', async () => {
    const c = conversation();
    const r = await c.say('催收打给我妈 说我妈是紧急联系人 要替我还钱 我妈真的要还吗');
    expect(firstSentence(r)).toMatch(/^(不用|不需要|不必|没有)/);
    expect(r.shown).toMatch(/担保|保证/);
  });

  it('keeps a typed message at once when its structure shows it was pasted', async () => {
    const c = conversation();
    const r = await c.say('【速借宝】张伟，你已逾期87天，今天下午5点前不还款，我们的人就上门找你，后果自负，别逼我们动手。');
    expect(r.kind).toBe('analysis');
    expect(r.evidenceSaved).toBe(1);
  });

  it('answers a question typed while the bot waits to hear who wrote a line, and keeps nothing', async () => {
    const c = conversation();
    await c.say('不还钱就爆你通讯录');
    const r = await c.say('催收能上门吗');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/上门/);
    expect(await c.evidence()).toHaveLength(0);
  });
});

describe('a person who says they are safe after care has run its turns', () => {
  it('is heard, not thanked', async () => {
    const c = conversation();
    await c.say('真的撑不下去了 欠了二十多万 每天被催 不想活了');
    for (const t of ['没用的 谁也帮不了我', '他们说明天去我公司闹 我该怎么办', '我还在 就是很累']) await c.say(t);
    const r = await c.say('我现在安全 谢谢你');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/安全/);
    expect(r.shown).toMatch(/12356/);
    // And it is over: the next turn is an ordinary one.
    expect((await c.say('征信多久能消')).kind).toBe('answer');
  });
});

describe('crisis mode meets what the person says next', () => {
  it('tells someone whose help is on the way that they did well, and keeps care', async () => {
    const c = conversation();
    expect((await c.say('我吃了一整瓶安眠药 对不起')).kind).toBe('crisis');
    const r = await c.say('我打了120 他们在路上了');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/做得很好/);
    expect(r.shown).toMatch(/120/);
    expect((await c.say('有点困了')).kind).toBe('crisis');
  });

  it('tells a parent whose son said he wants to die to act now, keeps it urgent until he is found, then cares for them', async () => {
    const c = conversation();
    const first = await c.say('我儿子网贷欠了钱 刚给我发消息说对不起 说要去死 现在电话打不通');
    expect(first.kind).toBe('crisis');
    expect(first.shown).toMatch(/110/);
    expect(first.shown).toMatch(/12356/);
    expect(first.shown).not.toMatch(/还款义务|不用替/);
    const where = await c.say('他住在学校宿舍 在外地');
    expect(where.kind).toBe('crisis');
    expect(where.shown).toMatch(/辅导员|保卫处|室友/);
    const found = await c.say('辅导员说找到他了 人没事');
    expect(found.kind).toBe('crisis');
    expect(found.shown).toMatch(/陪着他/);
    expect(found.shown).toMatch(/12356/);
    expect((await c.say('他的债我们当父母的要替他还吗')).kind).toBe('answer');
  });

  it('sends someone with pills ready to the person in the next room, and answers no debt question that was not asked', async () => {
    const c = conversation();
    expect((await c.say('我把安眠药都准备好了 一瓶 对不起老婆孩子')).kind).toBe('crisis');
    const near = await c.say('老婆在隔壁房间');
    expect(near.kind).toBe('crisis');
    expect(near.shown).toMatch(/去找/);
    expect(near.shown).not.toMatch(/共同债务|第1064条/);
    const call = await c.say('好 我给我姐打个电话');
    expect(call.kind).toBe('crisis');
    expect(call.shown).toMatch(/12356/);
    expect(call.shown).not.toMatch(/民法典|治安管理处罚法/);
  });

  it('does not hear "报警也没用" as despair because the bot had just asked for a loan number', async () => {
    const c = conversation();
    expect((await c.say('借了1万 到手8千 这利息合不合法')).shown).toMatch(/？/);
    expect((await c.say('他们说报警也没用 警察不管网贷的事')).kind).not.toBe('crisis');
    const d = conversation();
    expect((await d.say('借了1万 到手8千 这利息合不合法')).shown).toMatch(/？/);
    expect((await d.say('还不上了 真的不想活了')).kind).toBe('crisis');
  });

  it('does not hear a collector cursing a relative as that relative at risk', async () => {
    const c = conversation();
    expect((await c.say('催收说要逼死我儿子 这能报警吗')).kind).not.toBe('crisis');
  });

  it('speaks of a wound on the way to help only when the person said they were hurt, and opens with thanks', async () => {
    const c = conversation();
    expect((await c.say('我现在在江边 不想回去了 想跳下去')).kind).toBe('crisis');
    const r = await c.say('我打了110 他们说马上到');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/^谢谢你告诉我/);
    expect(r.shown).not.toMatch(/伤口/);
    const hurt = conversation();
    await hurt.say('刚刚拿刀划了手 真的想结束这一切');
    expect((await hurt.say('室友回来了 他在陪我')).shown).toMatch(/伤口/);
  });

  it('hears words taken back with safety said outright as safe, and the next question is answered', async () => {
    const c = conversation();
    expect((await c.say('真想一觉睡过去再也不醒 这样就不用接催收电话了')).kind).toBe('crisis');
    const back = await c.say('我说睡过去不是那个意思 就是太久没睡好 我没事 很安全 别担心');
    expect(back.shown).not.toMatch(/你现在安全吗/);
    const next = await c.say('他们说要去我单位闹 我能做啥');
    expect(next.kind).not.toBe('crisis');
  });

  it('hears a bare "没事了" after a farewell note as no word of safety: care and the lines go on', async () => {
    const c = conversation();
    expect((await c.say('爸 对不起 欠的钱我下辈子再还 你们多保重 帮我看看这段话行不行')).kind).toBe('crisis');
    const r = await c.say('没事了 别问了');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/12356/);
    expect(r.shown).not.toMatch(/听到你说现在安全/);
  });

  it('ends care when someone is with them and they say they no longer want to die', async () => {
    const c = conversation();
    expect((await c.say('活着太累了 想一了百了')).kind).toBe('crisis');
    await c.say('表姐过来了 一直陪着 我不想死了');
    const next = await c.say('催收打我爸电话合法吗');
    expect(next.kind).not.toBe('crisis');
  });

  it('keeps care when words are taken back but the wish to die is said again', async () => {
    const c = conversation();
    expect((await c.say('真想一觉睡过去再也不醒 这样就不用接催收电话了')).kind).toBe('crisis');
    const r = await c.say('我不是那个意思 我就是不想活了');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/12356|110|120/);
  });

  it('answers a question asked together with "I am safe", after saying it is glad', async () => {
    const c = conversation();
    await c.say('说实话这几天有好几次想过死了算了');
    const r = await c.say('现在没那个想法了 我安全的 就是想问问 网贷逾期会坐牢吗');
    expect(r.shown).toMatch(/安全/);
    expect(r.shown).toMatch(/不会|民事/);
    expect((await c.say('征信多久能消')).kind).toBe('answer');
  });
});

describe('self-injury told', () => {
  it('hears cuts told body part first as acute, and keeps wound care in view on the next turn', async () => {
    const c = conversation('sh1');
    const first = await c.say('我刚才手划了几道 看到血才觉得好受点');
    expect(first.kind).toBe('crisis');
    expect(first.shown).toMatch(/120/);
    expect(first.shown).toMatch(/止血|伤口/);
    const next = await c.say('不深 没事的 别管我');
    expect(next.kind).toBe('crisis');
    expect(next.shown).toMatch(/伤口|止血/);
    expect(next.shown).toMatch(/12356/);
  });

  it('does not hear an injury done by collectors ("手上被划了一道") as self-harm', async () => {
    const r = await conversation('sh2').say('我手上被划了一道口子 是他们推我的时候');
    expect(r.kind).not.toBe('crisis');
  });

  it('hears assurance written in traditional characters ("我唔會做傻事") as safety, and answers the next question plainly', async () => {
    const c = conversation('sh4');
    await c.say('我係唔係死咗就冇人再打嚟催我 好攰');
    const safe = await c.say('我冇事 我唔會做傻事嘅 你放心');
    expect(safe.kind).toBe('crisis');
    const next = await c.say('佢哋話要搵我屋企人還錢 係唔係真㗎');
    expect(next.kind).toBe('answer');
    expect(firstSentence(next)).not.toMatch(/安全吗/);
  });

  it('hears "我没事 真的没想怎么样" as safety, not a question to answer', async () => {
    const c = conversation('sh3');
    await c.say('真想死了算了 这日子没法过了');
    const r = await c.say('行 我没事 真的没想怎么样');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/12356/);
    expect(r.citations).toEqual([]);
  });
});

describe('an answer given in crisis mode', () => {
  it('keeps care and the answer on one first screen', async () => {
    const c = conversation();
    await c.say('真的撑不下去了 欠了二十多万 每天被催 不想活了');
    const r = await c.say('他们说明天去我公司闹 我该怎么办');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/安全吗/);
    expect(r.shown).toMatch(/12356/);
    expect(shownLength(r.blocks)).toBeLessThanOrEqual(FIRST_SCREEN_MAX);
  });
});

describe('a letter from a law firm', () => {
  it('says how to check the firm, first when the user asks about it', async () => {
    const c = conversation();
    const first = await c.forward('【华正律师事务所】律师函\n赵大勇：你在好运来钱包的借款已严重逾期，经本所核查，你已涉嫌恶意透支诈骗，本所已向法院申请立案，三日内不还将由公安上门拘传。');
    expect(first.shown).toMatch(/12348|司法局/);
    const r = await c.say('这律所是真的不 我咋查');
    expect(r.shown).toMatch(/12348|司法局/);
    expect(r.shown).toMatch(/执业证号/);
  });
});

describe('buttons are valid only for the reply that offered them', () => {
  it('calls a number expired when no button was offered, and never analyses it', async () => {
    const c = conversation();
    const r = await c.say('1');
    expect(r.kind).not.toBe('analysis');
    expect(r.shown).toMatch(/已过期/);
    expect(await c.evidence()).toHaveLength(0);
  });

  it('presses the current reply\'s buttons by number and retires the previous reply\'s', async () => {
    const c = conversation();
    const analysed = await c.forward('再不还钱，明天就上门泼油漆，让你全家不得安宁');
    const law = analysed.buttons.findIndex((b) => b.id === 'law');
    expect(law).toBeGreaterThanOrEqual(0);
    const shown = await c.say(String(law + 1));
    expect(shown.shown).toMatch(/第五十条/);
    const stale = await c.press('tpl');
    expect(stale.shown).toMatch(/已过期/);
  });

  it('lists the options that are valid now when a stale one is pressed', async () => {
    const c = conversation();
    await c.say('/delete');
    const r = await c.say('5');
    expect(r.shown).toMatch(/已过期/);
    expect(r.buttons.map((b) => b.id)).toEqual(['del:yes', 'del:no']);
  });
});

describe('crisis mode', () => {
  it('keeps care and the lines for the next turns, with no cold verdict', async () => {
    const c = conversation();
    const first = await c.say('活着没意思 想从楼上跳下去一了百了');
    expect(first.kind).toBe('crisis');
    expect(first.shown).toContain('12356');
    for (const next of ['没人能帮我 打热线有什么用', '我不会真的去死的 就是很难受', '那我欠的钱到底怎么办']) {
      const r = await c.say(next);
      expect(r.kind).toBe('crisis');
      expect(r.shown).toMatch(/12356/);
      expect(r.shown).toMatch(/安全/);
      expect(r.shown).not.toMatch(/正常的催收提醒|超出了我掌握的资料/);
    }
  });

  it('ends when the person says they are safe, with a caring reply', async () => {
    const c = conversation();
    await c.say('真的不想活了');
    const safe = await c.say('我现在好多了 我是安全的');
    expect(safe.kind).toBe('crisis');
    expect(safe.shown).toMatch(/12356/);
    const after = await c.say('催收能上门吗');
    expect(after.kind).toBe('answer');
    expect(firstSentence(after)).not.toMatch(/安全吗/);
  });

  it('hears "safe" said with someone there or a promise as the end of care, even when still tired', async () => {
    const c = conversation('safe-tired');
    await c.say('活着真没意思了 家里人都知道了 我就是个拖累 不想再拖累他们了');
    await c.say('你说这些有什么用 钱又不会变出来');
    const safe = await c.say('我现在在家 我老婆在旁边 我不会做傻事的 就是好累');
    expect(safe.kind).toBe('crisis');
    expect(safe.shown).toMatch(/12356/);
    const next = await c.say('那我妈要替我还吗 她什么都没签过');
    expect(next.kind).toBe('answer');
    expect(firstSentence(next)).not.toMatch(/安全吗/);
  });

  it('hears "安全了 谢谢你" after care has ended as safe, never "who wrote this?", but not someone blocking the door', async () => {
    const c = conversation('safe-after');
    await c.say('药已经攒够了 今晚就在出租屋里结束 对不起我爸妈');
    await c.say('楼下邻居来敲门 我让她进来了 药也交给她了');
    const r = await c.say('现在在邻居家 安全了 谢谢你');
    expect(r.kind).not.toBe('confirmation');
    expect(r.shown).not.toMatch(/催收发给你的原话/);
    const door = await conversation('door').say('现在有两个人堵在我家门口不让我出门 说不还钱今天哪也别想去');
    expect(door.shown).toMatch(/110/);
  });

  it('escalates a plan, a place or means at hand to calling 120 / 110 now', async () => {
    const c = conversation();
    const r = await c.say('药我都买好了 今晚就全吃了');
    expect(r.kind).toBe('crisis');
    expect(firstSentence(r)).toMatch(/120|110/);
  });

  it('runs crisis detection on forwarded text and command words too', async () => {
    const c = conversation();
    const r = await c.say('/call 13800001111 我真的不想活了');
    expect(r.kind).toBe('crisis');
  });
});

describe('described calls judged by the standard', () => {
  it('calls frequent calls in the night harassment, in Cantonese too, but says "要看" for frequency alone', async () => {
    const night = await conversation('n1').say('佢哋日日凌晨两三点打嚟 一晚打十几个 我瞓唔到 合法咩');
    expect(firstSentence(night)).toMatch(/属于骚扰/);
    const often = await conversation('n2').say('他们每天打好几次电话催 这合法吗');
    expect(firstSentence(often)).toMatch(/要看/);
  });
});

describe('follow-ups on an answer', () => {
  it('reads "那我爸妈呢" with the question just answered: do the parents have to pay', async () => {
    const c = conversation();
    await c.say('紧急联系人要还吗');
    const r = await c.say('那我爸妈呢');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/父母|爸妈/);
    expect(r.shown).toMatch(/不用还|没有.{0,4}义务|不用替/);
    expect(r.shown).not.toMatch(/^不可以随便告诉/);
  });

  it('explains the provision the last answer cited, not "no provision was cited"', async () => {
    const c = conversation('p1');
    const first = await c.say('砍头息合法吗');
    expect(first.citations.length).toBeGreaterThan(0);
    const r = await c.say('刚才说的法条什么意思');
    expect(r.shown).not.toMatch(/没有引用具体的法条/);
    expect(r.shown).toContain(first.citations[0]!.law);
  });

  it('says the principal is what was received, with the user\'s numbers', async () => {
    const c = conversation('p2');
    await c.say('借款合同写借3万 砍头收了6000服务费 只到账24000');
    const r = await c.say('那本金算多少');
    expect(firstSentence(r)).toMatch(/24,?000/);
    expect(r.citations.some((x) => x.law === '民法典' && x.article === '670')).toBe(true);
  });

  it('answers "我要还多少" about a deducted loan with the principal received, not a question for the term', async () => {
    const r = await conversation('p3').say('合同写借我10000 但到手只有7000 说3000是服务费 现在让我还10000加利息 我要还多少');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/7,?000/);
    expect(r.shown).not.toMatch(/还几期|多少天/);
  });

  it('answers "这算砍头息吗" about a deducted fee without asking for the schedule: likely, decided case by case, principal received', async () => {
    const r = await conversation('p6').say('XX网络小贷 合同写借1万 到手8500 说1500是服务费 这算砍头息吗');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/算/);
    expect(r.shown).toMatch(/8,?500/);
    expect(r.shown).toMatch(/个案/);
    expect(r.citations.some((x) => x.law === '民法典' && x.article === '670')).toBe(true);
  });

  it('answers the cap on a new amount after a rate and the contract date were told, not a question for the schedule', async () => {
    const c = conversation('p7');
    await c.say('平台说日息万五 很低的 这个年化多少啊');
    await c.say('合同是2025年9月签的 借我钱的是个人 不是平台');
    const r = await c.say('借了3万 借满一年 那最多该付多少利息');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/3,?600/);
  });

  it('answers "does 4 × LPR bind it" about the loan with the verdict for the lender first, then the loan\'s rate', async () => {
    const c = conversation('p8');
    await c.say('借了2万 到手17000 每个月还2000 还12期');
    const licensed = await c.say('放款的是一家小额贷款公司 那4倍LPR管不管它');
    expect(firstSentence(licensed)).toMatch(/不直接|持牌/);
    expect(licensed.shown).toMatch(/年化约/);
    const other = conversation('p9');
    await other.say('借了2万 到手17000 每个月还2000 还12期');
    const unknown = await other.say('合同是2024年3月签的 4倍LPR能管到它吗');
    expect(firstSentence(unknown)).toMatch(/要看/);
    // 4 × the one-year LPR of March 2024 (3.45 %) is 13.8 %; the date was told, so it is not asked again.
    expect(unknown.shown).toMatch(/13\.8%/);
    expect(unknown.shown).not.toMatch(/哪天签/);
  });

  it('answers "还要还吗" about a loan known by its stated rate with that rate against the cap', async () => {
    const r = await conversation('p4').say('找社会上的人借了2万 月息10个点 已经还了3万了 他说还欠2万5 我还要还吗');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/还要还/);
    expect(r.shown).toMatch(/120%/);
    expect(r.shown).toMatch(/4倍|LPR/);
  });

  it('computes a loan told over three turns when the third asks, with the numbers of the first two', async () => {
    const c = conversation('p10');
    await c.say('在一个app上借了1万');
    await c.say('但是到手只有8000 说扣了2000服务费');
    const r = await c.say('分12期 每期还1000 这利息合法吗');
    expect(r.kind).toBe('answer');
    // 8,000 received, 12 × 1,000 repaid: about 82 % a year on the money received.
    expect(r.shown).toMatch(/年化约 ?8[0-4](\.\d+)?%/);
    expect(r.shown).toMatch(/8,?000/);
  });

  it('answers "这利息法院认吗" about a private loan known by its monthly rate with the rate against that date\'s cap', async () => {
    const c = conversation('p11');
    await c.say('2022年3月通过朋友介绍找一个私人老板借了3万 打了借条');
    await c.say('说好月息2分 每个月给他600利息 后来还不上了');
    const r = await c.say('现在他说要去法院告我 这利息法院认吗');
    expect(r.kind).toBe('answer');
    expect(firstSentence(r)).toMatch(/24%/);
    // March 2022: one-year LPR 3.7 %, so the cap is 14.8 %.
    expect(firstSentence(r)).toMatch(/3\.7%.*14\.8%/);
    const quoted = await c.say('4倍LPR是多少 网上有人说12%');
    expect(quoted.kind).not.toBe('clarify');
    expect(quoted.shown).toMatch(/14\.8%/);
  });

  it('starts the check when the user asks about their own loan before giving any number, and keeps a date told on its own', async () => {
    const c = conversation('p12');
    const first = await c.say('我想问下我这个利息合不合法');
    expect(first.kind).toBe('clarify');
    const second = await c.say('找一个私人老板借的 不是平台 借了2万');
    expect(second.kind).toBe('clarify');
    const dated = await c.say('借条是2025年9月写的');
    expect(dated.kind).toBe('clarify');
    const r = await c.say('说好一年后还26000');
    expect(r.kind).toBe('answer');
    // Private, September 2025: 4 × LPR (3.0 %) = 12 %; 6,000 on 20,000 over a year is above it.
    expect(firstSentence(r)).toMatch(/超过私人放贷上限（12%）/);
    expect(r.shown).toMatch(/6,?000/);
  });

  it('hears a threat asked about while a loan number is awaited as a question, not as the number', async () => {
    const c = conversation('p5');
    const asked = await c.say('借了1万 到手8000 利息合法吗');
    // The deduction is answered at once (民法典670), then a number of the loan is asked for.
    expect(asked.shown).toMatch(/还多少|几期|多少天/);
    const r = await c.say('他说不还就找人收拾我 能报警不');
    expect(r.kind).not.toBe('clarify');
    expect(r.shown).toMatch(/110|报警/);
  });
});

describe('fear of retaliation and a debt sold on', () => {
  it('answers "报了警他们会不会报复我" with how reporting protects, not the jail answer', async () => {
    const r = await conversation('rt1').say('报了警他们会不会报复我');
    expect(firstSentence(r)).toMatch(/报复/);
    expect(r.shown).toMatch(/110/);
    expect(r.shown).not.toMatch(/坐牢/);
  });
  it('answers "债被卖了 是不是就不用还原来那家了" with the assignment rules', async () => {
    const r = await conversation('rt2').say('债被卖了 是不是就不用还原来那家了');
    expect(r.shown).toMatch(/转让|新债权人/);
  });
});

describe('after a visit', () => {
  it('reads "走了" after collectors came to the door as them leaving, and their word to come back with people as a threat', async () => {
    const c = conversation('bp1');
    await c.say('上们来了 在敲门 不走 咋整');
    const r = await c.say('走了 吓死我了 他们还说下回带人来');
    expect(r.shown).not.toMatch(/遗产|继承/);
    expect(r.shown).toMatch(/带人上门/);
    expect(r.shown).toMatch(/报警|110/);
  });
});

describe('conduct that took property', () => {
  it('names a collector posing as a relative to get money from a parent as possible fraud, and recovery goes through the police', async () => {
    const c = conversation('tk1');
    const r = await c.say('催收冒充我表哥加了我妈微信 说我出车祸了急需用钱 我妈转了3000过去 后来才发现是催收公司的人');
    expect(r.kind).toBe('analysis');
    expect(firstSentence(r)).toMatch(/诈骗/);
    expect(r.citations.map((x) => `${x.law}${x.article}`)).toContain('刑法266');
    const back = await c.say('这钱能要回来吗');
    expect(firstSentence(back)).toMatch(/报警/);
    expect(back.shown).toMatch(/转账记录/);
  });

  it('names a phone grabbed as 抢夺 and answers "手机还能要回来吗" two turns later with the police', async () => {
    const c = conversation('tk2');
    const r = await c.say('今天去他们公司想协商分期 结果被两个人推了一把 手机也被抢走了 不让我走 关在屋里两个多小时');
    expect(r.shown).toMatch(/抢夺/);
    await c.say('这能报警吗');
    const back = await c.say('手机还能要回来吗');
    expect(back.kind).toBe('answer');
    expect(firstSentence(back)).toMatch(/报警/);
  });
});

describe('is it a crime', () => {
  it('answers "这算侮辱罪吗" after described conduct with the crime and its condition, and "我这算犯罪吗" about the user', async () => {
    const c = conversation('cr1');
    await c.say('他们把我照片和欠款发到我家族群里了 还骂我是骗子');
    const r = await c.say('这算侮辱罪吗 报警有用不');
    expect(firstSentence(r)).toMatch(/侮辱罪/);
    expect(r.citations.some((x) => x.law === '刑法' && x.article === '246')).toBe(true);
    const own = await c.say('我这算犯罪吗');
    expect(firstSentence(own)).toMatch(/不会|不是犯罪|民事/);
  });
});

describe('is it a crime, after the guides answered', () => {
  it('judges the conduct the user described before when no analysis is in focus', async () => {
    const c = conversation('cr2');
    await c.say('催收把我身份证照片和欠款截图发到我们公司大群 领导都找我谈话了 这能告吗');
    const r = await c.say('这个算刑事犯罪吗');
    expect(firstSentence(r)).toMatch(/^要看/);
    expect(r.shown).toMatch(/253条之一|侵犯公民个人信息/);
    expect(r.shown).not.toMatch(/不会因为还不上钱坐牢/);
  });
});

describe('described conduct dated by a month', () => {
  it('dates "今年5月份…后来停了 现在12月了" by the month, so the six-month limit leads', async () => {
    const r = await talk(new Date('2026-12-06T10:00:00+08:00'), 'm1').say('今年5月份催收天天半夜打我 骂得很难听 后来停了 现在12月了还能报警吗');
    expect(firstSentence(r)).toMatch(/^要看/);
    expect(r.shown).toMatch(/最后一次/);
    expect(r.citations.some((c) => c.law === '治安管理处罚法' && c.article === '25')).toBe(true);
  });
});

describe('a message with several false consequences', () => {
  it('answers each of them on the first screen, within its budget', async () => {
    const c = conversation();
    const r = await c.forward('【借呗呗】您已逾期90天，系统已将您列入全国失信黑名单，子女今后政审考公参军一律不通过，银行卡将全部冻结。');
    expect(r.kind).toBe('analysis');
    // Three different false claims, each answered as not true, not only the first one found.
    expect(r.shown).toMatch(/冻结/);
    expect(r.shown).toMatch(/考公|政审/);
    expect(r.shown).toMatch(/黑名单/);
    expect((r.shown.match(/不是真的/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(r.shown.replace(/\s/g, '').length).toBeLessThanOrEqual(FIRST_SCREEN_MAX);
  });
});

describe('follow-ups resolve against the last reply', () => {
  it('checks a fake court notice\'s claims and says how to verify', async () => {
    const c = conversation();
    await c.forward('【XX区人民法院】你因恶意拖欠网贷已被立案，传票已发出，请于今日18点前转账至以下个人账户结清，否则明天派人上门拘传。');
    const r = await c.say('他们说的是真的吗');
    expect(r.kind).toBe('answer');
    expect(r.shown).toMatch(/12368/);
    expect(r.shown).not.toMatch(/超出了我掌握的资料/);
  });

  it('answers "真的会动手吗" after a veiled threat that never says what they would do', async () => {
    const c = conversation();
    await c.forward('【好分期】陈伟你女儿在XX小学三年级二班吧 放学路上注意点 出了什么事别怪我们没提醒🔪🔪');
    const r = await c.say('他们说的是真的吗 真的会动手吗');
    expect(r.kind).toBe('answer');
    expect(r.shown).not.toMatch(/没有需要辨真假/);
    expect(r.shown).toMatch(/110|报警/);
  });

  it('gives the steps for the findings on "那我该怎么办"', async () => {
    const c = conversation();
    await c.forward('再不还钱，明天就上门泼油漆，让你全家不得安宁');
    const r = await c.say('那我该怎么办');
    expect(r.shown).toMatch(/110|报警/);
    expect(r.shown).toMatch(/证据|截图|录音/);
  });

  it('answers "这个能报警吗" for the conduct in focus', async () => {
    const c = conversation();
    await c.forward('再不还钱，明天就上门泼油漆，让你全家不得安宁');
    const r = await c.say('这个能报警吗');
    expect(firstSentence(r)).toMatch(/能|可以/);
    expect(r.shown).toMatch(/110|派出所/);
  });

  it('explains the provision the user points at', async () => {
    const c = conversation();
    await c.forward('再不还钱，明天就上门泼油漆，让你全家不得安宁');
    const r = await c.say('刚才说的那条法律是什么意思');
    expect(r.shown).toMatch(/治安管理处罚法|第五十条/);
  });
});

describe('described conduct', () => {
  it('assesses what collectors did, and keeps it as a note only when the user asks', async () => {
    const c = conversation();
    const r = await c.say('他们在我家门上贴了欠债不还的纸 还用红油漆喷了字 这算什么');
    // It asks only "what is this": the assessment of the conduct is the reply, an analysis.
    expect(r.kind).toBe('analysis');
    expect(r.categories).toEqual(expect.arrayContaining(['privacy_disclosure']));
    expect(r.evidenceSaved).toBe(0);
    expect(r.buttons.map((b) => b.id)).toContain('note:save');
    expect(await c.evidence()).toHaveLength(0);
    const saved = await c.press('note:save');
    expect(saved.evidenceSaved).toBe(1);
    const [note] = await c.evidence();
    expect(note!.kind).toBe('note');
  });

  it('assesses conduct the user asks "can they do this" about, as an analysis with the verdict first', async () => {
    const c = conversation();
    const r = await c.say('催收打电话给我们村支书 说我欠钱不还是老赖 他们能这样吗');
    expect(r.kind).toBe('analysis');
    expect(r.categories!.length).toBeGreaterThan(0);
    expect(r.shown.split(/[。；\n]/)[0]).toMatch(/违法|不能|不可以|不合法/);
    expect(r.evidenceSaved).toBe(0);
  });

  it('answers an open "what now" a turn after the analysed threat with the steps against that threat', async () => {
    const c = conversation();
    await c.forward('今天不还 明天就带人去你们公司门口拉横幅 让全公司都知道你是个骗子');
    await c.say('这种我能告他吗');
    const r = await c.say('我上班的地方在写字楼里 他们真来了我要做啥');
    expect(r.shown).toMatch(/110|报警/);
    expect(r.shown).toMatch(/截图|录音|证据/);
    expect(r.shown).not.toMatch(/破产|上班时间打你本人/);
  });

  it('answers a yes-or-no about one step, not the list of steps, though it says "要不要"', async () => {
    const c = conversation();
    await c.forward('阿姨您好，您儿子在我司平台借款一万二已逾期，作为家长请您督促他尽快还款，否则我们将上门拜访您和您的邻居。');
    const r = await c.say('我妈吓坏了 要不要让她拿养老钱替我还');
    expect(r.shown.split(/[。；\n]/)[0]).not.toMatch(/最要紧的一步/);
    expect(r.shown).toMatch(/不用|不需要|没有(义务|责任)|自愿/);
  });

  it('meets fear that asks for someone to talk to with care and the 12356 line, not the last legal topic', async () => {
    const c = conversation();
    await c.say('关机的话会不会被说成失联 直接起诉我');
    const r = await c.say('这阵子压力好大 有没有人能陪我说说话');
    expect(r.shown).toMatch(/12356/);
    expect(r.shown).not.toMatch(/应诉|答辩|缺席/);
  });

  it('answers "会不会坐牢" asked beside "what now" after a lawful lawsuit notice, first', async () => {
    const c = conversation();
    await c.forward('【某某消费金融】您的借款已逾期120天，我司已委托律师准备材料，将依法向您户籍地人民法院提起诉讼，请于本月底前联系官方客服协商。');
    const r = await c.say('那我该怎么办 真被告了会不会坐牢');
    expect(firstSentence(r)).toMatch(/不会/);
    expect(r.shown).toMatch(/应诉/);
  });

  it('answers "这条能当证据吗" asked beside "what now" after an analysed threat, first', async () => {
    const c = conversation();
    await c.forward('三天内不还钱 就让你在这个城市待不下去 你家门口天天有人等着');
    const r = await c.say('那我该怎么办 这个截图能当证据吗');
    expect(firstSentence(r)).toMatch(/^能/);
    expect(r.shown).toMatch(/号码|时间/);
  });

  it('tells the user not to send money when a fake authority writes, though it names no account', async () => {
    const c = conversation();
    const r = await c.forward('【某某市公安局经侦支队】通知：你因恶意拖欠网贷已被立案侦查，48小时内不处理将上门拘传，冻结你名下所有银行卡。');
    expect(r.categories).toContain('impersonation');
    expect(r.shown).toMatch(/(别|不要)[^。]{0,6}转账/);
  });

  it('answers "截图了 然后呢" after an unlawful message with the steps after keeping evidence', async () => {
    const c = conversation();
    await c.forward('再不还钱 就把你的照片和身份证发到你们单位群里 让所有人都认识你');
    const r = await c.say('截屏了 接下来呢');
    expect(r.shown).toMatch(/举报|投诉|报警|110|12321/);
    expect(r.shown.split(/[。；\n]/)[0]).not.toMatch(/保存证据/);
  });

  it('answers a question put to the bot ("…你懂不") as the user\'s own, never "who wrote this?"', async () => {
    const c = conversation();
    const r = await c.say('我们村宅基地分配的事你懂不');
    expect(r.kind).toBe('answer');
    expect(r.evidenceSaved).toBe(0);
    expect(r.shown).toMatch(/12348|律师/);
  });

  it('still asks who wrote a line in a collector\'s voice that names a visit, though it says "你知道吗"', async () => {
    const r = await conversation().say('你知道吗 我们明天就去你家找你');
    expect(r.kind).not.toBe('answer');
  });

  it('calls a bare report of conduct an analysis', async () => {
    const c = conversation();
    const r = await c.say('昨天晚上三个人堵在我家门口不让我出门 一直骂我是老赖');
    expect(r.kind).toBe('analysis');
    expect(r.categories).toEqual(expect.arrayContaining(['violence']));
    expect(r.evidenceSaved).toBe(0);
  });
});
