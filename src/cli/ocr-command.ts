/**
 * `debtshield ocr FILE [--json]` and `debtshield analyze --image FILE`: the OCR port from the terminal, with
 * the same engine choice, limits and post-processing as the bot. Wired into src/cli/main.ts by the lead.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CoreParts } from '../assemble';
import type { Config } from '../config';
import type { OcrPort } from '../ocr/port';
import { loadCliTexts } from './cli-texts';
import { AppError } from '../errors';
import { createOcr } from '../ocr/create-ocr';
import { detectImageFormat } from '../ocr/image-probe';
import type { OcrReading } from '../ocr/ocr-service';
import { analyzeOne, type AnalyzeOutput } from './analyze-command';

export interface OcrCommandArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

export interface OcrCommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** The --json shape of `debtshield ocr`: stable keys, snake_case like the analyze contract. */
export interface OcrJson {
  file: string;
  engine: string;
  ms: number | null;
  text: string;
  sender: string | null;
  sent_at: string | null;
  timestamps: Array<{ raw: string; at: string }>;
  messages: Array<{ text: string; timestamp: string | null; sent_at: string | null }>;
  lines: Array<{ text: string; kind: string }>;
  /**
   * Every bubble from both sides, top to bottom: side 'collector' (the other side, left) or 'user' (right; never
   * in text or messages), its time as printed and resolved, and the OCR confidence (0–1).
   */
  bubbles: Array<{ side: 'collector' | 'user'; text: string; time: string | null; time_label: string | null; confidence: number }>;
}

/**
 * Runs `debtshield ocr FILE [--json]`: prints the recognised message text (or, with --json, the OcrJson).
 * Resolves with the exit code (2 for usage errors); AppErrors propagate to the CLI's handler. Starts and
 * stops its own engine.
 */
export async function runOcrCommand(args: OcrCommandArgs, io: OcrCommandIo, config: Config): Promise<number> {
  const file = args.positional[0];
  if (!file || args.positional.length > 1) {
    io.stderr.write(`${loadCliTexts(config.promptsDir).text('ocr_usage')}\n`);
    return 2;
  }
  const ocr = requireOcr(config);
  try {
    const result = await readImageFile(ocr, file);
    io.stdout.write(args.flags.has('--json') ? `${JSON.stringify(toOcrJson(file, result), null, 2)}\n` : `${result.text}\n`);
    return 0;
  } finally {
    await ocr.close();
  }
}

/**
 * `debtshield analyze --image FILE`: OCR, then the analyzer on the recognised text, sent at the last
 * message's timestamp (as the chat flow does after the user confirms). Returns the analyze contract with the
 * file name as id. The caller owns `ocr` (and closes it).
 */
export async function analyzeImage(core: CoreParts, file: string, ocr: OcrPort, now = new Date()): Promise<AnalyzeOutput> {
  const result = await readImageFile(ocr, file);
  // The other side's bubbles only, each at its own time; the user's own bubbles are never analysed.
  const bubbles = result.bubbles
    ? result.bubbles.filter((b) => b.side === 'collector').map((b) => ({ text: b.text, sentAt: b.time }))
    : (result.messages ?? []).map((m) => ({ text: m.text, sentAt: m.sentAt }));
  return analyzeOne(core, basename(file), result.text, result.sentAt ?? null, now, bubbles);
}

/** The OCR service for the config, or AppError OCR_UNAVAILABLE saying how to turn one on. */
export function requireOcr(config: Config): NonNullable<ReturnType<typeof createOcr>> {
  const ocr = createOcr(config);
  if (!ocr) throw new AppError('OCR_UNAVAILABLE', `no OCR engine (OCR_ENGINE=${config.ocr.engine}); run npm install, or apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-script-hans`);
  return ocr;
}

/** Converts a reading to the --json output. */
export function toOcrJson(file: string, r: Awaited<ReturnType<OcrPort['read']>> & Partial<Pick<OcrReading, 'messages'>>): OcrJson {
  return {
    file: basename(file),
    engine: r.engine,
    ms: r.ms ?? null,
    text: r.text,
    sender: r.sender ?? null,
    sent_at: r.sentAt ? r.sentAt.toISOString() : null,
    timestamps: r.timestamps ?? [],
    messages: (r.messages ?? []).map((m) => ({ text: m.text, timestamp: m.timestamp ?? null, sent_at: m.sentAt ?? null })),
    lines: r.lines ?? [],
    bubbles: (r.bubbles ?? []).map((b) => ({ side: b.side, text: b.text, time: b.time ?? null, time_label: b.timeLabel ?? null, confidence: b.confidence })),
  };
}

async function readImageFile(ocr: OcrPort, file: string): Promise<Awaited<ReturnType<OcrPort['read']>>> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new AppError('UNSUPPORTED_FILE', `cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
  const format = detectImageFormat(bytes);
  return ocr.read(bytes, format ? `image/${format}` : 'application/octet-stream');
}
