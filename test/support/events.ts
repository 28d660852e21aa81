/**
 * Deterministic event factories and a scripted adapter for tests and stories.
 */
import type { PageQuery, PageResult, TimelineAdapter } from '../../src/data/adapter.js';
import type { TimelineEvent } from '../../src/model/event.js';

export const NOW = Date.parse('2026-11-23T12:00:00Z');
const HOUR = 3_600_000;

const TYPES = ['email.sent', 'call.logged', 'proposal.sent', 'task.completed', 'note.added', 'call.failed', 'email.opened'];
const AUTHORS = ['Ana Rojas', 'Diego Mora', 'Karina Solís'];

/** Event number `i` of a history that goes back one hour per event from `NOW`. */
export function makeEvent(i: number, overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  const type = TYPES[i % TYPES.length];
  return {
    id: `ev-${i}`,
    type,
    occurredAt: new Date(NOW - (i + 1) * HOUR).toISOString(),
    title: `${type} #${i}`,
    author: { name: AUTHORS[i % AUTHORS.length] },
    summary: `Summary of event ${i}`,
    ...(type === 'call.failed' ? { tone: 'failed' as const } : {}),
    detail: { body: `Body of event ${i}` },
    ...overrides,
  };
}

export function makeEvents(count: number, from = 0): TimelineEvent[] {
  return Array.from({ length: count }, (_, k) => makeEvent(from + k));
}

interface Deferred {
  resolve(): void;
  promise: Promise<void>;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { resolve, promise };
}

/**
 * Serves `events` (raw, so invalid ones can be included) page by page with
 * numeric cursors, records every query, and can hold, fail or delay answers.
 */
export class ScriptedAdapter implements TimelineAdapter {
  readonly queries: PageQuery[] = [];
  /** Answers the next N requests with this error. */
  failNext = 0;
  failWith: () => Error = () => new Error('Backend unavailable');
  /** Fails (once) the first request this returns `true` for. */
  failOn: ((query: PageQuery) => boolean) | null = null;
  private gate: Deferred | null = null;

  constructor(public events: unknown[] | ((clientId: string) => unknown[])) {}

  /** Holds every answer until `release()`. */
  hold(): void {
    this.gate ??= deferred();
  }

  release(): void {
    const gate = this.gate;
    this.gate = null;
    gate?.resolve();
  }

  async fetchPage(query: PageQuery): Promise<PageResult> {
    this.queries.push(query);
    if (this.gate) await this.gate.promise;
    if (query.signal.aborted) throw new DOMException('Aborted', 'AbortError');
    if (this.failOn?.(query)) {
      this.failOn = null;
      throw this.failWith();
    }
    if (this.failNext > 0) {
      this.failNext--;
      throw this.failWith();
    }
    const all = typeof this.events === 'function' ? this.events(query.clientId) : this.events;
    const start = query.cursor ? Number(query.cursor) : 0;
    const end = start + query.limit;
    return { events: all.slice(start, end), nextCursor: end < all.length ? String(end) : null };
  }
}

/** A page query for calling an adapter directly (Karina's first page of 20 unless overridden). */
export const pageQuery = (over: Partial<PageQuery> = {}): PageQuery => ({
  clientId: 'karina',
  cursor: null,
  limit: 20,
  filter: {},
  signal: new AbortController().signal,
  ...over,
});

/** Answers the first `answered` requests, then never again (but gives up when aborted). */
export class HangsAfter extends ScriptedAdapter {
  constructor(events: unknown[], private answered: number) {
    super(events);
  }
  override fetchPage(query: PageQuery): Promise<PageResult> {
    if (this.answered-- > 0) return super.fetchPage(query);
    this.queries.push(query);
    return new Promise((_, reject) => query.signal.addEventListener('abort', () => reject(query.signal.reason), { once: true }));
  }
}
