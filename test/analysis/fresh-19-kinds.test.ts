/**
 * Issue 11: the kinds fresh-19 and fresh-18 got wrong (development data since session 8), in words written for this
 * test (none copied from eval/). Lawful first: an enforcement application after a judgment in force (the judgment's
 * date is no prison term), 拒执罪 stated with its conditions, court-delegated pre-suit mediation pointing to the court's
 * own notice, a notarised instrument with enforcement effect, a judgment served with the right to appeal, a property
 * report order, 失信 after a judgment stated as "经…民事判决确定". Then a copied chat with "催收 23:12" headers whose
 * words look like a user's ("收到短信说").
 * Each message must get exactly the listed categories; the lawful ones none.
 */
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analysis/classify';
import type { CategoryId } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const analyzer = createAnalyzer(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
const cats = (text: string): CategoryId[] => [...analyzer.analyze({ text, sentAt: null }).categories].sort();

const LAWFUL: string[] = [
  '执行申请告知：您与本公司借款合同纠纷一案的判决书已于2026年3月生效，您至今未履行，本公司将向朝阳区人民法院申请强制执行。',
  '温馨提示：判决生效后有履行能力而拒不履行，情节严重的，可能被追究拒不执行判决、裁定罪的刑事责任，请尽快履行。',
  '您与本公司的借款纠纷已由海淀区人民法院委派诉前调解，调解员近日会与您联系。请以法院正式通知为准。',
  '您的借款合同已办理具有强制执行效力的债权文书公证，逾期后我方将申请执行证书，并向法院申请强制执行。',
  '【某市某区人民法院】本院对原告某公司诉你借款合同纠纷一案已作出判决，如不服可在判决书送达之日起十五日内提起上诉。',
  '【某区人民法院】报告财产令：被执行人李某，应在五日内如实向本院报告财产状况，拒不报告的，本院将依法予以罚款、拘留。',
  '您的借款纠纷已经（2026）京0105民初1234号民事判决确定，执行法院已将您纳入失信被执行人名单。',
  '您好，今天是本周第三次提醒您还款，如已还款请忽略。',
];

const CASES: Array<[string, CategoryId[]]> = [
  ['催收 23:12\n别装死\n催收 23:15\n明早你们单位每个人都会收到短信说你欠钱不还', ['off_hours', 'privacy_disclosure', 'third_party_contact']],
];

describe('kinds fresh-19 and fresh-18 got wrong (issue 11)', () => {
  it.each(LAWFUL)('lawful: %s', (text) => {
    expect(cats(text)).toEqual([]);
  });
  it.each(CASES)('%s', (text, expected) => {
    expect(cats(text)).toEqual([...expected].sort());
  });
});
