/**
 * What a log may say about an error. Messages can echo the request or the user's words (the text of a JSON error, an
 * identifier in an API error), so only the error's class, HTTP status and code are kept.
 */

export interface ErrorSummary {
  name: string;
  status?: number;
  code?: string;
  /** The stack's frames (where, not what): only when asked for, for errors that are bugs. */
  frames?: string[];
}

/** The error's class, HTTP status and code — never its message. Safe for anything thrown, null included. */
export function errorSummary(e: unknown, opts: { frames?: boolean } = {}): ErrorSummary {
  const err = e as { name?: unknown; status?: unknown; code?: unknown; constructor?: { name?: unknown } } | null | undefined;
  const ctor = err?.constructor?.name;
  return {
    name: typeof err?.name === 'string' ? err.name : typeof ctor === 'string' && e !== null && typeof e === 'object' ? ctor : typeof e,
    status: typeof err?.status === 'number' ? err.status : undefined,
    code: typeof err?.code === 'string' ? err.code : undefined,
    frames: opts.frames && e instanceof Error && e.stack
      ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 8).map((l) => l.trim())
      : undefined,
  };
}
