import { routeText } from '../../src/conversation/route';
import { testCore } from '../support/core-deps';

const core = testCore();
const route = (t: string) => routeText(t, core.analysis.analyzer.analyze({ text: t, sentAt: null }), core.knowledge.questionCues);

describe('routeText', () => {
  it.each([
    '逾期三年是不是就不用还了',
    '催收说要打电话给我领导，能这样吗',
    '网贷逾期了会坐牢吗',
    '我的征信多久能恢复',
    '利息36%合法吗？',
  ])('answers the user question %s', (t) => expect(route(t)).toBe('answer'));

  it.each([
    '明天不还就上门泼油漆',
    '【某某金融】您的借款已逾期5天，请尽快还款，逾期将上报征信。',
    '再不还钱就把你欠款的事发到你家族群里',
  ])('analyses the pasted collector message %s', (t) => expect(route(t)).toBe('analyze'));
});
