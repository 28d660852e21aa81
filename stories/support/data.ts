/**
 * Deterministic data for the stories: the demo's seeded clients (demo/server/seed-data.mjs)
 * at a fixed "now", served page by page from memory, plus adapters for the loading and error states.
 */
import { buildDataset, DEFAULT_SEED } from '../../demo/server/seed-data.mjs';
import { TimelineFetchError, type AdapterCapabilities, type PageQuery, type PageResult, type TimelineAdapter } from '../../src/data/adapter.js';
import type { TimelineEvent } from '../../src/model/event.js';

/** The clock every story is pinned to (the element's `now`), the same instant the tests use. */
export const NOW = Date.parse('2026-11-23T12:00:00Z');

/**
 * Media (avatars) are linked relative to the page: Storybook's dev server serves them with the
 * demo's media middleware, the static build ships them next to iframe.html (see .storybook/vite.config.ts).
 */
export const MEDIA_BASE = './api/';

const dataset = buildDataset({ seed: DEFAULT_SEED, now: NOW, base: MEDIA_BASE });

export type ClientId = 'karina' | 'twozo' | 'octopus' | 'lucia' | 'big' | 'empty';

/** Anything that yields the events of a history by position, newest first. */
export interface EventSource {
  size: number;
  at(i: number): unknown;
}

export const listSource = (events: readonly unknown[]): EventSource => ({ size: events.length, at: (i) => events[i] });

export function clientSource(id: ClientId): EventSource {
  const store = dataset.clients.get(id);
  if (!store) throw new Error(`Unknown seeded client "${id}"`);
  return store;
}

function matches(event: TimelineEvent, query: PageQuery): boolean {
  const { types, search, statuses, recordTypes, recordId } = query.filter;
  if (types?.length && !types.some((t) => event.type === t || event.type.startsWith(`${t}.`))) return false;
  if (recordId && event.record?.id !== recordId) return false;
  if (recordTypes?.length && !recordTypes.includes(event.record?.type || event.type.split('.')[0])) return false;
  if (statuses?.length && !statuses.some((s) => s.trim().toLocaleLowerCase() === event.status?.trim().toLocaleLowerCase())) return false;
  if (search?.trim()) {
    const needle = search.trim().toLocaleLowerCase();
    const haystack = [event.title, event.summary, event.author?.name, event.detail?.subject, event.detail?.body].join('\n');
    if (!haystack.toLocaleLowerCase().includes(needle)) return false;
  }
  return true;
}

export interface MemoryAdapterOptions {
  /** Milliseconds before each answer (0: next task). */
  latencyMs?: number;
  /** Honour `before` (seek) and answer `total` / `position`. */
  seek?: boolean;
  /** Fails these request numbers (0 = the first request) with an HTTP-like error. */
  failRequests?: number[];
  /**
   * The failures' `Retry-After`, in ms. Longer than the element waits by itself (two minutes), it stays failed until
   * Retry is pressed; without it the element retries with backoff, and the next request succeeds.
   */
  retryAfterMs?: number;
}

/**
 * Serves a history from memory with numeric cursors, honouring the `types`, `search`, `statuses`, `recordTypes` and
 * `recordId` filters (it sends no status summary: the element summarises what is loaded).
 * With no filter a page at any depth costs O(limit), so the 100,000-event client scrolls freely.
 */
export class MemoryAdapter implements TimelineAdapter {
  requests = 0;
  readonly capabilities: AdapterCapabilities;

  constructor(
    readonly source: EventSource,
    readonly options: MemoryAdapterOptions = {},
  ) {
    this.capabilities = { seek: options.seek === true };
  }

  async fetchPage(query: PageQuery): Promise<PageResult> {
    const n = this.requests++;
    await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs ?? 0));
    if (query.signal.aborted) throw new DOMException('Aborted', 'AbortError');
    if (this.options.failRequests?.includes(n)) {
      throw new TimelineFetchError('/api/timeline answered HTTP 503 Service Unavailable: the CRM is under maintenance', 503, { retryAfterMs: this.options.retryAfterMs });
    }
    const { source } = this;
    const { types, search, statuses, recordTypes, recordId } = query.filter;
    const filtered = Boolean(types?.length || search?.trim() || statuses?.length || recordTypes?.length || recordId);
    const events: unknown[] = [];
    // A seek: the first event at or before the instant, by binary search over the history (newest first).
    const before = this.options.seek && query.before ? Date.parse(query.before) : NaN;
    let i = this.options.seek && query.at !== undefined ? query.at : Number.isNaN(before) ? (query.cursor ? Number(query.cursor) : 0) : firstAtOrBefore(source, before);
    const start = i;
    for (; i < source.size && events.length < query.limit; i++) {
      const event = source.at(i);
      if (!filtered || matches(event as TimelineEvent, query)) events.push(event);
    }
    const page: PageResult = { events, nextCursor: i < source.size ? String(i) : null };
    // Where the page sits, when it can be told cheaply (no filter).
    if (this.options.seek && !filtered) Object.assign(page, { total: source.size, position: start });
    return page;
  }
}

function firstAtOrBefore(source: EventSource, time: number): number {
  let lo = 0;
  let hi = source.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (Date.parse((source.at(mid) as TimelineEvent).occurredAt) <= time) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Never answers (until the element lets go of the request): the loading skeleton. */
export const pendingAdapter: TimelineAdapter = {
  fetchPage: ({ signal }) =>
    new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')))),
};

/** A MemoryAdapter that also pushes events (`subscribe`), as a live CRM would. */
export class LiveMemoryAdapter extends MemoryAdapter {
  private listeners = new Set<(events: unknown[]) => void>();

  subscribe(_clientId: string, onEvents: (events: unknown[]) => void): () => void {
    this.listeners.add(onEvents);
    return () => this.listeners.delete(onEvents);
  }

  /** Sends `events` to every subscribed element; how many were listening. */
  push(events: unknown[]): number {
    for (const listener of this.listeners) listener(events);
    return this.listeners.size;
  }
}
