/**
 * Baseline for the benchmarks: the same events, validated the same way (zod),
 * rendered with the same styles, formatters and icons as `<client-timeline>`,
 * but as a plain Lit list that puts every event in the DOM (no virtualization).
 * The ratios in BENCHMARKS.md compare the element against this. Its rows come from ./row.ts, shared with the
 * TanStack Virtual baseline.
 */
import { html, LitElement, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styles } from '../../src/client-timeline.styles.js';
import type { TimelineAdapter } from '../../src/data/adapter.js';
import { Formatters } from '../../src/i18n/format.js';
import { parseEvents, type TimelineItem } from '../../src/model/event.js';
import { renderRow, toggled, type RowContext } from './row.js';

export class PlainList extends LitElement {
  static override styles = styles;
  static override properties = {
    adapter: { attribute: false },
    clientId: { attribute: 'client-id' },
    pageSize: { attribute: 'page-size', type: Number },
    items: { state: true },
    expanded: { state: true },
  };

  // Reactive properties are declared, then set in the constructor, so class fields do not shadow Lit's accessors.
  declare adapter: TimelineAdapter | null;
  declare clientId: string | null;
  declare pageSize: number;
  declare items: TimelineItem[];
  declare expanded: ReadonlySet<string>;
  private fmt = new Formatters('en-US');
  private now = Date.now();
  private controller: AbortController | null = null;

  constructor() {
    super();
    this.adapter = null;
    this.clientId = null;
    this.pageSize = 50;
    this.items = [];
    this.expanded = new Set();
  }

  /** Same contract as the element's `events`. */
  get events(): readonly TimelineItem[] {
    return this.items;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('adapter') || changed.has('clientId') || changed.has('pageSize')) && this.adapter && this.clientId) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const page = await this.adapter!.fetchPage({ clientId: this.clientId!, cursor: null, limit: this.pageSize, filter: {}, signal: controller.signal });
    if (controller.signal.aborted) return;
    this.items = parseEvents(page.events).items;
  }

  private toggle(id: string): void {
    this.expanded = toggled(this.expanded, id);
  }

  override render() {
    const ctx: RowContext = { fmt: this.fmt, now: this.now, setSize: this.items.length, expanded: this.expanded, toggle: (id) => this.toggle(id) };
    return html`<div class="box">
      <div class="scroller" part="list" role="feed" style="overflow:auto">
        ${repeat(this.items, (item) => item.id, (item, index) => renderRow(item, index, ctx))}
      </div>
    </div>`;
  }
}

if (!customElements.get('plain-list')) customElements.define('plain-list', PlainList);
