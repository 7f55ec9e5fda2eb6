/** The terminal's fixed texts, from prompts/cli.yaml (Chinese stays out of the code). */
import { join } from 'node:path';
import { readYamlData } from '../knowledge/yaml-cache';
import { createReplies, loadReplies, type Replies } from '../replies';
import { AppError } from '../errors';
import { PACKAGE_ROOT } from '../paths';

const KEYS = ['usage', 'need_text', 'need_question', 'unknown_command', 'ocr_usage', 'web_started', 'port_invalid', 'chat_you', 'chat_bot', 'chat_hint',
  'jsonl_invalid_json', 'jsonl_not_object', 'chat_need_user', 'chat_bad_line', 'chat_bad_time', 'chat_image_unreadable',
  'apr_error_invalid_json', 'apr_error_negative_amount', 'apr_error_no_received', 'apr_error_no_payments', 'apr_error_bad_time',
  'apr_error_not_solvable', 'apr_error_negative_rate', 'apr_error_too_large',
  'jsonl_line_too_long', 'jsonl_need_string', 'jsonl_text_too_long', 'jsonl_bad_time', 'chat_line_too_long', 'error_config', 'error_failed', 'error_start'];

/** Loads prompts/cli.yaml from `promptsDir` (the package's own by default, for usage errors before config loads). */
export function loadCliTexts(promptsDir = join(PACKAGE_ROOT, 'prompts')): Replies {
  const file = join(promptsDir, 'cli.yaml');
  const map = (readYamlData(file) ?? {}) as Record<string, unknown>;
  return createReplies(map, file, KEYS);
}

/**
 * What a failed command prints: the Chinese line first (the error's own reply when it has a useful one, else a
 * general line from cli.yaml), then the operator's detail and hint in English. Never a stack trace.
 */
export function describeFailure(e: unknown, texts: Replies, promptsDir: string): string {
  const err = e instanceof AppError ? e : undefined;
  let chinese = texts.text('error_failed');
  if (err && err.replyKey !== 'internal_error') {
    try {
      chinese = loadReplies(promptsDir).text(err.replyKey);
    } catch {
      // the general line stays
    }
  }
  const detail = err ? `${err.message}\n(${err.hint})` : e instanceof Error ? e.message : String(e);
  return `${chinese}\n${detail}`;
}
