import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TimelineAdapter, TimelineFilter } from '../data/adapter.js';
import { checkPageResult, TimelineFetchError } from '../data/adapter.js';
import { Retrier, withTimeout } from '../data/retry.js';
import { staleIds, type PageCache } from '../data/cache.js';
import { mergeEvents } from '../data/store.js';
import { parseEvents, type InvalidEvent, type TimelineItem } from '../model/event.js';

export type PagerStatus = 'idle' | 'loading' | 'error';

export interface PagerCallbacks {
  /** Some events of a page were invalid: they were skipped. */
  onInvalid(invalid: InvalidEvent[], clientId: string): void;
  /** A page could not be fetched. */
  onError(error: unknown, clientId: string): void;
  /** A page was merged. */
  onPage(info: { clientId: string; added: number; updated: number; total: number; done: boolean }): void;
  /** Cached events are shown while the newest page is fetched. */
  onCached?(info: { clientId: string; total: number; savedAt: number }): void;
  /** The newest page is about to be merged over cached events (record the reading position now). */
  beforeRevalidate?(clientId: string): void;
}

interface Source {
  adapter: TimelineAdapter;
  clientId: string;
  pageSize: number;
  filter: TimelineFilter;
  /** Where pages are read from at once and written through (stale-while-revalidate). */
  cache?: PageCache | null;
  /** The backend, for the backoff shared by every element using it (the adapter object or the `src` URL); default: `adapter`. */
  retryKey?: unknown;
}

/**
 * Loads a client's history page by page: one request at a time, aborted when
 * the source changes or the host goes away, answers from an old source dropped.
 */
export class PagerController implements ReactiveController {
  items: TimelineItem[] = [];
  status: PagerStatus = 'idle';
  error: unknown = null;
  /** `true` once the adapter said there is nothing older. */
  done = false;
  /** `true` once the first page has arrived (even an empty one), or cached events are shown. */
  started = false;
  /** While the events shown come from the cache and the newest page has not answered: when they were saved (epoch ms). */
  cachedAt: number | null = null;

  private source: Source | null = null;
  private cursor: string | null = null;
  private ids = new Set<string>();
  private inflight: AbortController | null = null;
  /** The newest page of this source has been fetched: later pages go on from `cursor`. */
  private revalidated = false;
  /** Cursors already requested from this source: one coming back means the source loops. */
  private seenCursors = new Set<string>();
  /** A planned automatic retry was dropped by a disconnect: plan it again on reconnect. */
  private resumeRetry = false;
  /** A page was aborted by a disconnect: fetch it again on reconnect. */
  private resumePage = false;
  /** Milliseconds a page may take before it fails with a timeout (and its signal is aborted); 0: no limit. */
  timeoutMs = 30_000;
  /** Automatic retries of transient failures, with a backoff shared per data source. */
  readonly retrier = new Retrier(
    () => this.autoRetry(),
    () => this.host.requestUpdate(),
  );

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: PagerCallbacks,
  ) {
    host.addController(this);
  }

  get clientId(): string | null {
    return this.source?.clientId ?? null;
  }

  get loading(): boolean {
    return this.status === 'loading';
  }

  /** Points the pager at a source; a different source starts over from the newest page. */
  configure(next: Source | null): void {
    const prev = this.source;
    const same =
      prev !== null &&
      next !== null &&
      prev.adapter === next.adapter &&
      prev.clientId === next.clientId &&
      prev.pageSize === next.pageSize &&
      JSON.stringify(prev.filter) === JSON.stringify(next.filter) &&
      (prev.cache?.key ?? null) === (next.cache?.key ?? null);
    if (same || (prev === null && next === null)) return;
    this.abort();
    this.retrier.cancel();
    this.resumeRetry = false;
    this.resumePage = false;
    this.seenCursors = new Set();
    this.source = next;
    this.items = [];
    this.ids = new Set();
    this.cursor = null;
    this.done = false;
    this.started = false;
    this.cachedAt = null;
    this.revalidated = false;
    this.error = null;
    this.status = 'idle';
    this.host.requestUpdate();
    if (next?.cache) void this.seed(next, next.cache);
    if (next) void this.loadMore();
  }

  /** Shows what the cache holds, unless the newest page answered first. */
  private async seed(source: Source, cache: PageCache): Promise<void> {
    const cached = await cache.read();
    if (this.source !== source || this.revalidated || !cached?.items.length) return;
    this.items = cached.items;
    this.ids = new Set(cached.items.map((item) => item.id));
    this.cursor = cached.cursor;
    this.done = cached.done;
    this.cachedAt = cached.savedAt;
    this.started = true;
    this.host.requestUpdate();
    this.callbacks.onCached?.({ clientId: source.clientId, total: this.items.length, savedAt: cached.savedAt });
  }

  /**
   * Fetches the next (older) page unless one is in flight, the history ended, or the last one failed.
   * The first call for a source fetches the newest page, also when cached events are shown.
   */
  async loadMore(): Promise<void> {
    const source = this.source;
    if (!source || this.status !== 'idle' || (this.done && this.revalidated)) return;
    const first = !this.revalidated;
    const cursor = first ? null : this.cursor;
    const controller = new AbortController();
    this.inflight = controller;
    this.status = 'loading';
    this.host.requestUpdate();
    const attempt = this.retrier.start(source.retryKey ?? source.adapter);
    let loop = false;
    try {
      const raw = await withTimeout(
        (signal) => source.adapter.fetchPage({ clientId: source.clientId, cursor, limit: source.pageSize, filter: source.filter, signal }),
        controller.signal,
        this.timeoutMs,
      );
      if (controller.signal.aborted || this.source !== source) return;
      const page = checkPageResult(raw, 'The data source');
      const { items, invalid } = parseEvents(page.events);
      const write = { items, ids: page.events.map(idOf).filter((id) => id !== undefined), first, cursor, nextCursor: page.nextCursor };
      if (first && this.cachedAt !== null) {
        // Revalidating cached events: drop the ones the newest page shows are gone, keep where the cache goes on.
        this.callbacks.beforeRevalidate?.(source.clientId);
        const stale = staleIds(this.items, write);
        if (stale.size) {
          this.items = this.items.filter((item) => !stale.has(item.id));
          for (const id of stale) this.ids.delete(id);
        }
        if (page.nextCursor === null) this.done = true;
        else if (this.cursor === null && !this.done) this.cursor = page.nextCursor;
      }
      const merged = mergeEvents(this.items, items, this.ids);
      this.items = merged.items;
      for (const item of items) this.ids.add(item.id);
      if (!(first && this.cachedAt !== null)) {
        // A cursor that does not move, or comes back, would loop forever: keep the page, stop with an error.
        loop = page.nextCursor !== null && (page.nextCursor === cursor || this.seenCursors.has(page.nextCursor));
        if (cursor !== null) this.seenCursors.add(cursor);
        this.done = page.nextCursor === null;
        if (!loop) this.cursor = page.nextCursor;
      }
      this.revalidated = true;
      this.cachedAt = null;
      this.started = true;
      this.status = 'idle';
      this.inflight = null;
      source.cache?.write(write);
      if (invalid.length) this.callbacks.onInvalid(invalid, source.clientId);
      this.retrier.succeeded(attempt);
      this.callbacks.onPage({ clientId: source.clientId, added: merged.added, updated: merged.updated, total: this.items.length, done: this.done });
      if (loop && this.source === source) {
        this.status = 'error';
        this.error = new TimelineFetchError(
          `The data source answered the cursor "${String(page.nextCursor).slice(0, 80)}" again after "${String(cursor).slice(0, 80)}": paging stopped so it does not loop forever`,
        );
        this.callbacks.onError(this.error, source.clientId);
      }
    } catch (error) {
      if (controller.signal.aborted || this.source !== source) return;
      this.status = 'error';
      this.error = error;
      this.inflight = null;
      this.retrier.failed(attempt, error);
      this.callbacks.onError(error, source.clientId);
    } finally {
      if (this.source === source) this.host.requestUpdate();
    }
  }

  /**
   * Merges events that arrived outside paging (a push, a re-fetched first page) into
   * what is loaded: new ones take their place by time, known ids are replaced.
   * Returns the new items, or `null` before the first page (which will bring them).
   */
  insert(raw: readonly unknown[], clientId: string): TimelineItem[] | null {
    const source = this.source;
    if (!source || source.clientId !== clientId || !this.started) return null;
    const { items, invalid } = parseEvents(raw);
    if (invalid.length) this.callbacks.onInvalid(invalid, source.clientId);
    const fresh = items.filter((item) => !this.ids.has(item.id));
    if (!items.length) return [];
    const merged = mergeEvents(this.items, items, this.ids);
    this.items = merged.items;
    for (const item of items) this.ids.add(item.id);
    this.host.requestUpdate();
    return fresh;
  }

  /** Tries the failed page again now (the user's Retry): the backoff of the source starts over. */
  retry(): Promise<void> {
    if (this.status !== 'error') return Promise.resolve();
    if (this.source) this.retrier.reset(this.source.retryKey ?? this.source.adapter);
    this.status = 'idle';
    this.error = null;
    return this.loadMore();
  }

  /** The backoff wait is over: try the failed page again. */
  private autoRetry(): void {
    if (this.status !== 'error' || !this.source) {
      this.retrier.cancel();
      return;
    }
    this.status = 'idle';
    this.error = null;
    void this.loadMore();
  }

  hostConnected(): void {
    if (this.resumeRetry && this.source && this.status === 'error') this.retrier.resume(this.source.retryKey ?? this.source.adapter);
    this.resumeRetry = false;
    // Coming back after a disconnect that aborted a page: pick up where it stopped.
    const resume = this.resumePage;
    this.resumePage = false;
    if (this.source && this.status === 'idle' && ((!this.done && !this.started) || !this.revalidated || resume)) void this.loadMore();
  }

  hostDisconnected(): void {
    this.resumeRetry = this.retrier.retryAt !== null;
    this.retrier.cancel();
    if (this.inflight) {
      this.abort();
      this.status = 'idle';
      this.resumePage = true;
    }
  }

  private abort(): void {
    this.inflight?.abort();
    this.inflight = null;
  }
}

function idOf(value: unknown): string | undefined {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}
