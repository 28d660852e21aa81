/**
 * Where the loaded events sit in the whole history, once pages can be fetched out of order (seeking by date): pure
 * functions, no DOM. The loaded events (newest first) fall into segments, each a run of events known to follow one
 * another with nothing missing; between two segments lies a gap, which fills when scrolled into, from either side.
 * A page fetched after a segment's end extends that segment; a sought page is a segment of its own until it meets a
 * neighbour, in loaded events or, when the source says where its pages sit (`position`), in positions.
 */
import type { TimelineItem } from '../model/event.js';
import { compareNewestFirst } from './store.js';

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
  /** The first loaded event below the gap. */
  below: TimelineItem;
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

/** The gaps between segments. */
export function gapsOf(segments: readonly Segment[], items: readonly TimelineItem[]): Gap[] {
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
  if (gap.count !== null && gap.count <= limit) return null;
  const at = indexIn(items, gap.below);
  const k = Math.min(limit, items.length - at);
  const span = gap.above.time - gap.below.time;
  const spacing = k > 1 ? (gap.below.time - items[at + k - 1].time) / (k - 1) : gap.count ? span / (gap.count + 1) : span / 2;
  // Aim a little short, so that the page most likely reaches what is loaded below (and the gap shrinks).
  const time = gap.below.time + Math.max(1, spacing) * Math.max(1, limit - 1) * 0.8;
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
