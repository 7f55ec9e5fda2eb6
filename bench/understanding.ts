/**
 * `npm run bench:understanding`: how long turn understanding takes per turn, in process, on the texts of
 * eval/understanding/train.jsonl (each with its context), after a warm-up pass. Prints p50, p95, p99 and max.
 * The target is a p95 well under 1 ms: the conversation calls it on every text turn before anything else.
 */
import { performance } from 'node:perf_hooks';
import { FIXED_NOW, loadSetup, pipelineWith, readTurns, TRAIN_FILE } from './train-understanding';

function main(): void {
  const started = performance.now();
  const setup = loadSetup();
  const p = pipelineWith(setup);
  const loadMs = performance.now() - started;
  const rows = readTurns(TRAIN_FILE);
  for (const r of rows) p.understand(r.text, r.context, FIXED_NOW);
  const times: number[] = [];
  const rounds = 5;
  for (let k = 0; k < rounds; k++) {
    for (const r of rows) {
      const t0 = performance.now();
      p.understand(r.text, r.context, FIXED_NOW);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const ms = (x: number) => `${x.toFixed(3)} ms`;
  console.log(`turn understanding: ${times.length} calls (${rows.length} turns × ${rounds}), loading and compiling ${ms(loadMs)}`);
  console.log(`  p50 ${ms(at(0.5))}   p95 ${ms(at(0.95))}   p99 ${ms(at(0.99))}   max ${ms(times[times.length - 1]!)}`);
  const long = rows.reduce((a, r) => (r.text.length > a.text.length ? r : a));
  const t0 = performance.now();
  for (let k = 0; k < 100; k++) p.understand(long.text, long.context, FIXED_NOW);
  console.log(`  longest turn (${long.text.length} characters): ${ms((performance.now() - t0) / 100)} per call`);
}

main();
