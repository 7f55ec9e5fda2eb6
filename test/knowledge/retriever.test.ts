/**
 * Retrieval: folding, slips, tokens, expansion and recall on phrasings written for this test (not the eval set).
 */
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load';
import { createLexicalRetriever, type RetrievedItem } from '../../src/knowledge/retriever';
import { bigrams, compileTypos, foldText, loadTypos, tokenize } from '../../src/knowledge/tokenize';
import { PACKAGE_ROOT } from '../../src/paths';

const k = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
const retriever = createLexicalRetriever(k);
const typos = loadTypos(join(PACKAGE_ROOT, 'knowledge', 'lexicon', 'typos.yaml'));

const guideIds = (items: RetrievedItem[]) => items.flatMap((i) => (i.kind === 'guide' ? [i.guide.id] : []));
function articlesOf(items: RetrievedItem[]): Set<string> {
  const out = new Set<string>();
  for (const it of items) {
    if (it.kind === 'article') out.add(`${it.article.law}#${it.article.article}`);
    else for (const c of [...it.guide.cites, ...it.guide.sections.flatMap((s) => s.cites)]) out.add(`${c.law}#${c.article}`);
  }
  return out;
}

describe('folding and slips', () => {
  it('folds traditional characters and full-width forms', () => {
    expect(foldText('網貸徵信 ＡＢＣ１２')).toBe('网贷征信 abc12');
  });

  it('corrects common slips anywhere and Latin shorthand only as whole words', () => {
    const t = compileTypos([['崔收', '催收'], ['上们', '上门'], ['cs', '催收']]);
    expect(t.fix(foldText('崔收说明天上们'))).toBe('催收说明天上门');
    expect(t.fix('cs说要来')).toContain('催收');
    expect(t.fix('docs and csv')).toBe('docs and csv');
  });

  it('glosses English phrases as whole words, longer phrases first', () => {
    const t = compileTypos([['legal', '合法'], ['is this legal', '合法吗'], ['call', '打电话']]);
    expect(t.fix('is  this legal??')).toContain('合法吗');
    expect(t.fix('is this legal??')).not.toMatch(/is|this/);
    expect(t.fix('illegal or recall')).toBe('illegal or recall');
  });

  it('reads English questions with the knowledge base\'s English glossary', () => {
    const q = retriever.correct?.('Can they CALL my mom?') ?? '';
    expect(q).toContain('打电话');
    expect(q).toContain('我妈');
  });

  it('ships a typo table that knows the usual slips', () => {
    expect(typos.fix(foldText('征心 坐劳 網代 支付领'))).toBe('征信坐牢网贷支付令');
  });

  it('reads a query the way retrieval does: folded and corrected', () => {
    expect(retriever.correct?.('這個利西合法嗎')).toBe('这个利息合法吗');
  });
});

describe('tokens', () => {
  it('keeps jieba words and drops bigrams that touch a one-character stopword', () => {
    const tokens = tokenize('催收上门了', k.stopwords);
    expect(tokens).toEqual(expect.arrayContaining(['催收', '上门', '~催收', '~收上', '~上门']));
    expect(bigrams('上门了', k.stopwords)).not.toContain('~门了');
  });
});

describe('expansion', () => {
  it('lay words pull in the concept the guides use (嘴上 → 口头、书面确认)', () => {
    const q = '他们嘴上答应的减免靠得住吗';
    const plain = createLexicalRetriever({ ...k, expansions: [] }, { typos });
    const score = (items: RetrievedItem[]) => items.find((i) => i.kind === 'guide' && i.guide.id === 'negotiate-instalments')?.score ?? 0;
    expect(score(retriever.retrieve(q, 10))).toBeGreaterThan(score(plain.retrieve(q, 10)));
    expect(guideIds(retriever.retrieve(q, 3))).toContain('negotiate-instalments');
  });
});

describe('recall on new phrasings (typos, traditional, slang)', () => {
  const cases: Array<[string, string, string[]]> = [
    ['崔收的人说今晚要上们来堵我', 'home-visit', ['民法典#1033']],
    ['征心上的逾期记录能保留几年', 'credit-report', ['征信业管理条例#16']],
    ['欠网代还不上会不会坐劳', 'jail-and-crime', ['刑法#266']],
    ['他們把我的欠款告訴了我所有親戚', 'contacts-disclosure', ['民法典#1038']],
    ['收到一张说是法院寄来的支付领 我该怎么回', 'lawsuit-and-summons', ['民事诉讼法#227']],
    ['拖了三年多的网贷是不是就过了时效不用还了', 'limitation-period', ['民法典#195']],
    ['cs让我把钱打到他私人wx上', 'official-repayment', ['合同编通则解释#48']],
    ['自称是法院的人说我明天就要被抓', 'impersonation-fake-documents', ['治安管理处罚法#62']],
    ['法院寄的支付令上写的服务费我不同意 异议书怎么写', 'payment-order', ['民诉法解释#436']],
    ['催收打语音说他知道我住哪个小区 叫我掂量一下', 'threats-and-violence', ['治安管理处罚法#50']],
    ['我帮同事的网贷签了单保 现在平台只找我', 'who-must-pay', ['民法典#687']],
    ['七八年前的老账 一直没人催 现在冒出来个公司要我还', 'limitation-period', ['民法典#192']],
    ['催收跟我老婆说了我在哪些平台借了多少 这样透露合法吗', 'contacts-disclosure', ['民法典#1038']],
  ];
  it.each(cases)('%s → %s', (q, guide, articles) => {
    const top = retriever.retrieve(q, 3);
    expect(guideIds(top)).toContain(guide);
    const found = articlesOf(top);
    for (const a of articles) expect(found).toContain(a);
  });

  it('reaches recall@3 ≥ 0.9 over these phrasings', () => {
    const recall = cases.reduce((sum, [q, , articles]) => {
      const found = articlesOf(retriever.retrieve(q, 3));
      return sum + articles.filter((a) => found.has(a)).length / articles.length;
    }, 0) / cases.length;
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('coverage', () => {
  it('is high for a debt question and low for one made of words we do not hold', () => {
    expect(retriever.coverage('催收天天打电话骚扰我')).toBeGreaterThan(0.8);
    expect(retriever.coverage('邻居家的猫抓伤了我的宠物狗')).toBeLessThan(0.4);
  });

  it('does not count words only the out-of-scope guide uses as known', () => {
    expect(retriever.coverage('抚养权和探视权')).toBeLessThan(0.3);
  });
});
