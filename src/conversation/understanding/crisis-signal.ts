/**
 * The crisis signal of a turn, computed on every text before anything else: `risk` when the user's own words
 * express a wish to die or self-harm (the analyzer's detectCrisis, rules in knowledge/analysis/crisis.yaml);
 * `acute` when there is also a plan, a place, a time or means at hand — or a place or means alone in the first
 * person ("我在天台上", "药都买好了"); `safe` when the user says they are safe or will not do it. Right after a
 * crisis reply (or the bot's "你现在安全吗") weaker words count too: "没人能帮我" is still risk, "好多了" is safe.
 * Cues are data in knowledge/understanding/crisis.yaml. Order: acute > risk > safe > none.
 */
import type { CrisisCues } from '../../knowledge/understanding-data';
import type { CueCompiler } from './cues';
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
 * it must say true only for the user's own wish to die or hurt themselves.
 */
export function createCrisisReader(cues: CrisisCues, compiler: CueCompiler, detectRisk: (text: string) => boolean): CrisisReader {
  const acuteAlone = compiler.compile(cues.acute_alone);
  const acuteUpgrade = compiler.compile(cues.acute_upgrade);
  const riskInCrisis = compiler.compile(cues.risk_in_crisis);
  const safe = compiler.compile(cues.safe);
  const safeInCrisis = compiler.compile(cues.safe_in_crisis);
  const notSafe = compiler.compile(cues.not_safe);
  const leftPlace = compiler.compile(cues.left_place);

  return (own, context) => {
    if (!own.t.trim()) return 'none';
    const afterCare = context === 'crisis' || context === 'asked';
    const risk = detectRisk(own.raw) || (afterCare && riskInCrisis.test(own.t));
    // "我离开江边了 在回家的出租车上": the place is being left, so it signals nothing acute.
    const left = leftPlace.all(own.t);
    const forAcute = left.length ? [...own.t].map((ch, i) => (left.some((h) => h.start <= i && i < h.end) ? ' ' : ch)).join('') : own.t;
    if (acuteAlone.test(forAcute) || (risk && acuteUpgrade.test(forAcute))) return 'acute';
    if (risk) return 'risk';
    const unsafe = notSafe.all(own.t);
    const isSafe = (hits: Array<{ start: number; end: number }>) => hits.some((h) => !unsafe.some((u) => u.start < h.end && h.start < u.end));
    // The looser words after care ("热线", "在家") count only when nothing in the turn says help is no use or they
    // are not safe ("打热线有啥用 又不能帮我还钱").
    if (isSafe(safe.all(own.t)) || (afterCare && unsafe.length === 0 && safeInCrisis.test(own.t))) return 'safe';
    return 'none';
  };
}
