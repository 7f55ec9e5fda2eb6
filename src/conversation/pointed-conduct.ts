/**
 * A follow-up that points back at one act told or forwarded a few turns ago ("那个p图发群里的事 能告他们不",
 * "刚才说的堵门那个能报警吗"): the topic in focus may be something else by now (an answer about emergency contacts,
 * care after a crisis), so the act is found by the words the user repeats. Each of the user's last turns is read
 * for unlawful conduct; its clause that shares most words with the pointing clause, and holds a finding, is the act
 * meant; the question is answered for that act alone (can it be reported or sued over, is it unlawful, what to do).
 * Cue words live in knowledge/conversation/cues.yaml (pointed_conduct).
 */
import type { OutboundReply } from '../message';
import type { AnalysisFocus, UserState } from '../state/store';
import type { TurnUnderstanding } from './understanding/types';
import type { TurnContext } from './turn-context';
import { analysisFocus } from './collector-message';
import { mergeAnalyses } from '../analysis/merge-analyses';
import { asksOrWonders } from './understanding/question-form';
import { analysisInFocus } from './focus-topic';
import { partVerdict } from './follow-up';
import { asksCrime } from './crime-question';
import { withoutWords } from './without-words';

/** The user's turns, latest first, that a pointing follow-up is matched against. */
const LOOKBACK = 8;
/** Two-character runs the pointing words must share with a clause for it to be the act meant. */
const MIN_SHARED = 2;
/** Clause breaks in a turn: the user's spaces, punctuation, line breaks. */
const CLAUSE = /[\s,，。.;；!！?？、\n]+/u;

type Asked = 'sue' | 'can_report' | 'judge' | 'what_to_do';

/**
 * The answer to a follow-up that points at an earlier act by its words; undefined when the turn points at nothing,
 * asks nothing this can answer, names conduct going on again, or no earlier act shares its words. The act meant
 * becomes the focus, so "那我该怎么办" next is about it.
 */
export function pointedConduct(text: string, u: TurnUnderstanding, state: UserState | null | undefined, turn: TurnContext): OutboundReply | undefined {
  const { deps } = turn;
  const cues = deps.cues.pointed_conduct;
  const f = deps.followUps;
  if (!cues || !f || !state || u.speaker !== 'user' || !asksOrWonders(text)) return undefined;
  if (deps.cues.continuing.some((w) => text.includes(w))) return undefined;
  const asked = askedOf(text, u, cues.sue);
  if (!asked) return undefined;
  const pointing = text.split(CLAUSE).filter((c) => cues.points.some((w) => c.includes(w)));
  if (pointing.length === 0) return undefined;
  const meant = actMeant(pointing.join(' '), state, turn);
  if (!meant) return undefined;
  // The message in focus, pointed at as a whole, is what the usual follow-ups answer already.
  const held = analysisInFocus(state);
  if (asked !== 'sue' && held && held.excerpt === meant.excerpt && held.categories.length === meant.categories.length) return undefined;
  const now = deps.now();
  let reply: OutboundReply;
  // "那个发群的事 能让他们坐牢吗": which crime that act could be.
  if (f.crime && asksCrime(text, deps.cues)) reply = f.crime(meant, now, text);
  else if (asked === 'judge') reply = partVerdict(meant, turn, text);
  else if (asked === 'what_to_do') reply = f.whatToDo(meant, now);
  else {
    reply = f.canReport(meant, now);
    // "能告他们吗" asks about going to court as well as to the police: the civil suit is said too.
    if (asked === 'sue') reply.blocks.splice(Math.max(reply.blocks.length - 1, 0), 0, { style: 'paragraph', text: deps.replies.text('pointed_sue_line') });
  }
  turn.remember(text, (s) => {
    s.focus = { kind: 'analysis', analysis: { ...meant, citations: reply.citations.map((c) => ({ law: c.law, article: c.article })) } };
    s.lastCitations = reply.citations.map((c) => ({ law: c.law, article: c.article, at: meant.at }));
  });
  return reply;
}

/** What the pointing turn asks: to sue (cue words), or the follow-up kinds an act can be answered on. */
function askedOf(text: string, u: TurnUnderstanding, sue: readonly string[]): Asked | undefined {
  if (sue.some((w) => text.includes(w))) return 'sue';
  const kind = u.followUp ?? u.asks;
  return kind === 'can_report' || kind === 'judge' || kind === 'what_to_do' ? kind : undefined;
}

/**
 * The earlier act whose clause shares most two-character runs with `words` (fillers taken out), at least
 * `MIN_SHARED`, among the unlawful findings of the user's last turns; the latest turn wins a tie. The focus holds
 * only the findings inside that clause.
 */
function actMeant(words: string, state: UserState, turn: TurnContext): AnalysisFocus | undefined {
  const { deps } = turn;
  const cues = deps.cues.pointed_conduct!;
  const wanted = runs(withoutWords(words.toLowerCase(), [...cues.points, ...cues.fillers]));
  if (wanted.size === 0) return undefined;
  const now = deps.now();
  let best: { focus: AnalysisFocus; shared: number } | undefined;
  const said = state.history.filter((t) => t.role === 'user' && t.text).slice(-LOOKBACK).reverse();
  for (const t of said) {
    const described = deps.analysis.assessConduct(t.text, now);
    const analysis = mergeAnalyses([deps.analysis.analyzer.analyze({ text: t.text, sentAt: null }), described]);
    if (analysis.lawful || analysis.findings.length === 0) continue;
    for (const clause of t.text.split(CLAUSE)) {
      const inside = analysis.findings.filter((x) => x.evidence && clause.includes(x.evidence));
      if (inside.length === 0) continue;
      const have = runs(withoutWords(clause.toLowerCase(), cues.fillers));
      const shared = [...wanted].filter((r) => have.has(r)).length;
      if (shared < MIN_SHARED || (best && shared <= best.shared)) continue;
      const categories = [...new Set(inside.map((x) => x.category))];
      const part = { ...analysis, lawful: false, categories, findings: inside };
      best = { focus: analysisFocus(part, { at: described.occurredAt, source: 'conduct', excerpt: t.text }), shared };
    }
  }
  return best?.focus;
}


/** The two-character runs of `text` within its word characters (letters, digits, Chinese). */
function runs(text: string): Set<string> {
  const out = new Set<string>();
  for (const piece of text.split(/[^\p{L}\p{N}]+/u)) {
    const cs = [...piece];
    for (let i = 0; i + 1 < cs.length; i++) out.add(cs[i]! + cs[i + 1]!);
  }
  return out;
}
