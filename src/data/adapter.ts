/**
 * The data-source contract: anything with `fetchPage` can feed a timeline.
 */

/** What the user narrowed the timeline to. */
export interface TimelineFilter {
  /** Event types or categories (`email` matches `email.sent`). */
  types?: string[];
  /** Free text. */
  search?: string;
}

export interface PageQuery {
  clientId: string;
  /** `null` for the first (newest) page, else the `nextCursor` of the previous page. */
  cursor: string | null;
  limit: number;
  filter: TimelineFilter;
  /** Aborted when the client, the filter or the element goes away. */
  signal: AbortSignal;
}

export interface PageResult {
  /** Raw events: validated by the element, invalid ones are skipped and reported. */
  events: unknown[];
  /** Cursor of the next (older) page, `null` at the end of the history. */
  nextCursor: string | null;
}

export interface TimelineAdapter {
  fetchPage(query: PageQuery): Promise<PageResult>;
}

/** An error raised by a data source, with a message meant for people. */
export class TimelineFetchError extends Error {
  constructor(message: string, readonly status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TimelineFetchError';
  }
}

/** Checks the shape of a page answer; the events inside are validated later, one by one. */
export function checkPageResult(value: unknown, source: string): PageResult {
  if (!value || typeof value !== 'object') {
    throw new TimelineFetchError(`${source} answered ${value === null ? 'null' : typeof value} instead of { events, nextCursor }`);
  }
  const { events, nextCursor } = value as Partial<PageResult>;
  if (!Array.isArray(events)) {
    throw new TimelineFetchError(`${source} answered without an "events" array`);
  }
  if (nextCursor !== null && nextCursor !== undefined && typeof nextCursor !== 'string') {
    throw new TimelineFetchError(`${source} answered a "nextCursor" that is neither a string nor null`);
  }
  return { events, nextCursor: nextCursor ?? null };
}
