/**
 * Engine choice. Pure cases for every OCR_ENGINE value, then this machine: when the Tesseract CLI is installed
 * `auto` must pick it and it must read a screenshot; when it is not (CI's clean machine), `auto` must fall back
 * to tesseract.js. Either way the test asserts something; nothing is skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { PACKAGE_ROOT } from '../../src/paths';
import { AppError } from '../../src/errors';
import { chooseEngine, createOcr, detectEngines, type EngineAvailability } from '../../src/ocr/create-ocr';
import { createTesseractCliEngine } from '../../src/ocr/tesseract-cli-engine';
import { createChatPostprocessor } from '../../src/ocr/postprocess';
import { loadOcrVocabulary } from '../../src/ocr/vocabulary';
import { characterErrorRate, loadTruth, SCREENSHOTS } from '../../bench/ocr';

jest.setTimeout(60_000);

const cli = { binary: 'tesseract', model: 'script/HanS' };
const all: EngineAvailability = { cli, tesseractJs: true, vision: true };
const npmOnly: EngineAvailability = { tesseractJs: true, vision: false };
const nothing: EngineAvailability = { tesseractJs: false, vision: false };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return undefined;
}

describe('chooseEngine', () => {
  it('auto prefers tesseract.js (lower error rate on our fixtures), then the CLI, then a vision model', () => {
    expect(chooseEngine('auto', all)).toBe('tesseract-js');
    expect(chooseEngine('auto', { ...nothing, cli: all.cli })).toBe('tesseract-cli');
    expect(chooseEngine('auto', npmOnly)).toBe('tesseract-js');
    expect(chooseEngine('auto', { tesseractJs: false, vision: true })).toBe('vision');
    expect(chooseEngine('auto', nothing)).toBeUndefined();
  });

  it('none turns OCR off; an explicit engine that cannot run stops the boot', () => {
    expect(chooseEngine('none', all)).toBeUndefined();
    expect(chooseEngine('vision', all)).toBe('vision');
    expect(codeOf(() => chooseEngine('tesseract-cli', npmOnly))).toBe('OCR_UNAVAILABLE');
    expect(codeOf(() => chooseEngine('vision', npmOnly))).toBe('OCR_UNAVAILABLE');
    expect(codeOf(() => chooseEngine('tesseract-js', nothing))).toBe('OCR_UNAVAILABLE');
  });
});

describe('createOcr on this machine', () => {
  const base = { KNOWLEDGE_DIR: join(PACKAGE_ROOT, 'knowledge'), PROMPTS_DIR: join(PACKAGE_ROOT, 'prompts') };
  const available = detectEngines(loadConfig(base, false));

  it('always has tesseract.js from npm', () => expect(available.tesseractJs).toBe(true));

  it('returns undefined for OCR_ENGINE=none and builds the vision engine only when configured', async () => {
    expect(createOcr(loadConfig({ ...base, OCR_ENGINE: 'none' }, false))).toBeUndefined();
    const vision = createOcr(loadConfig({ ...base, OCR_ENGINE: 'vision', LLM_BASE_URL: 'http://127.0.0.1:9/v1', LLM_VISION_MODEL: 'qwen-vl' }, false));
    expect(vision?.engine).toBe('vision:qwen-vl');
    await vision?.close();
  });

  it('reads traditional characters with a second model unless OCR_TRADITIONAL=false', () => {
    expect(loadConfig(base, false).ocr.traditional).toBe(true);
    expect(loadConfig({ ...base, OCR_TRADITIONAL: 'false' }, false).ocr.traditional).toBe(false);
    expect(codeOf(() => loadConfig({ ...base, OCR_TRADITIONAL: 'sometimes' }, false))).toBeDefined();
  });

  it('auto picks tesseract.js, which npm install always provides', async () => {
    const ocr = createOcr(loadConfig({ ...base, OCR_ENGINE: 'auto' }, false))!;
    try {
      expect(ocr.engine).toBe('tesseract-js');
    } finally {
      await ocr.close();
    }
  });

  it('reads a screenshot with the CLI engine when installed (else: asks for it by name and gets told what to install)', async () => {
    if (!available.cli) {
      expect(codeOf(() => createOcr(loadConfig({ ...base, OCR_ENGINE: 'tesseract-cli' }, false)))).toBe('OCR_UNAVAILABLE');
      return;
    }
    const truth = loadTruth();
    const file = 'sms-android-720x1600.png';
    const engine = createTesseractCliEngine({ ...available.cli, timeoutMs: 30_000 });
    const out = await engine.recognize(readFileSync(join(SCREENSHOTS, file)), { format: 'png', mimeType: 'image/png', width: 720, height: 1600, animated: false });
    const reading = createChatPostprocessor(loadOcrVocabulary(join(PACKAGE_ROOT, 'knowledge', 'ocr'))).process(out.text, new Date(truth.reference));
    expect(characterErrorRate(truth.images[file]!.text, reading.text).cer).toBeLessThanOrEqual(0.1);
    expect(reading.sender).toBe(truth.images[file]!.sender);
    // A timeout kills the child and reports OCR_UNAVAILABLE.
    const slow = createTesseractCliEngine({ ...available.cli, timeoutMs: 1 });
    await expect(slow.recognize(readFileSync(join(SCREENSHOTS, file)), { format: 'png', mimeType: 'image/png', width: 720, height: 1600, animated: false })).rejects.toMatchObject({ code: 'OCR_UNAVAILABLE' });
  });

  it('reports a missing binary as OCR_UNAVAILABLE', async () => {
    const missing = createTesseractCliEngine({ binary: join(PACKAGE_ROOT, 'no-such-tesseract'), model: 'HanS', timeoutMs: 5000 });
    await expect(missing.recognize(Buffer.from('x'), { format: 'png', mimeType: 'image/png', width: 20, height: 20, animated: false })).rejects.toMatchObject({ code: 'OCR_UNAVAILABLE' });
  });
});
