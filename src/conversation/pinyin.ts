/**
 * Pinyin typed without characters ("ni shi ren hai shi ji qi ren", "cuishou tiantian da dianhua"): Chinese spelt in
 * Latin letters when the input method was not switched, never English — so no "I can only answer in Chinese" notice.
 * A word is pinyin when it splits wholly into syllables (an initial, or none, and a final); the inventory is a little
 * generous (it takes "sin"), which only matters when every word of a turn fits.
 */

const INITIALS = ['zh', 'ch', 'sh', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'r', 'z', 'c', 's', 'y', 'w'];
const FINALS = ['iang', 'iong', 'uang', 'ang', 'eng', 'ing', 'ong', 'iao', 'ian', 'uai', 'uan', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'er', 'ia', 'ie', 'iu', 'in', 'ua', 'uo', 'ui', 'un', 'ue', 've', 'a', 'o', 'e', 'i', 'u', 'v'];
/** Finals that stand without an initial ("an", "ou", "er"); i-, u-, ü- syllables are written with y / w. */
const BARE = new Set(['a', 'o', 'e', 'ai', 'ei', 'ao', 'ou', 'an', 'en', 'ang', 'eng', 'er']);
/** Longest syllable in letters ("zhuang", "chuang", "shuang"). */
const LONGEST = 6;

const SYLLABLES: ReadonlySet<string> = new Set([...BARE, ...INITIALS.flatMap((i) => FINALS.map((f) => i + f))]);

/** True when a lower-case word of Latin letters splits wholly into pinyin syllables. Pure: exported for tests. */
export function isPinyinWord(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^[a-zü]+$/.test(w)) return false;
  const ok: boolean[] = [true];
  for (let end = 1; end <= w.length; end++) {
    ok[end] = false;
    for (let len = 1; len <= Math.min(LONGEST, end); len++) {
      if (ok[end - len] && SYLLABLES.has(w.slice(end - len, end))) {
        ok[end] = true;
        break;
      }
    }
  }
  return ok[w.length] === true;
}

/** True when every Latin word of the text is pinyin (and there is at least one). */
export function isAllPinyin(words: readonly string[]): boolean {
  return words.length > 0 && words.every(isPinyinWord);
}
