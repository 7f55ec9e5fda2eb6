/** The real program as a separate process (`node dist/src/main.js`), for crash tests and the WeChat bench. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths';

const MAIN = join(PACKAGE_ROOT, 'dist/src/main.js');

/**
 * Starts main.js with exactly `env` (plus PATH); resolves once it logs that it listens (needs LOG_LEVEL info).
 * `nice` runs it at a lower CPU priority (workers beside a web process, as a deployment should).
 */
export async function startWorkerProcess(env: Record<string, string>, opts: { nice?: number } = {}): Promise<ChildProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does)`);
  const [cmd, args] = opts.nice ? ['nice', ['-n', String(opts.nice), process.execPath, MAIN]] : [process.execPath, [MAIN]];
  const child = spawn(cmd as string, args as string[], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      if (out.length < 100_000) out += d.toString();
      if (out.includes('http server listening')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}:\n${out}`));
    });
  });
  return child;
}
