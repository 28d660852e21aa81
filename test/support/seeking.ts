/**
 * A data source that seeks: `count` events one hour apart going back from `NOW` (made by index as asked, none held),
 * answering `before` with the page at that date and `total` / `position` with every page. Records each query; can
 * hold answers, and can be told to lie about where its pages sit.
 */
import type { PageQuery, PageResult, TimelineAdapter } from '../../src/data/adapter.js';
import { makeEvent, NOW } from './events.js';

const HOUR = 3_600_000;

export class SeekingAdapter implements TimelineAdapter {
  readonly capabilities = { filter: true, seek: true };
  readonly queries: PageQuery[] = [];
  /** Set to hold every answer until `release()`. */
  hold = false;
  /** Holds the answers to the requests from this many on (0-based), until `release()`. */
  holdFrom = Infinity;
  /** Change the figures a page says about itself. */
  lie: ((page: PageResult, query: PageQuery) => void) | null = null;
  private waiting: (() => void)[] = [];

  constructor(readonly count: number) {}

  /** Index of the newest event at or before `time`. */
  indexAt(time: number): number {
    return Math.max(0, Math.ceil((NOW - time) / HOUR - 1 - 1e-9));
  }

  /** The instant of event `i`. */
  timeOf(i: number): number {
    return NOW - (i + 1) * HOUR;
  }

  release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((go) => go());
  }

  async fetchPage(query: PageQuery): Promise<PageResult> {
    this.queries.push(query);
    if (this.hold || this.queries.length > this.holdFrom) await new Promise<void>((go) => this.waiting.push(go));
    query.signal.throwIfAborted();
    const start = query.at !== undefined ? query.at : query.before ? this.indexAt(Date.parse(query.before)) : query.cursor ? Number(query.cursor) : 0;
    const end = Math.min(this.count, start + query.limit);
    const events = [];
    for (let i = start; i < end; i++) events.push(makeEvent(i));
    const page: PageResult = { events, nextCursor: end < this.count ? String(end) : null, total: this.count, position: Math.min(start, this.count) };
    this.lie?.(page, query);
    return page;
  }
}
