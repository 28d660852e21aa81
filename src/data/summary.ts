/**
 * The status summary of a client's records (inquiries, quotes, bookings, invoices, deals…): per record kind, each
 * status with how many records are in it and their total amount per currency. A record's status is the one its
 * latest event gives: a quote sent and then accepted counts once, as Accepted. Pure: no DOM.
 */
import type { TimelineItem } from '../model/event.js';
import { kindOf } from './filter.js';

export interface StatusSlice {
  status: string;
  count: number;
  /** Total amount per currency code (`{ CRC: 1240000 }`). */
  totals: Record<string, number>;
}

export interface KindSummary {
  kind: string;
  /** Records of this kind with a status. */
  count: number;
  /** Largest first. */
  statuses: StatusSlice[];
}

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

/** A server's summary (`{ kind: { status: { count, totals? } } }`), checked: malformed entries are dropped. `null` when nothing usable is left. */
export function fromWire(value: unknown): KindSummary[] | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const kinds = new Map<string, Map<string, StatusSlice>>();
  for (const [kind, statuses] of Object.entries(value as Record<string, unknown>)) {
    if (!statuses || typeof statuses !== 'object') continue;
    const slices = new Map<string, StatusSlice>();
    for (const [status, entry] of Object.entries(statuses as Record<string, unknown>)) {
      const { count, totals } = (entry ?? {}) as { count?: unknown; totals?: unknown };
      if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) continue;
      const sums: Record<string, number> = {};
      if (totals && typeof totals === 'object') {
        for (const [code, sum] of Object.entries(totals)) if (/^[A-Za-z]{3}$/.test(code) && typeof sum === 'number' && Number.isFinite(sum)) sums[code.toUpperCase()] = sum;
      }
      slices.set(status.toLowerCase(), { status, count, totals: sums });
    }
    if (slices.size) kinds.set(kind, slices);
  }
  return kinds.size ? ordered(kinds) : null;
}

function ordered(kinds: Map<string, Map<string, StatusSlice>>): KindSummary[] {
  return [...kinds]
    .map(([kind, statuses]) => {
      const slices = [...statuses.values()].sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
      return { kind, count: slices.reduce((n, s) => n + s.count, 0), statuses: slices };
    })
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}
