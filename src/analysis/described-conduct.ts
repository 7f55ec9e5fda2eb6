/**
 * Conduct the user describes ("他们在我家门上贴了欠债不还的纸 还用红油漆喷了字 这算什么", "昨天三个人堵在我家门口不让我
 * 出门") assessed like a collector's message, with the user as the victim.
 *
 * The user's own words are normally not a collector's message (the analyzer masks them). Here the description is
 * read clause by clause (knowledge/analysis/conduct.yaml): what collectors did, are doing or said is kept; the
 * user's questions, hypotheticals ("会不会来我家"), negations ("他们没来") and own plans ("我打算…") are dropped.
 * The kept clauses are turned into a collector speaking to the user (我 → 你) and read by the same analyzer with
 * the same category provisions; the specific acts in conduct.yaml (paint on the door, blocking it, calling the
 * boss) add what the analyzer's message rules miss in a past-tense account and the precise provisions for each.
 * Words collectors only said are threats, not violence (categories.md: a future act is a threat).
 */
import { CATEGORY_IDS, type Analysis, type CategoryId, type Finding, type ProvisionRef } from './findings';
import { createAnalyzer, createReader, CueSet, findHit, parseCount, PatternCompiler, type CompiledPattern, type ReadText } from './classify';
import { createNormalizer } from './normalize';
import type { AnalysisRules } from './rules';
import type { ConductAct } from './conduct-rules';

/** One clause of the description kept as the collector's conduct: something done (`fact`) or said (`said`). */
export interface ConductClause {
  /** The clause in the user's own words. */
  text: string;
  kind: 'fact' | 'said';
}

/** A specific act recognised in what was done, with the user's words that show it and what to do about it. */
export interface ConductActHit {
  act: ConductAct;
  evidence: string;
  /** Found only in what collectors said (a threat to do it), not in what they did. */
  said: boolean;
  /** The act's steps, most useful first, as conduct.yaml words them. */
  steps: Array<{ id: string; text: string }>;
}

/**
 * The analysis of described conduct. `looksLikeCollectorMessage` is true when the description shows collector
 * conduct at all; findings' evidence is quoted in the user's own words.
 */
export interface ConductAnalysis extends Analysis {
  clauses: ConductClause[];
  /** The specific acts found in what was done, in conduct.yaml's order. */
  acts: ConductActHit[];
  /**
   * The user's own questions in the description, in their words ("这算什么", "这利息合法吗"): the conversation may
   * answer one that is not about the conduct itself.
   */
  questions: string[];
  /** When the conduct happened as far as the words date it ("昨天", "三个月前"); otherwise the report time. */
  occurredAt: Date;
  /** Violence that the words say is happening now ("现在有三个男的堵在我家门口"): the reply opens with 110. */
  happeningNow: boolean;
  /** Happening now at work, school or a shop ("堵在我们公司楼下"), not at home: stay inside, security and colleagues. */
  awayFromHome?: boolean;
}

/** Assesses one description; `at` is when the user wrote it. */
export type ConductAssessor = (text: string, at: Date) => ConductAnalysis;

const SENTENCE_BREAKS = '。！？!?；;\n';
const CLAUSE_BREAKS = '，,、：:…~～';
const SPACE = /[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]/;
const LATIN_OR_DIGIT = /[A-Za-z0-9０-９]/;
const DAY_MS = 24 * 3600 * 1000;

interface RawClause {
  start: number;
  end: number;
  sentence: number;
}

type Subject = 'collector' | 'user' | 'other' | 'none';

interface Reading {
  keep: boolean;
  kind: 'fact' | 'said';
  /** The subject this clause sets for the clauses after it (none: keep the previous one). */
  subject: Subject;
  /** Reported speech goes on into the following clauses of the sentence. */
  speech: boolean;
  /** The clause is (or ends with) the user's own question. */
  asks: boolean;
}

/** Builds the assessor from the loaded rules: compiles the conduct patterns and a user-words-blind analyzer once. */
export function createConductAssessor(rules: AnalysisRules): ConductAssessor {
  const c = rules.conduct;
  const lex = rules.lexicon;
  // The description is the user's account, but the kept clauses are read as the collector's own words.
  const ignored = new Set(c.hearsay_ignore);
  const asCollector: AnalysisRules = {
    ...rules,
    lexicon: { ...lex, looks_like_user: { cues: [], senders: [] }, mention: { ...lex.mention, hearsay: lex.mention.hearsay.filter((h) => !ignored.has(h)) } },
  };
  const analyzer = createAnalyzer(asCollector);
  const normalizer = createNormalizer(Object.entries(lex.variants).map(([from, to]) => ({ from, to })));
  // Clauses are read without the variant map: "我领导" must stay the user's boss, not become the collector's.
  const plain = createNormalizer([]);
  const reader = createReader(asCollector.lexicon, normalizer);
  const compiler = new PatternCompiler(lex);
  const negation = new CueSet(lex.negation.cues);
  const compiledActs = c.acts.map((act) => ({
    act,
    patterns: compiler.compile(act.patterns),
    unless: act.unless.length ? compiler.compile(act.unless) : undefined,
    unlessTold: act.unless_told.length ? compiler.compile(act.unless_told) : undefined,
  }));
  const deedFrames = c.speech.not_frames.length ? compiler.compile(c.speech.not_frames) : undefined;
  const collectorPatterns = c.subjects.collector_patterns.length ? compiler.compile(c.subjects.collector_patterns) : undefined;
  const notActor = c.subjects.not_actor.length ? compiler.compile(c.subjects.not_actor) : undefined;
  const longestFirst = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
  const cues = {
    leading: longestFirst(c.leading),
    collector: longestFirst(c.subjects.collector),
    user: longestFirst(c.subjects.user),
    witness: longestFirst(c.subjects.witness),
    negation: longestFirst(c.negation),
    tails: longestFirst(c.question.tails),
    speech: longestFirst(c.speech.verbs),
  };

  function readClause(t: string, carried: Subject, inSpeech: boolean, namesCollector: boolean): Reading {
    const body = stripTails(t, cues.tails);
    const asks = body.length < t.replace(/[?？。.!！\s]+$/u, '').length || isQuestion(body, true);
    const drop = (subject: Subject = 'none'): Reading => ({ keep: false, kind: 'fact', subject, speech: false, asks });
    if (!body) return drop();
    const rest = skipLeading(body, cues.leading);
    const passive = c.passive.some((p) => body.includes(p));
    const collector = startCue(rest, cues.collector) ?? startPattern(rest, collectorPatterns);
    const user = collector === undefined ? startCue(rest, cues.user) : undefined;
    let subject: Subject = 'none';
    let subjectEnd = 0;
    if (collector !== undefined) {
      subject = 'collector';
      subjectEnd = collector;
    } else if (user !== undefined) {
      const after = rest.slice(user);
      if (startPattern(after, notActor) !== undefined) subject = 'other';
      else if (startCue(after, cues.witness) !== undefined) subject = 'other';
      else if (!passive) return drop('user');
      else subject = 'other';
      subjectEnd = user;
      // "我妈接到他们的电话" reports conduct; "我们公司三个月没发工资" does not: someone close to the user counts as
      // the scene of collector conduct only when the words say something was received or done to them, or name a
      // collector somewhere.
      if (subject === 'other' && !passive && !namesCollector && !cues.witness.some((w) => body.includes(w))) return drop('user');
      // "我老婆都被吵醒了": someone close only affected by what was done to the user; nothing was done to them.
      if (subject === 'other' && c.affected.some((w) => body.includes(w)) && !cues.collector.some((w) => body.includes(w))) return drop('other');
    }
    // Still inside what a collector said ("他们说，如果不还，就去你家泼油漆"): kept unless it is the user's question.
    if (inSpeech && subject === 'none') {
      if (isQuestion(body, false)) return drop();
      return { keep: true, kind: 'said', subject: 'none', speech: true, asks };
    }
    const actor: Subject = subject === 'none' ? carried : subject;
    if (actor === 'user' && !passive) return drop();
    const predicate = skipLeading(rest.slice(subjectEnd), cues.leading);
    if (startCue(predicate, cues.negation) !== undefined) return drop(subject);
    // Reported speech: the collector's words right after the subject ("他们打电话跟我说…"). A frame naming a third
    // party ("给我领导打电话说…") is something done to that person, not words said to the user.
    if (actor === 'collector') {
      const said = speechAt(predicate);
      if (said !== undefined) return { keep: true, kind: 'said', subject, speech: true, asks };
    }
    if (c.hypothetical.some((h) => body.includes(h))) return drop(subject);
    if (isQuestion(body, true)) return drop(subject);
    return { keep: true, kind: 'fact', subject, speech: false, asks };
  }

  function speechAt(predicate: string): number | undefined {
    for (let i = 0; i <= Math.min(c.speech.frame_max, predicate.length - 1); i++) {
      const verb = cues.speech.find((v) => predicate.startsWith(v, i));
      if (!verb) continue;
      const frame = swapText(predicate.slice(0, i), c.perspective);
      if (frame && deedFrames) {
        deedFrames.re.lastIndex = 0;
        if (deedFrames.re.test(frame)) return undefined;
      }
      return i + verb.length;
    }
    return undefined;
  }

  function isQuestion(t: string, frames: boolean): boolean {
    const end = t.replace(/[。.!！…~～\s]+$/u, '');
    if (c.question.endings.some((e) => end.endsWith(e))) return true;
    return frames && c.question.frames.some((f) => t.includes(f));
  }

  function actHits(read: ReadText, said: boolean, mapBack: (s: number, e: number) => string | undefined, told: string): ConductActHit[] {
    const out: ConductActHit[] = [];
    for (const a of compiledActs) {
      if (said && !a.act.also_said) continue;
      const hit = findHit(read, a.patterns, negation, lex.negation.window, lex);
      if (!hit) continue;
      if (a.unless && clauseMatches(read.n.text, hit.start, hit.end, a.unless, lex.clause_breaks)) continue;
      if (a.unlessTold && testOnce(a.unlessTold, told)) continue;
      const start = read.n.starts[hit.start]!;
      const end = read.n.ends[hit.end - 1]!;
      const steps = a.act.steps.flatMap((id) => (c.steps.has(id) ? [{ id, text: c.steps.get(id)! }] : []));
      out.push({ act: a.act, evidence: mapBack(start, end) ?? read.n.original.slice(start, end), said, steps });
    }
    return out;
  }

  /** An account names the user (我, 我家) or someone doing it (他们, 催收, 被); text in neither voice is not one. */
  function isAccount(t: string): boolean {
    return [...cues.user, ...cues.collector, ...c.passive].some((x) => t.includes(x)) || (collectorPatterns !== undefined && testOnce(collectorPatterns, t));
  }

  return (text: string, at: Date): ConductAnalysis => {
    const whole = plain.normalize(text).text;
    const raw = isAccount(whole) ? splitClauses(text) : [];
    const namesCollector = cues.collector.some((x) => whole.includes(x)) || (collectorPatterns !== undefined && testOnce(collectorPatterns, whole));
    const kept: Array<{ clause: RawClause; kind: 'fact' | 'said' }> = [];
    const questions: string[] = [];
    let carried: Subject = 'collector';
    let speech = false;
    let sentence = -1;
    for (const cl of raw) {
      if (cl.sentence !== sentence) {
        sentence = cl.sentence;
        speech = false;
      }
      const t = plain.normalize(text.slice(cl.start, cl.end)).text.trim();
      if (!t) continue;
      const r = readClause(t, carried, speech, namesCollector);
      if (r.asks) questions.push(text.slice(cl.start, cl.end).trim());
      if (r.subject !== 'none') carried = r.subject === 'other' ? 'collector' : r.subject;
      speech = r.keep && r.speech;
      if (r.keep) kept.push({ clause: cl, kind: r.kind });
    }

    // The kept clauses as a collector speaking to the user, with a map back to the user's words.
    const swapped = perspective(text, kept.map((k) => k.clause), c.perspective);
    const analysis = kept.length ? analyzer.analyze({ text: swapped.text, sentAt: null }) : { findings: [], categories: [], lawful: true, looksLikeCollectorMessage: false };
    const inSaidOnly = (evidence: string) => {
      const i = swapped.text.indexOf(evidence);
      if (i < 0) return false;
      const parts = swapped.parts.filter((p) => p.start < i + evidence.length && i < p.end);
      return parts.length > 0 && parts.every((p) => kept[p.index]!.kind === 'said');
    };
    // A finding for a category the analyzer did not give itself: its provisions with their conditions judged on
    // the same words (a described fake law firm is not given 刑法第二百七十九条).
    const withSpec = (category: CategoryId, evidence: string): Finding => ({ category, evidence, ...analyzer.describe(category, swapped.text) });
    const findings = new Map<CategoryId, Finding>();
    for (const f of analysis.findings) {
      const evidence = swapped.back(f.evidence) ?? f.evidence;
      if (f.category === 'violence' && inSaidOnly(f.evidence)) {
        if (!findings.has('threat') && !analysis.categories.includes('threat')) findings.set('threat', withSpec('threat', evidence));
        continue;
      }
      findings.set(f.category, { ...f, evidence });
    }

    // Specific acts, in what was done (and, for acts done by speaking, in what was said).
    const hits: ConductActHit[] = [];
    for (const part of swapped.parts) {
      const clauseText = swapped.text.slice(part.start, part.end);
      const read = reader(clauseText);
      const said = kept[part.index]!.kind === 'said';
      for (const h of actHits(read, said, (s, e) => swapped.back(clauseText.slice(s, e), part.start + s), swapped.text)) {
        const seen = hits.findIndex((x) => x.act.id === h.act.id);
        if (seen < 0) hits.push(h);
        else if (hits[seen]!.said && !h.said) hits[seen] = h; // done outweighs said
      }
    }
    // A pace told anywhere that voids an act ("…基本每个月都发") voids the analyzer's own reading of that category too.
    for (const a of compiledActs) {
      if (a.unlessTold && testOnce(a.unlessTold, swapped.text) && !hits.some((h) => h.act.category === a.act.category)) findings.delete(a.act.category);
    }
    const present = new Set<CategoryId>([...findings.keys(), ...hits.map((h) => h.act.category)]);
    const acts = hits
      .filter((h) => h.act.needs_category.length === 0 || h.act.needs_category.some((x) => present.has(x)))
      .sort((a, b) => c.acts.indexOf(a.act) - c.acts.indexOf(b.act));
    for (const h of acts) {
      const f = findings.get(h.act.category) ?? withSpec(h.act.category, h.evidence);
      findings.set(h.act.category, f);
    }
    // A category shown by specific acts cites the acts' provisions (with their conditions), not the whole list.
    for (const [cat, f] of findings) {
      const own = acts.filter((h) => h.act.category === cat).flatMap((h) => h.act.provisions);
      if (own.length) f.provisions = dedupeProvisions(own);
    }

    const ordered = CATEGORY_IDS.filter((id) => findings.has(id)).map((id) => findings.get(id)!);
    // Going on now: said so ("现在", "堵在门口") in an account not dated in the past ("上周堵在我家门口").
    const happeningNow = findings.has('violence') && c.happening_now.some((w) => whole.includes(w)) && occurredAt(whole, at, c.time).getTime() === at.getTime();
    return {
      findings: ordered,
      categories: ordered.map((f) => f.category),
      lawful: ordered.length === 0,
      looksLikeCollectorMessage: kept.length > 0,
      clauses: kept.map((k) => ({ text: text.slice(k.clause.start, k.clause.end).trim(), kind: k.kind })),
      questions,
      acts,
      occurredAt: happeningNow ? at : occurredAt(whole, at, c.time),
      happeningNow,
      ...(happeningNow && c.away_from_home.some((w) => whole.includes(w)) ? { awayFromHome: true } : {}),
    };
  };

  function startPattern(t: string, p: CompiledPattern | undefined): number | undefined {
    if (!p) return undefined;
    p.re.lastIndex = 0;
    const m = p.re.exec(t);
    return m && m.index === 0 ? m[0].length : undefined;
  }
}

function testOnce(p: CompiledPattern, t: string): boolean {
  p.re.lastIndex = 0;
  return p.re.test(t);
}

function dedupeProvisions(list: Array<{ law: string; article: string; item?: string | null }>): ProvisionRef[] {
  const out: ProvisionRef[] = [];
  for (const p of list) {
    if (out.some((o) => o.law === p.law && o.article === p.article)) continue;
    out.push(p.item ? { law: p.law, article: p.article, item: p.item } : { law: p.law, article: p.article });
  }
  return out;
}

/**
 * Clauses of `text` with their sentence: split at sentence and clause marks, and at spaces people type between
 * clauses ("贴了纸 还用红油漆喷了字"), but not at a space next to a digit or inside Latin words ("打了 20 个电话").
 */
export function splitClauses(text: string): RawClause[] {
  const out: RawClause[] = [];
  let start = 0;
  let sentence = 0;
  const push = (end: number) => {
    if (text.slice(start, end).trim()) out.push({ start, end, sentence });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (SENTENCE_BREAKS.includes(ch)) {
      push(i);
      sentence++;
      start = i + 1;
    } else if (CLAUSE_BREAKS.includes(ch)) {
      push(i);
      start = i + 1;
    } else if (SPACE.test(ch)) {
      let j = i;
      while (j < text.length && SPACE.test(text[j]!)) j++;
      const before = text[i - 1];
      const after = text[j];
      const joins = before === undefined || after === undefined || LATIN_OR_DIGIT.test(before) || LATIN_OR_DIGIT.test(after);
      if (!joins) {
        push(i);
        start = j;
      }
      i = j - 1;
    }
  }
  push(text.length);
  return out;
}

interface Swapped {
  text: string;
  /** Where each kept clause sits in `text`, by its index among the kept clauses. */
  parts: Array<{ index: number; start: number; end: number }>;
  /** The user's words behind `evidence` (found in `text`, at `from` when given), or undefined. */
  back(evidence: string, from?: number): string | undefined;
}

/** The kept clauses joined (，within a sentence, 。between sentences) after the perspective swaps. */
function perspective(original: string, clauses: RawClause[], swaps: Array<{ from: string; to: string }>): Swapped {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const parts: Swapped['parts'] = [];
  clauses.forEach((cl, index) => {
    if (index > 0) {
      text += cl.sentence === clauses[index - 1]!.sentence ? '，' : '。';
      starts.push(-1);
      ends.push(-1);
    }
    const begin = text.length;
    let i = cl.start;
    while (i < cl.end) {
      const swap = swaps.find((s) => original.startsWith(s.from, i) && i + s.from.length <= cl.end);
      const from = swap ? swap.from : original[i]!;
      const to = swap ? swap.to : from;
      for (let k = 0; k < to.length; k++) {
        starts.push(i);
        ends.push(i + from.length);
      }
      text += to;
      i += from.length;
    }
    parts.push({ index, start: begin, end: text.length });
  });
  return {
    text,
    parts,
    back(evidence, from) {
      const i = from ?? text.indexOf(evidence);
      if (i < 0 || !evidence) return undefined;
      const j = i + evidence.length - 1;
      let s = i;
      let e = j;
      while (s <= j && starts[s]! < 0) s++;
      while (e >= s && ends[e]! < 0) e--;
      if (s > e) return undefined;
      return original.slice(starts[s], ends[e]).trim();
    },
  };
}

/** `t` with the perspective swaps applied (no offsets kept). */
function swapText(t: string, swaps: Array<{ from: string; to: string }>): string {
  let out = '';
  for (let i = 0; i < t.length; ) {
    const swap = swaps.find((s) => t.startsWith(s.from, i));
    out += swap ? swap.to : t[i];
    i += swap ? swap.from.length : 1;
  }
  return out;
}

/** Removes the user's question from the end of a clause ("…喷了字这算什么" → "…喷了字"). */
function stripTails(t: string, tails: string[]): string {
  let out = t.replace(/[?？。.!！\s]+$/u, '');
  for (let again = true; again; ) {
    again = false;
    for (const tail of tails) {
      if (out.endsWith(tail)) {
        out = out.slice(0, -tail.length).replace(/[，,\s]+$/u, '');
        again = true;
        break;
      }
    }
  }
  return out;
}

function skipLeading(t: string, leading: string[]): string {
  let out = t;
  for (let n = 0; n < 6; n++) {
    const cue = leading.find((l) => out.startsWith(l) && out.length > l.length);
    if (!cue) break;
    out = out.slice(cue.length);
  }
  return out;
}

function startCue(t: string, cues: string[]): number | undefined {
  const cue = cues.find((x) => t.startsWith(x));
  return cue === undefined ? undefined : cue.length;
}

/** True when `unless` matches inside the clause around [start, end). */
function clauseMatches(t: string, start: number, end: number, unless: CompiledPattern, breaks: string): boolean {
  let s = start;
  while (s > 0 && !breaks.includes(t[s - 1]!)) s--;
  let e = end;
  while (e < t.length && !breaks.includes(t[e]!)) e++;
  unless.re.lastIndex = 0;
  return unless.re.test(t.slice(s, e));
}

/**
 * When the conduct happened: the most recent time the words name ("昨天" 1 day, "三个月前" 90 days, "半年前");
 * `at` when they name none.
 */
function occurredAt(t: string, at: Date, time: { words: Record<string, number>; units: Record<string, number> }): Date {
  const ago: number[] = [];
  const words = Object.keys(time.words).sort((a, b) => b.length - a.length);
  let rest = t;
  for (const w of words) {
    if (!rest.includes(w)) continue;
    ago.push(time.words[w]!);
    rest = rest.split(w).join('');
  }
  const units = Object.keys(time.units).sort((a, b) => b.length - a.length).map(escape).join('|');
  if (units) {
    const re = new RegExp(`([0-9]+|[零一二两三四五六七八九十百几半]+)(?:多)?(${units})`, 'g');
    for (let m = re.exec(rest); m; m = re.exec(rest)) {
      const n = m[1] === '半' ? 0.5 : parseCount(m[1]!);
      if (n > 0) ago.push(Math.round(n * time.units[m[2]!]!));
    }
  }
  return ago.length ? new Date(at.getTime() - Math.min(...ago) * DAY_MS) : at;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

