/**
 * `debtshield apr --json`: one JSON object in, one JSON line out (rates in percent), checked against a
 * brute-force bisection; bad input gives a Chinese "error" line and exit code 2. Run in-process through runCli.
 */
import { runCli } from '../../src/cli/main';
import { ioWith } from '../support/streams';
import { bruteApr } from '../support/brute-apr';

async function apr(input: string): Promise<{ code: number; out: Record<string, unknown> }> {
  const io = ioWith(input);
  const code = await runCli(['apr', '--json'], io);
  const text = io.stdout.text();
  expect(text.trim().split('\n')).toHaveLength(1);
  return { code, out: JSON.parse(text) as Record<string, unknown> };
}

describe('debtshield apr --json', () => {
  it('monthly payments: apr, ear, monthly_irr, totals and the rate on the contract principal', async () => {
    const payments = Array.from({ length: 12 }, (_, i) => ({ day: 30 * (i + 1), month: i + 1, amount: 1050 }));
    const { code, out } = await apr(JSON.stringify({ contract_principal: 10000, received: 7000, payments }));
    expect(code).toBe(0);
    expect(Object.keys(out).sort()).toEqual(['apr', 'apr_on_contract_principal', 'ear', 'monthly_irr', 'total_cost', 'total_repaid']);
    const want = bruteApr(7000, payments.map((p) => ({ t: p.month, amount: p.amount })));
    expect(Math.abs((out.apr as number) - want)).toBeLessThan(0.01);
    expect(out.monthly_irr as number).toBeCloseTo(want / 12, 4);
    expect(out.ear as number).toBeCloseTo(100 * (Math.pow(1 + want / 1200, 12) - 1), 3);
    expect(out.total_repaid).toBe(12600);
    expect(out.total_cost).toBe(5600);
    expect(Math.abs((out.apr_on_contract_principal as number) - bruteApr(10000, payments.map((p) => ({ t: p.month, amount: p.amount }))))).toBeLessThan(0.01);
  });

  it('day-counted payments use the day', async () => {
    const { code, out } = await apr('{"contract_principal":2000,"received":1400,"payments":[{"day":7,"amount":400},{"day":14,"amount":400},{"day":21,"amount":2000}]}');
    expect(code).toBe(0);
    const want = bruteApr(1400, [7, 14, 21].map((d, i) => ({ t: (d * 12) / 365, amount: [400, 400, 2000][i]! })));
    expect(Math.abs((out.apr as number) - want)).toBeLessThan(0.01);
  });

  it('zero interest is 0 %', async () => {
    const { code, out } = await apr('{"contract_principal":3000,"received":3000,"payments":[{"day":30,"month":1,"amount":1000},{"day":60,"month":2,"amount":1000},{"day":90,"month":3,"amount":1000}]}');
    expect(code).toBe(0);
    expect(out.apr).toBeCloseTo(0, 6);
    expect(out.total_cost).toBe(0);
  });

  it.each([
    ['a negative amount', '{"contract_principal":1000,"received":1000,"payments":[{"day":7,"amount":-1}]}'],
    ['no payments', '{"contract_principal":1000,"received":1000,"payments":[]}'],
    ['no positive rate', '{"contract_principal":1000,"received":1000,"payments":[{"day":7,"amount":900}]}'],
    ['nothing after disbursement', '{"contract_principal":1000,"received":1000,"payments":[{"day":0,"amount":1100}]}'],
    ['not JSON', 'borrowed 1000'],
    ['a negative received', '{"contract_principal":1000,"received":-5,"payments":[{"day":7,"amount":1100}]}'],
  ])('%s → a Chinese error line and exit code 2', async (_name, input) => {
    const { code, out } = await apr(input);
    expect(code).toBe(2);
    expect(String(out.error)).toMatch(/\p{Script=Han}/u);
  });
});
