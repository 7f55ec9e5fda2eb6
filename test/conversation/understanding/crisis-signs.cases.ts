/**
 * Structural crisis signs: the combination reader and the respeller on small data of the test's own (so the
 * mechanism is tested apart from the shipped wording), then the shipped signs on wordings written for this file —
 * none of them is in eval/understanding/ or knowledge/ verbatim: each is a new instance of a structure (things
 * given away + "no use any more", a death hypothetical + the debt, a dangerous place + a step forward) or a near
 * miss that shares one half of it with an everyday reason.
 */
import { realUnderstanding } from './setup';
import { createSignReader } from '../../../src/conversation/understanding/crisis-signs';
import { createRespeller } from '../../../src/conversation/understanding/crisis-respell';
import { createCueCompiler } from '../../../src/conversation/understanding/cues';
import type { DialogueContext } from '../../../src/conversation/understanding/types';

describe('the sign reader', () => {
  const { data } = realUnderstanding();
  const compiler = createCueCompiler(data.lexicon);
  const read = createSignReader(
    {
      signs: { GIVE: ['赠出'], DONE: ['完毕'], BOTH: ['赠出完毕'], EDGE: ['崖边'], STEP: ['迈步'] },
      together: [
        { level: 'risk', all: ['GIVE', 'DONE'], unless: ['搬迁'] },
        { level: 'acute', all: ['EDGE', 'STEP'], unless: [] },
        { level: 'risk', all: ['BOTH', 'GIVE'], unless: [] },
      ],
    },
    compiler,
  );

  it('needs every sign of a combination, wherever each stands in the turn', () => {
    expect(read('赠出了¦都完毕了')).toBe('risk');
    expect(read('完毕了 先赠出')).toBe('risk');
    expect(read('赠出了')).toBeUndefined();
    expect(read('完毕了')).toBeUndefined();
  });

  it('does not let one stretch of text stand for two signs', () => {
    // "赠出完毕" is BOTH and GIVE at once, but there is only one 赠出: BOTH + GIVE needs two places.
    expect(read('物品赠出完毕')).toBe('risk'); // GIVE + DONE, at different places
    expect(createSignReader({ signs: { BOTH: ['赠出完毕'], GIVE: ['赠出'] }, together: [{ level: 'risk', all: ['BOTH', 'GIVE'], unless: [] }] }, compiler)('赠出完毕')).toBeUndefined();
    expect(createSignReader({ signs: { BOTH: ['赠出完毕'], GIVE: ['赠出'] }, together: [{ level: 'risk', all: ['BOTH', 'GIVE'], unless: [] }] }, compiler)('赠出完毕¦又赠出')).toBe('risk');
  });

  it('drops a combination when its unless is anywhere in the turn, and prefers acute', () => {
    expect(read('赠出了¦完毕¦因为搬迁')).toBeUndefined();
    expect(read('崖边¦迈步')).toBe('acute');
    expect(read('赠出完毕¦崖边迈步')).toBe('acute');
  });
});

describe('the respeller', () => {
  it('rewrites listed spellings, the longest first, and leaves the rest alone', () => {
    const respell = createRespeller({ 甲: '一', 甲乙: '一二', 丙: '三' });
    expect(respell('甲乙丙丁')).toBe('一二三丁');
    expect(respell('甲丁')).toBe('一丁');
    expect(createRespeller({})('甲乙')).toBe('甲乙');
  });
});

describe('structural crisis signs with the shipped cues', () => {
  const { pipeline } = realUnderstanding();
  const at = new Date('2026-03-10T10:00:00+08:00');
  const crisis = (text: string, context: DialogueContext = 'none') => pipeline.understand(text, context, at).crisis;

  it.each([
    ['things given away, no use for them later', '球鞋都送给室友了 以后也穿不了了'],
    ['a future time without me', '下周的例会 你们应该见不到我了'],
    ['my death as a way out of the debt', '万一我出了事 花呗是不是就不用还了'],
    ['a borrower gone, asked about the debt', '欠债的人要是没了 催收还会打给家里吗'],
    ['going to a grandparent who is gone', '想去陪外公 他在那边一个人'],
    ['sleep and never wake', '真想躺下就再也不醒'],
    ['my body handed over for the debt', '这把骨头拿去抵债吧'],
    ['the curtain on a life', '我的一生就到此为止吧'],
    ['my own funeral arranged', '以后清明别忘了给我带束花'],
    ['a child handed over, all arranged', '儿子就拜托给他舅舅了 都说好了'],
    ['a typo respelt', '好几次想紫杀'],
    ['Wu respelt', '阿拉勿想活了'],
    ['pinyin without spaces', 'huobuxiaqu le'],
    ['English farewell', 'goodbye world, sorry about the debt'],
    ['rent paid ahead, the future handed over', '房租我提前交了一年 以后就靠你们了'],
    ['a last post', '这是我发的最后一条动态'],
    ['gone by the time it is read', '你看到这些话的时候 我应该已经不在了'],
    ['leaving the world', '想从人间蒸发掉'],
    ['going, and take care of yourselves', '我要走了 你们照顾好自己'],
    ['no next festival', '今年的春节 是我过的最后一个'],
  ])('hears risk: %s (%s)', (_what, text) => {
    expect(['risk', 'acute']).toContain(crisis(text));
  });

  it.each([
    ['a dangerous place and a step forward', '水库边上 往前一步就好'],
    ['a means and "enough"', '那根绳子够粗'],
    ['a time and going to the tracks', '明天一早我就去铁轨那边'],
    ['standing outside the window', '我坐在窗外的空调架上'],
    ['pills in the hand', '一把药片捧着 在发呆'],
    ['a time and down from the roof', '凌晨三点 我从天台跳'],
  ])('hears acute danger: %s (%s)', (_what, text) => {
    expect(crisis(text)).toBe('acute');
  });

  it.each([
    ['things given, for a reason', '衣服都送给我妹了 反正她喜欢'],
    ['unreachable because of a new number', '下周我要换号了 你们就联系不上我了'],
    ['an accident that is not death', '万一我出了意外住院 网贷能延期吗'],
    ["someone else's death", '我舅舅要是没了 他欠的网贷谁还'],
    ['a river for fishing', '周末去河边钓鱼 顺便散散心'],
    ['a grandmother visited for money', '想去看奶奶 顺便借点钱'],
    ['the sea at sunrise', '明天去海边看日出'],
    ['leaving town tonight', '今晚就走 坐高铁去上海打工'],
    ['sleep and waking to calls', '睡了一觉 醒来催收又打了二十个'],
    ['a life word without a curtain', '这辈子最怕的就是欠钱'],
    ['a rope for moving house', '绳子够结实吗 明天搬家要捆箱子'],
    ['pills taken as prescribed', '药都按时吃了 医生说快好了'],
    ['going to a night shift', '我要走了 上夜班去 你们照顾好自己'],
    ['vanishing for a few days', '想从这个世界上消失几天 去山里躲躲'],
    ['rent paid ahead, for convenience', '房租我提前交了一年 省得麻烦'],
  ])('hears no crisis: %s (%s)', (_what, text) => {
    expect(crisis(text)).toBe('none');
  });
});

describe('the statistical head never hears alone over an everyday reading', () => {
  const { pipeline } = realUnderstanding();
  const at = new Date('2026-03-10T10:00:00+08:00');
  const crisis = (text: string) => pipeline.understand(text, 'none', at).crisis;
  it('leaves "消失几天 去山里躲躲" and "出去躲一阵" ordinary', () => {
    for (const t of ['想从这个世界上消失几天 去山里躲躲', '真想消失一阵 出去躲一阵再说']) expect(crisis(t)).toBe('none');
  });
  it('leaves a question about moving property to family ordinary ("过户给我妈 法院就拿不走了吧")', () => {
    for (const t of ['欠了二十多万 我想先把房子过户给我妈 法院就拿不走了吧', '欠了三十万 车先转到我哥名下 是不是就执行不了']) expect(crisis(t)).toBe('none');
  });
});
