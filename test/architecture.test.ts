/**
 * The conversation core must stay channel-agnostic: nothing under src/core may import a channel adapter,
 * telegraf, ioredis or node's http stack.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const FORBIDDEN: Array<[RegExp, string]> = [
  [/(^|\/)channels(\/|$)/, 'a channel adapter'],
  [/^telegraf(\/|$)/, 'telegraf'],
  [/^ioredis(\/|$)/, 'ioredis'],
  [/^(node:)?https?$/, "node's http"],
  [/^(node:)?http2$/, "node's http2"],
  [/(^|\/)http(\/|$)/, 'the http layer'],
];

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

describe('architecture', () => {
  it('finds imports in every form the checker relies on', () => {
    expect(importsOf(`import x from 'telegraf';\nconst y = require("ioredis");\nexport { z } from '../channels/a';\nimport('node:http')`)).toEqual([
      'telegraf', 'ioredis', '../channels/a', 'node:http',
    ]);
  });

  const coreFiles = filesUnder(join(ROOT, 'src', 'core'));
  it('has core files to check', () => expect(coreFiles.length).toBeGreaterThan(5));

  it.each(coreFiles.map((f) => [relative(ROOT, f), f]))('%s imports no channel, telegraf, ioredis or http', (_name, file) => {
    const bad = importsOf(readFileSync(file, 'utf8')).flatMap((spec) =>
      FORBIDDEN.filter(([re]) => re.test(spec)).map(([, what]) => `${spec} (${what})`),
    );
    expect(bad).toEqual([]);
  });
});
