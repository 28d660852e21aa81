/**
 * Export of what the filter shows, as a CSV or JSON file: every matching event, paged through the source (the same
 * timeout and shared backoff as paging: a transient failure waits out the backoff and tries again), unless the whole
 * history is already loaded. The paging and writing are a chunk of their own (`data/export.ts`), fetched on the first
 * export; this controller holds the progress, Cancel and the download.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TimelineFilter } from '../data/adapter.js';
import type { ExportFormat } from '../data/export.js';
import type { FilterState } from '../data/filter.js';
import type { TimelineItem } from '../model/event.js';
import { errorMessage } from '../internal/errors.js';
import type { AnnouncerController } from './announcer.js';
import type { LocaleController } from './locale.js';
import type { SourceController } from './source.js';

const loadExport = () => import('../data/export.js');

interface ExportRequest {
  clientId: string;
  /** How the client is named in the file name (sanitized there). */
  label: string;
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
  /** The element's words and formats, and its live region (which says how the export went). */
  i18n: LocaleController;
  announcer: AnnouncerController;
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
    const { collectEvents, exportBlob } = await loadExport();
    const { clientId, limit, sent } = request;
    const items = request.loaded
      ? [...request.loaded]
      : await collectEvents({
          fetch: (cursor) => this.fetcher.fetchPage({ clientId, cursor, limit, filter: sent, signal }),
          backoffLeft: () => this.fetcher.backoffLeft,
          keep: request.keep,
          signal,
          onProgress: options.onProgress,
        });
    if (request.loaded) options.onProgress?.(items.length);
    const { types, authors, since, until, q, statuses, recordTypes } = request.filter;
    return exportBlob(format, items, { clientId, exportedAt: new Date().toISOString(), filter: { types, authors, since, until, q, statuses, recordTypes } });
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
      offer(blob, exportFileName(request?.label || 'client', format, this.options.now()), this.host.shadowRoot);
      this.options.announcer.announce(this.options.i18n.msg.find.exported(this.options.i18n.fmt.count(count)));
    } catch (error) {
      if (!controller.signal.aborted) this.options.announcer.announce(this.options.i18n.msg.find.exportFailed(errorMessage(error)));
    } finally {
      if (this.abort === controller) {
        this.abort = null;
        this.setProgress(null);
      }
    }
  }

  private setProgress(count: number | null): void {
    this.exporting = count;
    this.host.requestUpdate();
  }
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
