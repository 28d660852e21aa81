/**
 * One row of the feed as an `article`: day header when a new day starts, type
 * icon, title with tone and status, exact and relative time, author, and a
 * toggle that expands the detail in place. Folded updates render as one row.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { GroupRow, Row } from '../data/rows.js';
import { CATEGORIES, localTypeLabel, statusColor, typeInfo } from '../model/catalog.js';
import type { TimelineItem } from '../model/event.js';
import { domId, type RenderContext } from './context.js';
import { clipText, renderChanges, renderDetail } from './detail.js';
import { icon } from './icons.js';
import { safeUrl } from './sanitize.js';

/** Wraps user text set inside a sentence in Unicode isolates, so a right-to-left name keeps its order and its neighbours theirs. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** "Karina Solís" → "KS". */
function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => [...p][0]?.toLocaleUpperCase() ?? '').join('');
}

function renderAuthor(item: TimelineItem, ctx: RenderContext): TemplateResult {
  const name = item.author?.name ?? ctx.msg.unknownAuthor;
  const avatar = safeUrl(item.author?.avatarUrl);
  return html`<span class="author" part="author"
    >${avatar
      ? html`<img class="avatar" part="avatar" src=${avatar} alt="" loading="lazy" referrerpolicy="no-referrer" />`
      : html`<span class="avatar initials" part="avatar" aria-hidden="true">${initials(name)}</span>`}${ctx.msg.by(isolate(name))}</span
  >`;
}

/** The day header a row opens with, if any: "Upcoming" above future events, then one per day. */
function dayHeader(row: Row, index: number, ctx: RenderContext): string | null {
  const upcoming = row.item.time > ctx.now;
  const before = ctx.rowBefore(index);
  if (upcoming) return before ? null : ctx.msg.upcoming;
  if (!before || before.item.time > ctx.now || before.day !== row.day) return ctx.fmt.dayLabel(row.day, ctx.now);
  return null;
}

function summaryOf(item: TimelineItem, ctx: RenderContext): string | undefined {
  if (item.summary) return item.summary;
  const changes = item.detail?.changes;
  if (changes?.length === 1) {
    const [c] = changes;
    return `${c.field}: ${c.from ?? ctx.msg.empty_value} → ${c.to ?? ctx.msg.empty_value}`;
  }
  if (changes && changes.length > 1) return ctx.msg.fieldsChanged(changes.length);
  return undefined;
}

function renderGroupDetail(row: GroupRow, ctx: RenderContext, id: string): TemplateResult {
  return html`<div class="detail" id=${id} part="detail" tabindex="0">
    <ol class="folded">
      ${row.items.map(
        (item) => html`<li>
          <span class="folded-title" dir="auto">${ctx.highlight(item.title)}</span>
          <time datetime=${item.occurredAt}>${ctx.fmt.exact(item.time)}</time>
          ${item.detail?.changes?.length ? renderChanges(item.detail.changes, ctx) : summaryOf(item, ctx) ? html`<p dir="auto">${summaryOf(item, ctx)}</p>` : nothing}
        </li>`,
      )}
    </ol>
  </div>`;
}

export function renderRow(row: Row, index: number, ctx: RenderContext): TemplateResult {
  const { item } = row;
  const info = typeInfo(item.type);
  const category = CATEGORIES[info.category];
  const expanded = ctx.isExpanded(row.key);
  const titleId = domId('t', row.key);
  const metaId = domId('m', row.key);
  const detailId = domId('d', row.key);
  const toneValue = item.tone ?? info.tone;
  const tone = toneValue && toneValue !== 'neutral' ? toneValue : undefined;
  const group = row.kind === 'group' ? row : null;
  const title = group ? ctx.msg.folded(item.author?.name ?? ctx.msg.unknownAuthor, group.items.length) : item.title;
  const header = dayHeader(row, index, ctx);
  const summary = group ? group.items.map((i) => i.title).join(' · ') : summaryOf(item, ctx);
  const internal = item.visibility === 'internal' || item.visibility === 'private';
  const edited = item.detail?.editedAt;
  return html`<article
    class="row ${expanded ? 'expanded' : ''} ${tone ? `tone-${tone}` : ''} ${header ? 'has-day' : ''}"
    part="row${expanded ? ' row-expanded' : ''}${group ? ' row-folded' : ''}"
    data-id=${item.id}
    data-key=${row.key}
    data-type=${item.type}
    data-category=${category.key}
    aria-posinset=${index + 1}
    aria-setsize=${ctx.setSize}
    aria-labelledby=${titleId}
    aria-describedby=${metaId}
    tabindex="-1"
  >
    ${header ? html`<h3 class="day" part="day-header">${header}</h3>` : nothing}
    <span class="icon cat-${category.key}" part="icon" title=${localTypeLabel(item.type, ctx.msg.types)}>${icon(group ? CATEGORIES.update.icon : info.icon)}</span>
    <div class="main">
      <button
        class="toggle"
        part="toggle"
        type="button"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls=${expanded ? detailId : nothing}
        @click=${() => ctx.toggle(row.key)}
      >
        <span class="title" id=${titleId} part="title" dir="auto">${ctx.highlight(clipText(title))}</span>
        ${tone ? html`<span class="tone-label" part="tone">${ctx.msg.tone[tone]}</span>` : nothing}
        ${item.status && !group ? html`<span class="status status-${statusColor(item.status)}" part="status">${item.status}</span>` : nothing}
        ${internal ? html`<span class="badge internal" part="internal-badge">${icon('lock')}${ctx.msg.internal}</span>` : nothing}
        <span class="chevron">${icon('chevron-down')}</span>
      </button>
      <div class="meta" id=${metaId}>
        <time part="time" datetime=${item.occurredAt}>${ctx.fmt.exact(item.time)}</time>
        <span class="relative" part="relative-time">${ctx.fmt.relativeTo(item.time, ctx.now)}</span>
        ${renderAuthor(item, ctx)}
        ${edited ? html`<span class="edited" part="edited">${ctx.msg.edited(ctx.fmt.dateTimeOf(edited))}</span>` : nothing}
      </div>
      ${!expanded && summary ? html`<p class="summary" part="summary" dir="auto">${ctx.highlight(clipText(summary))}</p>` : nothing}
      ${expanded ? (group ? renderGroupDetail(group, ctx, detailId) : renderDetail(item, ctx, detailId)) : nothing}
    </div>
  </article>`;
}

/** Placeholder rows while the first page loads (hidden from assistive tech: the feed is `aria-busy`). */
export function renderSkeleton(count: number): TemplateResult {
  return html`<div class="skeleton" part="skeleton" aria-hidden="true">
    ${Array.from({ length: count }, () => html`<div class="skeleton-row"><span class="icon"></span><span class="lines"><span></span><span></span></span></div>`)}
  </div>`;
}
