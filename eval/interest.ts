/**
 * `npm run eval:interest [-- --file F]`: the loan parser on eval/interest/descriptions.jsonl (110 descriptions written by
 * someone who did not write the parser). Prints the share of complete descriptions parsed to the right cash
 * flows (contract principal, received, and every payment's amount and timing, to the cent), the share of
 * incomplete ones answered with a clarifying question instead of a guess (and how many asked for the number
 * the writer said was missing), and where complete ones went wrong. `--verbose` lists every miss.
 *
 * A complete description is right when the principal and the received amount agree to the cent, the payments
 * fall at the same times, each payment is within PAYMENT_TOLERANCE yuan of the writer's, and the nominal annual
 * rate of the parsed flows agrees with the writer's to 0.01 percentage points (the issue's accuracy). The
 * tolerance absorbs only rounding conventions (whether the last 等额本息 instalment takes the odd cents); how
 * many were right to the cent is printed too. eval/interest/README.md says why.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths';
import { loadInterestData } from '../src/interest/interest-data';
import { createLoanTextParser } from '../src/interest/loan-text';
import { cashFlowsOf } from '../src/interest/facts-to-flows';
import type { LoanCashFlows, Payment } from '../src/interest/cash-flow';
import { loanRates } from '../src/interest/rates';

interface Item {
  id: string;
  text: string;
  complete: boolean;
  contract_principal: number | null;
  received: number | null;
  payments: Array<{ month?: number; day?: number; amount: number }>;
  lender_type: string;
  contract_date: string | null;
  missing?: string[];
  note: string;
}

/** The writer's names for a missing number → the parser's. */
const MISSING_NAMES: Record<string, string> = { payment_amount: 'payment', rate: 'payment', term: 'term', rate_unit: 'rate_unit', received: 'received', principal: 'principal' };
/** The evaluation date: relative dates ("去年") in the set are read against it. */
const AT = new Date('2026-11-30T12:00:00+08:00');

/** Yuan each payment may differ by (a rounding convention, never a different loan: the rate must agree too). */
const PAYMENT_TOLERANCE = 0.5;
/** The nominal annual rates must agree to 0.01 percentage points. */
const APR_TOLERANCE = 0.0001;

const near = (a: number | null | undefined, b: number | null | undefined, tol = 0.011) => a != null && b != null && Math.abs(a - b) <= tol;
const when = (p: { month?: number; day?: number }) => (p.month !== undefined ? `m${p.month}` : `d${p.day}`);

function samePayments(got: Payment[], want: Item['payments'], tol = 0.011): boolean {
  if (got.length !== want.length) return false;
  const key = (p: { month?: number; day?: number }) => (p.month !== undefined ? p.month * 1000 : p.day ?? 0);
  const g = [...got].sort((a, b) => key(a) - key(b));
  const w = [...want].sort((a, b) => key(a) - key(b));
  return g.every((p, i) => when(p) === when(w[i]!) && near(p.amount, w[i]!.amount, tol));
}

/** Payments within the tolerance whose rate agrees to 0.01 pp with the writer's flows. */
function sameLoan(got: LoanCashFlows, it: Item): boolean {
  if (!samePayments(got.payments, it.payments, PAYMENT_TOLERANCE)) return false;
  const want: LoanCashFlows = { contractPrincipal: it.contract_principal ?? 0, received: it.received ?? 0, payments: it.payments };
  const a = loanRates(got);
  const b = loanRates(want);
  if (!a.ok || !b.ok) return a.ok === b.ok && samePayments(got.payments, it.payments);
  return Math.abs(a.rates.apr - b.rates.apr) <= APR_TOLERANCE;
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const fileArg = process.argv.indexOf('--file');
  const file = fileArg > 0 && process.argv[fileArg + 1] ? process.argv[fileArg + 1]! : join(PACKAGE_ROOT, 'eval', 'interest', 'descriptions.jsonl');
  const items = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Item);
  const interestData = loadInterestData(join(PACKAGE_ROOT, 'knowledge'));
  const parse = createLoanTextParser(interestData.cues, interestData.serviceNumbers);
  let complete = 0, right = 0, toTheCent = 0, askedInstead = 0, wrongGuess = 0;
  let incomplete = 0, asked = 0, askedRight = 0;
  const misses: string[] = [];
  for (const it of items) {
    const out = cashFlowsOf(parse(it.text, AT));
    if (it.complete) {
      complete++;
      if (out.ok && near(out.flows.contractPrincipal, it.contract_principal) && near(out.flows.received, it.received) && sameLoan(out.flows, it)) {
        right++;
        if (samePayments(out.flows.payments, it.payments)) toTheCent++;
        continue;
      }
      if (out.ok) wrongGuess++;
      else askedInstead++;
      const got = out.ok ? `P=${out.flows.contractPrincipal} R=${out.flows.received} ${out.flows.payments.map((p) => `${when(p)}:${p.amount}`).join(' ')}` : `asks for ${out.missing}`;
      misses.push(`${it.id} ${it.text}\n    want P=${it.contract_principal} R=${it.received} ${it.payments.map((p) => `${when(p)}:${p.amount}`).join(' ')}\n    got  ${got}`);
    } else {
      incomplete++;
      if (!out.ok) {
        asked++;
        if ((it.missing ?? []).some((m) => MISSING_NAMES[m] === out.missing)) askedRight++;
      } else misses.push(`${it.id} (incomplete: ${(it.missing ?? []).join(',')}) ${it.text}\n    guessed P=${out.flows.contractPrincipal} R=${out.flows.received} ${out.flows.payments.map((p) => `${when(p)}:${p.amount}`).join(' ')}`);
    }
  }
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '—');
  console.log(`interest parser on ${items.length} descriptions (${relative(PACKAGE_ROOT, file)})`);
  console.log(`  complete:   ${right}/${complete} parsed to the right cash flows (${pct(right, complete)} %; ${toTheCent} to the cent); of the rest ${askedInstead} asked a question, ${wrongGuess} guessed wrong`);
  console.log(`  incomplete: ${asked}/${incomplete} got a clarifying question instead of a guess (${pct(asked, incomplete)} %); ${askedRight} asked for the number the writer named`);
  console.log(`  overall:    ${right + asked}/${items.length} right or asked (${pct(right + asked, items.length)} %); target ≥ 95 % parsed right, the rest asked`);
  if (verbose) for (const m of misses) console.log(m);
  else if (misses.length) console.log(`  ${misses.length} misses; --verbose lists them`);
}

main();
