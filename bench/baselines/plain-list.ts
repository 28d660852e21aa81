/**
 * Baseline for the benchmarks: the same events, validated the same way (zod),
 * rendered with the same styles, formatters and icons as `<client-timeline>`,
 * but as a plain Lit list that puts every event in the DOM (no virtualization).
 * The ratios in BENCHMARKS.md compare the element against this.
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styles } from '../../src/client-timeline.styles.js';
import type { TimelineAdapter } from '../../src/data/adapter.js';
import { Formatters } from '../../src/i18n/format.js';
import { categoryOf } from '../../src/model/catalog.js';
import { parseEvents, type TimelineItem } from '../../src/model/event.js';
import { icon } from '../../src/render/icons.js';

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
    const next = new Set(this.expanded);
    if (!next.delete(id)) next.add(id);
    this.expanded = next;
  }

  private renderItem(item: TimelineItem, index: number) {
    const cat = categoryOf(item.type);
    const expanded = this.expanded.has(item.id);
    const author = item.author?.name ?? 'Unknown';
    return html`<article class="row ${expanded ? 'expanded' : ''}" part="row" data-id=${item.id} aria-posinset=${index + 1} aria-setsize=${this.items.length} tabindex="-1">
      <span class="icon cat-${cat.key}" part="icon" title=${cat.label}>${icon(cat.icon as never)}</span>
      <div class="main">
        <button class="toggle" part="toggle" type="button" aria-expanded=${expanded ? 'true' : 'false'} @click=${() => this.toggle(item.id)}>
          <span class="title" part="title">${item.title}</span>
          <span class="chevron">${icon('chevron-down' as never)}</span>
        </button>
        <div class="meta">
          <time part="time" datetime=${item.occurredAt}>${this.fmt.exact(item.time)}</time>
          <span class="relative" part="relative-time">${this.fmt.relativeTo(item.time, this.now)}</span>
          <span class="author" part="author">by ${author}</span>
        </div>
        ${!expanded && item.summary ? html`<p class="summary" part="summary">${item.summary}</p>` : nothing}
        ${expanded ? html`<div class="detail" part="detail">${item.summary ? html`<p class="detail-summary">${item.summary}</p>` : nothing}${item.detail?.body && item.detail.bodyFormat !== 'html' ? html`<div class="body body-text">${item.detail.body}</div>` : nothing}</div>` : nothing}
      </div>
    </article>`;
  }

  override render() {
    return html`<div class="box">
      <div class="scroller" part="list" role="feed" style="overflow:auto">
        ${repeat(this.items, (item) => item.id, (item, index) => this.renderItem(item, index))}
      </div>
    </div>`;
  }
}

if (!customElements.get('plain-list')) customElements.define('plain-list', PlainList);
