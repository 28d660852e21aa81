/** The message of anything thrown: an `Error`'s message, else its text. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** What went wrong, in the terms a person is told (`Messages.failure`); the technical message stays in Details. */
export type FailureKind = 'timeout' | 'offline' | 'unreachable' | 'busy' | 'server' | 'denied' | 'missing' | 'unreadable' | 'unknown';

/** Reads a `TimelineFetchError` (or any error with its fields) into a `FailureKind`. */
export function failureKind(error: unknown): FailureKind {
  const e = (error && typeof error === 'object' ? error : {}) as { timedOut?: unknown; network?: unknown; status?: unknown; name?: unknown };
  if (e.timedOut === true) return 'timeout';
  if (e.network === true) return globalThis.navigator?.onLine === false ? 'offline' : 'unreachable';
  const status = typeof e.status === 'number' ? e.status : null;
  if (status === 401 || status === 403) return 'denied';
  if (status === 404 || status === 410) return 'missing';
  if (status === 429) return 'busy';
  if (status !== null && status >= 500) return status === 503 ? 'busy' : 'server';
  // An answer that came but could not be read (not JSON, not a page).
  if (e.name === 'TimelineFetchError' || error instanceof SyntaxError) return 'unreadable';
  return 'unknown';
}
