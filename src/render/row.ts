/**
 * One event as a feed article: icon, title, exact and relative time, author,
 * and a toggle that expands the detail in place.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { categoryOf } from '../model/catalog.js';
import type { TimelineItem } from '../model/event.js';
import { domId, type RenderContext } from './context.js';
import { renderDetail } from './detail.js';
import { icon } from './icons.js';

export function renderRow(item: TimelineItem, index: number, ctx: RenderContext): TemplateResult {
  const cat = categoryOf(item.type);
  const expanded = ctx.isExpanded(item.id);
  const titleId = domId('t', item.id);
  const metaId = domId('m', item.id);
  const detailId = domId('d', item.id);
  const tone = item.tone && item.tone !== 'neutral' ? item.tone : undefined;
  const author = item.author?.name ?? ctx.msg.unknownAuthor;
  return html`<article
    class="row ${expanded ? 'expanded' : ''} ${tone ? `tone-${tone}` : ''}"
    part="row${expanded ? ' row-expanded' : ''}"
    data-id=${item.id}
    data-type=${item.type}
    data-category=${cat.key}
    aria-posinset=${index + 1}
    aria-setsize=${ctx.setSize}
    aria-labelledby=${titleId}
    aria-describedby=${metaId}
    tabindex="-1"
  >
    <span class="icon cat-${cat.key}" part="icon" title=${cat.label}>${icon(cat.icon)}</span>
    <div class="main">
      <button
        class="toggle"
        part="toggle"
        type="button"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls=${expanded ? detailId : nothing}
        @click=${() => ctx.toggle(item.id)}
      >
        <span class="title" id=${titleId} part="title">${item.title}</span>
        ${tone ? html`<span class="tone-label" part="tone">${ctx.msg.tone[tone]}</span>` : nothing}
        <span class="chevron">${icon('chevron-down')}</span>
      </button>
      <div class="meta" id=${metaId}>
        <time part="time" datetime=${item.occurredAt} title=${ctx.fmt.exact(item.time)}>${ctx.fmt.exact(item.time)}</time>
        <span class="relative" part="relative-time">${ctx.fmt.relativeTo(item.time, ctx.now)}</span>
        <span class="author" part="author">${ctx.msg.by(author)}</span>
      </div>
      ${!expanded && item.summary ? html`<p class="summary" part="summary">${item.summary}</p>` : nothing}
      ${expanded ? renderDetail(item, ctx, detailId) : nothing}
    </div>
  </article>`;
}

/** Placeholder rows while the first page loads (hidden from assistive tech: the feed is `aria-busy`). */
export function renderSkeleton(count: number): TemplateResult {
  return html`<div class="skeleton" part="skeleton" aria-hidden="true">
    ${Array.from({ length: count }, () => html`<div class="skeleton-row"><span class="icon"></span><span class="lines"><span></span><span></span></span></div>`)}
  </div>`;
}
