/**
 * YAML data read through the JSON cache: a second read comes from the cache, an edited file is parsed afresh,
 * data JSON cannot carry is never cached, and a cache that cannot be written or holds a torn entry costs only the
 * parse. Each test uses its own temporary cache folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readYamlData, setYamlCache } from '../../src/knowledge/yaml-cache';
import { PACKAGE_ROOT } from '../../src/paths';

let dir: string;
let cache: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ds-yaml-'));
  cache = join(dir, 'cache');
  setYamlCache(cache, dir);
});
afterEach(() => {
  setYamlCache(join(PACKAGE_ROOT, 'node_modules', '.cache', 'debtshield', 'yaml'));
  rmSync(dir, { recursive: true, force: true });
});

const entries = () => readdirSync(cache).filter((f) => f.endsWith('.json'));

describe('readYamlData', () => {
  it('parses on the first read and answers the next from the cache', () => {
    const f = join(dir, 'a.yaml');
    writeFileSync(f, 'entries:\n  - id: x\n    cues: [上门, 家访]\n');
    expect(readYamlData(f)).toEqual({ entries: [{ id: 'x', cues: ['上门', '家访'] }] });
    expect(entries()).toHaveLength(1);
    // The entry is what the second read returns: change it and the change shows.
    const entry = join(cache, entries()[0]!);
    const stored = JSON.parse(readFileSync(entry, 'utf8')) as { signature: string; data: unknown };
    writeFileSync(entry, JSON.stringify({ ...stored, data: { from: 'cache' } }));
    expect(readYamlData(f)).toEqual({ from: 'cache' });
  });

  it('parses an edited file afresh, even one of the same length', () => {
    const f = join(dir, 'b.yaml');
    writeFileSync(f, 'n: 1\n');
    expect(readYamlData(f)).toEqual({ n: 1 });
    writeFileSync(f, 'n: 2\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(f, later, later);
    expect(readYamlData(f)).toEqual({ n: 2 });
    expect(entries()).toHaveLength(1);
  });

  it('parses files outside the cached root every time and stores nothing for them', () => {
    setYamlCache(cache, join(dir, 'elsewhere'));
    const f = join(dir, 'g.yaml');
    writeFileSync(f, 'x: 1\n');
    expect(readYamlData(f)).toEqual({ x: 1 });
    expect(readdirSync(dir)).not.toContain('cache');
  });

  it('never caches what JSON cannot carry', () => {
    const f = join(dir, 'c.yaml');
    writeFileSync(f, 'a: .nan\nb: .inf\n');
    const v = readYamlData(f) as { a: number; b: number };
    expect(Number.isNaN(v.a)).toBe(true);
    expect(v.b).toBe(Infinity);
    expect(readdirSync(dir)).not.toContain('cache');
  });

  it('still throws on text that is not YAML, and caches nothing for it', () => {
    const f = join(dir, 'd.yaml');
    writeFileSync(f, 'a: [1, 2\n');
    expect(() => readYamlData(f)).toThrow();
    expect(readdirSync(dir)).not.toContain('cache');
  });

  it('parses when the cache cannot be written, and ignores a torn entry', () => {
    const f = join(dir, 'e.yaml');
    writeFileSync(f, 'k: v\n');
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, 'a file where the cache folder should be');
    setYamlCache(join(blocker, 'cache'), dir);
    expect(readYamlData(f)).toEqual({ k: 'v' });
    setYamlCache(cache, dir);
    expect(readYamlData(f)).toEqual({ k: 'v' });
    writeFileSync(join(cache, entries()[0]!), '{"signature": "x');
    expect(readYamlData(f)).toEqual({ k: 'v' });
    expect(JSON.parse(readFileSync(join(cache, entries()[0]!), 'utf8')).data).toEqual({ k: 'v' });
  });
});
