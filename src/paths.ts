/** Where the package's own data lives, found from this file whether it runs from src/ (tests) or dist/src/. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'debtshield') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the debtshield package root above ${start}`);
    dir = up;
  }
}

/** The repository / package root (holds knowledge/, prompts/). */
export const PACKAGE_ROOT = findRoot(__dirname);
