/**
 * The seam between the OCR service and one engine (tesseract.js, the Tesseract CLI, a vision model). An engine
 * only turns checked image bytes into raw text, off the event loop and within its timeout; validation and
 * post-processing are the service's.
 */
import type { ImageInfo } from './image-probe';

/** What one recognition returns. */
export interface EngineOutput {
  /** Raw text, lines separated by \n, blocks / bubbles by a blank line. */
  text: string;
  /** Peak resident memory of a child process used for this image, when the engine runs one and measures it. */
  childPeakRssBytes?: number;
}

export interface OcrEngine {
  /** Shown to the user's flow and logs: "tesseract-js", "tesseract-cli", "vision:<model>". */
  readonly name: string;
  /**
   * Recognises text in an image that inspectImage accepted. Throws AppError OCR_UNAVAILABLE when the engine
   * fails or exceeds its timeout, IMAGE_UNREADABLE when it cannot decode the image.
   */
  recognize(image: Buffer, info: ImageInfo): Promise<EngineOutput>;
  /** Releases the worker or client; recognize may start it again afterwards. */
  close(): Promise<void>;
}

/**
 * Tesseract parameters shared by both Tesseract engines: Sauvola local thresholding keeps the light grey
 * timestamps of chat apps (global Otsu drops them), and skipping the inverted-text retry saves a third of
 * the time on screenshots.
 */
export const TESSERACT_PARAMS: Readonly<Record<string, string>> = {
  thresholding_method: '2',
  tessedit_do_invert: '0',
};

/** Rejects with `onTimeout()` when `work` has not settled within `ms`; clears its timer either way. */
export async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
