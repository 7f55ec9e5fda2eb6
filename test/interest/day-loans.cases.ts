/**
 * 7-, 14- and 30-day loans: the rate the chat leads with is 12 × the monthly IRR (PBoC 2021 No. 3, a month being
 * 365/12 days), the same number `debtshield apr --json` prints for the same cash flows, and both agree with an
 * independent bisection (test/support/brute-apr.ts) to 0.01 pp. A simple ×365/days annualisation differs from
 * all three on 7- and 14-day loans by far more than the display rounding, so a reply that used it would fail here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadKnowledge } from '../../src/knowledge/load';
import { createReplies } from '../../src/replies';
import { createInterestKit } from '../../src/interest/interest-kit';
import { INTEREST_REPLY_KEYS } from '../../src/interest/interest-reply';
import { aprLine } from '../../src/cli/apr-command';
import { renderText } from '../../src/channels/local/render-text';
import { bruteApr } from '../support/brute-apr';

const knowledge = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
const replies = createReplies(parseYaml(readFileSync(join(PACKAGE_ROOT, 'prompts', 'interest.yaml'), 'utf8')), 'interest.yaml', [...INTEREST_REPLY_KEYS]);
const cliTexts = createReplies(parseYaml(readFileSync(join(PACKAGE_ROOT, 'prompts', 'cli.yaml'), 'utf8')), 'cli.yaml', []);
const kit = createInterestKit({ knowledge, replies, knowledgeDir: join(PACKAGE_ROOT, 'knowledge') });
const AT = new Date('2026-05-01T12:00:00+08:00');

/** The first number of the lead sentence ("年化约 2,552%"), as a number. */
function leadRate(shown: string): number {
  const m = /年化约 ([\d,.]+)%/.exec(shown.split('。')[0]!);
  return Number(m![1]!.replace(/,/g, ''));
}

describe('day loans: the chat, apr --json and a bisection agree', () => {
  it.each([
    // [description, received, days, repaid]
    ['借1000，7天后还1300', 1000, 7, 1300],
    ['借了五千，到手只有三千五，7天后要还五千', 3500, 7, 5000],
    ['借2000，14天，到期还2600', 2000, 14, 2600],
    ['借3000块 14天后还3300', 3000, 14, 3300],
    ['借5000到手4000 30天后还5000', 4000, 30, 5000],
    ['借1万，30天后还10500', 10000, 30, 10500],
  ])('%s', (description, received, days, repaid) => {
    const facts = kit.parseLoanText(description, AT);
    const result = kit.reply(facts, AT);
    expect(result.flows).toMatchObject({ received, payments: [{ day: days, amount: repaid }] });
    const want = bruteApr(received, [{ t: (days * 12) / 365, amount: repaid }]);
    // The computed rate, and what the CLI contract prints for the same flows.
    expect(Math.abs(result.rates!.apr * 100 - want)).toBeLessThan(0.01);
    const cli = aprLine(JSON.stringify({ contract_principal: result.flows!.contractPrincipal, received, payments: [{ day: days, amount: repaid }] }), cliTexts);
    expect(cli.exitCode).toBe(0);
    expect(Math.abs((cli.line as { apr: number }).apr - want)).toBeLessThan(0.01);
    // One repayment: the chat leads with the simple figure (interest ÷ received × 365 ÷ days), the one the cap is
    // compared with; the table page shows the monthly IRR × 12 that apr --json prints.
    const shown = leadRate(renderText(result.reply, { buttons: false }));
    const simple = ((repaid - received) / received) * (365 / days) * 100;
    expect(Math.abs(shown - simple)).toBeLessThan(Math.max(0.06, simple * 0.0005));
    const tableRates = [...renderText(kit.table(facts, AT).reply, { buttons: false }).matchAll(/([\d,.]+)%/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(tableRates.some((x) => Math.abs(x - want) < Math.max(0.06, want * 0.0005))).toBe(true);
  });
});
