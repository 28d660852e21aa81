/** The plain, complete list of the filtered events that replaces the virtualized one while printing. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Formatters } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import type { TimelineItem } from '../model/event.js';

/** `filters`: the active filters in words (as their chips say them). */
export function renderPrintList(items: readonly TimelineItem[], filters: readonly string[], fmt: Formatters, msg: Messages): TemplateResult {
  return html`<div class="print-list" part="print-list">
    ${filters.length ? html`<p class="print-filters">${msg.find.printedFilters(filters.join(' · '))}</p>` : nothing}
    <ol>
      ${items.map(
        (item) => html`<li>
          <div class="print-head"><time datetime=${item.occurredAt}>${fmt.exact(item.time)}</time> <strong>${item.title}</strong></div>
          <div class="print-meta">${msg.by(item.author?.name ?? msg.unknownAuthor)}${item.status ? ` · ${item.status}` : ''}</div>
          ${item.summary ? html`<p>${item.summary}</p>` : nothing}
        </li>`,
      )}
    </ol>
  </div>`;
}
