import { html, LitElement, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { adoptLateStyles, styles } from './client-timeline.styles.js';
import { TimelineLayout } from './timeline-layout.js';
import { AnnouncerController } from './controllers/announcer.js';
import { CacheController } from './controllers/cache.js';
import { ClockController } from './controllers/clock.js';
import { ExpansionController } from './controllers/expansion.js';
import { ExportController } from './controllers/export.js';
import { FastScrollController } from './controllers/fast-scroll.js';
import { FeedFocusController } from './controllers/feed-focus.js';
import { FilterController } from './controllers/filter.js';
import { FocusReturnController } from './controllers/focus-return.js';
import { gapHeights, GapsController } from './controllers/gaps.js';
import { LiveController } from './controllers/live.js';
import { LocaleController } from './controllers/locale.js';
import { MenuController } from './controllers/menus.js';
import { NavigationController } from './controllers/navigation.js';
import { PagerController } from './controllers/pager.js';
import { PrintController } from './controllers/print.js';
import { RecordsController } from './controllers/records.js';
import { RowMenuController } from './controllers/row-menu.js';
import { END, isSentinel, LOADING, RowWindowController, type ListEntry } from './controllers/row-window.js';
import { ScrollFrame } from './controllers/scroll-frame.js';
import { SourceController } from './controllers/source.js';
import type { TimelineAdapter } from './data/adapter.js';
import { timelineConfig, watchLateProviders } from './context.js';
import { permissionsKey, permitsCategory, type TimelinePermissions } from './data/permissions.js';
import { clearCache } from './data/cache.js';
import type { ExportFormat } from './data/export.js';
import { buildRows, type Row } from './data/rows.js';
import { withGaps } from './data/gap-rows.js';
import { listView, type ListView } from './data/view.js';
import { emit, type TimelineAction } from './events.js';
import type { MessageOverrides } from './i18n/messages.js';
import { listAttribute, optionalListAttribute, optionalText } from './internal/attributes.js';
import { errorMessage } from './internal/errors.js';
import { catalogVersion } from './model/catalog.js';
import { describeInvalid, type TimelineItem } from './model/event.js';
import type { RenderContext } from './render/context.js';
import { updateDayPin } from './render/day-pin.js';
import { PANEL, panels, prefetchPanels, renderFilterBar, searchBox } from './render/filter-bar.js';
import { markMatches } from './render/highlight.js';
import { renderPrintList } from './render/print-list.js';
import { loadedDetail, prefetchDetail, renderGap, renderRowPlaceholder, renderRowSafely } from './render/row.js';
import { failureWords, renderFailureBar, renderListState, renderOverlay, renderSentinel, renderSpacer, type Progress, type StateView } from './render/states.js';
import { virtualize } from './render/virtual-rows.js';

/** Rows past the last rendered one at which the next page is requested. */
const PREFETCH_ROWS = 15;
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
 * @slot empty - What the empty state says when the client has no activity, instead of the built-in words (e.g. "Created today", "Link the mailbox to see emails").
 * @slot error - What the error state says when the first page failed, instead of "Couldn't load activity."; the reason, Details and Retry stay.
 * @slot composer - The host's own form above the list, under the filter bar (e.g. "Add note", "Log a call"). The element never writes events: after saving, call `refresh()` and the new event appears at the top.
 *
 * @fires {CustomEvent<TimelineErrorDetail>} timeline-error - One event could not be drawn: `{ kind: "render", id, message, clientId, error }`; its row shows its title and "Couldn't show this event", everything else keeps working (once per event). Or a page could not be fetched: `{ kind: "fetch", message, clientId, error }`; what is on screen stays and a Retry button is shown. Or a page held events that failed validation: `{ kind: "invalid-events", message, clientId, invalid: [{ index, id?, problems[] }] }`; they were skipped (once per page), the valid ones rendered. Or the saved-activity cache (IndexedDB) is missing, failed, is blocked or full: `{ kind: "cache", message, clientId, error }`; nothing on screen is lost and the element caches in memory for this page instead (reported once per element); or it held damaged records, which were deleted and not shown (reported once per client), the cache staying on. Or a page's `total` or `position` contradicted what is loaded: `{ kind: "position", message, clientId }`; the figures were clamped or ignored, every event kept (once per page). Bubbles, composed.
 * @fires {CustomEvent<TimelineToggleDetail>} timeline-toggle - An event was expanded or collapsed: `{ id, key, expanded }`; `id` is the event's (for a row of folded updates, its newest event's), `key` the row's (`group:<id>` for folded updates). Bubbles, composed.
 * @fires {CustomEvent<TimelinePageDetail>} timeline-page - A page was loaded and merged: `{ clientId, added, updated, total, done }`. Bubbles, composed.
 * @fires {CustomEvent<TimelineActionDetail>} timeline-action - The user chose one of an event's `actions`: `{ action, event }`, the action's `id` and the event. The menu closes and focus goes back to the row's ⋯ button; the element changes nothing itself (after a Delete or an Edit, update the source and call `refresh()`). Cancelable: `preventDefault()` keeps the menu open. Bubbles, composed.
 * @fires {CustomEvent<TimelineOpenDetail>} timeline-open - The user follows the link to an event's record: `{ id, type, url, record? }`. Cancelable: `preventDefault()` keeps the link from opening so the host app can route inside itself. Bubbles, composed.
 *
 * @csspart list - The scrolling feed.
 * @csspart row - One event (`article`); expanded rows also have `row-expanded`, folded updates `row-folded`.
 * @csspart day-header - The day header ("Today", "Monday, November 16", "Upcoming") above the first event of a day: a heading of level `heading-level`.
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
 * @csspart row-actions - The ⋯ button of an event with `actions` ("Actions for …").
 * @csspart row-menu - The menu of an event's actions (a popover, one for the whole list, filled when a ⋯ button is pressed); destructive items have the class `danger`.
 * @csspart icon - The type icon of a row.
 * @csspart toggle - The button that expands a row.
 * @csspart title - The title of a row.
 * @csspart tone - The text badge of a failed / successful / warning event without a status; with a status, the tone colours the status chip and is said in its name ("Overdue, needs attention").
 * @csspart time - The exact date and time (`<time>`).
 * @csspart relative-time - The relative time ("10 days ago").
 * @csspart author - Who performed the action.
 * @csspart summary - The one-line summary of a collapsed row.
 * @csspart detail - The expanded detail.
 * @csspart gap - The row standing for events not loaded yet between two stretches of history (after a jump to a date on a source that seeks); they load when it comes into view.
 * @csspart skeleton - Placeholder rows while the first page loads.
 * @csspart empty-state - The message shown when there is no activity.
 * @csspart error-state - The message shown when the first page failed, with Retry.
 * @csspart error-details - The technical message of an error, behind a Details disclosure (also in `timeline-error`).
 * @csspart status-bar - The bar under the list when an older page failed, with Retry.
 * @csspart cache-notice - The bar under the list when saved (cached) events are shown because the network failed: "Showing saved activity from …", with Retry.
 * @csspart retry - The Retry buttons.
 * @csspart filter-bar - The bar above the list: search, date range, people, actions, categories, active filters. It never scrolls away.
 * @csspart search - The search box (`/` focuses it, `Escape` clears it).
 * @csspart date-range - The date range picker (any time, last 7 / 30 / 90 days, this year, custom).
 * @csspart custom-dates - The From / To date inputs of a custom range.
 * @csspart people - The button that opens the author filter.
 * @csspart people-panel - The author filter (a popover dialog of checkboxes).
 * @csspart kinds - The button that opens the kinds within categories (shown when a category holds several kinds: quotes, proposals, deals…).
 * @csspart kinds-panel - The kinds within categories, by category (a popover dialog of checkboxes that sets `record-types`).
 * @csspart actions - The ⋯ button that opens the actions menu.
 * @csspart actions-menu - The actions menu (a popover): Jump to date…, Expand all, Collapse all, Export CSV / JSON.
 * @csspart jump-panel - The jump-to-date dialog (a popover), opened from the actions menu.
 * @csspart categories - The category checkboxes with All and None: a strip that wraps, or at narrow widths (under 36rem) a popover.
 * @csspart categories-button - At narrow widths, the button that opens the categories ("Categories: 3 of 11").
 * @csspart category - One category checkbox with its label and count.
 * @csspart category-count - The number of events of a category.
 * @csspart counts-note - Says that counts only cover the events loaded so far.
 * @csspart chips - The active filters as removable chips, with Clear all.
 * @csspart chip - One active filter.
 * @csspart clear-all - The Clear all button.
 * @csspart match - A search match in a row (`<mark>`).
 * @csspart no-matches - The message shown when no loaded event matches the filters, with Clear filters.
 * @csspart search-status - The bar shown while older pages are searched for matches (or a date is loaded), with Stop.
 * @csspart status-summary - The status summary of the client's records (folded at first): per kind a bar and a button per status.
 * @csspart status-summary-kind - One record kind in the status summary.
 * @csspart status-summary-status - A status button ("Overdue · 3 · ₡1,240,000") that filters the timeline to it.
 * @csspart todo - The to-do section (folded at first): open tasks, meetings and scheduled messages, overdue first.
 * @csspart todo-item - One open piece of work; it brings its event into view.
 * @csspart later - In a record's story, how long after the step before an event came ("12 days later").
 * @csspart record-history - The "Show this record's history" button in an event's detail.
 * @csspart new-events - The "N new events" pill shown when events arrive while reading below the top.
 * @csspart print-list - The plain list of the filtered events that replaces the virtualized one when printing.
 *
 * @fires {CustomEvent<TimelineFilterChangeDetail>} timeline-filter-change - The user changed the filter: `{ types, authors, since, until, q, statuses, recordTypes }`, the values of the properties of the same names (not fired when the host sets them). Bubbles, composed.
 */
export class ClientTimeline extends LitElement {
  // The CSS custom properties (`@cssprop`) are documented beside the tokens, in client-timeline.styles.ts.
  static override styles = styles;

  // ── Properties ──────────────────────────────────────────────────────────────────────────────────────────

  /** A data source object with `fetchPage(query)`. Takes precedence over `src`. */
  @property({ attribute: false }) adapter: TimelineAdapter | null = null;

  /** URL of an endpoint speaking the HTTP wire format; used when no `adapter` is set. */
  @property() src: string | null = null;

  /** Whose timeline to show. Changing it aborts in-flight requests and starts over. */
  @property({ attribute: 'client-id' }) clientId: string | null = null;

  /** How the client is named in the printed list's header and the export file name, e.g. `Karina Solís`; defaults to the client id. */
  @property({ attribute: 'client-label' }) clientLabel: string | null = null;

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

  /**
   * Level (1–6) of the day headers ("Today", "Monday, November 16", "Upcoming") in the page's outline: `3` by default;
   * set it to fit the headings around the element, e.g. `2` under a page's `h1`. Out of range: the nearest of 1 and 6.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /**
   * What the signed-in user's role may see: `{ categories?, types?, recordTypes?, internal? }` (e.g. a technician:
   * `{ categories: ['task', 'meeting', 'note'], recordTypes: ['booking'], internal: false }`). Whatever the adapter
   * sends, an event outside it is never rendered, counted, searched, exported, printed, announced or cached; the
   * filter bar offers only the permitted categories. The server should filter too: this is the second wall.
   * Changing it loads the timeline again.
   */
  @property({ attribute: false }) permissions: TimelinePermissions | null = null;

  /**
   * `records` (default): above the list, the status summary of the client's records: per kind (quotes, bookings,
   * invoices…) each status with its count and total amount, a status or "Show all" filtering the timeline to it.
   * Shown when events carry a status; from the page's `summary` when the source sends one, else over what is
   * loaded. `none`: no summary.
   */
  @property({ reflect: true }) summary: 'none' | 'records' = 'records';

  /** Spacing of rows: `comfortable` (the default) or `compact`. */
  @property({ reflect: true }) density: 'comfortable' | 'compact' | null = null;

  /**
   * What the user may do with an event: a function from an event to its actions, `{ id, label, icon?, danger? }`
   * (e.g. `[{ id: 'reply', label: 'Reply', icon: 'reply' }, { id: 'delete', label: 'Delete', danger: true }]`), or
   * `null`/`[]` for none. An event with actions gets a ⋯ button that opens them as a menu; choosing one fires
   * `timeline-action`. `icon` is a built-in icon name; `danger` items are shown in the failed colour, set apart.
   */
  @property({ attribute: false }) actions: ((event: TimelineItem) => readonly TimelineAction[] | null | undefined) | null = null;

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

  /**
   * Statuses shown (`Overdue`, `Paid`, `Expired`…), compared ignoring case and accents; empty: every status. Events
   * without a status are hidden while it is set. Attribute: a comma list. Sent to the server as `statuses=`.
   */
  @property({ converter: optionalListAttribute, reflect: true }) statuses: string[] = [];

  /**
   * Record kinds shown: an event's `record.type`, else its type's first segment (`quote`, `invoice`, `booking`,
   * `inquiry`…), so quotes and invoices can be told apart within their category; empty: every kind. Attribute
   * `record-types`: a comma list. Sent to the server as `recordTypes=`.
   */
  @property({ attribute: 'record-types', converter: optionalListAttribute, reflect: true }) recordTypes: string[] = [];

  /**
   * One record's story: only the events about the record with this id (`record.id`: a quote's sent → opened →
   * follow-up → lost), each with the time since the step before ("12 days later"). Set by "Show this record's
   * history" in an event's detail; `null`: every record. Sent to the server as `record=`.
   */
  @property({ attribute: 'record-id', reflect: true }) recordId: string | null = null;

  /** Search text, matched in titles, summaries, authors and detail text, ignoring case and accents (`leido` finds `leído`). */
  @property({ converter: optionalText, reflect: true }) q = '';

  /** Seconds between re-fetches of the newest page, for adapters without push (the HTTP adapter). 0: no polling. */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = 0;

  /**
   * Seconds a page may take before it fails with a timeout (its request is aborted and Retry is
   * offered); 0: no limit. Network failures, HTTP 5xx and 429 are retried automatically with
   * backoff (honouring `Retry-After`), shared by every element using the same `adapter` or `src`.
   */
  @property({ type: Number }) timeout = 30;

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

  /**
   * Events kept in memory (default 20,000), on a source that seeks: past it, the stretches farthest from the row being
   * read are dropped and fetched again when scrolled back to, so memory stays flat however far the user goes. At
   * least 1,000.
   */
  @property({ attribute: 'memory-events', type: Number }) memoryEvents: number = 20_000;

  /** Clients cached per namespace (default 50); the least recently opened are evicted first. */
  @property({ attribute: 'cache-max-clients', type: Number }) cacheMaxClients: number = 50;

  /** Seconds after the newest page was fetched during which cached events may be shown; `0` (the default): no limit. */
  @property({ attribute: 'cache-max-age', type: Number }) cacheMaxAge = 0;

  /**
   * Deletes cached events of one namespace, or of all namespaces when called without one (IndexedDB and memory).
   * Call it on sign-out: `await ClientTimeline.clearCache(userId)`.
   */
  static clearCache(namespace?: string): Promise<void> {
    return clearCache(namespace);
  }

  // ── Controllers. Data flows one way: adapter/cache → source → pager → filter → rows → render. ──────────────

  /** What a `<client-timeline-provider>` around the element gives. */
  private readonly provided = new ContextConsumer(this, { context: timelineConfig, subscribe: true });
  private readonly i18n = new LocaleController(this);
  private readonly clock = new ClockController(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly source = new SourceController();
  private readonly caches = new CacheController(this, () => ({
    clientId: this.clientId,
    mode: this.cache,
    namespace: this.config.cacheNamespace,
    maxEvents: this.cacheMaxEvents,
    maxClients: this.cacheMaxClients,
    maxAge: this.cacheMaxAge,
  }));
  private readonly pager = new PagerController(this, this.source, {
    onInvalid: (invalid, clientId) => emit(this, 'timeline-error', { kind: 'invalid-events', clientId, invalid, message: describeInvalid(invalid, clientId) }),
    onError: (error, clientId) => {
      const { msg, fmt } = this.i18n;
      const { cachedAt, items } = this.pager;
      this.announcer.announce(cachedAt !== null ? msg.savedActivity(fmt.exact(cachedAt)) : `${items.length ? msg.loadMoreFailed : msg.loadFailed} ${failureWords(error, msg)}`);
      this.reportFetch(error, clientId);
    },
    onCached: (info) => {
      // Saved events shown because the network failed: say that, not only how many.
      const { msg, fmt } = this.i18n;
      const { cachedAt, status } = this.pager;
      this.announcer.announce(status === 'error' && cachedAt !== null ? msg.savedActivity(fmt.exact(cachedAt)) : msg.loaded(info.total));
    },
    beforeRevalidate: () => this.navigation.beforeRevalidate(),
    onPosition: (message, clientId) => emit(this, 'timeline-error', { kind: 'position', clientId, message }),
    onPage: (info) => {
      if (info.total === info.added && info.added > 0) this.announcer.announce(this.i18n.msg.loaded(info.total));
      else if (info.total === 0 && info.done) this.announcer.announce(this.i18n.msg.empty);
      emit(this, 'timeline-page', info);
      // The rows already on screen may reach the end of what is loaded: keep going. A gap still in view loads once the
      // rows are drawn and the reading position is back in place.
      void this.navigation
        .afterPage()
        .then(() => this.gaps.evictFar())
        .then(() => this.gaps.fill());
      queueMicrotask(() => this.maybeLoadMore(false));
    },
  });
  private readonly filters = new FilterController(this, {
    serverFilters: () => this.source.serverFilters,
    now: () => this.clock.now,
    permitsCategory: (category) => permitsCategory(this.config.permissions, category),
  });
  private readonly expansion = new ExpansionController(this);
  private readonly fastScroll = new FastScrollController(this);
  /** The list's geometry, read once per frame for the sweep detector, the row window, the pill and the day pin. */
  private readonly scrollFrame = new ScrollFrame(this, () => this.scroller);
  private readonly rowWindow = new RowWindowController(this, {
    scroller: () => this.scroller,
    ownMove: () => this.fastScroll.ownMove(),
    requestFrame: this.scrollFrame.request,
    rangeChanged: () => this.maybeLoadMore(),
    visibilityChanged: this.scrollFrame.request,
    released: () => this.maybeLoadMore(),
  });
  private readonly navigation = new NavigationController(this, this.pager, this.rowWindow, {
    rows: () => this.rows,
    scroller: () => this.scroller,
    ownMove: () => this.fastScroll.ownMove(),
    i18n: this.i18n,
    announcer: this.announcer,
    afterJump: () => {
      this.gaps.fromBelow();
      this.maybeLoadMore();
    },
  });
  private readonly gaps = new GapsController(this, this.pager, this.rowWindow, this.navigation, {
    rows: () => this.rows,
    scroller: () => this.scroller,
    memoryEvents: () => this.memoryEvents,
    seeks: () => this.source.seeks,
    loadMore: () => this.maybeLoadMore(),
  });
  private readonly live = new LiveController(this, this.source, {
    source: () => (this.source.adapter && this.clientId ? { adapter: this.source.adapter, clientId: this.clientId } : null),
    target: () => (this.pager.started && this.pager.clientId ? { clientId: this.pager.clientId, limit: this.pageLimit, filter: this.pager.sentFilter ?? {} } : null),
    interval: () => this.pollInterval,
    onEvents: (events, clientId) => void this.insertLive(() => this.pager.insert(events, clientId), clientId),
    onPage: (page, clientId, filter) => this.insertLive(() => this.pager.merge(page, clientId, filter), clientId),
    onError: (error, clientId) => this.reportFetch(error, clientId),
  });
  private readonly exporter = new ExportController(this, this.source, {
    request: () => {
      const { clientId, pager, filters } = this;
      if (!this.source.adapter || !clientId) return null;
      const loaded = pager.done && pager.clientId === clientId ? filters.visible(pager.items) : null;
      return { clientId, label: this.clientName, filter: filters.state, sent: filters.sentFilter, keep: filters.matches, limit: Math.max(100, this.pageLimit), loaded };
    },
    i18n: this.i18n,
    announcer: this.announcer,
    now: () => this.clock.now,
  });
  private readonly printer = new PrintController(this);
  private readonly records = new RecordsController(this, {
    summaryShown: () => this.summary !== 'none',
    loaded: () => this.pager,
    filter: () => this.filters.state,
    show: (kind, status) => this.filters.set({ recordTypes: [kind], statuses: status ? [status] : [] }),
    go: (item) => {
      const index = this.rows.findIndex((row) => row.item.id === item.id || (row.kind === 'group' && row.items.some((i) => i.id === item.id)));
      if (index >= 0) void this.navigation.scrollToRow(index).then(() => this.feedFocus.focusRow(index));
    },
    now: () => this.clock.now,
    i18n: () => this.i18n,
  });
  private readonly menus = new MenuController(this);
  private readonly rowMenu = new RowMenuController(this, this.menus);
  private readonly focusReturn = new FocusReturnController(this);
  private feedFocus!: FeedFocusController;
  @query('.scroller') private scroller!: (HTMLElement & VirtualizerHostElement) | null;
  /** The rows the list shows (filtered, folded), and what they were built from. */
  private rows: Row[] = [];
  private rowsMemo: [items: readonly TimelineItem[], catalog: number, fmt: unknown, gaps: unknown] | null = null;
  /** What the list area shows. */
  private view: ListView = 'no-client';
  /** Events whose rendering failed, reported once each (per client). */
  private renderFailures = new Set<string>();
  /** Whether the element was ever in a document (not when rendered on a server); and, until then, whether a source is set. */
  private attached = false;
  private loadingShell = false;
  /** Live events are merged one batch after the other, each keeping the reading position. */
  private liveQueue: Promise<void> = Promise.resolve();
  /** The styles of lazily loaded parts this element's shadow root adopted so far. */
  private readonly lateStyles = new Set<CSSResult>();
  /** Whether this element asked for the filter bar panels' chunk (it renders again when it arrives). */
  private panelsAsked = false;

  constructor() {
    super();
    this.scrollFrame.subscribe(
      this.fastScroll.onFrame,
      this.rowWindow.onFrame,
      ({ top }) => this.navigation.onScroll(top),
      this.gaps.onFrame,
      () => this.updateDayPin(),
    );
    // Page Down / Page Up between articles, focus kept across recycled rows, results count after filtering.
    this.feedFocus = new FeedFocusController(this, {
      rows: () => this.rows,
      scroller: () => this.scroller,
      scrollToIndex: (index) => this.rowWindow.reveal(index, 'nearest'),
      firstVisible: () => this.rowWindow.firstVisible,
      loadMore: () => {
        const { pager } = this;
        if (!pager.started || pager.done || pager.status === 'error') return false;
        if (pager.status === 'idle') void pager.loadMore();
        return true;
      },
      filterKey: () => (this.filters.active ? JSON.stringify(this.filters.state) : null),
      settled: () => this.pager.started && !this.pager.loading,
      announceResults: (count) => this.announcer.announce(count ? this.i18n.msg.find.matches(this.i18n.fmt.count(count)) : this.i18n.msg.find.noMatches),
    });
  }

  // ── Public methods ──────────────────────────────────────────────────────────────────────────────────────

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

  /**
   * Fetches the newest page again and merges what is new: at the top new events simply
   * appear; further down the reading position stays put and a "N new events" pill offers
   * to go up. `poll-interval` calls this on a timer.
   */
  refresh(): Promise<void> {
    return this.live.refresh();
  }

  /** Expands every loaded event that matches the filter, and those loaded later, until `collapseAll()`. */
  expandAll(): void {
    this.expansion.expandAll();
  }

  /** Collapses every event. */
  collapseAll(): void {
    this.expansion.collapseAll();
  }

  /** Removes every filter, as the "Clear all" button does. */
  clearFilters(): void {
    this.filters.clear();
  }

  /**
   * Scrolls to the newest event on or before `date` (a `2026-11-13` day, an instant or a
   * `Date`) and focuses it. On a source that seeks (`capabilities.seek`), with one request for the page at that date,
   * whatever the distance; otherwise loading older pages until it is reached, the progress shown with Stop. Resolves
   * `false` when there is none, or the jump was stopped.
   */
  jumpTo(date: string | number | Date): Promise<boolean> {
    return this.navigation.jumpTo(date);
  }

  /**
   * Every event matching the current filter, as a CSV or JSON file. Pages through the
   * adapter from the newest page unless the whole history is already loaded.
   */
  exportEvents(format: ExportFormat, options: { signal?: AbortSignal; onProgress?: (count: number) => void } = {}): Promise<Blob> {
    return this.exporter.build(format, options);
  }

  // ── Each update: derive, in the order data flows ───────────────────────────────────────────────────────────

  override connectedCallback(): void {
    this.attached = true;
    watchLateProviders();
    super.connectedCallback();
  }

  /** What applies: the element's own properties and attributes, else what a provider around it gives. */
  private get config() {
    const given = this.provided.value ?? {};
    return {
      adapter: this.adapter ?? given.adapter ?? null,
      src: this.src || given.src || null,
      locale: this.locale || given.locale || null,
      timeZone: this.timeZone || given.timeZone || null,
      messages: this.messages ?? given.messages ?? null,
      permissions: this.permissions ?? given.permissions ?? null,
      cacheNamespace: this.cacheNamespace || given.cacheNamespace || '',
    };
  }

  /**
   * A first page the server embedded (`client-timeline/ssr`): the answer to the first request, not fetched again.
   * Read at the first update in a document, once the element's children are there.
   */
  private readEmbedded(): void {
    const embedded = this.querySelector(':scope > script[type="application/json"][data-first-page]');
    if (!embedded) return;
    try {
      this.source.embed(JSON.parse(embedded.textContent ?? ''));
    } catch (error) {
      console.warn(`<client-timeline> data-first-page is not JSON (${errorMessage(error)}); fetching the first page instead.`);
    }
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const config = this.config;
    this.i18n.sync(config);
    if (changed.has('now')) this.clock.fixed = this.now === null ? undefined : +this.now;
    const { pager, filters, attached } = this;
    const before = pager.clientId;
    const clientId = this.clientId;
    // Rendered on a server (never connected): the shell the client draws first; nothing fetches or reads the cache.
    if (attached) {
      if (!this.hasUpdated) this.readEmbedded();
      this.source.sync({ ...config, timeout: this.timeout });
      const adapter = this.source.adapter;
      const filter = filters.sourceFilter;
      pager.configure(
        adapter && clientId
          ? { adapter, clientId, pageSize: this.pageLimit, filter, sent: filters.sentFilter, cache: this.caches.forClient(clientId, filter), permissions: permissionsKey(config.permissions) }
          : null,
      );
    }
    const hasSource = !!clientId && (attached ? !!this.source.adapter : !!(config.adapter || config.src));
    this.loadingShell = !attached && hasSource;
    const clientChanged = pager.clientId !== before;
    // Until something is shown (a long first page shows its first slice early), the list stays at the top.
    if (clientChanged || (!pager.started && pager.shown === pager.items)) {
      this.expansion.reset();
      this.rowWindow.reset();
      if (this.scroller) this.scroller.scrollTop = 0;
    }
    if (clientChanged) {
      this.renderFailures.clear();
      this.records.reset();
      this.live.cancelPoll();
      this.exporter.cancel();
    }
    if (filters.sync(clientChanged)) {
      // Another filter or client: from the top, with nothing pending from before.
      this.navigation.reset();
      this.rowWindow.reset();
      if (this.scroller) this.scroller.scrollTop = 0;
      queueMicrotask(() => this.maybeLoadMore());
    }
    const visible = filters.visible(pager.shown);
    const memo = this.rowsMemo;
    if (!memo || memo[0] !== visible || memo[1] !== catalogVersion || memo[2] !== this.i18n.fmt || memo[3] !== pager.gaps) {
      this.rowsMemo = [visible, catalogVersion, this.i18n.fmt, pager.gaps];
      const { fmt } = this.i18n;
      const rows = buildRows(visible, (_, item) => fmt.dayOf(item));
      this.rows = withGaps(rows, pager.gaps, gapHeights(rows.length, pager.gaps));
    }
    // The gap down to the end of the history stands for what loads next.
    const toEnd = pager.gaps[pager.gaps.length - 1]?.below === null;
    this.rowWindow.sync(this.rows, pager.loading && pager.cachedAt === null && !toEnd ? LOADING : pager.done && this.rows.length ? END : null);
    this.view = listView({
      hasSource,
      rows: this.rows.length,
      loaded: pager.items.length,
      started: pager.started,
      done: pager.done,
      failed: pager.status === 'error',
      filterActive: filters.active,
      searching: filters.local && !pager.done && !filters.stopped,
    });
    // The styles of the lazily loaded parts there by now, before they render.
    adoptLateStyles(this.renderRoot as ShadowRoot, { detail: loadedDetail()?.detailStyles, panels: panels()?.panelStyles, records: this.records.styles }, this.lateStyles);
  }

  /** How the client is named on paper and in file names: `clientLabel`, else the client id. */
  private get clientName(): string {
    return this.clientLabel?.trim() || this.clientId || '';
  }

  private get pageLimit(): number {
    return Math.max(1, Math.floor(this.pageSize) || 50);
  }

  /** Loads what the rows on screen are about to need: the next page near the end, a gap in view (unless `gaps` is false). */
  private maybeLoadMore(gaps = true): void {
    const { pager, filters } = this;
    if (filters.stopped && filters.local) return;
    if (gaps && this.gaps.fill()) return;
    // With a gap down to the end of the history, that gap is what loads next (from its top edge, when in view).
    if (pager.gaps[pager.gaps.length - 1]?.below === null) return;
    if (pager.status === 'idle' && !pager.done && pager.started && this.rowWindow.lastRendered >= this.rows.length - PREFETCH_ROWS) void pager.loadMore();
  }

  /** The feed's length for assistive tech: the source's `total` where it counts what is shown, else what is loaded once all is. */
  private get setSize(): number {
    const { pager } = this;
    if (pager.total !== null && (this.source.serverFilters || !this.filters.active)) return pager.total;
    return pager.done ? this.rows.length : -1;
  }

  /** Where row `index` sits in the whole history (1-based): after a seek, by the positions the source gave. */
  private posInSet(index: number): number {
    const row = this.rows[index];
    if (!this.pager.gaps.length || !row) return index + 1;
    const position = row.kind === 'gap' ? null : this.pager.positionOf(row.item);
    return position === null ? index + 1 : position + 1;
  }

  /** Merges live events (`insert` returns the new ones), keeping the reading position when they land above it. */
  private insertLive(insert: () => TimelineItem[] | null, clientId: string): Promise<void> {
    const run = async () => {
      if (clientId !== this.pager.clientId || !this.isConnected) return;
      await this.navigation.keepPlace(() => {
        const fresh = insert();
        return fresh?.length ? fresh.filter(this.filters.matches).length : null;
      });
    };
    this.liveQueue = this.liveQueue.then(run, run);
    return this.liveQueue;
  }

  /** Reports an event that could not be drawn, once (after the render: a host's listener may update the element). */
  private reportRender(item: TimelineItem, error: unknown): void {
    const clientId = this.pager.clientId ?? '';
    if (this.renderFailures.has(item.id)) return;
    this.renderFailures.add(item.id);
    queueMicrotask(() => emit(this, 'timeline-error', { kind: 'render', id: item.id, clientId, error, message: `Event "${item.id}" could not be shown: ${errorMessage(error)}` }));
  }

  private reportFetch(error: unknown, clientId: string): void {
    emit(this, 'timeline-error', { kind: 'fetch', clientId, error, message: errorMessage(error) });
  }

  // ── Rendering ───────────────────────────────────────────────────────────────────────────────────────────

  override render(): TemplateResult {
    const { pager, rowWindow, i18n } = this;
    const ctx = this.renderContext();
    // The row at entry `index` is `rows[start + index]`.
    const start = rowWindow.base;
    const loading = pager.loading || this.loadingShell;
    const inFeed = this.rows.length > 0 || loading;
    const states = this.stateView();
    return html`<div class="box">
      ${this.renderFilterBar()}
      <slot name="composer"></slot>
      <div class="records">${this.records.render()}</div>
      <div class="list-area">
        ${renderOverlay(this.navigation.newCount, this.progress(), i18n.msg, () => this.navigation.showNewEvents())}
        <div class="day-pin" part="day-pin" aria-hidden="true" hidden></div>
        <div
          class="scroller"
          part="list"
          tabindex="-1"
          role=${inFeed ? 'feed' : nothing}
          aria-label=${inFeed ? i18n.msg.feedLabel : nothing}
          aria-busy=${loading ? 'true' : 'false'}
          @rangeChanged=${rowWindow.onRangeChanged}
          @scroll=${this.onListScroll}
          @wheel=${this.gaps.userMoves}
          @touchstart=${this.gaps.userMoves}
          @pointerdown=${this.gaps.userMoves}
          @keydown=${this.gaps.userMoves}
          @visibilityChanged=${rowWindow.onVisibilityChanged}
        >
          ${virtualize<ListEntry>({
            items: rowWindow.entries,
            scroller: true,
            // Given explicitly so the layout is part of the main bundle, not a separately fetched chunk.
            layout: { type: TimelineLayout },
            keyFunction: (entry) => (isSentinel(entry) ? `\u0000${entry.sentinel}` : (entry?.key ?? '')),
            // Reads only this render's snapshot (entries, start, rows in ctx); an index past it renders nothing.
            renderItem: (entry: ListEntry | undefined, index) =>
              entry === undefined
                ? html``
                : isSentinel(entry)
                  ? renderSentinel(entry.sentinel, i18n.msg)
                  : entry.kind === 'spacer'
                    ? renderSpacer(entry)
                    : entry.kind === 'gap'
                    ? renderGap(entry, start + index, ctx)
                    : this.fastScroll.light(start + index, rowWindow.firstVisible, rowWindow.lastVisible)
                    ? renderRowPlaceholder(entry, index)
                    : renderRowSafely(entry, start + index, ctx),
          })}
        </div>
        ${renderListState(states)}
      </div>
      ${pager.items.length && pager.status === 'error' ? renderFailureBar(states, pager.cachedAt) : nothing}
      ${this.rowMenu.render(!!this.actions, this.i18n.msg.find.actions)} ${this.announcer.render()}
      ${this.printer.printing ? renderPrintList(this.filters.visible(pager.items), { client: this.clientName, filters: this.filters.words(i18n), printedAt: this.clock.now }, i18n.fmt, i18n.msg) : nothing}
    </div>`;
  }

  override updated(): void {
    if (this.rows.length) prefetchDetail();
    if (!this.panelsAsked) {
      // After the first paint: what the filter bar's panels hold, so that they open at once.
      this.panelsAsked = true;
      prefetchPanels().then(() => this.requestUpdate(), () => undefined);
    }
    this.updateDayPin();
  }

  /** Jumps from the jump-to-date dialog: focus goes to the first row of that day, or back to the actions button. */
  private async jumpFrom(date: string, from: Element): Promise<void> {
    const button = this.menus.close(from);
    const found = await this.navigation.jumpTo(date);
    // Unless focus moved on meanwhile.
    if (found && button && (this.renderRoot as ShadowRoot).activeElement === button) this.feedFocus.focusRow(this.navigation.jumpedTo);
  }

  private firstArticle(): HTMLElement | null {
    return this.scroller?.querySelector<HTMLElement>('article[data-key]') ?? null;
  }

  private searchInput(): HTMLElement | null {
    return searchBox(this.renderRoot);
  }

  private updateDayPin(): void {
    // Over the rows outside the window (a drag of the scrollbar), the day of the row at that place.
    const first = this.rowWindow.spacerRow ?? this.rowWindow.firstVisible;
    const pin = this.renderRoot.querySelector<HTMLElement>('.day-pin');
    updateDayPin(pin, this.rows[first], first === 0, this.clock.now, this.i18n.fmt, this.i18n.msg);
  }

  /** A scroll: when (a gap waits for the list to rest), then the geometry once in the next frame. */
  private onListScroll = () => {
    this.gaps.scrolled();
    this.scrollFrame.request();
  };

  private renderFilterBar(): TemplateResult {
    const { filters, pager, exporter, expansion } = this;
    return renderFilterBar(
      { ...filters.barView(pager, this.i18n), exporting: exporter.exporting },
      {
        ...filters.actions,
        jumpTo: (date, from) => void this.jumpFrom(date, from),
        openJump: (from) => {
          this.menus.close(from);
          this.menus.open(PANEL.jump);
        },
        menuDone: (from) => void this.menus.close(from),
        keepFocus: (from, next) => this.focusReturn.expect(from, next),
        pressed: (e, id) => this.menus.pressed(e, id),
        refresh: () => this.requestUpdate(),
        expandAll: () => expansion.expandAll(),
        collapseAll: () => expansion.collapseAll(),
        exportAs: (format) => void exporter.download(format),
        cancelExport: () => exporter.cancel(),
      },
    );
  }

  /** What runs over the list: the search of older pages, a jump, an export, with its Stop or Cancel. */
  private progress(): Progress | null {
    const { pager, filters, navigation, exporter } = this;
    const { fmt, msg } = this.i18n;
    const f = msg.find;
    const checked = fmt.count(pager.items.length);
    const searching = filters.local && pager.started && !pager.done && pager.status !== 'error';
    if (navigation.jumping) {
      // Page after page: how far it got; a seek is one request, its date says enough.
      const oldest = pager.items[pager.items.length - 1];
      const text = oldest && !pager.seeks ? f.jumpProgress(checked, fmt.month(oldest.time)) : f.jumping(navigation.jumping);
      return { text, action: f.stop, run: () => navigation.stopJump() };
    }
    if (exporter.exporting !== null) return { text: f.exporting(fmt.count(exporter.exporting)), action: f.cancel, run: () => exporter.cancel() };
    if (searching && filters.stopped) return { text: f.stopped(checked), action: f.searchOlder, run: () => (filters.stop(false), this.maybeLoadMore()) };
    if (searching && pager.loading) return { text: f.searching(checked), action: f.stop, run: () => filters.stop(true) };
    return null;
  }

  /** What the state messages and bars need. */
  private stateView(): StateView {
    const { pager, i18n } = this;
    return {
      view: this.view,
      msg: i18n.msg,
      fmt: i18n.fmt,
      error: pager.error,
      retrying: pager.retrier.retryAt !== null,
      loaded: pager.items.length,
      partial: this.filters.local && !pager.done,
      retry: (from) => {
        // The Retry button goes away with the failure: focus then goes to the first row (or to Retry again).
        this.focusReturn.expect(from, () => this.firstArticle() ?? this.renderRoot.querySelector<HTMLElement>('[part~="retry"]'), true);
        void this.retry();
      },
      clearFilters: (from) => {
        this.focusReturn.expect(from, () => this.searchInput());
        this.filters.clear();
      },
    };
  }

  private renderContext(): RenderContext {
    const { expansion, i18n, rows } = this;
    return {
      fmt: i18n.fmt,
      msg: i18n.msg,
      now: this.clock.now,
      headingLevel: Math.min(6, Math.max(1, Math.round(this.headingLevel) || 3)),
      setSize: this.setSize,
      posInSet: (index) => this.posInSet(index),
      isExpanded: (key) => expansion.isExpanded(key),
      toggle: (row) => expansion.toggle(row),
      open: (item, url) => emit(this, 'timeline-open', { id: item.id, type: item.type, url, record: item.record }, { cancelable: true }),
      rowBefore: (index) => rows[index - 1],
      rowAfter: (index) => rows[index + 1],
      story: !!this.filters.state.record,
      showRecord: (id) => this.filters.set({ record: id }),
      failed: (item, error) => this.reportRender(item, error),
      refresh: () => this.requestUpdate(),
      highlight: (text) => markMatches(text, this.filters.pattern),
      imagesShown: (id) => expansion.imagesShown(id),
      showImages: (id) => expansion.showImages(id),
      actions: (item) => {
        try {
          return this.actions?.(item);
        } catch {
          // A host function that throws on one event: that row offers no actions, the rest is unaffected.
          return null;
        }
      },
      openActions: (row, list, label, e) => this.rowMenu.open(row, list, label, e),
    };
  }
}
