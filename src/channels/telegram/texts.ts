/**
 * Telegram-specific texts from prompts/telegram.yaml: the command menu descriptions and the replies only this
 * channel needs (image download problems). Checked at load, so a missing description stops the boot instead
 * of setMyCommands failing at run time.
 */
import { join } from 'node:path';
import { readYamlData } from '../../knowledge/yaml-cache';
import { AppError } from '../../errors';
import { COMMANDS, type CommandName } from '../../conversation/commands';
import { createReplies } from '../../replies';

export interface TelegramTexts {
  /** Menu description per command, in COMMANDS order. */
  commands: Array<{ command: CommandName; description: string }>;
  /** The reply for `key` (image_too_large, image_download_failed) with {placeholders} filled. */
  text(key: TelegramTextKey, vars?: Record<string, string | number>): string;
}

export const TELEGRAM_TEXT_KEYS = ['image_too_large', 'image_download_failed'] as const;
export type TelegramTextKey = (typeof TELEGRAM_TEXT_KEYS)[number];

/**
 * Validates the parsed YAML of telegram.yaml, naming every bad entry at once. The replies are filled by
 * createReplies (src/replies.ts), the same templating as replies.yaml.
 */
export function createTelegramTexts(data: unknown, source = 'telegram.yaml'): TelegramTexts {
  const map = (data ?? {}) as Record<string, unknown>;
  const cmds = (map.commands ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  for (const c of COMMANDS) {
    const d = cmds[c];
    if (typeof d !== 'string' || d.trim().length === 0 || d.trim().length > 256) problems.push(`commands.${c} (1–256 characters)`);
  }
  for (const k of TELEGRAM_TEXT_KEYS) if (typeof map[k] !== 'string') problems.push(k);
  if (problems.length) throw new AppError('PROMPTS_INVALID', `${source} is missing or has bad entries: ${problems.join(', ')}`);
  const replies = createReplies(map, source, TELEGRAM_TEXT_KEYS);
  return {
    commands: COMMANDS.map((command) => ({ command, description: (cmds[command] as string).trim() })),
    text: (key, vars) => replies.text(key, vars),
  };
}

/** Loads and validates <promptsDir>/telegram.yaml. */
export function loadTelegramTexts(promptsDir: string): TelegramTexts {
  const file = join(promptsDir, 'telegram.yaml');
  let data: unknown;
  try {
    data = readYamlData(file);
  } catch (e) {
    throw new AppError('PROMPTS_INVALID', `${file}: cannot read (${(e as Error).message})`, { cause: e });
  }
  return createTelegramTexts(data, file);
}
