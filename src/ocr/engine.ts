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
  /** Mean confidence (0–100) of the lines kept in `text`, weighted by characters, when the engine gives one. */
  confidence?: number;
}

export interface OcrEngine {
  /** Shown to the user's flow and logs: "tesseract-js", "tesseract-cli", "vision:<model>". */
  readonly name: string;
  /**
   * Recognises text in an image that inspectImage accepted. Throws AppError OCR_UNAVAILABLE when the engine
   * fails or exceeds its timeout, IMAGE_UNREADABLE when it cannot decode the image.
   */
  recognize(image: Buffer, info: ImageInfo): Promise<EngineOutput>;
  /**
   * Reads an image that is one uniform block of text lines (the collage of bubbles and labels that
   * read-layout.ts builds), returning each line with its box and confidence. Engines without word positions
   * (a vision model) leave it out, and screenshots are then read whole.
   */
  recognizeLines?(image: Buffer, opts?: LineOptions): Promise<RecognizedLine[]>;
  /** Whether recognizeLines can read with a traditional-character model (LineOptions.script). */
  readonly readsTraditional?: boolean;
  /** Releases the worker or client; recognize may start it again afterwards. */
  close(): Promise<void>;
}

/** How recognizeLines reads a collage. */
export interface LineOptions {
  /**
   * The only characters the engine may read (Tesseract's tessedit_char_whitelist), for a collage of time labels:
   * a small grey 昨天 上午9:40 is read within the digits and time words instead of as any of 7,000 characters.
   */
  charset?: string;
  /**
   * 'traditional': read with the traditional-character model. The simplified model reads 還 as 还 and 網 as 网, or
   * misreads them; read-layout.ts decides bubble by bubble which reading to keep (script-choice.ts).
   */
  script?: 'traditional';
}

/** One line of text found by recognizeLines, with its vertical extent in the image and its confidence. */
export interface RecognizedLine {
  text: string;
  /** Mean word confidence weighted by characters, 0–100. */
  conf: number;
  top: number;
  bottom: number;
  /** Characters (code points) in the line's words. */
  chars: number;
  /** The line's words with their own confidences (0–100), when the engine gives them. */
  words?: Array<{ text: string; conf: number }>;
}

/**
 * Page segmentation for a collage of text regions: one uniform block (PSM 6). Each region was scaled to the
 * same glyph height, so Tesseract's own layout analysis (which dropped small grey labels) has nothing to do.
 */
export const BLOCK_PSM = '6';

/** One word row of Tesseract's TSV (level 5), with its paragraph and line keys and its vertical extent. */
interface TsvRow {
  text: string;
  conf: number;
  /** page.block.paragraph */
  para: string;
  line: string;
  top: number;
  bottom: number;
}

/** The word rows of Tesseract's TSV; other levels, the header row and empty words are skipped. */
function* tsvWords(tsv: string): Generator<TsvRow> {
  for (const row of tsv.split('\n')) {
    const c = row.split('\t');
    if (c.length < 12 || c[0] !== '5') continue;
    const text = c.slice(11).join('\t').trim();
    const conf = Number(c[10]);
    if (!text || !Number.isFinite(conf)) continue;
    const top = Number(c[7]);
    yield { text, conf, para: `${c[1]}.${c[2]}.${c[3]}`, line: c[4]!, top, bottom: top + Number(c[9]) };
  }
}

/** Tesseract's TSV as lines with their boxes and confidences, in reading order (words joined by a space). */
export function linesFromTsv(tsv: string): RecognizedLine[] {
  const lines = new Map<string, { words: Array<{ text: string; conf: number }>; conf: number; chars: number; top: number; bottom: number }>();
  for (const { text, conf, para, line: ln, top, bottom } of tsvWords(tsv)) {
    const key = `${para}.${ln}`;
    const n = [...text].length;
    const line = lines.get(key);
    if (!line) lines.set(key, { words: [{ text, conf }], conf: conf * n, chars: n, top, bottom });
    else {
      line.words.push({ text, conf });
      line.conf += conf * n;
      line.chars += n;
      line.top = Math.min(line.top, top);
      line.bottom = Math.max(line.bottom, bottom);
    }
  }
  return [...lines.values()].map((l) => ({ text: l.words.map((w) => w.text).join(' '), conf: l.conf / Math.max(1, l.chars), top: l.top, bottom: l.bottom, chars: l.chars, words: l.words }));
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
  for (const { text, conf, para, line: ln } of tsvWords(tsv)) {
    let lines = paragraphs.get(para);
    if (!lines) paragraphs.set(para, (lines = new Map()));
    const line = lines.get(ln) ?? [];
    line.push({ text, conf });
    lines.set(ln, line);
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

/** The mean confidence (0–100, weighted by characters) of the TSV lines textFromTsv keeps; 0 when none. */
export function keptConfidence(tsv: string, minLineConfidence = MIN_LINE_CONFIDENCE): number {
  const kept = linesFromTsv(tsv).filter((l) => l.conf >= minLineConfidence);
  const chars = kept.reduce((a, l) => a + l.chars, 0);
  return chars === 0 ? 0 : kept.reduce((a, l) => a + l.conf * l.chars, 0) / chars;
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
