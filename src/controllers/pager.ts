import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TimelineAdapter, TimelineFilter } from '../data/adapter.js';
import { checkPageResult } from '../data/adapter.js';
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
    try {
      const raw = await source.adapter.fetchPage({
        clientId: source.clientId,
        cursor,
        limit: source.pageSize,
        filter: source.filter,
        signal: controller.signal,
      });
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
        // A cursor that does not move would loop forever: treat it as the end.
        this.done = page.nextCursor === null || page.nextCursor === cursor;
        this.cursor = page.nextCursor;
      }
      this.revalidated = true;
      this.cachedAt = null;
      this.started = true;
      this.status = 'idle';
      this.inflight = null;
      source.cache?.write(write);
      if (invalid.length) this.callbacks.onInvalid(invalid, source.clientId);
      this.callbacks.onPage({ clientId: source.clientId, added: merged.added, updated: merged.updated, total: this.items.length, done: this.done });
    } catch (error) {
      if (controller.signal.aborted || this.source !== source) return;
      this.status = 'error';
      this.error = error;
      this.inflight = null;
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

  /** Tries the failed page again. */
  retry(): Promise<void> {
    if (this.status !== 'error') return Promise.resolve();
    this.status = 'idle';
    this.error = null;
    return this.loadMore();
  }

  hostConnected(): void {
    // Coming back after a disconnect that aborted a page: pick up where it stopped.
    if (this.source && this.status === 'idle' && ((!this.done && !this.started) || !this.revalidated)) void this.loadMore();
  }

  hostDisconnected(): void {
    if (this.inflight) {
      this.abort();
      this.status = 'idle';
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
