/** Crisis first: the user's own wish to die or hurt themselves, not a collector's words or an idiom. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { detectCrisis } from '../../src/analysis/crisis';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';
import { readJsonl, scoreCrisis, type LabelledCrisis } from '../../bench/analyze';

const rules = loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis'));

describe('detectCrisis', () => {
  it.each([
    '我不想活了',
    '被逼得想死',
    '真的活不下去了，每天都是催收电话',
    '我想从楼上跳下去',
    '欠了三十万，想轻生',
    '不 想 活 了',
    '我真的不想活了，每天醒來都是催收短信',
    '想一了百了',
    '我死了是不是就不用还了',
    '安眠药我已经攒够了',
    '想死的心都有了',
    '催收说要逼死我，我现在真的想死',
    '欠了二十万 还不上 不如去死',
    '死了是不是一了百了 债也就没了？',
    '人没了 网代还要还吗',
    '太累了 想永远消失',
    'sometimes i just want to end it all',
    '公司知道了 把我开了 我活着干嘛',
    '他说得对 我去死了他们就拿不到钱了',
    '催收说的没错 我去死算了',
  ])('detects %s', (text) => {
    expect(detectCrisis(text, rules)).toBe(true);
  });

  it.each([
    '催收说要逼死我',
    '你怎么不去死',
    '催收员：你想死吗？',
    '笑死我了，催收打给我前任',
    '急死了，明天就到还款日',
    '累死了，加班到十点',
    '这个跳楼价减免要不要接受',
    '想死你了，好久不见',
    '我不会想不开的，放心',
    '我想尽快结束这笔债务',
    '手机死机了',
    '今天接了个电话 开口就问我是不是不想活了',
    '这点钱都还不起 你活着还有什么意思',
    '我不想让他们消失，我只想他们别打了',
    '催收说我不如去死',
  ])('ignores %s', (text) => {
    expect(detectCrisis(text, rules)).toBe(false);
  });

  // Death named as the only way out, in a question or a plain sentence: a "~3" inside the data line once split it
  // so that each of these needed a second 死 after it, and none was heard.
  it.each([
    '欠了四家 我是不是只剩死这一条路了',
    '还不上了 只能去死了吧',
    '我咋还不死啊',
    '想来想去除了死没别的出路',
    '是不是只有死路一条了',
    '逼急了我就死给他们看',
  ])('detects death as the only way out: %s', (text) => {
    expect(detectCrisis(text, rules)).toBe(true);
  });

  it.each([
    '这事只能死磕到底了',
    '没钱只有死扛着',
    '我已经死心了 不借了',
    '他们骂我你咋还不死',
    '催收说不还钱你只有死路一条',
  ])('ignores 死 as doggedness or a collector’s words: %s', (text) => {
    expect(detectCrisis(text, rules)).toBe(false);
  });

  it('ignores a collector’s line in a transcript but not the user’s', () => {
    expect(detectCrisis('催收员：不还你就去跳楼吧\n我：我会还的', rules)).toBe(false);
    expect(detectCrisis('催收员：不还钱试试\n我：我已经不想活了', rules)).toBe(true);
  });

  it('is right on at least 95% of eval/analyze/crisis.jsonl', () => {
    const file = join(PACKAGE_ROOT, 'eval', 'analyze', 'crisis.jsonl');
    expect(existsSync(file)).toBe(true);
    const rows = readJsonl<LabelledCrisis>(file);
    expect(scoreCrisis(rules, rows).accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
