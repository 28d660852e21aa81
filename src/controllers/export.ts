/**
 * Export of what the filter shows, as a CSV or JSON file: every matching event, paged through the source (the same
 * timeout and shared backoff as paging: a transient failure waits out the backoff and tries again), unless the whole
 * history is already loaded. The writing is a chunk of its own (`data/export.ts`), fetched on the first export.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TimelineFilter } from '../data/adapter.js';
import type { ExportFormat } from '../data/export.js';
import type { FilterState } from '../data/filter.js';
import { isTransient, retryPolicy } from '../data/retry.js';
import type { TimelineItem } from '../model/event.js';
import { errorMessage } from '../internal/errors.js';
import type { SourceController } from './source.js';

const loadExport = () => import('../data/export.js');

export interface ExportRequest {
  clientId: string;
  filter: FilterState;
  /** Sent to the source with every page. */
  sent: TimelineFilter;
  keep(item: TimelineItem): boolean;
  limit: number;
  /** The filtered events when the whole history is loaded (no fetching then). */
  loaded: readonly TimelineItem[] | null;
}

export interface ExportOptions {
  /** What to export now, or `null` without a source or client. */
  request(): ExportRequest | null;
  /** Says how the export went, through the polite live region. */
  announce(text: string): void;
  words: { exported(count: number): string; exportFailed(reason: string): string };
  now(): number;
}

export class ExportController implements ReactiveController {
  /** While a download is prepared: the events collected so far. */
  exporting: number | null = null;
  private abort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly shadowRoot: ShadowRoot | null },
    private readonly fetcher: SourceController,
    private readonly options: ExportOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  cancel(): void {
    this.abort?.abort();
  }

  /** The file's contents. */
  async build(format: ExportFormat, options: { signal?: AbortSignal; onProgress?: (count: number) => void } = {}): Promise<Blob> {
    if (format !== 'csv' && format !== 'json') throw new TypeError(`exportEvents: format must be "csv" or "json", got "${String(format)}"`);
    const request = this.options.request();
    if (!request) throw new Error('exportEvents: no data source or client');
    const signal = options.signal ?? new AbortController().signal;
    const { collectEvents, toCsv, toJson } = await loadExport();
    const items = request.loaded
      ? [...request.loaded]
      : await collectEvents({
          fetch: (cursor) => this.fetchPage(request, cursor, signal),
          keep: request.keep,
          signal,
          onProgress: options.onProgress,
        });
    options.onProgress?.(items.length);
    if (format === 'csv') return new Blob([toCsv(items)], { type: 'text/csv;charset=utf-8' });
    const { types, authors, since, until, q } = request.filter;
    const meta = { clientId: request.clientId, exportedAt: new Date().toISOString(), filter: { types, authors, since, until, q } };
    return new Blob([toJson(items, meta)], { type: 'application/json' });
  }

  /** Exports and offers the file as a download, with progress and Cancel. */
  async download(format: ExportFormat): Promise<void> {
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    this.setProgress(0);
    let count = 0;
    try {
      const blob = await this.build(format, { signal: controller.signal, onProgress: (n) => this.setProgress((count = n)) });
      if (controller.signal.aborted) return;
      const { exportFileName } = await loadExport();
      const request = this.options.request();
      offer(blob, exportFileName(request?.clientId ?? 'client', format, this.options.now()), this.host.shadowRoot);
      this.options.announce(this.options.words.exported(count));
    } catch (error) {
      if (!controller.signal.aborted) this.options.announce(this.options.words.exportFailed(errorMessage(error)));
    } finally {
      if (this.abort === controller) {
        this.abort = null;
        this.setProgress(null);
      }
    }
  }

  /** One page through the source; a transient failure waits out the source's backoff and is tried again. */
  private async fetchPage(request: ExportRequest, cursor: string | null, signal: AbortSignal) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.fetcher.fetchPage({ clientId: request.clientId, cursor, limit: request.limit, filter: request.sent, signal });
      } catch (error) {
        const left = this.fetcher.backoffLeft;
        if (signal.aborted || !isTransient(error) || attempt >= retryPolicy.maxRetries || left > retryPolicy.maxRetryAfterMs) throw error;
        await wait(Math.max(left, 1), signal);
      }
    }
  }

  private setProgress(count: number | null): void {
    this.exporting = count;
    this.host.requestUpdate();
  }
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

/** Offers `blob` as a download named `name`. */
function offer(blob: Blob, name: string, root: ShadowRoot | null): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  (root ?? document.body).append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
