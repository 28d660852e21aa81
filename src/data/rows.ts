/**
 * From events to the rows the list shows: pure, no DOM. Consecutive updates
 * of one record by one author within a few minutes fold into one row; the
 * messages of one conversation (`detail.threadId`, or one email record, with
 * its "opened" and "clicked" events) show as one thread row, where its latest
 * event is; each row knows its day so the list can show day headers.
 */
import { typeInfo } from '../model/catalog.js';
import type { TimelineItem } from '../model/event.js';
import type { Gap } from './gaps.js';

interface EventRow {
  kind: 'event';
  key: string;
  item: TimelineItem;
  /** Local calendar day, `YYYY-MM-DD`. */
  day: string;
  /** First row of its day: shows the day header. */
  firstOfDay: boolean;
}

export interface GroupRow {
  kind: 'group';
  key: string;
  /** The newest event of the group, which gives it its time and author. */
  item: TimelineItem;
  /** All folded events, newest first. */
  items: TimelineItem[];
  day: string;
  firstOfDay: boolean;
  /** A conversation's thread rather than folded updates. */
  thread?: boolean;
}

/** Events not fetched yet between two loaded stretches (after a seek): a placeholder that loads them when seen. */
export interface GapRow {
  kind: 'gap';
  key: string;
  /** The last event loaded above the gap (its time places the row). */
  item: TimelineItem;
  gap: Gap;
  /** Its height in the list, px: about as tall as the events it stands for (scaled to fit the list's height cap). */
  height: number;
  day: string;
  firstOfDay: false;
}

export type Row = EventRow | GroupRow | GapRow;

/** Folding window: updates this close to the group's newest event join it. */
export const FOLD_WINDOW_MS = 5 * 60_000;

const foldKey = (item: TimelineItem): string | null => {
  if (typeInfo(item.type).category !== 'update' || !item.author?.name) return null;
  return `${item.author.name}\u0000${item.record?.id ?? `type:${item.type}`}`;
};

/** The conversation an event belongs to: its `threadId`, else the email record it is about. */
const threadKey = (item: TimelineItem): string | null => {
  const thread = item.detail?.threadId;
  if (thread) return `t:${thread}`;
  return item.record?.type === 'email' && item.record.id ? `r:${item.record.id}` : null;
};

/**
 * Builds the rows for `items` (newest first). `dayOf` maps an event's time to its calendar day in the viewer's time
 * zone (it is given the event too, to remember the day per event: `Formatters.dayOf`).
 */
export function buildRows(items: readonly TimelineItem[], dayOf: (time: number, item: TimelineItem) => string, fold = true): Row[] {
  const rows: Row[] = [];
  let previousDay = '';
  let group: { key: string; row: EventRow | GroupRow } | null = null;
  // Conversations with more than one event, newest first.
  const threads = new Map<string, TimelineItem[]>();
  if (fold) {
    for (const item of items) {
      const key = threadKey(item);
      if (key) threads.set(key, [...(threads.get(key) ?? []), item]);
    }
  }
  const placed = new Set<string>();
  for (const item of items) {
    // Rows of one day hold one string for it (events come newest first: the same day runs on), not one per row.
    const dayText = dayOf(item.time, item);
    const day = dayText === previousDay ? previousDay : dayText;
    const thread = threadKey(item);
    const messages = thread ? threads.get(thread) : undefined;
    if (thread && messages && messages.length > 1) {
      if (placed.has(thread)) continue;
      placed.add(thread);
      rows.push({ kind: 'group', thread: true, key: `thread:${thread}`, item, items: messages, day, firstOfDay: day !== previousDay });
      previousDay = day;
      group = null;
      continue;
    }
    const key = fold ? foldKey(item) : null;
    if (key && group && group.key === key && group.row.day === day && group.row.item.time - item.time <= FOLD_WINDOW_MS) {
      const current = group.row;
      if (current.kind === 'event') {
        const merged: GroupRow = { kind: 'group', key: `group:${current.item.id}`, item: current.item, items: [current.item, item], day, firstOfDay: current.firstOfDay };
        rows[rows.length - 1] = merged;
        group.row = merged;
      } else {
        current.items.push(item);
      }
      continue;
    }
    const row: EventRow = { kind: 'event', key: item.id, item, day, firstOfDay: day !== previousDay };
    rows.push(row);
    previousDay = day;
    group = key ? { key, row } : null;
  }
  return rows;
}
