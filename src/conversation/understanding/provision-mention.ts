/**
 * Finds the provision a turn points at: "第50条第二款", "治安管理处罚法第五十条", "民法典1032条", "刑法第二百九十三条
 * 之一", "第二款呢" — or only "刚才那条法律" / "这个规定" (vague). Law names and their aliases come from
 * knowledge/ (statutes and lexicon/law-aliases.yaml); the vague phrases from knowledge/understanding/provisions.yaml.
 */
import { parseChineseNumber } from '../../knowledge/chinese-numerals';
import type { ProvisionCues } from '../../knowledge/understanding-data';
import type { CueCompiler } from './cues';
import { rawSpan, type TurnText } from './turn-text';
import type { ProvisionMention } from './types';

/** Reads the provision a turn points at, if any. */
export type ProvisionReader = (tt: TurnText) => ProvisionMention | undefined;

const CN_NUM = '[零〇一二两三四五六七八九十百千]{1,8}';

/**
 * Builds the reader. `lawNames` maps every name or alias a user may type to the law's short name as knowledge/
 * spells it (the short names themselves included).
 */
export function createProvisionReader(cues: ProvisionCues, compiler: CueCompiler, lawNames: ReadonlyMap<string, string>): ProvisionReader {
  const vague = compiler.compile(cues.vague);
  const aliases = [...lawNames.keys()].map((a) => a.toLowerCase()).sort((a, b) => b.length - a.length);
  const lawRe = aliases.length ? new RegExp(`《?(${aliases.map(escape).join('|')})》?`, 'g') : undefined;
  const partWords = cues.parts.map(escape).join('|');
  const articleRe = new RegExp(`(第)?(\\d{1,4}|${CN_NUM})条(?:之(${CN_NUM}))?`, 'g');
  const partRe = new RegExp(`第[(（]?(\\d{1,2}|${CN_NUM})[)）]?(${partWords})`, 'g');

  return (tt) => {
    const t = tt.t;
    const laws: Array<{ law: string; start: number; end: number }> = [];
    if (lawRe) {
      lawRe.lastIndex = 0;
      for (let m = lawRe.exec(t); m; m = lawRe.exec(t)) {
        const law = lawNames.get(m[1]!) ?? [...lawNames].find(([a]) => a.toLowerCase() === m![1])?.[1];
        if (law) laws.push({ law, start: m.index, end: m.index + m[0].length });
      }
    }
    articleRe.lastIndex = 0;
    for (let m = articleRe.exec(t); m; m = articleRe.exec(t)) {
      const lawBefore = [...laws].reverse().find((l) => l.end <= m!.index && m!.index - l.end <= 2);
      // Without 第, only "民法典1032条" (a law name right before Arabic digits), or two or more Arabic digits with
      // nothing counted after them ("那个第几条是啥意思 62条？"): "哪一条", "一条短信", "3条短信" are not articles.
      const after = t[m.index + m[0].length];
      const bare = /^\d{2,4}$/.test(m[2]!) && (after === undefined || /[？?，,。.！!\s呢吗是说的啥什]/.test(after));
      if (!m[1] && !(lawBefore && /^\d+$/.test(m[2]!)) && !bare) continue;
      const n = toNumber(m[2]!);
      if (!(n > 0)) continue;
      const sub = m[3] ? toNumber(m[3]) : undefined;
      const article = sub ? `${n}-${sub}` : String(n);
      const part = partAfter(tt, m.index + m[0].length);
      const law = lawBefore?.law ?? laws[0]?.law;
      return { ...(law ? { law } : {}), article, ...(part ? { part } : {}), vague: false };
    }
    const part = partAfter(tt, 0);
    if (part) return { ...(laws[0] ? { law: laws[0].law } : {}), part, vague: false };
    if (vague.test(t)) return { ...(laws[0] ? { law: laws[0].law } : {}), vague: true };
    return undefined;
  };

  /** "第二款", "第（一）项" at or after `from` (as the user typed it). */
  function partAfter(tt: TurnText, from: number): string | undefined {
    partRe.lastIndex = from;
    const m = partRe.exec(tt.t);
    if (!m || (from > 0 && m.index - from > 4)) return undefined;
    return rawSpan(tt, m.index, m.index + m[0].length);
  }
}

function toNumber(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : parseChineseNumber(s.replace(/〇/g, '零').replace(/两/g, '二'));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
}
