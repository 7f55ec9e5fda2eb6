/**
 * Loading validates every file and cross-checks them; each problem names its file and entry.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load';
import { resolveArticle, versionInForce } from '../../src/knowledge/knowledge';
import { PACKAGE_ROOT } from '../../src/paths';

const REAL = join(PACKAGE_ROOT, 'knowledge');

describe('the real knowledge base', () => {
  const k = loadKnowledge(REAL);

  it('loads the core laws under their contract short names', () => {
    for (const law of ['民法典', '个人信息保护法', '治安管理处罚法', '刑法', '民事诉讼法', '征信业管理条例']) {
      expect(k.laws.has(law)).toBe(true);
    }
  });

  it('holds two versions of 治安管理处罚法 and answers by date', () => {
    expect(versionInForce(k, '治安管理处罚法', new Date('2025-12-31T23:00:00+08:00'))?.effectiveUntil).toBe('2025-12-31');
    expect(versionInForce(k, '治安管理处罚法', new Date('2026-01-01T00:30:00+08:00'))?.effectiveFrom).toBe('2026-01-01');
    expect(resolveArticle(k, '治安管理处罚法', '51', new Date('2026-03-01'))?.article.article).toBe('62');
  });

  it('quotes only texts that shared/legal holds verbatim (VERIFIED texts appear in the fact sheets)', () => {
    const sheets = ['legal-facts.md', 'legal-facts-2.md', 'legal-facts-3.md']
      .map((f) => readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', 'shared-legal', f), 'utf8'))
      .join('\n')
      .replace(/\s+/g, '');
    const missing = k.allArticles
      .filter((a) => a.confidence !== 'PARTIAL')
      .filter((a) => {
        // Each line of the held text must appear in the sheets (the leading 第X条 is stripped in our files).
        return a.text.split('\n').map((l) => l.replace(/\s+/g, '')).filter((l) => l.length > 4).some((l) => !sheets.includes(l.replace(/……$/, '')));
      })
      .map((a) => `${a.law} ${a.article}`);
    expect(missing).toEqual([]);
  });
});

describe('guide entries', () => {
  const k = loadKnowledge(REAL);

  it('present a PARTIAL provision they cite as reported, never as the article itself', () => {
    const bad: string[] = [];
    for (const g of k.guides) {
      for (const e of g.entries) {
        const partial = e.cites.filter((c) => {
          const versions = k.laws.get(c.law)!;
          return versions[versions.length - 1]!.articles.get(c.article)?.confidence === 'PARTIAL';
        });
        if (partial.length && !/据报道|主要内容/.test(e.reason)) bad.push(`${g.id}/${e.id}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('validation errors', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ds-knowledge-'));
    cpSync(REAL, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const loadError = () => {
    try {
      loadKnowledge(dir);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected the load to fail');
  };

  it('names a missing field with its file and article', () => {
    const f = join(dir, 'statutes', 'zz-bad.yaml');
    writeFileSync(f, 'law: 测试法\ntitle: 测试法\nkind: law\nversion: v1\neffective_from: 2020-01-01\narticles:\n  - article: "7"\n    article_cn: 第七条\n    title: t\n    confidence: VERIFIED-1\n    summary: s\n');
    const msg = loadError();
    expect(msg).toContain('statutes/zz-bad.yaml');
    expect(msg).toContain('[0] (7).text');
  });

  it('rejects unknown confidence labels', () => {
    writeFileSync(join(dir, 'statutes', 'zz-label.yaml'), 'law: 测试法\ntitle: 测试法\nkind: law\nversion: v1\neffective_from: 2020-01-01\narticles:\n  - {article: "1", article_cn: 第一条, title: t, confidence: UNVERIFIED, text: x, summary: s}\n');
    expect(loadError()).toMatch(/zz-label\.yaml.*confidence/);
  });

  it('rejects duplicate articles and duplicate guide ids', () => {
    writeFileSync(join(dir, 'statutes', 'zz-dup.yaml'), 'law: 测试法\ntitle: 测试法\nkind: law\nversion: v1\neffective_from: 2020-01-01\narticles:\n  - {article: "1", article_cn: 第一条, title: t, confidence: VERIFIED-1, text: x, summary: s}\n  - {article: "1", article_cn: 第一条, title: t, confidence: VERIFIED-1, text: x, summary: s}\n');
    const g = readFileSync(join(dir, 'guides', 'home-visit.yaml'), 'utf8');
    writeFileSync(join(dir, 'guides', 'zz-copy.yaml'), g);
    const msg = loadError();
    expect(msg).toContain('zz-dup.yaml: article 1 appears twice');
    expect(msg).toMatch(/zz-copy\.yaml: guide id "home-visit" is already used/);
  });

  it('rejects a superseded article whose successor is missing', () => {
    const f = join(dir, 'statutes', 'public-security-penalties-law-2012.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/superseded_by: ["']?62["']?/, 'superseded_by: "999"'));
    expect(loadError()).toMatch(/article 51 says superseded_by 999.*no article 999/);
  });

  /** Rewrites a guide file through its parsed form. */
  const editGuide = (id: string, edit: (g: Record<string, any>) => void) => {
    const f = join(dir, 'guides', `${id}.yaml`);
    const g = parseYaml(readFileSync(f, 'utf8')) as Record<string, any>;
    edit(g);
    writeFileSync(f, toYaml(g));
  };

  it('rejects a guide entry citing an article we do not hold, naming the file and the entry', () => {
    editGuide('credit-report', (g) => g.entries[0].cites.push({ law: '征信业管理条例', article: '999' }));
    const msg = loadError();
    expect(msg).toMatch(/credit-report\.yaml: entry "[a-z-]+": cites 征信业管理条例 999/);
  });

  it('rejects a guide entry without a verdict, naming the file', () => {
    editGuide('credit-report', (g) => delete g.entries[1].verdict);
    expect(loadError()).toMatch(/guides\/credit-report\.yaml: .*verdict/);
  });

  it('rejects an entry with more than two steps or a verdict too long for a first sentence', () => {
    editGuide('home-visit', (g) => {
      g.entries[0].steps = ['一', '二', '三'];
      g.entries[1].verdict = '很长'.repeat(80);
    });
    const msg = loadError();
    expect(msg).toMatch(/home-visit\.yaml: .*steps.*at most two steps/);
    expect(msg).toMatch(/home-visit\.yaml: .*verdict.*one short sentence/);
  });

  it('rejects an entry pointing its more page at a section the guide lacks', () => {
    editGuide('credit-report', (g) => g.entries[0].more.push('没有这一节'));
    expect(loadError()).toMatch(/credit-report\.yaml: entry "[a-z-]+": more names section "没有这一节"/);
  });

  it('rejects a guide without entries, and duplicate entry ids', () => {
    editGuide('platform-closed', (g) => delete g.entries);
    editGuide('payment-order', (g) => g.entries.push({ ...g.entries[0] }));
    const msg = loadError();
    expect(msg).toMatch(/platform-closed\.yaml: .*entries/);
    expect(msg).toMatch(/payment-order\.yaml: entry "[a-z-]+" appears twice/);
  });

  it('rejects a guide citing an article we do not hold', () => {
    const f = join(dir, 'guides', 'home-visit.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/cites:\n/, 'cites:\n  - {law: 民法典, article: "9999"}\n'));
    expect(loadError()).toMatch(/home-visit\.yaml: cites 民法典 9999/);
  });
});
