/**
 * What a timeline event is: the wire schema (validated with zod/mini at the
 * boundary) and the types inferred from it.
 */
import * as z from 'zod/mini';
import { MISS, precheck } from './precheck.js';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const authorSchema = z.object({
  name: z.string(),
  id: z.optional(z.string()),
  avatarUrl: z.optional(z.string()),
});

/** ISO 4217 code, e.g. `CRC`, `USD`. */
const currencyCode = z.string().check(z.regex(/^[A-Za-z]{3}$/, 'currency must be a 3-letter ISO 4217 code'));

export const amountSchema = z.object({
  value: z.number(),
  /** ISO 4217 code, e.g. `CRC`, `USD`. */
  currency: currencyCode,
});

export const changeSchema = z.object({
  field: z.string(),
  from: z.optional(scalar),
  to: z.optional(scalar),
  /**
   * How the values read: `date` (ISO 8601 date or date-time, shown in the element's locale and time zone), `money`
   * (with `currency`), `number`, or `text` (as given, the default).
   */
  kind: z.optional(z.enum(['date', 'money', 'number', 'text'])),
  /** ISO 4217 code of `money` values. */
  currency: z.optional(currencyCode),
});

export const attachmentSchema = z.object({
  name: z.string(),
  url: z.optional(z.string()),
  size: z.optional(z.number()),
  mimeType: z.optional(z.string()),
});

/** Optional, open-ended detail shown when an event is expanded. Unknown keys are kept. */
export const detailSchema = z.looseObject({
  body: z.optional(z.string()),
  bodyFormat: z.optional(z.enum(['text', 'html'])),
  subject: z.optional(z.string()),
  from: z.optional(z.string()),
  to: z.optional(z.array(z.string())),
  cc: z.optional(z.array(z.string())),
  direction: z.optional(z.enum(['inbound', 'outbound'])),
  durationSeconds: z.optional(z.number().check(z.nonnegative())),
  recordingUrl: z.optional(z.string()),
  /** Call outcome, e.g. "Connected", "No answer". */
  outcome: z.optional(z.string()),
  amount: z.optional(amountSchema),
  changes: z.optional(z.array(changeSchema)),
  attachments: z.optional(z.array(attachmentSchema)),
  location: z.optional(z.string()),
  startsAt: z.optional(z.string()),
  /** The conversation an email or message belongs to: events sharing it show as one thread. */
  threadId: z.optional(z.string()),
  /** When a task is due (ISO 8601): open tasks gather in the to-do section, overdue ones first. */
  dueAt: z.optional(z.string()),
  /** When a scheduled email or message sends (ISO 8601). */
  scheduledAt: z.optional(z.string()),
  endsAt: z.optional(z.string()),
  url: z.optional(z.string()),
  /** Text of the link to the source record, e.g. "Open quote EST-00042". */
  urlLabel: z.optional(z.string()),
  quantity: z.optional(z.number()),
  /** When a note (or any event) was last edited: ISO 8601. */
  editedAt: z.optional(z.string()),
});

export const toneSchema = z.enum(['failed', 'success', 'warning', 'neutral']);

export const timelineEventSchema = z.object({
  id: z.string().check(z.minLength(1, 'id must not be empty')),
  /** Dotted `category.action` name, e.g. `email.sent`. */
  type: z.string().check(z.minLength(1, 'type must not be empty')),
  /** ISO 8601 date-time with an offset (`Z` or `±hh:mm`). */
  occurredAt: z.iso.datetime({ offset: true, message: 'occurredAt must be an ISO 8601 date-time with an offset' }),
  title: z.string(),
  author: z.optional(authorSchema),
  summary: z.optional(z.string()),
  status: z.optional(z.string()),
  tone: z.optional(toneSchema),
  /** `internal`: staff-only (an internal note), shown with a badge. */
  visibility: z.optional(z.string()),
  /** The record the event is about; consecutive updates of one record by one author fold together. */
  record: z.optional(z.object({ id: z.string(), type: z.optional(z.string()), label: z.optional(z.string()) })),
  detail: z.optional(detailSchema),
});

export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type EventDetail = z.infer<typeof detailSchema>;
export type FieldChange = z.infer<typeof changeSchema>;
export type Tone = z.infer<typeof toneSchema>;

/** A validated event with values derived once at the boundary. */
export interface TimelineItem extends TimelineEvent {
  /** `occurredAt` in epoch milliseconds. */
  readonly time: number;
}

/** Why one event of a page was rejected. */
export interface InvalidEvent {
  /** Position of the event in the page. */
  index: number;
  /** The event's id when it had a readable one. */
  id?: string;
  /** Human-readable problems, e.g. `occurredAt: must be an ISO 8601 date-time with an offset`. */
  problems: string[];
}

export interface ParsedPage {
  items: TimelineItem[];
  invalid: InvalidEvent[];
}

/** The schema's fast path for well-formed events (see `precheck.ts`): zod's output, or `MISS`. */
const wellFormed = precheck<TimelineEvent>(timelineEventSchema);

/**
 * One raw event: the item, or why it is invalid. zod's output (or the fast path's, the same) is a fresh object:
 * `time` is set on it, no copy.
 */
function parseEvent(value: unknown, index: number): TimelineItem | InvalidEvent {
  let event = wellFormed(value);
  if (event === MISS) {
    const result = z.safeParse(timelineEventSchema, value);
    if (!result.success) {
      const id = value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : undefined;
      return { index, id, problems: result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(event)'}: ${issue.message}`) };
    }
    event = result.data;
  }
  const item = event as TimelineEvent & { time: number };
  item.time = Date.parse(item.occurredAt);
  return item;
}

/**
 * Validates `raw[from, to)` into `page`: valid events become items, invalid ones are reported (at their index in
 * `raw`), never thrown. Holes of a sparse array are skipped.
 */
export function parseEventsInto(page: ParsedPage, raw: readonly unknown[], from: number, to: number): ParsedPage {
  for (let index = from; index < to; index++) {
    if (!(index in raw)) continue;
    const parsed = parseEvent(raw[index], index);
    // An item never has `problems`: the schema strips keys it does not know.
    if ('problems' in parsed) page.invalid.push(parsed);
    else page.items.push(parsed);
  }
  return page;
}

/** Validates raw events: valid ones become items, invalid ones are reported, never thrown. */
export function parseEvents(raw: readonly unknown[]): ParsedPage {
  return parseEventsInto({ items: [], invalid: [] }, raw, 0, raw.length);
}

/** "3 invalid events skipped for client "c1": "a" (title: …), #4 (id: …), …": the first three, for people. */
export function describeInvalid(invalid: readonly InvalidEvent[], clientId: string): string {
  const count = invalid.length;
  const some = invalid.slice(0, 3).map((e) => `${e.id ? `"${e.id}"` : `#${e.index}`} (${e.problems.join('; ')})`);
  return `${count} invalid ${count === 1 ? 'event' : 'events'} skipped for client "${clientId}": ${some.join(', ')}${count > 3 ? ', …' : ''}`;
}
