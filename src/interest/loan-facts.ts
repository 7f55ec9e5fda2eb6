/**
 * The numbers of one loan as gathered from what the borrower said. Structurally the dialogue state's LoanFacts
 * (principal, received, payment, total, fees, term, contractDate, lender), so the conversation can merge a
 * parsed turn into its state and hand the state back; the optional extras say how the loan is repaid when the
 * borrower gave a rate, a schedule or a fee per instalment instead of a payment.
 */
import type { Payment } from './cash-flow';

export type LenderType = 'licensed' | 'unlicensed' | 'unknown';
export type TermUnit = 'month' | 'day' | 'week' | 'period';

/** How the loan is repaid, when the borrower said so (or a rate implies it). */
export type RepaymentKind = 'bullet' | 'equal_instalments' | 'equal_principal' | 'interest_only' | 'flat';

export interface LoanFacts {
  /** What the contract says was lent. */
  principal?: number;
  /** What actually reached the borrower. */
  received?: number;
  /** The payment each period. */
  payment?: number;
  /** Everything repaid, or the one payment at the end. */
  total?: number;
  /** Deducted or paid at signing (砍头息, 服务费 …). */
  fees?: number;
  term?: { count: number; unit: TermUnit };
  /** YYYY-MM-DD (the first of the month or year when only those were said). */
  contractDate?: string;
  /**
   * Who lent. `business`: an unlicensed lender lending as a business to the public (714 apps, 黑网贷, 职业放贷),
   * whose contract 民间借贷规定 13(三) makes void; a state that does not keep it only loses that sentence.
   */
  lender?: { name?: string; type: LenderType; business?: boolean };
  // Extras the calculator uses; a state that does not keep them only loses precision, never correctness.
  /**
   * A stated rate: percent per day, month or year ('unknown' when the borrower did not say which). A rate said
   * per week (周息5%) is kept as the daily rate it equals, with the weekly percent as said in `week`.
   */
  rate?: { percent: number; per: 'day' | 'month' | 'year' | 'unknown'; week?: number };
  repayment?: RepaymentKind;
  /** Interest stated as money: in all, or each period. */
  interest?: { amount: number; each: boolean };
  /** A fee charged with every payment (每期服务费). */
  feePerPayment?: number;
  /** Days between payments when they are not monthly (每周 → 7, 14天一期 → 14). */
  periodDays?: number;
  /** Payments on stated days or months (第7天还500，第14天还600). */
  payments?: Payment[];
  /** The principal part of each instalment when interest is given as a rate (每月本金1000，利息按剩余本金1%). */
  principalPerPeriod?: number;
  /** Fees paid together with the last payment (还要交200服务费一起还). */
  feeWithLast?: number;
  /** Fees paid together with the first payment (第一期还要多交500手续费). */
  feeWithFirst?: number;
  /**
   * Fees added to some instalments only, numbered from 1 (前三期多交100: from 1 to 3; 第2个月开始每期多收20: from 2
   * on, `to` absent).
   */
  feesOnPeriods?: Array<{ amount: number; from: number; to?: number }>;
  /**
   * Set when a message tells of more than one loan and none is chosen: the amounts lent as said (possibly fewer
   * than two, when the loans were counted without their amounts), so that the question names them.
   */
  loans?: number[];
  /** A number the borrower mentioned without its value (扣了服务费; 每次交了几百块): asked, never guessed. */
  unstated?: MissingNumber;
}

/** The one number to ask for when a loan cannot be computed yet. */
export type MissingNumber = 'principal' | 'received' | 'payment' | 'term' | 'rate_unit';
