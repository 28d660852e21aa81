/**
 * The data source: the host's `adapter`, or the built-in HTTP adapter for `src`, and the one way pages are fetched
 * from it. Paging, polling, live refreshes and export all call `fetchPage`, so all of them get the same timeout, the
 * same validation and the same backoff (shared by every element using the adapter object or the `src` URL). Counts a
 * page carries come back with it, as data.
 */
import { checkPageResult, type PageQuery, type TimelineAdapter } from '../data/adapter.js';
import { categoryCounts } from '../data/filter.js';
import { HttpAdapter } from '../data/http-adapter.js';
import { fromWire, type KindSummary } from '../data/summary.js';
import { permissionGate, permittedCounts, type Gate, type TimelinePermissions } from '../data/permissions.js';
import { backoffLeft, noteFailure, noteSuccess, startAttempt, withTimeout, type Retrier } from '../data/retry.js';
import { parseInSlices } from '../data/slices.js';
import type { InvalidEvent, TimelineItem } from '../model/event.js';

export interface SourceInputs {
  adapter: TimelineAdapter | null;
  src: string | null;
  /** Seconds a page may take; 0 or less, or not finite: no limit. */
  timeout: number;
  /** What the signed-in user's role may see. */
  permissions?: TimelinePermissions | null;
}

/** A validated page. */
export interface FetchedPage {
  items: TimelineItem[];
  /** Events that failed validation (skipped). */
  invalid: InvalidEvent[];
  /** Ids of every event of the page, valid or not (the cache drops events a newer page no longer has). */
  ids: string[];
  nextCursor: string | null;
  /** Events per filter category under the filter sent, when the page said; else `null`. */
  counts: Record<string, number> | null;
  /** The status summary the page carried (checked), when the role may see it whole; else `null`. */
  summary: KindSummary[] | null;
  /** Events under the filter sent, and how many newer ones precede the page's first event, when the page said. */
  total: number | null;
  position: number | null;
}

/**
 * The first page a server put in the page with the element (`<script type="application/json" data-first-page>`):
 * the answer to the element's first request for `clientId`, used instead of fetching it.
 */
export interface EmbeddedPage {
  clientId: string;
  page: unknown;
}

export class SourceController {
  /** The adapter pages come from, or `null` without one. */
  adapter: TimelineAdapter | null = null;
  /** Milliseconds a request may take before it fails with a timeout; 0: no limit. */
  timeoutMs = 30_000;
  private given: TimelineAdapter | null = null;
  private src: string | null = null;
  private http: HttpAdapter | null = null;
  private permissions: TimelinePermissions | null = null;
  private gate: Gate | null = null;
  private embedded: EmbeddedPage | null = null;

  /** Takes the element's `adapter`, `src` and `timeout` (call before anything fetches in an update). */
  sync(inputs: SourceInputs): void {
    this.given = inputs.adapter;
    this.src = inputs.src || null;
    if (this.src && this.http?.src !== this.src) this.http = new HttpAdapter(this.src);
    this.adapter = this.given ?? (this.src ? this.http : null);
    this.timeoutMs = Number.isFinite(inputs.timeout) && inputs.timeout > 0 ? inputs.timeout * 1000 : 0;
    if (inputs.permissions !== this.permissions) {
      this.permissions = inputs.permissions ?? null;
      this.gate = permissionGate(this.permissions);
    }
  }

  /**
   * The page a server embedded: it answers the first request for its client (no cursor, no seek), once, as if the
   * source had; it is checked and validated like any page. What is not `{ clientId, page }` is reported and ignored.
   */
  embed(value: unknown): void {
    const { clientId, page } = (value ?? {}) as Partial<EmbeddedPage>;
    if (typeof clientId !== 'string' || !page || typeof page !== 'object') {
      console.warn('<client-timeline> data-first-page: expected { "clientId": "…", "page": { "events": [], "nextCursor": … } }; fetching the first page instead.');
      return;
    }
    this.embedded = { clientId, page };
  }

  /** The embedded page, when it answers `query` (and then never again). */
  private takeEmbedded(query: PageQuery): unknown {
    const embedded = this.embedded;
    if (!embedded || query.clientId !== embedded.clientId || query.cursor !== null || query.before !== undefined || query.at !== undefined) return undefined;
    this.embedded = null;
    return embedded.page;
  }

  /**
   * Keeps what the role may see (the second wall behind the server's): every page, push and cached event goes
   * through this before anything else sees it.
   */
  permitted(items: TimelineItem[]): TimelineItem[] {
    const gate = this.gate;
    return gate ? items.filter(gate) : items;
  }

  /** What the shared backoff is keyed by: the adapter object, or the `src` URL. */
  get retryKey(): unknown {
    return this.given ?? this.src;
  }

  /** `true` when the data source applies the filter itself (`capabilities.filter`). */
  get serverFilters(): boolean {
    return this.adapter?.capabilities?.filter === true;
  }

  /** `true` when the data source fetches the page at a date (`capabilities.seek`). */
  get seeks(): boolean {
    return this.adapter?.capabilities?.seek === true;
  }

  /** Milliseconds until the source's backoff ends; polls and exports wait it out instead of adding load. */
  get backoffLeft(): number {
    return backoffLeft(this.retryKey);
  }

  /**
   * Fetches and validates one page, within the timeout. The outcome counts in the source's shared backoff: through
   * `retrier` (paging, which retries on its own), or on its own (polls, exports). An aborted request rejects with the
   * abort and counts nothing. A long page is validated in slices that yield to the browser (`parseInSlices`): `first`
   * gets the items of its first slice at once, to show while the rest is validated; the page resolves whole.
   */
  async fetchPage(query: PageQuery, retrier?: Retrier, first?: (items: TimelineItem[]) => void): Promise<FetchedPage> {
    const adapter = this.adapter;
    if (!adapter) throw new Error('No data source: set `adapter` or `src`');
    const attempt = retrier ? retrier.start(this.retryKey) : startAttempt(this.retryKey);
    try {
      const embedded = this.takeEmbedded(query);
      const raw = embedded ?? (await withTimeout((signal) => adapter.fetchPage({ ...query, signal }), query.signal, this.timeoutMs));
      query.signal.throwIfAborted();
      const page = checkPageResult(raw, embedded ? 'The embedded first page' : 'The data source');
      if (embedded && adapter instanceof HttpAdapter) adapter.learn(page);
      const { items, invalid } = await parseInSlices(page.events, { signal: query.signal, onFirst: first && ((some) => first(this.permitted(some))) });
      if (retrier) retrier.succeeded(attempt);
      else noteSuccess(attempt);
      const counts = permittedCounts(page.counts ? categoryCounts(page.counts) : null, this.permissions);
      // A summary tells about every record: only for a role that may see everything.
      const summary = this.gate ? null : fromWire(page.summary);
      return { items: this.permitted(items), invalid, ids: page.events.map(idOf).filter((id) => id !== undefined), nextCursor: page.nextCursor, counts, summary, total: page.total ?? null, position: page.position ?? null };
    } catch (error) {
      if (!query.signal.aborted) {
        if (retrier) retrier.failed(attempt, error);
        else noteFailure(attempt, error);
      }
      throw error;
    }
  }
}

function idOf(value: unknown): string | undefined {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}
