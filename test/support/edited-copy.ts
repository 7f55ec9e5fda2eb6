/**
 * Validation tests break one line of a shipped data file in a temporary copy and check the error names the file
 * and the entry. The copy is removed afterwards.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Copies `source` to `<tmp>/<into>`, replaces `from` with `to` in `file` (relative to the copy), runs `load` on
 * `<tmp>` and returns what it threw (undefined when it did not). Throws when `from` is not in the file, so a
 * fixture that no longer matches the data fails loudly.
 */
export function errorAfterEdit(source: string, file: string, from: string, to: string, load: (root: string) => unknown, into = ''): unknown {
  const root = mkdtempSync(join(tmpdir(), 'edited-copy-'));
  try {
    const copy = join(root, into);
    cpSync(source, copy, { recursive: true });
    const path = join(copy, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(from)) throw new Error(`fixture: ${from} not in ${file}`);
    writeFileSync(path, text.replace(from, to));
    try {
      load(root);
      return undefined;
    } catch (e) {
      return e;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
