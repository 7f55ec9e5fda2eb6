/**
 * `npm run eval:understanding`: scores turn understanding on a labelled file (eval/understanding/README.md):
 * speaker and act accuracy with confusion matrices, crisis precision and recall (risk + acute against the rest),
 * how honest speakerConfidence is (accuracy per confidence band), and follow-up kinds seen.
 *
 *   --file F     the labelled file (default eval/understanding/train.jsonl). The shipped model is used, so on
 *                train.jsonl these are training figures; `--file eval/understanding/heldout.jsonl` scores the
 *                blind set (once, for the report: never tune on it).
 *   --cv K       k-fold cross-validation on F instead (heads retrained per fold); refused for held-out files.
 *   --errors     list the misread turns (refused for held-out files, so nobody tunes on them by accident).
 */
import { relative, resolve } from 'node:path';
import { crossValidate, FIXED_NOW, loadSetup, pipelineWith, readTurns, TRAIN_FILE, type LabelledTurn } from '../bench/train-understanding';
import { ACTS } from '../src/conversation/understanding/act';
import type { TurnUnderstanding } from '../src/conversation/understanding/types';
import { PACKAGE_ROOT } from '../src/paths';

const SPEAKERS = ['user', 'collector', 'mixed'];
const CRISES = ['none', 'risk', 'acute', 'safe'];

/** Scores of a set of understandings against their labels. */
export interface UnderstandingScore {
  n: number;
  speakerAccuracy: number;
  actAccuracy: number;
  /** User's own words read as the collector's (the costly error: they would become evidence). */
  userAsCollector: number;
  collectorAsUser: number;
  crisis: { tp: number; fp: number; fn: number; precision: number; recall: number; exact: number };
  speakerConfusion: number[][];
  actConfusion: number[][];
  crisisConfusion: number[][];
  /** [lower bound of the band, turns in it, share whose speaker call was right]. */
  calibration: Array<[number, number, number]>;
}

/** Scores `predictions[i]` against `rows[i]`. */
export function scoreUnderstanding(rows: LabelledTurn[], predictions: TurnUnderstanding[]): UnderstandingScore {
  const matrix = (labels: string[]) => labels.map(() => labels.map(() => 0));
  const speakerConfusion = matrix(SPEAKERS);
  const actConfusion = matrix(ACTS);
  const crisisConfusion = matrix(CRISES);
  let speakerRight = 0;
  let actRight = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let crisisRight = 0;
  const bands = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
  const bandCounts = bands.map(() => [0, 0]);
  rows.forEach((r, i) => {
    const u = predictions[i]!;
    speakerConfusion[SPEAKERS.indexOf(r.speaker)]![SPEAKERS.indexOf(u.speaker)]!++;
    actConfusion[ACTS.indexOf(r.act)]![ACTS.indexOf(u.act)]!++;
    crisisConfusion[CRISES.indexOf(r.crisis)]![CRISES.indexOf(u.crisis)]!++;
    if (u.speaker === r.speaker) speakerRight++;
    if (u.act === r.act) actRight++;
    if (u.crisis === r.crisis) crisisRight++;
    const gold = r.crisis === 'risk' || r.crisis === 'acute';
    const said = u.crisis === 'risk' || u.crisis === 'acute';
    if (gold && said) tp++;
    else if (said) fp++;
    else if (gold) fn++;
    let b = bands.length - 1;
    while (b > 0 && u.speakerConfidence < bands[b]!) b--;
    bandCounts[b]![0]!++;
    if (u.speaker === r.speaker) bandCounts[b]![1]!++;
  });
  const n = rows.length;
  const userIdx = SPEAKERS.indexOf('user');
  const colIdx = SPEAKERS.indexOf('collector');
  return {
    n,
    speakerAccuracy: speakerRight / n,
    actAccuracy: actRight / n,
    userAsCollector: speakerConfusion[userIdx]![colIdx]!,
    collectorAsUser: speakerConfusion[colIdx]![userIdx]!,
    crisis: { tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), exact: crisisRight / n },
    speakerConfusion,
    actConfusion,
    crisisConfusion,
    calibration: bands.map((lo, i) => [lo, bandCounts[i]![0]!, bandCounts[i]![0]! ? bandCounts[i]![1]! / bandCounts[i]![0]! : NaN]),
  };
}

function printMatrix(title: string, labels: string[], m: number[][]): void {
  const w = Math.max(10, ...labels.map((l) => l.length + 1));
  console.log(`\n${title} (rows: labelled, columns: predicted)`);
  console.log(`${''.padEnd(w)}${labels.map((l) => l.slice(0, 9).padStart(10)).join('')}`);
  labels.forEach((l, i) => console.log(`${l.padEnd(w)}${m[i]!.map((v) => String(v).padStart(10)).join('')}`));
}

/** Prints the report for a score. */
export function printScore(s: UnderstandingScore, label: string): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`${label}: ${s.n} turns`);
  console.log(`  speaker accuracy   ${pct(s.speakerAccuracy)}   (user's own words read as collector: ${s.userAsCollector}; collector's read as user: ${s.collectorAsUser})`);
  console.log(`  act accuracy       ${pct(s.actAccuracy)}`);
  console.log(`  crisis (risk+acute vs rest): recall ${pct(s.crisis.recall)}, precision ${pct(s.crisis.precision)} (tp ${s.crisis.tp}, fp ${s.crisis.fp}, fn ${s.crisis.fn}); all four signals exact ${pct(s.crisis.exact)}`);
  printMatrix('speaker', SPEAKERS, s.speakerConfusion);
  printMatrix('act', ACTS, s.actConfusion);
  printMatrix('crisis', CRISES, s.crisisConfusion);
  console.log('\nspeakerConfidence calibration (band ≥, turns, share right)');
  for (const [lo, n, right] of s.calibration) if (n) console.log(`  ${lo.toFixed(2)}  ${String(n).padStart(5)}  ${Number.isNaN(right) ? '-' : pct(right)}`);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const file = arg('--file') ? resolve(arg('--file')!) : TRAIN_FILE;
  const name = relative(PACKAGE_ROOT, file);
  const heldOut = /heldout/i.test(name);
  const cvFolds = arg('--cv') ? Number(arg('--cv')) : undefined;
  if (heldOut && (cvFolds || process.argv.includes('--errors'))) {
    console.error(`${name} is a held-out set: score it as it is (no --cv, no --errors), never tune on it.`);
    process.exit(2);
  }
  const rows = readTurns(file);
  const setup = loadSetup();
  let predictions: TurnUnderstanding[];
  let label: string;
  if (cvFolds) {
    predictions = crossValidate(setup, rows, cvFolds).predictions;
    label = `${name}, ${cvFolds}-fold cross-validation (heads retrained per fold; rules were written on this file)`;
  } else {
    const p = pipelineWith(setup);
    predictions = rows.map((r) => p.understand(r.text, r.context, FIXED_NOW));
    label = `${name}, shipped model${name === relative(PACKAGE_ROOT, TRAIN_FILE) ? ' (trained on this file: training figures)' : ''}`;
  }
  printScore(scoreUnderstanding(rows, predictions), label);
  if (process.argv.includes('--errors')) {
    console.log('\nmisread turns (labelled → predicted):');
    rows.forEach((r, i) => {
      const u = predictions[i]!;
      const bad = [
        u.speaker !== r.speaker ? `speaker ${r.speaker}→${u.speaker}(${u.speakerConfidence})` : '',
        u.act !== r.act ? `act ${r.act}→${u.act}(${u.actConfidence})` : '',
        u.crisis !== r.crisis ? `crisis ${r.crisis}→${u.crisis}` : '',
      ].filter(Boolean);
      if (bad.length) console.log(`  ${r.id} [${r.context}] ${bad.join(', ')}: ${r.text.replace(/\n/g, '⏎')}`);
    });
  }
}

if (require.main === module) main();
