/**
 * A vision-capable model behind an OpenAI-compatible API (LLM_VISION_MODEL with LLM_BASE_URL / LLM_API_KEY)
 * as the OCR engine: the image goes as a data URL in a chat.completions request, the transcription comes back
 * as text in the same layout Tesseract produces, so the same post-processing applies. The image leaves the
 * machine: only for deployments whose operator chose this.
 */
import { readFileSync } from 'node:fs';
import type OpenAI from 'openai';
import { join } from 'node:path';
import { createOpenAIClient } from '../llm/client';
import { withDeadline } from '../llm/deadline';
import { defaultOutputGuard, type OutputGuard } from '../llm/output-guard';
import { AppError } from '../errors';
import { PACKAGE_ROOT } from '../paths';
import type { EngineOutput, OcrEngine } from './engine';

export interface VisionOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  /** The system prompt (knowledge/ocr/vision-prompt.md). */
  prompt: string;
  /** Checks the transcription (no markup, no prompt text). Default: the package's prompts/output-guard.yaml. */
  guard?: OutputGuard;
}

/** Reads the transcription prompt from its file. */
export function loadVisionPrompt(file: string): string {
  return readFileSync(file, 'utf8').trim();
}

/**
 * Creates the engine with one SDK client, reused for every image. No retries: the user is waiting; timeoutMs is
 * a hard deadline. A transcription the output guard refuses fails like an unreachable model (OCR_UNAVAILABLE),
 * so the user gets the fixed reply, never the model's text.
 */
export function createVisionEngine(opts: VisionOptions): OcrEngine {
  const client = createOpenAIClient(opts);
  const guard = opts.guard ?? defaultOutputGuard(join(PACKAGE_ROOT, 'prompts'));
  return {
    name: `vision:${opts.model}`,
    async recognize(image, info): Promise<EngineOutput> {
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await withDeadline(opts.timeoutMs, (signal) =>
          client.chat.completions.create(
            {
              model: opts.model,
              temperature: 0,
              messages: [
                { role: 'system', content: opts.prompt },
                {
                  role: 'user',
                  content: [{ type: 'image_url', image_url: { url: `data:${info.mimeType};base64,${image.toString('base64')}`, detail: 'high' } }],
                },
              ],
            },
            { signal },
          ),
        );
      } catch (e) {
        const status = (e as { status?: number }).status;
        const hint = status === 401 ? ' (LLM_API_KEY is wrong)' : status === 404 ? ' (LLM_VISION_MODEL or LLM_BASE_URL is wrong)' : '';
        throw new AppError('OCR_UNAVAILABLE', `vision model ${opts.model} failed${hint}: ${(e as Error).message}`, { cause: e });
      }
      const content = completion.choices[0]?.message?.content;
      const checked = guard.checkTranscription(typeof content === 'string' ? content : '', { systemPrompt: opts.prompt });
      if (!checked.ok) throw new AppError('OCR_UNAVAILABLE', `vision model ${opts.model} answered what the output guard refuses: ${checked.violations.join(', ')}`);
      return { text: checked.text };
    },
    async close() {
      // The SDK keeps no open resources beyond pooled sockets, which close on their own.
    },
  };
}
