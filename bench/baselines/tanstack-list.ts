/**
 * Baseline (b) for the benchmarks: the plain list's rows (./row.ts: the same events, zod validation, styles,
 * formatters and icons) kept in the DOM by TanStack Virtual (`@tanstack/lit-virtual`), with measured
 * (dynamic-height) rows: each row is measured once rendered (`measureElement`), the others are estimated.
 *
 * Data: the first page from the adapter (newest first), then the next page whenever the rows shown come within 10
 * of the end of what is loaded. When the adapter can seek (`capabilities.seek`) and its first answer has a `total`,
 * the list takes that count at once and loads rows by index as they show: a placeholder row for each event not yet
 * loaded, the page holding it fetched when it becomes visible. Random access asks for page `p` with the cursor
 * `String(p × page-size)`: the benchmark's adapter pages by offset (its cursor is the next index), which is what a
 * list that knows only indexes needs.
 */
import { html, LitElement, type PropertyValues } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { VirtualizerController } from '@tanstack/lit-virtual';
import { styles } from '../../src/client-timeline.styles.js';
import type { PageResult, TimelineAdapter } from '../../src/data/adapter.js';
import { Formatters } from '../../src/i18n/format.js';
import { parseEvents, type TimelineItem } from '../../src/model/event.js';
import { renderRow, toggled, type RowContext } from './row.js';

/** Rows are ≈ 80 px until measured. Rows are keyed by index (TanStack's default): the list only grows at its end. */
const ESTIMATE_PX = 80;
/** ≈ 400 px beyond the view on each side, like the element. */
const OVERSCAN = 5;

/** What a seeking adapter adds to a page (see bench/pages/harness.js). */
type SeekPage = PageResult & { total?: number; position?: number };

export class TanstackList extends LitElement {
  static override styles = styles;
  static override properties = {
    adapter: { attribute: false },
    clientId: { attribute: 'client-id' },
    pageSize: { attribute: 'page-size', type: Number },
    items: { state: true },
    expanded: { state: true },
  };

  declare adapter: TimelineAdapter | null;
  declare clientId: string | null;
  declare pageSize: number;
  /** Sequential mode: the events loaded so far, newest first. */
  declare items: TimelineItem[];
  declare expanded: ReadonlySet<string>;
  private fmt = new Formatters('en-US');
  private now = Date.now();
  private controller: AbortController | null = null;
  private nextCursor: string | null = null;
  private loadingMore = false;
  /** Indexed mode (a seeking adapter told the total): pages by number, and the pages asked for. */
  private total: number | null = null;
  private pages = new Map<number, TimelineItem[]>();
  private requested = new Set<number>();
  private unmeasured: Element[] = [];
  private collect = ref((el?: Element) => el && this.unmeasured.push(el));

  private virtualizer = new VirtualizerController(this, {
    count: 0,
    getScrollElement: () => this.shadowRoot?.querySelector<HTMLElement>('.scroller') ?? null,
    estimateSize: () => ESTIMATE_PX,
    overscan: OVERSCAN,
  });

  constructor() {
    super();
    this.adapter = null;
    this.clientId = null;
    this.pageSize = 50;
    this.items = [];
    this.expanded = new Set();
  }

  /** Same contract as the element's `events`: what is loaded (in indexed mode, the loaded pages in order). */
  get events(): readonly TimelineItem[] {
    if (this.total === null) return this.items;
    return [...this.pages.keys()].sort((a, b) => a - b).flatMap((p) => this.pages.get(p)!);
  }

  /** The number of rows the list has: what is loaded, or the adapter's total in indexed mode. */
  get count(): number {
    return this.total ?? this.items.length;
  }

  /** TanStack Virtual's own instance (the benchmark calls `scrollToIndex` on it). */
  get instance() {
    return this.virtualizer.getVirtualizer();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('adapter') || changed.has('clientId') || changed.has('pageSize')) && this.adapter && this.clientId) void this.load();
    const v = this.instance;
    if (v.options.count !== this.count) v.setOptions({ ...v.options, count: this.count });
  }

  override updated(): void {
    // Rows new in this render, measured now that they are in the document (Lit hands a ref its element while the
    // row's template is still a detached fragment, where it measures 0). TanStack's ResizeObserver takes it from there.
    const v = this.instance;
    for (const node of this.unmeasured.splice(0)) if (node.isConnected) v.measureElement(node);
    this.fetchVisible();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  private itemAt(index: number): TimelineItem | undefined {
    if (this.total === null) return this.items[index];
    const size = this.limit;
    return this.pages.get(Math.floor(index / size))?.[index % size];
  }

  private get limit(): number {
    return Math.max(1, Math.floor(this.pageSize) || 50);
  }

  private fetch(cursor: string | null, signal: AbortSignal): Promise<SeekPage> {
    return this.adapter!.fetchPage({ clientId: this.clientId!, cursor, limit: this.limit, filter: {}, signal }) as Promise<SeekPage>;
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.total = null;
    this.pages = new Map();
    this.requested = new Set();
    const page = await this.fetch(null, controller.signal);
    if (controller.signal.aborted) return;
    const items = parseEvents(page.events).items;
    const seek = (this.adapter as { capabilities?: { seek?: boolean } }).capabilities?.seek === true;
    if (seek && typeof page.total === 'number') {
      this.total = page.total;
      this.pages.set(0, items);
      this.requested.add(0);
      this.items = [];
    } else {
      this.nextCursor = page.nextCursor;
      this.items = items;
    }
  }

  /** Sequential: the next page near the end. Indexed: every page that a rendered row is waiting for. */
  private fetchVisible(): void {
    const controller = this.controller;
    if (!controller || !this.adapter || !this.clientId) return;
    const visible = this.instance.getVirtualItems();
    if (!visible.length) return;
    if (this.total === null) {
      const last = visible[visible.length - 1].index;
      if (!this.nextCursor || this.loadingMore || last < this.items.length - 10) return;
      this.loadingMore = true;
      void this.fetch(this.nextCursor, controller.signal)
        .then((page) => {
          if (controller.signal.aborted) return;
          this.nextCursor = page.nextCursor;
          this.items = [...this.items, ...parseEvents(page.events).items];
        })
        .finally(() => (this.loadingMore = false));
      return;
    }
    const size = this.limit;
    for (const p of new Set(visible.map((v) => Math.floor(v.index / size)))) {
      if (this.requested.has(p)) continue;
      this.requested.add(p);
      void this.fetch(String(p * size), controller.signal).then((page) => {
        if (controller.signal.aborted) return;
        this.pages.set(p, parseEvents(page.events).items);
        this.requestUpdate();
      });
    }
  }

  private toggle(id: string): void {
    this.expanded = toggled(this.expanded, id);
  }

  override render() {
    const v = this.instance;
    const rows = v.getVirtualItems();
    const ctx: RowContext = { fmt: this.fmt, now: this.now, setSize: this.count, expanded: this.expanded, toggle: (id) => this.toggle(id) };
    // Each row in a wrapper that TanStack measures and positions (flow-root: the row's bottom margin is inside it).
    return html`<div class="box">
      <div class="scroller" part="list" role="feed" style="overflow:auto">
        <div style="position:relative;inline-size:100%;block-size:${v.getTotalSize()}px">
          <div style="position:absolute;inset-block-start:0;inset-inline-start:0;inline-size:100%;transform:translateY(${rows[0]?.start ?? 0}px)">
            ${repeat(
              rows,
              (row) => row.key,
              (row) => {
                const item = this.itemAt(row.index);
                return html`<div style="display:flow-root" data-index=${row.index} ${this.collect}>
                  ${item ? renderRow(item, row.index, ctx) : html`<div class="row placeholder" aria-hidden="true" style="block-size:${ESTIMATE_PX - 10}px"></div>`}
                </div>`;
              },
            )}
          </div>
        </div>
      </div>
    </div>`;
  }
}

if (!customElements.get('tanstack-list')) customElements.define('tanstack-list', TanstackList);
