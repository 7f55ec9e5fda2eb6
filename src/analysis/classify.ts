/**
 * The offline collector-message analyzer: decides which unlawful-collection categories a message shows, with
 * the words that triggered each, from rules held as data in knowledge/analysis/. Pure and fast (no I/O), so it
 * runs on every message before any optional LLM opinion.
 *
 * How a message is read: normalise (normalize.ts) → mask what is not the collector's own conduct (the user's
 * lines in a transcript, hearsay clauses, quoted rumours) → run each rule's patterns, dropping hits that are
 * negated ("我们不会联系您的家人") or in a lawful context → add counts of calls, the send time and the user's
 * call log → one finding per category with its evidence, explanation and provisions.
 */
import { CATEGORY_IDS, type Analysis, type Analyzer, type AnalysisInput, type CategoryId, type Finding, type ProvisionRef } from './findings';
import { createNormalizer, originalSpan, type NormalizedText, type Normalizer } from './normalize';
import { statedAnnualRates } from './stated-rates';
import { categorySpec, type AnalysisRule, type AnalysisRules, type CategorySpec, type LexiconFile } from './rules';

export interface AnalyzerOptions {
  /**
   * Maps a provision (current numbering) to the one in force when the message was sent; return undefined to
   * drop it. Without it, provisions are as data lists them for conduct today. See provisionResolver().
   */
  resolveProvision?: (ref: ProvisionRef, at: Date) => ProvisionRef | undefined;
  /**
   * Scan only the patterns whose anchor words occur in the message (default true). false runs every pattern, for
   * checking that the shortcut changes nothing.
   */
  indexAnchors?: boolean;
}

export type Scope = 'clause' | 'sentence' | 'message';

/** A compiled pattern set: one RegExp whose capture groups are exactly the gaps (for negation checks). */
export interface CompiledPattern {
  re: RegExp;
  source: string;
  /**
   * Each pattern on its own. A hit of the combined RegExp that is then rejected (negated, masked, lawful context)
   * can shadow another pattern matching at the same place; findHit then retries the patterns one by one.
   */
  parts: RegExp[];
  /** Each pattern on its own, always (one per pattern), for scanning only the patterns a message can match. */
  each: RegExp[];
  /**
   * For each pattern, the literal words one of which it cannot match without (its mandatory token with the fewest
   * words), or undefined when it has none. A message that holds none of them cannot match that pattern.
   */
  anchors: Array<readonly string[] | undefined>;
}

/** Reads a message: normalised text plus which positions are not the collector's own words. */
export interface ReadText {
  n: NormalizedText;
  /** 1 where the text is not the collector's own words (user lines, hearsay, debunked quotes). */
  masked: Uint8Array;
  /** The whole message reads as the user's own question or report, not a forwarded collector message. */
  userWords: boolean;
  /**
   * The anchor words (CompiledPattern.anchors) that occur in the text, when an AnchorIndex has looked: findHit then
   * scans only the patterns whose anchors occur.
   */
  present?: ReadonlySet<string>;
}

interface CompiledRule {
  rule: AnalysisRule;
  patterns: CompiledPattern;
  unless?: CompiledPattern;
  unlessExcept?: CompiledPattern;
  unlessMessage?: CompiledPattern;
  needs?: CompiledPattern;
}

interface Hit {
  start: number;
  end: number;
}

const NUMBER = '(?:[0-9]+|[零一二两三四五六七八九十百千几]+)';

/**
 * Compiles patterns written in the lexicon's small syntax (see knowledge/analysis/lexicon.yaml) into one
 * RegExp. Exported for the crisis detector, which shares the syntax.
 */
export class PatternCompiler {
  private readonly groups = new Map<string, string>();
  private readonly clauseClass: string;
  private readonly sentenceClass: string;
  private readonly clauseBreaks: string;

  constructor(private readonly lexicon: Pick<LexiconFile, 'terms' | 'clause_breaks' | 'sentence_breaks'>) {
    this.clauseBreaks = escapeClass(lexicon.clause_breaks);
    this.clauseClass = `[^${this.clauseBreaks}]`;
    this.sentenceClass = `[^${escapeClass(lexicon.sentence_breaks)}]`;
  }

  /** One RegExp matching any of `patterns`; capture groups are the gaps. */
  compile(patterns: string[], scope: Scope = 'clause'): CompiledPattern {
    const gap = scope === 'clause' ? this.clauseClass : scope === 'sentence' ? this.sentenceClass : '[\\s\\S]';
    const compiled = patterns.map((p) => this.compileOne(p, gap));
    const source = compiled.map((p) => `(?:${p})`).join('|');
    const each = compiled.map((p) => new RegExp(p, 'dg'));
    return { re: new RegExp(source, 'dg'), source, parts: compiled.length > 1 ? each : [], each, anchors: patterns.map((p) => this.anchorsOf(p)) };
  }

  /**
   * The literal words of `pattern`'s mandatory token with the fewest words (a word with a "!tail" counts by its
   * head), or undefined when no mandatory token is all literal (only gaps, #, ^ and $, or optional tokens).
   */
  private anchorsOf(pattern: string): string[] | undefined {
    let best: string[] | undefined;
    for (const raw of pattern.trim().split(/\s+/)) {
      if (/^~\d*$/.test(raw) || raw === '^' || raw === '$' || (raw.length > 1 && raw.endsWith('?'))) continue;
      const words: string[] = [];
      let literal = true;
      const head = (w: string) => (w.indexOf('!', 1) > 0 ? w.slice(0, w.indexOf('!', 1)) : w);
      for (const a of raw.split('|')) {
        if (a === '#') literal = false;
        else if (a.startsWith('@')) words.push(...[...this.flatten(a.slice(1), 0)].map(head));
        else words.push(head(a));
      }
      if (!literal || words.some((w) => w.length === 0)) continue;
      if (!best || words.length < best.length) best = [...new Set(words)];
    }
    return best;
  }

  private compileOne(pattern: string, gap: string): string {
    const out: string[] = [];
    for (const raw of pattern.trim().split(/\s+/)) {
      if (/^~\d*$/.test(raw)) {
        const n = raw.length > 1 ? Number(raw.slice(1)) : 6;
        out.push(`(${gap}{0,${n}}?)`);
        continue;
      }
      if (raw === '^') {
        out.push(`(?<=^|[${this.clauseBreaks}])`);
        continue;
      }
      if (raw === '$') {
        out.push(`(?=$|[${this.clauseBreaks}])`);
        continue;
      }
      const optional = raw.length > 1 && raw.endsWith('?');
      const token = optional ? raw.slice(0, -1) : raw;
      const alt = this.alternatives(token);
      out.push(optional ? `(?:${alt})?` : `(?:${alt})`);
    }
    return out.join('');
  }

  private alternatives(token: string): string {
    const parts: string[] = [];
    for (const a of token.split('|')) {
      if (a === '#') parts.push(NUMBER);
      else if (a.startsWith('@')) parts.push(this.group(a.slice(1)));
      else parts.push(term(a));
    }
    return parts.join('|');
  }

  private group(name: string): string {
    const cached = this.groups.get(name);
    if (cached) return cached;
    const terms = [...this.flatten(name, 0)].sort((a, b) => b.length - a.length);
    const source = terms.map(term).join('|');
    this.groups.set(name, source);
    return source;
  }

  /** All literal terms of a group, nested groups expanded (longest first after sorting). */
  private flatten(name: string, depth: number): Set<string> {
    const terms = this.lexicon.terms[name];
    if (!terms) throw new Error(`unknown term group @${name}`);
    if (depth > 5) throw new Error(`term group @${name} refers to itself`);
    const out = new Set<string>();
    for (const t of terms) {
      if (t.startsWith('@')) for (const x of this.flatten(t.slice(1), depth + 1)) out.add(x);
      else out.add(t);
    }
    return out;
  }
}

/**
 * Builds the analyzer from loaded rules. Compiles every pattern once; `analyze` is then pure and takes well
 * under a millisecond for a typical message.
 */
export function createAnalyzer(rules: AnalysisRules, options: AnalyzerOptions = {}): Analyzer & Required<Pick<Analyzer, 'describe'>> {
  const lex = rules.lexicon;
  const compiler = new PatternCompiler(lex);
  const normalizer = createNormalizer(Object.entries(lex.variants).map(([from, to]) => ({ from, to })));
  const reader = createReader(lex, normalizer);
  const compiled: CompiledRule[] = lex.rules.map((rule) => ({
    rule,
    patterns: compiler.compile(rule.patterns, rule.scope),
    unless: rule.unless.length ? compiler.compile(rule.unless, rule.unless_scope) : undefined,
    needs: rule.needs.length ? compiler.compile(rule.needs, 'message') : undefined,
    unlessExcept: rule.unless_except.length ? compiler.compile(rule.unless_except, 'message') : undefined,
    unlessMessage: rule.unless_message.length ? compiler.compile(rule.unless_message, 'message') : undefined,
  }));
  const process = lex.legal_process
    ? { marks: compiler.compile(lex.legal_process.marks, 'message'), fakeSigns: lex.legal_process.fake_signs.length ? compiler.compile(lex.legal_process.fake_signs, 'message') : undefined }
    : undefined;
  // Another sender (a property manager, a carrier, a relative, a colleague): the message is not the collector's.
  const senders = lex.looks_like_user.senders?.length ? compiler.compile(lex.looks_like_user.senders, 'message') : undefined;
  const collectorLine = collectorLineRe(lex);
  // Rules that depend on what other rules found (needs_category, unless_category) run after them.
  const dependent = (c: CompiledRule) => c.rule.needs_category.length > 0 || c.rule.unless_category.length > 0;
  const firstPass = compiled.filter((c) => !dependent(c));
  const secondPass = compiled.filter(dependent);
  const negation = new CueSet(lex.negation.cues);
  const counter = createCounter(lex);
  const stamps = createStampReader(lex);
  const burst = createBurstReader(lex);
  const tense = { done: new CueSet(lex.tense.done), future: new CueSet(lex.tense.future), conditional: new CueSet(lex.tense.conditional) };
  const judge = createConditionJudge(rules, compiler, negation);
  // Every pattern findHit runs on an indexed read must have its anchors here.
  const anchors = new AnchorIndex([
    ...compiled.flatMap((c) => [c.patterns, c.unless, c.needs, c.unlessExcept, c.unlessMessage].flatMap((p) => (p ? p.anchors.flatMap((a) => a ?? []) : []))),
    ...judge.anchors,
    ...(process ? [process.marks, process.fakeSigns].flatMap((p) => (p ? p.anchors.flatMap((a) => a ?? []) : [])) : []),
    ...(senders ? senders.anchors.flatMap((a) => a ?? []) : []),
  ]);
  /** Reads a message and notes which anchor words it holds (so findHit scans only patterns that can match). */
  const readIndexed = (text: string): ReadText => {
    const read = reader(text);
    if (options.indexAnchors !== false) read.present = anchors.present(read.n.text);
    if (senders && !read.userWords && !collectorLine.test(read.n.text) && findHit(read, senders, undefined, lex.negation.window, lex)) {
      read.masked.fill(1);
      read.userWords = true;
    }
    return read;
  };
  const conditionTexts = new Map(rules.conditions.map((c) => [c.id, c.text]));
  const offFrom = minutes(lex.off_hours.from);
  const offUntil = minutes(lex.off_hours.until);

  /**
   * How a hit's words tell the act: done (or happening), future, or neither. Done and conditional words count in
   * the hit's own clause ("那边已经找了人，你腿保不住" is a threat); time words also anywhere in its sentence
   * ("过了今天，我们就到你家坐着不走了" is future).
   */
  const tenseOf = (t: string, hit: Hit, conditionalIsFuture: boolean): 'done' | 'future' | undefined => {
    const cs = boundaryBefore(t, hit.start, lex.clause_breaks);
    const ce = boundaryAfter(t, hit.end, lex.clause_breaks);
    if (tense.done.firstIn(t, cs, ce) !== undefined) return 'done';
    if (tense.future.firstIn(t, cs, ce) !== undefined) return 'future';
    if (conditionalIsFuture && tense.conditional.firstIn(t, cs, ce) !== undefined) return 'future';
    const ss = boundaryBefore(t, hit.start, lex.sentence_breaks);
    const se = boundaryAfter(t, hit.end, lex.sentence_breaks);
    if (tense.future.firstIn(t, ss, se) !== undefined) return 'future';
    return undefined;
  };

  /**
   * A legal-process notice (lexicon legal_process): a mark of a real case (案号, a named court, commission or notary,
   * the roles and documents of a civil case) and no sign of a fake. Marks are not negatable; fake signs are
   * ("切勿转入任何个人账户" is no demand for one).
   */
  const isProcessNotice = (read: ReadText): boolean =>
    process !== undefined &&
    findHit(read, process.marks, undefined, lex.negation.window, lex) !== undefined &&
    (!process.fakeSigns || findHit(read, process.fakeSigns, negation, lex.negation.window, lex) === undefined);

  /**
   * Categories found in `read`, each with the words that triggered it; `burstHit` when times show a burst;
   * `legalProcess` when the message is a legal-process notice whose process words were discounted.
   */
  const categorize = (read: ReadText): { hits: Map<CategoryId, Hit>; burstHit?: Hit; stamped: StampedLine[]; legalProcess: boolean } => {
    const t = read.n.text;
    const hits = new Map<CategoryId, Hit>();
    // Categories found by rules that do not read process words: any of them means the notice is not only process.
    const firm = new Set<CategoryId>();
    let legalProcess = false;
    const add = (cats: readonly CategoryId[], hit: Hit, rule: AnalysisRule) => {
      for (const c of cats) {
        if (!rule.process_words) firm.add(c);
        if (!hits.has(c)) hits.set(c, hit);
      }
    };
    const run = (c: CompiledRule) => {
      if (legalProcess && c.rule.process_words) return;
      if (c.rule.needs_category.length && !c.rule.needs_category.some((k) => hits.has(k))) return;
      if (c.rule.unless_category.some((k) => hits.has(k))) return;
      let unless = c.unless;
      let unlessMessage = c.unlessMessage;
      if ((unless || unlessMessage) && c.unlessExcept && findHit(read, c.unlessExcept, negation, lex.negation.window, lex)) {
        unless = undefined;
        unlessMessage = undefined;
      }
      const neg = c.rule.negatable ? negation : undefined;
      let hit = findHit(read, c.patterns, neg, lex.negation.window, lex, unless, c.rule.unless_scope);
      if (!hit) return;
      if (unlessMessage && findHit(read, unlessMessage, negation, lex.negation.window, lex)) return;
      if (c.needs && !findHit(read, c.needs, negation, lex.negation.window, lex)) return;
      const { future_categories: future, done_categories: done, conditional_is_future: conditional } = c.rule;
      if (!future && !done) {
        add(c.rule.categories, hit, c.rule);
        return;
      }
      // A tense-sensitive act: what a hit gives depends on how its sentence tells the act. An act only announced
      // gives the future categories, and a later sentence may still tell it as done.
      for (let tries = 0; hit && tries < 4; tries++) {
        const when = tenseOf(t, hit, conditional);
        const cats = when === 'done' ? done ?? c.rule.categories : when === 'future' ? future ?? c.rule.categories : c.rule.categories;
        add(cats, hit, c.rule);
        if (cats.every((k) => hits.has(k)) && (done ?? c.rule.categories).every((k) => hits.has(k))) return;
        hit = findHit(read, c.patterns, neg, lex.negation.window, lex, unless, c.rule.unless_scope, boundaryAfter(t, hit.end, lex.sentence_breaks) + 1);
      }
    };
    for (const c of firstPass) run(c);
    // A court's, commission's, notary's or creditor's legal-process notice with no fake sign, where only process words
    // were found: those words are what a real notice says (categories.md: verify, don't alarm). Anything found by
    // another rule (menace, exposure, insults, a false consequence) keeps every finding.
    if (firm.size === 0 && isProcessNotice(read)) {
      legalProcess = true;
      hits.clear();
    }
    for (const c of secondPass) run(c);

    let burstHit: Hit | undefined;
    const stamped = stamps(read);
    if (!hits.has('harassment_frequency')) {
      burstHit = burst(stamped);
      const counted = burstHit ?? counter(read, negation);
      if (counted) hits.set('harassment_frequency', counted);
    }
    return { hits, burstHit, stamped, legalProcess };
  };

  const describe = (id: CategoryId, text?: string) => {
    const spec = categorySpec(rules, id);
    if (text === undefined) return { explanation: spec.explanation, provisions: provisionsFor(spec, conditionTexts, undefined, null, options.resolveProvision) };
    const read = readIndexed(text);
    const { hits, burstHit } = categorize(read);
    const found = new Set<CategoryId>([...hits.keys(), id]);
    // A user's own report ("他们天天骂我是废物") is masked whole as the user's words, yet the conduct it tells is what
    // a provision's condition is about: judge the conditions on the unmasked words.
    const told = read.userWords ? { ...read, masked: new Uint8Array(read.masked.length) } : read;
    return { explanation: spec.explanation, provisions: provisionsFor(spec, conditionTexts, judge(told, found, burstHit !== undefined), null, options.resolveProvision) };
  };

  return {
    describe,
    analyze(input: AnalysisInput): Analysis {
      const read = readIndexed(input.text);
      const { hits, burstHit, stamped, legalProcess } = categorize(read);
      // The send time: the one given, or else the clock times the collector's lines carry (a pasted chat or
      // screenshot shows when each message was sent; categories.md off_hours).
      const nightLine = input.sentAt === null ? stamped.find((l) => inQuietHours(l.at, offFrom, offUntil)) : undefined;
      const offHours = !hits.has('off_hours') && (input.sentAt !== null ? isOffHours(input.sentAt, lex.off_hours.utc_offset_hours, offFrom, offUntil) : nightLine !== undefined);
      const calls = !hits.has('harassment_frequency') && (input.callsToday ?? 0) >= lex.frequency.min;
      const found = new Set<CategoryId>(hits.keys());
      if (offHours) found.add('off_hours');
      if (calls) found.add('harassment_frequency');
      const met = found.size ? judge(read, found, burstHit !== undefined || calls) : new Set<string>();

      const findings: Finding[] = [];
      for (const id of CATEGORY_IDS) {
        const spec = categorySpec(rules, id);
        let evidence: string | undefined;
        const hit = hits.get(id);
        if (hit) evidence = originalSpan(read.n, hit.start, hit.end);
        else if (id === 'off_hours' && offHours) {
          const time = input.sentAt ? localTime(input.sentAt, lex.off_hours.utc_offset_hours) : clockOf(nightLine!.at);
          evidence = (spec.evidence_template ?? '{time}').replace('{time}', time);
        } else if (id === 'harassment_frequency' && calls) {
          evidence = String(input.callsToday);
        }
        if (evidence === undefined) continue;
        findings.push({
          category: id,
          evidence,
          explanation: spec.explanation,
          provisions: provisionsFor(spec, conditionTexts, met, input.sentAt, options.resolveProvision),
        });
      }
      const categories = findings.map((f) => f.category);
      return {
        findings,
        categories,
        lawful: categories.length === 0,
        looksLikeCollectorMessage: !read.userWords,
        conditions: [...met],
        ...(legalProcess ? { legalProcess } : {}),
      };
    },
  };
}

/**
 * Judges the conditions of categories.yaml on a read message: a condition is met when one of its patterns occurs
 * in the collector's words (not negated), when a category it lists was found, when the message states a rate at or
 * above its `rate` line (stated-rates.ts), or, for `burst` conditions, when the message is a burst of timed
 * messages. Returns the ids met.
 */
function createConditionJudge(
  rules: AnalysisRules,
  compiler: PatternCompiler,
  negation: CueSet,
): ((read: ReadText, found: ReadonlySet<CategoryId>, burst: boolean) => Set<string>) & { anchors: string[] } {
  const lex = rules.lexicon;
  const compiled = rules.conditions.map((c) => ({ spec: c, patterns: c.patterns.length ? compiler.compile(c.patterns, 'sentence') : undefined }));
  const judge = (read: ReadText, found: ReadonlySet<CategoryId>, burst: boolean) => {
    const met = new Set<string>();
    for (const { spec, patterns } of compiled) {
      if (
        (spec.burst && burst) ||
        spec.categories.some((c) => found.has(c)) ||
        (spec.rate && statedAnnualRates(read.n.text, spec.rate.words).some((r) => r >= spec.rate!.min_annual_percent)) ||
        (patterns && findHit(read, patterns, negation, lex.negation.window, lex))
      )
        met.add(spec.id);
    }
    return met;
  };
  return Object.assign(judge, { anchors: compiled.flatMap((c) => c.patterns?.anchors.flatMap((a) => a ?? []) ?? []) });
}

/** A line of the collector's stamped with the clock time it was sent (minutes after midnight), and its span. */
export interface StampedLine {
  at: number;
  /** The date or day word stamped with it, when there is one. */
  day?: string;
  start: number;
  end: number;
}

const DEADLINE_TAIL = /^\s*(?:前|后|之前|之后|以前|以后|左右|[到至~—–-]\s*(?:\d|次日|明|第二天|晚|早|中午|下午|凌晨)|起(?![床来])|开始|截止)/;
const DEADLINE_LABEL = /(?:于|在|到|至|从|截至|截止|前|时间|日期|期限)$/;

/**
 * Reads the collector's lines stamped with a clock time, in order. A stamp is a time at the start of a line
 * ("10:01 还钱", "[23:05] 人呢", "10点01分"), optionally after a date ("2026/05/03", "05-03"), a day word (昨天)
 * or a word for the part of the day (下午 2:01 is 14:01), and optionally after a short sender label ("张三 10:01", "催收：07:10";
 * the user's own label is not the collector). A stamp with no words after it counts when its label is an event
 * ("未接来电 09:12") or when the next line holds the message (the header-then-message layout of copied chats). A
 * deadline ("15:00前"), an opening time ("9:00-18:00") or a time after a future or conditional word ("明天7:30",
 * "再不还 23:00") is no stamp.
 */
function createStampReader(lex: LexiconFile): (read: ReadText) => StampedLine[] {
  const words = lex.frequency.burst_stamps;
  const alt = (xs: readonly string[]) => (xs.length ? `(?:${[...xs].sort((a, b) => b.length - a.length).map(literal).join('|')})` : '(?!)');
  const date = String.raw`\d{4}[/.\-年]\d{1,2}[/.\-月]\d{1,2}?日?|\d{1,2}[/.\-月]\d{1,2}?日?`;
  const time = String.raw`([01]?\d|2[0-3])(?:[:：]([0-5]\d)(?::[0-5]\d)?|点([0-5]?\d)分)`;
  // label? date? day? part-of-day? time, then the rest of the line.
  const stamp = new RegExp(
    String.raw`^[\s\[(【]*(?:([^\d\s:：\[\](){}【】]{1,12}?)\s*[:：]?\s*)??(?:(${date})\s*)?(?:(${alt(words.days)})\s*)?(?:(${alt(words.after_noon)})|${alt(words.before_noon)})?\s*${time}[\])】]?(.*)$`,
  );
  const userLabel = new Set(lex.speaker.user);
  const events = new Set(words.events);
  const sent = new Set(words.sent);
  // A call-log row puts the time last ("未接来电 95xxx-001 14:02", "138xxxx0012 呼出未接 09:02"): an event word, then
  // the time ending the line.
  const logRow = new RegExp(String.raw`^(.{0,30}?)\s*${time}\s*$`);
  const eventWord = new CueSet(words.events);
  const durations = new Set(words.durations.map((w) => w.toLowerCase()));
  // "[06:20] 我：…": the speaker named after the stamp.
  const userAfter = new RegExp(`^\\s*(?:${lex.speaker.user.map(literal).join('|')})\\s*[:：]`);
  const ahead = new CueSet([...lex.tense.future, ...lex.tense.conditional]);
  const parse = (line: string) => {
    const m = stamp.exec(line);
    if (!m) {
      const r = logRow.exec(line);
      if (!r || eventWord.firstIn(r[1]!, 0, r[1]!.length) === undefined) return undefined;
      return { label: undefined, day: undefined, at: Number(r[2]) * 60 + Number(r[3] ?? r[4]), rest: r[1]!.trim() };
    }
    const [, label, day1, day2, pm, h, mm, mm2, rest] = m;
    // "发送时间 2026-05-26 06:30": the label says the time is the send time, though it ends in 时间.
    const sentLabel = label !== undefined && sent.has(label.trim());
    // "今天15:00前还款", "9:00-18:00": a deadline or an opening time, not when a message was sent.
    if (DEADLINE_TAIL.test(rest ?? '') || (label && !sentLabel && (DEADLINE_LABEL.test(label) || ahead.firstIn(label, 0, label.length) !== undefined))) return undefined;
    // "[语音 0:42]": how long a voice note or call lasted, not when it was sent.
    if (label && durations.has(label.trim().toLowerCase())) return undefined;
    let hour = Number(h);
    if (pm && hour < 12) hour += 12;
    return { label: label?.trim(), day: day1 ?? day2, at: hour * 60 + Number(mm ?? mm2), rest: (rest ?? '').trim() };
  };
  return (read) => {
    const t = read.n.text;
    const lines = t.split('\n');
    const starts: number[] = [];
    let pos = 0;
    for (const line of lines) {
      starts.push(pos);
      pos += line.length + 1;
    }
    const stamps = lines.map(parse);
    const found: StampedLine[] = [];
    for (let k = 0; k < lines.length; k++) {
      const s = stamps[k];
      if (!s || read.masked[starts[k]!] || (s.label && userLabel.has(s.label)) || userAfter.test(s.rest)) continue;
      const end = starts[k]! + lines[k]!.length;
      if (s.rest) found.push({ at: s.at, day: s.day, start: starts[k]!, end });
      else if (s.label && (events.has(s.label) || sent.has(s.label))) found.push({ at: s.at, day: s.day, start: starts[k]!, end });
      else if (k + 1 < lines.length && !stamps[k + 1] && lines[k + 1]!.trim() && !read.masked[starts[k + 1]!]) {
        found.push({ at: s.at, day: s.day, start: starts[k]!, end: starts[k + 1]! + lines[k + 1]!.length });
      }
    }
    return found;
  };
}

/**
 * Reads a forwarded burst from the stamped lines: at least `messages` of them, the first and the last within
 * `within_minutes`, for any of the lexicon's burst windows (a burst may run past midnight; stamps on different dates
 * never make one burst). Returns the span from the first stamp to the end of the last message.
 */
function createBurstReader(lex: LexiconFile): (found: readonly StampedLine[]) => Hit | undefined {
  const windows = lex.frequency.burst;
  return (found) => {
    for (const { messages, within_minutes: within } of windows) {
      for (let i = 0; i + messages - 1 < found.length; i++) {
        let span = 0;
        for (let j = i + 1; j < i + messages && span <= within; j++) {
          const a = found[j - 1]!;
          const b = found[j]!;
          span += a.day !== b.day && (a.day !== undefined || b.day !== undefined) ? Infinity : (b.at - a.at + 1440) % 1440;
        }
        if (span <= within) return { start: found[i]!.start, end: found[i + messages - 1]!.end };
      }
    }
    return undefined;
  };
}

/** True when a clock time (minutes after midnight) falls in the quiet hours [from, until), wrapping midnight. */
function inQuietHours(m: number, fromMin: number, untilMin: number): boolean {
  return fromMin > untilMin ? m >= fromMin || m < untilMin : m >= fromMin && m < untilMin;
}

function clockOf(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** True when `at` falls in the quiet hours [from, until) in the given UTC offset (wrapping midnight). */
export function isOffHours(at: Date, utcOffsetHours: number, fromMin: number, untilMin: number): boolean {
  const m = localMinutes(at, utcOffsetHours);
  return fromMin > untilMin ? m >= fromMin || m < untilMin : m >= fromMin && m < untilMin;
}

/** Builds the reader shared by the analyzer and the crisis detector: normalise, then mark what to ignore. */
export function createReader(lex: LexiconFile, normalizer: Normalizer): (text: string) => ReadText {
  const userLine = new RegExp(`^\\s*(${lex.speaker.user.map(literal).join('|')})\\s*[:]`);
  const hearsay = new CueSet(lex.mention.hearsay);
  const ownKnowledge = lex.mention.own_knowledge.length ? new RegExp(`^(?:${lex.mention.own_knowledge.map(term).join('|')})`) : undefined;
  const before = new CueSet(lex.mention.before);
  const after = new CueSet(lex.mention.after);
  const hearsaySentence = new CueSet(lex.mention.hearsay_sentence);
  const breaks = new Set(lex.clause_breaks);
  const sentenceBreaks = new Set(lex.sentence_breaks);
  const quotes = lex.mention.quotes.map((q) => [q[0]!, q[1]!] as const);
  const userCues = new CueSet(lex.looks_like_user.cues);
  const collectorLine = collectorLineRe(lex);

  return (text: string) => {
    const n = normalizer.normalize(text);
    const t = n.text;
    const masked = new Uint8Array(t.length);
    if (userCues.firstIn(t, 0, t.length) !== undefined && !collectorLine.test(t)) {
      masked.fill(1);
      return { n, masked, userWords: true };
    }
    // The user's own lines in a transcript.
    let lineStart = 0;
    for (const line of t.split('\n')) {
      if (userLine.test(line)) masked.fill(1, lineStart, lineStart + line.length);
      lineStart += line.length + 1;
    }
    // Hearsay: from the cue to the end of its clause. "听说你家在三楼" is the collector's own knowledge of the reader,
    // said as menace, not a rumour: such a cue is skipped.
    let clauseStart = 0;
    for (let i = 0; i <= t.length; i++) {
      if (i === t.length || breaks.has(t[i]!)) {
        let cue = hearsay.firstIn(t, clauseStart, i);
        while (cue !== undefined && ownKnowledge?.test(t.slice(cue, i))) cue = hearsay.firstIn(t, cue + 1, i);
        if (cue !== undefined) masked.fill(1, cue, i);
        clauseStart = i + 1;
      }
    }
    // Impostors' conduct reported by the real sender (an anti-fraud notice): from the cue to the end of the sentence.
    let sentenceStart = 0;
    for (let i = 0; i <= t.length; i++) {
      if (i === t.length || sentenceBreaks.has(t[i]!)) {
        const cue = hearsaySentence.firstIn(t, sentenceStart, i);
        if (cue !== undefined) masked.fill(1, cue, i);
        sentenceStart = i + 1;
      }
    }
    // Quoted rumours and debunked claims. Quotes in a row ("“A”“B”都是骗子话术", "“A”、“B”等说法") are judged
    // together: the cue before the first or after the last one covers them all.
    const spans: Array<[number, number]> = [];
    for (const [open, close] of quotes) {
      let from = 0;
      for (;;) {
        const o = t.indexOf(open, from);
        if (o < 0) break;
        const c = t.indexOf(close, o + 1);
        if (c < 0) break;
        spans.push([o, c]);
        from = c + 1;
      }
    }
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 0; i < spans.length; ) {
      let j = i;
      while (j + 1 < spans.length && spans[j + 1]![0] > spans[j]![1] && /^[、，,和或及与\s]{0,2}$/.test(t.slice(spans[j]![1] + 1, spans[j + 1]![0]))) j++;
      const o = spans[i]![0];
      const c = spans[j]![1];
      const pre = before.firstIn(t, Math.max(0, o - lex.mention.before_window), o);
      const post = after.firstIn(t, c + 1, Math.min(t.length, c + 1 + lex.mention.after_window));
      if (pre !== undefined || post !== undefined) masked.fill(1, o, c + 1);
      i = j + 1;
    }
    return { n, masked, userWords: false };
  };
}

/**
 * A line that names the collector as its speaker: "催收：…", or a copied chat's header "催收 23:58" (label, clock
 * time) with the message on the next line. Such a text is a forwarded chat, not the user's own words, whatever
 * phrases in it look like a user's.
 */
function collectorLineRe(lex: LexiconFile): RegExp {
  return new RegExp(`(?:^|\\n)\\s*(?:${lex.speaker.collector.map(literal).join('|')})\\s*(?::|(?:[01]?\\d|2[0-3])[:：][0-5]\\d\\s*(?:\\n|$))`);
}

/**
 * The first acceptable hit of `patterns`: not masked, not negated (cue shortly before it in its clause, or in
 * one of its gaps), and not in a sentence that matches `unless`.
 */
export function findHit(
  read: ReadText,
  patterns: CompiledPattern,
  negation: CueSet | undefined,
  window: number,
  lex: Pick<LexiconFile, 'clause_breaks' | 'sentence_breaks'>,
  unless?: CompiledPattern,
  unlessScope: 'clause' | 'sentence' | 'message' = 'sentence',
  /** Where to start looking (a later sentence, after a hit that did not count). */
  from = 0,
): Hit | undefined {
  if (read.present) {
    // Only the patterns whose anchor words occur can match: scan those, earliest acceptable hit wins (as the
    // combined RegExp would find it).
    let best: Hit | undefined;
    const present = read.present;
    for (let i = 0; i < patterns.each.length; i++) {
      const anchors = patterns.anchors[i];
      if (anchors && !anchors.some((w) => present.has(w))) continue;
      const r = scan(read, patterns.each[i]!, negation, window, lex, unless, unlessScope, from);
      if (r.hit && (!best || r.hit.start < best.start)) best = r.hit;
    }
    return best;
  }
  const first = scan(read, patterns.re, negation, window, lex, unless, unlessScope, from);
  if (first.hit || !first.rejected) return first.hit;
  let best: Hit | undefined;
  for (const part of patterns.parts) {
    const r = scan(read, part, negation, window, lex, unless, unlessScope, from);
    if (r.hit && (!best || r.hit.start < best.start)) best = r.hit;
  }
  return best;
}

/** The first acceptable match of one RegExp, and whether any match was rejected on the way. */
function scan(
  read: ReadText,
  re: RegExp,
  negation: CueSet | undefined,
  window: number,
  lex: Pick<LexiconFile, 'clause_breaks' | 'sentence_breaks'>,
  unless: CompiledPattern | undefined,
  unlessScope: 'clause' | 'sentence' | 'message',
  from: number,
): { hit?: Hit; rejected: boolean } {
  let rejected = false;
  const t = read.n.text;
  if (from >= t.length) return { rejected };
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(t);
    if (!m) return { rejected };
    const start = m.index;
    const end = start + m[0].length;
    re.lastIndex = end > start ? start + 1 : start + 1;
    if (m[0].length === 0) continue;
    rejected = true;
    if (read.masked[start]) continue;
    if (negation) {
      const cs = boundaryBefore(t, start, lex.clause_breaks);
      // A cue just before the hit, or one that straddles its start ("不" + "会坐牢").
      if (negation.startsBefore(t, Math.max(cs, start - window), Math.min(end, start + 3), start)) continue;
      // A cue inside a gap, or straddling a gap and the next literal ("不" + "打电话").
      let negatedGap = false;
      const spans = m.indices ?? [];
      for (let g = 1; g < spans.length; g++) {
        const span = spans[g];
        if (!span || span[1] <= span[0]) continue;
        if (negation.firstIn(t, span[0], Math.min(end, span[1] + 1)) !== undefined) {
          negatedGap = true;
          break;
        }
      }
      if (negatedGap) continue;
    }
    if (unless) {
      // 'clause': only the hit's own clause ("已报送征信，并将通报你所在的村委会" keeps the second clause's hit).
      const breaks = unlessScope === 'clause' ? lex.clause_breaks : lex.sentence_breaks;
      const ss = unlessScope === 'message' ? 0 : boundaryBefore(t, start, breaks);
      const se = unlessScope === 'message' ? t.length : boundaryAfter(t, end, breaks);
      unless.re.lastIndex = 0;
      if (unless.re.test(t.slice(ss, se))) continue;
    }
    return { hit: { start, end }, rejected: false };
  }
}

/**
 * Finds which of many literal words occur in a text, in one pass (a trie walked from every position): the analyzer
 * asks it once per message, then scans only the patterns whose anchors occur.
 */
export class AnchorIndex {
  private readonly root: AnchorNode = { next: new Map() };

  constructor(words: Iterable<string>) {
    for (const w of words) {
      let node = this.root;
      for (const ch of w) {
        let n = node.next.get(ch);
        if (!n) node.next.set(ch, (n = { next: new Map() }));
        node = n;
      }
      node.word = w;
    }
  }

  /** The indexed words that occur in `text`. */
  present(text: string): Set<string> {
    const found = new Set<string>();
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      let node: AnchorNode | undefined = this.root;
      for (let j = i; j < chars.length; j++) {
        node = node.next.get(chars[j]!);
        if (!node) break;
        if (node.word !== undefined) found.add(node.word);
      }
    }
    return found;
  }
}

interface AnchorNode {
  next: Map<string, AnchorNode>;
  word?: string;
}

/** A set of literal cue words with a fast "first occurrence in a range" lookup. */
export class CueSet {
  private readonly re: RegExp;
  constructor(cues: string[]) {
    const sorted = [...cues].sort((a, b) => b.length - a.length);
    this.re = new RegExp(sorted.map(literal).join('|') || '(?!)', 'g');
  }
  /** True when a cue lies fully inside text[from, to) and starts before `limit`. */
  startsBefore(text: string, from: number, to: number, limit: number): boolean {
    if (to <= from) return false;
    const slice = text.slice(from, to);
    this.re.lastIndex = 0;
    for (let m = this.re.exec(slice); m; m = this.re.exec(slice)) {
      if (from + m.index < limit) return true;
      if (m[0].length === 0) this.re.lastIndex++;
    }
    return false;
  }

  /** Index of the first cue fully inside text[from, to), or undefined. */
  firstIn(text: string, from: number, to: number): number | undefined {
    if (to <= from) return undefined;
    const slice = text.slice(from, to);
    this.re.lastIndex = 0;
    const m = this.re.exec(slice);
    return m ? from + m.index : undefined;
  }
}

/** Counts like "二十个电话", "第15个电话", "50多个" with a calling word in the same clause. */
function createCounter(lex: LexiconFile): (read: ReadText, negation: CueSet) => Hit | undefined {
  const f = lex.frequency;
  const units = [...f.units].sort((a, b) => b.length - a.length).map(literal).join('|');
  const notAfter = f.not_followed_by.length ? `(?!${f.not_followed_by.map(literal).join('|')})` : '';
  const re = new RegExp(`(${NUMBER})(?:多|余|来)?(?:${units})${notAfter}`, 'g');
  const context = new CueSet(f.context);
  const recipients = new CueSet(f.recipients);
  return (read, negation) => {
    const t = read.n.text;
    re.lastIndex = 0;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const start = m.index;
      const end = start + m[0].length;
      if (read.masked[start] || parseCount(m[1]!) < f.min) continue;
      const cs = boundaryBefore(t, start, lex.clause_breaks);
      const ce = boundaryAfter(t, end, lex.clause_breaks);
      if (context.firstIn(t, cs, ce) === undefined) continue;
      if (negation.firstIn(t, Math.max(cs, start - lex.negation.window), start) !== undefined) continue;
      if (recipients.firstIn(t, boundaryBefore(t, start, lex.sentence_breaks), boundaryAfter(t, end, lex.sentence_breaks)) !== undefined) continue;
      return { start, end };
    }
    return undefined;
  };
}

const DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 几: 3 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "二十" → 20, "十几" → 13, "几百" → 300, "42" → 42; "几" alone counts as 3 (not "many"). */
export function parseCount(s: string): number {
  if (/^[0-9]+$/.test(s)) return Number(s);
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGIT) digit = DIGIT[ch]!;
    else if (ch in UNIT) {
      total += (digit < 0 ? 1 : digit) * UNIT[ch]!;
      digit = -1;
    }
  }
  if (digit >= 0) total += digit;
  return total;
}

/**
 * A category's provisions for one message: each provision with a condition carries it, with `met` as judged
 * (`met` undefined: not judged, counts as not shown); an unmet one marked `unmet: omit` is left out. The same
 * article listed twice (治安管理处罚法第六十二条 第一款 for a fake court, 第三款 for a fake law firm) keeps the first
 * entry that applies.
 */
export function provisionsFor(
  spec: CategorySpec,
  conditions: ReadonlyMap<string, string>,
  met: ReadonlySet<string> | undefined,
  sentAt: Date | null,
  resolve: AnalyzerOptions['resolveProvision'],
): ProvisionRef[] {
  const out: ProvisionRef[] = [];
  /** Per article: the index of its entry, and whether that entry is cited (its conditions met or none). */
  const seen = new Map<string, { at: number; cited: boolean }>();
  for (const p of spec.provisions) {
    const when = p.when ?? [];
    const ok = when.every((w) => met?.has(w) ?? false);
    if (!ok && p.unmet === 'omit') continue;
    const ref: ProvisionRef | undefined = resolve && sentAt ? resolve({ law: p.law, article: p.article }, sentAt) : { law: p.law, article: p.article };
    if (!ref) continue;
    const key = `${ref.law}#${ref.article}`;
    const before = seen.get(key);
    // One cited entry per article (the first that applies, replacing a conditional one listed before it); a part
    // of an article already cited may still be named as conditional (第五十条第（一）项 cited, 第（五）项 "如果反复").
    if (before && (before.cited ? ok : !ok)) continue;
    // The condition belongs to the article as listed; an old article it maps back to keeps the same condition, with
    // the part as the old article reads when data gives it.
    const mapped = ref.article !== p.article;
    const item = mapped && p.old_item ? p.old_item : p.item;
    const entry: ProvisionRef = { ...ref, ...(item ? { item } : {}), ...(p.old_item && !mapped ? { oldItem: p.old_item } : {}) };
    if (when.length) {
      const unmet = when.filter((w) => !(met?.has(w) ?? false));
      entry.condition = (unmet.length ? unmet : when).map((w) => conditions.get(w) ?? w).join('，且');
      entry.met = ok;
    }
    if (before && !before.cited) {
      out[before.at] = entry;
      seen.set(key, { at: before.at, cited: true });
    } else {
      if (!before) seen.set(key, { at: out.length, cited: ok });
      out.push(entry);
    }
  }
  return out;
}

function boundaryBefore(t: string, i: number, breaks: string): number {
  for (let k = i - 1; k >= 0; k--) if (breaks.includes(t[k]!)) return k + 1;
  return 0;
}

function boundaryAfter(t: string, i: number, breaks: string): number {
  for (let k = i; k < t.length; k++) if (breaks.includes(t[k]!)) return k;
  return t.length;
}

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h! * 60 + m!;
}

function localMinutes(at: Date, offsetHours: number): number {
  const total = Math.floor(at.getTime() / 60000) + Math.round(offsetHours * 60);
  return ((total % 1440) + 1440) % 1440;
}

function localTime(at: Date, offsetHours: number): string {
  const local = new Date(at.getTime() + offsetHours * 3600 * 1000);
  return local.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A literal with optional exclusions: "朋友!圈" is 朋友 not followed by 圈 (so 朋友圈 is not a friend);
 * "曝光!平台!台" excludes both tails. A term without "!" (or a lone "!") is a plain literal.
 */
function term(s: string): string {
  const bang = s.indexOf('!', 1);
  if (bang < 0) return literal(s);
  const tails = s.slice(bang + 1).split('!').filter(Boolean);
  const head = literal(s.slice(0, bang));
  return tails.length ? `${head}(?!${tails.map(literal).join('|')})` : head;
}

function literal(s: string): string {
  const esc = s.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
  if (/^[a-z]+$/.test(s)) return `(?<![a-z])${esc}(?![a-z])`;
  // A literal that starts or ends with a Latin letter ("p的", "zuo牢") must not be the tail or head of a longer
  // Latin word ("app的" is not "p的").
  return `${/^[a-z]/.test(s) ? '(?<![a-z])' : ''}${esc}${/[a-z]$/.test(s) ? '(?![a-z])' : ''}`;
}

function escapeClass(s: string): string {
  return s.replace(/[\\\]\[^-]/g, '\\$&').replace(/\n/g, '\\n');
}
