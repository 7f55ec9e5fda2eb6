/**
 * What the user reports collectors or lenders said, and the small words around it (issue 10, the dev17 misses by
 * kind): a threat of bodily harm told by whoever lent is conduct to report, even right after an answer; a question
 * that only reports what was said is answered, with no offer to keep the user's own words as evidence; Cantonese
 * question forms ask; back from a dangerous place is a step to safety, not a brush-off; a lender named with a
 * person ("一个老板") is who lent; "超出的部分还要给吗" asks about the interest above the cap; a follow-up naming one
 * part of a message with several findings ("大半夜发…", "骂人那部分") judges that part alone. Wordings are this
 * file's own, none from an eval set.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-20T21:00:00+08:00');
let n = 0;
const conversation = () => talk(AT, `rw${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

describe('a threat of bodily harm, told right after an answer', () => {
  it.each([
    ['借的是高利贷 利息还要给吗', '债主讲再不给钱就砍我'],
    ['私人借的钱合同无效吗', '放贷的人说不还就打残我'],
  ])('after "%s", "%s" is a threat to report (110), not the answer\'s topic again', async (question, threat) => {
    const c = conversation();
    await c.say(question);
    const r = await c.say(threat);
    expect(r.shown).toMatch(/威胁|恐吓/);
    expect(r.shown).toMatch(/报警|110/);
  });
});

describe('a question that only reports what collectors said', () => {
  it('offers no evidence note, and a number pressed then saves nothing', async () => {
    const c = conversation();
    const r = await c.say('催收的说我这属于恶意逃债 要抓我去坐牢 是真的吗');
    expect(r.buttons.some((b) => b.id === 'note:save')).toBe(false);
    const pressed = await c.say('1');
    expect(pressed.evidenceSaved ?? 0).toBe(0);
    expect(await c.evidence()).toHaveLength(0);
  });

  it('a report of what they did, with no question, still offers the note', async () => {
    const c = conversation();
    const r = await c.say('他们昨天在我家门口贴了我的照片 写我欠钱不还');
    expect(r.buttons.some((b) => b.id === 'note:save')).toBe(true);
  });
});

describe('Cantonese questions', () => {
  it('"…可唔可以…" after care, with safety said, is answered', async () => {
    const c = conversation();
    await c.say('我真係好攰 唔想再活落去');
    const r = await c.say('我冇事啦 好安全 想問下催收可唔可以成日打俾我阿媽');
    expect(r.kind).not.toBe('crisis');
    expect(firstSentence(r)).toMatch(/不可以|不能|不应|一般不|要看/);
  });

  it('"…係咪犯法" about calls to the employer is judged as that conduct', async () => {
    const c = conversation();
    const r = await c.say('催收日日打去我公司 同我同事講我欠錢 係咪犯法');
    expect(firstSentence(r)).toMatch(/违法|侵犯|属于/);
    expect(r.shown).toMatch(/单位|同事|领导/);
  });
});

describe('back from the dangerous place, in crisis mode', () => {
  it('"下来了 回房间了" is met as a step to safety, not as a brush-off', async () => {
    const c = conversation();
    await c.say('我现在坐在阳台栏杆上 不想活了');
    const r = await c.say('下来了 回房间了');
    expect(r.kind).toBe('crisis');
    expect(firstSentence(r)).toMatch(/回来|放心|谢谢/);
    expect(r.shown).not.toMatch(/不追着问/);
    expect(r.shown).toMatch(/12356/);
  });
});

describe('the loan check: who lent, and the part above the cap', () => {
  const loan = async () => {
    const c = conversation();
    await c.say('借条上写借两万 实际只打给我16000');
    await c.say('每个月还2000 一共12个月');
    return c;
  };

  it('"一个老板 个人放的" with the signing date compares with 4×LPR on that date', async () => {
    const c = await loan();
    const r = await c.say('借钱给我的是同事介绍的一个老板 个人放的 2025年3月5号签的');
    expect(r.shown).toMatch(/4倍|四倍/);
    expect(r.shown).toMatch(/2025年3月5日/);
  });

  it('"那超出的那部分也要还吗" after the comparison is about the interest above the cap', async () => {
    const c = await loan();
    await c.say('借钱给我的是同事介绍的一个老板 个人放的 2025年3月5号签的');
    const r = await c.say('那超出的部分也要还吗');
    expect(r.shown).toMatch(/超过|超出/);
    expect(r.shown).toMatch(/不支持|拒付|返还/);
    expect(r.shown).not.toMatch(/债权转让|新债权人/);
  });
});

describe('one part of a message with several findings', () => {
  const NIGHT = new Date('2026-11-20T01:40:00+08:00');
  const insulted = async () => {
    const c = talk(AT, `rw${++n}`, { forwardSentAt: NIGHT });
    await c.forward('你个废物 老赖 再装死不还钱试试');
    return c;
  };

  it('"大半夜发这种合法吗" is judged by the standard it breaks, not as a statute broken', async () => {
    const c = await insulted();
    const r = await c.say('大半夜发这种合法吗');
    expect(firstSentence(r)).toMatch(/^要看/);
    expect(r.shown).toMatch(/标准/);
    expect(r.shown).not.toMatch(/^不能/);
  });

  it('"那骂我那部分呢" judges the insult: unlawful, with what to do', async () => {
    const c = await insulted();
    await c.say('大半夜发这种合法吗');
    const r = await c.say('那骂我那部分呢');
    expect(firstSentence(r)).toMatch(/违法/);
    expect(r.shown).toMatch(/侮辱|辱骂/);
  });

  it('a turn that names something new is not a part of the message ("他们还打给我老婆骂她")', async () => {
    const c = await insulted();
    const r = await c.say('他们还打给我老婆骂她 这算违法吗');
    expect(r.shown).not.toMatch(/这一点/);
  });
});

describe('who lent, told beside conduct', () => {
  it('a lender and someone contacted with something done to them is still conduct', async () => {
    const c = conversation();
    await c.say('前年找同事的朋友借了2万 说好月息4分 这利息合法吗');
    const r = await c.say('他现在说要去我厂里闹 让我同事都知道');
    expect(r.shown).toMatch(/隐私|第三|同事|单位/);
  });
});
