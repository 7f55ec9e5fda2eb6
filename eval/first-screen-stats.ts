/**
 * Figures about the first screen of answers (what the chat shows before any button): its length, and whether its
 * first sentence carries the verdict of the question type (guide entry) the answer is about. Shared by
 * `npm run eval:answers` and the before/after comparison, so both measure the same way.
 */

/** The first sentence of a reply as shown: up to the first 。！？ or line break. */
export function firstSentence(text: string): string {
  const t = text.trim();
  const m = /[。！？!?\n]/.exec(t);
  return m ? t.slice(0, m.index + 1) : t;
}

/**
 * The decisive head of a verdict: the words before its first colon or comma ("5年", "不是国家政策", "不能一分不还",
 * "有风险"). A first sentence that carries this head gives the verdict, whatever else it says.
 */
export function verdictHead(verdict: string): string {
  return verdict.trim().split(/[：:，,；;。]/)[0]!.trim();
}

/** True when the reply's first sentence carries the verdict's head. */
export function opensWithVerdict(replyText: string, verdict: string): boolean {
  const head = verdictHead(verdict);
  return head.length > 0 && firstSentence(replyText).includes(head);
}

/** The p-th percentile (nearest rank) of `xs`. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return 0;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
