/**
 * Who is speaking: the collector (pasted or forwarded words, nothing of the user's own), the user (their own
 * words, even quoting a few of the collector's), or both (`mixed`: a pasted message plus the user's question).
 * Structure (quotation.ts) places what it can; the statistical head scores the rest. The user's own words must
 * never be taken for a collector's — they would be saved as evidence — so a free part becomes `quoted` only when
 * the classifier is confident, and the confidence reported is the probability behind the call.
 */
import type { SpeakerCues } from '../../knowledge/understanding-data';
import type { CueCompiler } from './cues';
import type { SpeakerFeaturizer } from './features';
import type { Part } from './quotation';
import { probabilities, type SoftmaxHead } from './turn-classifier';
import { rawSpan, SPACE_BREAK, type TurnText } from './turn-text';
import { isQuestion } from './question-form';
import type { DialogueContext, Speaker } from './types';

/** The speaker call with the parts behind it (normalised offsets). */
export interface SpeakerCall {
  speaker: Speaker;
  confidence: number;
  /** True when structure (a 【signature】, a transcript, a frame, quotes, a document title) placed a collector part. */
  byStructure: boolean;
  /** For `mixed`: the pasted collector part and the user's own words, as typed. */
  quoted?: string;
  own?: string;
  /** The user's own words (all of the text for `user`, none for `collector`), as normalised spans. */
  ownSpans: Array<[number, number]>;
  /** The pasted collector words, as normalised spans. */
  quotedSpans: Array<[number, number]>;
  /**
   * True when the user's own words right before the collector's end with a verb of saying ("他刚发我说 …", "他说：…"):
   * the user reports what was said, perhaps in their own words, so the part is no evident paste.
   */
  reported?: boolean;
}

/** Tunable thresholds (knowledge/understanding/speaker.yaml `decision`). */
export interface SpeakerDecision {
  /** A part no structure placed is the collector's when P(collector) reaches this. */
  collector_threshold: number;
  /** …or this, next to a pasted part or a frame ("他们发来这个："). */
  next_to_paste_threshold: number;
  /** In a text that reads as the user's, another part is the collector's only at this. */
  inside_user_threshold: number;
  /** In a text that reads as the collector's, another part is the user's only below this. */
  inside_collector_threshold: number;
  /** Right after the bot asked a question, a whole text is the collector's only at this. */
  after_question_threshold: number;
  /** Confidence of a call made by structure alone. */
  structure_confidence: number;
  /** The most a one-part text with no speaker anchor and no question may be the user's ("明天上门，家里人都会知道。"). */
  unanchored_user_confidence: number;
}

/** "我" as the speaker (not 我们 / 我司 / 我方 / 我所, which collectors say). */
export const FIRST_PERSON = /我(?![们司方所])/;

/** Scores a span: P(collector). */
export type CollectorScorer = (span: string) => number;

/** The classifier as a scorer, or a cue count when no model is trained yet. */
export function createCollectorScorer(featurize: SpeakerFeaturizer, head: SoftmaxHead | undefined): CollectorScorer {
  if (head) {
    const k = head.labels.indexOf('collector');
    return (span) => probabilities(head, featurize(span))[k]!;
  }
  return (span) => {
    const x = featurize(span);
    const score = (x.has('c:collector') ? 1 : 0) + (x.has('c:you') ? 0.5 : 0) - (x.has('c:user') ? 1.5 : 0) - (x.has('c:i') ? 0.5 : 0);
    return 1 / (1 + Math.exp(-2 * score));
  };
}

/** Builds the speaker call from a turn's parts. */
export function createSpeakerCaller(
  decision: SpeakerDecision,
  score: CollectorScorer,
  /** Words that say who speaks (我, 他们, 催收 …): a text without any of them is not confidently the user's. */
  anchors?: RegExp,
  /** Verbs of saying that end a frame of reported words (speaker.yaml frames.report_verbs). */
  reportVerbs: readonly string[] = [],
): (tt: TurnText, parts: Part[], context: DialogueContext) => SpeakerCall {
  return (tt, parts, context) => {
    const threshold = context === 'asked' || context === 'crisis' ? decision.after_question_threshold : decision.collector_threshold;
    const t = tt.t;
    if (parts.length === 0) return { speaker: 'user', confidence: 0.5, byStructure: false, ownSpans: [[0, t.length]], quotedSpans: [] };
    const placed = parts.map((p) => ({ ...p, p: undefined as number | undefined, continued: false }));
    const free = placed.filter((p) => p.role === 'free');
    const structural = placed.filter((p) => p.role !== 'free');
    let confidence = 1;

    if (free.length > 0) {
      const whole = score(t.replace(/\n/g, SPACE_BREAK));
      const onlyFree = structural.length === 0;
      for (const p of free) {
        p.p = free.length === 1 && onlyFree ? whole : score(t.slice(p.start, p.end));
      }
      if (onlyFree && free.length === 1) {
        const p = free[0]!;
        p.role = p.p! >= threshold ? 'quoted' : 'own';
        // No one is named as speaking and nothing is asked: whoever the classifier favours, the bot should ask.
        if (p.role === 'own' && anchors && !anchors.test(t) && !isQuestion(t)) p.p = Math.max(p.p!, 1 - decision.unanchored_user_confidence);
      } else if (onlyFree) {
        const collectorText = whole >= threshold;
        // Inside a text that reads as one speaker's, a line is the other's only with clear signs of it.
        for (const p of free) {
          if (collectorText) p.role = p.p! < decision.inside_collector_threshold && p.userish ? 'own' : 'quoted';
          else p.role = p.p! >= decision.inside_user_threshold && !p.userish ? 'quoted' : 'own';
        }
        // Not every part can be the odd one out: the text as a whole decides when all parts disagree with it.
        if (free.every((p) => p.role !== (collectorText ? 'quoted' : 'own'))) for (const p of free) p.role = collectorText ? 'quoted' : 'own';
      } else {
        for (const p of free) {
          const i = placed.indexOf(p);
          const prev = placed[i - 1];
          const next = placed[i + 1];
          // A line that continues a pasted message is the collector's: always between a transcript's or a time-
          // stamped list's lines, and after a signature or a document title unless it reads as the user's own.
          const inList = prev && (prev.why === 'transcript' || prev.why === 'timestamps');
          const readsAsUser = p.userish || (p.p! < decision.inside_collector_threshold && FIRST_PERSON.test(t.slice(p.start, p.end)));
          if (prev && prev.role === 'quoted' && (inList || !readsAsUser)) {
            p.role = 'quoted';
            p.why = prev.why;
            p.continued = true;
            continue;
          }
          const nextToPaste = (prev && prev.role === 'own' && prev.why === 'frame') || (next && (next.role === 'quoted' || (next.role === 'own' && next.why === 'back')));
          p.role = p.p! >= (nextToPaste ? decision.next_to_paste_threshold : decision.collector_threshold) ? 'quoted' : 'own';
        }
      }
      // A line placed as the continuation of a paste is placed by structure (counted below), not by its score.
      for (const p of free) if (!p.continued) confidence = Math.min(confidence, p.role === 'quoted' ? p.p! : 1 - p.p!);
    }
    if (structural.length > 0 || free.some((p) => p.continued)) confidence = Math.min(confidence, decision.structure_confidence);

    // Pasted by structure: a part structure placed as the collector's, a line continuing one, or a free part right
    // after the user's frame ("他们发来这个：…"). The user's own question next to a free part does not show a paste.
    const framed = (p: (typeof placed)[number]) => {
      const prev = placed[placed.indexOf(p) - 1];
      return p.role === 'quoted' && prev?.role === 'own' && prev.why === 'frame';
    };
    const byStructure = structural.some((p) => p.role === 'quoted') || free.some((p) => p.continued || framed(p));
    const quotedSpans = placed.filter((p) => p.role === 'quoted').map((p) => [p.start, p.end] as [number, number]);
    const ownSpans = placed.filter((p) => p.role === 'own').map((p) => [p.start, p.end] as [number, number]);
    // "他刚发我说 不还就…" / "他说：你明天…": the frame before the first quoted part ends with a verb of saying, and no
    // signature, title or transcript shows the part was pasted as it came.
    const firstQuoted = placed.findIndex((p) => p.role === 'quoted');
    const frame = firstQuoted > 0 ? placed[firstQuoted - 1] : undefined;
    const verbatim = placed.some((p) => p.role === 'quoted' && VERBATIM.has(p.why));
    const reported = !verbatim && frame?.role === 'own' && (frame.why === 'frame' || frame.why === 'head') && endsWithVerb(t.slice(frame.start, frame.end), reportVerbs);
    if (reported) return { speaker: 'mixed', confidence, byStructure: false, reported: true, quoted: quotedSpans.map(([a, b]) => rawSpan(tt, a, b)).join('\n'), own: ownSpans.map(([a, b]) => rawSpan(tt, a, b)).join(' '), ownSpans, quotedSpans };
    // "她下午在微信上跟我说 再拖着不还就…" read whole as the collector's: a short first clause ending with a verb of saying
    // is the user's frame, and the rest what they report.
    const gap = t.indexOf(SPACE_BREAK);
    if (quotedSpans.length > 0 && ownSpans.length === 0 && !byStructure && gap > 0 && gap <= REPORT_FRAME_MAX && endsWithVerb(t.slice(0, gap), reportVerbs)) {
      return { speaker: 'mixed', confidence, byStructure: false, reported: true, quoted: rawSpan(tt, gap + 1, t.length), own: rawSpan(tt, 0, gap), ownSpans: [[0, gap]], quotedSpans: [[gap + 1, t.length]] };
    }
    if (quotedSpans.length === 0) return { speaker: 'user', confidence, byStructure, ownSpans: [[0, t.length]], quotedSpans };
    if (ownSpans.length === 0) return { speaker: 'collector', confidence, byStructure, ownSpans, quotedSpans };
    return {
      speaker: 'mixed',
      confidence,
      byStructure,
      quoted: quotedSpans.map(([a, b]) => rawSpan(tt, a, b)).join('\n'),
      own: ownSpans.map(([a, b]) => rawSpan(tt, a, b)).join(' '),
      ownSpans,
      quotedSpans,
    };
  };
}

/** The longest first clause (characters) read as only framing the words it reports ("那个男的昨晚打电话威胁说"). */
const REPORT_FRAME_MAX = 16;

/** Structures that show a part was pasted as it came: a signature, a document title, a transcript, time stamps. */
const VERBATIM: ReadonlySet<Part['why']> = new Set(['header', 'title', 'transcript', 'timestamps']);

/** `frame` ("他刚发我说", "他说：") ends with one of `verbs`, a colon, space or 了/道 aside. */
function endsWithVerb(frame: string, verbs: readonly string[]): boolean {
  const bare = frame.replace(/[:：¦\s]+$/u, '').replace(/[了道]$/u, '');
  return verbs.some((v) => bare.endsWith(v));
}

/** The speaker thresholds as data (validated with the speaker cues). */
export function speakerDecision(cues: SpeakerCues): SpeakerDecision {
  return cues.decision;
}
