/**
 * knowledge/analysis/ loads and validates; a broken entry is reported with its file and entry; every provision
 * the analyzer cites is held in knowledge/statutes/ (read straight from the statute YAML files, so this check
 * does not depend on the rest of the knowledge base loading).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CATEGORY_IDS } from '../../src/analysis/findings';
import { AppError } from '../../src/errors';
import { categoriesFileSchema, chainedAlternative, loadAnalysisRules } from '../../src/analysis/rules';
import { PACKAGE_ROOT } from '../../src/paths';

const DIR = join(PACKAGE_ROOT, 'knowledge', 'analysis');
const STATUTES = join(PACKAGE_ROOT, 'knowledge', 'statutes');

function withCopy(edit: (dir: string) => void): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'analysis-rules-'));
  try {
    cpSync(DIR, dir, { recursive: true });
    edit(dir);
    loadAnalysisRules(dir);
    return undefined;
  } catch (e) {
    return e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function replaceIn(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture: ${from} not in ${file}`);
  writeFileSync(path, text.replace(from, to));
}

describe('loadAnalysisRules', () => {
  const rules = loadAnalysisRules(DIR);

  it('loads one entry per category, in CATEGORY_IDS order, each with provisions and steps', () => {
    expect(rules.categories.map((c) => c.id)).toEqual([...CATEGORY_IDS]);
    for (const c of rules.categories) {
      expect(c.label).toBeTruthy();
      expect(c.explanation).toBeTruthy();
      expect(c.provisions.length).toBeGreaterThan(0);
    }
    expect(rules.nextSteps.get('evidence')).toBeDefined();
  });

  it('keeps off_hours to the civil-code provision and says it is a standard', () => {
    const off = rules.categories.find((c) => c.id === 'off_hours')!;
    expect(off.provisions.map((p) => `${p.law}${p.article}`)).toEqual(['民法典1033']);
    expect(off.explanation).toContain('标准');
  });

  it('names the file and entry of an unknown category', () => {
    const e = withCopy((d) => replaceIn(d, 'categories.yaml', 'id: insult', 'id: insults'));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('KNOWLEDGE_INVALID');
    expect((e as AppError).message).toMatch(/categories\.yaml: categories\[\d+\] \(insults\)\.id/);
  });

  it('names a provision or reply that depends on a condition that does not exist', () => {
    const e = withCopy((d) => replaceIn(d, 'categories.yaml', 'when: illegal_debt}', 'when: illegal_debts}'));
    expect((e as AppError).message).toMatch(/categories\.yaml: categories \(threat\)\.provisions \(刑法 293-1\): unknown condition "illegal_debts"/);
    const r = withCopy((d) => replaceIn(d, 'categories.yaml', 'when: law_firm\n', 'when: law_firms\n'));
    expect((r as AppError).message).toMatch(/categories\.yaml: replies: unknown condition "law_firms"/);
  });

  it('names a condition pattern with an unknown term group', () => {
    const e = withCopy((d) => replaceIn(d, 'categories.yaml', '"@SELF_ID ~12 @POLICE|', '"@SELF_ID ~12 @POLICES|'));
    expect((e as AppError).message).toMatch(/categories\.yaml: conditions \(state_official\): unknown term group @POLICES/);
  });

  it('names the rule with an unknown term group', () => {
    const e = withCopy((d) => replaceIn(d, 'lexicon.yaml', '"@SELF_ID ~12 @AUTHORITY"', '"@SELF_ID ~12 @AUTHORITIES"'));
    expect((e as AppError).message).toMatch(/lexicon\.yaml: rules \(self-id-authority\): unknown term group @AUTHORITIES/);
  });

  it('checks the term groups of unless_except too', () => {
    const e = withCopy((d) => replaceIn(d, 'lexicon.yaml', 'unless_except: ["@PRIVATE_PAYMENT"', 'unless_except: ["@PRIVATE_PAYMENTS"'));
    expect((e as AppError).message).toMatch(/lexicon\.yaml: rules \([a-z-]+\): unknown term group @PRIVATE_PAYMENTS/);
  });

  it('rejects a "?" in the middle of a token, which would silently never match', () => {
    const e = withCopy((d) => replaceIn(d, 'lexicon.yaml', '"让你好看|要你好看|给你好看|有你好看"', '"让你好看?|要你好看"'));
    expect((e as AppError).message).toMatch(/lexicon\.yaml: rules \(menace-idiom\): "\?" makes a whole token optional/);
  });

  it('rejects a word offered in two tokens of one pattern, which chains what was meant as alternatives', () => {
    const e = withCopy((d) =>
      replaceIn(d, 'lexicon.yaml', '"钱到账就走|还钱就走|还了钱就走|钱到了就走"', '"不露面 ~4 不走|见不到 ~4 不走|钱到账就走"'),
    );
    expect((e as AppError).message).toMatch(/lexicon\.yaml: rules \(violence-scene\): "不走" is in two tokens/);
  });

  it('accepts a word written alone in each of its tokens (a request repeated), but not one also offered in a choice', () => {
    expect(chainedAlternative('转告 ~40 转告 ~40 转告')).toBeUndefined();
    expect(chainedAlternative('不露面 ~4 不走|见不到 ~4 不走')).toBe('不走');
    expect(chainedAlternative('不露面|不走 ~4 不走')).toBe('不走');
  });

  it('names a missing file and a next step that does not exist', () => {
    const missing = withCopy((d) => rmSync(join(d, 'crisis.yaml')));
    expect((missing as AppError).message).toContain('crisis.yaml: missing');
    const step = withCopy((d) => replaceIn(d, 'categories.yaml', 'next_steps: [verify12368, complain-lender]', 'next_steps: [verify-12368]'));
    expect((step as AppError).message).toMatch(/categories \(deception\)\.next_steps: unknown step "verify-12368"/);
  });
});

describe('categories.yaml provisions', () => {
  /** law → the articles its newest version holds, read from the statute files directly. */
  function statuteArticles(): Map<string, Set<string>> {
    const newest = new Map<string, { from: string; articles: Set<string> }>();
    for (const f of readdirSync(STATUTES).filter((x) => /\.ya?ml$/.test(x))) {
      const s = parseYaml(readFileSync(join(STATUTES, f), 'utf8')) as {
        law: string;
        effective_from: unknown;
        effective_until?: unknown;
        articles: Array<{ article: unknown }>;
      };
      if (s.effective_until) continue;
      const from = String(s.effective_from instanceof Date ? s.effective_from.toISOString() : s.effective_from);
      const prev = newest.get(s.law);
      if (!prev || prev.from < from) newest.set(s.law, { from, articles: new Set(s.articles.map((a) => String(a.article))) });
    }
    return new Map([...newest].map(([law, v]) => [law, v.articles]));
  }

  it('every provision names a law and article that knowledge/statutes holds in its version in force', () => {
    const held = statuteArticles();
    const file = categoriesFileSchema.parse(parseYaml(readFileSync(join(DIR, 'categories.yaml'), 'utf8')));
    const missing: string[] = [];
    for (const c of file.categories) {
      for (const p of c.provisions) {
        if (!held.get(p.law)?.has(p.article)) missing.push(`${c.id}: ${p.law} ${p.article}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
