/**
 * Northern first-person and "what do I do" words (俺 = 我, 俺娘 = 我妈, 仨 = 三个, 咋弄 = 怎么办) are the user
 * speaking, not pasted text to confirm; and "他们都这样了 我还要还吗" opens with the debt still owed, not "不能"
 * (the unlawful-collection entry's verdict had answered only "就不用还了吧"-style questions). The second dialect
 * case is a guard (it passed before). Left: "他们都那样了 那我还要还吗" still reads a debt sold on, and a turn that also
 * reports conduct ("…骂我 他们都这么干了 我还要还吗") still gets the conduct's verdict first. Wordings are this
 * file's own, none from an eval set.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-21T19:30:00+08:00');
let n = 0;
const conversation = () => talk(AT, `nd${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();

describe('northern dialect: the user telling what is happening', () => {
  it.each([
    '俩男的坐在俺家门口不走 说今天不还钱俺哪也别去 咋弄',
    '仨人在俺单位门口拉着俺不让走 俺爹都吓坏了 咋搞啊',
  ])('"%s" is answered (110), not asked whether a collector wrote it', async (text) => {
    const r = await conversation().say(text);
    expect(r.kind).not.toBe('confirmation');
    expect(r.shown).toMatch(/110|报警/);
    expect(r.evidenceSaved ?? 0).toBe(0);
  });
});

describe('"they did all this, do I still have to repay?"', () => {
  it.each(['他们这是违法催收吧 那我还要还吗'])(
    '"%s" opens: the debt is still owed',
    async (text) => {
      const r = await conversation().say(text);
      const first = firstSentence(r);
      expect(first).toMatch(/还是要还|仍要还|仍然要还|要还/);
      expect(first).not.toMatch(/^不能/);
      // about the collection just told, not another topic (a debt sold on, the family's liability)
      expect(first).toMatch(/催收|违法/);
      expect(r.shown).not.toMatch(/债权转让|新债权人/);
    },
  );
});
