/**
 * The crisis signal of a turn, computed on every text before anything else: `risk` when the user's own words
 * express a wish to die or self-harm (the analyzer's detectCrisis, rules in knowledge/analysis/crisis.yaml);
 * `acute` when there is also a plan, a place, a time or means at hand — or a place or means alone in the first
 * person ("我在天台上", "药都买好了"); `safe` when the user says they are safe or will not do it. Right after a
 * crisis reply (or the bot's "你现在安全吗") weaker words count too: "没人能帮我" is still risk, "好多了" is safe.
 * Weaker words are also risk when two different ones meet in one turn ("人间不值得 我想走了"), and a place with
 * "不想回去" is acute (acute_pairs); words that take the danger out ("在楼顶的办公室加班") are blanked first.
 * A combination of structural signs (crisis-signs.ts: belongings given away + "用不上了") is risk or acute too;
 * words that defuse a clause later ("今晚就走 坐火车回老家") are blanked like the others (defused_across).
 * Spellings by sound or dialect are respelt before anything is read (crisis-respell.ts).
 * Cues are data in knowledge/understanding/crisis.yaml. Order: acute > risk > safe > none.
 */
import type { CrisisCues } from '../../knowledge/understanding-data';
import type { CueCompiler, CueMatcher } from './cues';
import type { CrisisHead } from './crisis-head';
import { createRespeller } from './crisis-respell';
import { createSignReader } from './crisis-signs';
import type { CrisisSignal, DialogueContext } from './types';

/** The user's own words of a turn: as typed (for detectCrisis) and normalised (for the cues). */
export interface OwnWords {
  raw: string;
  t: string;
}

/** Reads the crisis signal of a turn's own words. */
export type CrisisReader = (own: OwnWords, context: DialogueContext) => CrisisSignal;

/**
 * Builds the reader. `detectRisk` is the analyzer's crisis check bound to its rules (AnalysisKit.detectCrisis):
 * it must say true only for the user's own wish to die or hurt themselves. `head` (crisis-head.ts) hears risk
 * in wordings no rule names, outside care only (it learned first-turn wordings; after care "I won't do anything
 * stupid" is safe); without it the rules alone decide.
 */
export function createCrisisReader(cues: CrisisCues, compiler: CueCompiler, detectRisk: (text: string) => boolean, head: CrisisHead = () => false): CrisisReader {
  const acutePlace = compiler.compile(cues.acute_place);
  const everyday = compiler.compile(cues.everyday);
  const headUnless = compiler.compile(cues.head_unless);
  const acuteAlone = compiler.compile(cues.acute_alone);
  const acuteUpgrade = compiler.compile(cues.acute_upgrade);
  const acuteInCrisis = compiler.compile(cues.acute_in_crisis);
  const riskInCrisis = compiler.compile(cues.risk_in_crisis);
  const safe = compiler.compile(cues.safe);
  const safeInCrisis = compiler.compile(cues.safe_in_crisis);
  const notSafe = compiler.compile(cues.not_safe);
  const defuse = createDefuser(cues, compiler);
  const weak = cues.weak.map((p) => compiler.compile([p]));
  const pairs = cues.acute_pairs.map((p) => ({ first: compiler.compile(p.first), then: compiler.compile(p.then) }));
  const respell = createRespeller(cues.respell);
  const signs = createSignReader(cues, compiler);

  return (typed, context) => {
    if (!typed.t.trim()) return 'none';
    const own = { raw: respell(typed.raw), t: respell(typed.t) };
    const afterCare = context === 'crisis' || context === 'asked';
    const t = defuse(own.t);
    const weakCount = weak.filter((m) => m.test(t)).length;
    const structural = signs(t);
    const unsafe = notSafe.all(own.t);
    const isSafe = (found: Array<{ start: number; end: number }>) => found.some((h) => !unsafe.some((u) => u.start < h.end && h.start < u.end));
    const saysSafe = isSafe(safe.all(own.t));
    const risk = structural !== undefined || detectRisk(own.raw) || weakCount >= 2 || (afterCare && (weakCount >= 1 || riskInCrisis.test(t)));
    // The head hears first-turn wordings only, never over the user's own "不想死了", and never makes a turn acute.
    // Nor over words that give the turn an everyday reading ("消失几天 去山里躲躲"): the rules' own near misses.
    const heard = !risk && !afterCare && !saysSafe && !headUnless.test(t) && head(t, weakCount >= 1);
    // "我在海边度假", "我在桥上 堵车了": a place named for an everyday reason, with nothing else at risk, is no danger.
    const placeCounts = risk || !everyday.test(t);
    const nowInCrisis = context === 'crisis' && !saysSafe && !everyday.test(t) && acuteInCrisis.test(t);
    if (nowInCrisis || structural === 'acute' || acuteAlone.test(t) || (placeCounts && (acutePlace.test(t) || pairs.some((p) => bothApart(p.first, p.then, t)))) || (risk && acuteUpgrade.test(t))) return 'acute';
    if (risk || heard) return 'risk';
    // The looser words after care ("热线", "在家") count only when nothing in the turn says help is no use or they
    // are not safe ("打热线有啥用 又不能帮我还钱").
    if (saysSafe || (afterCare && unsafe.length === 0 && safeInCrisis.test(own.t))) return 'safe';
    return 'none';
  };
}

/**
 * How firmly a turn heard as safe says so (crisis.yaml `assured`): `outright` (a promise never to act, or being fine
 * beside a step away from the means or towards someone) may end care whatever was said before; `calm` (recovered,
 * told family, "放心我没事") only when nothing more than words of despair was. Undefined: safe words, but not said so.
 */
export type Assurance = 'outright' | 'calm';

/** Reads the assurance of a turn's normalised own words; the caller reads it only on a turn heard as safe. */
export type AssuranceReader = (t: string) => Assurance | undefined;

/** Builds the assurance reader; `fine` and its `step`, `with` or `reassure` may stand in different clauses of the turn. */
export function createAssuranceReader(cues: Pick<CrisisCues, 'assured' | 'assured_unless'>, compiler: CueCompiler): AssuranceReader {
  const a = cues.assured;
  const unless = compiler.compile(cues.assured_unless);
  const lists = { promise: a.promise, fine: a.fine, step: a.step, calm: a.calm, reassure: a.reassure, with: a.with, home: a.home, said: a.said };
  const m = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, compiler.compile(v)])) as Record<keyof typeof lists, CueMatcher>;
  return (t) => {
    const voids = unless.all(t);
    const says = (k: keyof typeof lists) => m[k].all(t).some((h) => !voids.some((v) => v.start < h.end && h.start < v.end));
    if (says('promise') || (says('fine') && says('step'))) return 'outright';
    // Someone with them now, beside being fine, at home or safe said ("我落咗嚟喇 喺屋企 老婆喺度", "我在家 我姐也来了
    // 我安全了"); safe said beside a step away from the means ("药给我妹了 我安全了").
    if (says('with') && (says('fine') || says('home') || says('said'))) return 'outright';
    if (says('said') && says('step')) return 'outright';
    if (says('calm') || (says('fine') && says('reassure'))) return 'calm';
    return undefined;
  };
}

/** Reads what a person in crisis mode is doing in a turn (crisis.yaml `moods`): the first mood found, or undefined. */
export type MoodReader = (t: string) => string | undefined;

/**
 * Builds the mood reader; each mood's cues may span the turn's clauses ("我给我姐打了电话 她马上过来"). A mood whose
 * `unless` is found in the turn is not its mood ("他们打给我同事" is the collectors calling, not reaching out).
 */
export function createMoodReader(cues: Pick<CrisisCues, 'moods'>, compiler: CueCompiler): MoodReader {
  const moods = cues.moods.map((m) => ({ mood: m.mood, cues: compiler.compile(m.cues), unless: compiler.compile(m.unless) }));
  return (t) => moods.find((m) => m.cues.test(t) && !m.unless.test(t))?.mood;
}

/**
 * Blanks the words that take the danger out of a normalised, respelt turn: "我离开江边了", "在楼顶的办公室加班",
 * "药交给我姐了" signal nothing acute (nor weak). The crisis head's trainer reads turns through it too.
 */
export function createDefuser(cues: CrisisCues, compiler: CueCompiler): (t: string) => string {
  const defused = compiler.compile([...cues.left_place, ...cues.defused]);
  const defusedAcross = compiler.compile(cues.defused_across, 'message');
  return (t) => {
    const hits = [...defused.all(t), ...defusedAcross.all(t)];
    return hits.length ? [...t].map((ch, i) => (hits.some((h) => h.start <= i && i < h.end) ? ' ' : ch)).join('') : t;
  };
}

/** Both halves of a pair found in the turn, at places that do not overlap. */
function bothApart(first: CueMatcher, then: CueMatcher, t: string): boolean {
  const a = first.all(t);
  if (!a.length) return false;
  const b = then.all(t);
  return b.some((y) => a.some((x) => x.end <= y.start || y.end <= x.start));
}
