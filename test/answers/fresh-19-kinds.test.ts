/**
 * Arbitration questions fresh-questions-19 answered from the dishonest-list guide (issue 11, by kind, in new wordings
 * written for these tests): an award being enforced is answered with 不予执行 within 15 days, an award the user never
 * knew about with 撤销 within three months. The 失信 question is the guard: it stays with the dishonest list.
 */
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load';
import { createLexicalRetriever } from '../../src/knowledge/retriever';
import { createOfflineAnswerer } from '../../src/answers/answer';
import { loadReplies } from '../../src/replies';
import { renderText } from '../../src/channels/local/render-text';
import { PACKAGE_ROOT } from '../../src/paths';

const k = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
const replies = loadReplies(join(PACKAGE_ROOT, 'prompts'));
const answerer = createOfflineAnswerer({ knowledge: k, retriever: createLexicalRetriever(k), replies });
const at = new Date('2026-11-30T10:00:00+08:00');

it.each([
  ['仲裁那边的裁决 对方已经找法院执行了 我能提异议吗', 'arbitration-and-notarization', /不予执行/],
  ['裁决已经被申请执行了 还能提异议吗', 'arbitration-and-notarization', /15日/],
  ['我根本不知道仲裁过 就收到了裁决书 怎么办', 'arbitration-and-notarization', /撤销/],
  ['仲裁的裁决下来了 会被列失信吗', 'dishonest-list', /失信/],
])('"%s" → %s', (q, guide, shows) => {
  const a = answerer.answerNow(q, { at });
  expect(a.guideId).toBe(guide);
  expect(renderText(a.reply, { buttons: false })).toMatch(shows);
});
