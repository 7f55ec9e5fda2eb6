/**
 * The one place the environment is read. Every setting, its default and its effect are in this schema (and
 * in the README's table); boot fails with one message listing every bad key and what to set.
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './errors';
import { PACKAGE_ROOT } from './paths';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const optionalString = z.string().trim().transform((v) => (v === '' ? undefined : v)).optional();
const optionalUrl = (what: string) =>
  optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), `must be an http(s) URL (${what})`);

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
    DATA_DIR: z.string().default('./data'),
    KNOWLEDGE_DIR: z.string().default(join(PACKAGE_ROOT, 'knowledge')),
    PROMPTS_DIR: z.string().default(join(PACKAGE_ROOT, 'prompts')),

    TELEGRAM_BOT_TOKEN: optionalString.refine(
      (v) => v === undefined || /^\d+:[A-Za-z0-9_-]{20,}$/.test(v),
      'looks like "123456:ABC-DEF…" (from @BotFather)',
    ),
    TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org'),
    TELEGRAM_WEBHOOK_URL: optionalUrl('the public https URL Telegram posts updates to'),
    TELEGRAM_WEBHOOK_SECRET: optionalString.refine(
      (v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v),
      '1–256 characters of A-Z a-z 0-9 _ -',
    ),
    TELEGRAM_ALLOW_GROUPS: bool.default(false),

    LLM_API_KEY: optionalString,
    OPENAI_API_KEY: optionalString,
    LLM_BASE_URL: optionalUrl('an OpenAI-compatible endpoint, e.g. https://api.deepseek.com/v1'),
    LLM_MODEL: z.string().default('gpt-4o-mini'),
    LLM_TIMEOUT_MS: int(1000, 300000).default(20000),
    LLM_EMBEDDINGS_MODEL: optionalString,
    LLM_VISION_MODEL: optionalString,

    REDIS_URL: optionalString.refine(
      (v) => v === undefined || /^rediss?:\/\//.test(v),
      'must start with redis:// or rediss://',
    ),
    REDIS_PREFIX: z.string().min(1).default('debtshield:'),
    STATE_TTL_DAYS: int(1, 3650).default(30),
    HISTORY_TURNS: int(2, 200).default(20),
    ENCRYPTION_KEY: optionalString.refine(
      (v) => v === undefined || Buffer.from(v, 'base64').length === 32,
      '32 random bytes in base64: `openssl rand -base64 32`',
    ),

    HTTP_HOST: z.string().default('127.0.0.1'),
    HTTP_PORT: int(0, 65535).default(8080),
    RATE_LIMIT_PER_MINUTE: int(1, 10000).default(20),
    MAX_MESSAGE_CHARS: int(100, 100000).default(4000),
    MAX_EVIDENCE_PER_USER: int(1, 100_000).default(500),
    RATE_LIMIT_EVIDENCE_PER_MINUTE: int(1, 10000).default(60),

    OCR_ENGINE: z.enum(['auto', 'tesseract-cli', 'tesseract-js', 'vision', 'none']).default('auto'),
    OCR_MAX_BYTES: int(1024, 100_000_000).default(10_000_000),
    OCR_MAX_PIXELS: int(10_000, 200_000_000).default(25_000_000),
    OCR_TIMEOUT_MS: int(1000, 300000).default(20000),
    OCR_TRADITIONAL: bool.default(true),

    PROCESS_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
    QUEUE_TURN_CONCURRENCY: int(1, 256).default(4),
    QUEUE_OCR_CONCURRENCY: int(1, 64).default(1),
    QUEUE_LOCK_MS: int(500, 600_000).default(30_000),
    WEB_ALLOWED_HOSTS: optionalString,
    WEB_RATE_LIMIT_PER_IP: int(1, 100_000).default(60),

    WECHAT_TOKEN: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9]{3,32}$/.test(v), '3–32 letters or digits (the Token set in the Official Account console)'),
    WECHAT_APP_ID: optionalString.refine((v) => v === undefined || /^wx[0-9a-f]{16}$/i.test(v), 'looks like "wx" and 16 hex digits (AppID, 公众号 → 设置与开发 → 基本配置)'),
    WECHAT_APP_SECRET: optionalString.refine((v) => v === undefined || /^[0-9a-f]{32}$/i.test(v), '32 hex digits (AppSecret, 基本配置)'),
    WECHAT_ENCODING_AES_KEY: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9]{43}$/.test(v), '43 letters or digits (EncodingAESKey, 基本配置 → 服务器配置)'),
    WECHAT_API_ROOT: z.string().url().default('https://api.weixin.qq.com'),
    WECHAT_PUBLISH_MENU: bool.default(false),
    WECHAT_SEND_PER_MINUTE: int(1, 100_000).default(600),

    WECOM_TOKEN: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9]{3,32}$/.test(v), '3–32 letters or digits (the Token of the app\'s 接收消息 settings)'),
    WECOM_CORP_ID: optionalString.refine((v) => v === undefined || /^w[wx][0-9a-zA-Z]{16}$/.test(v), 'looks like "ww" and 16 characters (企业ID, 我的企业 → 企业信息)'),
    WECOM_AGENT_ID: optionalString.refine((v) => v === undefined || /^\d{1,10}$/.test(v), 'the app\'s AgentId, digits only'),
    WECOM_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{20,64}$/.test(v), 'the app\'s Secret (20–64 characters)'),
    WECOM_ENCODING_AES_KEY: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9]{43}$/.test(v), '43 letters or digits (EncodingAESKey of the app\'s 接收消息 settings)'),
    WECOM_API_ROOT: z.string().url().default('https://qyapi.weixin.qq.com'),
    WECOM_PUBLISH_MENU: bool.default(false),
    WECOM_SEND_PER_MINUTE: int(1, 2000).default(400),
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'required when TELEGRAM_WEBHOOK_URL is set (Telegram echoes it in X-Telegram-Bot-Api-Secret-Token)',
      });
    }
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_BOT_TOKEN'], message: 'required when TELEGRAM_WEBHOOK_URL is set' });
    }
    if (env.WECHAT_TOKEN) {
      for (const k of ['WECHAT_APP_ID', 'WECHAT_APP_SECRET'] as const) {
        if (!env[k]) ctx.addIssue({ code: 'custom', path: [k], message: 'required when WECHAT_TOKEN is set (公众号 → 设置与开发 → 基本配置)' });
      }
    }
    if (env.WECOM_TOKEN) {
      for (const k of ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_ENCODING_AES_KEY'] as const) {
        if (!env[k]) ctx.addIssue({ code: 'custom', path: [k], message: 'required when WECOM_TOKEN is set (WeCom always encrypts callbacks)' });
      }
    }
    if (env.PROCESS_ROLE !== 'all' && !env.REDIS_URL) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: `required with PROCESS_ROLE=${env.PROCESS_ROLE}: web and worker processes share jobs through Redis` });
    }
    if (env.NODE_ENV === 'production' && env.REDIS_URL && !env.ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['ENCRYPTION_KEY'],
        message: 'required in production with REDIS_URL, so every instance encrypts with the same key',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  /** level is undefined when LOG_LEVEL is unset: the bot then logs info, the terminal tools only warnings. */
  log: { level: Env['LOG_LEVEL']; format: 'pretty' | 'json' };
  dataDir: string;
  knowledgeDir: string;
  promptsDir: string;
  telegram?: {
    token: string;
    apiRoot: string;
    webhookUrl?: string;
    webhookSecret?: string;
    allowGroups: boolean;
  };
  llm?: {
    apiKey: string;
    baseURL?: string;
    model: string;
    timeoutMs: number;
    embeddingsModel?: string;
    visionModel?: string;
  };
  redis?: { url: string };
  state: { prefix: string; ttlDays: number; historyTurns: number; encryptionKey?: Buffer };
  http: { host: string; port: number };
  /**
   * ratePerMinute: messages per user per minute; evidencePerMinute: forwards and images per user per minute (a
   * higher limit: evidence often comes in bursts); maxMessageChars: the one length limit on text that enters;
   * maxEvidence: evidence items one user may keep.
   */
  limits: { ratePerMinute: number; evidencePerMinute: number; maxMessageChars: number; maxEvidence: number };
  ocr: {
    engine: Env['OCR_ENGINE'];
    maxBytes: number;
    maxPixels: number;
    timeoutMs: number;
    /**
     * tesseract.js: read bubbles it is unsure of with the traditional-character model too (a second worker, about
     * 60 MB more at peak). Off, one worker reads everything, and bubbles in traditional characters read worse.
     */
    traditional: boolean;
    /** What an OCR child process may see of the environment: the search path, locale and Tesseract's data. */
    childEnv: Record<string, string>;
  };
  /** `web` serves HTTP and enqueues; `worker` runs jobs; `all` does both (the only choice without Redis). */
  role: Env['PROCESS_ROLE'];
  queue: { turnConcurrency: number; ocrConcurrency: number; lockMs: number };
  /** The web chat: Host values it answers to, and requests per IP per minute. */
  web: { allowedHosts: string[]; ratePerIpPerMinute: number };
  /** WeChat Official Account (公众号); plaintext mode when encodingAesKey is unset. */
  wechat?: { token: string; appId: string; appSecret: string; encodingAesKey?: string; apiRoot: string; publishMenu: boolean; sendPerMinute: number };
  /** WeCom (企业微信) self-built app. */
  wecom?: { token: string; corpId: string; agentId: number; secret: string; encodingAesKey: string; apiRoot: string; publishMenu: boolean; sendPerMinute: number };
}

/**
 * Parses the environment into a typed Config. Throws AppError CONFIG_INVALID listing every bad key, its
 * problem and what to set — never just the first one.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, isTty = Boolean(process.stdout.isTTY)): Config {
  const r = envSchema.safeParse(source);
  if (!r.success) {
    const lines = r.error.issues.map((i) => {
      const key = i.path.join('.') || '(environment)';
      const val = source[key];
      const shown = val === undefined ? 'not set' : `set to ${JSON.stringify(maskSecret(key, val))}`;
      return `  ${key} (${shown}): ${i.message}`;
    });
    throw new AppError('CONFIG_INVALID', `Configuration is invalid — fix these and start again:\n${lines.join('\n')}`);
  }
  const e = r.data;
  const apiKey = e.LLM_API_KEY ?? e.OPENAI_API_KEY;
  return {
    env: e.NODE_ENV,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT === 'auto' ? (isTty && e.NODE_ENV !== 'production' ? 'pretty' : 'json') : e.LOG_FORMAT },
    dataDir: resolve(e.DATA_DIR),
    knowledgeDir: resolve(e.KNOWLEDGE_DIR),
    promptsDir: resolve(e.PROMPTS_DIR),
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
          webhookUrl: e.TELEGRAM_WEBHOOK_URL,
          webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
          allowGroups: e.TELEGRAM_ALLOW_GROUPS,
        }
      : undefined,
    llm: apiKey || e.LLM_BASE_URL
      ? {
          // Local servers such as Ollama need no key; the SDK still wants a non-empty string.
          apiKey: apiKey ?? 'no-key',
          baseURL: e.LLM_BASE_URL,
          model: e.LLM_MODEL,
          timeoutMs: e.LLM_TIMEOUT_MS,
          embeddingsModel: e.LLM_EMBEDDINGS_MODEL,
          visionModel: e.LLM_VISION_MODEL,
        }
      : undefined,
    redis: e.REDIS_URL ? { url: e.REDIS_URL } : undefined,
    state: {
      prefix: e.REDIS_PREFIX,
      ttlDays: e.STATE_TTL_DAYS,
      historyTurns: e.HISTORY_TURNS,
      encryptionKey: e.ENCRYPTION_KEY ? Buffer.from(e.ENCRYPTION_KEY, 'base64') : undefined,
    },
    http: { host: e.HTTP_HOST, port: e.HTTP_PORT },
    limits: {
      ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
      evidencePerMinute: e.RATE_LIMIT_EVIDENCE_PER_MINUTE,
      maxMessageChars: e.MAX_MESSAGE_CHARS,
      maxEvidence: e.MAX_EVIDENCE_PER_USER,
    },
    ocr: {
      engine: e.OCR_ENGINE,
      maxBytes: e.OCR_MAX_BYTES,
      maxPixels: e.OCR_MAX_PIXELS,
      timeoutMs: e.OCR_TIMEOUT_MS,
      traditional: e.OCR_TRADITIONAL,
      childEnv: pick(source, ['PATH', 'LANG', 'LC_ALL', 'TESSDATA_PREFIX']),
    },
    role: e.PROCESS_ROLE,
    queue: { turnConcurrency: e.QUEUE_TURN_CONCURRENCY, ocrConcurrency: e.QUEUE_OCR_CONCURRENCY, lockMs: e.QUEUE_LOCK_MS },
    web: {
      allowedHosts: e.WEB_ALLOWED_HOSTS
        ? e.WEB_ALLOWED_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)
        : [...new Set([e.HTTP_HOST, '127.0.0.1', 'localhost'])].map((h) => `${h}:${e.HTTP_PORT}`.toLowerCase()),
      ratePerIpPerMinute: e.WEB_RATE_LIMIT_PER_IP,
    },
    wechat: e.WECHAT_TOKEN
      ? {
          token: e.WECHAT_TOKEN,
          appId: e.WECHAT_APP_ID!,
          appSecret: e.WECHAT_APP_SECRET!,
          encodingAesKey: e.WECHAT_ENCODING_AES_KEY,
          apiRoot: e.WECHAT_API_ROOT.replace(/\/+$/, ''),
          publishMenu: e.WECHAT_PUBLISH_MENU,
          sendPerMinute: e.WECHAT_SEND_PER_MINUTE,
        }
      : undefined,
    wecom: e.WECOM_TOKEN
      ? {
          token: e.WECOM_TOKEN,
          corpId: e.WECOM_CORP_ID!,
          agentId: Number(e.WECOM_AGENT_ID),
          secret: e.WECOM_SECRET!,
          encodingAesKey: e.WECOM_ENCODING_AES_KEY!,
          apiRoot: e.WECOM_API_ROOT.replace(/\/+$/, ''),
          publishMenu: e.WECOM_PUBLISH_MENU,
          sendPerMinute: e.WECOM_SEND_PER_MINUTE,
        }
      : undefined,
  };
}

function pick(source: NodeJS.ProcessEnv, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k]!;
  return out;
}

function maskSecret(key: string, value: string): string {
  return /TOKEN|KEY|SECRET|PASSWORD/.test(key) && value.length > 4 ? `${value.slice(0, 2)}…(${value.length} chars)` : value;
}
