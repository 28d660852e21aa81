/**
 * What an export does, in the export's chunk with the paging and writing (`data/export.ts`): pages through the
 * source unless the whole history is loaded, writes the file, and offers it as a download with progress; the
 * controller (`export.ts`) holds the progress, Cancel and the request.
 */
import { collectEvents, exportBlob, exportFileName, type ExportFormat } from '../data/export.js';
import { errorMessage } from '../internal/errors.js';
import type { ExportController, ExportOptions, ExportRun } from './export.js';
import type { SourceController } from './source.js';

/** The file's contents. */
export async function build(
  options: ExportOptions,
  fetcher: SourceController,
  format: ExportFormat,
  run: { signal?: AbortSignal; onProgress?: (count: number) => void } = {},
): Promise<Blob> {
  if (format !== 'csv' && format !== 'json') throw new TypeError(`exportEvents: format must be "csv" or "json", got "${String(format)}"`);
  const request = options.request();
  if (!request) throw new Error('exportEvents: no data source or client');
  const signal = run.signal ?? new AbortController().signal;
  const { clientId, limit, sent } = request;
  const items = request.loaded
    ? [...request.loaded]
    : await collectEvents({
        fetch: (cursor) => fetcher.fetchPage({ clientId, cursor, limit, filter: sent, signal }),
        backoffLeft: () => fetcher.backoffLeft,
        keep: request.keep,
        signal,
        onProgress: run.onProgress,
      });
  if (request.loaded) run.onProgress?.(items.length);
  const { types, authors, since, until, q, statuses, recordTypes } = request.filter;
  return exportBlob(format, items, { clientId, exportedAt: new Date().toISOString(), filter: { types, authors, since, until, q, statuses, recordTypes } });
}

/** Exports and offers the file as a download, with progress (`run`) and Cancel (its signal). */
export async function download(controller: ExportController, run: ExportRun, format: ExportFormat): Promise<void> {
  const { options, signal, progress } = run;
  let count = 0;
  try {
    const blob = await controller.build(format, { signal, onProgress: (n) => progress((count = n)) });
    if (signal.aborted) return;
    const request = options.request();
    offer(blob, exportFileName(request?.label || 'client', format, options.now()), run.root);
    options.announcer.announce(options.i18n.msg.find.exported(options.i18n.fmt.count(count)));
  } catch (error) {
    if (!signal.aborted) options.announcer.announce(options.i18n.msg.find.exportFailed(errorMessage(error)));
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
