/**
 * Case files run in groups. Most suites build the real core (knowledge, rules, models: about two seconds of CPU)
 * and jest gives every test file a fresh module registry, so 150 small files paid for 150 cores and the suite ran
 * past ten minutes. A folder's case files (`*.cases.ts`, each an ordinary file of describe/it blocks) are required
 * by a few `group-N.test.ts` runners instead, each file inside a describe named after it, so a runner builds one
 * core for all its files and a file's beforeAll/afterAll stay scoped to it. Run one file's cases with
 * `npx jest test/<folder> -t '<file name>'`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Registers the case files of `dir` whose index in name order is `part` modulo `parts`. */
export function runCases(dir: string, part: number, parts: number): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cases.ts')).sort();
  if (!files.length) throw new Error(`no *.cases.ts files in ${dir}`);
  for (const f of files.filter((_, i) => i % parts === part)) {
    describe(f.replace(/\.cases\.ts$/, ''), () => {
      require(join(dir, f));
    });
  }
}
