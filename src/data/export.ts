/**
 * Export of a filtered timeline: every matching event, paged through the
 * source, as CSV (RFC 4180, spreadsheet-safe) or JSON. A chunk of its own,
 * fetched on the first export.
 */
import { CursorGuard, loopError } from './cursor-guard.js';
import { isTransient, retryPolicy } from './retry.js';
import { htmlText } from './filter.js';
import { compareNewestFirst } from './store.js';
import { categoryOf } from '../model/catalog.js';
import type { TimelineEvent, TimelineItem } from '../model/event.js';

export type ExportFormat = 'csv' | 'json';

/** A page of validated events, as the source fetches it. */
interface ExportPage {
  items: TimelineItem[];
  nextCursor: string | null;
}

export interface CollectOptions {
  /** Fetches the page at `cursor` (through the source: timeout, validation, backoff). */
  fetch(cursor: string | null): Promise<ExportPage>;
  /** Milliseconds until the source's backoff ends: a transient failure waits that long and tries again. */
  backoffLeft(): number;
  /** Applied to every fetched event: what the source does not filter itself. */
  keep(item: TimelineItem): boolean;
  signal: AbortSignal;
  /** Called after each page with the matching events collected so far. */
  onProgress?(collected: number): void;
}

/** Pages through the whole (filtered) history, newest first, one copy per id; a source whose cursors loop fails. */
export async function collectEvents(options: CollectOptions): Promise<TimelineItem[]> {
  const byId = new Map<string, TimelineItem>();
  const cursors = new CursorGuard();
  let cursor: string | null = null;
  for (;;) {
    options.signal.throwIfAborted();
    const page = await fetchRetrying(options, cursor);
    options.signal.throwIfAborted();
    for (const item of page.items) {
      if (options.keep(item)) byId.set(item.id, item);
      else byId.delete(item.id);
    }
    options.onProgress?.(byId.size);
    if (page.nextCursor === null) break;
    if (cursors.loops(cursor, page.nextCursor)) throw loopError(cursor, page.nextCursor);
    cursor = page.nextCursor;
  }
  return [...byId.values()].sort(compareNewestFirst);
}

/** One page; a transient failure waits out the source's backoff and is tried again (a few times). */
async function fetchRetrying(options: CollectOptions, cursor: string | null): Promise<ExportPage> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await options.fetch(cursor);
    } catch (error) {
      const left = options.backoffLeft();
      if (options.signal.aborted || !isTransient(error) || attempt >= retryPolicy.maxRetries || left > retryPolicy.maxRetryAfterMs) throw error;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, Math.max(left, 1));
        options.signal.addEventListener('abort', () => (clearTimeout(timer), reject(options.signal.reason)), { once: true });
      });
    }
  }
}

/** The file: CSV, or JSON with what was exported and under which filter. */
export function exportBlob(format: ExportFormat, items: readonly TimelineItem[], meta: JsonExportMeta): Blob {
  if (format === 'csv') return new Blob([toCsv(items)], { type: 'text/csv;charset=utf-8' });
  return new Blob([toJson(items, meta)], { type: 'application/json' });
}

/** The wire shape of an item (without the derived fields). */
function wireEvent(item: TimelineItem): TimelineEvent {
  const { time: _time, ...event } = item;
  return event;
}

const CSV_COLUMNS = [
  'id',
  'occurredAt',
  'type',
  'category',
  'title',
  'author',
  'summary',
  'status',
  'tone',
  'amount',
  'currency',
  'subject',
  'from',
  'to',
  'body',
  'changes',
  'attachments',
  'attachmentUrls',
] as const;

/** Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading apostrophe. */
function defuse(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** A cell, quoted as RFC 4180 needs; text is defused. */
function cell(value: unknown, text = true): string {
  if (value === undefined || value === null) return '';
  const s = text ? defuse(String(value)) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Values joined into one cell with `; `, each defused on its own: "Split text to columns" (Sheets) or "Text to
 * Columns" (Excel) on `;` makes each one a cell of its own, which must not become a formula either.
 */
function list(values: readonly string[] | undefined): string | undefined {
  return values?.length ? values.map(defuse).join('; ') : undefined;
}

type Change = NonNullable<NonNullable<TimelineItem['detail']>['changes']>[number];

/** A changed value as text: an empty or missing value is an empty string; numbers and booleans as written. */
function changeValue(value: Change['from']): string {
  return value === undefined || value === null ? '' : typeof value === 'string' ? defuse(value) : String(value);
}

/** The changes as `field: old → new; …`, each field and text value defused. */
function changesText(changes: readonly Change[] | undefined): string | undefined {
  return changes?.length ? changes.map((c) => `${defuse(c.field)}: ${changeValue(c.from)} → ${changeValue(c.to)}`).join('; ') : undefined;
}

/** CSV (RFC 4180, CRLF, UTF-8 with a byte order mark for spreadsheets), one row per event. */
export function toCsv(items: readonly TimelineItem[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const item of items) {
    const d = item.detail ?? {};
    const body = d.body ? (d.bodyFormat === 'html' ? htmlText(d.body) : d.body) : undefined;
    lines.push(
      [
        cell(item.id),
        cell(item.occurredAt),
        cell(item.type),
        cell(categoryOf(item.type).key),
        cell(item.title),
        cell(item.author?.name),
        cell(item.summary),
        cell(item.status),
        cell(item.tone),
        cell(d.amount?.value, false),
        cell(d.amount?.currency),
        cell(d.subject),
        cell(d.from),
        cell(list(d.to)),
        cell(body),
        cell(changesText(d.changes)),
        // Names and URLs in two columns, in the same order (an attachment without a URL leaves its place empty).
        cell(list(d.attachments?.map((a) => a.name))),
        cell(d.attachments?.some((a) => a.url) ? d.attachments.map((a) => defuse(a.url ?? '')).join('; ') : undefined),
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface JsonExportMeta {
  clientId: string;
  exportedAt: string;
  filter: unknown;
}

/** JSON: `{ clientId, exportedAt, filter, count, events }`, events in the wire format. */
function toJson(items: readonly TimelineItem[], meta: JsonExportMeta): string {
  return `${JSON.stringify({ ...meta, count: items.length, events: items.map(wireEvent) }, null, 2)}\n`;
}

/** A file name such as `karina-activity-2026-11-23.csv`. */
export function exportFileName(clientId: string, format: ExportFormat, now: number): string {
  const safe = clientId.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'client';
  return `${safe}-activity-${new Date(now).toISOString().slice(0, 10)}.${format}`;
}
