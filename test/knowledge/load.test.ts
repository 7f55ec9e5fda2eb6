/**
 * Loading validates every file and cross-checks them; each problem names its file and entry.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
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

  it('rejects a guide citing an article we do not hold', () => {
    const f = join(dir, 'guides', 'home-visit.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/cites:\n/, 'cites:\n  - {law: 民法典, article: "9999"}\n'));
    expect(loadError()).toMatch(/home-visit\.yaml: cites 民法典 9999/);
  });
});
