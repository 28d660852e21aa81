/**
 * From events to the rows the list shows: pure, no DOM. Consecutive updates
 * of one record by one author within a few minutes fold into one row; each
 * row knows its day so the list can show day headers.
 */
import { typeInfo } from '../model/catalog.js';
import type { TimelineItem } from '../model/event.js';

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
}

export type Row = EventRow | GroupRow;

/** Folding window: updates this close to the group's newest event join it. */
export const FOLD_WINDOW_MS = 5 * 60_000;

const foldKey = (item: TimelineItem): string | null => {
  if (typeInfo(item.type).category !== 'update' || !item.author?.name) return null;
  return `${item.author.name}\u0000${item.record?.id ?? `type:${item.type}`}`;
};

/**
 * Builds the rows for `items` (newest first). `dayOf` maps a time to its
 * calendar day in the viewer's time zone.
 */
export function buildRows(items: readonly TimelineItem[], dayOf: (time: number) => string, fold = true): Row[] {
  const rows: Row[] = [];
  let previousDay = '';
  let group: { key: string; row: EventRow | GroupRow } | null = null;
  for (const item of items) {
    const day = dayOf(item.time);
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
