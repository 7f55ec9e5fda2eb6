/**
 * The fixed Chinese replies from prompts/*.yaml (REPLY_FILES). Loaded once at boot; a missing key used by the code or
 * by an error code stops the boot instead of showing a user an empty message.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlData } from './knowledge/yaml-cache';
import { AppError, ERROR_CODES } from './errors';

export interface Replies {
  /** The reply for `key` with {placeholders} filled from `vars`. */
  text(key: string, vars?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** Keys the code uses directly; validated at load together with every error code's reply. */
export const REQUIRED_REPLY_KEYS = [
  'welcome', 'privacy', 'help', 'delete_confirm', 'delete_done', 'delete_cancelled', 'export_header', 'export_empty',
  'evidence_empty', 'evidence_header', 'evidence_saved', 'evidence_not_saved', 'analysis_heading_unlawful',
  'analysis_heading_lawful', 'analysis_lawful_note', 'analysis_debt_note', 'analysis_debt_note_lawful', 'analysis_reply_heading',
  'analysis_standard_note', 'answer_why', 'answer_steps', 'answer_law_button', 'answer_out_of_scope',
  'answer_unsure_note', 'answer_dated_note', 'law_heading', 'law_none', 'law_partial_prefix', 'law_version_note',
  'law_corrected_note', 'image_not_supported_yet', 'button_evidence', 'button_export', 'button_delete_confirm',
  'button_delete_cancel', 'button_reply_template', 'button_more', 'ocr_confirm', 'ocr_button_yes', 'ocr_button_edit',
  'ocr_send_correction', 'ocr_expired', 'delete_expired', 'delete_failed', 'store_read_failed',
  'evidence_sent_at', 'evidence_received_at', 'evidence_call', 'evidence_call_at', 'export_summary_history', 'export_summary_no_history',
  'export_summary_evidence', 'export_summary_last_analysis', 'export_summary_summary', 'citation_removed', 'call_usage',
  'call_saved', 'call_over_limit', 'analysis_payment_warning', 'step_official_pay_label', 'step_official_pay_detail',
  'interest_cap_on_date', 'interest_cap_range', 'interest_rate_compare_over', 'interest_rate_compare_under', 'interest_cap_unverified',
  'interest_cap_after_known', 'law_more', 'ocr_sender_line', 'ocr_bubble_collector', 'ocr_bubble_user', 'ocr_bubble_time',
  'ocr_bubbles_note', 'ocr_button_fix', 'ocr_cmd_side_user', 'ocr_cmd_side_collector', 'ocr_send_fix', 'ocr_send_correction_bubbles',
  'ocr_fix_unknown', 'ocr_no_collector',
  'evidence_not_kept', 'evidence_unreadable', 'evidence_more', 'export_file_header', 'export_file_title', 'export_file_sha256',
  'export_file_json', 'command_too_long', 'image_animated', 'image_not_an_image', 'rate_limited_evidence',
] as const;

/** Builds Replies from a key → template map, checking that every required key (by default: the bot's) is there. */
export function createReplies(
  map: Record<string, unknown>,
  source = 'replies',
  required: readonly string[] = [...REQUIRED_REPLY_KEYS, ...Object.values(ERROR_CODES).map((c) => c.reply)],
): Replies {
  const needed = new Set<string>(required);
  const missing = [...needed].filter((k) => typeof map[k] !== 'string');
  if (missing.length) {
    throw new AppError('PROMPTS_INVALID', `${source} is missing replies: ${missing.join(', ')}`);
  }
  return {
    has: (key) => typeof map[key] === 'string',
    text(key, vars = {}) {
      const tpl = map[key];
      if (typeof tpl !== 'string') throw new AppError('PROMPTS_INVALID', `${source} has no reply "${key}"`);
      return tpl.trim().replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
    },
  };
}

/**
 * The reply files, one per area so each can be edited on its own: replies.yaml (commands, errors, evidence),
 * answers.yaml (the answer composer), analysis.yaml (the analysis's first screen), conversation.yaml (turn understanding, crisis mode, buttons),
 * follow-ups.yaml (follow-up questions about the last reply), interest.yaml (the interest check), screenshot.yaml (the
 * screenshot read-back). A file that is absent is skipped; a key defined in
 * two files stops the boot.
 */
export const REPLY_FILES = ['replies.yaml', 'answers.yaml', 'analysis.yaml', 'conversation.yaml', 'follow-ups.yaml', 'interest.yaml', 'screenshot.yaml'] as const;

/** Loads and merges the reply files under `promptsDir`. */
export function loadReplies(promptsDir: string): Replies {
  const merged: Record<string, unknown> = {};
  for (const name of REPLY_FILES) {
    const file = join(promptsDir, name);
    if (!existsSync(file)) continue;
    let data: unknown;
    try {
      data = readYamlData(file);
    } catch (e) {
      throw new AppError('PROMPTS_INVALID', `${file}: cannot read (${(e as Error).message})`, { cause: e });
    }
    for (const [k, v] of Object.entries((data ?? {}) as Record<string, unknown>)) {
      if (k in merged) throw new AppError('PROMPTS_INVALID', `${file}: reply "${k}" is already defined in another reply file`);
      merged[k] = v;
    }
  }
  return createReplies(merged, join(promptsDir, 'replies.yaml'));
}
