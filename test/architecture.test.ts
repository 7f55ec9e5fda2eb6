/**
 * The shape of the house (shared STYLE.md): data flows one way, channel adapter → conversation → analysis /
 * answers / interest → knowledge, and no module imports itself back through a circle. These checks read the
 * import statements of every file under src/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every module specifier in a file: import/export … from '…', import('…'), require('…'). */
export function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) out.push(m[1]!);
  return out;
}

/** The src-relative file a relative specifier points at, or undefined for packages. */
function resolveLocal(fromFile: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = join(dirname(fromFile), spec);
  for (const c of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(c)) return relative(SRC, c);
  return undefined;
}

const files = filesUnder(SRC);
const graph = new Map<string, string[]>(
  files.map((f) => [relative(SRC, f), importsOf(readFileSync(f, 'utf8')).flatMap((s) => resolveLocal(f, s) ?? [])]),
);
const packages = new Map<string, string[]>(
  files.map((f) => [relative(SRC, f), importsOf(readFileSync(f, 'utf8')).filter((s) => !s.startsWith('.'))]),
);

/** Folders (first path segment under src/) a layer may not import from. */
const FORBIDDEN_FOLDERS: Record<string, string[]> = {
  conversation: ['channels', 'http', 'cli'],
  analysis: ['conversation', 'answers', 'interest', 'channels', 'http', 'cli', 'state'],
  answers: ['conversation', 'analysis', 'channels', 'http', 'cli', 'state'],
  interest: ['conversation', 'analysis', 'answers', 'channels', 'http', 'cli', 'state'],
  knowledge: ['conversation', 'analysis', 'answers', 'interest', 'channels', 'http', 'cli', 'state'],
  state: ['conversation', 'analysis', 'answers', 'interest', 'channels', 'http', 'cli'],
  ocr: ['conversation', 'analysis', 'answers', 'interest', 'channels', 'http', 'cli'],
};
/** Packages the channel-agnostic layers never touch. */
const FORBIDDEN_PACKAGES: Array<[RegExp, string]> = [
  [/^telegraf(\/|$)/, 'telegraf'],
  [/^ioredis(\/|$)/, 'ioredis'],
  [/^(node:)?https?$/, "node's http"],
  [/^(node:)?http2$/, "node's http2"],
  [/^fastify(\/|$)/, 'fastify'],
];
const folderOf = (f: string) => (f.includes('/') ? f.slice(0, f.indexOf('/')) : '');

describe('architecture', () => {
  it('finds imports in every form the checker relies on', () => {
    expect(importsOf(`import x from 'telegraf';\nconst y = require("ioredis");\nexport { z } from '../channels/a';\nimport('node:http')`)).toEqual([
      'telegraf', 'ioredis', '../channels/a', 'node:http',
    ]);
  });

  it('has the layered folders', () => {
    for (const d of ['conversation', 'analysis', 'answers', 'knowledge']) expect(files.some((f) => folderOf(relative(SRC, f)) === d)).toBe(true);
  });

  const layered = [...graph.keys()].filter((f) => FORBIDDEN_FOLDERS[folderOf(f)]);
  it.each(layered.map((f) => [f]))('%s imports only downward', (file) => {
    const banned = FORBIDDEN_FOLDERS[folderOf(file)]!;
    const bad = graph.get(file)!.filter((t) => banned.includes(folderOf(t)));
    if (folderOf(file) !== 'state') {
      bad.push(...packages.get(file)!.flatMap((p) => FORBIDDEN_PACKAGES.filter(([re]) => re.test(p)).map(([, what]) => `${p} (${what})`)));
    }
    expect(bad).toEqual([]);
  });

  it('has no import circles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const t of graph.get(f) ?? []) {
        if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t].join(' → '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
