/**
 * The status summary over what is loaded: a record's status is the one its latest event gives (a quote sent and then
 * accepted counts once, as Accepted). With the records' renderers, in their chunk. Pure: no DOM.
 */
import type { TimelineItem } from '../model/event.js';
import { kindOf } from './filter.js';
import { ordered, type KindSummary, type StatusSlice } from './summary.js';

/** The summary of the records `items` are about (newest first, as loaded). */
export function summarize(items: readonly TimelineItem[]): KindSummary[] {
  const latest = new Map<string, { kind: string; status: string; amount?: { value: number; currency: string } }>();
  // Newest first: the first event seen of a record gives its status; its amount is the newest one it carries.
  for (const item of items) {
    const kind = kindOf(item);
    const key = `${kind}\u0000${item.record?.id ?? `event:${item.id}`}`;
    const known = latest.get(key);
    const amount = item.detail?.amount;
    if (!known) {
      if (!item.status?.trim()) continue;
      latest.set(key, { kind, status: item.status.trim(), amount });
    } else if (!known.amount && amount) {
      known.amount = amount;
    }
  }
  const kinds = new Map<string, Map<string, StatusSlice>>();
  for (const { kind, status, amount } of latest.values()) {
    let statuses = kinds.get(kind);
    if (!statuses) kinds.set(kind, (statuses = new Map()));
    const id = status.toLowerCase();
    let slice = statuses.get(id);
    if (!slice) statuses.set(id, (slice = { status, count: 0, totals: {} }));
    slice.count++;
    if (amount && Number.isFinite(amount.value)) {
      const code = amount.currency.toUpperCase();
      slice.totals[code] = (slice.totals[code] ?? 0) + amount.value;
    }
  }
  return ordered(kinds);
}
