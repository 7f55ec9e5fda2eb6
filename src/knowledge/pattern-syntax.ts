/**
 * Checks a pattern written in the knowledge files' small pattern syntax (knowledge/analysis/lexicon.yaml:
 * literals, a|b, @GROUP, ~N gaps, optional?, ^ $, #, word!tail) before anything compiles it, so a typo stops
 * the boot naming its file and entry instead of silently never matching.
 */

/**
 * The problems of one pattern, each phrased for the person editing `file` at `where`; empty when it is fine.
 * `groups` are the term groups the pattern may refer to (without the @).
 */
export function patternProblems(file: string, where: string, pattern: string, groups: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const ref of pattern.match(/@[A-Z_]+/g) ?? []) {
    if (!groups.has(ref.slice(1))) problems.push(`${file}: ${where}: unknown term group ${ref} in "${pattern}"`);
  }
  for (const t of pattern.trim().split(/\s+/)) {
    if (t.startsWith('~') && !/^~\d*$/.test(t)) problems.push(`${file}: ${where}: a gap is written ~N (e.g. ~6) in "${pattern}"`);
    if (t.slice(0, -1).includes('?')) {
      problems.push(`${file}: ${where}: "?" makes a whole token optional and goes at its end, in "${pattern}"`);
    }
    if (t.length > 1 && (t.startsWith('^') || t.endsWith('$'))) {
      problems.push(`${file}: ${where}: ^ and $ are tokens of their own (write "^ 骗子"), in "${pattern}"`);
    }
  }
  return problems;
}
