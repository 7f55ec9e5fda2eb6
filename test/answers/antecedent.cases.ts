import { join } from 'node:path';
import { withAntecedents } from '../../src/answers/antecedent';
import { loadKnowledge } from '../../src/knowledge/load';

const lexicon = loadKnowledge(join(__dirname, '..', '..', 'knowledge')).pronounPeople;

describe('withAntecedents', () => {
  it('reads a clause-initial 她 as the person an earlier clause named', () => {
    expect(withAntecedents('这个是我妈收到的 我妈都吓哭了 她要还吗', lexicon)).toBe('这个是我妈收到的 我妈都吓哭了 我妈要还吗');
  });

  it('takes the person named last before the pronoun', () => {
    expect(withAntecedents('我爸先接的电话，后来打给我老公，他要还吗', lexicon)).toBe('我爸先接的电话，后来打给我老公，我老公要还吗');
  });

  it('leaves 他们 (the collectors) and a pronoun with nobody named before it alone', () => {
    expect(withAntecedents('我妈接了电话 他们说要上门', lexicon)).toBe('我妈接了电话 他们说要上门');
    expect(withAntecedents('她要还吗 我妈说的', lexicon)).toBe('她要还吗 我妈说的');
  });

  it('changes nothing mid-clause', () => {
    expect(withAntecedents('我妈说她不还', lexicon)).toBe('我妈说她不还');
  });
});
