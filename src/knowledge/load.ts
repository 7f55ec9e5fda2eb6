/**
 * Reads knowledge/ from disk, validates every file and cross-checks them (duplicate ids, guides citing articles
 * we do not hold, superseded articles without a successor, overlapping versions). All problems are collected
 * and thrown together, each naming its file and entry, so one boot shows everything to fix.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readYamlData } from './yaml-cache';
import type { z } from 'zod';
import {
  statuteFileSchema,
  guideFileSchema,
  expansionsSchema,
  channelsFileSchema,
  lprFileSchema,
  capsSchema,
  crisisFileSchema,
  stopwordsSchema,
  englishGlossarySchema,
  routingSchema,
  type StatuteFile,
} from './schema';
import type { Article, Guide, Knowledge, LawVersion } from './knowledge';
import { AppError } from '../errors';
import { describePath } from './describe-path';

const aliasSchemaShape = (v: unknown): Record<string, string[]> =>
  v && typeof v === 'object' ? (v as Record<string, string[]>) : {};

/** Loads and validates the knowledge base at `dir`; throws AppError KNOWLEDGE_INVALID listing every problem. */
export function loadKnowledge(dir: string): Knowledge {
  const problems: string[] = [];
  const rel = (f: string) => relative(dir, f) || f;

  function readYaml(file: string): unknown {
    try {
      return readYamlData(file);
    } catch (e) {
      problems.push(`${rel(file)}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
      return undefined;
    }
  }
  function validate<T extends z.ZodType>(schema: T, file: string, data: unknown): z.infer<T> | undefined {
    if (data === undefined) return undefined;
    const r = schema.safeParse(data);
    if (r.success) return r.data;
    for (const issue of r.error.issues.slice(0, 10)) {
      problems.push(`${rel(file)}: ${describePath(data, issue.path)}: ${issue.message}`);
    }
    return undefined;
  }
  const yamlFiles = (sub: string) => {
    const d = join(dir, sub);
    return existsSync(d)
      ? readdirSync(d).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(d, f))
      : [];
  };

  // Statutes
  const laws = new Map<string, LawVersion[]>();
  for (const file of yamlFiles('statutes')) {
    const s = validate(statuteFileSchema, file, readYaml(file));
    if (!s) continue;
    const version = toVersion(s, rel(file), problems);
    const list = laws.get(s.law) ?? [];
    list.push(version);
    laws.set(s.law, list);
  }
  for (const [law, versions] of laws) {
    versions.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    for (let i = 1; i < versions.length; i++) {
      const prev = versions[i - 1]!;
      const cur = versions[i]!;
      if (prev.effectiveUntil === null || prev.effectiveUntil >= cur.effectiveFrom) {
        problems.push(
          `${cur.file}: ${law} version "${cur.version}" overlaps "${prev.version}" (${prev.file}); ` +
            `set effective_until on the older one`,
        );
      }
      // Every superseded article must have its successor in the next version.
      for (const a of prev.articles.values()) {
        if (a.superseded_by && !cur.articles.has(a.superseded_by)) {
          problems.push(
            `${prev.file}: article ${a.article} says superseded_by ${a.superseded_by}, ` +
              `but ${cur.file} has no article ${a.superseded_by}`,
          );
        }
      }
    }
    const last = versions[versions.length - 1]!;
    for (const a of last.articles.values()) {
      if (a.superseded_by) {
        problems.push(`${last.file}: article ${a.article} is superseded_by ${a.superseded_by}, but no newer version of ${law} exists`);
      }
    }
  }

  // Guides
  const guides: Guide[] = [];
  const guideIds = new Map<string, string>();
  for (const file of yamlFiles('guides')) {
    const g = validate(guideFileSchema, file, readYaml(file));
    if (!g) continue;
    const seen = guideIds.get(g.id);
    if (seen) problems.push(`${rel(file)}: guide id "${g.id}" is already used by ${seen}`);
    guideIds.set(g.id, rel(file));
    guides.push({ ...g, file: rel(file) });
  }

  const lexFile = join(dir, 'lexicon', 'expansions.yaml');
  const expansions = existsSync(lexFile) ? (validate(expansionsSchema, lexFile, readYaml(lexFile)) ?? []) : [];
  const chFile = join(dir, 'channels.yaml');
  const channels = existsSync(chFile) ? (validate(channelsFileSchema, chFile, readYaml(chFile)) ?? []) : [];
  const lprFile = join(dir, 'interest', 'lpr.yaml');
  const lpr = requireFile(lprFile, () => validate(lprFileSchema, lprFile, readYaml(lprFile)), problems, rel);
  const capsFile = join(dir, 'interest', 'caps.yaml');
  const caps = requireFile(capsFile, () => validate(capsSchema, capsFile, readYaml(capsFile)), problems, rel);
  if (caps && caps.private_lending.before_rule.void_above < caps.private_lending.before_rule.protected) {
    problems.push(`${rel(capsFile)}: private_lending.before_rule: void_above must not be below protected`);
  }
  const crisisFile = join(dir, 'crisis.yaml');
  const crisis = requireFile(crisisFile, () => validate(crisisFileSchema, crisisFile, readYaml(crisisFile)), problems, rel);

  const aliasFile = join(dir, 'lexicon', 'law-aliases.yaml');
  const lawAliases = new Map<string, string>();
  for (const [law, versions] of laws) {
    for (const v of versions) {
      lawAliases.set(v.title, law);
      lawAliases.set(v.title.replace(/^中华人民共和国/, ''), law);
    }
  }
  if (existsSync(aliasFile)) {
    for (const [law, aliases] of Object.entries(aliasSchemaShape(readYaml(aliasFile)))) {
      if (!laws.has(law)) {
        problems.push(`${rel(aliasFile)}: aliases for "${law}", which no statutes/ file holds`);
        continue;
      }
      for (const a of aliases ?? []) lawAliases.set(String(a), law);
    }
  }

  const stopFile = join(dir, 'lexicon', 'stopwords.yaml');
  const stopwords = new Set<string>(
    existsSync(stopFile) ? (validate(stopwordsSchema, stopFile, readYaml(stopFile)) ?? []) : [],
  );

  const englishFile = join(dir, 'lexicon', 'english.yaml');
  const englishGlossary = Object.entries(
    existsSync(englishFile) ? (validate(englishGlossarySchema, englishFile, readYaml(englishFile)) ?? {}) : {},
  );

  const routingFile = join(dir, 'lexicon', 'routing.yaml');
  const routing = requireFile(routingFile, () => validate(routingSchema, routingFile, readYaml(routingFile)), problems, rel);

  const k: Knowledge = {
    stopwords,
    englishGlossary,
    questionCues: routing?.question_cues ?? [],
    followUp: routing?.follow_up ?? { leading: [], trailing: '', phrases: [] },
    paymentWarningCues: routing?.payment_warning_cues ?? [],
    interestCues: routing?.interest_cues ?? [],
    domainCues: routing?.domain_cues ?? [],
    clauseJoiners: routing?.clause_joiners ?? [],
    hearsayCues: routing?.hearsay ?? [],
    reportedByThem: routing?.reported_by_them ?? [],
    hotlineCues: routing?.hotline_cues ?? [],
    pronounPeople: routing?.pronoun_people ?? { pronouns: [], people: [] },
    entryParticles: new Set(routing?.entry_particles ?? []),
    greetings: routing?.greetings ?? [],
    callSaidPrefixes: routing?.call_said_prefixes ?? [],
    laws,
    guides,
    expansions,
    channels,
    lpr: lpr!,
    caps: caps!,
    crisis: crisis!,
    lawAliases,
    allArticles: [...laws.values()].flatMap((vs) => vs.flatMap((v) => [...v.articles.values()])),
  };

  // Guides may only cite articles we hold (in their newest version); so may their entries.
  for (const g of guides) {
    const checkCite = (ref: { law: string; article: string }, where: string) => {
      const versions = laws.get(ref.law);
      const newest = versions?.[versions.length - 1];
      if (!newest) problems.push(`${where}: cites ${ref.law} ${ref.article}, but no statutes/ file holds ${ref.law}`);
      else if (!newest.articles.has(ref.article))
        problems.push(`${where}: cites ${ref.law} ${ref.article}, which ${newest.file} does not hold (cite the version in force)`);
    };
    for (const ref of [...g.cites, ...g.sections.flatMap((s) => s.cites)]) checkCite(ref, g.file);
    const headings = new Set(g.sections.map((s) => s.heading));
    const entryIds = new Set<string>();
    for (const e of g.entries) {
      const where = `${g.file}: entry "${e.id}"`;
      if (entryIds.has(e.id)) problems.push(`${where} appears twice`);
      entryIds.add(e.id);
      for (const ref of e.cites) checkCite(ref, where);
      for (const h of e.more) if (!headings.has(h)) problems.push(`${where}: more names section "${h}", which the guide does not have`);
    }
  }

  // The interest replies' citations (caps.yaml) must name articles we hold, like the guides'.
  if (caps) {
    const held = (ref: { law: string; article: string }) => (laws.get(ref.law) ?? []).some((v) => v.articles.has(ref.article));
    const refs = [caps.private_lending.transition, ...Object.values(caps.cites).flat()];
    for (const ref of refs) if (!held(ref)) problems.push(`${rel(capsFile)}: cites ${ref.law} ${ref.article}, which no statutes/ file holds`);
  }

  if (problems.length > 0) {
    throw new AppError('KNOWLEDGE_INVALID', `knowledge/ has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
  return k;
}

function requireFile<T>(file: string, read: () => T | undefined, problems: string[], rel: (f: string) => string): T | undefined {
  if (!existsSync(file)) {
    problems.push(`${rel(file)}: missing (required)`);
    return undefined;
  }
  return read();
}

function toVersion(s: StatuteFile, file: string, problems: string[]): LawVersion {
  const articles = new Map<string, Article>();
  for (const a of s.articles) {
    if (articles.has(a.article)) {
      problems.push(`${file}: article ${a.article} appears twice`);
      continue;
    }
    articles.set(a.article, {
      ...a,
      id: `${s.law}#${a.article}@${s.effective_from}`,
      law: s.law,
      lawTitle: s.title,
      kind: s.kind,
      version: s.version,
      // The article's own in-force date when data gives one (an amendment's article), else its version's.
      effectiveFrom: a.effective_from ?? s.effective_from,
      ...(s.effective_from_confidence && !a.effective_from ? { effectiveFromConfidence: s.effective_from_confidence } : {}),
      effectiveUntil: s.effective_until ?? null,
    });
  }
  return {
    law: s.law,
    title: s.title,
    kind: s.kind,
    version: s.version,
    effectiveFrom: s.effective_from,
    ...(s.effective_from_confidence ? { effectiveFromConfidence: s.effective_from_confidence } : {}),
    effectiveUntil: s.effective_until ?? null,
    notes: s.notes ?? null,
    summaryPoints: s.summary_points ?? [],
    articleMap: new Map((s.article_map ?? []).map((m) => [m.old, m.new])),
    articles,
    file,
  };
}
