import { analyzeWithBubbles, mergeAnalyses } from '../../src/analysis/merge-analyses';
import { testCore } from '../support/core-deps';

const { analyzer } = testCore().analysis;

describe('analyzeWithBubbles', () => {
  it('flags off_hours when an earlier bubble was sent at night, although the last was not', () => {
    const bubbles = [
      { text: '在吗？欠款什么时候还？', sentAt: '2026-05-12T15:40:00.000Z' }, // 23:40 China time
      { text: '请今天处理一下。', sentAt: '2026-05-14T01:02:00.000Z' }, // 09:02
    ];
    const whole = bubbles.map((b) => b.text).join('\n');
    expect(analyzer.analyze({ text: whole, sentAt: new Date(bubbles[1]!.sentAt) }).categories).not.toContain('off_hours');
    expect(analyzeWithBubbles(analyzer, whole, new Date(bubbles[1]!.sentAt), bubbles).categories).toContain('off_hours');
  });

  it('merges findings without duplicates and keeps the contract order', () => {
    const a = analyzer.analyze({ text: '不还就爆你通讯录', sentAt: null });
    const merged = mergeAnalyses([a, a, analyzer.analyze({ text: '明天上门泼油漆', sentAt: null })]);
    expect(merged.findings.length).toBe(a.findings.length + analyzer.analyze({ text: '明天上门泼油漆', sentAt: null }).findings.length);
    expect(merged.categories.indexOf('threat')).toBeLessThan(merged.categories.indexOf('privacy_disclosure'));
    expect(merged.lawful).toBe(false);
  });
});
