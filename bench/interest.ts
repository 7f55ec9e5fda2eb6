/**
 * `npm run bench:interest`: the time of one calculation (loanRates: IRR, APR, EAR, variants) over the loans of
 * eval/interest/descriptions.jsonl as parsed, plus schedules of every kind up to 360 payments; and of the whole
 * path from text (parse → cash flows → rates). Prints p50 / p95 / max after a warm-up. Target: p95 ≤ 1 ms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { PACKAGE_ROOT } from '../src/paths';
import { loadInterestData } from '../src/interest/interest-data';
import { createLoanTextParser } from '../src/interest/loan-text';
import { cashFlowsOf } from '../src/interest/facts-to-flows';
import { loanRates } from '../src/interest/rates';
import type { LoanCashFlows } from '../src/interest/cash-flow';
import { bulletByDay, equalInstalments, equalPrincipal, flatRate, interestOnly, level } from '../src/interest/schedules';

const TARGET_P95_MS = 1;
const ROUNDS = 20;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

function timeEach<T>(items: T[], f: (x: T) => unknown): number[] {
  for (const x of items) f(x);
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const x of items) {
      const t0 = performance.now();
      f(x);
      times.push(performance.now() - t0);
    }
  }
  return times;
}

function main(): void {
  const texts = readFileSync(join(PACKAGE_ROOT, 'eval', 'interest', 'descriptions.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const interestData = loadInterestData(join(PACKAGE_ROOT, 'knowledge'));
  const parse = createLoanTextParser(interestData.cues, interestData.serviceNumbers);
  const at = new Date();
  const loans: LoanCashFlows[] = [];
  for (const t of texts) {
    const out = cashFlowsOf(parse(t, at));
    if (out.ok) loans.push(out.flows);
  }
  const made = (received: number, payments: LoanCashFlows['payments']): LoanCashFlows => ({ contractPrincipal: received, received, payments });
  for (const n of [12, 36, 120, 360]) {
    loans.push(made(100000, equalInstalments(100000, 0.01, n)), made(100000, equalPrincipal(100000, 0.008, n)), made(100000, interestOnly(100000, 0.02, n)), made(100000, flatRate(100000, 0.006, n)), made(90000, level(4000, n)));
  }
  for (const d of [1, 7, 14, 30]) loans.push(made(1000, bulletByDay(1300, d)));

  const calc = timeEach(loans, (f) => loanRates(f));
  const whole = timeEach(texts, (t) => {
    const out = cashFlowsOf(parse(t, at));
    return out.ok ? loanRates(out.flows) : undefined;
  });
  const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(4)} ms, p95 ${percentile(xs, 95).toFixed(4)} ms, max ${Math.max(...xs).toFixed(3)} ms`;
  console.log(`interest bench (${loans.length} loans × ${ROUNDS} rounds; ${texts.length} texts × ${ROUNDS}; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)})`);
  console.log(`  calculation (loanRates):          ${fmt(calc)}  — target p95 ≤ ${TARGET_P95_MS} ms: ${percentile(calc, 95) <= TARGET_P95_MS ? 'met' : 'NOT met'}`);
  console.log(`  text → flows → rates (whole path): ${fmt(whole)}`);
}

main();
