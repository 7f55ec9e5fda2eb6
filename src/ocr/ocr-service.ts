/**
 * The OcrPort the core calls: check the bytes (format, size, animation) → one engine → chat post-processing.
 * Built once at boot around one engine instance; close() releases the engine's worker.
 */
import { performance } from 'node:perf_hooks';
import type { OcrPort } from './port';
import type { CoreLogger } from '../logger';
import { AppError } from '../errors';
import type { EngineOutput, OcrEngine } from './engine';
import { inspectImage, type ImageInfo, type ImageLimits } from './image-probe';
import { createChatPostprocessor, createCorrector, type ChatReading, type ReadLine } from './postprocess';
import type { OcrVocabulary } from './vocabulary';
import { createLayoutRunner, type LayoutRunner } from './layout-runner';
import { assembleChat, type ChatBubbles, type ReadBubble } from './chat-bubbles';
import { createTimestampParser, labelCharset } from './timestamps';
import type { ImageQuality, Preprocessing } from './image-quality';

/** A read screenshot: the post-processed reading plus engine, time and what the image was. */
export interface OcrReading extends ChatReading {
  engine: string;
  /** When the last message with a timestamp label was sent (see messages[] for each one's). */
  sentAt: Date | null;
  ms: number;
  image: ImageInfo;
  /** Peak RSS of the engine's child process for this read, when measured (bench only). */
  childPeakRssBytes?: number;
  /** Every bubble from both sides, top to bottom; text and messages hold the collector's only. */
  bubbles: ReadBubble[];
  /** How the image was read: by its layout (bubble by bubble), or whole (no bubbles found, or an engine without line positions). */
  method: 'layout' | 'whole';
  /** For a layout read: the quality estimate, the preprocessing chosen, and how many passes ran. */
  layout?: { quality: ImageQuality; preprocessing: Preprocessing; passes: number };
}

export interface OcrService extends OcrPort {
  /** The engine's name, for the boot log. */
  readonly engine: string;
  read(image: Buffer, mimeType: string): Promise<OcrReading>;
  /** Stops the engine's worker; call on shutdown (and in afterAll). */
  close(): Promise<void>;
}

export interface OcrServiceOptions {
  engine: OcrEngine;
  limits: ImageLimits;
  vocabulary: OcrVocabulary;
  /** Where layout reading runs: a worker thread in the compiled build (the default), or this thread. */
  layoutRunner?: LayoutRunner;
  /** The reading time that 今天 / 昨天 / 周二 labels are relative to; the wall clock by default. */
  now?: () => Date;
  logger?: CoreLogger;
}

/** Creates the service around one engine. */
export function createOcrService(opts: OcrServiceOptions): OcrService {
  const post = createChatPostprocessor(opts.vocabulary);
  const chat = { chrome: opts.vocabulary.chrome, correct: createCorrector(opts.vocabulary.corrections), timestamps: createTimestampParser(opts.vocabulary.timestamps) };
  const now = opts.now ?? (() => new Date());
  const { engine } = opts;
  const layout = opts.layoutRunner ?? createLayoutRunner();
  const labelChars = { charset: labelCharset(opts.vocabulary.timestamps) };
  const traditional = { script: 'traditional' as const };
  return {
    engine: engine.name,
    async read(image, mimeType) {
      const info = inspectImage(image, opts.limits);
      if (mimeType && mimeType !== info.mimeType) opts.logger?.debug({ claimed: mimeType, detected: info.mimeType }, 'image type differs from the claimed one');
      const t0 = performance.now();
      const reference = now();
      const byLayout = engine.recognizeLines ? await layout.read(image, (png, purpose) => engine.recognizeLines!(png, purpose === 'labels' ? labelChars : purpose === 'traditional' ? traditional : undefined), { traditional: engine.readsTraditional === true, labels: opts.vocabulary.timestamps, reference }) : undefined;
      const assembled = byLayout ? assembleChat(byLayout.regions, reference, chat) : undefined;
      // A layout that cannot be right (overlapping bubbles) competes with a whole-image read: the more
      // confident reading wins.
      let whole: EngineOutput | undefined;
      if (byLayout && assembled && !byLayout.layout.plausible) {
        whole = await engine.recognize(image, info);
        if (!whole.text.trim() || (whole.confidence ?? 0) <= bubbleConfidence(assembled) * 100) whole = undefined;
      }
      let reading: OcrReading;
      if (byLayout && assembled && assembled.bubbles.length > 0 && !whole) {
        reading = { ...fromBubbles(assembled), engine: engine.name, sentAt: null, ms: 0, image: info, method: 'layout', layout: { quality: byLayout.quality, preprocessing: byLayout.preprocessing, passes: byLayout.passes } };
      } else {
        const out = whole ?? (await engine.recognize(image, info));
        const read = post.process(out.text, reference);
        // Read whole, the side of each bubble is unknown: everything is taken as the other side's, as before.
        const confidence = out.confidence !== undefined ? Math.round(out.confidence) / 100 : WHOLE_READ_CONFIDENCE;
        const bubbles: ReadBubble[] = read.messages.map((m) => ({ side: 'collector', text: m.text, ...(m.sentAt ? { time: m.sentAt, timeLabel: m.timestamp } : {}), confidence }));
        reading = { ...read, engine: engine.name, sentAt: null, ms: 0, image: info, childPeakRssBytes: out.childPeakRssBytes, bubbles, method: 'whole' };
      }
      reading.ms = Math.round(performance.now() - t0);
      opts.logger?.info({ engine: engine.name, method: reading.method, ms: reading.ms, width: info.width, height: info.height, bubbles: reading.bubbles.length }, 'ocr read');
      if (reading.bubbles.length === 0) throw new AppError('IMAGE_UNREADABLE', `no message text found (${engine.name}, ${info.width}×${info.height})`);
      const last = reading.messages.filter((m) => m.sentAt).at(-1)?.sentAt;
      reading.sentAt = last ? new Date(last) : null;
      return reading;
    },
    async close() {
      await layout.close();
      await engine.close();
    },
  };
}

/** The mean confidence (0–1) of a chat's bubbles, weighted by their length. */
function bubbleConfidence(c: ChatBubbles): number {
  const chars = c.bubbles.reduce((a, b) => a + b.text.length, 0);
  return chars === 0 ? 0 : c.bubbles.reduce((a, b) => a + b.confidence * b.text.length, 0) / chars;
}

/** Confidence given to bubbles of an image read whole by an engine that reports none (a vision model). */
export const WHOLE_READ_CONFIDENCE = 0.5;

/**
 * The ChatReading of a layout read: text, messages and lines hold the collector's bubbles only (what is
 * analysed and kept as their words); bubbles keep both sides.
 */
function fromBubbles(c: ChatBubbles): ChatReading & { bubbles: ReadBubble[] } {
  const theirs = c.bubbles.filter((b) => b.side === 'collector');
  const lines: ReadLine[] = c.sender ? [{ text: c.sender, kind: 'sender' }] : [];
  let label: string | undefined;
  for (const b of theirs) {
    if (b.timeLabel && b.timeLabel !== label) lines.push({ text: b.timeLabel, kind: 'timestamp' });
    label = b.timeLabel ?? label;
    lines.push({ text: b.text, kind: 'message' });
  }
  return {
    text: theirs.map((b) => b.text).join('\n'),
    lines,
    messages: theirs.map((b) => ({ text: b.text, ...(b.time ? { timestamp: b.timeLabel, sentAt: b.time } : {}) })),
    ...(c.sender !== undefined ? { sender: c.sender } : {}),
    timestamps: c.timestamps,
    dropped: c.dropped,
    bubbles: c.bubbles,
  };
}
