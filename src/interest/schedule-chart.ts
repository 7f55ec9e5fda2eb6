/**
 * A picture of the repayment schedule for channels that show images (a Telegram photo, the web chat): one bar
 * per payment, principal and interest-and-fees stacked, drawn as SVG and turned into PNG by sharp (prebuilt
 * binaries from npm; nothing is fetched at run time). Labels come from prompts/interest.yaml; the Chinese
 * legend needs a CJK font on the machine (fonts-noto-cjk), the numbers only a basic one.
 */
import sharp from 'sharp';
import type { LoanCashFlows } from './cash-flow';
import { repaymentTable } from './repayment-table';
import { yuanText } from './format';

export interface ChartLabels {
  title: string;
  principal: string;
  interest: string;
}

const W = 720;
const H = 400;
const PAD = { left: 70, right: 20, top: 50, bottom: 40 };
const COLORS = { principal: '#3b6fb6', interest: '#e8873a', axis: '#555555', grid: '#dddddd', text: '#222222' };
const FONT = "'Noto Sans CJK SC','Noto Sans SC','Noto Serif CJK SC','WenQuanYi Micro Hei','AR PL UMing CN','DejaVu Sans',sans-serif";

/** The schedule chart as SVG text (pure; used by scheduleChartPng and by tests). */
export function scheduleChartSvg(flows: LoanCashFlows, monthlyIrr: number, labels: ChartLabels): string {
  const rows = repaymentTable(flows, monthlyIrr);
  const max = Math.max(1, ...rows.map((r) => r.amount));
  const top = niceCeiling(max);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, rows.length);
  const barW = Math.max(2, Math.min(40, slot * 0.7));
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const parts: string[] = [];
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(`<text x="${PAD.left}" y="28" font-size="18" fill="${COLORS.text}">${esc(labels.title)}</text>`);
  for (let i = 0; i <= 4; i++) {
    const v = (top * i) / 4;
    parts.push(`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="${COLORS.grid}"/>`);
    parts.push(`<text x="${PAD.left - 8}" y="${y(v) + 4}" font-size="12" text-anchor="end" fill="${COLORS.axis}">${esc(yuanText(v))}</text>`);
  }
  const every = Math.ceil(rows.length / 12);
  rows.forEach((r, i) => {
    const x = PAD.left + slot * i + (slot - barW) / 2;
    const interest = Math.min(r.amount, Math.max(0, r.interest));
    const principal = r.amount - interest;
    parts.push(`<rect x="${x.toFixed(1)}" y="${y(principal).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(0) - y(principal)).toFixed(1)}" fill="${COLORS.principal}"/>`);
    parts.push(`<rect x="${x.toFixed(1)}" y="${y(r.amount).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(principal) - y(r.amount)).toFixed(1)}" fill="${COLORS.interest}"/>`);
    if (i % every === 0 || i === rows.length - 1) {
      const tick = r.month !== undefined ? `${r.month}` : `${r.day}d`;
      parts.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${H - PAD.bottom + 16}" font-size="12" text-anchor="middle" fill="${COLORS.axis}">${tick}</text>`);
    }
  });
  parts.push(`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(0)}" y2="${y(0)}" stroke="${COLORS.axis}"/>`);
  const lx = W - PAD.right - 220;
  parts.push(`<rect x="${lx}" y="14" width="14" height="14" fill="${COLORS.principal}"/><text x="${lx + 20}" y="26" font-size="14" fill="${COLORS.text}">${esc(labels.principal)}</text>`);
  parts.push(`<rect x="${lx + 90}" y="14" width="14" height="14" fill="${COLORS.interest}"/><text x="${lx + 110}" y="26" font-size="14" fill="${COLORS.text}">${esc(labels.interest)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT}">${parts.join('')}</svg>`;
}

/** The schedule chart as a PNG buffer. */
export async function scheduleChartPng(flows: LoanCashFlows, monthlyIrr: number, labels: ChartLabels): Promise<Buffer> {
  return sharp(Buffer.from(scheduleChartSvg(flows, monthlyIrr, labels))).png().toBuffer();
}

/** 1,234 → 1,500; 9,000 → 10,000: a round top for the axis. */
function niceCeiling(x: number): number {
  const p = Math.pow(10, Math.floor(Math.log10(x)));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
