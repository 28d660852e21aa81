/**
 * The status summary above the list: one bar per record kind (quotes, bookings, invoices…), each status a segment in
 * its palette colour, and in words a button per status ("Overdue · 3 · ₡1,240,000") that filters the timeline to
 * that kind and status, plus "Show all" for the kind. A chunk of its own: fetched once events with a status arrive.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { KindSummary, StatusSlice } from '../data/summary.js';
import type { Formatters } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import { statusColor } from '../model/catalog.js';

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
        const label = msg.recordKinds[kind.kind] ?? kind.kind;
        const kindOn = view.recordTypes.includes(kind.kind);
        return html`<li class="ss-kind" part="status-summary-kind">
          <span class="ss-label">${label} <span class="ss-count">${fmt.count(kind.count)}</span></span>
          <span class="ss-bar" aria-hidden="true"
            >${kind.statuses.map(
              (slice) =>
                html`<span class="ss-seg status-${statusColor(slice.status)}" title=${sliceText(slice, fmt)} style=${styleMap({ flexGrow: String(slice.count) })}></span>`,
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
