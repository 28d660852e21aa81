/**
 * The in-memory order of a timeline: pure functions, no DOM.
 * Newest first; ties broken by id so the order is total and stable.
 */
import type { TimelineItem } from '../model/event.js';

/** Negative when `a` comes before `b` (newer first). */
export function compareNewestFirst(a: TimelineItem, b: TimelineItem): number {
  return b.time - a.time || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export interface MergeResult {
  items: TimelineItem[];
  /** Events not seen before. */
  added: number;
  /** Events whose id was already there: replaced in place. */
  updated: number;
}

/**
 * Merges `incoming` into `existing` (both newest first or not): one copy per id,
 * the incoming version winning, the result newest first. `existing` is not mutated.
 * Appending an older page of new ids, the common case while scrolling, is O(page).
 */
export function mergeEvents(existing: readonly TimelineItem[], incoming: readonly TimelineItem[], index?: ReadonlySet<string>): MergeResult {
  const known = index ?? new Set(existing.map((item) => item.id));
  const fresh = new Map<string, TimelineItem>();
  for (const item of incoming) fresh.set(item.id, item);
  const page = [...fresh.values()].sort(compareNewestFirst);
  const last = existing[existing.length - 1];
  const noneKnown = page.every((item) => !known.has(item.id));
  if (noneKnown && (!last || !page.length || compareNewestFirst(last, page[0]) <= 0)) {
    return { items: existing.concat(page), added: page.length, updated: 0 };
  }
  let updated = 0;
  const merged: TimelineItem[] = [];
  for (const item of existing) {
    const replacement = fresh.get(item.id);
    if (replacement) {
      updated++;
    } else {
      merged.push(item);
    }
  }
  merged.push(...page);
  merged.sort(compareNewestFirst);
  return { items: merged, added: page.length - updated, updated };
}
