/**
 * The user's own wish to hurt someone else ("我真想杀了那个催收的，他再打电话我就去他公司砍他", "刀都买好了"). It is not
 * the collectors' conduct and must never be analysed or kept as evidence: the reply calms, and a weapon at hand
 * escalates to "put it away, call 110 now". A collector's threat the user quotes ("他说要砍我") is excluded clause by
 * clause. Cues are data in knowledge/understanding/crisis.yaml (harm_others*).
 */
import type { CrisisCues } from '../../knowledge/understanding-data';
import type { CueCompiler, CueHit } from './cues';

/** What a turn says of hurting someone else; `spans` are the words that say it (blanked before the own-crisis read). */
export interface HarmRead {
  /** A wish or plan to hurt another person, in the user's own words. */
  intent: boolean;
  /** A weapon bought, sharpened or on them (counts only with a wish in this turn or just before). */
  armed: boolean;
  /** The wish takes the user's own life too ("同归于尽"): own-crisis care as well. */
  withSelf: boolean;
  spans: CueHit[];
}

export type HarmReader = (t: string) => HarmRead | undefined;

export function createHarmReader(cues: Pick<CrisisCues, 'harm_others' | 'harm_others_armed' | 'harm_others_unless' | 'harm_others_with_self'>, compiler: CueCompiler): HarmReader {
  const intent = compiler.compile(cues.harm_others);
  const armed = compiler.compile(cues.harm_others_armed);
  const unless = compiler.compile(cues.harm_others_unless);
  const withSelf = compiler.compile(cues.harm_others_with_self);
  const breaks = new Set(compiler.clauseBreaks);
  /** The clause around a hit: a collector's threat quoted there ("他说要砍我") or a negation voids it. */
  const voided = (t: string, h: CueHit): boolean => {
    let a = h.start;
    while (a > 0 && !breaks.has(t[a - 1]!)) a--;
    let b = h.end;
    while (b < t.length && !breaks.has(t[b]!)) b++;
    return unless.test(t.slice(a, b));
  };
  return (t) => {
    const wish = intent.all(t).filter((h) => !voided(t, h));
    const weapon = armed.all(t).filter((h) => !voided(t, h));
    if (wish.length === 0 && weapon.length === 0) return undefined;
    return { intent: wish.length > 0, armed: weapon.length > 0, withSelf: wish.length > 0 && withSelf.test(t), spans: [...wish, ...weapon] };
  };
}
