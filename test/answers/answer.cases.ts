/**
 * The offline answer: the verdict first, then the reason naming provisions, one or two steps and the debt line on a
 * first screen of at most 350 characters; the rest behind 'more', the law texts behind 'law'; out of scope says
 * so with 12348 and no citations; LPR figures are dated; "那怎么办" stays on the last topic.
 */
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load';
import { createLexicalRetriever } from '../../src/knowledge/retriever';
import { createOfflineAnswerer, guideCites, SCOPE_GUIDE_ID, type Answer } from '../../src/answers/answer';
import { loadReplies } from '../../src/replies';
import { resolveArticle, versionInForce } from '../../src/knowledge/knowledge';
import { renderText } from '../../src/channels/local/render-text';
import { PACKAGE_ROOT } from '../../src/paths';

const k = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
const replies = loadReplies(join(PACKAGE_ROOT, 'prompts'));
const answerer = createOfflineAnswerer({ knowledge: k, retriever: createLexicalRetriever(k), replies });
const at = new Date('2026-11-30T10:00:00+08:00');
const ask = (q: string, lastTopic?: string, lastEntry?: string): Answer =>
  answerer.answerNow(q, { at, ...(lastTopic ? { lastTopic } : {}), ...(lastEntry ? { lastEntry } : {}) });
const text = (a: Answer) => renderText(a.reply, { buttons: false });

/** Every citation must exist, be in force at `at`, and come from a retrieved guide or article. */
function expectCitationsGrounded(a: Answer): void {
  const grounded = new Set<string>();
  for (const r of a.retrieved) {
    if (r.kind === 'article') grounded.add(`${r.article.law}#${r.article.article}`);
    else for (const c of guideCites(r.guide)) grounded.add(`${c.law}#${c.article}`);
  }
  for (const c of a.reply.citations) {
    expect(resolveArticle(k, c.law, c.article, at)?.article.article).toBe(c.article);
    expect(versionInForce(k, c.law, at)?.articles.has(c.article)).toBe(true);
    expect(grounded).toContain(`${c.law}#${c.article}`);
  }
}

describe('answer shape', () => {
  const a = ask('催收的人说今晚要来我家，他们能闯进来吗');
  const entry = k.guides.find((g) => g.id === a.guideId)?.entries.find((e) => e.id === a.entryId);

  it('opens with the verdict of the question type, then the reason naming provisions, then one or two steps', () => {
    expect(a.outOfScope).toBe(false);
    expect(a.kind).toBe('answer');
    expect(a.guideId).toBe('home-visit');
    expect(entry).toBeDefined();
    const [verdict, reason, ...rest] = a.reply.blocks;
    expect(verdict).toMatchObject({ style: 'paragraph' });
    // The first sentence answers "能闯进来吗": not without consent, and breaking in is unlawful.
    expect(verdict!.text.split('。')[0]).toMatch(/不让进|未经.*同意|不能/);
    expect(reason!.text).toMatch(/第[0-9一二三四五六七八九十百千]+条/);
    const list = rest.find((b) => b.style === 'list');
    expect(list?.items?.length).toBeGreaterThanOrEqual(1);
    expect(list?.items?.length).toBeLessThanOrEqual(2);
    expect(a.reply.blocks.some((b) => b.style === 'quote')).toBe(false); // full law texts sit behind 查看法条
  });

  it('separates the unlawful collection from the debt that is still owed', () => {
    expect(text(a)).toMatch(/欠款/);
  });

  it('cites only held, in-force, retrieved articles and offers them behind 查看法条, the rest behind 更多说明', () => {
    expect(a.reply.citations.length).toBeGreaterThan(0);
    expectCitationsGrounded(a);
    const ids = a.reply.buttons.map((b) => b.id);
    expect(ids).toContain('law');
    expect(ids).toContain('more');
    expect(ids.filter((id) => id.startsWith('g:')).length).toBeLessThanOrEqual(2);
  });

  it('fits one phone screen (at most 350 characters)', () => {
    expect(text(a).length).toBeLessThanOrEqual(350);
  });
});

describe('every guide answers its question in the first sentence', () => {
  // The verdict must be stated in the first sentence, in words that fit whatever the user asked — not as a bare
  // "能。" / "不能。" token that may answer a different question than the user's.
  const leads: Record<string, RegExp> = {
    能: /(能|可以|有权|要还|有人)/,
    不能: /(不能|不会|不是|不要|无权|不得|违法|别)/,
    要看情况: /(要看|不一定|一般|取决|但)/,
  };
  const bare = /^(能|不能|可以|不可以|要看情况|一般算)[。，,]/;
  it.each(k.guides.filter((g) => g.id !== SCOPE_GUIDE_ID && g.verdict).map((g) => [g.id, g.verdict!, g.answer.trim()]))(
    '%s (%s)',
    (_id, verdict, answer) => {
      const first = answer.split(/[。；]/)[0]!;
      expect(first).toMatch(leads[verdict]!);
      expect(answer).not.toMatch(bare);
    },
  );
});

describe('two topics in one question', () => {
  it('gives two short verdicts, one per topic named, and keeps citations grounded', () => {
    const a = ask('催收堵在我家门口不走，还把我欠钱的事群发给我通讯录里的亲戚');
    const verdicts = k.guides.flatMap((g) => g.entries.map((e) => ({ g: g.id, v: e.verdict.trim() })));
    const shown = verdicts.filter((x) => a.reply.blocks.some((b) => b.text === x.v));
    expect(new Set(shown.map((x) => x.g)).size).toBe(2);
    expect(text(a)).toMatch(/通讯录|亲友|家人/);
    expect(text(a)).toMatch(/堵|不让你出门|限制人身自由/);
    expectCitationsGrounded(a);
    expect(text(a).length).toBeLessThanOrEqual(350);
  });
});

describe('one clause asks, the others report what the collectors said', () => {
  it.each(['催收说后天要来 我不让他们进门行吗', '他们又说周末来我家 我能拒绝他们进屋吗'])('%s → the asked question type alone leads', (q) => {
    const a = ask(q);
    const verdicts = k.guides.flatMap((g) => g.entries.map((e) => e.verdict.trim()));
    const shown = verdicts.filter((v) => a.reply.blocks.some((b) => b.text === v));
    expect(shown).toHaveLength(1);
    expect(text(a).split(/[。；]/)[0]).toMatch(/不让|不开门|可以不|拒绝/);
  });
});

describe('whether they may tell the family, not whether the family must pay', () => {
  it.each(['催收真的能告诉我爸妈吗', '他们能告诉我家人吗'])('%s → 不可以随便告诉', (q) => {
    expect(text(ask(q)).split(/[：。]/)[0]).toMatch(/不可以|不能|不得/);
  });
});

describe('out of scope', () => {
  it.each(['公司拖欠我两个月工资，去哪里申请仲裁', '孩子高考志愿怎么填报比较好', '医院误诊了能要求赔偿吗'])('%s → 12348, no citations', (q) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(true);
    expect(a.reply.citations).toEqual([]);
    expect(text(a)).toContain('12348');
  });

  it('routes a neighbouring field to its own hotline, even when the debt is mentioned as background', () => {
    const wages = ask('单位好几个月没发工资 害得我网贷也逾期了 这工资怎么讨回来');
    expect(wages.outOfScope).toBe(true);
    expect(text(wages)).toMatch(/12333/);
    const crash = ask('上周骑电动车被人撞了 对方一直拖着不赔');
    expect(crash.outOfScope).toBe(true);
    expect(text(crash)).toMatch(/122|交警/);
    const divorce = ask('准备和老公离婚 房子写的是他的名字 我能分到一半吗');
    expect(divorce.outOfScope).toBe(true);
    expect(text(divorce)).toMatch(/12348|律师/);
  });

  it('answers what is asked when a neighbouring field is only the background', () => {
    const a = ask('工资一直拖欠 网贷还不上了 能找平台申请延期吗');
    expect(a.outOfScope).toBe(false);
    expect(a.guideId).toBe('negotiate-instalments');
  });

  it('answers an asking clause of ours beside a neighbouring field, never with 不在…范围内', () => {
    const outOfScopeWords = /不在我(掌握|能可靠回答)的/;
    for (const [q, hotline] of [['我欠了网贷，老板拖欠工资，催收天天打电话怎么办', '12333'], ['网购的东西坏了商家不退，信用卡也逾期了怎么办', '12315']]) {
      const a = ask(q!);
      expect(a.outOfScope).toBe(false);
      expect(text(a)).not.toMatch(outOfScopeWords);
      // The field named as background keeps its hotline, within the first screen.
      expect(text(a)).toContain(hotline);
      expect(text(a).length).toBeLessThanOrEqual(350);
    }
    // The neighbouring field asked on its own still goes to its own hotline.
    const consumer = ask('网购的东西坏了商家不给退货');
    expect(consumer.outOfScope).toBe(true);
    expect(text(consumer)).toContain('12315');
  });

  it('routes a question that names a neighbouring field and nothing of ours, whatever retrieval ranks first', () => {
    for (const q of ['驾照被扣了6分要去学习吗', '我想立个遗嘱 需要什么手续', '股票被套了要不要割肉', '住院费医保能报多少']) {
      const a = ask(q);
      expect(a.outOfScope).toBe(true);
      expect(a.reply.citations).toEqual([]);
    }
  });

  it('keeps a question naming a neighbouring word beside our field, or following our answer, in scope', () => {
    // 医院 and 工资 are neighbouring words; 崔收 (corrected to 催收) and 冻 name our field.
    for (const q of ['崔收天天打到我上班的医院 能投诉吗', '法院把我工资卡冻了 能不能留点生活费']) expect(ask(q).outOfScope).toBe(false);
    // 开除 names labour, but right after the workplace answer it is a follow-up about the collector's call.
    expect(ask('我会不会被开除啊', 'off-hours-and-workplace').outOfScope).toBe(false);
  });

  it('does not refuse short in-scope questions', () => {
    for (const q of ['催收电话打爆了', '债主说要告我', '网贷还不上了怎么办']) expect(ask(q).outOfScope).toBe(false);
  });
});

describe('dated figures', () => {
  it('says which day the LPR figure is from and where to check the current one', () => {
    const t = text(ask('找私人借的钱，利息最高能收多少'));
    expect(t).toContain(k.lpr.latest_confirmed);
    expect(t).toContain('chinamoney.com.cn');
    expect(t).toContain(`${k.lpr.rows[k.lpr.rows.length - 1]!.rate.toFixed(1)}%`);
  });

  it('reads the contract date of an interest question with slips corrected (利西 → 利息)', () => {
    expect(text(ask('找私人借的 2025年3月写的借条 利西算高吗'))).toContain('12.4%');
  });

  it('adds no LPR note where the answer does not mention it', () => {
    expect(text(ask('催收打电话骂我'))).not.toContain(k.lpr.latest_confirmed);
  });
});

describe('follow-ups', () => {
  it('"那怎么办" answers with the steps of the last topic', () => {
    const a = ask('那怎么办', 'home-visit');
    expect(a.guideId).toBe('home-visit');
    const guide = k.guides.find((g) => g.id === 'home-visit')!;
    expect(a.suggestions).toEqual(guide.steps.map((s) => s.trim()).slice(0, a.suggestions.length));
    expectCitationsGrounded(a);
  });

  it('a real new question is answered on its own topic, not the last one', () => {
    expect(ask('那征信上的记录多久能消', 'home-visit').guideId).toBe('credit-report');
  });

  it('a follow-up the last topic has a question type for stays on it', () => {
    const within = ask('不是不想还 实在是拿不出钱', 'jail-and-crime', 'credit-card');
    expect(within.guideId).toBe('jail-and-crime');
    expect(text(within)).toMatch(/非法占有/);
    expect(text(within)).toMatch(/协商|分期/);
    // The same words without that context are a negotiation question.
    expect(ask('不是不想还 实在是拿不出钱').guideId).toBe('negotiate-instalments');
    const part = ask('先还上一部分 有没有用', 'jail-and-crime', 'card-no-money');
    expect(part.guideId).toBe('jail-and-crime');
    expect(text(part)).toMatch(/本金/);
  });

  it('a follow-up naming another topic more plainly moves on', () => {
    expect(ask('那征信上的不良记录多久能消', 'dishonest-list', 'how-long').guideId).toBe('credit-report');
  });

  it('when one clause of a longer question asks, that clause decides the question type', () => {
    const a = ask('他说可以减免罚息 那我转到他给的私人账户行不行');
    expect(a.guideId).toBe('official-repayment');
    expect(text(a)).toMatch(/^(不要|不行|别)/);
  });

  it('without a last topic, "那怎么办" is not answered from a guide', () => {
    expect(ask('那怎么办').guideId).toBeUndefined();
  });
});

describe('key facts reach the answer', () => {
  it('a payment order answer says how to object and what does not count', () => {
    const a = ask('法院发来支付令 我想说现在没钱 要分期 这样写异议行不行');
    expect(a.guideId).toBe('payment-order');
    const t = text(a);
    expect(t).toContain('书面异议');
    expect(t).toContain('15日');
    expect(t).toMatch(/不影响支付令/);
    expectCitationsGrounded(a);
  });

  it('money sent to a self-styled collector is treated as possible fraud', () => {
    const t = text(ask('有人冒充平台的催收 我把钱转到他给的卡上了 平台说没入账'));
    expect(t).toContain('诈骗');
    expect(t).toContain('官方客服');
  });

  it('what a 限高 order forbids is spelled out for train questions', () => {
    const t = text(ask('被限制高消费了 过年回家能坐动车二等座吗 还是只能坐绿皮车'));
    expect(t).toContain('G字头');
    expect(t).toContain('一等');
  });
});

describe('English questions', () => {
  it.each([
    ['they keep calling me like 30 times a day, is this legal', 'harassment-calls', /骚扰|侵扰|轰炸/],
    ['which number do i call to complain about debt collectors', 'complaint-channels', /12378|110/],
    ['can they tell my parents about my loan', 'contacts-disclosure', /不能|不可以/],
    ['will i go to jail if i cannot pay my online loan', 'jail-and-crime', /不会/],
    // Filler words (now, still, but, want) are not what the question is about: it is not refused for them.
    ['what should I do now? I still want to pay but in installments', 'negotiate-instalments', /分期|协商/],
  ])('%s → %s', (q, guide, first) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(false);
    expect(a.guideId).toBe(guide);
    expect(text(a).split(/[。\n]/)[0]).toMatch(first);
  });
});

describe('Cantonese questions', () => {
  // 可唔可以, 佢哋, 而家 … are read as their Mandarin twins, so the question type is recognised.
  it.each([
    ['我可唔可以報警', /110|派出所/],
    ['催收上門 我可唔可以報警', /110|派出所/],
  ])('%s names where to report', (q, where) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(false);
    expect(text(a).split(/[。\n]/)[0]).toMatch(where);
  });
});

describe('cannot afford to pay', () => {
  it('says the debt is still owed and points to negotiating, not to personal bankruptcy', () => {
    const a = ask('我欠了1万2 现在真的还不起 是不是就不用还了');
    expect(a.guideId).not.toBe('personal-bankruptcy');
    const t = text(a);
    expect(t.split(/[。\n]/)[0]).toMatch(/要还|仍要|不会.*消失/);
    expect(t).toMatch(/协商|分期/);
    expect(t).toMatch(/起诉|应诉/);
  });
});

describe('deciding not to pay', () => {
  it('answers "他们能拿我咋样" with what follows from not paying, not with what unlawful collection does not cancel', () => {
    const a = ask('我决定不还了 爱咋咋地 反正就几千块 他们能拿我咋样');
    expect(a.entryId).toBe('consequences');
    expect(text(a)).toMatch(/起诉|强制执行|征信/);
  });

  it('answers whether harassment has run out of time with the 6-month rule counted from the last act', () => {
    const a = ask('催收骚扰从3月持续到现在 第一次是8个月前 是不是已经过期不能处罚了');
    expect(a.guideId).toBe('complaint-channels');
    expect(text(a)).toMatch(/最后一次/);
  });
});

describe('a neighbouring field asked with the debt as background', () => {
  it('routes "工资咋要回来" to 12333 when the wages are both the background and the question', () => {
    for (const q of ['老板拖了我三个月工资不发 我才还不上网贷的 工资咋要', '公司拖欠我三个月工资 所以我才还不上网d 工资能要回来吗']) {
      const a = ask(q);
      expect(a.outOfScope).toBe(true);
      expect(text(a)).toMatch(/12333/);
    }
  });

  it('keeps ours what asks about repaying, a court paper or collectors, whatever field word it carries', () => {
    for (const q of ['那他婚内偷偷借的网贷 离婚后我要不要一起还', '父亲去世了 他生前欠了网贷 催收找我们子女还 我们没继承什么东西', '工资拖欠了 网贷还不上 能申请延期吗']) {
      expect(ask(q).outOfScope).toBe(false);
    }
  });
});

describe('question types added for issue 10, point 6 (session 8)', () => {
  it('how the collectors got the contacts: the app permission or unlawful collection, and what to do', () => {
    const a = ask('催收咋会有我全部联系人的号码 我又没给');
    expect(a.guideId).toBe('contacts-disclosure');
    expect(text(a)).toMatch(/授权|权限/);
    expect(text(a)).toMatch(/个人信息保护法/);
    expect(text(a)).toMatch(/12321|12378/);
    expectCitationsGrounded(a);
  });

  it('paying a collector on their personal WeChat or Alipay (Cantonese too): official channels only', () => {
    for (const q of ['我妈想直接把钱打到催收个人支付宝 行不行', '佢想转钱去催收个人微信 得唔得']) {
      const a = ask(q, 'contacts-disclosure');
      expect(a.guideId).toBe('official-repayment');
      expect(text(a)).toMatch(/^不要转/);
      expect(text(a)).toMatch(/官方/);
    }
  });

  it("after the spouse's-debt answer, gambling money the family never saw is not a joint debt", () => {
    const a = ask('一个字我都没签 他借的全拿去网上赌输光了 家里一分钱没见到', 'spouse-debt');
    expect(a.guideId).toBe('spouse-debt');
    expect(text(a)).toMatch(/不属于夫妻共同债务/);
  });
});
