/**
 * What the list area shows instead of, or over, rows: one message per view state (no client, loading, error, empty,
 * no matches), the bars under the list (older page failed, saved activity shown), the list's own loading and end
 * rows, and the search / jump / export progress over the list.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ListView } from '../data/view.js';
import type { Formatters } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import type { Spacer } from '../controllers/row-window.js';
import { errorMessage, failureKind } from '../internal/errors.js';
import { icon } from './icons.js';
import { renderSkeleton } from './row.js';
import arrowUp from 'lucide/dist/esm/icons/arrow-up.mjs';

export interface StateView {
  view: ListView;
  msg: Messages;
  fmt: Formatters;
  /** The error of the failed page. */
  error: unknown;
  /** An automatic retry is planned. */
  retrying: boolean;
  /** Events loaded, for "none among the N loaded". */
  loaded: number;
  /** The filter is applied to what is loaded and older pages were not all looked at. */
  partial: boolean;
  /** `from`: the button pressed (focus moves on from it once it is gone). */
  retry(from: Element): void;
  clearFilters(from: Element): void;
}

/** The error in words, then the technical message behind Details (also in the `timeline-error` event). */
export const failureWords = (error: unknown, msg: Messages): string => msg.failure[failureKind(error)];

function renderErrorDetails(error: unknown, msg: Messages): TemplateResult {
  return html`<details class="error-details" part="error-details">
    <summary>${msg.errorDetails}</summary>
    <code dir="auto">${errorMessage(error)}</code>
  </details>`;
}

const pressed = (e: Event) => e.currentTarget as Element;

/** The one message the list area shows for `view` (nothing for `list`). */
export function renderListState(v: StateView): TemplateResult | typeof nothing {
  const { msg } = v;
  switch (v.view) {
    case 'list':
      return nothing;
    case 'no-client':
      return html`<div class="state" part="empty-state"><span class="icon">${icon('circle-dot')}</span><p>${msg.noClient}</p></div>`;
    // Errors are announced by the element's one live region (AnnouncerController), not by these blocks.
    case 'loading':
      return html`<div class="state-loading">${renderSkeleton(6)}<span class="sr-only">${msg.loading}</span></div>`;
    case 'error':
      return html`<div class="state error" part="error-state">
        <span class="icon">${icon('triangle-alert')}</span>
        <slot name="error"><p>${msg.loadFailed}</p></slot>
        <p class="hint">${failureWords(v.error, msg)}</p>
        ${v.retrying ? html`<p class="hint retrying">${msg.retrying}</p>` : nothing}
        <button class="retry" part="retry" type="button" @click=${(e: Event) => v.retry(pressed(e))}>${msg.retry}</button>
        ${renderErrorDetails(v.error, msg)}
      </div>`;
    case 'empty':
      return html`<div class="state" part="empty-state">
        <span class="icon">${icon('circle-dot')}</span>
        <slot name="empty"><p>${msg.empty}</p><p class="hint">${msg.emptyHint}</p></slot>
      </div>`;
    case 'no-matches':
      return html`<div class="state" part="no-matches">
        <span class="icon">${icon('circle-dot')}</span>
        <p>${msg.find.noMatches}</p>
        <p class="hint">${v.partial ? msg.find.noMatchesLoaded(v.fmt.count(v.loaded)) : msg.find.noMatchesHint}</p>
        <button class="retry" type="button" @click=${(e: Event) => v.clearFilters(pressed(e))}>${msg.find.clearFilters}</button>
      </div>`;
  }
}

/** Under the list, when events are shown and the last page failed: saved events and their age, or the failure; Retry. */
export function renderFailureBar(v: StateView, cachedAt: number | null): TemplateResult {
  const { msg } = v;
  if (cachedAt !== null) {
    return html`<div class="status-bar notice" part="cache-notice">
      <span>${msg.savedActivity(v.fmt.exact(cachedAt))}</span>
      <button class="retry" part="retry" type="button" @click=${(e: Event) => v.retry(pressed(e))}>${msg.retry}</button>
    </div>`;
  }
  return html`<div class="status-bar error" part="status-bar">
    <span
      >${msg.loadMoreFailed} <span class="hint">${failureWords(v.error, msg)}</span>${v.retrying ? html` <span class="hint retrying">${msg.retrying}</span>` : nothing}
      ${renderErrorDetails(v.error, msg)}</span
    >
    <button class="retry" part="retry" type="button" @click=${(e: Event) => v.retry(pressed(e))}>${msg.retry}</button>
  </div>`;
}

/** The list's last entry: more is loading, or the history ends here. */
export function renderSentinel(kind: 'loading' | 'end', msg: Messages): TemplateResult {
  if (kind === 'loading') {
    return html`<div class="loader" aria-hidden="true"><span class="icon"></span><span class="lines"><span></span><span></span></span><span class="sr-only">${msg.loadingMore}</span></div>`;
  }
  return html`<div class="end" aria-hidden="true">${msg.endOfHistory}</div>`;
}

/**
 * The rows before or after the row window, as one block of their height (`data-span`: the layout sizes it), hidden
 * from assistive tech: the rows' `aria-posinset` / `aria-setsize` count the whole history.
 */
export function renderSpacer(spacer: Spacer): TemplateResult {
  return html`<div class="spacer" data-spacer=${spacer.side} data-span=${spacer.height} aria-hidden="true"></div>`;
}

/** A progress line over the list (search of older pages, jump, export) with its one action. */
export interface Progress {
  text: string;
  action: string;
  run(): void;
}

/** Over the list: the new-events pill and the progress of what is running. */
export function renderOverlay(newCount: number, progress: Progress | null, msg: Messages, showNew: () => void): TemplateResult {
  return html`${newCount
      ? html`<button type="button" class="new-events" part="new-events" @click=${showNew}>${icon(arrowUp)}${msg.find.newEvents(newCount)}</button>`
      : nothing}
    ${progress
      ? html`<div class="search-status" part="search-status" role="status">
          <span>${progress.text}</span><button type="button" class="retry" @click=${progress.run}>${progress.action}</button>
        </div>`
      : nothing}`;
}
