/** China Standard Time (UTC+8, no daylight saving) helpers: collection hours and shown timestamps use it. */

const OFFSET_MS = 8 * 3600_000;

/** "2026-05-12 23:40" in China time for an ISO instant. */
export function formatChinaTime(iso: string | Date): string {
  const t = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  return new Date(t + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
