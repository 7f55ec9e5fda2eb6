/**
 * pino factory. Logs say what happened, never what was said: message text, phone numbers, ID and card numbers
 * and tokens are kept out by redaction paths plus a scrubber over every string logged. One child logger per turn
 * carries a hashed user id (logIdOf in message.ts) and a turn id.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { scrubIdentifiers } from './redact';

export type { Logger } from 'pino';

/** The slice of a logger the LLM paths use (pino and CoreLogger satisfy it). Only ever given counts and codes. */
export interface LeveledLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** The slice of a logger the core uses (pino's child loggers satisfy it). */
export interface CoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): CoreLogger;
}


export interface LoggerOptions {
  level: string;
  format: 'pretty' | 'json';
  /** Where lines go; stdout by default. The terminal chat sends them to stderr. */
  destination?: DestinationStream | NodeJS.WritableStream;
}

/** Keys whose values are never written, wherever they appear one level deep. */
export const REDACT_PATHS = [
  'text', '*.text', 'message', 'question', '*.question', 'caption', '*.caption', 'answer', '*.answer',
  'token', '*.token', 'apiKey', '*.apiKey', 'password', '*.password', 'phone', '*.phone',
  'headers.authorization', '*.headers.authorization', 'headers["x-telegram-bot-api-secret-token"]',
];

/** Creates the root logger. */
export function createLogger(opts: LoggerOptions): Logger {
  const destination =
    opts.format === 'pretty'
      ? pretty({ colorize: false, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', destination: (opts.destination ?? process.stdout) as NodeJS.WritableStream, sync: true })
      : ((opts.destination as DestinationStream | undefined) ?? pino.destination({ dest: 1, sync: false }));
  return pino(
    {
      level: opts.level,
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        // Scrub identifiers from the message string and string arguments: a last line of defence.
        logMethod(args, method) {
          const cleaned = args.map((a) => (typeof a === 'string' ? scrubIdentifiers(a) : a)) as typeof args;
          return method.apply(this, cleaned);
        },
      },
      formatters: {
        log(obj) {
          return scrubObject(obj) as Record<string, unknown>;
        },
      },
      serializers: { err: (e: Error) => scrubObject(pino.stdSerializers.err(e)) },
    },
    destination as DestinationStream,
  );
}

function scrubObject(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return scrubIdentifiers(v);
  if (depth > 4 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => scrubObject(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = scrubObject(x, depth + 1);
  return out;
}
