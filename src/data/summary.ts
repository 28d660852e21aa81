/**
 * The status summary of a client's records (inquiries, quotes, bookings, invoices, deals…): per record kind, each
 * status with how many records are in it and their total amount per currency; here, as a server sends it (the one
 * over what is loaded: `summarize.ts`). Pure: no DOM.
 */

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

/** Kinds and their statuses, largest first. */
export function ordered(kinds: Map<string, Map<string, StatusSlice>>): KindSummary[] {
  return [...kinds]
    .map(([kind, statuses]) => {
      const slices = [...statuses.values()].sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
      return { kind, count: slices.reduce((n, s) => n + s.count, 0), statuses: slices };
    })
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}
