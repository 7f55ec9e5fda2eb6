/**
 * Issue 11: kinds fresh-questions-28 (development data) answered wrongly, in wordings of this file's own: a relative's
 * or a spouse's own property named as what the court will seize for the borrower's debt (enforcement reaches only the
 * 被执行人: 民事诉讼法 253, 255), paint on the door and 老赖 written or posted about the borrower (conduct, not the
 * dishonest list), a child told 父债子还 (the family question type names two of its cues where the general overdue type
 * names none), and pinyin typed without characters (our field, not out of scope).
 */
import { answerer, screen } from '../support/offline-answerer';

const AT = { at: new Date('2026-12-08T10:00:00+08:00') };
const ask = (q: string) => answerer.answerNow(q, AT);

describe('a relative’s own property and the borrower’s debt', () => {
  it('parents: enforcement reaches only the 被执行人 (民事诉讼法255)', () => {
    const a = ask('他们说法院会查封我爸妈的房子来抵我欠的钱 这是真的吗');
    expect(a.entryId).toBe('family-property');
    const s = screen(a);
    expect(s).toMatch(/^不能/);
    expect(s).toMatch(/被执行人/);
    expect(s).toMatch(/第255条/);
  });

  it('a spouse’s own card after the borrower was sued: depends on being a 被执行人', () => {
    const a = ask('我老婆的网贷已经判决了 我自己名下的储蓄卡会不会被法院冻住');
    expect(a.guideId).toBe('spouse-debt');
    expect(a.entryId).toBe('spouse-assets');
    const s = screen(a);
    expect(s).toMatch(/^要看你是不是被执行人/);
    expect(s).toMatch(/第253条/);
  });
});

describe('conduct, not the dishonest list', () => {
  it('red paint on the door is soft violence: report it', () => {
    const a = ask('门上被他们用红漆喷了欠钱还钱几个大字 昨晚弄的 我该咋办');
    expect(a.guideId).toBe('home-visit');
    expect(screen(a)).toMatch(/软暴力/);
  });

  it('called 老赖 and 骗子 under a post is an insult', () => {
    const a = ask('骂我是老赖还是骗子 跑到我微博下面评论');
    expect(a.guideId).toBe('insults');
  });
});

describe('a child told 父债子还', () => {
  it('the family question type answers', () => {
    const a = ask('我上高三 催收给我打电话说父债子还 我爸的网贷和信用卡不还就找到学校来');
    expect(a.guideId).toBe('who-must-pay');
    expect(a.entryId).toBe('family');
  });
});

describe('pinyin typed without characters', () => {
  it('is our field, answered like its characters', () => {
    const a = ask('wangdai yuqi hui zuolao ma');
    expect(a.outOfScope).toBe(false);
    expect(a.guideId).toBe('jail-and-crime');
  });

  it('spaced syllables too', () => {
    const a = ask('cuishou shuo yao bao tong xun lu hefa ma');
    expect(a.outOfScope).toBe(false);
  });
});
