/**
 * The first screen of an answer — what the chat shows before any button — and the "更多说明" page behind it.
 *
 * The first screen is the verdict (the first sentence answers the question asked), the reason naming the
 * provisions, the one or two most useful steps and a short "you still owe the lawful debt" line, within a
 * character budget (350 by default). When the parts do not fit, they are shortened in a fixed order — the reason
 * to its first sentence, the steps to one, a dated note, the debt line — and never the verdict. Everything else
 * the guide holds (its other steps and the sections that fit the question type) goes behind the 'more' button.
 */
import type { TextBlock } from '../message';
import type { Guide, GuideEntry } from '../knowledge/knowledge';

/** One topic shown on the first screen: a guide and, when one fits, the question type (entry) it answers. */
export interface Lead {
  guide: Guide;
  entry?: GuideEntry;
}

/** The parts of one lead, before fitting. */
interface LeadParts {
  verdict: string;
  reason: string;
  steps: string[];
  debtLine?: string;
}

/** The text a channel renders for these blocks, as plain text (the same shape as the terminal renderer). */
export function screenText(blocks: TextBlock[]): string {
  return blocks
    .map((b) => {
      if (b.style === 'list') return (b.items ?? []).map((i) => `• ${i}`).join('\n');
      if (b.style === 'heading') return `【${b.text.replace(/[:：]$/, '')}】`;
      if (b.style === 'warning') return `⚠ ${b.text}`;
      return b.text;
    })
    .filter((s) => s.length > 0)
    .join('\n\n');
}

/** Length of the first screen as shown: every character, line breaks included. */
export const screenLength = (blocks: TextBlock[]): number => screenText(blocks).length;

/** Sentences of `text` (kept with their closing punctuation). */
export function sentences(text: string): string[] {
  return text
    .replace(/\s*\n\s*/g, '')
    .split(/(?<=[。！？])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The leading sentences of `text` that fit in `max` characters (at least the first one). */
export function leadingSentences(text: string, max: number): string {
  const parts = sentences(text);
  let out = parts[0] ?? '';
  for (const p of parts.slice(1)) {
    if (out.length + p.length > max) break;
    out += p;
  }
  return out;
}

/** The first sentence of the reply a lead gives: its entry's verdict, or the start of the guide's own answer. */
export function leadVerdict(lead: Lead): string {
  return lead.entry ? lead.entry.verdict.trim() : leadingSentences(lead.guide.answer, 130);
}

function partsOf(lead: Lead): LeadParts {
  const { guide: g, entry: e } = lead;
  const debt = e?.debt_line === false ? undefined : g.debt_line?.trim() || undefined;
  if (e) return { verdict: e.verdict.trim(), reason: e.reason.trim(), steps: e.steps.map((s) => s.trim()), debtLine: debt };
  return {
    verdict: leadVerdict(lead),
    reason: leadingSentences(g.why, 150),
    steps: g.steps.slice(0, 2).map((s) => s.trim()),
    debtLine: debt,
  };
}

/** Optional paragraphs that may join the first screen: after the verdict (a dated interest cap) and at the end. */
export interface ScreenNotes {
  afterVerdict?: string;
  /** A shorter afterVerdict, tried before each leaner variant gives up more (e.g. the note without its last sentence). */
  afterVerdictLean?: string;
  /** Dropped first when the screen is too long (it is repeated behind 'more'). */
  dated?: string;
}

export interface FirstScreen {
  blocks: TextBlock[];
  /** The steps shown, in order (the CLI's suggestions start with these). */
  steps: string[];
}

/**
 * Builds the first screen for one lead, or two short verdicts when the question names two topics. The result
 * fits `max` characters unless the verdicts alone do not.
 */
export function buildFirstScreen(leads: Lead[], notes: ScreenNotes, max: number): FirstScreen {
  const parts = leads.map(partsOf);
  const two = parts.length > 1;
  // Variants from fullest to leanest; the first that fits wins.
  const variants: Array<{ reasons: 'full' | 'first' | 'main' | 'none'; steps: number; dated: boolean; debt: boolean }> = [
    { reasons: two ? 'first' : 'full', steps: 2, dated: true, debt: true },
    { reasons: 'first', steps: 2, dated: true, debt: true },
    { reasons: 'first', steps: 2, dated: false, debt: true },
    { reasons: 'first', steps: 1, dated: false, debt: true },
    { reasons: 'main', steps: 1, dated: false, debt: true },
    { reasons: 'main', steps: 1, dated: false, debt: false },
    { reasons: 'none', steps: 1, dated: false, debt: false },
  ];
  let last: FirstScreen | undefined;
  const lean = notes.afterVerdictLean !== undefined ? { ...notes, afterVerdict: notes.afterVerdictLean } : undefined;
  for (const v of variants) {
    for (const n of lean ? [notes, lean] : [notes]) {
      const screen = compose(parts, n, v);
      last = screen;
      if (screenLength(screen.blocks) <= max) return screen;
    }
  }
  return last!;
}

function compose(
  parts: LeadParts[],
  notes: ScreenNotes,
  v: { reasons: 'full' | 'first' | 'main' | 'none'; steps: number; dated: boolean; debt: boolean },
): FirstScreen {
  const blocks: TextBlock[] = [];
  for (const p of parts) blocks.push({ style: 'paragraph', text: p.verdict });
  if (notes.afterVerdict) blocks.push({ style: 'paragraph', text: notes.afterVerdict });
  const reasons = parts
    .map((p, i) => {
      if (v.reasons === 'none' || (v.reasons === 'main' && i > 0)) return '';
      return v.reasons === 'full' ? p.reason : sentences(p.reason)[0] ?? '';
    })
    .filter(Boolean);
  if (reasons.length) blocks.push({ style: 'paragraph', text: reasons.join('') });
  if (v.dated && notes.dated) blocks.push({ style: 'paragraph', text: notes.dated });
  // Two topics: one step from each; one topic: its first `v.steps`.
  const steps = dedupe(parts.length > 1 ? parts.map((p) => p.steps[0] ?? '').filter(Boolean) : (parts[0]?.steps ?? []).slice(0, v.steps));
  if (steps.length) blocks.push({ style: 'list', text: '', items: steps });
  const debt = v.debt ? parts.find((p) => p.debtLine)?.debtLine : undefined;
  if (debt) blocks.push({ style: 'paragraph', text: debt });
  return { blocks, steps };
}

/** Steps without repeats: the same step, or one that says nearly the same as an earlier one (a guide's step next
 * to its entry's own wording of it: "对方闯入、堵门或不让你走，马上打110" and "对方闯入、堵门、拒不离开或不让你走，马上打110"),
 * or one that opens with the same instruction ("全程录音录像；对方闯入…" and "全程录音录像，记下人数…"). */
export function dedupe(xs: string[]): string[] {
  const kept: Array<{ text: string; grams: Set<string>; opening: string }> = [];
  for (const text of xs) {
    const grams = bigramsOf(text);
    const opening = openingOf(text);
    if (kept.some((k) => k.text === text || dice(k.grams, grams) >= NEAR_SAME || (opening !== '' && k.opening === opening))) continue;
    kept.push({ text, grams, opening });
  }
  return kept.map((k) => k.text);
}

/** Shortest opening clause (characters) that makes two steps the same instruction. */
const SAME_OPENING = 5;

/** A step's first clause, up to its first comma or semicolon, when it is long enough to name an instruction; else ''. */
function openingOf(text: string): string {
  const m = /^[^，；,;：:。]+(?=[，；,;])/.exec(text.trim());
  return m && [...m[0]].length >= SAME_OPENING ? m[0] : '';
}

/** Share of character pairs two steps have in common at which the later one adds nothing worth a line. */
const NEAR_SAME = 0.6;

function bigramsOf(text: string): Set<string> {
  const t = text.replace(/[\s，。；、：,.;:！？!?“”"（）()]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let both = 0;
  for (const g of b) if (a.has(g)) both++;
  return (2 * both) / (a.size + b.size);
}

/** `text` cut at a sentence end near `max` characters (never mid-sentence unless the first sentence is longer). */
export function clip(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const parts = t.split(/(?<=[。！？\n])/);
  let out = '';
  for (const p of parts) {
    if (out.length + p.length > max) break;
    out += p;
  }
  return (out || `${t.slice(0, max)}…`).trim();
}
