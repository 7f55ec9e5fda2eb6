/**
 * Loads and validates knowledge/understanding/ — the cues the turn understander reads a user's turn with (who is
 * speaking, what they are doing, crisis, facts, provisions) and its statistical model — so a typo in a cue stops
 * the boot with its file and entry named instead of silently never matching. Validation only: compiling the
 * patterns is the understander's business (src/conversation/understanding/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { patternProblems } from './pattern-syntax';
import { readYamlFile, validateData } from './read-yaml';

const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1));
const cueList = z.array(text);
const patterns = z.array(text).min(1);
const probability = z.number().gt(0).lt(1);
const pair = z.string().length(2, 'an opening and a closing character, e.g. "【】"');

/** lexicon.yaml: variants, clause breaks and the term groups every other file's patterns may use. */
export const understandingLexiconSchema = z.object({
  variants: z.record(z.string(), text).default({}),
  clause_breaks: z.string().min(1),
  sentence_breaks: z.string().min(1),
  terms: z.record(z.string().regex(/^[A-Z_]+$/, 'group names are UPPER_CASE'), cueList.min(1)),
});

/** speaker.yaml: the structure of pastes, the user's and the collector's cues, the decision's thresholds. */
export const speakerCuesSchema = z.object({
  transcript: z.object({
    collector_labels: cueList.min(1),
    user_labels: cueList.min(1),
    collector_title_suffixes: cueList.default([]),
    time_words: cueList,
  }),
  headers: z.object({ brackets: z.array(pair).min(1), document_titles: cueList }),
  frames: z.object({
    paste: patterns,
    speech_verbs: cueList,
    message_verbs: cueList,
    /** A frame ending in one of these verbs of saying introduces words the user reports, perhaps in their own words. */
    report_verbs: cueList.default([]),
    embedded_quote_max: z.number().int().min(1),
    back: patterns,
    quotes: z.array(pair).min(1),
  }),
  user_cues: patterns,
  collector_cues: patterns,
  decision: z.object({
    collector_threshold: probability,
    next_to_paste_threshold: probability,
    inside_user_threshold: probability,
    inside_collector_threshold: probability,
    after_question_threshold: probability,
    structure_confidence: probability,
    unanchored_user_confidence: probability,
    unframed_save_min_chars: z.number().int().min(1),
  }),
  speaker_anchors: z.string().min(1),
});

/** The follow-up kinds acts.yaml gives cues for (`generic` is what none of them matches). */
export const followUpKinds = ['explain_provision', 'verify_claims', 'after_report', 'judge', 'can_report', 'what_to_do', 'more'] as const;

/** acts.yaml: whole-message small talk, act cues and follow-up kinds. */
export const actCuesSchema = z.object({
  whole: z.object({ greeting: cueList.min(1), thanks: cueList.min(1), ack: cueList, fillers: cueList, thanks_words: cueList }),
  emoji: z.object({ distress: cueList, greeting: cueList, thanks: cueList }),
  topic_shift: patterns,
  follow_up_leading: patterns,
  refers_back: patterns,
  describe_cues: patterns,
  ask_cues: patterns,
  distress_cues: patterns,
  domain_words: cueList.min(1),
  /** Endings of a short question naming only a new subject ("12315呢", "那小贷呢"): said after a reply, a follow-up. */
  elliptic_ends: cueList.default([]),
  follow_up: z.object(Object.fromEntries(followUpKinds.map((k) => [k, patterns])) as Record<(typeof followUpKinds)[number], typeof patterns>),
  /** Who does what a judging question ("…合法吗", "我算不算诈骗") asks about: the collectors or their message, or someone else. */
  /**
   * `lending`: the lender's own business ("他是专门放贷的", "到处放贷") is what is judged, not how the debt is collected,
   * whoever the clause names; tested before the others.
   */
  judged_subject: z.object({ them: patterns, other: patterns, pointer: patterns, lending: patterns.default([]) }),
  /** Whether the police would take it up ("派出所真会管吗"): a "真会" that asks about reporting, not about a claim. */
  police_take_up: patterns.default([]),
});

/** crisis.yaml: acute, safe and after-care cues (risk itself is knowledge/analysis/crisis.yaml). */
export const crisisCuesSchema = z.object({
  /** Being at a dangerous place: acute unless the turn says why, everyday (a holiday, a traffic jam), with no risk. */
  acute_place: z.array(text).default([]),
  everyday: z.array(text).default([]),
  /** Words that make a turn the statistical head alone hears as risk an everyday one ("想从这个世界上消失几天 去山里躲躲"). */
  head_unless: z.array(text).default([]),
  acute_alone: patterns,
  acute_upgrade: patterns,
  /**
   * Right after a crisis reply only: a place or an act now ("我现在就在阳台", "就划一下 不会死的") is acute — said to
   * someone who has just spoken of dying, a balcony or one cut is no everyday matter.
   */
  acute_in_crisis: z.array(text).default([]),
  risk_in_crisis: patterns,
  safe: patterns,
  safe_in_crisis: patterns,
  not_safe: z.array(text).default([]),
  /**
   * Safety said so that care may end (text-turn.ts), read only on a turn already heard as safe. Outright: a `promise`
   * never to act ("我不会真去死的", "放心 不会干傻事"), or being `fine` ("我没事了") beside a `step` taken away from the
   * means or towards someone ("阳台门锁了", "去我妈屋里"). Calm, which ends care only when nothing more than words of
   * despair was said: `calm` words alone (recovered, told family: "已经缓过来了", "跟家人说了"), or `fine` beside words
   * that `reassure` the listener ("放心我没事"). Outright too: someone `with` them now ("老婆在旁边", "室友回来了")
   * beside being fine, at home or safe `said` ("我安全了"), and safe `said` beside a step. A hit that overlaps
   * `assured_unless` (an A-not-A question: "会不会想不开") counts for nothing.
   */
  assured: z.object({
    promise: z.array(text).default([]),
    fine: z.array(text).default([]),
    step: z.array(text).default([]),
    calm: z.array(text).default([]),
    reassure: z.array(text).default([]),
    with: z.array(text).default([]),
    home: z.array(text).default([]),
    said: z.array(text).default([]),
  }).default({ promise: [], fine: [], step: [], calm: [], reassure: [], with: [], home: [], said: [] }),
  assured_unless: z.array(text).default([]),
  /** Leaving a dangerous place ("我离开江边了"): those words are no sign of being there. */
  left_place: z.array(text).default([]),
  /**
   * Words that take the danger out of a place or means ("在楼顶的办公室加班", "药交给我姐了"): blanked, like
   * left_place, before the acute cues are read.
   */
  defused: z.array(text).default([]),
  /** Like defused, but a pattern's gaps may run across clauses ("今晚就走 坐火车回老家": the reason is a clause later). */
  defused_across: z.array(text).default([]),
  /** Weaker words: two different ones in one turn are risk ("人间不值得" + "想走了"); one is risk right after care. */
  weak: z.array(text).default([]),
  /** Two halves that together are acute wherever each stands in the turn (a place + "不想回去"). */
  acute_pairs: z.array(z.object({ first: patterns, then: patterns })).default([]),
  /**
   * Crisis words spelt by sound, typo or dialect → their plain spelling ("紫杀" → "自杀", "勿想" → "不想"), applied
   * to the user's words before any crisis rule reads them.
   */
  respell: z.record(z.string().min(1), z.string()).default({}),
  /**
   * Word families for the statistical crisis head (plain substrings, read on the normalised, respelt turn): what
   * a person at risk talks about (family, belongings, the end, sleep, a place, means …) and what ordinary debt talk
   * does (the law, a complaint). The head learns what each family and each pair of families weighs.
   */
  head_concepts: z.record(z.string().regex(/^[A-Z_]+$/), z.array(z.string().min(1))).default({}),
  /**
   * Structural signs: named families of patterns, each one kind of thing a person says (belongings given away, a
   * future without them, a dangerous place, a time). No sign alone is read as risk.
   */
  signs: z.record(z.string().regex(/^[A-Z_]+$/, 'sign names are UPPER_CASE'), patterns).default({}),
  /**
   * Combinations of signs that mean risk or acute when every sign is found in the turn, at places that do not
   * overlap; void when an `unless` pattern is anywhere in the turn (an everyday reason: "因为要搬去宿舍").
   */
  together: z.array(z.object({ level: z.enum(['risk', 'acute']), all: z.array(z.string()).min(1), unless: z.array(text).default([]) })).default([]),
  /**
   * Someone else at risk, told by the user ("我儿子发消息说要去死 电话打不通"): the user is not the one in danger,
   * but someone must go to that person now. Void when an `others_unless` pattern is in the turn (a collector's
   * curse: "催收说要逼死我儿子").
   */
  others_at_risk: z.array(text).default([]),
  others_unless: z.array(text).default([]),
  /** That person found or reached ("辅导员说找到他了 人没事"): care for the family, and the urgency ends. */
  others_found: z.array(text).default([]),
  /**
   * Asked how to help someone else at risk ("我弟老说活着没意思 我该怎么劝他"): `others_help` asks it and
   * `others_help_at_risk` tells that person's words of death; the turn is then not the user's own crisis. Void when an
   * `others_unless` or `others_help_unless` pattern is in the turn (the user's own wish, or that person out of reach).
   */
  others_help: z.array(text).default([]),
  others_help_at_risk: z.array(text).default([]),
  others_help_unless: z.array(text).default([]),
  /**
   * The user's own wish to hurt someone else ("他再打电话我就去他公司砍他"): met with calm, never analysed as the
   * collectors' conduct nor kept as evidence. `harm_others_armed`: a weapon bought or on them, read with such a wish in
   * the turn or just before; `harm_others_unless`: in the same clause, the words are a collector's quoted threat ("他说
   * 要砍我") or a negation; `harm_others_with_self`: the wish carries the user's own death too ("同归于尽").
   */
  harm_others: z.array(text).default([]),
  harm_others_armed: z.array(text).default([]),
  harm_others_unless: z.array(text).default([]),
  harm_others_with_self: z.array(text).default([]),
  /** An act already done (pills swallowed, a wrist cut): call 120 now, what and how much; first found kind wins. */
  acute_done: z.array(z.object({ kind: z.string().regex(/^[a-z_]+$/), cues: z.array(text).min(1) })).default([]),
  /**
   * Right after a crisis reply: what the person is doing in this turn (help on its way, reaching out to someone,
   * back inside, pushing the bot away, silence, no sleep, no one to talk to, tiredness, where they are), so care
   * answers it instead of repeating itself. In order: the first mood whose pattern is found is the turn's.
   */
  moods: z.array(z.object({ mood: z.string().regex(/^[a-z_]+$/), cues: patterns, unless: z.array(text).default([]) })).default([]),
});

const patternMap = z.record(z.string().regex(/^[a-z_]+$/, 'ids are lower_snake_case'), patterns);

/** facts.yaml: money roles, term, rates, date roles, lenders, contacted people, conduct. */
export const factCuesSchema = z.object({
  money: z.object({
    window: z.number().int().min(1),
    roles: z.object({
      received: cueList.min(1),
      payment: cueList.min(1),
      total: cueList.min(1),
      fee: cueList.min(1),
      principal: cueList.min(1),
      overdue: cueList.min(1),
    }),
    after: cueList,
    not_before: cueList,
    not_after: cueList,
    bare_min: z.number().min(0),
  }),
  term: z.object({
    units: z.object({ period: cueList, month: cueList, day: cueList, week: cueList }),
    not_after: cueList,
  }),
  rates: z.object({ year: cueList, month: cueList, day: cueList }),
  dates: z.object({ contract: cueList, event: cueList }),
  lender: z.object({
    not_in_header: cueList,
    name_suffixes: cueList.min(1),
    not_in_name: cueList,
    not_names: cueList,
    kinds: z.object({ unlicensed: patterns, licensed: patterns }),
  }),
  contacted: patternMap,
  conduct: patternMap,
});

/** provisions.yaml: vague pointers at a provision and the words for its parts. */
export const provisionCuesSchema = z.object({
  vague: patterns,
  parts: cueList.min(1),
});

const finite = z.number().refine(Number.isFinite, 'a finite number');

/** One softmax head of the classifier: a weight per label for every feature kept. */
export const classifierHeadSchema = z
  .object({
    labels: z.array(z.string().min(1)).min(2),
    bias: z.array(finite),
    /** Divides the scores before the softmax (fitted on cross-validated predictions), so probabilities are honest. */
    temperature: z.number().positive().default(1),
    weights: z.record(z.string().min(1), z.array(finite)),
  })
  .superRefine((h, ctx) => {
    if (h.bias.length !== h.labels.length) ctx.addIssue({ code: 'custom', message: `bias has ${h.bias.length} values for ${h.labels.length} labels`, path: ['bias'] });
    for (const [f, w] of Object.entries(h.weights)) {
      if (w.length !== h.labels.length) {
        ctx.addIssue({ code: 'custom', message: `feature "${f}" has ${w.length} weights for ${h.labels.length} labels`, path: ['weights', f] });
        break;
      }
    }
  });

/** model.json: the classifier's two heads (speaker: user / collector; act: the ten acts). */
export const understandingModelSchema = z.object({
  version: z.literal(1),
  kind: z.literal('char-ngram-softmax'),
  ngram: z.object({ min: z.number().int().min(1).max(3), max: z.number().int().min(1).max(4) }),
  heads: z.object({ speaker: classifierHeadSchema, act: classifierHeadSchema }),
  trained: z.record(z.string(), z.unknown()).optional(),
});

/**
 * crisis-model.json: a char n-gram head (none / risk) over the user's own words, trained by `npm run
 * train:crisis` on the labelled crisis sets and dialogue near-misses; a turn whose risk probability reaches
 * `threshold`, or `threshold_with_cue` with a weak crisis cue in the turn, is risk. It hears shapes no rule was
 * written for; the rules stay for acute, safe and the cases it misses.
 */
export const crisisModelSchema = z.object({
  version: z.literal(1),
  kind: z.literal('char-ngram-softmax'),
  ngram: z.object({ min: z.number().int().min(1).max(3), max: z.number().int().min(1).max(4) }),
  threshold: z.number().gt(0).max(1),
  threshold_with_cue: z.number().gt(0).max(1),
  head: classifierHeadSchema,
  /**
   * Word families the head reads besides n-grams (copied from crisis.yaml head_concepts when trained, so training
   * and reading share them): one feature per family found, one per pair of families found together.
   */
  concepts: z.record(z.string().regex(/^[A-Z_]+$/), z.array(z.string().min(1))).optional(),
  trained: z.record(z.string(), z.unknown()).optional(),
});

export type UnderstandingLexicon = z.infer<typeof understandingLexiconSchema>;
export type SpeakerCues = z.infer<typeof speakerCuesSchema>;
export type ActCues = z.infer<typeof actCuesSchema>;
export type CrisisCues = z.infer<typeof crisisCuesSchema>;
export type FactCues = z.infer<typeof factCuesSchema>;
export type ProvisionCues = z.infer<typeof provisionCuesSchema>;
export type ClassifierHead = z.infer<typeof classifierHeadSchema>;
export type UnderstandingModelFile = z.infer<typeof understandingModelSchema>;
export type CrisisModelFile = z.infer<typeof crisisModelSchema>;

/** Everything the turn understander reads, validated. */
export interface UnderstandingData {
  lexicon: UnderstandingLexicon;
  speaker: SpeakerCues;
  acts: ActCues;
  crisis: CrisisCues;
  facts: FactCues;
  provisions: ProvisionCues;
  /** The statistical classifier; absent until `npm run train:understanding` has written model.json. */
  model?: UnderstandingModelFile;
  /** The crisis head; absent until `npm run train:crisis` has written crisis-model.json. */
  crisisModel?: CrisisModelFile;
}

export const UNDERSTANDING_FILES = {
  lexicon: 'lexicon.yaml',
  speaker: 'speaker.yaml',
  acts: 'acts.yaml',
  crisis: 'crisis.yaml',
  facts: 'facts.yaml',
  provisions: 'provisions.yaml',
  model: 'model.json',
  crisisModel: 'crisis-model.json',
} as const;

/**
 * Reads knowledge/understanding/ from `dir` (that folder itself). Throws AppError KNOWLEDGE_INVALID listing every
 * problem, each with its file and entry. model.json is optional; when present it must be valid.
 */
export function loadUnderstandingData(dir: string): UnderstandingData {
  const problems: string[] = [];
  const F = UNDERSTANDING_FILES;
  const lexicon = readYamlFile(dir, F.lexicon, understandingLexiconSchema, problems);
  const speaker = readYamlFile(dir, F.speaker, speakerCuesSchema, problems);
  const acts = readYamlFile(dir, F.acts, actCuesSchema, problems);
  const crisis = readYamlFile(dir, F.crisis, crisisCuesSchema, problems);
  const facts = readYamlFile(dir, F.facts, factCuesSchema, problems);
  const provisions = readYamlFile(dir, F.provisions, provisionCuesSchema, problems);
  const model = readModel(dir, problems);
  const crisisModel = readJsonFile(dir, F.crisisModel, crisisModelSchema, problems);
  if (lexicon) {
    const groups = new Set(Object.keys(lexicon.terms));
    const check = (file: string, where: string, list: readonly string[]) => {
      list.forEach((p, i) => problems.push(...patternProblems(file, `${where}[${i}]`, p, groups)));
    };
    for (const [name, terms] of Object.entries(lexicon.terms)) check(F.lexicon, `terms.${name}`, terms);
    if (speaker) {
      check(F.speaker, 'frames.paste', speaker.frames.paste);
      check(F.speaker, 'frames.back', speaker.frames.back);
      check(F.speaker, 'user_cues', speaker.user_cues);
      check(F.speaker, 'collector_cues', speaker.collector_cues);
    }
    if (acts) {
      for (const key of ['topic_shift', 'follow_up_leading', 'refers_back', 'describe_cues', 'ask_cues', 'distress_cues'] as const) check(F.acts, key, acts[key]);
      for (const [kind, list] of Object.entries(acts.follow_up)) check(F.acts, `follow_up.${kind}`, list);
      for (const [who, list] of Object.entries(acts.judged_subject)) check(F.acts, `judged_subject.${who}`, list);
      check(F.acts, 'police_take_up', acts.police_take_up);
    }
    if (crisis) {
      for (const key of ['acute_place', 'everyday', 'head_unless', 'acute_alone', 'acute_upgrade', 'acute_in_crisis', 'risk_in_crisis', 'safe', 'safe_in_crisis', 'not_safe', 'assured_unless', 'left_place', 'defused', 'defused_across', 'weak'] as const) check(F.crisis, key, crisis[key]);
      crisis.acute_pairs.forEach((pair, i) => {
        check(F.crisis, `acute_pairs[${i}].first`, pair.first);
        check(F.crisis, `acute_pairs[${i}].then`, pair.then);
      });
      for (const [name, list] of Object.entries(crisis.signs)) check(F.crisis, `signs.${name}`, list);
      for (const m of crisis.moods) check(F.crisis, `moods.${m.mood}`, [...m.cues, ...m.unless]);
      for (const [kind, list] of Object.entries(crisis.assured)) check(F.crisis, `assured.${kind}`, list);
      for (const key of ['harm_others', 'harm_others_armed', 'harm_others_unless', 'harm_others_with_self', 'others_help', 'others_help_at_risk', 'others_help_unless'] as const) check(F.crisis, key, crisis[key]);
      for (const d of crisis.acute_done) check(F.crisis, `acute_done.${d.kind}`, d.cues);
      crisis.together.forEach((combo, i) => {
        for (const name of combo.all) if (!crisis.signs[name]) problems.push(`${F.crisis}: together[${i}] names the sign ${name}, which signs does not define`);
        check(F.crisis, `together[${i}].unless`, combo.unless);
      });
    }
    if (facts) {
      check(F.facts, 'lender.kinds.unlicensed', facts.lender.kinds.unlicensed);
      check(F.facts, 'lender.kinds.licensed', facts.lender.kinds.licensed);
      for (const [id, list] of Object.entries(facts.contacted)) check(F.facts, `contacted.${id}`, list);
      for (const [id, list] of Object.entries(facts.conduct)) check(F.facts, `conduct.${id}`, list);
    }
    if (provisions) check(F.provisions, 'vague', provisions.vague);
  }
  if (problems.length > 0 || !lexicon || !speaker || !acts || !crisis || !facts || !provisions) {
    throw new AppError('KNOWLEDGE_INVALID', `knowledge/understanding has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
  return { lexicon, speaker, acts, crisis, facts, provisions, ...(model ? { model } : {}), ...(crisisModel ? { crisisModel } : {}) };
}

/** Validates a parsed model file; throws AppError KNOWLEDGE_INVALID naming every problem. */
export function parseUnderstandingModel(raw: unknown, source: string = UNDERSTANDING_FILES.model): UnderstandingModelFile {
  const problems: string[] = [];
  const model = validateData(raw, source, understandingModelSchema, problems);
  if (!model) throw new AppError('KNOWLEDGE_INVALID', `knowledge/understanding has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  return model;
}

function readModel(dir: string, problems: string[]): UnderstandingModelFile | undefined {
  return readJsonFile(dir, UNDERSTANDING_FILES.model, understandingModelSchema, problems);
}

/** An optional JSON file: undefined when absent; validated when present. */
function readJsonFile<T extends z.ZodTypeAny>(dir: string, name: string, schema: T, problems: string[]): z.infer<T> | undefined {
  const file = join(dir, name);
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${name}: not JSON (${(e as Error).message.split('\n')[0]})`);
    return undefined;
  }
  return validateData(raw, name, schema, problems);
}
