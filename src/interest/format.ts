/** How the interest replies write numbers: percents with one decimal, yuan with separators. */

/** 0.5464 → "54.6"; rates of 1,000 % and more without decimals (a 7-day loan's 4,452 %). */
export function percentText(fraction: number): string {
  const p = fraction * 100;
  if (!Number.isFinite(p)) return '—';
  return Math.abs(p) >= 1000 ? Math.round(p).toLocaleString('en-US') : (Math.round(p * 10) / 10).toFixed(1);
}

/** 10000 → "10,000"; 1050.5 → "1,050.5"; cents only when there are any. */
export function yuanText(amount: number): string {
  const r = Math.round(amount * 100) / 100;
  return r.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
