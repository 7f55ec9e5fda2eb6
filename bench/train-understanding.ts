/**
 * `npm run train:understanding`: trains the turn understander's classifier heads (src/conversation/understanding/
 * turn-classifier.ts) on eval/understanding/train.jsonl — never on heldout.jsonl — fits each head's temperature
 * on k-fold out-of-fold predictions (so its probabilities are honest), and writes
 * knowledge/understanding/model.json. Prints the cross-validated figures; they are training-set figures.
 *
 * Options:
 *   --folds N     cross-validation folds (default 5)
 *   --dry-run     report only, do not write the model
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnalysisRules } from '../src/analysis/rules';
import { analysisKit } from '../src/assemble';
import { loadKnowledge } from '../src/knowledge/load';
import { loadUnderstandingData, UNDERSTANDING_FILES, type UnderstandingData, type UnderstandingModelFile } from '../src/knowledge/understanding-data';
import { ACTS, type ActInput } from '../src/conversation/understanding/act';
import { NGRAM } from '../src/conversation/understanding/features';
import { fitTemperature, headToFile, logits, trainSoftmax, type Example, type SoftmaxHead } from '../src/conversation/understanding/turn-classifier';
import { createUnderstandingPipeline, lawNamesOf, type UnderstandingPipeline, type UnderstanderHeads } from '../src/conversation/understanding/understand-turn';
import { SPACE_BREAK } from '../src/conversation/understanding/turn-text';
import type { CrisisSignal, DialogueContext, Speaker, TurnAct } from '../src/conversation/understanding/types';
import { PACKAGE_ROOT } from '../src/paths';

/** One labelled turn (eval/understanding/README.md). */
export interface LabelledTurn {
  id: string;
  text: string;
  context: DialogueContext;
  speaker: Speaker;
  act: TurnAct;
  crisis: CrisisSignal;
}

export const UNDERSTANDING_EVAL_DIR = join(PACKAGE_ROOT, 'eval', 'understanding');
export const TRAIN_FILE = join(UNDERSTANDING_EVAL_DIR, 'train.jsonl');
export const DATA_DIR = join(PACKAGE_ROOT, 'knowledge', 'understanding');
export const SPEAKER_LABELS = ['user', 'collector'];
/** Hyper-parameters, chosen by cross-validation on train.jsonl. */
export const TRAINING = {
  speaker: { epochs: 30, learningRate: 0.5, l2: 1e-4, minCount: 2 },
  act: { epochs: 40, learningRate: 0.5, l2: 1e-4, minCount: 2 },
} as const;

/** Reads a JSONL file of labelled turns. */
export function readTurns(file: string): LabelledTurn[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as LabelledTurn;
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
      }
    });
}

/** Everything the pipeline needs besides the heads, loaded once. */
export interface UnderstandingSetup {
  data: UnderstandingData;
  kit: ReturnType<typeof analysisKit>;
  lawNames: Map<string, string>;
}

/** Loads knowledge/understanding/, the analysis rules (crisis) and the law names from the repository. */
export function loadSetup(): UnderstandingSetup {
  const data = loadUnderstandingData(DATA_DIR);
  const kit = analysisKit(loadAnalysisRules(join(PACKAGE_ROOT, 'knowledge', 'analysis')));
  const lawNames = lawNamesOf(loadKnowledge(join(PACKAGE_ROOT, 'knowledge')));
  return { data, kit, lawNames };
}

/** The pipeline with the given heads (`{}`: rules and cue fallbacks only; undefined: the shipped model's). */
export function pipelineWith(setup: UnderstandingSetup, heads?: UnderstanderHeads): UnderstandingPipeline {
  return createUnderstandingPipeline(setup.data, setup.kit, { lawNames: setup.lawNames }, heads);
}

/**
 * Speaker examples: the whole text of collector and user turns (and each segment of a multi-line one), and for
 * mixed turns the parts structure placed (pasted → collector, own → user).
 */
export function speakerExamples(p: UnderstandingPipeline, rows: LabelledTurn[]): Example[] {
  const out: Example[] = [];
  for (const r of rows) {
    const tt = p.read(r.text);
    const parts = p.parts(tt);
    if (r.speaker === 'mixed') {
      for (const part of parts) {
        if (part.role === 'free') continue;
        out.push({ x: p.speakerFeatures(tt.t.slice(part.start, part.end)), y: part.role === 'quoted' ? 'collector' : 'user' });
      }
      continue;
    }
    out.push({ x: p.speakerFeatures(tt.t.replace(/\n/g, SPACE_BREAK)), y: r.speaker });
    if (parts.length > 1) for (const part of parts) out.push({ x: p.speakerFeatures(tt.t.slice(part.start, part.end)), y: r.speaker });
  }
  return out;
}

/** The act head's input for a labelled turn, with the gold speaker and crisis (training) or predicted ones. */
export function actInput(p: UnderstandingPipeline, r: LabelledTurn, gold: boolean): ActInput {
  const tt = p.read(r.text);
  const u = p.understand(r.text, r.context, FIXED_NOW);
  return {
    tt,
    context: r.context,
    speaker: gold ? r.speaker : u.speaker,
    speakerConfidence: gold ? 1 : u.speakerConfidence,
    crisis: gold ? r.crisis : u.crisis,
    facts: u.facts,
    ...(u.provision ? { provision: u.provision } : {}),
  };
}

/** Act examples with gold speaker and crisis flags. */
export function actExamples(p: UnderstandingPipeline, rows: LabelledTurn[]): Example[] {
  return rows.map((r) => {
    const input = actInput(p, r, true);
    return { x: p.acts.features(input, p.acts.signals(input.tt, input.facts)), y: r.act };
  });
}

/** Trains both heads on `rows` (temperature 1; see fitTemperatures). */
export function trainHeads(setup: UnderstandingSetup, rows: LabelledTurn[]): { speaker: SoftmaxHead; act: SoftmaxHead } {
  const p = pipelineWith(setup, {});
  return {
    speaker: trainSoftmax(speakerExamples(p, rows), SPEAKER_LABELS, TRAINING.speaker),
    act: trainSoftmax(actExamples(p, rows), ACTS, TRAINING.act),
  };
}

/** Stable fold of a row (by id, so adding rows does not reshuffle the others). */
export function foldOf(id: string, folds: number): number {
  let h = 2166136261;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % folds;
}

/** A fixed "now" for scoring, so dates resolve the same on every run. */
export const FIXED_NOW = new Date('2026-06-15T12:00:00+08:00');

/**
 * K-fold cross-validation: for each fold, heads trained on the other folds understand the fold's turns. Returns
 * the out-of-fold understandings (in row order) and the out-of-fold logits for temperature fitting.
 */
export function crossValidate(setup: UnderstandingSetup, rows: LabelledTurn[], folds: number) {
  const predictions = new Array<ReturnType<UnderstandingPipeline['understand']>>(rows.length);
  const speakerLogits: Array<{ z: number[]; y: number }> = [];
  const actLogits: Array<{ z: number[]; y: number }> = [];
  for (let k = 0; k < folds; k++) {
    const train = rows.filter((r) => foldOf(r.id, folds) !== k);
    const heads = trainHeads(setup, train);
    const p = pipelineWith(setup, heads);
    rows.forEach((r, i) => {
      if (foldOf(r.id, folds) !== k) return;
      predictions[i] = p.understand(r.text, r.context, FIXED_NOW);
      for (const e of speakerExamples(p, [r])) speakerLogits.push({ z: logits(heads.speaker, e.x), y: SPEAKER_LABELS.indexOf(e.y) });
      for (const e of actExamples(p, [r])) actLogits.push({ z: logits(heads.act, e.x), y: ACTS.indexOf(e.y as TurnAct) });
    });
  }
  return {
    predictions,
    temperatures: { speaker: fitTemperature(speakerLogits), act: fitTemperature(actLogits) },
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const folds = Number(arg('--folds') ?? 5);
  const setup = loadSetup();
  const rows = readTurns(TRAIN_FILE);
  console.log(`training on ${rows.length} turns from eval/understanding/train.jsonl (${folds}-fold cross-validation for the temperatures)`);
  const started = Date.now();
  const cv = crossValidate(setup, rows, folds);
  const acc = (key: 'speaker' | 'act') => cv.predictions.filter((u, i) => u[key] === rows[i]![key]).length / rows.length;
  console.log(`  cross-validated: speaker accuracy ${acc('speaker').toFixed(3)}, act accuracy ${acc('act').toFixed(3)} (training-set figures)`);
  console.log(`  temperatures: speaker ${cv.temperatures.speaker}, act ${cv.temperatures.act}`);
  const heads = trainHeads(setup, rows);
  heads.speaker.temperature = cv.temperatures.speaker;
  heads.act.temperature = cv.temperatures.act;
  const model: UnderstandingModelFile = {
    version: 1,
    kind: 'char-ngram-softmax',
    ngram: { min: NGRAM.min, max: NGRAM.max },
    heads: { speaker: headToFile(heads.speaker), act: headToFile(heads.act) },
    trained: {
      file: 'eval/understanding/train.jsonl',
      turns: rows.length,
      folds,
      cv: { speaker: round(acc('speaker')), act: round(acc('act')) },
      at: new Date().toISOString().slice(0, 10),
    },
  };
  const json = JSON.stringify(model);
  console.log(`  model: ${Object.keys(model.heads.speaker.weights).length} speaker and ${Object.keys(model.heads.act.weights).length} act features, ${(json.length / 1024).toFixed(0)} KB, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (process.argv.includes('--dry-run')) return;
  const out = join(DATA_DIR, UNDERSTANDING_FILES.model);
  writeFileSync(out, `${json}\n`);
  console.log(`wrote ${out}`);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

if (require.main === module) main();
