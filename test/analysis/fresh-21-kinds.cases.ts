/**
 * Issue 11: exposure kinds fresh-21 missed (development data since session 9), in words written for this test
 * (none copied from eval/): an audience on a platform that "will all know" the debt is exposure; calling someone out
 * in a department group ("大家都看着呢") is exposure and contact with colleagues. Guard: a neighbours' 业主群 post stays
 * exposure only (README rule 6: a large group of strangers).
 * Each message must get exactly the listed categories.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const MISSES: Array<[string, CategoryId[]]> = [
  ['你微信朋友圈里的人过两天都会知道。', ['privacy_disclosure']],
  ['你那点破事，快手上的人过几天都会知道。', ['privacy_disclosure']],
  ['@王磊 大家都看着呢，赶紧把钱还了，别在部门群里装死。', ['privacy_disclosure', 'third_party_contact']],
];

const GUARDS: Array<[string, CategoryId[]]> = [
  ['你的欠款截图我们已经发在你们小区业主群里了。', ['privacy_disclosure']],
];

describe('fresh-21 exposure kinds (issue 11)', () => {
  test.each([...MISSES, ...GUARDS])('%s', (text, expected) => {
    expect(cats(text)).toEqual(expected);
  });
});
