/** How the interest and loan replies write numbers: percents with one decimal, yuan grouped from five digits. */

/** 0.5464 → "54.6"; rates of 1,000 % and more without decimals (a 7-day loan's 4,452 %). */
export function percentText(fraction: number): string {
  const p = fraction * 100;
  if (!Number.isFinite(p)) return '—';
  return Math.abs(p) >= 1000 ? Math.round(p).toLocaleString('en-US') : (Math.round(p * 10) / 10).toFixed(1);
}

/** A percent figure as a line or cap is named, without a trailing ".0": 36 → "36", 15.4 → "15.4", 12 → "12". */
export function linePctText(percent: number): string {
  return percentText(percent / 100).replace(/\.0$/u, '');
}

/**
 * Yuan as every loan reply writes them, so one reply never says 8000 in one place and 8,000 in another: four
 * digits or fewer without a separator (8000, 1050.5, as GB/T 15835 allows and borrowers write them), five and more
 * grouped (10,000; 125,000); cents only when there are any.
 */
export function yuanText(amount: number): string {
  const r = Math.round(amount * 100) / 100;
  return r.toLocaleString('en-US', { maximumFractionDigits: 2, useGrouping: Math.abs(r) >= 10000 });
}

/**
 * A published one-year LPR as a percent figure: to the hundredth when it has one (3.45 → "3.45", never 3.5), one
 * decimal otherwise (3 → "3.0"), so the rate quoted for a contract date is the one the central bank announced.
 */
export function lprText(percent: number): string {
  const hundredths = Math.round(percent * 100);
  return hundredths % 10 === 0 ? (hundredths / 100).toFixed(1) : (hundredths / 100).toFixed(2);
}
