/**
 * The loaded, cross-checked knowledge base: laws by version, their articles, topic guides, channels, the LPR
 * table and crisis lines. Lookups answer "which text of this article was in force on that day", which is what
 * both the citation verifier and the analyzer need.
 */
import type {
  ArticleEntry,
  ChannelEntry,
  CiteRef,
  CrisisFile,
  DateConfidence,
  Expansion,
  FollowUpCues,
  GuideEntry,
  GuideFile,
  LprFile,
  Caps,
} from './schema';

export type { GuideEntry } from './schema';

export interface LawVersion {
  law: string;
  title: string;
  kind: string;
  version: string;
  effectiveFrom: string;
  /** Present when the in-force date is not verified (see statuteFileSchema). */
  effectiveFromConfidence?: DateConfidence;
  effectiveUntil: string | null;
  notes: string | null;
  summaryPoints: string[];
  /** old article → article in the next version, for articles whose text we do not hold. */
  articleMap: Map<string, string>;
  articles: Map<string, Article>;
  file: string;
}

export interface Article extends ArticleEntry {
  /** Stable id: law#article@effectiveFrom. */
  id: string;
  law: string;
  lawTitle: string;
  kind: string;
  version: string;
  effectiveFrom: string;
  /** Present when the in-force date is not verified: never state an UNVERIFIED date, a PARTIAL one as reported. */
  effectiveFromConfidence?: DateConfidence;
  effectiveUntil: string | null;
}

export interface Guide extends GuideFile {
  file: string;
}

export interface ResolvedArticle {
  article: Article;
  /** Set when the requested number was an older version's and was corrected to this one. */
  correctedFrom?: CiteRef;
}

export interface Knowledge {
  laws: Map<string, LawVersion[]>;
  guides: Guide[];
  expansions: Expansion[];
  channels: ChannelEntry[];
  lpr: LprFile;
  /** Rate caps by lender type and contract date (interest/caps.yaml). */
  caps: Caps;
  crisis: CrisisFile;
  /** Alias (全称, 简称, 俗称) → short law name. */
  lawAliases: Map<string, string>;
  /** Every article of every version. */
  allArticles: Article[];
  /** Words too common to help retrieval. */
  stopwords: ReadonlySet<string>;
  /** English lay words and phrases → the Chinese words the guides use (lexicon/english.yaml), glossed in queries. */
  englishGlossary: Array<[string, string]>;
  /** Cues that a text is the user's own question rather than a pasted collector message. */
  questionCues: string[];
  /** How a bare "那怎么办" is recognised as a follow-up to the last topic. */
  followUp: FollowUpCues;
  /** Words asking for money outside official channels: the analysis reply warns when it sees one. */
  paymentWarningCues: string[];
  /** Words that make a question about the lawfulness of interest. */
  interestCues: string[];
  /** Words naming our own field (网贷, 催收 …): an asking clause naming one is ours even beside a neighbouring field. */
  domainCues: string[];
  /** Leading words that join one more listed thing to a question (还有, 另外 …). */
  clauseJoiners: string[];
  /** Leading words of a clause that tells a claim heard elsewhere (有人说, 听说 …): the user asks whether it holds. */
  hearsayCues: string[];
  /** Leading words of a clause that only reports what the collectors said or do (他们说, 催收要 …). */
  reportedByThem: string[];
  /** Particles too empty to tell a guide's question types apart (的, 了, 吗 …). */
  entryParticles: ReadonlySet<string>;
  /** Whole-message greetings, answered with the help text. */
  greetings: string[];
  /** The user's own leading words in a /call note ("对方说"), removed before analysis. */
  callSaidPrefixes: string[];
  /** Words asking what a hotline is ("打给谁", "管什么"): with one channel's number, answered from channels.yaml. */
  hotlineCues: string[];
  /** Pronouns (他/她) and the people an earlier clause may name for them (answers/antecedent.ts). */
  pronounPeople: { pronouns: string[]; people: string[] };
}

const DAY = (d: Date): string => d.toISOString().slice(0, 10);

/** The version of `law` in force on `at` (by China's calendar day), or the newest if none matches. */
export function versionInForce(k: Knowledge, law: string, at: Date): LawVersion | undefined {
  const versions = k.laws.get(law);
  if (!versions || versions.length === 0) return undefined;
  const day = chinaDay(at);
  const hit = versions.find(
    (v) => v.effectiveFrom <= day && (v.effectiveUntil === null || day <= v.effectiveUntil),
  );
  if (hit) return hit;
  // Before the oldest version we hold: the oldest; otherwise the newest.
  const oldest = versions[0]!;
  return day < oldest.effectiveFrom ? oldest : versions[versions.length - 1];
}

/** The calendar day in China (UTC+8) of an instant: effective dates are Chinese calendar days. */
export function chinaDay(at: Date): string {
  return DAY(new Date(at.getTime() + 8 * 3600 * 1000));
}

/**
 * Finds `law` + `article` as in force on `at`. A number from an older version (治安管理处罚法第42条 for conduct
 * in 2026) is corrected to its successor; a current number for conduct before the change maps back to the old
 * text when we hold it. Returns undefined for an article we do not hold in the version in force on `at` (an
 * article new in 2026 for conduct in 2025, or an old article whose text we lack): the caller must not cite it.
 */
export function resolveArticle(
  k: Knowledge,
  law: string,
  article: string,
  at: Date,
): ResolvedArticle | undefined {
  const name = canonicalLawName(k, law);
  if (!name) return undefined;
  const versions = k.laws.get(name)!;
  const current = versionInForce(k, name, at)!;
  const direct = current.articles.get(article);
  if (direct) return { article: direct };
  const idx = versions.indexOf(current);
  // An older version's number: follow superseded_by / article_map forward to the version in force.
  for (let i = idx - 1; i >= 0; i--) {
    const old = versions[i]!;
    const successor = old.articles.get(article)?.superseded_by ?? old.articleMap.get(article);
    if (successor) {
      const hit = forward(versions, i + 1, idx, successor);
      if (hit) return { article: hit, correctedFrom: { law: name, article } };
    }
  }
  // A newer version's number for conduct under an older version: map back when we hold the old text.
  for (let i = idx + 1; i < versions.length; i++) {
    const newer = versions[i]!;
    if (!newer.articles.has(article)) continue;
    const back = backward(versions, i - 1, idx, article);
    if (back) return { article: back, correctedFrom: { law: name, article } };
    // The newer text was not in force then and we do not hold the old one: nothing citable for that date.
    return undefined;
  }
  return undefined;
}

/** True when `a`'s text was in force on `at` (China's calendar day), by the article's own in-force date. */
export function inForceOn(a: Article, at: Date): boolean {
  const day = chinaDay(at);
  return a.effectiveFrom <= day && (a.effectiveUntil === null || day <= a.effectiveUntil);
}

/**
 * resolveArticle, keeping only a text that was in force on `at`: 民法典 (2021-01-01), 个人信息保护法 (2021-11-01) or
 * 刑法第二百九十三条之一 (2021-03-01) for conduct in 2020 give undefined. Use it wherever a provision is cited for
 * conduct on a date; say that the provision did not yet apply (notYetInForce) rather than citing it.
 */
export function resolveInForce(k: Knowledge, law: string, article: string, at: Date): ResolvedArticle | undefined {
  const hit = resolveArticle(k, law, article, at);
  return hit && inForceOn(hit.article, at) ? hit : undefined;
}

/**
 * The article a provision names, as we hold it, when it was not yet in force on `at` (so it is not cited): for
 * saying "《民法典》第一千零三十二条自 2021-01-01 起施行，这条消息发送时还不适用". Undefined when it was in force, or
 * when we do not hold it at all.
 */
export function notYetInForce(k: Knowledge, law: string, article: string, at: Date): Article | undefined {
  if (resolveInForce(k, law, article, at)) return undefined;
  const name = canonicalLawName(k, law);
  if (!name) return undefined;
  const day = chinaDay(at);
  // The earliest held text under this number that starts after `at`.
  for (const v of k.laws.get(name)!) {
    const a = v.articles.get(article);
    if (a && a.effectiveFrom > day) return a;
  }
  return undefined;
}

function forward(versions: LawVersion[], from: number, to: number, num: string): Article | undefined {
  let n = num;
  for (let i = from; i <= to; i++) {
    const v = versions[i]!;
    if (i === to) return v.articles.get(n);
    const next = v.articles.get(n)?.superseded_by ?? v.articleMap.get(n);
    if (!next) return undefined;
    n = next;
  }
  return undefined;
}

function backward(versions: LawVersion[], from: number, to: number, num: string): Article | undefined {
  let n = num;
  for (let i = from; i >= to; i--) {
    const v = versions[i]!;
    const old = [...v.articles.values()].find((a) => a.superseded_by === n)?.article
      ?? [...v.articleMap.entries()].find(([, nw]) => nw === n)?.[0];
    if (!old) return undefined;
    if (i === to) return v.articles.get(old);
    n = old;
  }
  return undefined;
}

/** The short name for a law as written anywhere (《中华人民共和国民法典》, 民法典, 个保法 …), if we hold it. */
export function canonicalLawName(k: Knowledge, written: string): string | undefined {
  const clean = written.replace(/[《》〈〉\s]/g, '');
  if (k.laws.has(clean)) return clean;
  return k.lawAliases.get(clean);
}

/** The guide with this id. */
export function guideById(k: Knowledge, id: string): Guide | undefined {
  return k.guides.find((g) => g.id === id);
}

/** The entry (question type) of `g` with this id, if it has one. */
export function entryById(g: Guide, id: string | undefined): GuideEntry | undefined {
  return id === undefined ? undefined : g.entries.find((e) => e.id === id);
}

/** The newest LPR row on or before `day` (YYYY-MM-DD), or undefined before the table starts. */
export function lprOn(k: Knowledge, day: string): LprFile['rows'][number] | undefined {
  let hit: LprFile['rows'][number] | undefined;
  for (const row of k.lpr.rows) if (row.from <= day) hit = row;
  return hit;
}
