/**
 * Seeking, for a source that fetches the page at a date (`capabilities.seek`): the page at a date fetched directly,
 * the stretches of history fetched out of order with the gaps between them (`data/gaps.ts`), a gap filled from
 * either side, and far stretches dropped to bound memory. A chunk of its own, fetched with the first seek (or once
 * memory is to be bounded): there are no gaps before. It reads and changes the pager's state (`PagerController`).
 */
import { CursorGuard } from '../data/cursor-guard.js';
import { cut, fillFromBelow, gapsOf, normalize, segmentOf } from '../data/gaps.js';
import { compareNewestFirst, indexIn, mergeEvents } from '../data/store.js';
import type { TimelineItem } from '../model/event.js';
import type { PagerController, PagerSource } from './pager.js';
import type { FetchedPage } from './source.js';

export { positionAt } from '../data/gaps.js';

/**
 * Fetches the page of events at or older than `time` directly (after the page in flight, which `p` waited for):
 * what lies between it and what was loaded becomes a gap. Resolves `true` when the history holds an event at or
 * before `time` (it is then loaded), `false` when it holds none or the request failed.
 */
export async function seek(p: PagerController, time: number): Promise<boolean> {
  const source = p.source;
  if (!source || !p.started || p.status !== 'idle') return false;
  const page = await request(p, source, { cursor: null, before: new Date(time).toISOString() }, (page) => place(p, source, page, null), () => p.seek(time));
  return !!page?.items.length;
}

/**
 * Fetches a page into gap `key`: from `above` (the events right after the stretch above it), or from `below` (the
 * page that ends about where the stretch below it starts, sought by date; the reading position is kept).
 */
export async function fillGap(p: PagerController, key: string, from: 'above' | 'below'): Promise<void> {
  const source = p.source;
  const index = p.gaps.findIndex((g) => g.key === key);
  if (!source || index < 0 || p.status !== 'idle') return;
  const gap = p.gaps[index];
  const again = () => p.fillGap(key, from);
  const time = from === 'below' && !p.stuck.has(gap.below.id) ? fillFromBelow(gap, p.items, source.pageSize) : null;
  if (time !== null) {
    await request(p, source, { cursor: null, before: new Date(time).toISOString() }, (page) => {
      p.callbacks.beforeRevalidate?.(source.clientId);
      const before = p.items.length;
      place(p, source, page, null);
      const after = p.gaps.find((g) => g.key === key);
      // Nothing new, or the gap is still as it was: the next page comes from above.
      if (p.items.length === before || after?.below === gap.below) p.stuck.add(gap.below.id);
    }, again);
    return;
  }
  if (gap.cursor === null) {
    // The source said nothing follows the stretch above, yet one is loaded below: the gap is empty.
    p.segments.splice(index, 2, { ...p.segments[index], end: p.segments[index + 1].end, cursor: p.segments[index + 1].cursor });
    settle(p, source);
    p.host.requestUpdate();
    return;
  }
  // Rows land where the gap was, under the rows above it: the reading goes on into them.
  await request(p, source, { cursor: gap.cursor }, (page) => place(p, source, page, index), again);
}

/** One page fetched for a seek or a gap: one request at a time, counted in the backoff, answers from an old source dropped. */
function request(
  p: PagerController,
  source: PagerSource,
  at: { cursor: string | null; before?: string },
  apply: (page: FetchedPage) => void,
  again: () => Promise<unknown>,
): Promise<FetchedPage | null> {
  const controller = new AbortController();
  p.inflight = controller;
  p.status = 'loading';
  p.host.requestUpdate();
  const run = (async () => {
    try {
      const filter = source.sent ?? source.filter;
      const page = await p.fetcher.fetchPage({ clientId: source.clientId, limit: source.pageSize, filter, signal: controller.signal, ...at }, p.retrier);
      if (controller.signal.aborted || p.source !== source) return null;
      p.status = 'idle';
      p.inflight = null;
      p.failedRun = null;
      p.noteCounts(source.clientId, filter, page);
      const count = p.items.length;
      apply(page);
      // Before anyone hears of the page: awaiting the host's update then sees it merged.
      p.host.requestUpdate();
      if (page.invalid.length) p.callbacks.onInvalid(page.invalid, source.clientId);
      p.callbacks.onPage({ clientId: source.clientId, added: p.items.length - count, updated: 0, total: p.items.length, done: p.done });
      return page;
    } catch (error) {
      if (controller.signal.aborted || p.source !== source) return null;
      p.status = 'error';
      p.error = error;
      p.inflight = null;
      p.failedRun = again;
      p.callbacks.onError(error, source.clientId);
      return null;
    } finally {
      if (p.source === source) p.host.requestUpdate();
    }
  })();
  p.inflightPage = run.then(() => undefined);
  return run;
}

/**
 * Merges a page fetched out of order: after segment `extends` (a gap filled from above), or as a stretch of its
 * own (a seek), joined with its neighbours where it meets them.
 */
function place(p: PagerController, source: PagerSource, page: FetchedPage, extend: number | null): void {
  p.notePosition(source.clientId, page, null);
  if (!p.segments.length && p.items.length) {
    p.segments = [{ start: null, end: p.items[p.items.length - 1], cursor: p.done ? null : p.cursor, startPos: 0 }];
  }
  const run = [...page.items].sort(compareNewestFirst);
  p.noteBoundary(run, page.nextCursor);
  const merged = mergeEvents(p.items, run, p.ids);
  p.items = merged.items;
  for (const item of run) p.ids.add(item.id);
  const segment = extend === null ? null : p.segments[extend];
  if (segment) {
    const oldest = run[run.length - 1];
    if (oldest && compareNewestFirst(oldest, segment.end) > 0) segment.end = oldest;
    segment.cursor = page.nextCursor;
    const next = p.segments[extend! + 1];
    // The source says nothing follows: the gap below was empty.
    if (page.nextCursor === null && next) p.segments.splice(extend!, 2, { ...segment, end: next.end, cursor: next.cursor });
  } else if (run.length) {
    p.segments.push(segmentOf({ items: run, nextCursor: page.nextCursor, position: page.position }));
  }
  settle(p, source);
}

/**
 * Keeps about `keep` events loaded around the one at `center` (an index of `items`) and the newest page: farther
 * stretches are dropped, cut where a page ended, and become gaps that load again when scrolled back into. Returns
 * `true` when events were dropped. Only while nothing is in flight.
 */
export function evict(p: PagerController, center: number, keep: number): boolean {
  const { items, source } = p;
  if (!source || p.status !== 'idle' || items.length <= keep) return false;
  const boundaries: number[] = [];
  items.forEach((item, i) => p.cursorAfter.has(item.id) && boundaries.push(i));
  const top = boundaries[0];
  if (top === undefined) return false;
  const half = Math.floor(keep / 2);
  // Nothing is kept above the stretch being read but the newest page.
  const starts = p.segments.map((s) => (s.start ? indexIn(items, s.start) : 0)).filter((i) => i <= center);
  const lo = Math.max(starts.length ? Math.max(...starts) : 0, Math.min(center - half, items.length - keep));
  const hi = Math.min(items.length - 1, lo + keep - 1);
  // The newest page stays; above the kept stretch, a gap after it; below, the stretch ends where a page ended.
  // The last page end within the window (and well past the row read), else the first one after it.
  const within = boundaries.filter((i) => i <= hi && i >= center + half / 2);
  const below = within.length ? within[within.length - 1] : (boundaries.find((i) => i >= hi) ?? items.length - 1);
  const keepRanges: [number, number][] = lo > top + 1 ? [[0, top], [lo, below]] : [[0, below]];
  const kept = keepRanges.reduce((n, [a, b]) => n + b - a + 1, 0);
  if (kept >= items.length) return false;
  const segments = p.segments.length ? p.segments : [{ start: null, end: items[items.length - 1], cursor: p.done ? null : p.cursor, startPos: 0 }];
  p.segments = cut(segments, items, keepRanges, (i) => p.cursorAfter.get(items[i].id));
  // Drop the cut stretches (the gaps between the ranges) and past the last range.
  const next: TimelineItem[] = [];
  for (const [a, b] of keepRanges) for (let i = a; i <= b; i++) next.push(items[i]);
  p.items = next;
  p.ids = new Set(next.map((item) => item.id));
  for (const id of p.cursorAfter.keys()) if (!p.ids.has(id)) p.cursorAfter.delete(id);
  // The cursors of the dropped stretches will be followed again: that is not a loop.
  p.cursors = new CursorGuard();
  settle(p, source);
  p.host.requestUpdate();
  return true;
}

/** Joins what meets, derives the gaps and the tail (the cursor and end of the last stretch). */
function settle(p: PagerController, source: PagerSource): void {
  const { segments, problems } = normalize(p.segments, p.items);
  for (const problem of problems) p.callbacks.onPosition?.(`The data source's position figures are wrong: ${problem}; ignored, nothing was lost`, source.clientId);
  const last = segments[segments.length - 1];
  if (last) {
    p.cursor = last.cursor;
    p.done = last.cursor === null;
  }
  p.segments = segments.length > 1 ? segments : [];
  p.gaps = gapsOf(p.segments, p.items);
}
