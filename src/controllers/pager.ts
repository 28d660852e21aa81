import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TimelineAdapter, TimelineFilter } from '../data/adapter.js';
import { CursorGuard, loopError } from '../data/cursor-guard.js';
import { Retrier } from '../data/retry.js';
import { staleIds, type PageCache } from '../data/cache.js';
import { compareNewestFirst, mergeEvents } from '../data/store.js';
import type { Gap, GapPager, Segment, StretchState } from '../data/gaps.js';
import { lazy } from '../lazy.js';

/** Stretches fetched out of order and their gaps (`data/gaps.ts`): a chunk of its own, needed once a source seeks. */
const stretches = lazy(() => import('../data/gaps.js'));
/** The chunk, or `null` when it cannot be fetched (offline): seeking then does nothing, paging goes on. */
const loaded = () => stretches.load().catch(() => null);
import { parseEvents, type InvalidEvent, type TimelineItem } from '../model/event.js';
import type { KindSummary } from '../data/summary.js';
import type { FetchedPage, SourceController } from './source.js';

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
  /**
   * Events are about to be merged above the reading position (the newest page over cached events, a gap filling
   * from below): record the reading position now.
   */
  beforeRevalidate?(clientId: string): void;
  /** A page's `total` or `position` contradicted what is loaded: clamped or ignored, nothing lost. */
  onPosition?(message: string, clientId: string): void;
}

interface Source {
  /** The adapter (a different one starts over); pages are fetched through the element's `SourceController`. */
  adapter: TimelineAdapter;
  clientId: string;
  pageSize: number;
  /** The filter the source applies: a change starts over. */
  filter: TimelineFilter;
  /**
   * What the source is sent as `query.filter` when it is not `filter`: the whole filter, for a source that does not
   * filter itself (a change does not start over). Default: `filter`.
   */
  sent?: TimelineFilter;
  /** Where pages are read from at once and written through (stale-while-revalidate). */
  cache?: PageCache | null;
  /** Changes when what the role may see does: everything loads again. */
  permissions?: string;
}

/** Counts a page carried, with the filter it was sent. */
export interface PageCounts {
  clientId: string;
  filter: TimelineFilter;
  counts: Record<string, number>;
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
  /** The counts of the latest page that carried some. */
  counts: PageCounts | null = null;
  /** The status summary the source sent with its newest page, if any. */
  summary: KindSummary[] | null = null;
  /** Events in the whole history under the filter, when the source said (`total`); never fewer than are loaded. */
  total: number | null = null;
  /** What is missing between stretches of history fetched out of order (after a seek); one row each in the list. */
  gaps: readonly Gap[] = [];
  /** Those stretches, newest first, while there are gaps (else empty: one stretch from the newest event). */
  private segments: Segment[] = [];
  /** Gaps (by the event below them) that a page sought from below did not shrink: they fill from above. */
  /** (Read and written by `data/gaps.ts`.) */
  stuck = new Set<string>();
  /** `false` once the source answered a seek by position with a page from elsewhere (see `data/gaps.ts`). */
  seeksAt = true;
  /** The cursor that goes on after the last event of each page fetched: where a stretch can be cut (`evict`). */
  private cursorAfter = new Map<string, string | null>();
  /** What the user's Retry, or the automatic one, runs again when a seek or a gap's page failed. */
  private failedRun: (() => Promise<unknown>) | null = null;

  /** The events to show: `items`, or while a long page is validated in slices, `items` with its first slice. */
  get shown(): TimelineItem[] {
    return this.preview?.of === this.inflight ? this.preview.items : this.items;
  }

  private preview: { of: AbortController; items: TimelineItem[] } | null = null;
  private source: Source | null = null;
  private cursor: string | null = null;
  private ids = new Set<string>();
  private inflight: AbortController | null = null;
  /** The newest page of this source has been fetched: later pages go on from `cursor`. */
  private revalidated = false;
  /** Cursors already requested from this source: one coming back means the source loops. */
  private cursors = new CursorGuard();
  /** The page in flight (`settled()`). */
  private inflightPage: Promise<void> | null = null;
  /** A planned automatic retry was dropped by a disconnect: plan it again on reconnect. */
  private resumeRetry = false;
  /** A page was aborted by a disconnect: fetch it again on reconnect. */
  private resumePage = false;
  /** Automatic retries of transient failures, with a backoff shared per data source. */
  readonly retrier = new Retrier(
    () => this.autoRetry(),
    () => this.host.requestUpdate(),
  );

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetcher: SourceController,
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
      (prev.cache?.key ?? null) === (next.cache?.key ?? null) &&
      (prev.permissions ?? '') === (next.permissions ?? '');
    if (same) prev.sent = next.sent;
    if (same || (prev === null && next === null)) return;
    this.abort();
    this.retrier.cancel();
    this.resumeRetry = false;
    this.resumePage = false;
    this.cursors = new CursorGuard();
    this.counts = null;
    this.source = next;
    this.items = [];
    this.ids = new Set();
    this.cursor = null;
    this.done = false;
    this.started = false;
    this.cachedAt = null;
    this.summary = null;
    this.total = null;
    this.gaps = [];
    this.segments = [];
    this.stuck = new Set();
    this.seeksAt = true;
    this.cursorAfter = new Map();
    this.failedRun = null;
    this.revalidated = false;
    this.error = null;
    this.status = 'idle';
    this.host.requestUpdate();
    if (next?.cache) void this.seed(next, next.cache);
    if (next) void this.loadMore();
  }

  /** Shows what the cache holds, unless the newest page answered first. */
  private async seed(source: Source, cache: PageCache): Promise<void> {
    const read = await cache.read();
    // Saved under another role, or before the permissions changed: only what this role may see.
    const cached = read && { ...read, items: this.fetcher.permitted(read.items) };
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
  loadMore(): Promise<void> {
    const source = this.source;
    if (!source || this.status !== 'idle' || (this.done && this.revalidated)) return Promise.resolve();
    const page = this.fetchNext(source);
    this.inflightPage = page;
    return page;
  }

  /** Resolves once the page in flight, if any, has been merged or has failed (or was dropped). */
  settled(): Promise<void> {
    return this.loading && this.inflightPage ? this.inflightPage : Promise.resolve();
  }

  private async fetchNext(source: Source): Promise<void> {
    const first = !this.revalidated;
    const cursor = first ? null : this.cursor;
    const controller = new AbortController();
    this.inflight = controller;
    this.status = 'loading';
    this.host.requestUpdate();
    let loop = false;
    try {
      const filter = source.sent ?? source.filter;
      const page = await this.fetcher.fetchPage({ clientId: source.clientId, cursor, limit: source.pageSize, filter, signal: controller.signal }, this.retrier, (first) => this.showFirst(controller, first));
      if (controller.signal.aborted || this.source !== source) return;
      const { items, invalid } = page;
      this.noteCounts(source.clientId, filter, page);
      if (first) this.summary = page.summary;
      this.notePosition(source.clientId, page, first ? 0 : null);
      const write = { items, ids: page.ids, first, cursor, nextCursor: page.nextCursor };
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
      // The cursor after the page's oldest event (far stretches are dropped where a page ended).
      const oldest = items.length ? items.reduce((a, b) => (compareNewestFirst(a, b) > 0 ? a : b)) : null;
      if (oldest) this.cursorAfter.set(oldest.id, page.nextCursor);
      if (first && this.fetcher.seeks) void loaded();
      // The last stretch grows by the page (when the history has gaps).
      const last = this.segments[this.segments.length - 1];
      if (last && !first && oldest) {
        if (compareNewestFirst(oldest, last.end) > 0) last.end = oldest;
        last.cursor = page.nextCursor;
      }
      if (!(first && this.cachedAt !== null)) {
        // A cursor that does not move, or comes back, would loop forever: keep the page, stop with an error.
        loop = this.cursors.loops(cursor, page.nextCursor);
        this.done = page.nextCursor === null;
        if (!loop) this.cursor = page.nextCursor;
      }
      this.revalidated = true;
      this.cachedAt = null;
      this.started = true;
      this.status = 'idle';
      this.inflight = null;
      if (this.total !== null || this.gaps.length) this.refreshGaps();
      source.cache?.write(write);
      if (invalid.length) this.callbacks.onInvalid(invalid, source.clientId);
      this.callbacks.onPage({ clientId: source.clientId, added: merged.added, updated: merged.updated, total: this.items.length, done: this.done });
      if (loop && this.source === source) {
        this.status = 'error';
        this.error = loopError(cursor, page.nextCursor);
        this.callbacks.onError(this.error, source.clientId);
      }
    } catch (error) {
      if (controller.signal.aborted || this.source !== source) return;
      this.status = 'error';
      this.error = error;
      this.inflight = null;
      this.failedRun = null;
      this.callbacks.onError(error, source.clientId);
    } finally {
      if (this.preview?.of === controller) this.preview = null;
      if (this.source === source) this.host.requestUpdate();
    }
  }

  /** `true` when the source fetches the page at a date (`capabilities.seek`). */
  get seeks(): boolean {
    return this.fetcher.seeks && this.source !== null;
  }

  /**
   * Fetches the page of events at or older than `time` directly, one request whatever the distance, after the page
   * in flight; what lies between it and what was loaded becomes a gap. Resolves `true` when the history holds an
   * event at or before `time` (it is then loaded), `false` when it holds none or the request failed.
   */
  async seek(time: number): Promise<boolean> {
    if (!stretches.value && !(await loaded())) return false;
    await this.settled();
    const source = this.source;
    if (!source || !this.started || this.status !== 'idle') return false;
    const page = await this.request(source, { cursor: null, before: new Date(time).toISOString() }, (p) => this.place(source, p, null), () => this.seek(time));
    return !!page?.items.length;
  }

  /**
   * Fetches a page into gap `key`: from `above` (the events right after the stretch above it), or from `below` (the
   * page that ends about where the stretch below it starts, sought by date; the reading position is kept).
   */
  async fillGap(key: string, from: 'above' | 'below'): Promise<void> {
    // Synchronously once the chunk is there: nothing else starts a request in between.
    const g = stretches.value ?? (await loaded());
    if (g) await g.fillGap(this as unknown as GapPager, key, from);
  }

  /**
   * Fetches the page that starts at `position` in the whole history (`at`: a source that seeks and gave a `total`),
   * one request wherever it is; it becomes a stretch of its own, joined with what it meets. `above`: it lands above
   * the row being read, which stays in place.
   */
  async seekAt(position: number, above = false, again?: () => Promise<unknown>): Promise<boolean> {
    const g = stretches.value ?? (await loaded());
    return g ? g.seekAt(this as unknown as GapPager, position, above, again) : false;
  }

  /** Position in the whole history (0-based) of a loaded event, when known. */
  positionOf(item: TimelineItem): number | null {
    const g = stretches.value;
    if (!g) return null;
    const index = g.indexIn(this.items, item);
    return index < 0 ? null : g.positionAt(this.segments, this.items, index);
  }

  /** Fetches the code that seeks and keeps stretches (once the source seeks). */
  prepareSeek(): Promise<unknown> {
    return loaded();
  }

  /** One page fetched for a seek or a gap: one request at a time, counted in the backoff, answers from an old source dropped. */
  private request(
    source: Source,
    at: { cursor: string | null; before?: string; at?: number },
    apply: (page: FetchedPage) => void,
    again: () => Promise<unknown>,
  ): Promise<FetchedPage | null> {
    const controller = new AbortController();
    this.inflight = controller;
    this.status = 'loading';
    this.host.requestUpdate();
    const run = (async () => {
      try {
        const filter = source.sent ?? source.filter;
        const page = await this.fetcher.fetchPage({ clientId: source.clientId, limit: source.pageSize, filter, signal: controller.signal, ...at }, this.retrier);
        if (controller.signal.aborted || this.source !== source) return null;
        this.status = 'idle';
        this.inflight = null;
        this.failedRun = null;
        this.noteCounts(source.clientId, filter, page);
        const count = this.items.length;
        apply(page);
        // Before anyone hears of the page: awaiting the host's update then sees it merged.
        this.host.requestUpdate();
        if (page.invalid.length) this.callbacks.onInvalid(page.invalid, source.clientId);
        this.callbacks.onPage({ clientId: source.clientId, added: this.items.length - count, updated: 0, total: this.items.length, done: this.done });
        return page;
      } catch (error) {
        if (controller.signal.aborted || this.source !== source) return null;
        this.status = 'error';
        this.error = error;
        this.inflight = null;
        this.failedRun = again;
        this.callbacks.onError(error, source.clientId);
        return null;
      } finally {
        if (this.source === source) this.host.requestUpdate();
      }
    })();
    this.inflightPage = run.then(() => undefined);
    return run;
  }

  /**
   * Merges a page fetched out of order: after segment `extends` (a gap filled from above), or as a stretch of its
   * own (a seek), joined with its neighbours where it meets them.
   */
  private place(source: Source, page: FetchedPage, extend: number | null): void {
    this.notePosition(source.clientId, page, null);
    stretches.value!.placeRun(this.state, page, extend);
    this.settle(source);
  }

  /** The gaps: between stretches, and down to the end of the history when a source that seeks gave its length. */
  private refreshGaps(): void {
    const g = stretches.value;
    const total = this.fetcher.seeks ? this.total : null;
    if (g) g.refreshGaps(this.state, total);
    else if (total !== null && !this.done) {
      void loaded().then((chunk) => {
        if (chunk && this.source) (this.refreshGaps(), this.host.requestUpdate());
      });
    }
  }

  /**
   * Keeps about `keep` events loaded around the one at `center` (an index of `items`) and the newest page: farther
   * stretches are dropped, cut where a page ended, and become gaps that load again when scrolled back into. Returns
   * `true` when events were dropped. Only while nothing is in flight.
   */
  evict(around: TimelineItem | undefined, keep: number): boolean {
    const g = stretches.value;
    if (!g) void loaded();
    if (!g || !this.source || this.status !== 'idle' || !g.evictAround(this.state, around, keep)) return false;
    // The cursors of the dropped stretches will be followed again: that is not a loop.
    this.cursors = new CursorGuard();
    this.settle(this.source);
    this.host.requestUpdate();
    return true;
  }

  /** Joins what meets, derives the gaps and the tail (the cursor and end of the last stretch). */
  private settle(source: Source): void {
    const problems = stretches.value!.settleStretches(this.state);
    for (const problem of problems) this.callbacks.onPosition?.(`The data source's position figures are wrong: ${problem}; ignored, nothing was lost`, source.clientId);
    this.refreshGaps();
  }

  /** What `data/gaps.ts` works on when it places, joins and drops stretches: this pager's own fields. */
  private get state(): StretchState {
    return this as unknown as StretchState;
  }

  /** Keeps the page's `total` (never fewer than loaded) and checks its `position` against what it should be. */
  private notePosition(clientId: string, page: FetchedPage, expected: number | null): void {
    const problems: string[] = [];
    if (page.total !== null) {
      const loaded = this.items.length + page.items.length - page.items.filter((item) => this.ids.has(item.id)).length;
      if (page.total < loaded) problems.push(`it said the history holds ${page.total} events, but ${loaded} are loaded`);
      this.total = Math.max(page.total, loaded);
    }
    if (page.position !== null) {
      if (this.total !== null && page.position > this.total) problems.push(`a page said ${page.position} events precede it, of ${this.total}`);
      else if (expected !== null && page.position !== expected) problems.push(`the newest page said ${page.position} events precede it`);
      if (problems.length) page.position = null;
    }
    for (const problem of problems) this.callbacks.onPosition?.(`The data source's position figures are wrong: ${problem}; clamped, nothing was lost`, clientId);
  }

  /**
   * The first slice of a long page, validated while the rest is: shown (`shown`) until the whole page is merged, as
   * any page is, or the request is dropped. Nothing else sees it: `items`, the cache and the counts wait for the page.
   */
  private showFirst(controller: AbortController, first: TimelineItem[]): void {
    this.preview = { of: controller, items: mergeEvents(this.items, first, this.ids).items };
    this.host.requestUpdate();
  }

  /**
   * Merges events that arrived outside paging (a push, a re-fetched first page) into
   * what is loaded: new ones take their place by time, known ids are replaced.
   * Returns the new items, or `null` before the first page (which will bring them).
   */
  insert(raw: readonly unknown[], clientId: string): TimelineItem[] | null {
    const { items, invalid } = parseEvents(raw);
    return this.merge({ items: this.fetcher.permitted(items), invalid }, clientId);
  }

  /** The same, for a page already fetched and validated (the newest page, polled): its counts are kept too. */
  merge(page: Pick<FetchedPage, 'items' | 'invalid'> & Partial<FetchedPage>, clientId: string, filter?: TimelineFilter): TimelineItem[] | null {
    const source = this.source;
    if (!source || source.clientId !== clientId || !this.started) return null;
    const { items, invalid } = page;
    if (filter && page.counts !== undefined) this.noteCounts(clientId, filter, page as FetchedPage);
    if (invalid.length) this.callbacks.onInvalid(invalid, source.clientId);
    const fresh = items.filter((item) => !this.ids.has(item.id));
    if (!items.length) return [];
    const merged = mergeEvents(this.items, items, this.ids);
    this.items = merged.items;
    for (const item of items) this.ids.add(item.id);
    this.host.requestUpdate();
    return fresh;
  }

  private noteCounts(clientId: string, filter: TimelineFilter, page: FetchedPage): void {
    if (page.counts) this.counts = { clientId, filter, counts: page.counts };
  }

  /** The filter the source is sent with every page (see `Source.sent`). */
  get sentFilter(): TimelineFilter | null {
    return this.source ? (this.source.sent ?? this.source.filter) : null;
  }

  /** Tries the failed page again now (the user's Retry): the backoff of the source starts over. */
  retry(): Promise<void> {
    if (this.status !== 'error') return Promise.resolve();
    if (this.source) this.retrier.reset(this.fetcher.retryKey);
    this.status = 'idle';
    this.error = null;
    return this.again();
  }

  /** The failed request again: a seek's or a gap's, else the next page. */
  private async again(): Promise<void> {
    const run = this.failedRun;
    this.failedRun = null;
    await (run ? run() : this.loadMore());
  }

  /** The backoff wait is over: try the failed page again. */
  private autoRetry(): void {
    if (this.status !== 'error' || !this.source) {
      this.retrier.cancel();
      return;
    }
    this.status = 'idle';
    this.error = null;
    void this.again();
  }

  hostConnected(): void {
    if (this.resumeRetry && this.source && this.status === 'error') this.retrier.resume(this.fetcher.retryKey);
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
