/**
 * Failing backends: which errors are worth retrying, how long to wait (exponential
 * backoff with jitter, `Retry-After` honoured), request timeouts, and one backoff
 * state per data source shared by every element that uses it, so that ten
 * timelines on a failing backend send one probe per round, not ten.
 */
import { TimelineFetchError } from './adapter.js';

export interface RetryPolicy {
  /** Delay before the first automatic retry, in ms (doubled after each failure). */
  baseMs: number;
  /** Longest backoff delay, in ms. */
  maxMs: number;
  /** Automatic retries after a failure; then only the manual Retry is left. */
  maxRetries: number;
  /** A `Retry-After` longer than this (ms) is not waited for automatically. */
  maxRetryAfterMs: number;
  /** Source of jitter, in [0, 1). */
  random: () => number;
}

/** The policy of every timeline on the page (tests and hosts may tune it). */
export const retryPolicy: RetryPolicy = {
  baseMs: 1000,
  maxMs: 30_000,
  maxRetries: 4,
  maxRetryAfterMs: 120_000,
  random: Math.random,
};

/** HTTP statuses that say "try again later". */
const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
/** What `fetch` rejects with when the network fails, in Chromium, Firefox and Safari. */
const NETWORK_FAILURE = /failed to fetch|networkerror|load failed|network request failed/i;

/**
 * `true` for errors a later attempt may not have: network failures, 5xx, 408, 425 and 429.
 * Bad answers (invalid envelope, not JSON, 4xx), timeouts and errors of unknown origin are not
 * retried automatically; the manual Retry is there for them.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof TimelineFetchError) {
    if (error.timedOut) return false;
    if (error.network) return true;
    return error.status !== undefined && (TRANSIENT_STATUS.has(error.status) || (error.status >= 500 && error.status <= 599));
  }
  return error instanceof TypeError && NETWORK_FAILURE.test(error.message);
}

/** A `Retry-After` header (seconds or an HTTP date) in ms from `now`; `undefined` when absent or malformed. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Delay before automatic retry number `failures` (1-based): exponential, capped, with
 * "equal jitter" (half fixed, half random) so clients that failed together spread out,
 * and never shorter than what the server asked for in `Retry-After`.
 */
export function backoffDelay(failures: number, retryAfterMs?: number, policy: RetryPolicy = retryPolicy): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  const jittered = exp / 2 + policy.random() * (exp / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * Runs `run` with a signal that is aborted when `signal` is, or after `ms` (then the
 * promise rejects with a `TimelineFetchError` whose `timedOut` is `true`). A synchronous
 * throw of `run` becomes a rejection. `ms` of 0 or less, or not finite: no timeout.
 */
export function withTimeout<T>(run: (signal: AbortSignal) => Promise<T> | T, signal: AbortSignal, ms: number): Promise<T> {
  if (!(ms > 0) || !Number.isFinite(ms)) return new Promise<T>((resolve) => resolve(run(signal)));
  const timeout = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const seconds = ms / 1000;
      const error = new TimelineFetchError(
        `The data source did not answer within ${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`,
        undefined,
        { timedOut: true },
      );
      timeout.abort(error);
      reject(error);
    }, ms);
    // Aborted from outside (a new client, the element went away): stop the clock now, even if the adapter ignores the signal.
    onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  const attempt = new Promise<T>((resolve) => resolve(run(AbortSignal.any([signal, timeout.signal]))));
  return Promise.race([attempt, expired]).finally(() => {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort!);
  });
}

/** The backoff of one data source, shared by every element fetching from it. */
interface SharedBackoff {
  /** Failed rounds in a row. */
  failures: number;
  /** No automatic attempt before this time (epoch ms). */
  until: number;
  /** Bumped by every outcome: a failure is counted once per round, however many elements saw it. */
  round: number;
  /** The element whose automatic attempt is in flight; the others wait for its outcome. */
  prober: Retrier | null;
  waiters: Set<Retrier>;
}

const byObject = new WeakMap<object, SharedBackoff>();
const byString = new Map<string, SharedBackoff>();

function shared(key: unknown): SharedBackoff {
  const map = (typeof key === 'object' && key !== null) || typeof key === 'function' ? byObject : null;
  let state = map ? map.get(key as object) : byString.get(String(key));
  if (!state) {
    state = { failures: 0, until: 0, round: 0, prober: null, waiters: new Set() };
    if (map) map.set(key as object, state);
    else byString.set(String(key), state);
  }
  return state;
}

function forget(key: unknown, state: SharedBackoff): void {
  if (typeof key === 'string' && !state.failures && !state.prober && !state.waiters.size) byString.delete(key);
}

/**
 * A transient failure of a request to the source of `attempt`, counted in its shared backoff: once per round, however
 * many elements (or polls, or exports) saw it; a `Retry-After` extends the wait. `false` for a failure that is not
 * transient (nothing is counted).
 */
function countFailure(attempt: Attempt, error: unknown): boolean {
  if (!isTransient(error)) return false;
  const state = shared(attempt.key);
  const retryAfter = error instanceof TimelineFetchError ? error.retryAfterMs : undefined;
  if (attempt.round === state.round) {
    // The first element to see this round fail counts it; the others saw the same outage.
    state.failures++;
    state.round++;
    state.until = Date.now() + backoffDelay(state.failures, retryAfter);
  } else if (retryAfter !== undefined) {
    state.until = Math.max(state.until, Date.now() + retryAfter);
  }
  return true;
}

/** A request to the source of `attempt` starts (a page, a poll, an export). */
export const startAttempt = (key: unknown): Attempt => ({ key, round: shared(key).round });

/** A request succeeded: the source is healthy again, for every element waiting on it. */
export function noteSuccess(attempt: Attempt): void {
  const state = shared(attempt.key);
  if (state.failures || state.until) {
    state.failures = 0;
    state.until = 0;
    state.round++;
  }
  const waiters = [...state.waiters];
  state.waiters.clear();
  for (const waiter of waiters) waiter.fire();
  forget(attempt.key, state);
}

/** A request outside paging (a poll, an export page) failed: counted in the source's backoff; nothing is planned. */
export function noteFailure(attempt: Attempt, error: unknown): void {
  countFailure(attempt, error);
  forget(attempt.key, shared(attempt.key));
}

/** Milliseconds until the backoff of the source `key` ends; 0 when it is not backing off. */
export function backoffLeft(key: unknown, now = Date.now()): number {
  const state = shared(key);
  const left = Math.max(0, state.until - now);
  forget(key, state);
  return left;
}

/** One request, as `Retrier.start` saw it. */
export interface Attempt {
  readonly key: unknown;
  readonly round: number;
}

/**
 * The automatic retries of one pager. `key` identifies the data source (the adapter
 * object or the `src` URL): elements with the same key share one backoff, and only one
 * of them probes the backend when the wait is over; the others follow its outcome.
 */
export class Retrier {
  /** When the next automatic attempt is due (epoch ms), or `null` when none is planned. */
  retryAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private key: unknown = undefined;

  constructor(
    /** Makes the automatic attempt (the pager's retry of the failed page). */
    private readonly run: () => void,
    /** `retryAt` changed: re-render. */
    private readonly changed: () => void,
  ) {}

  /** A request to `key` starts. */
  start(key: unknown): Attempt {
    return startAttempt(key);
  }

  /** The request succeeded: the source is healthy again, for every element waiting on it. */
  succeeded(attempt: Attempt): void {
    const state = shared(attempt.key);
    if (state.prober === this) state.prober = null;
    noteSuccess(attempt);
  }

  /**
   * The request failed: plans an automatic retry when the error is transient and the
   * source has not failed too often. Returns `true` when one is planned.
   */
  failed(attempt: Attempt, error: unknown): boolean {
    const state = shared(attempt.key);
    if (state.prober === this) state.prober = null;
    this.cancel();
    this.key = attempt.key;
    let planned = false;
    if (countFailure(attempt, error)) {
      const retryAfter = error instanceof TimelineFetchError ? error.retryAfterMs : undefined;
      const tooLong = retryAfter !== undefined && retryAfter > retryPolicy.maxRetryAfterMs;
      planned = state.failures <= retryPolicy.maxRetries && !tooLong;
      if (planned) this.schedule(state);
    }
    // Elements that waited for this probe: wait for the next round, or give up with it.
    const waiters = [...state.waiters];
    state.waiters.clear();
    for (const waiter of waiters) {
      if (planned) waiter.schedule(state);
      else waiter.giveUp();
    }
    return planned;
  }

  /** The user pressed Retry: the source's backoff starts over. */
  reset(key: unknown): void {
    this.cancel();
    const state = shared(key);
    state.failures = 0;
    state.until = 0;
    state.round++;
    forget(key, state);
  }

  /** Plans the automatic retry again after `cancel()` (the element came back), when the source is still backing off. */
  resume(key: unknown): void {
    const state = shared(key);
    if (!state.failures || state.failures > retryPolicy.maxRetries) return;
    this.key = key;
    this.schedule(state);
  }

  /** Drops the planned retry (the source changed, the element went away). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.key !== undefined) {
      const state = shared(this.key);
      state.waiters.delete(this);
      if (state.prober === this) {
        // Our probe will not report: let the next element probe.
        state.prober = null;
        const waiters = [...state.waiters];
        state.waiters.clear();
        for (const waiter of waiters) waiter.schedule(state);
      }
      forget(this.key, state);
    }
    this.key = undefined;
    this.retryAt = null;
  }

  private schedule(state: SharedBackoff): void {
    clearTimeout(this.timer);
    this.retryAt = state.until;
    this.timer = setTimeout(() => this.due(), Math.max(0, state.until - Date.now()));
    this.changed();
  }

  private giveUp(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.retryAt = null;
    this.changed();
  }

  /** The wait is over: probe, unless another element is probing or the wait was extended. */
  private due(): void {
    this.timer = undefined;
    const state = shared(this.key);
    if (state.prober && state.prober !== this) {
      state.waiters.add(this);
      return;
    }
    if (state.until > Date.now() + 5) {
      this.schedule(state);
      return;
    }
    state.prober = this;
    this.fire();
  }

  /** Runs the automatic attempt now (also when the source recovered through another request: `noteSuccess`). */
  fire(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.retryAt = null;
    this.run();
  }
}
