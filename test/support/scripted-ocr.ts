/** An OcrPort that takes `delayMs` and reads `text`: a stand-in engine for tests of timing, not of OCR. */
import type { OcrPort } from '../../src/ocr/port';

export function scriptedOcr(delayMs: number, text = '明天不还钱就上门泼油漆'): OcrPort & { reads: number } {
  const port = {
    reads: 0,
    async read() {
      port.reads++;
      await new Promise((r) => setTimeout(r, delayMs));
      return { text, engine: 'scripted', sender: null, sentAt: null, messages: [{ text }] };
    },
  };
  return port;
}
