/** The plain, complete list of the filtered events that replaces the virtualized one while printing. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Formatters } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import type { TimelineItem } from '../model/event.js';

/** What heads the printed list. */
export interface PrintHeader {
  /** How the client is named (the element's `clientLabel`, else its client id). */
  client: string;
  /** The active filters in words (as their chips say them). */
  filters: readonly string[];
  /** When it is printed (epoch ms). */
  printedAt: number;
}

export function renderPrintList(items: readonly TimelineItem[], header: PrintHeader, fmt: Formatters, msg: Messages): TemplateResult {
  return html`<div class="print-list" part="print-list">
    <header>
      <p class="print-title" dir="auto">${msg.find.printedTitle(header.client)}</p>
      <p class="print-filters">${header.filters.length ? msg.find.printedFilters(header.filters.join(' · ')) : msg.find.printedUnfiltered}</p>
      <p class="print-filters">${msg.find.printedAt(fmt.stamp(header.printedAt))}</p>
    </header>
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
