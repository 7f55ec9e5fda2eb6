/**
 * A loan repaid once after a number of days: the first screen names both day rates when they differ — the nominal
 * annual rate (the daily IRR × 365) and the simple annual rate (interest ÷ what was received × 365 ÷ days) — and the
 * table page shows how the simple one is worked out. Expected figures are worked out here from the definitions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadKnowledge } from '../../src/knowledge/load';
import { createReplies } from '../../src/replies';
import { createInterestKit } from '../../src/interest/interest-kit';
import { INTEREST_REPLY_KEYS } from '../../src/interest/interest-reply';
import { FIRST_SCREEN_MAX, shownLength } from '../../src/screen-fit';
import { renderText } from '../../src/channels/local/render-text';

const knowledge = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
const replies = createReplies(parseYaml(readFileSync(join(PACKAGE_ROOT, 'prompts', 'interest.yaml'), 'utf8')), 'interest.yaml', [...INTEREST_REPLY_KEYS]);
const kit = createInterestKit({ knowledge, replies, knowledgeDir: join(PACKAGE_ROOT, 'knowledge') });
const AT = new Date('2026-05-01T12:00:00+08:00');

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
/** Daily IRR × 365 of one payment `paid` after `days` on `received`. */
const nominal = (received: number, paid: number, days: number) => 365 * (Math.pow(paid / received, 1 / days) - 1);
const simple = (received: number, paid: number, days: number) => ((paid - received) / received) * (365 / days);

describe('one repayment after N days', () => {
  it.each([
    ['借1000，14天后还1200', 1000, 1200, 14],
    ['借3000，21天后还3450', 3000, 3450, 21],
  ])('%s: the first screen leads with the simple annual rate and names the nominal one (daily IRR × 365)', (t, received, paid, days) => {
    const r = kit.reply(kit.parseLoanText(t, AT), AT);
    const first = renderText(r.reply, { buttons: false }).split('\n')[0]!;
    expect(first).toContain(`名义年化（每天实际利率×365）${pct(nominal(received, paid, days))}`);
    expect(first).toContain(`单利年化约 ${pct(simple(received, paid, days))}`);
    expect(shownLength(r.reply.blocks)).toBeLessThanOrEqual(FIRST_SCREEN_MAX);
  });

  it('the table page shows how the simple rate is worked out', () => {
    const r = kit.table(kit.parseLoanText('借1000，14天后还1200', AT), AT);
    expect(renderText(r.reply, { buttons: false })).toContain(`单利年化：利息 200 元÷到手 1000 元÷14 天×365 = ${pct(simple(1000, 1200, 14))}`);
  });

  it('instalments by month name neither', () => {
    const r = kit.reply(kit.parseLoanText('借1万到手7000每月还1050还12期', AT), AT);
    expect(renderText(r.reply, { buttons: false })).not.toContain('单利年化');
  });
});
