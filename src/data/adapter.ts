/**
 * The data-source contract: anything with `fetchPage` can feed a timeline.
 */

/** What the user narrowed the timeline to. Absent fields do not filter. */
export interface TimelineFilter {
  /**
   * Event types or type prefixes (`email` matches `email.sent`): the prefixes of the
   * categories the user kept. Absent when every category is shown.
   */
  types?: string[];
  /** The filter categories the user kept (`email`, `call`, …), as the element names them. */
  categories?: string[];
  /** Free text, matched case-insensitively against title, summary, author and detail text. */
  search?: string;
  /** Exact author names; events without an author never match. */
  authors?: string[];
  /** Statuses (`Overdue`, `Paid`), compared ignoring case and accents; events without a status never match. */
  statuses?: string[];
  /** Record kinds: an event's `record.type`, else its type's first segment (`quote.created` → `quote`). */
  recordTypes?: string[];
  /** One record's story: only events whose `record.id` is this. */
  recordId?: string;
  /** Inclusive lower bound, an ISO 8601 instant (`2026-11-01T06:00:00.000Z`). */
  since?: string;
  /** Inclusive upper bound, an ISO 8601 instant. */
  until?: string;
}

export interface PageQuery {
  clientId: string;
  /** `null` for the first (newest) page, else the `nextCursor` of the previous page. */
  cursor: string | null;
  limit: number;
  filter: TimelineFilter;
  /**
   * Seek (only sent to an adapter with `capabilities.seek`): an ISO 8601 instant; answer the page of events at or
   * older than it, newest first, as if paging had reached it (`cursor` is then `null`). Its `nextCursor` goes on from
   * there.
   */
  before?: string;
  /**
   * Seek by position (only sent to an adapter with `capabilities.seek` whose pages gave a `total`): answer the page that
   * starts with the event `at` newer events follow (0-based, under the filter), as if paging had reached it
   * (`cursor` is then `null`). Sent when the user drags the scrollbar deep into events not loaded yet.
   */
  at?: number;
  /** Aborted when the client, the filter or the element goes away. */
  signal: AbortSignal;
}

export interface PageResult {
  /** Raw events: validated by the element, invalid ones are skipped and reported. */
  events: unknown[];
  /** Cursor of the next (older) page, `null` at the end of the history. */
  nextCursor: string | null;
  /**
   * Optional: events per type or type prefix (`{ email: 12, call: 3 }`) in the whole
   * history under the current filter, ignoring `types`. Shown next to each category.
   */
  counts?: Record<string, number>;
  /**
   * Optional: the status summary of the client's records under the filter sent (ignoring `statuses` and
   * `recordTypes`), `{ kind: { status: { count, totals: { CRC: 1240000 } } } }`; without it the element summarises
   * what is loaded.
   */
  summary?: unknown;
  /** Optional: how many events the history holds under the filter sent (gives the list its full length). */
  total?: number;
  /**
   * Optional: how many newer events under the filter sent precede this page's first event (0 for the newest page).
   * Lets the element place a sought page within the whole history.
   */
  position?: number;
}

/** What an adapter can do beyond `fetchPage`. */
export interface AdapterCapabilities {
  /**
   * `true` when `fetchPage` applies `query.filter` itself (types, search, authors,
   * since, until): its pages are shown as they come. Otherwise the element filters
   * what it has loaded and keeps fetching pages until the view is filled.
   */
  filter?: boolean;
  /**
   * `true` when `fetchPage` honours `query.before` (and, ideally, answers `total` and `position`): `jumpTo` then fetches
   * the page at a date directly, one request whatever the distance, leaving a gap in between that fills when scrolled
   * into. Otherwise a jump loads page after page until it reaches the date.
   */
  seek?: boolean;
}

export interface TimelineAdapter {
  fetchPage(query: PageQuery): Promise<PageResult>;
  /** Optional: see {@link AdapterCapabilities}. */
  readonly capabilities?: AdapterCapabilities;
  /**
   * Optional push: calls `onEvents` with new or changed raw events of `clientId` as they
   * happen, and returns a function that ends the subscription. Called when the element
   * connects or the client changes; the returned function when it disconnects or the
   * client changes again.
   */
  subscribe?(clientId: string, onEvents: (events: unknown[]) => void): () => void;
}

/** An error raised by a data source, with a message meant for people. */
export class TimelineFetchError extends Error {
  /** The server's `Retry-After` (429, 503), in ms from when the answer came. */
  readonly retryAfterMs?: number;
  /** `true` when the network failed (no answer at all): retried automatically. */
  readonly network: boolean;
  /** `true` when the data source did not answer within the element's `timeout`. */
  readonly timedOut: boolean;

  /**
   * @param status the HTTP status, when there was an answer. 5xx, 408, 425 and 429 are retried
   *   automatically with backoff; other errors wait for the user's Retry.
   */
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown; retryAfterMs?: number; network?: boolean; timedOut?: boolean },
  ) {
    super(message, options);
    this.name = 'TimelineFetchError';
    this.retryAfterMs = options?.retryAfterMs;
    this.network = options?.network ?? false;
    this.timedOut = options?.timedOut ?? false;
  }
}

/** Checks the shape of a page answer; the events inside are validated later, one by one. */
export function checkPageResult(value: unknown, source: string): PageResult {
  if (!value || typeof value !== 'object') {
    throw new TimelineFetchError(`${source} answered ${value === null ? 'null' : typeof value} instead of { events, nextCursor }`);
  }
  const { events, nextCursor, counts } = value as Partial<PageResult>;
  if (!Array.isArray(events)) {
    throw new TimelineFetchError(`${source} answered without an "events" array`);
  }
  if (nextCursor !== null && nextCursor !== undefined && typeof nextCursor !== 'string') {
    throw new TimelineFetchError(`${source} answered a "nextCursor" that is neither a string nor null`);
  }
  const page: PageResult = { events, nextCursor: nextCursor ?? null };
  // Like counts, a nicety: checked where it is read (summary.ts `fromWire`).
  const { summary } = value as Partial<PageResult>;
  if (summary !== undefined) page.summary = summary;
  // Where the page sits in the whole history: non-negative integers, else ignored.
  const { total, position } = value as Partial<PageResult>;
  if (isCount(total)) page.total = total;
  if (isCount(position)) page.position = position;
  // Counts are a nicety: a malformed object is ignored rather than failing the page.
  if (counts && typeof counts === 'object' && !Array.isArray(counts)) {
    const valid = Object.entries(counts).filter(([, n]) => typeof n === 'number' && Number.isFinite(n) && n >= 0);
    page.counts = Object.fromEntries(valid);
  }
  return page;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
