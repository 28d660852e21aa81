/**
 * What is still to do for a client: tasks not completed, meetings and scheduled emails or messages still ahead.
 * Decided by the record's latest event (a task created, then completed, is done), its status (not a done one) and
 * its dates (`detail.dueAt`, `startsAt`, `scheduledAt`). Overdue work first, then by date. Pure: no DOM.
 */
import type { TimelineItem } from '../model/event.js';
import { categoryKeyOf } from './filter.js';

/** Statuses that say the work is over. */
const DONE = /^(completed?|done|closed|cancell?ed|canceled|sent|delivered|paid|accepted|declined|lost|won|converted|expired|held|attended|finished|resolved|skipped|no[- ]show)$/i;
/** Types that say the work is over, whatever the status. */
const DONE_TYPE = /\.(completed|done|cancell?ed|canceled|sent|held|deleted|closed|resolved)$/;

export interface TodoItem {
  item: TimelineItem;
  /** When it is due or starts (epoch ms), if it says. */
  when: number | null;
  /** What the date means: a task is due, a meeting starts, an email sends. */
  verb: 'due' | 'starts' | 'sends';
  overdue: boolean;
}

const time = (value: string | undefined) => {
  const t = value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(t) ? t : null;
};

/** The open work among `items` (newest first, as loaded), at `now`. */
export function openWork(items: readonly TimelineItem[], now: number): TodoItem[] {
  const seen = new Set<string>();
  const open: TodoItem[] = [];
  for (const item of items) {
    // The newest event of a record decides; one without a record is its own.
    const key = item.record?.id ? `${item.record.type ?? ''}\u0000${item.record.id}` : `event:${item.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const todo = asTodo(item, now);
    if (todo) open.push(todo);
  }
  return open.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.when ?? Infinity) - (b.when ?? Infinity));
}

function asTodo(item: TimelineItem, now: number): TodoItem | null {
  if (DONE_TYPE.test(item.type) || (item.status && DONE.test(item.status.trim()))) return null;
  const d = item.detail ?? {};
  const category = categoryKeyOf(item.type);
  const due = time(d.dueAt);
  const starts = time(d.startsAt);
  const scheduled = time(d.scheduledAt);
  if (category === 'task') {
    const when = due ?? starts;
    return { item, when, verb: 'due', overdue: when !== null && when < now };
  }
  if (scheduled !== null || /\.scheduled$/.test(item.type)) {
    const when = scheduled ?? starts ?? due;
    if (when === null || when < now) return null;
    return { item, when, verb: category === 'meeting' ? 'starts' : 'sends', overdue: false };
  }
  if (category === 'meeting' && starts !== null && starts >= now) return { item, when: starts, verb: 'starts', overdue: false };
  if (due !== null) return { item, when: due, verb: 'due', overdue: due < now };
  return null;
}
