/**
 * `debtshield apr --json`: the calculator's measured contract. One JSON object on stdin,
 * {"contract_principal", "received", "payments": [{"day", "month"?, "amount"}]} (month for monthly payments,
 * otherwise day counts days from disbursement), gives one JSON line {"apr", "ear", "monthly_irr",
 * "total_repaid", "total_cost", "apr_on_contract_principal"} with rates in percent. Bad input gives a JSON
 * line with "error" (Chinese, from prompts/cli.yaml) and exit code 2.
 */
import type { Readable, Writable } from 'node:stream';
import type { Replies } from '../replies';
import type { LoanCashFlows, Payment } from '../interest/cash-flow';
import { loanRates, type RateProblem } from '../interest/rates';

export interface AprOutput {
  apr: number;
  ear: number;
  monthly_irr: number;
  total_repaid: number;
  total_cost: number;
  apr_on_contract_principal: number;
}

type Parsed = { ok: true; flows: LoanCashFlows } | { ok: false; problem: RateProblem | 'invalid_json' };

/** Reads the input object into cash flows; never throws. */
export function parseAprInput(text: string): Parsed {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'invalid_json' };
  }
  if (!o || typeof o !== 'object' || Array.isArray(o)) return { ok: false, problem: 'invalid_json' };
  const obj = o as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  if (obj.received === undefined) return { ok: false, problem: 'no_received' };
  const received = num(obj.received);
  const principal = obj.contract_principal === undefined || obj.contract_principal === null ? received : num(obj.contract_principal);
  if (received === undefined || principal === undefined) return { ok: false, problem: 'negative_amount' };
  if (!Array.isArray(obj.payments) || obj.payments.length === 0) return { ok: false, problem: 'no_payments' };
  const payments: Payment[] = [];
  for (const p of obj.payments as unknown[]) {
    if (!p || typeof p !== 'object') return { ok: false, problem: 'no_payments' };
    const q = p as Record<string, unknown>;
    const amount = num(q.amount);
    if (amount === undefined) return { ok: false, problem: 'negative_amount' };
    const month = q.month === undefined || q.month === null ? undefined : num(q.month);
    const day = q.day === undefined || q.day === null ? undefined : num(q.day);
    if ((q.month !== undefined && q.month !== null && month === undefined) || (q.day !== undefined && q.day !== null && day === undefined)) return { ok: false, problem: 'bad_time' };
    if (month === undefined && day === undefined) return { ok: false, problem: 'bad_time' };
    payments.push({ ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}), amount });
  }
  return { ok: true, flows: { contractPrincipal: principal, received, payments } };
}

/** The output line for one input text: the rates, or an error (with its code) for exit code 2. */
export function aprLine(text: string, texts: Replies): { line: object; exitCode: 0 | 2 } {
  const parsed = parseAprInput(text);
  if (!parsed.ok) return errorLine(parsed.problem, texts);
  const out = loanRates(parsed.flows);
  if (!out.ok) return errorLine(out.problem, texts);
  const r = out.rates;
  const pct = (x: number) => round(x * 100, 6);
  const line: AprOutput = {
    apr: pct(r.apr),
    ear: pct(r.ear),
    monthly_irr: pct(r.monthlyIrr),
    total_repaid: round(r.totalRepaid, 2),
    total_cost: round(r.totalCost, 2),
    apr_on_contract_principal: pct(r.aprOnContractPrincipal),
  };
  return { line, exitCode: 0 };
}

/** Runs the command: reads all of stdin, writes one line; resolves with the exit code. */
export async function runAprCommand(stdin: Readable, stdout: Writable, texts: Replies): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c)));
  const { line, exitCode } = aprLine(Buffer.concat(chunks).toString('utf8'), texts);
  stdout.write(toJsonLine(line) + '\n');
  return exitCode;
}

/** JSON with an infinite rate written as 1e999: still a JSON number, and it parses back as infinity. */
export function toJsonLine(o: object): string {
  return JSON.stringify(o, (_k, v: unknown) => (v === Infinity ? '__INF__' : v)).replace(/"__INF__"/g, '1e999');
}

function errorLine(problem: RateProblem | 'invalid_json', texts: Replies): { line: object; exitCode: 2 } {
  return { line: { error: texts.text(`apr_error_${problem}`), code: problem }, exitCode: 2 };
}

function round(x: number, digits: number): number {
  const f = Math.pow(10, digits);
  return Math.round(x * f) / f;
}
