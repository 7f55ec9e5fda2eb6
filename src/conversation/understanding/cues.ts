/**
 * Cue lists from knowledge/understanding/ compiled once into matchers. Patterns use the analyzer's small syntax
 * (literals, a|b, @GROUP, ~N gaps, ^ $, #, word!tail), with the understanding lexicon's own term groups and
 * clause breaks — plus SPACE_BREAK, so a gap never runs across a space the user typed between two clauses.
 */
import { PatternCompiler, type Scope } from '../../analysis/classify';
import type { UnderstandingLexicon } from '../../knowledge/understanding-data';
import { SPACE_BREAK } from './turn-text';

/** Where a cue matched in a normalised text. */
export interface CueHit {
  start: number;
  end: number;
}

/** Any of a list of patterns. */
export interface CueMatcher {
  test(t: string): boolean;
  /** The first hit at or after `from`. */
  find(t: string, from?: number): CueHit | undefined;
  /** Every hit, left to right, non-overlapping. */
  all(t: string): CueHit[];
}

/** Compiles pattern lists against one lexicon. */
export interface CueCompiler {
  compile(patterns: readonly string[], scope?: Scope): CueMatcher;
  /** Clause breaks (the lexicon's plus SPACE_BREAK and '\n'). */
  readonly clauseBreaks: string;
  readonly sentenceBreaks: string;
}

const NEVER: CueMatcher = { test: () => false, find: () => undefined, all: () => [] };

/** A compiler for the understanding lexicon. */
export function createCueCompiler(lexicon: UnderstandingLexicon): CueCompiler {
  const clauseBreaks = withBreaks(lexicon.clause_breaks);
  const sentenceBreaks = withBreaks(lexicon.sentence_breaks);
  const compiler = new PatternCompiler({ terms: lexicon.terms, clause_breaks: clauseBreaks, sentence_breaks: sentenceBreaks });
  return {
    clauseBreaks,
    sentenceBreaks,
    compile(patterns, scope = 'clause') {
      if (patterns.length === 0) return NEVER;
      const re = compiler.compile([...patterns], scope).re;
      const find = (t: string, from = 0): CueHit | undefined => {
        re.lastIndex = from;
        for (let m = re.exec(t); m; m = re.exec(t)) {
          if (m[0].length > 0) return { start: m.index, end: m.index + m[0].length };
          re.lastIndex = m.index + 1;
        }
        return undefined;
      };
      return {
        test: (t) => find(t) !== undefined,
        find,
        all(t) {
          const out: CueHit[] = [];
          for (let h = find(t); h; h = find(t, h.end)) out.push(h);
          return out;
        },
      };
    },
  };
}

/** Plain words as a pattern list (each literal escaped from the pattern syntax's meta characters). */
export function wordsAsPatterns(words: readonly string[]): string[] {
  return words.filter((w) => /^[^\s|~@^$#!?]+$/.test(w));
}

function withBreaks(breaks: string): string {
  let out = breaks;
  for (const ch of [SPACE_BREAK, '\n']) if (!out.includes(ch)) out += ch;
  return out;
}
