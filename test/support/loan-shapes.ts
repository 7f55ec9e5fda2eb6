/** The loan-text parser over the repository's knowledge/, and the schedules the shape tests expect, written once. */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';
import { loadInterestData } from '../../src/interest/interest-data';
import { createLoanTextParser } from '../../src/interest/loan-text';
import { cashFlowsOf } from '../../src/interest/facts-to-flows';

const interestData = loadInterestData(join(PACKAGE_ROOT, 'knowledge'));
export const parseLoan = createLoanTextParser(interestData.cues, interestData.serviceNumbers);

/** The cash flows of a description, read as if written at `at`. */
export function flowsAt(at: Date): (text: string) => ReturnType<typeof cashFlowsOf> {
  return (text) => cashFlowsOf(parseLoan(text, at));
}

/** `n` monthly payments of `amount`, months 1…n. */
export const months = (n: number, amount: number) => Array.from({ length: n }, (_, i) => ({ month: i + 1, amount }));

/** `n` payments of `amount` every `gap` days, the first `gap` days after the loan. */
export const everyDays = (gap: number, n: number, amount: number) => Array.from({ length: n }, (_, i) => ({ day: gap * (i + 1), amount }));
