import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { styles } from './client-timeline.styles.js';
import { ClockController } from './controllers/clock.js';
import { PagerController } from './controllers/pager.js';
import type { TimelineAdapter, TimelineFilter } from './data/adapter.js';
import { HttpAdapter } from './data/http-adapter.js';
import { emit } from './events.js';
import { Formatters } from './i18n/format.js';
import { mergeMessages, messagesFor, type MessageOverrides, type Messages } from './i18n/messages.js';
import type { TimelineItem } from './model/event.js';
import type { RenderContext } from './render/context.js';
import { buildRows, type Row } from './data/rows.js';
import { catalogVersion } from './model/catalog.js';
import { icon } from './render/icons.js';
import { renderRow, renderSkeleton } from './render/row.js';

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
const isSentinel = (entry: ListEntry): entry is Sentinel => 'sentinel' in entry;

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
 * @fires {CustomEvent<TimelineErrorDetail>} timeline-error - A page could not be fetched: `{ kind: "fetch", message, clientId, error }`; what is on screen stays and a Retry button is shown. Or a page held events that failed validation: `{ kind: "invalid-events", message, clientId, invalid: [{ index, id?, problems[] }] }`; they were skipped (once per page), the valid ones rendered. Bubbles, composed.
 * @fires {CustomEvent<TimelineToggleDetail>} timeline-toggle - An event was expanded or collapsed: `{ id, expanded }`. Bubbles, composed.
 * @fires {CustomEvent<TimelinePageDetail>} timeline-page - A page was loaded and merged: `{ clientId, added, updated, total, done }`. Bubbles, composed.
 * @fires {CustomEvent<TimelineOpenDetail>} timeline-open - The user follows the link to an event's record: `{ id, type, url, record? }`. Cancelable: `preventDefault()` keeps the link from opening so the host app can route inside itself. Bubbles, composed.
 *
 * @cssprop [--ct-height=480px] - Height of the element (the list scrolls inside it).
 * @cssprop [--ct-surface=#ffffff] - Background.
 * @cssprop [--ct-text=#1f2328] - Main text colour.
 * @cssprop [--ct-muted=#59636e] - Secondary text: times, authors, summaries.
 * @cssprop [--ct-border=#d1d9e0] - Borders and row separators.
 * @cssprop [--ct-accent=#0969da] - Links and the default icon colour.
 * @cssprop [--ct-focus=#0969da] - Focus ring.
 * @cssprop [--ct-failed=#cf222e] - Failed events (e.g. a failed call) and errors.
 * @cssprop [--ct-success=#1a7f37] - Successful outcomes.
 * @cssprop [--ct-warning=#9a6700] - Events that need attention.
 * @cssprop [--ct-detail-surface=#f6f8fa] - Background of an expanded detail.
 * @cssprop [--ct-font-family=inherit] - Font family (inherits the page's by default).
 * @cssprop [--ct-font-size=0.875rem] - Base font size.
 * @cssprop [--ct-radius=8px] - Corner radius of the element.
 * @cssprop [--ct-row-padding=10px 14px] - Padding of each event row.
 * @cssprop [--ct-gap=12px] - Gap between the icon and the text of a row.
 * @cssprop [--ct-icon-box=32px] - Size of the round icon badge.
 * @cssprop [--ct-icon-size=18px] - Size of the icon glyph.
 * @cssprop [--ct-cat-email=#0969da] - Icon colour of emails.
 * @cssprop [--ct-cat-call=#1a7f37] - Icon colour of calls.
 * @cssprop [--ct-cat-meeting=#8250df] - Icon colour of meetings.
 * @cssprop [--ct-cat-task=#0a7c86] - Icon colour of tasks.
 * @cssprop [--ct-cat-note=#9a6700] - Icon colour of notes.
 * @cssprop [--ct-cat-deal=#bf3989] - Icon colour of proposals, deals and quotes.
 * @cssprop [--ct-cat-billing=#1f6feb] - Icon colour of invoices and payments.
 * @cssprop [--ct-cat-file=#57606a] - Icon colour of files and attachments.
 * @cssprop [--ct-cat-chat=#0550ae] - Icon colour of chats.
 * @cssprop [--ct-cat-update=#6e7781] - Icon colour of record updates (field changes, assignments, lifecycle, merges).
 * @cssprop [--ct-cat-other=#59636e] - Icon colour of other events.
 * @cssprop [--ct-status-blue=#0969da] - Status chips such as Open, Sent.
 * @cssprop [--ct-status-red=#cf222e] - Status chips such as Overdue, Expired, Declined.
 * @cssprop [--ct-status-green=#1a7f37] - Status chips such as Closed, Paid, Accepted, Completed.
 * @cssprop [--ct-status-yellow=#7d4e00] - Status chips such as Credited.
 * @cssprop [--ct-status-orange=#bc4c00] - Status chips such as In Progress.
 * @cssprop [--ct-status-purple=#8250df] - Status chips such as To Schedule.
 * @cssprop [--ct-status-grey=#59636e] - Status chips such as Draft, Cancelled, and unknown statuses.
 * @cssprop [--ct-avatar-size=18px] - Size of the author avatar or initials.
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
 * @csspart retry - The Retry buttons.
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

  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private announcement = '';
  @state() private firstVisible = 0;

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
      this.announcement = `${this.pager.items.length ? this.msg.loadMoreFailed : this.msg.loadFailed} ${message}`;
      emit(this, 'timeline-error', { kind: 'fetch', clientId, error, message });
    },
    onPage: (info) => {
      if (info.total === info.added && info.added > 0) this.announcement = this.msg.loaded(info.total);
      else if (info.total === 0 && info.done) this.announcement = this.msg.empty;
      emit(this, 'timeline-page', info);
      // The rows already on screen may reach the end of what is loaded: keep going.
      queueMicrotask(() => this.maybeLoadMore());
    },
  });
  private readonly clock = new ClockController(this);

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
  private requestedLocale = '';
  private requestedZone: string | null = null;
  private msgSource: [string, MessageOverrides | null] = ['', null];
  private lastRendered = 0;

  /** Reloads the timeline from the newest page, keeping nothing from before. */
  reload(): void {
    this.pager.configure(null);
    this.requestUpdate();
  }

  /** Retries the page that failed, if any. */
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
    if (this.msgSource[0] !== this.fmt.locale || this.msgSource[1] !== this.messages) {
      this.msgSource = [this.fmt.locale, this.messages];
      this.msg = this.messages ? mergeMessages(messagesFor(this.fmt.locale), this.messages) : messagesFor(this.fmt.locale);
    }
    if (changed.has('now')) this.clock.fixed = this.now === null ? undefined : +this.now;
    const before = this.pager.clientId;
    const adapter = this.adapter ?? this.httpAdapterFor(this.src);
    this.pager.configure(
      adapter && this.clientId
        ? { adapter, clientId: this.clientId, pageSize: Math.max(1, Math.floor(this.pageSize) || 50), filter: this.filter() }
        : null,
    );
    if (this.pager.clientId !== before || !this.pager.started) {
      this.expanded = new Set();
      this.lastRendered = 0;
      this.firstVisible = 0;
      if (this.scroller) this.scroller.scrollTop = 0;
    }
    const visible = this.visibleItems();
    if (this.rowsSource !== visible || this.rowsCatalog !== catalogVersion || this.rowsLocale !== this.fmt) {
      this.rowsSource = visible;
      this.rowsCatalog = catalogVersion;
      this.rowsLocale = this.fmt;
      this.rows = buildRows(visible, (time) => this.fmt.dayKey(time));
    }
    const tail = this.pager.loading ? LOADING : this.pager.done && this.rows.length ? END : null;
    if (this.entriesSource !== this.rows || this.entriesTail !== tail) {
      this.entriesSource = this.rows;
      this.entriesTail = tail;
      this.entries = tail ? [...this.rows, tail] : this.rows;
    }
  }

  /** The filter sent to the adapter (the filter bar fills it in). */
  protected filter(): TimelineFilter {
    return {};
  }

  /** The loaded events the list shows, newest first (the filter bar narrows them). */
  protected visibleItems(): readonly TimelineItem[] {
    return this.pager.items;
  }

  private httpAdapterFor(src: string | null): HttpAdapter | null {
    if (!src) return null;
    if (this.httpAdapter?.src !== src) this.httpAdapter = new HttpAdapter(src);
    return this.httpAdapter;
  }

  private maybeLoadMore(): void {
    const { pager } = this;
    if (pager.status === 'idle' && !pager.done && pager.started && this.lastRendered >= pager.items.length - PREFETCH_ROWS) {
      void pager.loadMore();
    }
  }

  private onRangeChanged = (e: RangeChangedEvent) => {
    this.lastRendered = e.last;
    this.maybeLoadMore();
  };

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
      highlight: (text) => text,
    };
  }

  override render(): TemplateResult {
    const { pager } = this;
    const hasItems = pager.items.length > 0;
    const ctx = this.renderContext();
    return html`<div class="box">
      <div class="list-area">
      ${this.renderDayPin()}
      <div
        class="scroller"
        part="list"
        role=${hasItems || pager.loading ? 'feed' : nothing}
        aria-label=${hasItems || pager.loading ? this.msg.feedLabel : nothing}
        aria-busy=${pager.loading ? 'true' : 'false'}
        @rangeChanged=${this.onRangeChanged}
        @visibilityChanged=${this.onVisibilityChanged}
      >
        ${virtualize<ListEntry>({
          items: this.entries,
          scroller: true,
          // Given explicitly so the layout is part of the main bundle, not a separately fetched chunk.
          layout: flow(),
          keyFunction: (entry) => (isSentinel(entry) ? `\u0000${entry.sentinel}` : entry.key),
          renderItem: (entry, index) => (isSentinel(entry) ? this.renderSentinel(entry) : renderRow(entry, index, ctx)),
        })}
      </div>
      ${this.renderState()}
      </div>
      ${hasItems && pager.status === 'error' ? this.renderStatusBar() : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  /** The day of the first visible row, pinned at the top once the list is scrolled. */
  private renderDayPin(): TemplateResult | typeof nothing {
    const row = this.rows[this.firstVisible];
    if (!row || this.firstVisible === 0) return nothing;
    const now = this.clock.now;
    const label = row.item.time > now ? this.msg.upcoming : this.fmt.dayLabel(row.day, now);
    return html`<div class="day-pin" part="day-pin" aria-hidden="true">${label}</div>`;
  }

  private onVisibilityChanged = (e: VisibilityChangedEvent) => {
    this.firstVisible = e.first;
  };

  private renderSentinel(entry: Sentinel): TemplateResult {
    if (entry.sentinel === 'loading') {
      return html`<div class="loader" aria-hidden="true"><span class="icon"></span><span class="lines"><span></span><span></span></span><span class="sr-only">${this.msg.loadingMore}</span></div>`;
    }
    return html`<div class="end" aria-hidden="true">${this.msg.endOfHistory}</div>`;
  }

  private renderState(): TemplateResult | typeof nothing {
    const { pager, msg } = this;
    if (pager.items.length) return nothing;
    if (!this.clientId || !(this.adapter || this.src)) {
      return html`<div class="state" part="empty-state"><span class="icon">${icon('circle-dot')}</span><p>${msg.noClient}</p></div>`;
    }
    if (pager.status === 'error') {
      const message = pager.error instanceof Error ? pager.error.message : String(pager.error);
      return html`<div class="state error" part="error-state" role="alert">
        <span class="icon">${icon('triangle-alert')}</span>
        <p>${msg.loadFailed}</p>
        <p class="hint">${message}</p>
        <button class="retry" part="retry" type="button" @click=${() => this.retry()}>${msg.retry}</button>
      </div>`;
    }
    if (pager.loading || !pager.started || !pager.done) {
      return html`<div class="state-loading">${renderSkeleton(6)}<span class="sr-only">${msg.loading}</span></div>`;
    }
    return html`<div class="state" part="empty-state">
      <span class="icon">${icon('circle-dot')}</span>
      <p>${msg.empty}</p>
      <p class="hint">${msg.emptyHint}</p>
    </div>`;
  }

  private renderStatusBar(): TemplateResult {
    const message = this.pager.error instanceof Error ? this.pager.error.message : String(this.pager.error);
    return html`<div class="status-bar error" part="status-bar" role="alert">
      <span>${this.msg.loadMoreFailed} <span class="hint">${message}</span></span>
      <button class="retry" part="retry" type="button" @click=${() => this.retry()}>${this.msg.retry}</button>
    </div>`;
  }

  /** The virtualizer driving the list, for tests and scroll control. */
  get virtualizer(): VirtualizerHostElement[typeof virtualizerRef] | undefined {
    return this.scroller?.[virtualizerRef];
  }
}
