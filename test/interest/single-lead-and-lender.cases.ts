/**
 * A loan repaid once after N months leads with its simple annual rate (interest ÷ what was received, scaled to a
 * year) and names the compounded one (monthly IRR × 12) beside it; unsure talk about the licence leaves the lender unknown; "那多出来的我能不还吗" is answered for the part above the cap.
 * Expected rates are worked out here from the definitions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadKnowledge } from '../../src/knowledge/load';
import { createReplies } from '../../src/replies';
import { createInterestKit } from '../../src/interest/interest-kit';
import { INTEREST_REPLY_KEYS } from '../../src/interest/interest-reply';
import { renderText } from '../../src/channels/local/render-text';

const knowledge = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
const replies = createReplies(parseYaml(readFileSync(join(PACKAGE_ROOT, 'prompts', 'interest.yaml'), 'utf8')), 'interest.yaml', [...INTEREST_REPLY_KEYS]);
const kit = createInterestKit({ knowledge, replies, knowledgeDir: join(PACKAGE_ROOT, 'knowledge') });
const AT = new Date('2026-05-01T12:00:00+08:00');

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const monthlyIrrTimes12 = (received: number, paid: number, months: number) => 12 * (Math.pow(paid / received, 1 / months) - 1);
const simpleYear = (received: number, paid: number, months: number) => ((paid - received) / received) * (12 / months);
const firstLine = (t: string) => renderText(kit.reply(kit.parseLoanText(t, AT), AT).reply, { buttons: false }).split('\n')[0]!;

describe('one repayment after N months', () => {
  it.each([
    ['借2万 说好一年后还2万6', 20000, 26000, 12],
    ['借1万 3个月后还1万2', 10000, 12000, 3],
  ])('%s: leads with the simple annual rate, then the compounded one, each named', (t, received, paid, months) => {
    const first = firstLine(t);
    expect(first.startsWith(`按你给的数字，单利年化约 ${pct(simpleYear(received, paid, months))}`)).toBe(true);
    expect(first).toContain(`每月实际利率×12 ${pct(monthlyIrrTimes12(received, paid, months))}`);
  });

  it('with a deduction: the simple rate on what arrived and on the contract, and the compounded one', () => {
    const first = firstLine('借1万 到手9000 3个月后还1万2');
    expect(first).toContain(`单利年化约 ${pct(simpleYear(9000, 12000, 3))}`);
    expect(first).toContain(`按合同的 10,000 元算也有 ${pct(simpleYear(10000, 12000, 3))}`);
    expect(first).toContain(`每月实际利率×12 ${pct(monthlyIrrTimes12(9000, 12000, 3))}`);
  });

  it('the table page shows how the simple rate is worked out', () => {
    const r = kit.table(kit.parseLoanText('借2万 说好一年后还2万6', AT), AT);
    expect(renderText(r.reply, { buttons: false })).toContain(`单利年化：利息 6000 元÷到手 20,000 元÷12 个月×12 = ${pct(simpleYear(20000, 26000, 12))}`);
  });
});

describe('who lent', () => {
  it.each(['借8000到手6500 分10期 每期还900 是个人放的', '借8000到手6500 分10期 每期还900 村里一个老板个人放贷'])('a lender told as 个人放的 / 个人放贷 is private: %s', (t) => {
    expect(kit.parseLoanText(t, AT).lender?.type).toBe('unlicensed');
  });

  it('unsure whether it is licensed: the lender is unknown and both cases are said', () => {
    const facts = kit.parseLoanText('借5000到手4200 分12期 每期还580 这个平台是不是持牌的小贷我也不知道', AT);
    expect(facts.lender).toBeUndefined();
    const text = renderText(kit.reply(facts, AT).reply, { buttons: false });
    expect(text).toContain('私人或没牌照的放贷方');
    expect(text).toContain('持牌机构');
  });
});

describe('那多出来的我能不还吗', () => {
  const facts = kit.parseLoanText('借5000到手4200 分12期 每期还580', AT);

  it('is the above-the-cap question', () => {
    expect(kit.lawfulQuestionOf('那多出来的我能不还吗')).toBe('above_cap');
    expect(kit.lawfulQuestionOf('超出的部分能要回来吗')).toBe('above_cap');
  });

  it('unknown lender: what each case means; the lawful part is still owed', () => {
    const text = renderText(kit.lawfulAmount(facts, AT, 'above_cap').reply, { buttons: false });
    expect(text.startsWith('要看')).toBe(true);
    expect(text).toMatch(/本金和合法的利息都仍要还/);
    expect(text).not.toMatch(/(全部|都)可以不还|本金(也)?(可以|都)?不(用|必)还/);
  });

  it('a licensed lender: not refused outright, a reduction claimed', () => {
    const text = renderText(kit.lawfulAmount({ ...facts, lender: { type: 'licensed' } }, AT, 'above_cap').reply, { buttons: false });
    expect(text).toContain('不能直接拒付');
    expect(text).toContain('调减');
  });
});
