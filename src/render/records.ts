/**
 * The status summary and the to-do section, above the list. The status summary: one bar per record kind (quotes, bookings, invoices…), each status a segment in
 * its palette colour, and in words a button per status ("Overdue · 3 · ₡1,240,000") that filters the timeline to
 * that kind and status, plus "Show all" for the kind. A chunk of its own: fetched once events with a status arrive.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { RecordsOptions, RecordsState } from '../controllers/records.js';
import type { KindSummary, StatusSlice } from '../data/summary.js';
import { summarize } from '../data/summarize.js';
import { openWork, type TodoItem } from '../data/todo.js';
import type { Formatters } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import type { TimelineItem } from '../model/event.js';
import { statusColor } from '../model/catalog.js';
import { kindLabel } from './filter-bar.js';

export { recordsStyles } from './records.styles.js';

/** What is computed from what is loaded, and from what (computed again when that changes). */
interface Memo {
  summary?: [items: readonly TimelineItem[], kinds: KindSummary[]];
  todo?: [items: readonly TimelineItem[], now: number, work: TodoItem[]];
}

/** The status summary, then the to-do section, over what is loaded (or the source's summary); nothing when both are empty. */
export function renderRecords(state: RecordsState, options: RecordsOptions, host: { requestUpdate(): void }): unknown {
  const loaded = options.loaded();
  const memo = (state.memo ??= {}) as Memo;
  let kinds: KindSummary[] = [];
  if (options.summaryShown()) {
    if (loaded.summary) kinds = loaded.summary;
    else kinds = (memo.summary = memo.summary?.[0] === loaded.items ? memo.summary : [loaded.items, summarize(loaded.items)])[1];
  }
  const now = options.now();
  if (memo.todo?.[0] !== loaded.items || memo.todo[1] !== now) memo.todo = [loaded.items, now, openWork(loaded.items, now)];
  const work = memo.todo[2];
  if (!kinds.length && !work.length) return nothing;
  const { fmt, msg } = options.i18n();
  const filter = options.filter();
  return [
    renderStatusSummary({
      kinds,
      statuses: filter.statuses,
      recordTypes: filter.recordTypes,
      note: loaded.summary || loaded.done ? null : msg.find.countsLoaded(fmt.count(loaded.items.length)),
      fmt,
      msg,
      open: state.summaryOpen,
      toggled: (open) => (state.summaryOpen = open),
      show: options.show,
    }),
    renderTodo({
      work,
      fmt,
      msg,
      open: state.todoOpen,
      toggled: (open) => (state.todoOpen = open),
      all: state.todoAll,
      showAll: () => ((state.todoAll = true), host.requestUpdate()),
      go: options.go,
    }),
  ];
}

export interface SummaryView {
  kinds: readonly KindSummary[];
  /** The statuses and kinds the timeline is filtered to. */
  statuses: readonly string[];
  recordTypes: readonly string[];
  /** Set when the summary only covers what is loaded: says so. */
  note: string | null;
  fmt: Formatters;
  msg: Messages;
  /** Whether it is unfolded (folded, it is one line: the list keeps its room). */
  open: boolean;
  toggled(open: boolean): void;
  /** Filters to `kind` and `status` (`null`: the whole kind). */
  show(kind: string, status: string | null): void;
}

function totalsText(slice: StatusSlice, fmt: Formatters): string {
  return Object.entries(slice.totals)
    .map(([code, sum]) => fmt.money(sum, code))
    .join(' + ');
}

/** "Overdue · 3 · ₡1,240,000". */
export function sliceText(slice: StatusSlice, fmt: Formatters): string {
  const totals = totalsText(slice, fmt);
  return [slice.status, fmt.count(slice.count), totals].filter(Boolean).join(' · ');
}

/** A segment as wide as its share: set through the CSSOM (a `style` attribute would need `'unsafe-inline'` under a CSP). */
const grow = (count: number) => (el?: Element) => (el as HTMLElement | undefined)?.style.setProperty('flex-grow', String(count));

export function renderStatusSummary(view: SummaryView): TemplateResult | typeof nothing {
  const { kinds, fmt, msg } = view;
  if (!kinds.length) return nothing;
  const records = kinds.reduce((n, k) => n + k.count, 0);
  const statusOn = new Set(view.statuses.map((s) => s.toLowerCase()));
  return html`<details
    class="status-summary"
    part="status-summary"
    ?open=${view.open}
    @toggle=${(e: Event) => view.toggled((e.currentTarget as HTMLDetailsElement).open)}
  >
    <summary>${msg.statusSummary(fmt.count(records))}</summary>
    <ul class="ss-kinds">
      ${kinds.map((kind) => {
        const label = kindLabel(kind.kind, msg);
        const kindOn = view.recordTypes.includes(kind.kind);
        return html`<li class="ss-kind" part="status-summary-kind">
          <span class="ss-label">${label} <span class="ss-count">${fmt.count(kind.count)}</span></span>
          <span class="ss-bar" aria-hidden="true"
            >${kind.statuses.map(
              (slice) =>
                html`<span class="ss-seg status-${statusColor(slice.status)}" title=${sliceText(slice, fmt)} ${ref(grow(slice.count))}></span>`,
            )}</span
          >
          <ul class="ss-statuses" aria-label=${label}>
            ${kind.statuses.map((slice) => {
              const on = kindOn && statusOn.has(slice.status.toLowerCase());
              return html`<li>
                <button type="button" class="ss-status status-${statusColor(slice.status)}" part="status-summary-status" aria-pressed=${on ? 'true' : 'false'} @click=${() => view.show(kind.kind, slice.status)}>
                  <span class="ss-dot" aria-hidden="true"></span>${sliceText(slice, fmt)}
                </button>
              </li>`;
            })}
            <li>
              <button type="button" class="ss-status ss-all" aria-pressed=${kindOn && !statusOn.size ? 'true' : 'false'} @click=${() => view.show(kind.kind, null)}>
                ${msg.showAllOf(label)}
              </button>
            </li>
          </ul>
        </li>`;
      })}
    </ul>
    ${view.note ? html`<p class="fb-note">${view.note}</p>` : nothing}
  </details>`;
}

export interface TodoView {
  work: readonly TodoItem[];
  fmt: Formatters;
  msg: Messages;
  open: boolean;
  toggled(open: boolean): void;
  /** All of it shown, not only the first items. */
  all: boolean;
  showAll(): void;
  /** Brings the event into view in the history and puts focus on it. */
  go(item: TodoItem['item']): void;
}

/** How many to-do items show before "Show N more". */
const TODO_FIRST = 5;

/**
 * The to-do section above the history: open tasks, meetings and scheduled messages, overdue first (in the failed
 * colour), then by date. Each is a button that brings its event into view in the history.
 */
export function renderTodo(view: TodoView): TemplateResult | typeof nothing {
  const { work, fmt, msg } = view;
  if (!work.length) return nothing;
  const overdue = work.filter((w) => w.overdue).length;
  const shown = view.all ? work : work.slice(0, TODO_FIRST);
  return html`<details class="todo" part="todo" ?open=${view.open} @toggle=${(e: Event) => view.toggled((e.currentTarget as HTMLDetailsElement).open)}>
    <summary>${msg.todo(fmt.count(work.length), overdue)}</summary>
    <ul class="todo-list">
      ${shown.map(
        (w) => html`<li>
          <button type="button" class="fb-item todo-item ${w.overdue ? 'overdue' : ''}" part="todo-item" @click=${() => view.go(w.item)}>
            <span class="todo-title" dir="auto">${w.item.title.slice(0, 200)}</span>
            <span class="todo-when"
              >${w.when !== null ? msg.todoWhen[w.verb](fmt.exact(w.when)) : nothing}${w.overdue ? html` · <strong>${msg.overdue}</strong>` : nothing}</span
            >
          </button>
        </li>`,
      )}
    </ul>
    ${shown.length < work.length
      ? html`<button type="button" class="ss-status todo-more" @click=${view.showAll}>${msg.todoMore(fmt.count(work.length - shown.length))}</button>`
      : nothing}
  </details>`;
}
