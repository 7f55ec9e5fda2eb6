/**
 * `npm run train:crisis`: trains the crisis head (src/conversation/understanding/crisis-head.ts) and writes
 * knowledge/understanding/crisis-model.json. It learns from the labelled crisis sets (train.jsonl, crisis-2/3/4)
 * and, as near-misses, from the user's own typed turns of the development dialogues (eval/dialogues/dev*.yaml):
 * a turn before any expected crisis reply whose expected kinds leave crisis out is ordinary debt talk, the first
 * turn expected to be crisis alone is risk. A held-out file (crisis-heldout-*, heldout*.yaml) is refused.
 * Only first-turn wordings are learned (context none / answer / analysis): after care the rules already hear
 * weaker words, and "打了也没用" must not become risk everywhere.
 *
 * Two thresholds, both chosen by 5-fold cross-validation: `threshold` (the head alone) and `threshold_with_cue`
 * (the head and a weak crisis cue of crisis.yaml in the same turn; equal to `threshold` until enough ordinary turns
 * carry a cue to judge a lower one). Among the pairs with at most one
 * cross-validated false alarm per 1,000 ordinary turns, the one with the highest recall wins. Turns are read as
 * the crisis reader reads them (normalised, respelt, defusing words blanked). The head never says acute.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DATA_DIR, foldOf, loadSetup, readTurns, UNDERSTANDING_EVAL_DIR } from './train-understanding';
import { UNDERSTANDING_FILES, type CrisisModelFile } from '../src/knowledge/understanding-data';
import { crisisFeatures } from '../src/conversation/understanding/crisis-head';
import { createRespeller } from '../src/conversation/understanding/crisis-respell';
import { createDefuser } from '../src/conversation/understanding/crisis-signal';
import { createCueCompiler } from '../src/conversation/understanding/cues';
import { headToFile, logits, trainSoftmax, type Example, type SoftmaxHead } from '../src/conversation/understanding/turn-classifier';
import { createTurnTextReader } from '../src/conversation/understanding/turn-text';
import { PACKAGE_ROOT } from '../src/paths';

/** The labelled sets the head learns from (development data). */
export const CRISIS_TRAIN_SETS = ['train.jsonl', 'crisis-2.jsonl', 'crisis-3.jsonl', 'crisis-4.jsonl', 'crisis-dev-6.jsonl', 'crisis-7.jsonl', 'crisis-8.jsonl'];
const DIALOGUE_DIR = join(PACKAGE_ROOT, 'eval', 'dialogues');
const NGRAM = { min: 1, max: 3 };
/**
 * A gentle rate and a light L2: with the strong L2 of the first head (0.01, 10 epochs) the n-grams of rarer shapes
 * never outweighed the bias, and at one false alarm per 1,000 ordinary turns the head heard 23 % of risk turns in
 * cross-validation; with 0.0003 and 20 epochs, 38 % (same data). The finer grid near 1 lets a threshold separate.
 */
const TRAIN_OPTIONS = { epochs: 20, learningRate: 0.1, l2: 0.0003, minCount: 2 };
const FOLDS = 5;
const LABELS = ['none', 'risk'];
/**
 * Cross-validated false alarms allowed: two per 1,000 ordinary turns (rounded up). A person at risk missed is the
 * worst failure of the product, a false crisis on debt talk a lesser one (it delays the answer by a caring opening);
 * at one per 1,000 the head heard 40 % of risk turns in cross-validation, at two 47 % (crisis-8 added).
 */
const MAX_FALSE_ALARM_RATE = 0.002;
/**
 * A with-cue threshold below the alone one is only trusted when this many ordinary turns carry a weak cue to judge
 * it on: with a handful, cross-validation cannot see "累了 就这样吧" or "对不起 我先走了 明天再问" coming.
 */
const MIN_ORDINARY_WITH_CUE = 30;
const GRID = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.96, 0.97, 0.98, 0.985, 0.99, 0.993, 0.995, 0.997, 0.998, 0.999, 0.9995, 0.9999, 1];

/** One turn the head learns from: its text and whether it is risk (risk or acute). */
export interface CrisisRow {
  id: string;
  text: string;
  risk: boolean;
}

function isHeldOut(name: string): boolean {
  return /heldout/i.test(name);
}

/** The first-turn rows of the labelled crisis sets. */
export function labelledRows(): CrisisRow[] {
  return CRISIS_TRAIN_SETS.flatMap((f) => {
    if (isHeldOut(f)) throw new Error(`${f} is held out: never train on it`);
    return readTurns(join(UNDERSTANDING_EVAL_DIR, f))
      .filter((r) => r.context !== 'crisis' && r.context !== 'asked')
      .map((r) => ({ id: r.id, text: r.text, risk: r.crisis === 'risk' || r.crisis === 'acute' }));
  });
}

interface DialogueTurn {
  text?: string;
  expect?: { kind?: string | string[] };
}

/** The user's typed turns of the development dialogues up to (and including) the first expected crisis reply. */
export function dialogueRows(): CrisisRow[] {
  const files = readdirSync(DIALOGUE_DIR).filter((f) => /^dev\d*\.yaml$/.test(f) && !isHeldOut(f));
  const rows: CrisisRow[] = [];
  for (const f of files) {
    const dialogues = parseYaml(readFileSync(join(DIALOGUE_DIR, f), 'utf8')) as Array<{ id: string; turns: DialogueTurn[] }>;
    for (const d of dialogues) {
      for (const [i, turn] of d.turns.entries()) {
        const kinds = [turn.expect?.kind ?? []].flat();
        const crisis = kinds.includes('crisis');
        if (typeof turn.text === 'string' && kinds.length > 0 && (!crisis || kinds.length === 1)) {
          rows.push({ id: `${f}:${d.id}#${i + 1}`, text: turn.text, risk: crisis });
        }
        if (crisis) break;
      }
    }
  }
  return rows;
}

function riskProbability(head: SoftmaxHead, x: Map<string, number>): number {
  const z = logits(head, x);
  return 1 / (1 + Math.exp(z[0]! - z[1]!));
}

function main(): void {
  const started = Date.now();
  const { data } = loadSetup();
  const read = createTurnTextReader(data.lexicon);
  const respell = createRespeller(data.crisis.respell);
  const compiler = createCueCompiler(data.lexicon);
  const weak = compiler.compile(data.crisis.weak);
  const seen = new Set<string>();
  const rows = [...labelledRows(), ...dialogueRows()].filter((r) => {
    const key = `${r.risk}:${r.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const defuse = createDefuser(data.crisis, compiler);
  const texts = rows.map((r) => defuse(respell(read(r.text).t)));
  const examples: Example[] = texts.map((t, i) => ({ x: crisisFeatures(t, NGRAM, data.crisis.head_concepts), y: rows[i]!.risk ? 'risk' : 'none' }));
  const cue = texts.map((t) => weak.test(t));
  // The reader never asks the head about a turn in which the user says they are safe ("我不想死 只是太累了"):
  // such turns are no false alarm of the head, and no miss of it either, so the thresholds are chosen without them.
  const safe = compiler.compile(data.crisis.safe);
  const notSafe = compiler.compile(data.crisis.not_safe);
  const asked = rows.map((r) => {
    const t = respell(read(r.text).t);
    const unsafe = notSafe.all(t);
    return !safe.all(t).some((h) => !unsafe.some((u) => u.start < h.end && h.start < u.end));
  });

  // Cross-validated probabilities pick both thresholds.
  const p = new Array<number>(rows.length);
  for (let k = 0; k < FOLDS; k++) {
    const inFold = rows.map((r) => foldOf(r.id, FOLDS) === k);
    const head = trainSoftmax(examples.filter((_, i) => !inFold[i]), LABELS, TRAIN_OPTIONS);
    examples.forEach((e, i) => {
      if (inFold[i]) p[i] = riskProbability(head, e.x);
    });
  }
  const at = (alone: number, withCue: number) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    rows.forEach((r, i) => {
      if (!asked[i]) return;
      const hears = p[i]! >= alone || (cue[i]! && p[i]! >= withCue);
      if (hears && r.risk) tp++;
      else if (hears) fp++;
      else if (r.risk) fn++;
    });
    return { alone, withCue, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), fp, tp };
  };
  const maxFalseAlarms = Math.ceil(MAX_FALSE_ALARM_RATE * rows.filter((r) => !r.risk).length);
  const cueJudged = rows.filter((r, i) => !r.risk && cue[i]).length >= MIN_ORDINARY_WITH_CUE;
  let chosen = at(1, 1);
  for (const alone of GRID) {
    for (const withCue of GRID.filter((g) => g <= alone && (cueJudged || g === alone))) {
      const s = at(alone, withCue);
      if (process.argv.includes('--curve')) console.log(JSON.stringify(s));
      if (s.fp <= maxFalseAlarms && (s.recall > chosen.recall || (s.recall === chosen.recall && s.alone > chosen.alone))) chosen = s;
    }
  }
  const head = trainSoftmax(examples, LABELS, TRAIN_OPTIONS);
  const risk = rows.filter((r) => r.risk).length;
  const model: CrisisModelFile = {
    version: 1,
    kind: 'char-ngram-softmax',
    ngram: NGRAM,
    threshold: chosen.alone,
    threshold_with_cue: chosen.withCue,
    head: headToFile(head, 2),
    ...(Object.keys(data.crisis.head_concepts).length ? { concepts: data.crisis.head_concepts } : {}),
    trained: {
      sets: [...CRISIS_TRAIN_SETS, 'dialogues dev*.yaml (user turns up to the first crisis)'],
      turns: rows.length,
      risk,
      cv: { folds: FOLDS, threshold: chosen.alone, threshold_with_cue: chosen.withCue, precision: round(chosen.precision), recall: round(chosen.recall), false_alarms: chosen.fp, ordinary_turns: rows.length - risk },
    },
  };
  const json = JSON.stringify(model);
  writeFileSync(join(DATA_DIR, UNDERSTANDING_FILES.crisisModel), json + '\n');
  console.log(`ordinary turns with a weak cue: ${rows.filter((r, i) => !r.risk && cue[i]).length}${cueJudged ? '' : ` (< ${MIN_ORDINARY_WITH_CUE}: no lower threshold with a cue)`}`);
  console.log(`crisis head: ${rows.length} turns (${risk} risk), ${Object.keys(model.head.weights).length} features, ${(json.length / 1024).toFixed(0)} KB`);
  console.log(`  ${FOLDS}-fold cross-validation, alone ≥ ${chosen.alone}, with a weak cue ≥ ${chosen.withCue}: precision ${round(chosen.precision)}, recall ${round(chosen.recall)} (head alone), false alarms ${chosen.fp} of ${rows.length - risk}`);
  console.log(`  ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

if (require.main === module) main();
