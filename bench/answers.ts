/**
 * `npm run bench:answers`: speed of the offline answerer. Prints p50/p95/max per answer after warm-up (in process,
 * over the questions in eval/answers/questions.yaml), then the wall time of 200 questions streamed through
 * `node bin/debtshield.js ask --jsonl` in a fresh process, start-up and knowledge loading included
 * (target: under 10 s). Usage: node dist/bench/answers.js [--lines N]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_ROOT } from '../src/paths';
import { loadKnowledge } from '../src/knowledge/load';
import { createLexicalRetriever } from '../src/knowledge/retriever';
import { createOfflineAnswerer } from '../src/answers/answer';
import { loadReplies } from '../src/replies';

interface Question {
  id: string;
  question: string;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

/** Per-answer latency in this process after one warm-up pass. */
export function inProcess(questions: string[], rounds = 5): { p50: number; p95: number; max: number; n: number } {
  const k = loadKnowledge(join(PACKAGE_ROOT, 'knowledge'));
  const answerer = createOfflineAnswerer({
    knowledge: k,
    retriever: createLexicalRetriever(k),
    replies: loadReplies(join(PACKAGE_ROOT, 'prompts')),
  });
  const at = new Date();
  for (const q of questions) answerer.answerNow(q, { at });
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t0 = process.hrtime.bigint();
      answerer.answerNow(q, { at });
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), n: times.length };
}

/** Wall time of `lines` questions through the CLI's `ask --jsonl`, process start-up included. */
export function throughCli(questions: string[], lines: number): { ms: number; answered: number; status: number | null; stderr: string } {
  const input = Array.from({ length: lines }, (_, i) => JSON.stringify({ id: `b${i}`, question: questions[i % questions.length] })).join('\n') + '\n';
  const t0 = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'debtshield.js'), 'ask', '--jsonl'], {
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const answered = run.stdout.split('\n').filter((l) => l.trim() && !('error' in JSON.parse(l))).length;
  return { ms, answered, status: run.status, stderr: run.stderr.slice(0, 500) };
}

function main(): void {
  const arg = process.argv.indexOf('--lines');
  const lines = arg > 0 ? Number(process.argv[arg + 1]) : 200;
  const file = join(PACKAGE_ROOT, 'eval', 'answers', 'questions.yaml');
  const questions = (parseYaml(readFileSync(file, 'utf8')) as Question[]).map((q) => q.question);
  const fmt = (x: number) => x.toFixed(3);

  const local = inProcess(questions);
  console.log(`offline answer latency (in process, ${local.n} answers after warm-up): p50 ${fmt(local.p50)} ms  p95 ${fmt(local.p95)} ms  max ${fmt(local.max)} ms`);

  const cli = throughCli(questions, lines);
  if (cli.status !== 0) console.log(`ask --jsonl exited with ${cli.status}: ${cli.stderr}`);
  console.log(`ask --jsonl: ${lines} questions in ${fmt(cli.ms / 1000)} s wall (start-up included), ${cli.answered} answered, ${fmt(cli.ms / Math.max(1, lines))} ms/question`);
}

if (require.main === module) main();
