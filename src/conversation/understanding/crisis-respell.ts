/**
 * Crisis words spelt by sound, typo or dialect ("紫杀", "跳搂", "勿想再做人", "嘎了") rewritten to their plain
 * spelling before the crisis rules read a turn, so one rule hears every spelling. The map is data
 * (knowledge/understanding/crisis.yaml, respell); longer spellings win over shorter ones at the same place.
 */

/** Rewrites every listed spelling in a text; the identity when the map is empty. */
export function createRespeller(map: Readonly<Record<string, string>>): (text: string) => string {
  const keys = Object.keys(map).sort((a, b) => b.length - a.length);
  if (keys.length === 0) return (text) => text;
  const re = new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (text) => text.replace(re, (k) => map[k] ?? k);
}
