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

/**
 * Lines whose mean word confidence (weighted by characters) is below this are dropped as noise. On the
 * rendered screenshots, misread icons, input-bar hints under JPEG noise and unreadable grey labels scored 12–42,
 * while every line of message text scored 59 or more (bench/ocr.ts).
 */
export const MIN_LINE_CONFIDENCE = 50;

interface TsvWord {
  text: string;
  conf: number;
}

/**
 * Rebuilds the text from Tesseract's TSV output (the CLI's `tsv` config, tesseract.js' `tsv` output): words
 * joined by a space, lines by \n, paragraphs and blocks separated by a blank line. A line whose confidence is
 * under `minLineConfidence` is dropped and leaves a blank line, so the lines around it are never joined into
 * one bubble. Rows other than words (levels 1–4), the header row and empty words are ignored.
 */
export function textFromTsv(tsv: string, minLineConfidence = MIN_LINE_CONFIDENCE): string {
  const paragraphs = new Map<string, Map<string, TsvWord[]>>();
  for (const row of tsv.split('\n')) {
    const c = row.split('\t');
    if (c.length < 12 || c[0] !== '5') continue;
    const text = c.slice(11).join('\t').trim();
    const conf = Number(c[10]);
    if (!text || !Number.isFinite(conf)) continue;
    const para = `${c[1]}.${c[2]}.${c[3]}`;
    let lines = paragraphs.get(para);
    if (!lines) paragraphs.set(para, (lines = new Map()));
    const line = lines.get(c[4]!) ?? [];
    line.push({ text, conf });
    lines.set(c[4]!, line);
  }
  const out: string[] = [];
  for (const lines of paragraphs.values()) {
    let kept: string[] = [];
    const close = () => {
      if (kept.length > 0) out.push(kept.join('\n'));
      kept = [];
    };
    for (const words of lines.values()) {
      const chars = words.reduce((s, w) => s + [...w.text].length, 0);
      const conf = words.reduce((s, w) => s + w.conf * [...w.text].length, 0) / Math.max(1, chars);
      if (conf < minLineConfidence) close();
      else kept.push(words.map((w) => w.text).join(' '));
    }
    close();
  }
  return out.length > 0 ? `${out.join('\n\n')}\n` : '';
}

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
