/**
 * A pace of contact told in another clause decides whether "一直催" is bombing (issue 11: 治安管理处罚法第五十条 needs
 * repeated messages): once a month or rarer is ordinary demand, many a day is harassment.
 */
import { join } from 'node:path';
import { createConductAssessor } from '../../src/analysis/described-conduct';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const assess = createConductAssessor(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const AT = new Date('2026-06-10T12:00:00+08:00');

it.each(['平台一直在发短信催 差不多每个月发一条', '他们一直打电话要钱 隔几个月打一次'])('"%s" is no bombing', (t) => {
  expect(assess(t, AT).categories).not.toContain('harassment_frequency');
});

it.each(['他们一直打电话 一天打几十个', '他们每个月都打几十个电话 天天不停'])('"%s" is still bombing', (t) => {
  expect(assess(t, AT).categories).toContain('harassment_frequency');
});
