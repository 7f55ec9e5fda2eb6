/**
 * Issue 11 (fresh-33 kind): collectors write legal words as pinyin initials — qs 起诉, fy 法院, xs 刑事, tq 透支 — beside
 * yq 逾期 and zx 征信. Read as the words they stand for, a false criminal consequence ("xs案件 够判了") is deception and a
 * court said to have acted is impersonation, while a lawful announcement of a civil suit in initials stays lawful
 * (categories.md: "将依法向人民法院提起诉讼" is lawful). Wordings written for this test, none copied from eval/.
 * Each message must get exactly the listed categories.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const CASES: Array<[string, CategoryId[]]> = [
  ['欠款拖了这么久 已经算xs案件了 够判了', ['deception']],
  ['fy已经受理了 xs案件 你等着坐牢吧', ['deception', 'impersonation']],
  // Guards: lawful civil process in initials.
  ['我们已经准备qs了，依法向fy提起诉讼', []],
  ['逾期会上zx，请尽快还款', []],
];

describe('abbreviations-legal', () => {
  test.each(CASES)('%s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
});
