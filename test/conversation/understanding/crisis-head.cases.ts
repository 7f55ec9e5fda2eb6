/**
 * The crisis head: its thresholds on a tiny hand-made model, then the shipped model (knowledge/understanding/
 * crisis-model.json) inside the real pipeline, on wordings written for this file (none is in eval/ or knowledge/):
 * risk the rules do not name is heard; ordinary debt talk and despair about debt are not.
 */
import { realUnderstanding } from './setup';
import { createCrisisHead, crisisFeatures, crisisProbability } from '../../../src/conversation/understanding/crisis-head';
import type { CrisisModelFile } from '../../../src/knowledge/understanding-data';

describe('the crisis head', () => {
  const model: CrisisModelFile = {
    version: 1,
    kind: 'char-ngram-softmax',
    ngram: { min: 2, max: 2 },
    threshold: 0.999,
    threshold_with_cue: 0.9,
    head: { labels: ['none', 'risk'], bias: [0, 0], temperature: 1, weights: { 'g:甲乙': [0, 5] } },
  };

  it('reads the risk probability from the n-grams', () => {
    const p = crisisProbability(model);
    expect(p('甲乙')).toBeCloseTo(1 / (1 + Math.exp(-5)), 6);
    expect(p('丙丁')).toBeCloseTo(0.5, 6);
  });

  it('needs the high threshold alone, the lower one with a weak cue', () => {
    const head = createCrisisHead(model);
    expect(head('甲乙', false)).toBe(false);
    expect(head('甲乙', true)).toBe(true);
    expect(head('丙丁', true)).toBe(false);
  });

  it('reads word families and pairs of them when the model has them', () => {
    const x = crisisFeatures('拜托我姐', { min: 1, max: 1 }, { KIN: ['姐', '妈'], ENTRUST: ['托付', '拜托'], PLACE: ['桥'] });
    expect(x.get('c:KIN')).toBe(1);
    expect(x.get('c:ENTRUST')).toBe(1);
    expect(x.get('c:ENTRUST+KIN')).toBe(1);
    expect(x.has('c:PLACE')).toBe(false);
    expect([...crisisFeatures('拜托我姐', { min: 1, max: 1 }).keys()].some((k) => k.startsWith('c:'))).toBe(false);
    const withFamily = { ...model, concepts: { KIN: ['姐'] }, head: { ...model.head, weights: { 'c:KIN': [0, 5] } } };
    expect(crisisProbability(withFamily)('我姐')).toBeCloseTo(1 / (1 + Math.exp(-5)), 6);
  });

  it('hears nothing without a model', () => {
    expect(createCrisisHead(undefined)('甲乙', true)).toBe(false);
  });
});

describe('the shipped crisis head in the pipeline', () => {
  const { data, pipeline } = realUnderstanding();
  const at = new Date('2026-06-15T12:00:00+08:00');
  const crisis = (text: string, context: 'none' | 'answer' | 'crisis' = 'none') => pipeline.understand(text, context, at).crisis;

  it('is shipped', () => {
    expect(data.crisisModel).toBeDefined();
  });

  it.each(['这日子熬到头了 我想去找我奶奶了', '以后的日子不用再熬了 我想好了'])('hears risk no rule names: %s', (text) => {
    expect(crisis(text)).toBe('risk');
  });

  it.each(['催收天天打电话 烦死了 怎么办', '累死了 这个月又要还三千', '被催收逼得快疯了 能投诉吗', '压力好大 晚上睡不着 网贷还能协商吗', '我快崩溃了 他们打到我单位去了', '真想一走了之 换个城市重新开始'])(
    'leaves ordinary debt talk alone: %s',
    (text) => {
      expect(crisis(text)).toBe('none');
    },
  );

  it('never makes a turn acute, and yields to the user saying they are safe', () => {
    expect(crisis('这日子熬到头了 我想去找我奶奶了', 'answer')).not.toBe('acute');
    expect(crisis('以后的日子不用再熬了 我想好了 我不想死了', 'answer')).not.toBe('risk');
  });
});
