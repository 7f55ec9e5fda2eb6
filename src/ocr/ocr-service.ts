/**
 * The OcrPort the core calls: check the bytes (format, size, animation) → one engine → chat post-processing.
 * Built once at boot around one engine instance; close() releases the engine's worker.
 */
import { performance } from 'node:perf_hooks';
import type { OcrPort } from './port';
import type { CoreLogger } from '../logger';
import { AppError } from '../errors';
import type { OcrEngine } from './engine';
import { inspectImage, type ImageInfo, type ImageLimits } from './image-probe';
import { createChatPostprocessor, type ChatReading } from './postprocess';
import type { OcrVocabulary } from './vocabulary';

/** A read screenshot: the post-processed reading plus engine, time and what the image was. */
export interface OcrReading extends ChatReading {
  engine: string;
  /** When the last message with a timestamp label was sent (see messages[] for each one's). */
  sentAt: Date | null;
  ms: number;
  image: ImageInfo;
  /** Peak RSS of the engine's child process for this read, when measured (bench only). */
  childPeakRssBytes?: number;
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
  /** The reading time that 今天 / 昨天 / 周二 labels are relative to; the wall clock by default. */
  now?: () => Date;
  logger?: CoreLogger;
}

/** Creates the service around one engine. */
export function createOcrService(opts: OcrServiceOptions): OcrService {
  const post = createChatPostprocessor(opts.vocabulary);
  const now = opts.now ?? (() => new Date());
  return {
    engine: opts.engine.name,
    async read(image, mimeType) {
      const info = inspectImage(image, opts.limits);
      if (mimeType && mimeType !== info.mimeType) opts.logger?.debug({ claimed: mimeType, detected: info.mimeType }, 'image type differs from the claimed one');
      const t0 = performance.now();
      const out = await opts.engine.recognize(image, info);
      const reading = post.process(out.text, now());
      const ms = Math.round(performance.now() - t0);
      opts.logger?.info({ engine: opts.engine.name, ms, width: info.width, height: info.height, messages: reading.messages.length }, 'ocr read');
      if (!reading.text) throw new AppError('IMAGE_UNREADABLE', `no message text found (${opts.engine.name}, ${info.width}×${info.height})`);
      const last = reading.messages.filter((m) => m.sentAt).at(-1)?.sentAt;
      return { ...reading, engine: opts.engine.name, sentAt: last ? new Date(last) : null, ms, image: info, childPeakRssBytes: out.childPeakRssBytes };
    },
    close: () => opts.engine.close(),
  };
}
