/**
 * The one OpenAI-compatible client factory. Everything that talks to a model — answers, embeddings — gets its
 * client here, so OpenAI, DeepSeek, Qwen (DashScope compatible mode), Ollama or any other OpenAI-compatible
 * server is just a different LLM_BASE_URL / LLM_MODEL / LLM_API_KEY.
 */
import OpenAI from 'openai';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import type { Config } from '../config';
import { retryAfterCap, stopOnLongRetryAfter } from './deadline';

export type LlmSettings = Pick<NonNullable<Config['llm']>, 'apiKey' | 'baseURL' | 'model' | 'timeoutMs' | 'embeddingsModel'>;

export interface ChatModelOptions {
  /** Retries after a failed request (429/5xx/network). Default 1: a user is waiting; the offline answer is ready. */
  maxRetries: number;
  /** Default 0.2: answers should be steady, not creative. */
  temperature: number;
  /** Default 900: a phone-screen answer; also bounds cost and latency. */
  maxTokens: number;
}

export const CHAT_MODEL_DEFAULTS: ChatModelOptions = { maxRetries: 1, temperature: 0.2, maxTokens: 900 };

/**
 * A LangChain chat model for `settings`: `configuration.baseURL` points it at any OpenAI-compatible server, and
 * the request timeout is LLM_TIMEOUT_MS. Always the Chat Completions API, which every compatible server speaks.
 * `invoke` sends one JSON request; `stream` reads Server-Sent Events.
 */
export function createChatModel(settings: LlmSettings, options: Partial<ChatModelOptions> = {}): ChatOpenAI {
  const o = { ...CHAT_MODEL_DEFAULTS, ...options };
  return new ChatOpenAI({
    model: settings.model,
    apiKey: settings.apiKey,
    // A Retry-After longer than half the budget is not waited for: the turn's deadline would pass first.
    configuration: { baseURL: settings.baseURL, fetch: retryAfterCap(settings.timeoutMs / 2) },
    timeout: settings.timeoutMs,
    maxRetries: o.maxRetries,
    onFailedAttempt: stopOnLongRetryAfter(settings.timeoutMs / 2),
    temperature: o.temperature,
    maxTokens: o.maxTokens,
    // `streaming` stays unset: `true` makes invoke() estimate token usage with tiktoken, which downloads its
    // encoding from tiktoken.pages.dev (a hang without internet); `false` makes stream() fall back to one chunk.
    // Some compatible servers reject stream_options; usage numbers are not needed.
    streamUsage: false,
    useResponsesApi: false,
  });
}

export interface EmbeddingsOptions {
  /** Texts per request. Default 64: well under every provider's per-request limit (DashScope allows 10–25 for some models: lower it there). */
  batchSize: number;
  /** Default 1. */
  maxRetries: number;
  /**
   * Default 'float': every compatible server speaks it, while some gateways reject 'base64' or ignore it and
   * answer arrays, which the SDK would then decode into garbage. 'base64' (the SDK's own default when the
   * field is omitted) is smaller on the wire and fine against OpenAI itself.
   */
  encodingFormat: 'float' | 'base64';
}

export const EMBEDDINGS_DEFAULTS: EmbeddingsOptions = { batchSize: 64, maxRetries: 1, encodingFormat: 'float' };

/**
 * The embeddings client when LLM_EMBEDDINGS_MODEL is set, else undefined (retrieval then stays lexical).
 */
export function createEmbeddings(settings: LlmSettings, options: Partial<EmbeddingsOptions> = {}): OpenAIEmbeddings | undefined {
  if (!settings.embeddingsModel) return undefined;
  const o = { ...EMBEDDINGS_DEFAULTS, ...options };
  return new OpenAIEmbeddings({
    model: settings.embeddingsModel,
    apiKey: settings.apiKey,
    configuration: { baseURL: settings.baseURL, fetch: retryAfterCap(settings.timeoutMs / 2) },
    timeout: settings.timeoutMs,
    maxRetries: o.maxRetries,
    onFailedAttempt: stopOnLongRetryAfter(settings.timeoutMs / 2),
    batchSize: o.batchSize,
    // Omitting the field makes the SDK request base64 and decode it itself.
    encodingFormat: o.encodingFormat === 'float' ? 'float' : undefined,
  });
}

/**
 * The raw openai SDK client for the same settings, for requests LangChain does not model well (image parts for
 * the vision OCR engine). No retries by default: a user is waiting.
 */
export function createOpenAIClient(settings: Pick<LlmSettings, 'apiKey' | 'baseURL' | 'timeoutMs'>, maxRetries = 0): OpenAI {
  return new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseURL, timeout: settings.timeoutMs, maxRetries, fetch: retryAfterCap(settings.timeoutMs / 2) });
}
