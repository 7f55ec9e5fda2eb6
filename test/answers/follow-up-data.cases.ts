/**
 * knowledge/follow-ups/ loads and is checked against the statutes: a claim citing an article we do not hold, an
 * unknown category or verdict, or a report condition that is not defined stops the boot with the file and entry
 * named; a reply key the answers use that is missing from prompts stops it too.
 */
import { join } from 'node:path';
import { CATEGORY_IDS } from '../../src/analysis/findings';
import { loadFollowUpData } from '../../src/answers/follow-up-data';
import { createFollowUpAnswers } from '../../src/answers/follow-ups';
import { AppError } from '../../src/errors';
import { PACKAGE_ROOT } from '../../src/paths';
import { createReplies } from '../../src/replies';
import { testCore } from '../support/core-deps';
import { errorAfterEdit } from '../support/edited-copy';

const KNOWLEDGE = join(PACKAGE_ROOT, 'knowledge');
const { knowledge } = testCore();

/** The error loading follow-ups/ throws after `from` is replaced by `to` in `file`. */
const loadEdited = (file: string, from: string, to: string) =>
  errorAfterEdit(join(KNOWLEDGE, 'follow-ups'), file, from, to, (root) => loadFollowUpData(root, knowledge, CATEGORY_IDS), 'follow-ups');

describe('loadFollowUpData', () => {
  it('loads the shipped data, every claim with cues and a verdict', () => {
    const data = loadFollowUpData(KNOWLEDGE, knowledge, CATEGORY_IDS);
    expect(data.claims.claims.length).toBeGreaterThan(10);
    expect(data.report.categories.map((c) => c.category).sort()).toEqual([...CATEGORY_IDS].sort());
  });

  it('names the file and claim that cites an article statutes/ does not hold', () => {
    const e = loadEdited('claims.yaml', '{law: 民事诉讼法, article: "120"}', '{law: 民事诉讼法, article: "9120"}');
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/follow-ups\/claims\.yaml: claims \(jail\): cites 民事诉讼法 9120/);
  });

  it('names an unknown category and an unknown verdict', () => {
    const cat = loadEdited('claims.yaml', 'when: {any: [impersonation]}', 'when: {any: [impersonate]}');
    expect((cat as AppError).message).toMatch(/claims \(fake-court\): unknown category "impersonate"/);
    const verdict = loadEdited('claims.yaml', 'verdict: verify', 'verdict: check');
    expect((verdict as AppError).message).toMatch(/follow-ups\/claims\.yaml: claims\[0\] \(lawyer-letter-fake\)\.verdict/);
  });

  it('names a report condition that is not defined', () => {
    const e = loadEdited('report.yaml', '- condition: public', '- condition: publicly');
    expect((e as AppError).message).toMatch(/report\.yaml: categories \(insult\): unknown condition "publicly"/);
  });

  it('names a provision note for an article no version holds', () => {
    const e = loadEdited('provisions.yaml', 'article: "293-1"', 'article: "293-9"');
    expect((e as AppError).message).toMatch(/provisions\.yaml: provisions \(刑法 293-9\)/);
  });
});

describe('createFollowUpAnswers', () => {
  it('stops the boot when a reply it uses is missing', () => {
    const core = testCore();
    const replies = createReplies({ fu_debt_line: 'x' }, 'test', []);
    expect(() =>
      createFollowUpAnswers({
        knowledge: core.knowledge,
        replies,
        data: loadFollowUpData(KNOWLEDGE, core.knowledge, CATEGORY_IDS),
        nextSteps: () => [],
        provisionsOf: () => [],
        categoryLabel: (c) => c,
      }),
    ).toThrow(expect.objectContaining({ code: 'PROMPTS_INVALID' }));
  });
});
