/**
 * Turns a zod issue path into one a person can find in a YAML file: "articles[3] (1032).text",
 * "rules[12] (bombing).patterns[2]" — list entries are labelled by their article number, id or heading.
 */
export function describePath(data: unknown, path: PropertyKey[]): string {
  let cur: unknown = data;
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === 'number') {
      cur = Array.isArray(cur) ? cur[p] : undefined;
      const o = cur && typeof cur === 'object' ? (cur as Record<string, unknown>) : undefined;
      const label = o ? (o.article ?? o.id ?? o.heading) : undefined;
      parts.push(`[${p}]${label !== undefined ? ` (${String(label)})` : ''}`);
    } else {
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p as string] : undefined;
      parts.push(`${parts.length ? '.' : ''}${String(p)}`);
    }
  }
  return parts.join('') || '(file)';
}
