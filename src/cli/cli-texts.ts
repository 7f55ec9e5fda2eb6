/** The terminal's fixed texts, from prompts/cli.yaml (Chinese stays out of the code). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createReplies, type Replies } from '../replies';
import { PACKAGE_ROOT } from '../paths';

const KEYS = ['usage', 'need_text', 'need_question', 'unknown_command', 'ocr_usage', 'web_started', 'port_invalid', 'chat_you', 'chat_bot', 'chat_hint',
  'jsonl_invalid_json', 'jsonl_not_object', 'chat_need_user', 'chat_bad_line', 'chat_bad_time', 'chat_image_unreadable',
  'apr_error_invalid_json', 'apr_error_negative_amount', 'apr_error_no_received', 'apr_error_no_payments', 'apr_error_bad_time',
  'apr_error_not_solvable', 'apr_error_negative_rate', 'apr_error_too_large'];

/** Loads prompts/cli.yaml from `promptsDir` (the package's own by default, for usage errors before config loads). */
export function loadCliTexts(promptsDir = join(PACKAGE_ROOT, 'prompts')): Replies {
  const file = join(promptsDir, 'cli.yaml');
  const map = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
  return createReplies(map, file, KEYS);
}
