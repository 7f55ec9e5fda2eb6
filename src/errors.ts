/**
 * Every error the app raises on purpose has a code from this registry. Each code names the fixed Chinese reply
 * a user sees (from prompts/replies.yaml) and, for operators, says what to do. Stack traces and raw messages
 * never reach users.
 */

export const ERROR_CODES = {
  CONFIG_INVALID: { reply: 'internal_error', hint: 'Fix the listed environment variables (see README, 配置).' },
  KNOWLEDGE_INVALID: { reply: 'internal_error', hint: 'Fix the listed knowledge/ files; every entry is named.' },
  PROMPTS_INVALID: { reply: 'internal_error', hint: 'Fix prompts/: a template or reply is missing or malformed.' },
  EMPTY_MESSAGE: { reply: 'empty_message', hint: 'The user sent nothing readable.' },
  MESSAGE_TOO_LONG: { reply: 'message_too_long', hint: 'Only the first part was analysed.' },
  BINARY_CONTENT: { reply: 'binary_content', hint: 'The text was not readable text.' },
  UNSUPPORTED_FILE: { reply: 'unsupported_file', hint: 'Only images (screenshots) and text are read.' },
  IMAGE_UNREADABLE: { reply: 'image_unreadable', hint: 'The image could not be decoded or held no text.' },
  OCR_UNAVAILABLE: { reply: 'ocr_unavailable', hint: 'No OCR engine is configured or it failed to start.' },
  STORE_UNAVAILABLE: { reply: 'store_unavailable', hint: 'Check REDIS_URL and that Redis is running.' },
  EVIDENCE_LIMIT: { reply: 'evidence_limit', hint: 'The user keeps MAX_EVIDENCE_PER_USER items already: nothing new is stored until they /export and /delete, or the cap is raised.' },
  DATA_DIR_UNWRITABLE: {
    reply: 'data_dir_unwritable',
    hint: 'DATA_DIR must be a folder this user can write (it holds the encryption key and the embedded store): set DATA_DIR=/path/to/a/writable/folder (a volume in Docker), fix its permissions, or set REDIS_URL and ENCRYPTION_KEY to keep nothing on this disk.',
  },
  LLM_UNAVAILABLE: { reply: 'llm_fallback', hint: 'Check LLM_BASE_URL, LLM_API_KEY and LLM_MODEL; the offline answer was used.' },
  RATE_LIMITED: { reply: 'rate_limited', hint: 'The user sent more messages than RATE_LIMIT_PER_MINUTE allows.' },
  UNKNOWN_COMMAND: { reply: 'unknown_command', hint: 'The command is not one the bot knows.' },
  INTERNAL: { reply: 'internal_error', hint: 'A bug: see the log entry with this turn id.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error with a registry code, an operator hint, an optional cause, and the key of the user's reply. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly replyKey: string;
  readonly hint: string;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.replyKey = ERROR_CODES[code].reply;
    this.hint = ERROR_CODES[code].hint;
  }
}

/** Wraps anything thrown into an AppError (INTERNAL unless it already is one). */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  return new AppError('INTERNAL', e instanceof Error ? e.message : String(e), { cause: e });
}
