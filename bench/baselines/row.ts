/**
 * The row both baselines render (bench/baselines/plain-list.ts, bench/baselines/tanstack-list.ts): one `article`
 * per event with the element's styles, formatters and icons, so the two lists differ only in how rows are kept in
 * the DOM.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Formatters } from '../../src/i18n/format.js';
import { categoryOf } from '../../src/model/catalog.js';
import type { TimelineItem } from '../../src/model/event.js';
import { icon } from '../../src/render/icons.js';

export interface RowContext {
  fmt: Formatters;
  now: number;
  /** `aria-setsize`: the number of events in the list. */
  setSize: number;
  expanded: ReadonlySet<string>;
  toggle(id: string): void;
}

/** Event `item` at position `index` (0 = newest). */
export function renderRow(item: TimelineItem, index: number, ctx: RowContext): TemplateResult {
  const cat = categoryOf(item.type);
  const expanded = ctx.expanded.has(item.id);
  const author = item.author?.name ?? 'Unknown';
  return html`<article class="row ${expanded ? 'expanded' : ''}" part="row" data-id=${item.id} aria-posinset=${index + 1} aria-setsize=${ctx.setSize} tabindex="-1">
    <span class="icon cat-${cat.key}" part="icon" title=${cat.label}>${icon(cat.icon as never)}</span>
    <div class="main">
      <button class="toggle" part="toggle" type="button" aria-expanded=${expanded ? 'true' : 'false'} @click=${() => ctx.toggle(item.id)}>
        <span class="title" part="title">${item.title}</span>
        <span class="chevron">${icon('chevron-down' as never)}</span>
      </button>
      <div class="meta">
        <time part="time" datetime=${item.occurredAt}>${ctx.fmt.exact(item.time)}</time>
        <span class="relative" part="relative-time">${ctx.fmt.relativeTo(item.time, ctx.now)}</span>
        <span class="author" part="author">by ${author}</span>
      </div>
      ${!expanded && item.summary ? html`<p class="summary" part="summary">${item.summary}</p>` : nothing}
      ${expanded ? html`<div class="detail" part="detail">${item.summary ? html`<p class="detail-summary">${item.summary}</p>` : nothing}${item.detail?.body && item.detail.bodyFormat !== 'html' ? html`<div class="body body-text">${item.detail.body}</div>` : nothing}</div>` : nothing}
    </div>
  </article>`;
}

/** A new set with `id` added, or removed when it was there (expand / collapse). */
export function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}
