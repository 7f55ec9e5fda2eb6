/**
 * Structural crisis signs: what a person says when they mean to die is seldom one fixed phrase, but it is often
 * two kinds of thing at once — belongings given away and "用不上了", a death hypothetical and the debt, a
 * dangerous place and "去看过了". Each kind is a named family of patterns (a sign); a combination of signs (mostly
 * two; one for a sign that is telling alone, such as one's own funeral arranged) found in one turn, at places that
 * do not overlap, is risk or acute. Signs and combinations are data in knowledge/understanding/crisis.yaml
 * (signs, together).
 */
import type { CrisisCues } from '../../knowledge/understanding-data';
import type { CueCompiler, CueHit, CueMatcher } from './cues';

/** The strongest level any combination reaches in a normalised turn, or undefined when none is complete. */
export type SignReader = (t: string) => 'acute' | 'risk' | undefined;

interface Combination {
  level: 'acute' | 'risk';
  all: CueMatcher[];
  unless: CueMatcher;
}

/** Compiles the signs once; the reader then scans each sign at most once per turn. */
export function createSignReader(cues: Pick<CrisisCues, 'signs' | 'together'>, compiler: CueCompiler): SignReader {
  const signs = new Map(Object.entries(cues.signs).map(([name, list]) => [name, compiler.compile(list)]));
  const combos: Combination[] = cues.together.map((c) => ({
    level: c.level,
    all: c.all.map((name) => signs.get(name)!),
    unless: compiler.compile(c.unless),
  }));
  return (t) => {
    const hits = new Map<CueMatcher, CueHit[]>();
    const hitsOf = (m: CueMatcher): CueHit[] => {
      let h = hits.get(m);
      if (!h) hits.set(m, (h = m.all(t)));
      return h;
    };
    let found: 'acute' | 'risk' | undefined;
    for (const c of combos) {
      if (found === 'acute' || (found === 'risk' && c.level === 'risk')) continue;
      if (!c.all.every((m) => hitsOf(m).length > 0)) continue;
      if (c.unless.test(t)) continue;
      if (apart(c.all.map(hitsOf), [])) found = c.level;
    }
    return found;
  };
}

/** One hit per sign, no two overlapping (a small search: turns are short and hits few). */
function apart(lists: CueHit[][], chosen: CueHit[]): boolean {
  if (chosen.length === lists.length) return true;
  return lists[chosen.length]!.some((h) => chosen.every((c) => c.end <= h.start || h.end <= c.start) && apart(lists, [...chosen, h]));
}
