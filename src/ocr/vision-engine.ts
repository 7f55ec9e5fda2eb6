/**
 * A vision-capable model behind an OpenAI-compatible API (LLM_VISION_MODEL with LLM_BASE_URL / LLM_API_KEY)
 * as the OCR engine: the image goes as a data URL in a chat.completions request, the transcription comes back
 * as text in the same layout Tesseract produces, so the same post-processing applies. The image leaves the
 * machine: only for deployments whose operator chose this.
 */
import { readFileSync } from 'node:fs';
import type OpenAI from 'openai';
import { createOpenAIClient } from '../llm/client';
import { AppError } from '../errors';
import type { EngineOutput, OcrEngine } from './engine';

export interface VisionOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  /** The system prompt (knowledge/ocr/vision-prompt.md). */
  prompt: string;
}

/** Reads the transcription prompt from its file. */
export function loadVisionPrompt(file: string): string {
  return readFileSync(file, 'utf8').trim();
}

/** Creates the engine with one SDK client, reused for every image. No retries: the user is waiting. */
export function createVisionEngine(opts: VisionOptions): OcrEngine {
  const client = createOpenAIClient(opts);
  return {
    name: `vision:${opts.model}`,
    async recognize(image, info): Promise<EngineOutput> {
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create({
          model: opts.model,
          temperature: 0,
          messages: [
            { role: 'system', content: opts.prompt },
            {
              role: 'user',
              content: [{ type: 'image_url', image_url: { url: `data:${info.mimeType};base64,${image.toString('base64')}`, detail: 'high' } }],
            },
          ],
        });
      } catch (e) {
        const status = (e as { status?: number }).status;
        const hint = status === 401 ? ' (LLM_API_KEY is wrong)' : status === 404 ? ' (LLM_VISION_MODEL or LLM_BASE_URL is wrong)' : '';
        throw new AppError('OCR_UNAVAILABLE', `vision model ${opts.model} failed${hint}: ${(e as Error).message}`, { cause: e });
      }
      const text = completion.choices[0]?.message?.content;
      return { text: typeof text === 'string' ? text : '' };
    },
    async close() {
      // The SDK keeps no open resources beyond pooled sockets, which close on their own.
    },
  };
}
