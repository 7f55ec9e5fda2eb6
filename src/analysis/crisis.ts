/**
 * Crisis first: before any debt advice, notice when the user says they want to die or hurt themselves, so the
 * bot answers with care and the 12356 hotline. Only the user's own intent counts: "催收说要逼死我" is about the
 * collector, "你想死吗" is a collector's menace, "被逼得想死" is the user's own despair. Expressions and
 * exclusions are data in knowledge/analysis/crisis.yaml.
 */
import { CueSet, PatternCompiler, type CompiledPattern } from './classify';
import { createNormalizer, type Normalizer } from './normalize';
import { spaceSeparated } from './space-breaks';
import type { AnalysisRules } from './rules';

interface CompiledCrisis {
  normalizer: Normalizer;
  expressions: CompiledPattern;
  /** Each expression alone, anchored where it is tried. */
  sticky: RegExp[];
  exclusions: CompiledPattern | undefined;
  /** First-person words that count even where an exclusion (a collector's reported words) covers them. */
  ownWords: CompiledPattern | undefined;
  negation: CueSet;
  /** A-not-A question forms, blanked out before looking for a negation cue. */
  questionForms: RegExp | undefined;
  window: number;
  collectorLine: RegExp;
  clauseBreaks: string;
}

const cache = new WeakMap<AnalysisRules, CompiledCrisis>();

/**
 * True when `text` (the user's own message) expresses suicidal or self-harm intent. Compiles the rules once per
 * rules object; each call is then a few regular-expression scans.
 */
export function detectCrisis(text: string, rules: AnalysisRules): boolean {
  const c = compiled(rules);
  const n = c.normalizer.normalize(text);
  const t = dropCollectorLines(n.text, c.collectorLine);
  // A space the user typed between two clauses ("还不上 不如去死") ends a clause for the negation look-back,
  // though the normaliser removed it (patterns may still span it).
  const spaced = spaceSeparated(n);
  const exclusions: Array<[number, number]> = [];
  if (c.exclusions) {
    const re = c.exclusions.re;
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      exclusions.push([m.index, m.index + m[0].length]);
      re.lastIndex = m.index + 1;
    }
  }
  // "死了是不是一了百了": the 不 of a question form does not negate what follows.
  const forNegation = c.questionForms ? t.replace(c.questionForms, (q) => '_'.repeat(q.length)) : t;
  // The user's own words after a collector's reported insult ("…说我不配活着 我也觉得自己不配活着"): no exclusion
  // applies to them, only a negation before them.
  const negatedAt = (start: number): boolean => {
    let cs = start;
    while (cs > 0 && !c.clauseBreaks.includes(t[cs - 1]!) && !spaced[cs]) cs--;
    return c.negation.firstIn(forNegation, Math.max(cs, start - c.window), start) !== undefined;
  };
  if (c.ownWords) {
    const own = c.ownWords.re;
    own.lastIndex = 0;
    for (let m = own.exec(t); m; m = own.exec(t)) {
      own.lastIndex = m.index + 1;
      if (!negatedAt(m.index)) return true;
    }
  }
  const re = c.expressions.re;
  re.lastIndex = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const start = m.index;
    const end = start + m[0].length;
    re.lastIndex = start + 1;
    const excluded = (a: number, b: number) => exclusions.some(([s, e]) => s < b && a < e);
    // The combined pattern tries one expression per position: when its hit is excluded, another expression
    // starting at the same place may still stand clear of the exclusion.
    if (excluded(start, end) && !c.sticky.some((one) => {
      one.lastIndex = start;
      const other = one.exec(t);
      return other !== null && !excluded(start, start + other[0].length);
    })) continue;
    if (negatedAt(start)) continue;
    return true;
  }
  return false;
}

function compiled(rules: AnalysisRules): CompiledCrisis {
  const hit = cache.get(rules);
  if (hit) return hit;
  const lex = rules.lexicon;
  const compiler = new PatternCompiler(lex);
  const expressions = compiler.compile(rules.crisis.expressions, 'clause');
  const c: CompiledCrisis = {
    normalizer: createNormalizer(Object.entries(lex.variants).map(([from, to]) => ({ from, to }))),
    expressions,
    sticky: expressions.each.map((re) => new RegExp(re.source, 'y')),
    exclusions: rules.crisis.exclusions.length ? compiler.compile(rules.crisis.exclusions, 'clause') : undefined,
    ownWords: rules.crisis.own_words.length ? compiler.compile(rules.crisis.own_words, 'clause') : undefined,
    negation: new CueSet(rules.crisis.negation.cues),
    questionForms: rules.crisis.negation.not_in.length ? new RegExp(rules.crisis.negation.not_in.map(escape).join('|'), 'g') : undefined,
    window: rules.crisis.negation.window,
    collectorLine: new RegExp(`^\\s*(?:${lex.speaker.collector.map(escape).join('|')})\\s*:`),
    clauseBreaks: lex.clause_breaks,
  };
  cache.set(rules, c);
  return c;
}

/** A transcript's collector lines are not the user's words (blanked with line breaks, keeping offsets). */
function dropCollectorLines(t: string, collectorLine: RegExp): string {
  if (!t.includes('\n')) return t;
  return t
    .split('\n')
    .map((line) => (collectorLine.test(line) ? '\n'.repeat(line.length) : line))
    .join('\n');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
}
