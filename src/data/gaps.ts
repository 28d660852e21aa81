/**
 * Where the loaded events sit in the whole history, once pages can be fetched out of order (seeking by date): pure
 * functions, no DOM. The loaded events (newest first) fall into segments, each a run of events known to follow one
 * another with nothing missing; between two segments lies a gap, which fills when scrolled into, from either side.
 * A page fetched after a segment's end extends that segment; a sought page is a segment of its own until it meets a
 * neighbour, in loaded events or, when the source says where its pages sit (`position`), in positions.
 */
import type { TimelineItem } from '../model/event.js';
import { compareNewestFirst, mergeEvents } from './store.js';

export interface Segment {
  /** Its newest event; `null` for the first segment, which starts at the newest event loaded. */
  start: TimelineItem | null;
  /** Its oldest event. */
  end: TimelineItem;
  /** Fetches the events right after `end`; `null`: nothing older (only possible for the last segment). */
  cursor: string | null;
  /** How many newer events precede `start` (0 for the first segment), when the source said. */
  startPos: number | null;
}

/** What is missing between two segments. */
export interface Gap {
  /** Stable while the gap fills from below: the key of its row. */
  key: string;
  /** The last loaded event above the gap, and the cursor that goes on after it. */
  above: TimelineItem;
  cursor: string | null;
  /** The first loaded event below the gap; `null` for the gap after the last stretch, to the history's end. */
  below: TimelineItem | null;
  /** Events missing, when the source said where both sides sit. */
  count: number | null;
}

/** A page as a run of consecutive events. */
export interface Run {
  /** Its events, newest first (at least one). */
  items: readonly TimelineItem[];
  nextCursor: string | null;
  /** How many newer events precede its first event, when the page said. */
  position: number | null;
}

/** Index of `item` in `items` (newest first, as merged), or -1. */
export function indexIn(items: readonly TimelineItem[], item: TimelineItem): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareNewestFirst(items[mid], item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return items[lo]?.id === item.id ? lo : -1;
}

const startIndex = (items: readonly TimelineItem[], s: Segment) => (s.start ? indexIn(items, s.start) : 0);

/** Position of a segment's end in the whole history, when known. */
function endPos(items: readonly TimelineItem[], s: Segment): number | null {
  return s.startPos === null ? null : s.startPos + indexIn(items, s.end) - startIndex(items, s);
}

/**
 * Puts segments in order and joins those that overlap in loaded events or meet in positions. Segments whose events
 * are gone (a removed event, a reload) are dropped. Returns the problems found in positions, in words.
 */
export function normalize(segments: Segment[], items: readonly TimelineItem[]): { segments: Segment[]; problems: string[] } {
  const problems: string[] = [];
  const live = segments.filter((s) => indexIn(items, s.end) >= 0 && (s.start === null || indexIn(items, s.start) >= 0)).map((s) => ({ ...s }));
  live.sort((a, b) => startIndex(items, a) - startIndex(items, b));
  const out: Segment[] = [];
  for (const s of live) {
    const prev = out[out.length - 1];
    if (!prev) {
      out.push(s);
      continue;
    }
    const prevEnd = indexIn(items, prev.end);
    const start = startIndex(items, s);
    const pe = endPos(items, prev);
    const overlaps = start <= prevEnd;
    if (!overlaps && s.startPos !== null && pe !== null && s.startPos <= pe) {
      // Two runs with events between them cannot overlap in positions: the source's figures are wrong.
      problems.push(`a page said ${s.startPos} events precede it, but ${pe + 1} are known to`);
      s.startPos = null;
    }
    if (!overlaps && !(s.startPos !== null && s.startPos === (pe ?? -2) + 1)) {
      out.push(s);
      continue;
    }
    if (prev.startPos === null && s.startPos !== null) prev.startPos = Math.max(0, s.startPos - (start - startIndex(items, prev)));
    const end = indexIn(items, s.end);
    if (end > prevEnd) {
      prev.end = s.end;
      prev.cursor = s.cursor;
    }
  }
  return { segments: out, problems };
}

/**
 * The gaps between segments, and, when the whole history's length is known (`total`), the one after the last segment
 * down to the end of the history (key `gap:end`).
 */
export function gapsOf(segments: readonly Segment[], items: readonly TimelineItem[], total: number | null = null): Gap[] {
  const gaps: Gap[] = [];
  for (let i = 1; i < segments.length; i++) {
    const above = segments[i - 1];
    const below = segments[i];
    const pe = endPos(items, above);
    gaps.push({
      key: `gap:${above.end.id}`,
      above: above.end,
      cursor: above.cursor,
      below: below.start!,
      count: pe !== null && below.startPos !== null ? Math.max(0, below.startPos - pe - 1) : null,
    });
  }
  const last = segments[segments.length - 1];
  const end = last && total !== null && last.cursor !== null ? endPos(items, last) : null;
  if (last && end !== null && total! > end + 1) gaps.push({ key: 'gap:end', above: last.end, cursor: last.cursor, below: null, count: total! - end - 1 });
  return gaps;
}

/** A run as a segment of its own. */
export function segmentOf(run: Run): Segment {
  return { start: run.items[0], end: run.items[run.items.length - 1], cursor: run.nextCursor, startPos: run.position };
}

/**
 * Position in the whole history of the event at `index` in `items`, or `null` when its segment's place is unknown.
 */
export function positionAt(segments: readonly Segment[], items: readonly TimelineItem[], index: number): number | null {
  if (segments.length < 2) return index;
  for (let i = segments.length - 1; i >= 0; i--) {
    const start = startIndex(items, segments[i]);
    if (start <= index) return segments[i].startPos === null ? null : segments[i].startPos! + index - start;
  }
  return index;
}

/**
 * The instant to seek to so that a page of `limit` events ends about at the gap's lower side (filling it from
 * below): from the spacing of the events loaded below it, else of the gap itself. `null` when the gap is better
 * filled from above (it is small, or the estimate would reach above it).
 */
export function fillFromBelow(gap: Gap, items: readonly TimelineItem[], limit: number): number | null {
  if (!gap.below || (gap.count !== null && gap.count <= limit)) return null;
  const at = indexIn(items, gap.below);
  const k = Math.min(limit, items.length - at);
  const below = gap.below;
  const span = gap.above.time - below.time;
  const spacing = k > 1 ? (below.time - items[at + k - 1].time) / (k - 1) : gap.count ? span / (gap.count + 1) : span / 2;
  // Aim a little short, so that the page most likely reaches what is loaded below (and the gap shrinks).
  const time = below.time + Math.max(1, spacing) * Math.max(1, limit - 1) * 0.8;
  return time < gap.above.time - 1 ? Math.floor(time) : null;
}

/**
 * The segments left when only the events at the indices in `keep` (inclusive ranges, in order) stay loaded: each
 * segment splits where a range ends inside it, the piece going on with the cursor `cursorAt` gives after the cut
 * (every range must end on an event that has one, or on its segment's end). Indices are those of `items` before the cut.
 */
export function cut(segments: readonly Segment[], items: readonly TimelineItem[], keep: readonly [from: number, to: number][], cursorAt: (index: number) => string | null | undefined): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const start = startIndex(items, s);
    const end = indexIn(items, s.end);
    for (const [a, b] of keep) {
      const from = Math.max(start, a);
      const to = Math.min(end, b);
      if (from > to) continue;
      const cursor = to === end ? s.cursor : cursorAt(to);
      if (cursor === undefined) throw new RangeError(`cut: no cursor after event ${to}`);
      out.push({ start: from === 0 ? null : items[from], end: items[to], cursor, startPos: s.startPos === null ? null : s.startPos + from - start });
    }
  }
  return out;
}

/**
 * What stays loaded when about `keep` events around `around` are kept, and the newest page: the events, and the
 * segments cut where a page ended (`cursorAfter` gives the cursor after each page's last event). Nothing is kept above
 * the stretch being read but the newest page. `null` when nothing would be dropped.
 */
export function keepAround(
  items: readonly TimelineItem[],
  segments: readonly Segment[],
  cursorAfter: (item: TimelineItem) => string | null | undefined,
  around: TimelineItem | undefined,
  keep: number,
): { items: TimelineItem[]; segments: Segment[] } | null {
  const center = around ? Math.max(0, indexIn(items, around)) : 0;
  const boundaries: number[] = [];
  items.forEach((item, i) => cursorAfter(item) !== undefined && boundaries.push(i));
  const top = boundaries[0];
  if (top === undefined || items.length <= keep) return null;
  const half = Math.floor(keep / 2);
  const starts = segments.map((s) => startIndex(items, s)).filter((i) => i <= center);
  const lo = Math.max(starts.length ? Math.max(...starts) : 0, Math.min(center - half, items.length - keep));
  const hi = Math.min(items.length - 1, lo + keep - 1);
  // Below, the kept stretch ends where a page ended: the last such end within the window (well past the row read),
  // else the first one after it. Above it, a gap after the newest page.
  const within = boundaries.filter((i) => i <= hi && i >= center + half / 2);
  const below = within.length ? within[within.length - 1] : (boundaries.find((i) => i >= hi) ?? items.length - 1);
  const ranges: [number, number][] = lo > top + 1 ? [[0, top], [lo, below]] : [[0, below]];
  if (ranges.reduce((n, [a, b]) => n + b - a + 1, 0) >= items.length) return null;
  const kept: TimelineItem[] = [];
  for (const [a, b] of ranges) for (let i = a; i <= b; i++) kept.push(items[i]);
  return { items: kept, segments: cut(segments, items, ranges, (i) => cursorAfter(items[i])) };
}

/** The pager's state this module works on when it places, joins and drops stretches (the pager owns it). */
export interface StretchState {
  items: TimelineItem[];
  ids: Set<string>;
  cursor: string | null;
  done: boolean;
  segments: Segment[];
  gaps: readonly Gap[];
  /** The cursor after the last event of each page fetched. */
  cursorAfter: Map<string, string | null>;
  total: number | null;
}

/** The one stretch from the newest event, when no page was fetched out of order. */
const whole = (st: StretchState): Segment[] => {
  const last = st.items[st.items.length - 1];
  return st.segments.length ? st.segments : last ? [{ start: null, end: last, cursor: st.done ? null : st.cursor, startPos: 0 }] : [];
};

/**
 * Merges a page fetched out of order: after segment `extend` (a gap filled from above), or as a stretch of its own
 * (a seek). `settleStretches` then joins what meets.
 */
export function placeRun(st: StretchState, page: Run & { items: readonly TimelineItem[] }, extend: number | null): void {
  st.segments = whole(st);
  const run = [...page.items].sort(compareNewestFirst);
  if (run.length) st.cursorAfter.set(run[run.length - 1].id, page.nextCursor);
  const merged = mergeEvents(st.items, run, st.ids);
  st.items = merged.items;
  for (const item of run) st.ids.add(item.id);
  const segment = extend === null ? null : st.segments[extend];
  if (segment) {
    const oldest = run[run.length - 1];
    if (oldest && compareNewestFirst(oldest, segment.end) > 0) segment.end = oldest;
    segment.cursor = page.nextCursor;
    const next = st.segments[extend! + 1];
    // The source says nothing follows: the gap below was empty.
    if (page.nextCursor === null && next) st.segments.splice(extend!, 2, { ...segment, end: next.end, cursor: next.cursor });
  } else if (run.length) {
    st.segments.push(segmentOf({ items: run, nextCursor: page.nextCursor, position: page.position }));
  }
}

/** Joins what meets and takes the tail (cursor, end of the history) from the last stretch; the problems, in words. */
export function settleStretches(st: StretchState): string[] {
  const { segments, problems } = normalize(st.segments, st.items);
  const last = segments[segments.length - 1];
  if (last) {
    st.cursor = last.cursor;
    st.done = last.cursor === null;
  }
  st.segments = segments.length > 1 ? segments : [];
  return problems;
}

/** The gaps: between stretches, and down to the end of the history when its length (`total`) is known. */
export function refreshGaps(st: StretchState, total: number | null): void {
  st.gaps = gapsOf(whole(st), st.items, total);
}

/** Drops what `keepAround` leaves out; `true` when it dropped something (then settle). */
export function evictAround(st: StretchState, around: TimelineItem | undefined, keep: number): boolean {
  const kept = st.items.length > keep ? keepAround(st.items, whole(st), (item) => st.cursorAfter.get(item.id), around, keep) : null;
  if (!kept) return false;
  st.segments = kept.segments;
  st.items = kept.items;
  st.ids = new Set(kept.items.map((item) => item.id));
  for (const id of st.cursorAfter.keys()) if (!st.ids.has(id)) st.cursorAfter.delete(id);
  return true;
}

/** What `fillGap` needs of the pager (its own fields and methods; the pager owns them). */
export interface GapPager {
  readonly gaps: readonly Gap[];
  items: TimelineItem[];
  segments: Segment[];
  readonly stuck: Set<string>;
  readonly status: string;
  readonly started: boolean;
  readonly total: number | null;
  /** `false` once the source answered a seek by position (`at`) with a page from elsewhere: it seeks by date only. */
  seeksAt: boolean;
  readonly source: { clientId: string; pageSize: number } | null;
  readonly callbacks: { beforeRevalidate?(clientId: string): void };
  readonly host: { requestUpdate(): void };
  loadMore(): Promise<void>;
  seekAt(position: number, above?: boolean, again?: () => Promise<unknown>): Promise<boolean>;
  positionOf(item: TimelineItem): number | null;
  request(
    source: unknown,
    at: { cursor: string | null; before?: string; at?: number },
    apply: (page: { items: TimelineItem[]; position: number | null }) => void,
    again: () => Promise<unknown>,
  ): Promise<{ items: TimelineItem[] } | null>;
  place(source: unknown, page: unknown, extend: number | null): void;
  settle(source: unknown): void;
}

/**
 * Fetches a page into gap `key`: from `above` (the events right after the stretch above it), or from `below` (the
 * page that ends where the stretch below it starts: by position when known, else sought by date; the reading
 * position is kept). One request, or none when the gap turns out empty.
 */
export async function fillGap(p: GapPager, key: string, from: 'above' | 'below'): Promise<void> {
  const source = p.source;
  const index = p.gaps.findIndex((g) => g.key === key);
  if (!source || index < 0 || p.status !== 'idle') return;
  const gap = p.gaps[index];
  const again = () => fillGap(p, key, from);
  const limit = source.pageSize;
  if (from === 'below' && gap.count !== null && gap.count > limit && p.seeksAt) {
    // Positions known: the page that ends right where the stretch below starts.
    const below = gap.below ? p.positionOf(gap.below) : p.total;
    if (below !== null) return void (await p.seekAt(below - limit, true, again));
  }
  const below = gap.below;
  // Down to the end of the history, from above or small enough: the next page, as paging goes.
  if (!below) return p.loadMore();
  const time = from === 'below' && !p.stuck.has(below.id) ? fillFromBelow(gap, p.items, limit) : null;
  if (time !== null) {
    await p.request(source, { cursor: null, before: new Date(time).toISOString() }, (page) => {
      p.callbacks.beforeRevalidate?.(source.clientId);
      const count = p.items.length;
      p.place(source, page, null);
      const after = p.gaps.find((g) => g.key === key);
      // Nothing new, or the gap is still as it was: the next page comes from above.
      if (p.items.length === count || after?.below === below) p.stuck.add(below.id);
    }, again);
    return;
  }
  if (gap.cursor === null) {
    // The source said nothing follows the stretch above, yet one is loaded below: the gap is empty.
    p.segments.splice(index, 2, { ...p.segments[index], end: p.segments[index + 1].end, cursor: p.segments[index + 1].cursor });
    p.settle(source);
    p.host.requestUpdate();
    return;
  }
  // Rows land where the gap was, under the rows above it: the reading goes on into them.
  await p.request(source, { cursor: gap.cursor }, (page) => p.place(source, page, index), again);
}

/**
 * Fetches the page that starts at `position` in the whole history (`at`), one request wherever it is; it becomes a
 * stretch of its own, joined with what it meets. `above`: it lands above the row being read, which stays in place.
 * Resolves `true` when it held events.
 */
export async function seekAt(p: GapPager, position: number, above: boolean, again?: () => Promise<unknown>): Promise<boolean> {
  const source = p.source;
  if (!source || !p.started || p.status !== 'idle' || p.total === null || !p.seeksAt) return false;
  const at = Math.max(0, Math.min(Math.floor(position), p.total - 1));
  const apply = (page: { items: TimelineItem[]; position: number | null }) => {
    // An adapter that seeks by date but not by position answers another page (often the newest): seeking by position
    // again would ask for it over and over. From now on gaps fill from their edges, and by date.
    if (page.position !== at) p.seeksAt = false;
    if (above) p.callbacks.beforeRevalidate?.(source.clientId);
    p.place(source, page, null);
  };
  const page = await p.request(source, { cursor: null, at }, apply, again ?? (() => seekAt(p, position, above)));
  return !!page?.items.length;
}
