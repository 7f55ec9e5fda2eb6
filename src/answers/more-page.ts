/**
 * What the "更多说明" button shows after an answer: the guide's other steps, then the sections that fit the
 * question type (the entry's `more` list, else the section retrieval matched, else the guide's first ones), then
 * the guide's general reasoning if room is left — within a character budget where the texts allow.
 */
import type { TextBlock } from '../message';
import type { CiteRef } from '../knowledge/schema';
import { clip, dedupe, screenLength, type Lead } from './first-screen';

export interface MorePage {
  blocks: TextBlock[];
  /** Provisions the page names (the law button shows their texts). */
  cites: CiteRef[];
}

export interface MoreOptions {
  /** Character budget; the first section is always shown, cut at a sentence end. Default 350. */
  max: number;
  /** Steps listed at most. Default 3. */
  maxSteps: number;
  /** The heading over the extra steps (a fixed reply). */
  stepsHeading: string;
  /** Index of the guide section retrieval matched for the question, when known. */
  sectionHint?: number;
  /** A note that opens the page (a dated figure the first screen had no room for); it is shown on top of the budget. */
  opening?: string;
}

/** Below this many characters left, a further section is not started. */
const MIN_SECTION = 60;

const norm = (s: string) => s.replace(/[\s。，,.；;！!？?]/g, '');

/** The 'more' page for `lead`, leaving out the steps the first screen already showed. */
export function buildMore(lead: Lead, shownSteps: string[], opts: MoreOptions): MorePage {
  const { guide: g, entry: e } = lead;
  const blocks: TextBlock[] = [];
  const cites: CiteRef[] = [];
  const shown = new Set(shownSteps.map(norm));
  const steps = g.steps.map((s) => s.trim()).filter((s) => !shown.has(norm(s))).slice(0, opts.maxSteps);
  const stepBlocks: TextBlock[] = steps.length
    ? [{ style: 'heading', text: opts.stepsHeading }, { style: 'list', text: '', items: steps }]
    : [];
  // The sections an entry names are the detail its question type needs: they come first, then the other steps
  // (room is kept for them). Without named sections, the steps lead and the section retrieval matched (or the
  // guide's first ones) follow.
  const named = (e?.more ?? []).filter((h) => g.sections.some((s) => s.heading === h));
  if (!named.length) blocks.push(...stepBlocks);
  const reserved = named.length ? screenLength(stepBlocks) + 2 : 0;

  const byHeading = new Map(g.sections.map((s, i) => [s.heading, i]));
  const order = dedupe([
    ...named.map((h) => byHeading.get(h)!),
    ...(opts.sectionHint !== undefined ? [opts.sectionHint] : []),
    ...(e ? [] : g.sections.map((_, i) => i)),
  ].map(String)).map(Number);
  let added = 0;
  const namedIdx = new Set(named.map((h) => byHeading.get(h)!));
  for (const i of order) {
    const s = g.sections[i];
    if (!s) continue;
    // A section the entry names is the detail its question type needs: it is shown whole.
    const whole = namedIdx.has(i);
    const left = opts.max - reserved - screenLength(blocks) - 2 - s.heading.length - 1;
    if (!whole && added > 0 && left < MIN_SECTION) break;
    const text = whole ? bullets(s.text) : clip(bullets(s.text), Math.max(left, 120));
    blocks.push({ style: 'paragraph', text: `${s.heading}：${text}` });
    cites.push(...s.cites);
    added++;
  }
  if (named.length) blocks.push(...stepBlocks);
  // An entry's reason covers its own provisions; the guide's wider reasoning follows when it fits whole (so the
  // provisions it names are exactly the guide's cites).
  if (e) {
    const why = g.why.replace(/\s*\n\s*/g, '').trim();
    if (why.length <= opts.max - screenLength(blocks) - 2 && norm(why) !== norm(e.reason)) {
      blocks.push({ style: 'paragraph', text: why });
      cites.push(...g.cites);
    }
  }
  if (opts.opening) blocks.unshift({ style: 'paragraph', text: opts.opening });
  return { blocks, cites };
}

/** Section texts write lists as "- item" lines; show them as bullets. */
function bullets(text: string): string {
  return text.trim().replace(/^\s*-\s+/gm, '• ');
}
