/**
 * "那我还要还吗" right after an ANSWER about collectors' conduct (a home visit, calls to family or colleagues): the
 * debt is still owed, and the conduct's wrong stays the collectors' — never the debt-assignment entry its generic
 * words retrieve. Guard: a question naming its own topic after such an answer ("那征信会受影响吗") keeps it.
 * Wordings are this file's own, none from an eval set.
 */
import { conversation as talk, type Shown } from '../support/conversation';

const AT = new Date('2026-11-24T10:15:00+08:00');
let n = 0;
const conversation = () => talk(AT, `soa${++n}`);
const firstSentence = (r: Shown) => (/^[\s\S]*?[。！？\n]/.exec(r.shown.trim())?.[0] ?? r.shown).trim();
const STILL_OWED = /还是要还|仍要还|仍然要还|还得还|照样要还/;

describe('still owed? after an answer about conduct', () => {
  it.each([
    ['催收的人说周末要到我租的房子来找我 他们可以来吗', '那这钱还用还吗'],
    ['外访的人说下礼拜来家访 我能不让他们进门吗', '那网贷还得还吗'],
  ])('"%s" then "%s": still owed, and the conduct is theirs to answer for', async (first, then) => {
    const c = conversation();
    await c.say(first);
    const r = await c.say(then);
    expect(firstSentence(r)).toMatch(STILL_OWED);
    expect(r.shown).toMatch(/违法|投诉|报警/);
    expect(r.shown).not.toMatch(/债权转让|新债权人|受让/);
  });
});

describe('guard', () => {
  it('"那欠的钱俺还用还吗" after the same answer (passed before too) stays right', async () => {
    const c = conversation();
    await c.say('催收的人说周末要到我租的房子来找我 他们可以来吗');
    const r = await c.say('那欠的钱俺还用还吗');
    expect(firstSentence(r)).toMatch(STILL_OWED);
  });

  it('"那征信会受影响吗" after an answer about a home visit is about the credit report', async () => {
    const c = conversation();
    await c.say('催收的人说周末要到我租的房子来找我 他们可以来吗');
    const r = await c.say('那征信会受影响吗');
    expect(r.shown).toMatch(/征信/);
    expect(firstSentence(r)).not.toMatch(STILL_OWED);
  });
});
