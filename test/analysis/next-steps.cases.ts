/** Next steps and reply templates follow the findings, from data. */
import { join } from 'node:path';
import { nextStepsFor, replyTemplateFor } from '../../src/analysis/next-steps';
import { CATEGORY_IDS } from '../../src/analysis/findings';
import { loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const rules = loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis'));
const ids = (cats: Parameters<typeof nextStepsFor>[0]) => nextStepsFor(cats, rules).map((s) => s.id);

describe('nextStepsFor', () => {
  it('always starts with saving the evidence, even for a lawful message', () => {
    expect(ids([])).toEqual(['evidence']);
    for (const c of CATEGORY_IDS) expect(ids([c])[0]).toBe('evidence');
  });

  it('sends threats and stalking to 110 and the no-contact order', () => {
    expect(ids(['threat'])).toEqual(expect.arrayContaining(['call110', 'no-contact-order']));
    expect(ids(['violence'])).toEqual(expect.arrayContaining(['call110', 'no-contact-order']));
  });

  it('verifies a claimed lawsuit through 12368', () => {
    expect(ids(['impersonation'])).toContain('verify12368');
  });

  it('sends contact-list blasting to personal-information complaints and 12321', () => {
    expect(ids(['privacy_disclosure'])).toEqual(expect.arrayContaining(['pipl-complaint', 'report12321']));
  });

  it('deduplicates, keeps the most serious channels first and stops at 5', () => {
    const all = ids([...CATEGORY_IDS]);
    expect(all.length).toBeLessThanOrEqual(5);
    expect(new Set(all).size).toBe(all.length);
    expect(all.slice(0, 3)).toEqual(['evidence', 'call110', 'no-contact-order']);
  });

  it('gives every step a label and a detail', () => {
    for (const s of nextStepsFor([...CATEGORY_IDS], rules, 20)) {
      expect(s.label.length).toBeGreaterThan(1);
      expect(s.detail.length).toBeGreaterThan(10);
    }
  });
});

describe('replyTemplateFor', () => {
  it('answers a threat before an insult in the same message', () => {
    const threat = replyTemplateFor(['threat'], rules);
    expect(replyTemplateFor(['insult', 'threat'], rules)).toBe(threat);
    expect(replyTemplateFor(['insult'], rules)).not.toBe(threat);
  });

  it('names what the sender claimed to be, and nothing it did not claim', () => {
    const official = replyTemplateFor(['impersonation'], rules, ['state_official']);
    const firm = replyTemplateFor(['impersonation'], rules, ['law_firm']);
    const unjudged = replyTemplateFor(['impersonation'], rules);
    expect(official).toMatch(/公检法/);
    expect(firm).not.toMatch(/公检法|国家机关/);
    expect(firm).toMatch(/执业证号/);
    // Without judged conditions (a message restored from state), only the reply that accuses no identity.
    expect(unjudged).not.toMatch(/你自称|你并非|公检法或法院的工作人员/);
    for (const r of rules.replies) if (r.categories.includes('impersonation') && !r.when) expect(r.text).not.toMatch(/你自称|你并非/);
  });

  it('has a template for every category and a generic one', () => {
    for (const c of CATEGORY_IDS) expect(replyTemplateFor([c], rules)).not.toBe(rules.genericReply);
    expect(replyTemplateFor([], rules)).toBe(rules.genericReply);
  });
});
