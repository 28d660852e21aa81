/**
 * One row of the feed as an `article`: day header when a new day starts, type
 * icon, title with tone and status, exact and relative time, author, and a
 * toggle that expands the detail in place. Folded updates render as one row.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { GapRow, Row } from '../data/rows.js';
import { CATEGORIES, localCategoryLabel, localTypeLabel, statusColor, typeInfo, type StatusColor } from '../model/catalog.js';
import type { TimelineItem } from '../model/event.js';
import { domId, type RenderContext } from './context.js';
import type * as Detail from './detail.js';
import { lazy } from '../lazy.js';
import { changeValue } from './change-value.js';
import { icon } from './icons.js';
import ellipsis from 'lucide/dist/esm/icons/ellipsis.mjs';
import { safeUrl } from './safe-url.js';

/** Id of the one menu every row's ⋯ button opens (rendered once, outside the list). */
export const ROW_MENU = 'ct-row-menu';

/** Longest title or summary a row shows (the title is also clamped to two lines); the detail has the full text. */
const ROW_TEXT_MAX = 300;

/** `text` cut to what a row shows, without splitting a surrogate pair: a 100,000-character title costs no layout. */
function clipText(text: string): string {
  if (text.length <= ROW_TEXT_MAX) return text;
  let end = ROW_TEXT_MAX;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * The expanded-row renderers (`detail.ts`), a chunk of their own: the element fetches it when the browser is idle
 * after the first rows, or on the first expand. A failed fetch is tried again on the next call.
 */
const detailChunk = lazy(() => import('./detail.js'));

export const loadDetail = (): Promise<typeof Detail> => detailChunk.load();

/** The detail's chunk once it is there (its styles are adopted with it), else `null`. */
export const loadedDetail = (): typeof Detail | null => detailChunk.value;

/** Fetches the detail chunk once the browser is idle (at the latest after 2 s), so that expanding a row finds it. */
export function prefetchDetail(): void {
  if (detailChunk.requested || detailChunk.value) return;
  const load = () => void loadDetail().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}

/** The detail of an expanded row; until its chunk is there, a busy placeholder (or, if it failed, Retry). */
function renderExpanded(row: Row, ctx: RenderContext, id: string): TemplateResult {
  const detail = detailChunk.value;
  if (detail) {
    try {
      return row.kind === 'group' ? detail.renderGroupDetail(row, ctx, id) : detail.renderDetail(row.item, ctx, id);
    } catch (error) {
      // One event's detail that cannot be drawn: a note in its place; every other row keeps working.
      ctx.failed(row.item, error);
      return html`<div class="detail render-failed" id=${id} part="detail"><p class="hint">${ctx.msg.renderFailed}</p></div>`;
    }
  }
  const load = () => void loadDetail().then(ctx.refresh, ctx.refresh);
  if (detailChunk.failed) {
    return html`<div class="detail" id=${id} part="detail"><span>${ctx.msg.loadFailed}</span>
      <button type="button" class="retry" part="retry" @click=${load}>${ctx.msg.retry}</button></div>`;
  }
  load();
  return html`<div class="detail" id=${id} part="detail" aria-busy="true"><span class="detail-loading"></span></div>`;
}

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

/** The status chip's colour when the event has a tone: the tone speaks through the status instead of a chip of its own. */
const TONE_COLOR: Record<'failed' | 'success' | 'warning', StatusColor> = { failed: 'red', success: 'green', warning: 'yellow' };

/** A day header at the level the host set (`heading-level`), its text as written: any capitals are CSS only. */
function renderDayHeader(text: string, level: number): TemplateResult {
  return html`<div class="day" part="day-header" role="heading" aria-level=${level}>${text}</div>`;
}

/**
 * Text as it is compared for repetition: white space collapsed, trimmed, a trailing ellipsis dropped, lowercased;
 * only its first 20,000 characters, so that a 1 MB title costs no time on each render.
 */
export const sameWords = (text: string): string =>
  text
    .slice(0, 20_000)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*(…|\.\.\.)$/, '')
    .toLowerCase();

/** The summary a row shows: the event's own (unless it only repeats the title), else a one-change "field: old → new". */
export function summaryOf(item: TimelineItem, ctx: RenderContext): string | undefined {
  if (item.summary?.trim() && sameWords(item.summary) !== sameWords(item.title)) return item.summary;
  const changes = item.detail?.changes;
  if (changes?.length === 1) {
    const [c] = changes;
    const { fmt, msg } = ctx;
    return `${c.field}: ${changeValue(c.from, c, fmt, msg.empty_value)} → ${changeValue(c.to, c, fmt, msg.empty_value)}`;
  }
  if (changes && changes.length > 1) return ctx.msg.fieldsChanged(changes.length);
  return undefined;
}

/** In a record's story: how long after the step before it this event came ("12 days later"). */
function laterText(row: Row, index: number, ctx: RenderContext): TemplateResult | typeof nothing {
  const before = ctx.story ? ctx.rowAfter?.(index) : undefined;
  if (!before) return nothing;
  return html`<span class="later" part="later">${ctx.msg.later(ctx.fmt.span(row.item.time - before.item.time))}</span>`;
}

/** Events about a message rather than messages: they join its thread, not its count. */
const ABOUT_A_MESSAGE = /\.(opened|clicked|read|delivered|bounced)$/;

/** A thread's summary: "3 messages · opened 2 days ago". */
function threadSummary(items: readonly TimelineItem[], ctx: RenderContext): string {
  const messages = items.filter((i) => !ABOUT_A_MESSAGE.test(i.type)).length;
  const opened = items.find((i) => /\.opened$/.test(i.type));
  return ctx.msg.threadSummary(messages, opened ? ctx.fmt.relativeTo(opened.time, ctx.now) : null);
}

export function renderRow(row: Row, index: number, ctx: RenderContext): TemplateResult {
  const thread = row.kind === 'group' && row.thread ? row : null;
  // A thread shows as its latest message (not as an "opened" event after it).
  const item = thread ? (thread.items.find((i) => !ABOUT_A_MESSAGE.test(i.type)) ?? row.item) : row.item;
  const info = typeInfo(item.type);
  const category = CATEGORIES[info.category];
  const expanded = ctx.isExpanded(row.key);
  const titleId = domId('t', row.key);
  const metaId = domId('m', row.key);
  const detailId = domId('d', row.key);
  const typeId = domId('k', row.key);
  const toneValue = item.tone ?? info.tone;
  const tone = toneValue && toneValue !== 'neutral' ? toneValue : undefined;
  const group = row.kind === 'group' && !row.thread ? row : null;
  const typeLabel = group ? localCategoryLabel('update', ctx.msg.categories) : localTypeLabel(item.type, ctx.msg.types);
  const status = group ? undefined : item.status;
  const title = group ? ctx.msg.folded(item.author?.name ?? ctx.msg.unknownAuthor, group.items.length) : item.title;
  const header = dayHeader(row, index, ctx);
  const summary = group ? group.items.map((i) => i.title).join(' · ') : thread ? threadSummary(thread.items, ctx) : summaryOf(item, ctx);
  const internal = item.visibility === 'internal' || item.visibility === 'private';
  const edited = item.detail?.editedAt;
  const actions = group ? null : ctx.actions?.(item);
  const actionsLabel = actions?.length ? ctx.msg.rowActions(clipText(title)) : '';
  return html`<article
    class="row ${expanded ? 'expanded' : ''} ${tone ? `tone-${tone}` : ''} ${header ? 'has-day' : ''} ${actionsLabel ? 'has-actions' : ''}"
    part="row${expanded ? ' row-expanded' : ''}${group ? ' row-folded' : ''}${thread ? ' row-thread' : ''}"
    data-id=${item.id}
    data-key=${row.key}
    data-type=${item.type}
    data-category=${category.key}
    aria-posinset=${ctx.posInSet?.(index) ?? index + 1}
    aria-setsize=${ctx.setSize}
    aria-labelledby=${titleId}
    aria-describedby="${typeId} ${metaId}"
    tabindex="-1"
  >
    ${header ? renderDayHeader(header, ctx.headingLevel) : nothing}
    <span class="icon cat-${category.key}" part="icon" title=${typeLabel} aria-hidden="true">${icon(group ? CATEGORIES.update.icon : info.icon)}</span>
    <div class="main">
      <button
        class="toggle"
        part="toggle"
        type="button"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls=${expanded ? detailId : nothing}
        @click=${() => ctx.toggle(row)}
      >
        <span class="line">
          <span class="title" id=${titleId} part="title" dir="auto">${ctx.highlight(clipText(title))}</span>
          ${tone && !status ? html`<span class="tone-label" part="tone">${ctx.msg.tone[tone]}</span>` : nothing}
          ${status
            ? html`<span class="status status-${tone ? TONE_COLOR[tone] : statusColor(status)}" part="status"
                >${status}${tone ? html`<span class="sr-only">, ${ctx.msg.toneAfterStatus[tone]}</span>` : nothing}</span
              >`
            : nothing}
          ${internal ? html`<span class="badge internal" part="internal-badge">${icon('lock')}${ctx.msg.internal}</span>` : nothing}
        </span>
        <span class="chevron">${icon('chevron-down')}</span>
      </button>
      <div class="meta" id=${metaId}>
        <time part="time" datetime=${item.occurredAt}>${ctx.fmt.exact(item.time)}</time>
        <span class="relative" part="relative-time">${ctx.fmt.relativeTo(item.time, ctx.now)}</span>
        ${renderAuthor(item, ctx)}
        ${laterText(row, index, ctx)}
        ${edited ? html`<span class="edited" part="edited">${ctx.msg.edited(ctx.fmt.dateTimeOf(edited))}</span>` : nothing}
      </div>
      ${!expanded && summary ? html`<p class="summary" part="summary" dir="auto">${ctx.highlight(clipText(summary))}</p>` : nothing}
      ${expanded ? renderExpanded(row, ctx, detailId) : nothing}
      <span class="sr-only" id=${typeId}>${typeLabel}</span>
    </div>
    ${actionsLabel
      ? html`<button
          type="button"
          class="row-actions"
          part="row-actions"
          id=${domId('a', row.key)}
          popovertarget=${ROW_MENU}
          aria-haspopup="menu"
          aria-expanded="false"
          aria-label=${actionsLabel}
          title=${actionsLabel}
          @click=${(e: Event) => ctx.openActions?.(row, actions!, actionsLabel, e)}
        >
          ${icon(ellipsis)}
        </button>`
      : nothing}
  </article>`;
}

/**
 * `renderRow`, or, when it throws on this event (a value nothing foresaw), the event's title with a note that it could
 * not be shown; the failure is reported. An index the list no longer has (the virtualizer asking for a row of an older,
 * longer list while the new one is handed over) renders nothing.
 */
export function renderRowSafely(row: Row | undefined, index: number, ctx: RenderContext): TemplateResult {
  if (!row) return html``;
  try {
    return renderRow(row, index, ctx);
  } catch (error) {
    ctx.failed(row.item, error);
    const title = typeof row.item.title === 'string' ? clipText(row.item.title) : '';
    return html`<article
      class="row render-failed"
      part="row row-failed"
      data-id=${row.item.id}
      data-key=${row.key}
      aria-posinset=${ctx.posInSet?.(index) ?? index + 1}
      aria-setsize=${ctx.setSize}
      aria-label=${title || ctx.msg.renderFailed}
      tabindex="-1"
    >
      <span class="icon" aria-hidden="true"></span>
      <div class="main"><span class="title" dir="auto">${title}</span><p class="summary">${ctx.msg.renderFailed}</p></div>
    </article>`;
  }
}

/**
 * Events not loaded yet between two stretches of history (after a jump to a date): what it holds, in words, while its
 * page loads (the list asks for it when the row is rendered).
 */
export function renderGap(row: GapRow, index: number, ctx: RenderContext): TemplateResult {
  const { gap } = row;
  const text = ctx.msg.find.gap(ctx.fmt.date(gap.above.time), gap.below ? ctx.fmt.date(gap.below.time) : null, gap.count === null ? null : ctx.fmt.count(gap.count));
  return html`<article
    class="gap"
    part="gap"
    data-key=${row.key}
    data-span=${row.height}
    aria-busy="true"
    aria-posinset=${ctx.posInSet?.(index) ?? index + 1}
    aria-setsize=${ctx.setSize}
    aria-label=${text}
    tabindex="-1"
  >
    <span class="gap-text hint" aria-hidden="true">${text}</span>
  </article>`;
}

/**
 * A row drawn light while the list is swept faster than a screen per frame (a scrollbar drag): the type's colour and
 * the title on one line, hidden from assistive tech. The full row replaces it once the sweep slows down. The layout
 * takes its size from `data-placeholder` (its index), not from its box.
 */
export function renderRowPlaceholder(row: Row, index: number): TemplateResult {
  const category = CATEGORIES[typeInfo(row.item.type).category];
  return html`<div class="row-ph" data-key=${row.key} data-placeholder=${index} aria-hidden="true"><span class="icon cat-${category.key}"></span><span>${clipText(row.item.title)}</span></div>`;
}

/** Placeholder rows while the first page loads (hidden from assistive tech: the feed is `aria-busy`). */
export function renderSkeleton(count: number): TemplateResult {
  return html`<div class="skeleton" part="skeleton" aria-hidden="true">
    ${Array.from({ length: count }, () => html`<div class="skeleton-row"><span class="icon"></span><span class="lines"><span></span><span></span></span></div>`)}
  </div>`;
}
