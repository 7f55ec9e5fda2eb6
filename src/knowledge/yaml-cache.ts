/**
 * YAML data files read through a JSON cache. Parsing the knowledge base's YAML is most of what a start costs (about a
 * second for 140 files, against 15 ms for the same data as JSON), and every CLI call, worker and test file starts
 * afresh. The first read of a file parses it and stores the result as JSON under node_modules/.cache/debtshield;
 * later reads of the same file (same size, modification and change times) read the JSON, so an edit is seen at
 * once. Only plain JSON-shaped data is cached (no NaN, Infinity or dates); a cache that
 * cannot be written (read-only image, full disk) only costs the parse. Knowledge and prompts are public data: no
 * user's text ever passes through here.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_ROOT } from '../paths';

/** Bump when what is stored changes shape. */
const FORMAT = 'yaml-json-1';
const DEFAULT_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'debtshield', 'yaml');

let cacheDir: string | null = DEFAULT_DIR;
let cachedRoot = PACKAGE_ROOT;

/** Where the cache lives (null: parse every time) and whose files it keeps (default the package's). For tests of the cache. */
export function setYamlCache(dir: string | null, root = PACKAGE_ROOT): void {
  cacheDir = dir;
  cachedRoot = root;
}

/**
 * The parsed content of the YAML file `file`; throws what `yaml`'s parse throws for text that is not valid YAML.
 * Only the package's own files are cached (the root set by setYamlCache), one entry per file (an edit replaces it), so the cache stays as small as
 * the knowledge base; files elsewhere (a test's temporary folder) are parsed every time.
 */
export function readYamlData(file: string): unknown {
  const abs = resolve(file);
  const entry = cacheDir && abs.startsWith(cachedRoot + sep) ? join(cacheDir, `${hashOf(abs)}.json`) : undefined;
  const signature = entry ? signatureOf(abs) : undefined;
  if (entry && signature) {
    try {
      const cached = JSON.parse(readFileSync(entry, 'utf8')) as { signature?: unknown; data?: unknown };
      if (cached.signature === signature) return cached.data;
    } catch {
      // not cached yet, or a torn entry: parse below
    }
  }
  const data = parseYaml(readFileSync(abs, 'utf8')) as unknown;
  if (entry && signature && isPlainJson(data)) store(entry, { signature, data });
  return data;
}

const hashOf = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 40);

/** What identifies this version of the file: size, modification and change times, inode, and the cache format. */
function signatureOf(abs: string): string | undefined {
  try {
    const s = statSync(abs);
    return [FORMAT, s.size, s.mtimeMs, s.ctimeMs, s.ino].join(':');
  } catch {
    return undefined;
  }
}

function store(entry: string, value: { signature: string; data: unknown }): void {
  try {
    mkdirSync(cacheDir as string, { recursive: true });
    // Written aside and renamed: two processes starting together never read half an entry.
    const tmp = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, entry);
  } catch {
    // no cache this time: the data was parsed all the same
  }
}

/** Whether JSON.stringify → JSON.parse gives `v` back unchanged. */
function isPlainJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(isPlainJson);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.values(v as Record<string, unknown>).every((x) => x !== undefined && isPlainJson(x));
  }
  return false;
}
