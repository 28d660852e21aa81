import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { styles } from './client-timeline.styles.js';
import { TimelineLayout } from './timeline-layout.js';
import { ClockController } from './controllers/clock.js';
import { FastScrollController } from './controllers/fast-scroll.js';
import { FeedFocusController } from './controllers/feed-focus.js';
import { PagerController } from './controllers/pager.js';
import { clearCache, DEFAULT_MAX_CLIENTS, DEFAULT_MAX_EVENTS, TimelineCache, type CacheLimits, type CacheMode, type PageCache } from './data/cache.js';
import type { TimelineAdapter, TimelineFilter } from './data/adapter.js';
import { HttpAdapter } from './data/http-adapter.js';
import { emit } from './events.js';
import { Formatters } from './i18n/format.js';
import { loadMessages, mergeMessages, messagesFor, messagesReady, type MessageOverrides, type Messages } from './i18n/messages.js';
import type { TimelineItem } from './model/event.js';
import type { RenderContext } from './render/context.js';
import { buildRows, type Row } from './data/rows.js';
import { catalogVersion, localCategoryLabel } from './model/catalog.js';
import { prefetchDetail, renderRow, renderRowPlaceholder } from './render/row.js';
import { checkPageResult } from './data/adapter.js';
import {
  adapterFilter,
  authorsOf,
  boundOf,
  categoryCounts,
  categoryKeyOf,
  filterCategories,
  isFilterActive,
  localDate,
  localParts,
  matcher,
  parseList,
  searchPattern,
  typesActive,
  type FilterState,
} from './data/filter.js';
import type { ExportFormat } from './controllers/export.js';

/** CSV/JSON writing and paging for export: a chunk of its own, fetched on the first export. */
const loadExport = () => import('./controllers/export.js');
import { LiveController } from './controllers/live.js';
import { captureAnchor, restoreAnchor, type ScrollAnchor } from './controllers/scroll-anchor.js';
import { renderFilterBar, type DatePreset, type FilterBarActions } from './render/filter-bar.js';
import { markMatches } from './render/highlight.js';
import { renderFailureBar, renderListState, renderOverlay, renderSentinel, type Progress, type StateView } from './render/states.js';
import { listView, type ListView } from './data/view.js';

/** Comma-list attributes (`types="email,call"`); no attribute is `null`. */
const listAttribute = {
  fromAttribute: (value: string | null) => parseList(value),
  toAttribute: (value: readonly string[] | null) => (Array.isArray(value) ? value.join(',') : null),
};
/** Same, for lists where "none given" is the empty list. */
const optionalListAttribute = {
  fromAttribute: (value: string | null) => parseList(value) ?? [],
  toAttribute: (value: readonly string[] | null) => (Array.isArray(value) && value.length ? value.join(',') : null),
};
/** Text attributes that disappear when empty. */
const optionalText = {
  fromAttribute: (value: string | null) => value ?? '',
  toAttribute: (value: string | null) => (value ? value : null),
};
const SEARCH_DEBOUNCE_MS = 250;
const DAY_MS = 86_400_000;

/** Formatters for a locale and time zone; an unknown zone is reported and the viewer's is used. */
function formattersFor(locale: string, timeZone: string | null): Formatters {
  try {
    return new Formatters(locale, { timeZone });
  } catch (error) {
    console.warn(`<client-timeline> time-zone: ${error instanceof Error ? error.message : String(error)}; using the viewer's time zone.`);
    return new Formatters(locale);
  }
}

/** Rows past the last rendered one at which the next page is requested. */
const PREFETCH_ROWS = 15;

type Sentinel = { readonly sentinel: 'loading' | 'end' };
type ListEntry = Row | Sentinel;
const LOADING: Sentinel = { sentinel: 'loading' };
const END: Sentinel = { sentinel: 'end' };
// The virtualizer may ask for the key of an index past a shrunken list: tolerate `undefined`.
const isSentinel = (entry: ListEntry | undefined): entry is Sentinel => !!entry && 'sentinel' in entry;

/**
 * A client's activity history (emails, calls, proposals, tasks, notes, …),
 * newest first, as a virtualized, accessible feed that loads older pages as
 * the user scrolls. Each event expands in place to show its detail.
 *
 * Give it a data source, either an `adapter` object or a `src` URL for the
 * built-in HTTP adapter, and a `client-id`.
 *
 * @tagname client-timeline
 * @summary Embeddable, virtualized client activity timeline.
 *
 * @fires {CustomEvent<TimelineErrorDetail>} timeline-error - A page could not be fetched: `{ kind: "fetch", message, clientId, error }`; what is on screen stays and a Retry button is shown. Or a page held events that failed validation: `{ kind: "invalid-events", message, clientId, invalid: [{ index, id?, problems[] }] }`; they were skipped (once per page), the valid ones rendered. Or the saved-activity cache (IndexedDB) is missing, failed, is blocked or full: `{ kind: "cache", message, clientId, error }`; nothing on screen is lost and the element caches in memory for this page instead (reported once per element). Bubbles, composed.
 * @fires {CustomEvent<TimelineToggleDetail>} timeline-toggle - An event was expanded or collapsed: `{ id, expanded }`. Bubbles, composed.
 * @fires {CustomEvent<TimelinePageDetail>} timeline-page - A page was loaded and merged: `{ clientId, added, updated, total, done }`. Bubbles, composed.
 * @fires {CustomEvent<TimelineOpenDetail>} timeline-open - The user follows the link to an event's record: `{ id, type, url, record? }`. Cancelable: `preventDefault()` keeps the link from opening so the host app can route inside itself. Bubbles, composed.
 *
 * @cssprop [--ct-surface=#ffffff] - Background (dark: `#0d1117`).
 * @cssprop [--ct-text=#1f2328] - Main text colour (dark: `#f0f6fc`).
 * @cssprop [--ct-muted=#59636e] - Secondary text: times, authors, summaries, day headers (dark: `#9198a1`).
 * @cssprop [--ct-border=#d1d9e0] - Borders and row separators (dark: `#3d444d`).
 * @cssprop [--ct-accent=#0969da] - Links, the new-events pill and the default icon colour (dark: `#4493f8`).
 * @cssprop [--ct-on-accent=#ffffff] - Text on the accent colour (dark: `#0d1117`).
 * @cssprop [--ct-focus=#0969da] - Focus ring (dark: `#4493f8`).
 * @cssprop [--ct-focus-width=2px] - Width of the focus ring.
 * @cssprop [--ct-hover=#f6f8fa] - Background of hovered buttons and menu items (dark: `#151b23`).
 * @cssprop [--ct-detail-surface=#f6f8fa] - Background of an expanded detail (dark: `#151b23`).
 * @cssprop [--ct-skeleton=#eaeef2] - Placeholder bars while loading (dark: `#262c36`).
 * @cssprop [--ct-failed=#cf222e] - Failed events (e.g. a failed call) and errors (dark: `#f85149`).
 * @cssprop [--ct-success=#1a7f37] - Successful outcomes (dark: `#3fb950`).
 * @cssprop [--ct-warning=#9a6700] - Events that need attention (dark: `#d29922`).
 * @cssprop [--ct-match=#fff8c5] - Background of search matches in rows (dark: `#4d3a0c`).
 * @cssprop [--ct-match-border=#9a6700] - Outline of search matches in rows (dark: `#d29922`).
 * @cssprop [--ct-cat-email=#0969da] - Icon colour of emails (dark: `#4493f8`).
 * @cssprop [--ct-cat-call=#1a7f37] - Icon colour of calls (dark: `#3fb950`).
 * @cssprop [--ct-cat-meeting=#8250df] - Icon colour of meetings (dark: `#ab7df8`).
 * @cssprop [--ct-cat-task=#0a7c86] - Icon colour of tasks (dark: `#39c5cf`).
 * @cssprop [--ct-cat-note=#9a6700] - Icon colour of notes (dark: `#d29922`).
 * @cssprop [--ct-cat-deal=#bf3989] - Icon colour of proposals, deals and quotes (dark: `#db61a2`).
 * @cssprop [--ct-cat-billing=#1f6feb] - Icon colour of invoices and payments (dark: `#58a6ff`).
 * @cssprop [--ct-cat-file=#57606a] - Icon colour of files and attachments (dark: `#9198a1`).
 * @cssprop [--ct-cat-chat=#0550ae] - Icon colour of chats (dark: `#79c0ff`).
 * @cssprop [--ct-cat-update=#6e7781] - Icon colour of record updates: field changes, assignments, lifecycle, merges (dark: `#9198a1`).
 * @cssprop [--ct-cat-other=#59636e] - Icon colour of other events (dark: `#9198a1`).
 * @cssprop [--ct-status-blue=#0550ae] - Status chips such as Open, Sent (dark: `#4493f8`).
 * @cssprop [--ct-status-red=#a40e26] - Status chips such as Overdue, Expired, Declined (dark: `#f85149`).
 * @cssprop [--ct-status-green=#116329] - Status chips such as Closed, Paid, Accepted, Completed (dark: `#3fb950`).
 * @cssprop [--ct-status-yellow=#7d4e00] - Status chips such as Credited (dark: `#d29922`).
 * @cssprop [--ct-status-orange=#953800] - Status chips such as In Progress (dark: `#db6d28`).
 * @cssprop [--ct-status-purple=#6639ba] - Status chips such as To Schedule (dark: `#ab7df8`).
 * @cssprop [--ct-status-grey=#59636e] - Status chips such as Draft, Cancelled, and unknown statuses (dark: `#9198a1`).
 * @cssprop [--ct-font-family=inherit] - Font family (inherits the page's by default).
 * @cssprop [--ct-font-size=0.875rem] - Base font size.
 * @cssprop [--ct-font-size-small=0.9em] - Size of secondary text: times, authors, bars.
 * @cssprop [--ct-font-size-label=0.75em] - Size of chips and badges: tone, status, Internal.
 * @cssprop [--ct-line-height=1.4] - Line height (`1.3` when compact).
 * @cssprop [--ct-height=480px] - Height of the element (the list scrolls inside it).
 * @cssprop [--ct-radius=8px] - Corner radius of the element.
 * @cssprop [--ct-radius-small=6px] - Corner radius of the detail box.
 * @cssprop [--ct-detail-max-height=32rem] - Tallest an expanded detail grows; a longer one (a long email) scrolls inside its box, which is keyboard-focusable. Also keeps every row far shorter than the list, which the virtualizer needs to render the rows around it.
 * @cssprop [--ct-elevation=none] - Shadow of the element.
 * @cssprop [--ct-elevation-overlay=0 6px 18px rgb(0 0 0 / 0.16)] - Shadow of menus and the new-events pill.
 * @cssprop [--ct-row-padding=10px 14px] - Padding of each event row (`6px 12px` when compact).
 * @cssprop [--ct-row-gap=0] - Space between rows (e.g. `8px` with `--ct-row-border-width: 1px` for cards).
 * @cssprop [--ct-row-border-width=0 0 1px 0] - Border widths of a row, in `--ct-border` colour: a separator below by default.
 * @cssprop [--ct-row-radius=0] - Corner radius of a row.
 * @cssprop [--ct-row-surface=transparent] - Background of a row.
 * @cssprop [--ct-gap=12px] - Gap between the icon and the text of a row (`10px` when compact).
 * @cssprop [--ct-icon-box=32px] - Size of the round icon badge (`24px` when compact).
 * @cssprop [--ct-icon-size=18px] - Size of the icon glyph (`14px` when compact).
 * @cssprop [--ct-avatar-size=18px] - Size of the author avatar or initials (`16px` when compact).
 *
 * @csspart list - The scrolling feed.
 * @csspart row - One event (`article`); expanded rows also have `row-expanded`, folded updates `row-folded`.
 * @csspart day-header - The day header ("Today", "Monday, November 16", "Upcoming") above the first event of a day.
 * @csspart day-pin - The header of the day being read, pinned at the top while scrolling.
 * @csspart status - The status chip of an event (Open, Overdue, Closed won…).
 * @csspart internal-badge - The "Internal" badge of staff-only events.
 * @csspart avatar - The author's avatar, or initials.
 * @csspart edited - The "edited" marker of an edited note.
 * @csspart changes - The table of field changes (old → new).
 * @csspart attachments - The list of attachments.
 * @csspart quoted - The folded quoted text of an email.
 * @csspart images-blocked - The note over an HTML body whose remote images were not loaded (tracking protection), with Show images.
 * @csspart show-images - The Show images button that loads the remote images of one HTML body.
 * @csspart open-link - The link to the event's record in the host app.
 * @csspart icon - The type icon of a row.
 * @csspart toggle - The button that expands a row.
 * @csspart title - The title of a row.
 * @csspart tone - The text badge of a failed / successful / warning event.
 * @csspart time - The exact date and time (`<time>`).
 * @csspart relative-time - The relative time ("10 days ago").
 * @csspart author - Who performed the action.
 * @csspart summary - The one-line summary of a collapsed row.
 * @csspart detail - The expanded detail.
 * @csspart skeleton - Placeholder rows while the first page loads.
 * @csspart empty-state - The message shown when there is no activity.
 * @csspart error-state - The message shown when the first page failed, with Retry.
 * @csspart status-bar - The bar under the list when an older page failed, with Retry.
 * @csspart cache-notice - The bar under the list when saved (cached) events are shown because the network failed: "Showing saved activity from …", with Retry.
 * @csspart retry - The Retry buttons.
 * @csspart filter-bar - The bar above the list: search, date range, people, actions, categories, active filters. It never scrolls away.
 * @csspart search - The search box (`/` focuses it, `Escape` clears it).
 * @csspart date-range - The date range picker (any time, last 7 / 30 / 90 days, this year, custom).
 * @csspart custom-dates - The From / To date inputs of a custom range.
 * @csspart people - The author filter menu.
 * @csspart actions - The menu with Jump to date, Expand all, Collapse all, Export CSV / JSON.
 * @csspart categories - The category checkboxes with All and None.
 * @csspart category - One category checkbox with its label and count.
 * @csspart category-count - The number of events of a category.
 * @csspart counts-note - Says that counts only cover the events loaded so far.
 * @csspart chips - The active filters as removable chips, with Clear all.
 * @csspart chip - One active filter.
 * @csspart clear-all - The Clear all button.
 * @csspart match - A search match in a row (`<mark>`).
 * @csspart no-matches - The message shown when no loaded event matches the filters, with Clear filters.
 * @csspart search-status - The bar shown while older pages are searched for matches (or a date is loaded), with Stop.
 * @csspart new-events - The "N new events" pill shown when events arrive while reading below the top.
 * @csspart print-list - The plain list of the filtered events that replaces the virtualized one when printing.
 *
 * @fires {CustomEvent<TimelineFilterChangeDetail>} timeline-filter-change - The user changed the filter: `{ types, authors, since, until, q }`, the values of the properties of the same names (not fired when the host sets them). Bubbles, composed.
 */
export class ClientTimeline extends LitElement {
  static override styles = styles;

  /** A data source object with `fetchPage(query)`. Takes precedence over `src`. */
  @property({ attribute: false }) adapter: TimelineAdapter | null = null;

  /** URL of an endpoint speaking the HTTP wire format; used when no `adapter` is set. */
  @property() src: string | null = null;

  /** Whose timeline to show. Changing it aborts in-flight requests and starts over. */
  @property({ attribute: 'client-id' }) clientId: string | null = null;

  /** Events requested per page. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 50;

  /**
   * BCP 47 locale of the words, dates and numbers; defaults to the nearest `lang`, else the browser's.
   * Words are in English, Spanish (`es`, `es-CR`, …) or Portuguese (`pt`, `pt-BR`, …), chosen by the language subtag.
   */
  @property() locale: string | null = null;

  /**
   * IANA time zone (e.g. `America/Costa_Rica`) of exact times and day headers; the viewer's by default.
   * An unknown name is reported on the console and the viewer's zone is used.
   */
  @property({ attribute: 'time-zone' }) timeZone: string | null = null;

  /**
   * Replaces any of the built-in strings, merged over the catalogue of the locale, e.g.
   * `{ empty: 'Nothing here yet', find: { search: 'Find' }, categories: { deal: 'Opportunities' }, types: { 'email.sent': 'Mail out' } }`.
   */
  @property({ attribute: false }) messages: MessageOverrides | null = null;

  /** Colour scheme: `light` or `dark`; without it the viewer's `prefers-color-scheme` decides. Tokens set by the host win in both. */
  @property({ reflect: true }) theme: 'light' | 'dark' | null = null;

  /** Spacing of rows: `comfortable` (the default) or `compact`. */
  @property({ reflect: true }) density: 'comfortable' | 'compact' | null = null;

  /** Fixes "now" for relative times (screenshots, tests); by default the real clock, refreshed every 30 s. */
  @property({ attribute: false }) now: Date | number | null = null;

  /**
   * Categories shown, by key: `email`, `call`, `meeting`, `task`, `note`, `deal`, `billing`, `file`,
   * `chat`, `update`, `other`. `null` (no attribute): all. Attribute: a comma list; `types=""` shows none.
   */
  @property({ converter: listAttribute, reflect: true }) types: string[] | null = null;

  /** Authors shown, by exact name; empty: everyone. Attribute: a comma list. */
  @property({ converter: optionalListAttribute, reflect: true }) authors: string[] = [];

  /** Oldest activity shown (inclusive): a date (`2026-11-01`, local midnight) or an ISO 8601 instant. */
  @property({ reflect: true }) since: string | null = null;

  /** Newest activity shown (inclusive): a date (`2026-11-30`, through the end of that local day) or an ISO 8601 instant. */
  @property({ reflect: true }) until: string | null = null;

  /** Search text, matched case-insensitively in titles, summaries, authors and detail text. */
  @property({ converter: optionalText, reflect: true }) q = '';

  /** Seconds between re-fetches of the newest page, for adapters without push (the HTTP adapter). 0: no polling. */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 0;

  /**
   * Seconds a page may take before it fails with a timeout (its request is aborted and Retry is
   * offered); 0: no limit. Network failures, HTTP 5xx and 429 are retried automatically with
   * backoff (honouring `Retry-After`), shared by every element using the same `adapter` or `src`.
   */
  @property({ type: Number }) timeout = 30;

  @state() private searchDraft = '';
  @state() private customDates = false;
  @state() private searchStopped = false;
  @state() private newCount = 0;
  @state() private exporting: number | null = null;
  @state() private jumping: string | null = null;
  @state() private printing = false;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private filterKey = '';
  private findPattern: RegExp | null = null;
  private wrappedAdapters = new WeakMap<TimelineAdapter, TimelineAdapter>();
  private adapterCounts: { clientId: string; key: string; counts: Record<string, number> } | null = null;
  private shownMemo: { items: readonly TimelineItem[]; key: string; result: readonly TimelineItem[] } | null = null;
  private countsMemo: { items: readonly TimelineItem[]; key: string; result: Record<string, number> } | null = null;
  private authorsMemo: { items: readonly TimelineItem[]; result: string[] } | null = null;
  private expandAllKeys: Set<string> | null = null;
  private refreshAbort: AbortController | null = null;
  private exportAbort: AbortController | null = null;
  private jumpAbort: AbortController | null = null;
  private liveQueue: Promise<void> = Promise.resolve();
  protected readonly live = new LiveController(this, {
    source: () => {
      const adapter = this.adapter ?? this.httpAdapterFor(this.src);
      return adapter && this.clientId ? { adapter, clientId: this.clientId } : null;
    },
    interval: () => this.pollInterval,
    onEvents: (events, clientId) => void this.insertLive(events, clientId),
    poll: () => void this.refresh(),
    onError: (error, clientId) => this.reportFetchError(error, clientId),
  });

  /**
   * Where shown events are saved so a reopened timeline appears before the network answers:
   * `indexeddb` (the default: kept across reloads and shared by tabs), `memory` (this page only) or `none`.
   * Only the unfiltered history is cached.
   */
  @property() cache: 'indexeddb' | 'memory' | 'none' = 'indexeddb';

  /** Isolates cached events, e.g. per signed-in user or tenant: entries of one namespace are never shown under another. */
  @property({ attribute: 'cache-namespace' }) cacheNamespace = '';

  /** Events cached per client (default 1000); the oldest pages are dropped first. */
  @property({ attribute: 'cache-max-events', type: Number }) cacheMaxEvents: number = 1000;

  /** Clients cached per namespace (default 50); the least recently opened are evicted first. */
  @property({ attribute: 'cache-max-clients', type: Number }) cacheMaxClients: number = 50;

  /** Seconds after the newest page was fetched during which cached events may be shown; `0` (the default): no limit. */
  @property({ attribute: 'cache-max-age', type: Number }) cacheMaxAge = 0;

  /**
   * Deletes cached events of one namespace, or of all namespaces when called without one (IndexedDB and memory).
   * Call it on sign-out: `await customElements.get('client-timeline').clearCache(userId)`.
   */
  static clearCache(namespace?: string): Promise<void> {
    return clearCache(namespace);
  }

  @state() private expanded: ReadonlySet<string> = new Set();
  /** Events whose HTML body may load remote images (the user pressed "Show images"). */
  @state() private imagesShown: ReadonlySet<string> = new Set();
  @state() private announcement = '';
  /** Index of the first and last row in view (from the virtualizer; in `rows`), for the pinned day. */
  private firstVisible = 0;
  private lastVisible = 0;

  /**
   * Rows the virtualizer is given at a time. The virtualizer caps the list's height near 8.2 million px (≈ 100,000
   * rows), so a longer history is shown through a window of this many rows that moves along as the user scrolls
   * near either edge, keeping the row being read in place; jumps (to a date, a search match, a row) move it there.
   * @internal
   */
  windowSize = 50_000;
  /** Index in `rows` of the window's first row: always 0 unless the history is longer than `windowSize`. */
  private windowStart = 0;
  /** Rows from either edge of the window at which it moves. */
  private static readonly WINDOW_EDGE = 200;

  @query('.scroller') private scroller!: HTMLElement & VirtualizerHostElement;

  private readonly pager = new PagerController(this, {
    onInvalid: (invalid, clientId) => {
      const count = invalid.length;
      emit(this, 'timeline-error', {
        kind: 'invalid-events',
        clientId,
        invalid,
        message: `${count} invalid ${count === 1 ? 'event' : 'events'} skipped for client "${clientId}": ${invalid
          .slice(0, 3)
          .map((e) => `${e.id ? `"${e.id}"` : `#${e.index}`} (${e.problems.join('; ')})`)
          .join(', ')}${count > 3 ? ', …' : ''}`,
      });
    },
    onError: (error, clientId) => {
      const message = error instanceof Error ? error.message : String(error);
      this.announcement =
        this.pager.cachedAt !== null
          ? this.msg.savedActivity(this.fmt.exact(this.pager.cachedAt))
          : `${this.pager.items.length ? this.msg.loadMoreFailed : this.msg.loadFailed} ${message}`;
      emit(this, 'timeline-error', { kind: 'fetch', clientId, error, message });
    },
    onCached: (info) => {
      this.announcement = this.msg.loaded(info.total);
    },
    beforeRevalidate: () => {
      this.revalidationAnchor = this.scroller ? captureAnchor(this.scroller) : null;
    },
    onPage: (info) => {
      if (info.total === info.added && info.added > 0) this.announcement = this.msg.loaded(info.total);
      else if (info.total === 0 && info.done) this.announcement = this.msg.empty;
      emit(this, 'timeline-page', info);
      void this.keepReadingPosition();
      // The rows already on screen may reach the end of what is loaded: keep going.
      queueMicrotask(() => this.maybeLoadMore());
    },
  });
  private readonly clock = new ClockController(this);
  private readonly fastScroll = new FastScrollController(this, () => this.scroller ?? null);
  /** Page Down / Page Up between articles, focus kept across recycled rows, results count after filtering. */
  protected readonly feedFocus = new FeedFocusController(this, {
    rows: () => this.rows,
    scroller: () => this.scroller ?? null,
    scrollToIndex: (index) => this.reveal(index, 'nearest'),
    firstVisible: () => this.firstVisible,
    loadMore: () => {
      const { pager } = this;
      if (!pager.started || pager.done || pager.status === 'error') return false;
      if (pager.status === 'idle') void pager.loadMore();
      return true;
    },
    filterKey: () => (isFilterActive(this.filterState) ? JSON.stringify(this.filterState) : null),
    settled: () => this.pager.started && !this.pager.loading,
    announceResults: (count) => {
      this.announcement = count ? this.msg.find.matches(this.fmt.count(count)) : this.msg.find.noMatches;
    },
  });

  private fmt = new Formatters('en');
  private msg: Messages = messagesFor('en');
  private httpAdapter: HttpAdapter | null = null;
  private entries: ListEntry[] = [];
  private rows: Row[] = [];
  private rowsSource: readonly TimelineItem[] | null = null;
  private rowsCatalog = -1;
  private rowsLocale: Formatters | null = null;
  private entriesSource: readonly Row[] | null = null;
  private entriesTail: Sentinel | null = null;
  private entriesStart = 0;
  private entriesWindow = 0;
  private requestedLocale = '';
  private requestedZone: string | null = null;
  private msgSource: [string, MessageOverrides | null, boolean] = ['', null, false];
  private lastRendered = 0;
  /** What the list area shows (derived in `willUpdate`). */
  private view: ListView = 'no-client';

  /** Reloads the timeline from the newest page, keeping nothing from before (cached events show until it answers). */
  reload(): void {
    this.pager.configure(null);
    this.requestUpdate();
  }

  /** Retries the page that failed, if any, at once; the automatic backoff of its data source starts over. */
  retry(): Promise<void> {
    return this.pager.retry();
  }

  /** Events loaded so far, newest first (read-only). */
  get events(): readonly TimelineItem[] {
    return this.pager.items;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const lang = this.locale || this.closest('[lang]')?.getAttribute('lang') || navigator.language;
    const zone = this.timeZone || null;
    if ((lang !== this.fmt.locale && lang !== this.requestedLocale) || zone !== this.requestedZone) {
      this.requestedLocale = lang;
      this.requestedZone = zone;
      this.fmt = formattersFor(lang, zone);
    }
    const catalogueReady = messagesReady(this.fmt.locale);
    if (this.msgSource[0] !== this.fmt.locale || this.msgSource[1] !== this.messages || this.msgSource[2] !== catalogueReady) {
      this.msgSource = [this.fmt.locale, this.messages, catalogueReady];
      this.msg = this.messages ? mergeMessages(messagesFor(this.fmt.locale), this.messages) : messagesFor(this.fmt.locale);
      // Spanish, Portuguese…: their catalogue is a chunk of its own, English is shown until it arrives.
      if (!catalogueReady) void loadMessages(this.fmt.locale).then(() => this.requestUpdate());
    }
    if (changed.has('now')) this.clock.fixed = this.now === null ? undefined : +this.now;
    const before = this.pager.clientId;
    const filter = this.filter();
    const adapter = this.wrapAdapter(this.adapter ?? this.httpAdapterFor(this.src));
    this.pager.timeoutMs = Number.isFinite(this.timeout) && this.timeout > 0 ? this.timeout * 1000 : 0;
    this.pager.configure(
      adapter && this.clientId
        ? {
            adapter,
            clientId: this.clientId,
            pageSize: Math.max(1, Math.floor(this.pageSize) || 50),
            filter,
            cache: this.pageCache(this.clientId, filter),
            retryKey: this.adapter ?? this.src,
          }
        : null,
    );
    if (this.pager.clientId !== before || !this.pager.started) {
      this.expanded = new Set();
      this.imagesShown = new Set();
      this.lastRendered = 0;
      this.firstVisible = 0;
      this.lastVisible = 0;
      this.windowStart = 0;
      if (this.scroller) this.scroller.scrollTop = 0;
    }
    this.willUpdateFind(this.pager.clientId !== before);
    const visible = this.visibleItems();
    if (this.rowsSource !== visible || this.rowsCatalog !== catalogVersion || this.rowsLocale !== this.fmt) {
      this.rowsSource = visible;
      this.rowsCatalog = catalogVersion;
      this.rowsLocale = this.fmt;
      this.rows = buildRows(visible, (time) => this.fmt.dayKey(time));
    }
    const tail = this.pager.loading && this.pager.cachedAt === null ? LOADING : this.pager.done && this.rows.length ? END : null;
    const start = this.clampWindowStart(this.windowStart);
    if (this.entriesSource !== this.rows || this.entriesTail !== tail || this.entriesStart !== start || this.entriesWindow !== this.windowSize) {
      this.entriesSource = this.rows;
      this.entriesTail = tail;
      this.entriesStart = this.windowStart = start;
      this.entriesWindow = this.windowSize;
      const rows = this.rows.length > this.windowSize ? this.rows.slice(start, start + this.windowSize) : this.rows;
      this.entries = tail && start + rows.length >= this.rows.length ? [...rows, tail] : rows;
    }
    const { pager } = this;
    this.view = listView({
      hasSource: !!this.clientId && !!(this.adapter || this.src),
      rows: this.rows.length,
      loaded: pager.items.length,
      started: pager.started,
      done: pager.done,
      failed: pager.status === 'error',
      filterActive: isFilterActive(this.filterState),
      searching: this.filteringLocally && !pager.done && !this.searchStopped,
    });
  }

  /** The filter sent to the adapter (the filter bar fills it in). */
  protected filter(): TimelineFilter {
    // An adapter that filters gets the filter with every page (a change starts over);
    // for the others the element filters what it loaded (see wrapAdapter).
    return this.serverFilters ? adapterFilter(this.filterState) : {};
  }

  /** The loaded events the list shows, newest first (the filter bar narrows them). */
  protected visibleItems(): readonly TimelineItem[] {
    const state = this.filterState;
    const parts = localParts(state, this.serverFilters);
    const key = JSON.stringify([state, parts]);
    const items = this.pager.items;
    if (this.shownMemo?.items !== items || this.shownMemo.key !== key) {
      const test = matcher(state, parts);
      const result = (parts.types || parts.rest) && isFilterActive(state) ? items.filter(test) : items;
      this.shownMemo = { items, key, result };
    }
    return this.shownMemo.result;
  }

  // ── Finding things: filter, search, navigation, live updates, export ─────────────

  /** The filter as the properties hold it. */
  private get filterState(): FilterState {
    return { types: this.types ?? null, authors: this.authors ?? [], since: this.since || null, until: this.until || null, q: this.q ?? '' };
  }

  /** `true` when the data source declared `capabilities: { filter: true }`. */
  private get serverFilters(): boolean {
    return (this.adapter ?? this.httpAdapterFor(this.src))?.capabilities?.filter === true;
  }

  /** `true` when the element narrows what it loaded itself (and pages on to fill the view). */
  private get filteringLocally(): boolean {
    const state = this.filterState;
    const parts = localParts(state, this.serverFilters);
    return isFilterActive(state) && (parts.types || parts.rest);
  }

  /**
   * The adapter the pager uses: passes the current filter to adapters that do not
   * filter (without starting over when it changes) and keeps the counts a page carries.
   */
  private wrapAdapter(adapter: TimelineAdapter | null): TimelineAdapter | null {
    if (!adapter) return null;
    let wrapped = this.wrappedAdapters.get(adapter);
    if (!wrapped) {
      wrapped = {
        fetchPage: (query) => {
          const serverSide = adapter.capabilities?.filter === true;
          const sent = serverSide ? query : { ...query, filter: adapterFilter(this.filterState) };
          const result = adapter.fetchPage(sent);
          // The adapter's own promise is returned: wrapping adds no delay before the pager sees it.
          void Promise.resolve(result).then(
            (raw) => !query.signal.aborted && this.noteCounts(raw, sent.clientId, sent.filter, serverSide),
            () => undefined,
          );
          return result;
        },
      };
      this.wrappedAdapters.set(adapter, wrapped);
    }
    return wrapped;
  }

  private countsKey(filter: TimelineFilter): string {
    const { types: _types, categories: _categories, ...rest } = filter;
    return JSON.stringify(rest);
  }

  private noteCounts(raw: unknown, clientId: string, filter: TimelineFilter, serverSide: boolean): void {
    if (!raw || typeof raw !== 'object' || !('counts' in raw)) return;
    let counts: Record<string, number> | undefined;
    try {
      counts = checkPageResult(raw, 'The data source').counts;
    } catch {
      return; // the pager reports a malformed page
    }
    // Counts of an adapter that does not filter are trusted only when nothing but categories filters.
    const key = this.countsKey(filter);
    if (!counts || (!serverSide && key !== '{}')) return;
    this.adapterCounts = { clientId, key, counts: categoryCounts(counts) };
  }

  /** Filter bookkeeping before each render: a new filter or client starts from the top. */
  private willUpdateFind(clientChanged: boolean): void {
    const state = this.filterState;
    const key = JSON.stringify(state);
    if (key !== this.filterKey || clientChanged) {
      const first = this.filterKey === '';
      this.filterKey = key;
      this.searchStopped = false;
      this.newCount = 0;
      this.lastRendered = 0;
      this.findPattern = searchPattern(state.q);
      if (!this.searchTimer) this.searchDraft = state.q;
      if (!first && this.scroller) this.scroller.scrollTop = 0;
      this.windowStart = 0;
      queueMicrotask(() => this.maybeLoadMore());
    }
    if (clientChanged) {
      this.refreshAbort?.abort();
      this.jumpAbort?.abort();
      this.exportAbort?.abort();
      this.expandAllKeys = null;
    }
    if (this.expandAllKeys && this.rows !== this.rowsAtExpand) this.expandNewRows();
  }

  private rowsAtExpand: Row[] | null = null;

  /** Rows that appear while "Expand all" is on (new pages, live events) open expanded too. */
  private expandNewRows(): void {
    const seen = this.expandAllKeys!;
    const next = new Set(this.expanded);
    const visible = this.visibleItems();
    for (const item of visible) if (!seen.has(item.id)) (seen.add(item.id), next.add(item.id));
    this.rowsAtExpand = this.rows;
    this.expanded = next;
  }

  /** Expands every loaded event that matches the filter, and those loaded later, until `collapseAll()`. */
  expandAll(): void {
    const keys = new Set<string>();
    for (const row of this.rows) keys.add(row.key);
    const ids = new Set(this.visibleItems().map((item) => item.id));
    this.expandAllKeys = ids;
    this.rowsAtExpand = this.rows;
    this.expanded = new Set([...keys, ...ids]);
  }

  /** Collapses every event. */
  collapseAll(): void {
    this.expandAllKeys = null;
    this.expanded = new Set();
  }

  /** Sets filter fields as the user did: resets the view and fires `timeline-filter-change`. */
  private setFilter(patch: Partial<FilterState>): void {
    if ('types' in patch) this.types = patch.types === null || patch.types === undefined ? null : [...patch.types];
    if ('authors' in patch) this.authors = [...(patch.authors ?? [])];
    if ('since' in patch) this.since = patch.since ?? null;
    if ('until' in patch) this.until = patch.until ?? null;
    if ('q' in patch) this.q = patch.q ?? '';
    const state = this.filterState;
    emit(this, 'timeline-filter-change', { types: state.types ? [...state.types] : null, authors: [...state.authors], since: state.since, until: state.until, q: state.q });
  }

  private datePreset(): DatePreset {
    const { since, until } = this;
    if (!since && !until) return this.customDates ? 'custom' : 'any';
    if (!until && !this.customDates) {
      for (const preset of ['7', '30', '90', 'year'] as const) if (since === this.presetSince(preset)) return preset;
    }
    return 'custom';
  }

  private presetSince(preset: '7' | '30' | '90' | 'year'): string {
    const now = this.clock.now;
    return preset === 'year' ? `${new Date(now).getFullYear()}-01-01` : localDate(now - Number(preset) * DAY_MS);
  }

  private readonly filterActions: FilterBarActions = {
    setTypes: (types) => this.setFilter({ types }),
    toggleType: (key, on) => {
      const all = filterCategories().map((c) => c.key);
      const current = this.types ?? all;
      const next = on ? [...new Set([...current, key])] : current.filter((k) => k !== key);
      this.setFilter({ types: all.every((k) => next.includes(k)) ? null : all.filter((k) => next.includes(k)) });
    },
    toggleAuthor: (name, on) => this.setFilter({ authors: on ? [...new Set([...this.authors, name])] : this.authors.filter((a) => a !== name) }),
    setAuthors: (authors) => this.setFilter({ authors }),
    setPreset: (preset) => {
      this.customDates = preset === 'custom';
      if (preset === 'any') this.setFilter({ since: null, until: null });
      else if (preset !== 'custom') this.setFilter({ since: this.presetSince(preset), until: null });
    },
    setDates: (since, until) => {
      if (!since && !until) this.customDates = false;
      this.setFilter({ since, until });
    },
    input: (q) => {
      this.searchDraft = q;
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => {
        this.searchTimer = undefined;
        if (q.trim() !== this.q.trim()) this.setFilter({ q });
      }, SEARCH_DEBOUNCE_MS);
    },
    clearQuery: () => {
      clearTimeout(this.searchTimer);
      this.searchTimer = undefined;
      this.searchDraft = '';
      if (this.q) this.setFilter({ q: '' });
    },
    clearAll: () => this.clearFilters(),
    jumpTo: (date) => void this.jumpTo(date),
    expandAll: () => this.expandAll(),
    collapseAll: () => this.collapseAll(),
    exportAs: (format) => void this.downloadExport(format),
    cancelExport: () => this.exportAbort?.abort(),
  };

  /** Removes every filter, as the "Clear all" button does. */
  clearFilters(): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
    this.searchDraft = '';
    this.customDates = false;
    this.setFilter({ types: null, authors: [], since: null, until: null, q: '' });
  }

  /** Counts per category shown in the bar, and whether they only cover what is loaded. */
  private categoryCountsView(): { counts: Record<string, number> | null; note: string | null } {
    const state = this.filterState;
    const serverSide = this.serverFilters;
    const stored = this.adapterCounts;
    if (stored && stored.clientId === this.pager.clientId && stored.key === this.countsKey(adapterFilter(state))) {
      return { counts: stored.counts, note: null };
    }
    if (!this.pager.started) return { counts: null, note: null };
    // What a filtering adapter sent is already narrowed to the kept categories: other counts are unknown.
    if (serverSide && typesActive(state)) return { counts: null, note: null };
    const items = this.pager.items;
    const key = JSON.stringify([state, serverSide]);
    if (this.countsMemo?.items !== items || this.countsMemo.key !== key) {
      const test = matcher({ ...state, types: null }, { types: false, rest: !serverSide });
      const result: Record<string, number> = {};
      for (const item of items) {
        if (!test(item)) continue;
        const cat = this.categoryKey(item.type);
        result[cat] = (result[cat] ?? 0) + 1;
      }
      this.countsMemo = { items, key, result };
    }
    return { counts: this.countsMemo.result, note: this.pager.done ? null : this.msg.find.countsLoaded(this.fmt.count(items.length)) };
  }

  private categoryKey(type: string): string {
    return categoryKeyOf(type);
  }

  private authorNames(): string[] {
    const items = this.pager.items;
    if (this.authorsMemo?.items !== items) this.authorsMemo = { items, result: authorsOf(items, this.fmt.locale) };
    return this.authorsMemo.result;
  }

  private reportFetchError(error: unknown, clientId: string): void {
    const message = error instanceof Error ? error.message : String(error);
    emit(this, 'timeline-error', { kind: 'fetch', clientId, error, message });
  }

  /**
   * Fetches the newest page again and merges what is new: at the top new events simply
   * appear; further down the reading position stays put and a "N new events" pill offers
   * to go up. `poll-interval` calls this on a timer.
   */
  async refresh(): Promise<void> {
    const adapter = this.wrapAdapter(this.adapter ?? this.httpAdapterFor(this.src));
    const clientId = this.pager.clientId;
    if (!adapter || !clientId || !this.pager.started) return;
    this.refreshAbort?.abort();
    const controller = new AbortController();
    this.refreshAbort = controller;
    const filterKey = this.filterKey;
    try {
      const raw = await adapter.fetchPage({
        clientId,
        cursor: null,
        limit: Math.max(1, Math.floor(this.pageSize) || 50),
        filter: this.filter(),
        signal: controller.signal,
      });
      if (controller.signal.aborted || clientId !== this.pager.clientId || filterKey !== this.filterKey) return;
      await this.insertLive(checkPageResult(raw, 'The data source').events, clientId);
    } catch (error) {
      if (!controller.signal.aborted) this.reportFetchError(error, clientId);
    } finally {
      if (this.refreshAbort === controller) this.refreshAbort = null;
    }
  }

  /** Merges live events, keeping the reading position when they land above it. */
  private insertLive(raw: unknown[], clientId: string): Promise<void> {
    const run = async () => {
      if (clientId !== this.pager.clientId || !this.isConnected) return;
      const scroller = this.scroller;
      const anchor = scroller ? captureAnchor(scroller) : null;
      const fresh = this.pager.insert(raw, clientId);
      if (!fresh?.length) return;
      const test = matcher(this.filterState, localParts(this.filterState, this.serverFilters));
      const shown = fresh.filter(test).length;
      if (anchor && shown) {
        this.newCount += shown;
        this.announcement = this.msg.find.newEventsAnnounced(this.newCount);
      }
      await this.updateComplete;
      if (!anchor || !scroller) return;
      const index = this.rows.findIndex((row) => row.key === anchor.key);
      if (index < 0) return;
      const moves = this.userMoves;
      await restoreAnchor(anchor, {
        scroller,
        index,
        reveal: (i) => this.reveal(i, 'start'),
        settled: () => this.layoutSettled(),
        cancelled: () => moves !== this.userMoves || !this.isConnected,
      });
    };
    this.liveQueue = this.liveQueue.then(run, run);
    return this.liveQueue;
  }

  private onListScroll = () => {
    this.fastScroll.onScroll();
    if (this.rows.length > this.windowSize) this.checkWindowEdges();
    if (this.newCount && this.scroller.scrollTop <= 2) this.newCount = 0;
  };

  /** Bumped when the user goes somewhere else (new-events pill, jump): scroll anchoring stops. */
  private userMoves = 0;

  private showNewEvents(): void {
    this.userMoves++;
    this.newCount = 0;
    this.fastScroll.ownMove();
    this.scroller.scrollTop = 0;
    // The virtualizer may still place row 0 by stale sizes: make sure it ends at the top.
    void this.scrollToRow(0);
  }

  /** Waits for the page in flight, if any. */
  private pageSettled(): Promise<void> {
    if (!this.pager.loading) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.removeEventListener('timeline-page', done);
        this.removeEventListener('timeline-error', done);
        resolve();
      };
      this.addEventListener('timeline-page', done);
      this.addEventListener('timeline-error', done);
    });
  }

  /**
   * Scrolls to the newest event on or before `date` (a `2026-11-13` day, an instant or a
   * `Date`), loading older pages as needed. Resolves `false` when there is none.
   */
  async jumpTo(date: string | number | Date): Promise<boolean> {
    const target = typeof date === 'string' ? boundOf(date, 'end') : +date;
    if (target === null || Number.isNaN(target)) throw new RangeError(`jumpTo: "${String(date)}" is not a date`);
    this.jumpAbort?.abort();
    this.userMoves++;
    const controller = new AbortController();
    this.jumpAbort = controller;
    const label = new Intl.DateTimeFormat(this.fmt.locale, { dateStyle: 'medium' }).format(target);
    try {
      for (;;) {
        if (controller.signal.aborted) return false;
        await this.updateComplete;
        const index = this.rows.findIndex((row) => row.item.time <= target);
        if (index >= 0) {
          this.jumping = null;
          await this.scrollToRow(index);
          return true;
        }
        if (this.pager.done || this.pager.status === 'error' || !this.pager.clientId) {
          this.jumping = null;
          this.announcement = this.msg.find.jumpNotFound(label);
          return false;
        }
        this.jumping = label;
        if (this.pager.loading) await this.pageSettled();
        else await this.pager.loadMore();
      }
    } finally {
      if (this.jumpAbort === controller) {
        this.jumpAbort = null;
        this.jumping = null;
      }
    }
  }

  /** The virtualizer's next layout (it rejects when the element goes away: that ends the wait too). */
  private layoutSettled(): Promise<void> {
    return (this.virtualizer?.layoutComplete ?? Promise.resolve()).catch(() => undefined);
  }

  private async scrollToRow(index: number): Promise<void> {
    const key = this.rows[index]?.key;
    for (let round = 0; round < 6 && key; round++) {
      this.reveal(index, 'start');
      await this.updateComplete;
      await Promise.race([this.layoutSettled(), new Promise((r) => requestAnimationFrame(r))]);
      if (!this.isConnected) return;
      const row = this.scroller.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
      if (row && Math.abs(row.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top) < 1) {
        row.focus({ preventScroll: true });
        return;
      }
    }
  }

  /**
   * Every event matching the current filter, as a CSV or JSON file. Pages through the
   * adapter from the newest page unless the whole history is already loaded.
   */
  async exportEvents(format: ExportFormat, options: { signal?: AbortSignal; onProgress?: (count: number) => void } = {}): Promise<Blob> {
    if (format !== 'csv' && format !== 'json') throw new TypeError(`exportEvents: format must be "csv" or "json", got "${String(format)}"`);
    const adapter = this.wrapAdapter(this.adapter ?? this.httpAdapterFor(this.src));
    const clientId = this.clientId;
    if (!adapter || !clientId) throw new Error('exportEvents: no data source or client');
    const state = this.filterState;
    const { collectEvents, toCsv, toJson } = await loadExport();
    const items =
      this.pager.done && this.pager.clientId === clientId
        ? [...this.visibleItems()]
        : await collectEvents({
            adapter,
            clientId,
            filter: this.filter(),
            keep: matcher(state, localParts(state, this.serverFilters)),
            limit: Math.max(100, Math.floor(this.pageSize) || 50),
            signal: options.signal ?? new AbortController().signal,
            onProgress: options.onProgress,
          });
    options.onProgress?.(items.length);
    if (format === 'csv') return new Blob([toCsv(items)], { type: 'text/csv;charset=utf-8' });
    const filter = { types: state.types, authors: state.authors, since: state.since, until: state.until, q: state.q };
    return new Blob([toJson(items, { clientId, exportedAt: new Date().toISOString(), filter })], { type: 'application/json' });
  }

  private async downloadExport(format: ExportFormat): Promise<void> {
    this.exportAbort?.abort();
    const controller = new AbortController();
    this.exportAbort = controller;
    this.exporting = 0;
    let count = 0;
    try {
      const blob = await this.exportEvents(format, { signal: controller.signal, onProgress: (n) => (this.exporting = count = n) });
      if (controller.signal.aborted) return;
      const { download, exportFileName } = await loadExport();
      download(blob, exportFileName(this.clientId ?? 'client', format, this.clock.now), this.shadowRoot!);
      this.announcement = this.msg.find.exported(this.fmt.count(count));
    } catch (error) {
      if (!controller.signal.aborted) this.announcement = this.msg.find.exportFailed(error instanceof Error ? error.message : String(error));
    } finally {
      if (this.exportAbort === controller) {
        this.exportAbort = null;
        this.exporting = null;
      }
    }
  }

  private onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const search = this.shadowRoot?.querySelector<HTMLInputElement>('input[type="search"]');
    if (!search) return;
    e.preventDefault();
    search.focus();
    search.select();
  };

  private onBeforePrint = () => {
    this.printing = true;
    // The print snapshot is taken right after this handler: render now.
    this.performUpdate();
  };

  private onAfterPrint = () => {
    this.printing = false;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeyDown);
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    this.refreshAbort?.abort();
    this.jumpAbort?.abort();
    this.exportAbort?.abort();
    clearTimeout(this.searchTimer);
  }

  private renderFindBar(): TemplateResult {
    const { counts, note } = this.categoryCountsView();
    return renderFilterBar(
      {
        state: this.filterState,
        draft: this.searchDraft,
        categories: filterCategories().map((c) => ({ ...c, label: localCategoryLabel(c.key, this.msg.categories) })),
        counts,
        countsNote: note,
        authors: this.authorNames(),
        datePreset: this.datePreset(),
        customDates: this.customDates || this.datePreset() === 'custom',
        exporting: this.exporting,
        fmt: this.fmt,
        msg: this.msg,
      },
      this.filterActions,
    );
  }

  /** What runs over the list: the search of older pages, a jump, an export, with its Stop or Cancel. */
  private progress(): Progress | null {
    const { pager, msg } = this;
    const f = msg.find;
    const checked = this.fmt.count(pager.items.length);
    const searching = this.filteringLocally && pager.started && !pager.done && pager.status !== 'error';
    if (this.jumping) return { text: f.jumping(this.jumping), action: f.stop, run: () => this.jumpAbort?.abort() };
    if (this.exporting !== null) return { text: f.exporting(this.fmt.count(this.exporting)), action: f.cancel, run: () => this.exportAbort?.abort() };
    if (searching && this.searchStopped) return { text: f.stopped(checked), action: f.searchOlder, run: () => ((this.searchStopped = false), this.maybeLoadMore()) };
    if (searching && pager.loading) return { text: f.searching(checked), action: f.stop, run: () => (this.searchStopped = true) };
    return null;
  }

  /** A plain, complete list of the filtered events for printing (the virtualized one holds a window). */
  private renderPrintList(): TemplateResult | typeof nothing {
    if (!this.printing) return nothing;
    const chips = [...(this.shadowRoot?.querySelectorAll('.fb-chip') ?? [])].map((c) => c.textContent?.trim()).filter(Boolean);
    return html`<div class="print-list" part="print-list">
      ${chips.length ? html`<p class="print-filters">${this.msg.find.printedFilters(chips.join(' · '))}</p>` : nothing}
      <ol>
        ${this.visibleItems().map(
          (item) => html`<li>
            <div class="print-head"><time datetime=${item.occurredAt}>${this.fmt.exact(item.time)}</time> <strong>${item.title}</strong></div>
            <div class="print-meta">${this.msg.by(item.author?.name ?? this.msg.unknownAuthor)}${item.status ? ` · ${item.status}` : ''}</div>
            ${item.summary ? html`<p>${item.summary}</p>` : nothing}
          </li>`,
        )}
      </ol>
    </div>`;
  }

  private httpAdapterFor(src: string | null): HttpAdapter | null {
    if (!src) return null;
    if (this.httpAdapter?.src !== src) this.httpAdapter = new HttpAdapter(src);
    return this.httpAdapter;
  }

  private maybeLoadMore(): void {
    const { pager } = this;
    if (this.searchStopped && this.filteringLocally) return;
    if (pager.status === 'idle' && !pager.done && pager.started && this.lastRendered >= this.rows.length - PREFETCH_ROWS) {
      void pager.loadMore();
    }
  }

  private onRangeChanged = (e: RangeChangedEvent) => {
    this.lastRendered = this.windowStart + e.last;
    this.maybeLoadMore();
    this.range = [e.first, e.last];
    this.checkWindowEdges();
  };

  /** The range of rows rendered, in the window. */
  private range: [first: number, last: number] = [0, 0];

  /** Moves the window when the rendered rows come within `WINDOW_EDGE` rows of an edge that is not the history's. */
  private checkWindowEdges(): void {
    const [first, last] = this.range;
    const edge = ClientTimeline.WINDOW_EDGE;
    const end = this.windowStart + this.windowSize;
    // At the bottom of the list too, in case rows were so tall that the virtualizer capped the list's height.
    const box = this.scroller;
    const atBottom = !!box && box.scrollTop > 0 && box.scrollTop + box.clientHeight >= box.scrollHeight - 2;
    if (((last >= this.windowSize - edge || atBottom) && end < this.rows.length) || (first <= edge && this.windowStart > 0)) {
      void this.moveWindow(this.windowStart + Math.round((first + last) / 2));
    }
  }

  /**
   * Moves the window of rows given to the virtualizer so that it is centred on row `index`, keeping the row at the
   * top of the view where it is (long histories only: see `windowSize`).
   */
  private async moveWindow(index: number): Promise<void> {
    const start = this.windowStartFor(index);
    if (start === this.windowStart || this.movingWindow || !this.isConnected) return;
    const generation = ++this.windowMoves;
    const moves = this.userMoves;
    this.movingWindow = true;
    try {
      const anchor = this.scroller ? captureAnchor(this.scroller, -1) : null;
      this.fastScroll.ownMove();
      this.windowStart = start;
      this.requestUpdate();
      await this.updateComplete;
      const at = anchor ? this.rows.findIndex((row) => row.key === anchor.key) : -1;
      if (anchor && at >= 0) {
        await restoreAnchor(anchor, {
          scroller: this.scroller,
          index: at,
          reveal: (i) => this.reveal(i, 'start'),
          settled: () => this.layoutSettled(),
          cancelled: () => generation !== this.windowMoves || moves !== this.userMoves || !this.isConnected,
        });
      }
    } finally {
      if (generation === this.windowMoves) this.movingWindow = false;
    }
    // The user may have gone on to the next edge meanwhile.
    if (generation === this.windowMoves && this.isConnected) this.checkWindowEdges();
  }
  /** `true` while the window moves (no edge checks meanwhile); `windowMoves` counts the moves, the latest wins. */
  private movingWindow = false;
  private windowMoves = 0;

  /** Scrolls row `index` (in `rows`) into view, moving the window there first when it is outside. */
  private reveal(index: number, block: ScrollLogicalPosition): void {
    this.fastScroll.ownMove();
    const local = index - this.windowStart;
    if (local >= 0 && local < this.windowSize) {
      this.virtualizer?.element(local)?.scrollIntoView({ block });
      return;
    }
    void this.centreWindow(index, block);
  }

  /** Gives the virtualizer the window centred on row `index` and scrolls that row into view; no edge moves meanwhile. */
  private async centreWindow(index: number, block: ScrollLogicalPosition): Promise<void> {
    const generation = ++this.windowMoves;
    this.movingWindow = true;
    try {
      this.windowStart = this.windowStartFor(index);
      this.requestUpdate();
      await this.updateComplete;
      this.virtualizer?.element(index - this.windowStart)?.scrollIntoView({ block });
      await this.layoutSettled();
    } finally {
      if (generation === this.windowMoves) this.movingWindow = false;
    }
  }

  /** The start of the window centred on row `index`. */
  private windowStartFor(index: number): number {
    return this.clampWindowStart(index - Math.floor(this.windowSize / 2));
  }

  private clampWindowStart(start: number): number {
    return Math.max(0, Math.min(start, this.rows.length - this.windowSize));
  }

  private toggle(id: string): void {
    const next = new Set(this.expanded);
    const expanded = !next.has(id);
    if (expanded) next.add(id);
    else next.delete(id);
    this.expanded = next;
    emit(this, 'timeline-toggle', { id, expanded });
  }

  private renderContext(): RenderContext {
    return {
      fmt: this.fmt,
      msg: this.msg,
      now: this.clock.now,
      setSize: this.pager.done ? this.rows.length : -1,
      isExpanded: (id) => this.expanded.has(id),
      toggle: (id) => this.toggle(id),
      open: (item, url) => emit(this, 'timeline-open', { id: item.id, type: item.type, url, record: item.record }, { cancelable: true }),
      rowBefore: (index) => this.rows[index - 1],
      refresh: () => this.requestUpdate(),
      highlight: (text) => markMatches(text, this.findPattern),
      imagesShown: (id) => this.imagesShown.has(id),
      showImages: (id) => (this.imagesShown = new Set(this.imagesShown).add(id)),
    };
  }

  override render(): TemplateResult {
    const { pager } = this;
    const ctx = this.renderContext();
    const inFeed = this.rows.length > 0 || pager.loading;
    const states = this.stateView();
    return html`<div class="box">
      ${this.renderFindBar()}
      <div class="list-area">
      ${renderOverlay(this.newCount, this.progress(), this.msg, () => this.showNewEvents())}
      ${this.renderDayPin()}
      <div
        class="scroller"
        part="list"
        tabindex="-1"
        role=${inFeed ? 'feed' : nothing}
        aria-label=${inFeed ? this.msg.feedLabel : nothing}
        aria-busy=${pager.loading ? 'true' : 'false'}
        @rangeChanged=${this.onRangeChanged}
        @scroll=${this.onListScroll}
        @visibilityChanged=${this.onVisibilityChanged}
      >
        ${virtualize<ListEntry>({
          items: this.entries,
          scroller: true,
          // Given explicitly so the layout is part of the main bundle, not a separately fetched chunk.
          layout: { type: TimelineLayout },
          keyFunction: (entry) => (isSentinel(entry) ? `\u0000${entry.sentinel}` : (entry?.key ?? "")),
          renderItem: (entry, index) =>
            isSentinel(entry)
              ? renderSentinel(entry.sentinel, this.msg)
              : this.fastScroll.light(this.windowStart + index, this.firstVisible, this.lastVisible)
                ? renderRowPlaceholder(entry, index)
                : renderRow(entry, this.windowStart + index, ctx),
        })}
      </div>
      ${renderListState(states)}
      </div>
      ${pager.items.length && pager.status === 'error' ? renderFailureBar(states, pager.cachedAt) : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      ${this.renderPrintList()}
    </div>`;
  }

  /** What the state messages and bars need. */
  private stateView(): StateView {
    const { pager } = this;
    return {
      view: this.view,
      msg: this.msg,
      fmt: this.fmt,
      error: pager.error,
      retrying: pager.retrier.retryAt !== null,
      loaded: pager.items.length,
      partial: this.filteringLocally && !pager.done,
      retry: () => void this.retry(),
      clearFilters: () => this.clearFilters(),
    };
  }

  override updated(): void {
    if (this.rows.length) prefetchDetail();
    this.updateDayPin();
  }

  /** The day of the first visible row, pinned at the top once the list is scrolled (filled in by `updateDayPin`). */
  private renderDayPin(): TemplateResult {
    return html`<div class="day-pin" part="day-pin" aria-hidden="true" hidden></div>`;
  }

  /** Updates the pinned day in place: it changes while scrolling, where a full render would be wasted work. */
  private updateDayPin(): void {
    const pin = this.renderRoot.querySelector<HTMLElement>('.day-pin');
    if (!pin) return;
    const row = this.rows[this.firstVisible];
    if (!row || this.firstVisible === 0) {
      pin.hidden = true;
      return;
    }
    const now = this.clock.now;
    const label = row.item.time > now ? this.msg.upcoming : this.fmt.dayLabel(row.day, now);
    if (pin.textContent !== label) pin.textContent = label;
    pin.hidden = false;
  }

  private onVisibilityChanged = (e: VisibilityChangedEvent) => {
    this.firstVisible = this.windowStart + e.first;
    this.lastVisible = this.windowStart + e.last;
    this.updateDayPin();
  };

  private timelineCache: TimelineCache | null = null;
  private revalidationAnchor: ScrollAnchor | null = null;

  /** After the newest page merged over cached events: the row the user was reading stays where it was. */
  private async keepReadingPosition(): Promise<void> {
    const anchor = this.revalidationAnchor;
    this.revalidationAnchor = null;
    if (!anchor) return;
    await this.updateComplete;
    const index = this.rows.findIndex((row) => row.key === anchor.key);
    if (index < 0 || !this.scroller) return;
    await restoreAnchor(anchor, {
      scroller: this.scroller,
      index,
      reveal: (i) => this.reveal(i, 'start'),
      settled: () => this.virtualizer?.layoutComplete ?? Promise.resolve(),
    });
  }

  /** The cache of a client for this element's `cache` mode and namespace; none for a filtered request. */
  private pageCache(clientId: string, filter: TimelineFilter): PageCache | null {
    const mode: CacheMode = this.cache === 'memory' || this.cache === 'none' ? this.cache : 'indexeddb';
    const filtered = Object.values(filter).some((value) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && !value.length));
    if (mode === 'none' || filtered) return null;
    if (this.timelineCache?.mode !== mode) {
      this.timelineCache = new TimelineCache(mode, (error) => {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        emit(this, 'timeline-error', {
          kind: 'cache',
          clientId: this.clientId ?? '',
          error,
          message: `Saved activity cannot be kept in IndexedDB (${reason}); it is kept in memory for this page only.`,
        });
      });
    }
    return this.timelineCache.forClient(this.cacheNamespace ?? '', clientId, () => this.cacheLimits());
  }

  private cacheLimits(): CacheLimits {
    const positive = (value: number, fallback: number) => (Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback);
    return {
      maxEvents: positive(this.cacheMaxEvents, DEFAULT_MAX_EVENTS),
      maxClients: positive(this.cacheMaxClients, DEFAULT_MAX_CLIENTS),
      maxAge: Number.isFinite(this.cacheMaxAge) && this.cacheMaxAge > 0 ? this.cacheMaxAge * 1000 : 0,
    };
  }

  /** The virtualizer driving the list, for tests and scroll control. */
  get virtualizer(): VirtualizerHostElement[typeof virtualizerRef] | undefined {
    return this.scroller?.[virtualizerRef];
  }
}
