/**
 * A wish to die said under a condition ("他们要是真把视频发出去我就去死") is the user's own intent: care comes first
 * even in the middle of a conversation about the collector's threat, and the condition does not soften it.
 */
import { join } from 'node:path';
import { detectCrisis } from '../../src/analysis/crisis';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';
import { conversation } from '../support/conversation';

const rules = loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis'));
const AT = new Date('2026-11-29T21:12:00+08:00');

describe('a conditional wish to die', () => {
  it.each(['他们要是真把视频发出去我就去死', '要是被我老公知道了 我就去跳河', '再打到我单位 我马上去自杀'])('is heard in %s', (text) => {
    expect(detectCrisis(text, rules)).toBe(true);
  });

  it.each(['你再不还 就去死吧', '他们说我不还就让我去死', '要是被我妈知道我就死定了', '我就去派出所报警'])('is not read into %s', (text) => {
    expect(detectCrisis(text, rules)).toBe(false);
  });

  it('after a threat to send a video around, is met with care, not the privacy answer', async () => {
    const c = conversation(AT, 'u1', { forwardSentAt: AT });
    await c.forward('你再装死 明天就把你那段视频发给你老公和你公司所有人 让你社死');
    const r = await c.say('他们要是真把视频发出去我就去死');
    expect(r.kind).toBe('crisis');
    expect(r.shown).toMatch(/12356/);
    expect(r.shown).toMatch(/110|120/);
  });
});
