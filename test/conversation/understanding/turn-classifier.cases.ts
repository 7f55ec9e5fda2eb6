/** The softmax classifier on a tiny synthetic set, and the shipped model on the labelled training turns. */
import { join } from 'node:path';
import {
  best,
  fitTemperature,
  headFromFile,
  headToFile,
  probabilities,
  softmax,
  trainSoftmax,
  type Example,
} from '../../../src/conversation/understanding/turn-classifier';
import { addNgrams } from '../../../src/conversation/understanding/features';
import { readTurns } from '../../../bench/train-understanding';
import { scoreUnderstanding } from '../../../eval/understanding';
import { PACKAGE_ROOT } from '../../../src/paths';
import { realUnderstanding } from './setup';

const vec = (text: string) => {
  const x = new Map<string, number>();
  addNgrams(text, x);
  return x;
};

describe('softmax classifier', () => {
  // Collector-like and user-like strings that share no meaning with the real data.
  const examples: Example[] = [
    ...['赶紧还钱', '今天必须还钱', '还钱别拖', '马上还钱'].map((t) => ({ x: vec(t), y: 'collector' })),
    ...['能报警吗', '可以投诉吗', '我能报警吗', '要报警吗'].map((t) => ({ x: vec(t), y: 'user' })),
  ];

  it('learns to separate two classes from character n-grams', () => {
    const head = trainSoftmax(examples, ['user', 'collector'], { epochs: 60, minCount: 1 });
    expect(best(head, probabilities(head, vec('快点还钱'))).label).toBe('collector');
    expect(best(head, probabilities(head, vec('这能报警吗'))).label).toBe('user');
  });

  it('gives probabilities that sum to one, softer with a higher temperature', () => {
    const head = trainSoftmax(examples, ['user', 'collector'], { epochs: 60, minCount: 1 });
    const p = probabilities(head, vec('还钱'));
    expect(p[0]! + p[1]!).toBeCloseTo(1, 10);
    const hot = probabilities(head, vec('还钱'), 3);
    expect(Math.max(...hot)).toBeLessThan(Math.max(...p));
  });

  it('drops features seen fewer than minCount times', () => {
    const head = trainSoftmax(examples, ['user', 'collector'], { epochs: 5, minCount: 4 });
    expect(head.weights.has('钱')).toBe(true);
    expect(head.weights.has('拖')).toBe(false);
  });

  it('rejects a label it was not told about', () => {
    expect(() => trainSoftmax([{ x: vec('x'), y: 'other' }], ['user', 'collector'])).toThrow(/other/);
  });

  it('fits a temperature above 1 for overconfident scores and near 1 for honest ones', () => {
    // Scores that always claim 99% while being right only 3 times in 4.
    const overconfident = [0, 1, 2, 3].map((i) => ({ z: [4.6, 0], y: i === 3 ? 1 : 0 }));
    expect(fitTemperature(overconfident)).toBeGreaterThan(2);
    const honest = [0, 1, 2, 3].map((i) => ({ z: [Math.log(3), 0], y: i === 3 ? 1 : 0 }));
    expect(fitTemperature(honest)).toBeCloseTo(1, 0);
    expect(softmax([Math.log(3), 0])[0]).toBeCloseTo(0.75, 6);
  });

  it('rounds and prunes weights for the model file and reads them back', () => {
    const head = { labels: ['a', 'b'], bias: [0.12345, -0.5], temperature: 1.234, weights: new Map([['x', [0.0001, -0.0002]], ['y', [1.23456, 0]]]) };
    const file = headToFile(head);
    expect(file.weights).toEqual({ y: [1.235, 0] });
    expect(file.bias).toEqual([0.123, -0.5]);
    expect(headFromFile(file).weights.get('y')).toEqual([1.235, 0]);
  });
});

describe('the shipped model', () => {
  it('is present and small', () => {
    const { data } = realUnderstanding();
    expect(data.model).toBeDefined();
    expect(JSON.stringify(data.model).length).toBeLessThan(1024 * 1024);
  });

  // Training figures (the model saw these turns): a floor that catches a broken model or feature drift.
  it('scores above a floor on eval/understanding/train.jsonl', () => {
    const { pipeline } = realUnderstanding();
    const rows = readTurns(join(PACKAGE_ROOT, 'eval', 'understanding', 'train.jsonl'));
    const at = new Date('2026-06-15T12:00:00+08:00');
    const s = scoreUnderstanding(rows, rows.map((r) => pipeline.understand(r.text, r.context, at)));
    expect(s.speakerAccuracy).toBeGreaterThan(0.97);
    expect(s.actAccuracy).toBeGreaterThan(0.93);
    expect(s.userAsCollector).toBeLessThanOrEqual(3);
    expect(s.crisis.recall).toBe(1);
    expect(s.crisis.precision).toBeGreaterThan(0.95);
  });
});
