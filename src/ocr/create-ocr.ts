/**
 * Chooses and builds the OCR engine from the config (OCR_ENGINE): `auto` takes tesseract.js with the npm-shipped
 * model (the lower error rate on our fixtures), else the Tesseract CLI, else a configured vision model;
 * an explicit choice that cannot run stops the boot with what to install or set.
 */
import { join } from 'node:path';
import type { Config } from '../config';
import type { CoreLogger } from '../logger';
import { AppError } from '../errors';
import type { OcrEngine } from './engine';
import { createOcrService, type OcrService } from './ocr-service';
import { chiSimLangPath, createTesseractJsEngine } from './tesseract-js-engine';
import { createTesseractCliEngine, detectTesseractCli, type TesseractCliInstall } from './tesseract-cli-engine';
import { createVisionEngine, loadVisionPrompt } from './vision-engine';
import { loadOcrVocabulary } from './vocabulary';
import { defaultOutputGuard } from '../llm/output-guard';

export type EngineChoice = 'tesseract-cli' | 'tesseract-js' | 'vision';

/** What is installed or configured, so the choice is a pure function (and testable on any machine). */
export interface EngineAvailability {
  cli?: TesseractCliInstall;
  tesseractJs: boolean;
  vision: boolean;
}

/** Looks at this machine and config: `tesseract --list-langs`, the chi_sim npm package, LLM_VISION_MODEL. */
export function detectEngines(config: Pick<Config, 'llm'>): EngineAvailability {
  return { cli: detectTesseractCli(), tesseractJs: chiSimLangPath() !== undefined, vision: Boolean(config.llm?.visionModel) };
}

/**
 * The engine OCR_ENGINE asks for on a machine with `available`: undefined for `none`, or for `auto` with nothing
 * usable. Throws AppError OCR_UNAVAILABLE when an explicitly chosen engine cannot run, saying how to fix it.
 */
export function chooseEngine(wanted: Config['ocr']['engine'], available: EngineAvailability): EngineChoice | undefined {
  switch (wanted) {
    case 'none':
      return undefined;
    case 'auto':
      // Measured on our fixtures (npm run bench:ocr): tesseract.js had the lower error rate, so it comes first.
      return available.tesseractJs ? 'tesseract-js' : available.cli ? 'tesseract-cli' : available.vision ? 'vision' : undefined;
    case 'tesseract-cli':
      if (!available.cli) throw new AppError('OCR_UNAVAILABLE', 'OCR_ENGINE=tesseract-cli, but no `tesseract` with a Chinese model: apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-script-hans');
      return wanted;
    case 'tesseract-js':
      if (!available.tesseractJs) throw new AppError('OCR_UNAVAILABLE', 'OCR_ENGINE=tesseract-js, but tesseract.js or @tesseract.js-data/chi_sim is missing: npm install');
      return wanted;
    case 'vision':
      if (!available.vision) throw new AppError('OCR_UNAVAILABLE', 'OCR_ENGINE=vision needs LLM_VISION_MODEL (and LLM_BASE_URL / LLM_API_KEY)');
      return wanted;
  }
}

/**
 * The OcrPort for this config, or undefined when OCR is off (OCR_ENGINE=none, or auto with no engine). Loads
 * knowledge/ocr once; the engine's worker starts on the first image. Call close() on shutdown.
 */
export function createOcr(config: Config, logger?: CoreLogger, available: EngineAvailability = detectEngines(config)): OcrService | undefined {
  const choice = chooseEngine(config.ocr.engine, available);
  if (!choice) {
    logger?.warn({ wanted: config.ocr.engine }, 'no OCR engine: screenshots will be answered with ocr_unavailable');
    return undefined;
  }
  const dir = join(config.knowledgeDir, 'ocr');
  const vocabulary = loadOcrVocabulary(dir);
  const engine = buildEngine(choice, config, available, dir);
  logger?.info({ engine: engine.name }, 'OCR engine ready');
  return createOcrService({ engine, vocabulary, limits: config.ocr, logger });
}

function buildEngine(choice: EngineChoice, config: Config, available: EngineAvailability, dir: string): OcrEngine {
  const timeoutMs = config.ocr.timeoutMs;
  switch (choice) {
    case 'tesseract-cli':
      return createTesseractCliEngine({ ...available.cli!, timeoutMs, env: config.ocr.childEnv });
    case 'tesseract-js':
      return createTesseractJsEngine({ timeoutMs, ...(config.ocr.traditional ? {} : { traditionalLangPath: false as const }) });
    case 'vision': {
      const llm = config.llm!;
      return createVisionEngine({
        apiKey: llm.apiKey, baseURL: llm.baseURL, model: llm.visionModel!, timeoutMs, prompt: loadVisionPrompt(join(dir, 'vision-prompt.md')),
        guard: defaultOutputGuard(config.promptsDir),
      });
    }
  }
}
