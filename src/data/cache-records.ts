/**
 * The records of the IndexedDB cache and their checks on read: a damaged client record, or an event that fails the
 * wire schema or is filed under another id, client or time, is reported (and deleted), never used. Part of the
 * IndexedDB chunk.
 */
import * as z from 'zod/mini';
import { parseEvents, type TimelineEvent, type TimelineItem } from '../model/event.js';
import type { ClientState } from './cache.js';

export interface EventRecord {
  ns: string;
  client: string;
  id: string;
  time: number;
  event: TimelineEvent;
  /** `EVENT_SHAPE` when this version wrote the record (from a validated event); absent before. */
  v?: number;
}

/**
 * The shape of the events this version stores: a record that says it (`v`) was written from a validated event and is
 * trusted after a cheap check; older ones go through the schema. Bump it when the event schema changes what it gives.
 */
export const EVENT_SHAPE = 1;

export interface ClientRecord extends ClientState {
  ns: string;
  client: string;
}

/** Stored records that were damaged: deleted, never used. The cache stays on. */
export class CacheRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CacheRecordError';
  }
}

/** A `clients` record as this version writes it (besides its key); anything else is damaged. */
const clientRecordSchema = z.object({
  checkpoints: z.array(z.object({ cursor: z.string(), time: z.number() })),
  done: z.boolean(),
  savedAt: z.number(),
  openedAt: z.number(),
});

type Checked<T> = { ok: T } | { problem: string };

/** A client record read by its key `[ns, client]` (so filed under them): valid, or what is wrong with it. */
export function checkClient(value: unknown, ns: string, client: string): Checked<ClientRecord> {
  const result = z.safeParse(clientRecordSchema, value);
  return result.success
    ? { ok: { ...result.data, ns, client } }
    : { problem: `the client record (${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})` };
}

/**
 * A stored event: valid (the wire schema, as `parseEvents` applies it), filed under its own id, client and time. One
 * this version wrote (`EVENT_SHAPE`) is not validated again, only checked to hold together: its key, id, time, type and
 * title.
 */
export function checkEvent(value: unknown, ns: string, client: string): Checked<TimelineItem> {
  const row = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof EventRecord, unknown>>;
  const stored = (row.event ?? {}) as Partial<Record<keyof TimelineItem, unknown>>;
  if (
    row.v === EVENT_SHAPE &&
    row.ns === ns &&
    row.client === client &&
    typeof stored.id === 'string' &&
    stored.id === row.id &&
    typeof stored.type === 'string' &&
    typeof stored.title === 'string' &&
    typeof stored.occurredAt === 'string' &&
    Date.parse(stored.occurredAt) === row.time
  ) {
    // A fresh object (read from the database): the item, with its time.
    stored.time = row.time;
    return { ok: stored as TimelineItem };
  }
  const { items, invalid } = parseEvents([row.event]);
  const item = items[0];
  if (!item) return { problem: invalid[0]?.problems.join('; ') ?? 'not an event' };
  if (row.ns !== ns || row.client !== client) return { problem: 'filed under another client' };
  if (item.id !== row.id) return { problem: `its id is "${item.id}"` };
  if (item.time !== row.time) return { problem: 'filed at another time' };
  return { ok: item };
}

export function damage(problems: readonly string[]): CacheRecordError {
  const count = problems.length;
  const some = problems.slice(0, 3).join(', ');
  return new CacheRecordError(`${count} damaged cache ${count === 1 ? 'record' : 'records'} deleted: ${some}${count > 3 ? ', …' : ''}`);
}

