/**
 * What a log may say about an error from the model or embeddings API. Their messages can echo the request (the
 * user's words, an identifier), so only the error's class, HTTP status and code are kept.
 */

export interface ErrorSummary {
  name: string;
  status?: number;
  code?: string;
}

/** The error's class, HTTP status and code — never its message. Safe for anything thrown, null included. */
export function errorSummary(e: unknown): ErrorSummary {
  const err = e as { name?: unknown; status?: unknown; code?: unknown; constructor?: { name?: unknown } } | null | undefined;
  const ctor = err?.constructor?.name;
  return {
    name: typeof err?.name === 'string' ? err.name : typeof ctor === 'string' && e !== null && typeof e === 'object' ? ctor : typeof e,
    status: typeof err?.status === 'number' ? err.status : undefined,
    code: typeof err?.code === 'string' ? err.code : undefined,
  };
}
