/**
 * The shape of every data file under knowledge/, as zod schemas. Loading validates against these so a
 * malformed entry stops the boot with its file and entry named, instead of surfacing as a wrong answer.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-01-01');
/** YAML turns unquoted dates into Date objects; accept both and keep the ISO string. */
const dateField = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  isoDate,
);
/** YAML reads 12363 as a number; lists of words keep it as text. */
const words = z.array(z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string()));
const articleNumber = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string())
  .refine((s) => /^\d+(-\d+)?(\.\d+)*$/.test(s), 'Arabic numerals like "1032", "293-1" or "5.3"');

export const CONFIDENCE = ['VERIFIED-2+', 'VERIFIED-1', 'PARTIAL'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

export const LAW_KINDS = [
  'law',
  'judicial_interpretation',
  'legislative_interpretation',
  'administrative_regulation',
  'departmental_rule',
  'normative_document',
  'local_regulation',
  'national_standard',
  'self_regulation',
] as const;

/**
 * How well a file's in-force date is established when the fact sheets do not settle it (a 施行 date nobody has
 * verified, a local regulation's date known only from reports). Absent means the sheets verify the date.
 */
export const DATE_CONFIDENCE = ['VERIFIED-2+', 'VERIFIED-1', 'PARTIAL', 'UNVERIFIED'] as const;
export type DateConfidence = (typeof DATE_CONFIDENCE)[number];

export const articleSchema = z.object({
  article: articleNumber,
  article_cn: z.string().min(1),
  title: z.string().min(1),
  confidence: z.enum(CONFIDENCE),
  text: z.string().min(1),
  part: z.string().optional().nullable(),
  summary: z.string().min(1),
  keywords: words.default([]),
  superseded_by: articleNumber.optional().nullable(),
  source: z.string().optional().nullable(),
  /**
   * The day this article's text came into force when that is not its version's effective_from: an article added
   * by an amendment (刑法第二百九十三条之一, 2021-03-01) or left unchanged by a later revision. A message sent
   * before it must not cite the article.
   */
  effective_from: dateField.optional().nullable(),
});

export const statuteFileSchema = z.object({
  law: z.string().min(1),
  title: z.string().min(1),
  kind: z.enum(LAW_KINDS),
  version: z.string().min(1),
  adopted: dateField.optional().nullable(),
  effective_from: dateField,
  /** Set when the 施行 date is not verified: PARTIAL dates are told as reported, UNVERIFIED ones never shown. */
  effective_from_confidence: z.enum(DATE_CONFIDENCE).optional().nullable(),
  effective_until: dateField.optional().nullable(),
  source: z.string().optional().nullable(),
  notes: z.string().optional().nullable(),
  article_map: z
    .array(z.object({ old: articleNumber, new: articleNumber }))
    .optional()
    .nullable(),
  summary_points: z.array(z.string()).optional().nullable(),
  articles: z.array(articleSchema),
});

export const citeRefSchema = z.object({ law: z.string().min(1), article: articleNumber });

export const guideSectionSchema = z.object({
  heading: z.string().min(1),
  text: z.string().min(1),
  cites: z.array(citeRefSchema).default([]),
});

/**
 * One question type a guide answers ("多久能消", "银行必须同意吗"): matched by its examples and cue words, answered
 * by its verdict first. The verdict is the reply's first sentence, so it must fit any phrasing of that question
 * type and carry the deciding condition; the reason names the provisions in `cites`.
 */
export const guideEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  /** Lay phrasings of this question type, as users write them. */
  examples: words.min(1),
  /** Words or phrases that, found in a question, point at this entry (多久, 洗白, 必须同意). */
  cues: words.default([]),
  /**
   * Words one of which a question must name for this entry to be picked at all: an entry whose verdict holds only
   * under one condition (a spouse's gambling or drug debts) never answers a question that does not name it, however
   * close its examples' other words ("离婚了网贷她要不要一起还" shares 一起还 with a gambling example).
   */
  requires: words.default([]),
  /** The first sentence of the reply: 能 / 不能 / 不是必须 / 要看… with the deciding condition. */
  verdict: z.string().min(1).max(120, 'one short sentence (at most 120 characters)'),
  /** One or two sentences naming the provisions behind the verdict. */
  reason: z.string().min(1).max(200, 'one or two sentences (at most 200 characters)'),
  cites: z.array(citeRefSchema).default([]),
  /** The one or two most useful steps. */
  steps: words.min(1).max(2, 'at most two steps: the rest sits behind the 更多说明 button'),
  /** Headings of the guide's sections that the 更多说明 button shows first for this entry. */
  more: words.default([]),
  /** Whether the guide's "you still owe the lawful debt" line follows (false when the verdict already says it). */
  debt_line: z.boolean().default(true),
  /**
   * Out-of-scope fields only: one short line with the field's hotline, added to an in-scope answer of a question
   * that names this field as background ("老板拖欠工资，催收天天打电话怎么办" → the 12333 line).
   */
  aside: z.string().max(60, 'one short line (at most 60 characters)').optional().nullable(),
  /**
   * Out-of-scope fields only: a request this entry names ("那你能帮我写离婚协议不") is answered so even as a short
   * follow-up, never read into the last topic's guide.
   */
  stands_alone: z.boolean().default(false),
  /**
   * Out-of-scope fields only: a field under another jurisdiction's law (香港, 澳门, 台湾, 国外): our sources are mainland
   * law, so this entry's cue routes the question even beside words of our field and whatever it asks of that law,
   * unless it names an anchor word (collectors, courts or credit records here).
   */
  other_law: z.boolean().default(false),
});

export const guideFileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  title: z.string().min(1),
  verdict: z.enum(['能', '不能', '要看情况']).optional().nullable(),
  questions: words.min(1),
  keywords: words.default([]),
  answer: z.string().min(1),
  why: z.string().min(1),
  cites: z.array(citeRefSchema).default([]),
  steps: words.default([]),
  debt_note: z.string().optional().nullable(),
  /** The one short line on the first screen that the lawful debt is still owed (where the guide has one). */
  debt_line: z.string().max(60, 'one short line (at most 60 characters)').optional().nullable(),
  as_of: dateField.optional().nullable(),
  sections: z.array(guideSectionSchema).default([]),
  /**
   * Out-of-scope guide only: words that name our own field (借, 贷, 催, 逾期 …). A question naming a neighbouring
   * field's cue word and none of these is routed to that field, whatever retrieval ranks first.
   */
  field_words: words.default([]),
  /**
   * Out-of-scope guide only: words that tie a question to collectors, courts or credit records (催, 法院, 执行 …).
   * A question whose asking clause names a neighbouring field is that field's question only when none of these is
   * in it ("老板拖了我三个月工资没发 所以网贷才还不上 工资咋要回来" has none; "催收找我们子女还 我们没继承什么" has one).
   */
  anchor_words: words.default([]),
  /**
   * Out-of-scope guide only: words of our field that name a loan without any trouble with it (贷款, 网贷, 借了 …). A
   * question whose only words of our field are these names the loan as background ("我还是贷款买的 怎么维权"): the
   * neighbouring field it names is what it asks.
   */
  background_words: words.default([]),
  /** The question types this guide answers; every guide has at least one. */
  entries: z.array(guideEntrySchema).min(1, 'every guide needs at least one entry (a question type with its verdict)'),
});

export const expansionsSchema = z.array(
  z.object({ term: z.string().min(1), expands: words.min(1) }),
);

export const stopwordsSchema = words;

/** English lay word or phrase → Chinese words (lexicon/english.yaml); keys are lower-case words and spaces only. */
export const englishGlossarySchema = z.record(
  z.string().regex(/^[a-z0-9']+( [a-z0-9']+)*$/, "lower-case English words separated by single spaces"),
  z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1)),
);

export const routingSchema = z.object({
  question_cues: words.min(1),
  follow_up: z.object({ leading: words, trailing: z.string(), phrases: words.min(1) }),
  payment_warning_cues: words.default([]),
  interest_cues: words.default([]),
  domain_cues: words.default([]),
  clause_joiners: words.default([]),
  hearsay: words.default([]),
  reported_by_them: words.default([]),
  entry_particles: words.default([]),
  greetings: words.default([]),
  call_said_prefixes: words.default([]),
  hotline_cues: words.default([]),
  pronoun_people: z.object({ pronouns: words.min(1), people: words.min(1) }).optional(),
});
export type FollowUpCues = z.infer<typeof routingSchema>['follow_up'];

export const channelSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  number: z.preprocess((v) => (v == null ? v : String(v)), z.string().optional().nullable()),
  url: z.string().optional().nullable(),
  handles: z.string().min(1),
  when_to_use: z.string().optional().nullable(),
  notes: z.string().optional().nullable(),
  confidence: z.string().optional().nullable(),
});
export const channelsFileSchema = z.union([
  z.array(channelSchema),
  z.object({ channels: z.array(channelSchema) }).transform((o) => o.channels),
]);

export const lprFileSchema = z.object({
  as_of: dateField,
  latest_confirmed: dateField,
  where_to_check: z.string().min(1),
  notes: z.string().optional().nullable(),
  rows: z
    .array(
      z.object({
        from: dateField,
        rate: z.number().positive(),
        confidence: z.string().min(1),
        source: z.string().optional().nullable(),
      }),
    )
    .min(1),
});

/**
 * knowledge/interest/caps.yaml: the private-lending cap (4 × LPR from `lpr_rule_from`; the old lines for contracts
 * made before it, 民间借贷规定 31) and the licensed lenders' reported lines. Read by the answers' dated note and
 * by the interest check's legal comparison.
 */
export const capsSchema = z.object({
  private_lending: z.object({
    lpr_multiple: z.number().positive(),
    lpr_rule_from: dateField,
    /** The provision that splits contracts made before `lpr_rule_from` (民间借贷规定 31). */
    transition: citeRefSchema,
    before_rule: z.object({ protected: z.number().positive(), void_above: z.number().positive(), confidence: z.string().min(1) }),
  }),
  licensed: z.object({
    lines: z.array(z.object({ id: z.string().min(1), rate: z.number().positive(), confidence: z.string().min(1) })).min(1),
  }),
  /** The provisions the interest replies cite, by case (each must be a statute we hold). */
  cites: z.object({
    deducted: z.array(citeRefSchema),
    private: z.array(citeRefSchema),
    private_deducted: z.array(citeRefSchema),
    private_details: z.array(citeRefSchema),
    licensed: z.array(citeRefSchema),
  }),
});

export const crisisFileSchema = z.object({
  hotlines: z
    .array(
      z.object({
        number: z.preprocess((v) => String(v), z.string()),
        name: z.string().min(1),
        note: z.string().optional().nullable(),
      }),
    )
    .min(1),
  message: z.string().min(1),
});

export type ArticleEntry = z.infer<typeof articleSchema>;
export type StatuteFile = z.infer<typeof statuteFileSchema>;
export type CiteRef = z.infer<typeof citeRefSchema>;
export type GuideFile = z.infer<typeof guideFileSchema>;
export type GuideSection = z.infer<typeof guideSectionSchema>;
export type GuideEntry = z.infer<typeof guideEntrySchema>;
export type Expansion = z.infer<typeof expansionsSchema>[number];
export type ChannelEntry = z.infer<typeof channelSchema>;
export type LprFile = z.infer<typeof lprFileSchema>;
export type CrisisFile = z.infer<typeof crisisFileSchema>;
export type Caps = z.infer<typeof capsSchema>;
