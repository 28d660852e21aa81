/**
 * Export of what the filter shows, as a CSV or JSON file: every matching event, paged through the source (the same
 * timeout and shared backoff as paging: a transient failure waits out the backoff and tries again), unless the whole
 * history is already loaded. The paging, writing and download are a chunk of their own (`exporting.ts` with
 * `data/export.ts`), fetched on the first export; this controller holds the progress and Cancel.
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

const loadExport = () => import('./exporting.js');

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

/** One download under way: where it says how far it got, what cancels it, where its link goes. */
export interface ExportRun {
  options: ExportOptions;
  signal: AbortSignal;
  progress(count: number): void;
  root: ShadowRoot | null;
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
    return (await loadExport()).build(this.options, this.fetcher, format, options);
  }

  /** Exports and offers the file as a download, with progress and Cancel. */
  async download(format: ExportFormat): Promise<void> {
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    this.setProgress(0);
    const { signal } = controller;
    const progress = (count: number) => this.setProgress(count);
    try {
      const chunk = await loadExport();
      await chunk.download(this, { options: this.options, signal, progress, root: this.host.shadowRoot }, format);
    } catch (error) {
      // The export's chunk could not be fetched (what goes wrong after, the chunk says).
      if (!signal.aborted) this.options.announcer.announce(this.options.i18n.msg.find.exportFailed(errorMessage(error)));
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
