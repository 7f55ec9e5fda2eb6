/**
 * Every option of the Telegram bot and its default, in one place.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../paths';
import type { RetryOptions } from './send-queue';
import type { TelegramTexts } from './texts';
import { defaultEvidencePerMinute } from '../rate-limit';
import type { UpdateEnvelope } from './inbound';

/** What became of one update, for metrics and the bench. */
export type UpdateOutcome = 'replied' | 'queued' | 'duplicate' | 'ignored' | 'group_ignored' | 'rate_limited' | 'failed';

export interface TelegramBotOptions {
  /** Bot token from @BotFather. Required. */
  token: string;
  /** Bot API origin (a local Bot API server, or a test server). Default https://api.telegram.org. */
  apiRoot?: string;
  /** Answer in group chats. Default false: the bot stays silent there (button presses are still answered). */
  allowGroups?: boolean;
  /** Messages accepted per user per minute (RATE_LIMIT_PER_MINUTE). Default 20. */
  ratePerMinute?: number;
  /** Forwards and images accepted per user per minute (RATE_LIMIT_EVIDENCE_PER_MINUTE). Default 3 × ratePerMinute, at least 60. */
  evidencePerMinute?: number;
  /** Command descriptions and channel texts; default loaded from `<promptsDir>/telegram.yaml`. */
  texts?: TelegramTexts;
  /** Where telegram.yaml is read from when `texts` is not given. Default the package's prompts/. */
  promptsDir?: string;
  /** Interval of the typing indicator while a turn runs. Default 4 000 ms. */
  typingIntervalMs?: number;
  /** Longest message part sent. Default 4 096 (Telegram's limit). */
  maxMessageLength?: number;
  /** Largest image downloaded. Default 10 MB (the Bot API serves at most 20 MB). */
  maxDownloadBytes?: number;
  /** Time allowed for one download. Default 20 000 ms. */
  downloadTimeoutMs?: number;
  /** Turns queued or running before the update loop waits. Default 1 000. */
  maxPendingTurns?: number;
  /** Retry policy for Bot API calls; see send-queue.ts. Default 5 attempts, 250 ms–5 s backoff. */
  retry?: Partial<RetryOptions>;
  /**
   * Queue for turns (queued.ts): when set, an accepted update is queued for a worker instead of run here; if the
   * queue cannot take it (Redis down), the turn runs here as without a queue.
   */
  jobs?: { enqueue(env: UpdateEnvelope): Promise<void> };
  /** Called once per update when it is done with (replied, ignored, …) and how long that took. */
  onUpdateHandled?: (e: { updateId: number; ms: number; outcome: UpdateOutcome }) => void;
}

export type ResolvedTelegramBotOptions = Required<Omit<TelegramBotOptions, 'texts' | 'onUpdateHandled' | 'retry' | 'jobs'>> &
  Pick<TelegramBotOptions, 'texts' | 'onUpdateHandled' | 'retry' | 'jobs'>;

export const TELEGRAM_BOT_DEFAULTS = {
  apiRoot: 'https://api.telegram.org',
  allowGroups: false,
  ratePerMinute: 20,
  promptsDir: join(PACKAGE_ROOT, 'prompts'),
  typingIntervalMs: 4000,
  maxMessageLength: 4096,
  maxDownloadBytes: 10_000_000,
  downloadTimeoutMs: 20_000,
  maxPendingTurns: 1000,
} as const;

/** Options with every default filled in; undefined values count as unset. */
export function resolveOptions(opts: TelegramBotOptions): ResolvedTelegramBotOptions {
  const set = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as TelegramBotOptions;
  const merged = { ...TELEGRAM_BOT_DEFAULTS, ...set };
  return { ...merged, evidencePerMinute: set.evidencePerMinute ?? defaultEvidencePerMinute(merged.ratePerMinute) };
}
