/**
 * The query parameters of the wire format, validated with zod: a clear 400 for each thing that is wrong, unknown
 * parameters ignored. Lists are comma separated and may be repeated (`types=email,call` or `types=email&types=call`).
 */
import * as z from 'zod';
import type { EventFilter } from './storage.js';

/** What one page request asks for, validated. */
export interface PageParams {
  client: string;
  limit: number;
  cursor?: string;
  /** ISO 8601 instant. */
  before?: string;
  at?: number;
  filter: EventFilter;
}

/** Why a request was refused, with the status to answer. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const LIST_PARAMS = ['types', 'authors', 'statuses', 'recordTypes'] as const;
const MAX_ITEMS = 100;
const MAX_ITEM = 200;

/** ISO 8601: a date (midnight UTC) or a date-time with `Z` or an offset. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

const instant = (name: string) =>
  z.string().transform((value, ctx) => {
    const t = ISO_INSTANT.test(value.trim()) ? Date.parse(value.trim()) : Number.NaN;
    if (Number.isNaN(t) || t < -62135596800000 || t > 253402300799999) {
      ctx.addIssue({ code: 'custom', message: `Invalid "${name}": expected an ISO 8601 date or date-time with an offset, got "${value.slice(0, 60)}"` });
      return z.NEVER;
    }
    return new Date(t).toISOString();
  });

const whole = (name: string, min: number, max: number, expected = `a whole number from ${min} to ${max}`) =>
  z.string().transform((value, ctx) => {
    const n = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
    if (!(n >= min && n <= max)) {
      ctx.addIssue({ code: 'custom', message: `Invalid "${name}": expected ${expected}, got "${value.slice(0, 60)}"` });
      return z.NEVER;
    }
    return n;
  });

/**
 * No stored text holds a NUL (PostgreSQL's text cannot): a list entry with one matches nothing, and is dropped. A
 * list left empty by it still filters, to nothing (the element asks for "no category" as `types=%00none`). A client
 * or record id with a NUL names nothing that can exist: a 400.
 */
const NUL = '\u0000';
const list = (name: string) =>
  z
    .array(z.string().max(MAX_ITEM, `Invalid "${name}": an entry is longer than ${MAX_ITEM} characters`))
    .max(MAX_ITEMS, `Invalid "${name}": more than ${MAX_ITEMS} entries`)
    .transform((values) => (values.length ? [...new Set(values.filter((v) => !v.includes(NUL)))].sort() : undefined));

/** Control characters are dropped from search text (U+001F separates the searched fields). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

function pageSchema(maxLimit: number, defaultLimit: number) {
  return z.object({
    client: z
      .string({ error: 'Missing required parameter "client"' })
      .transform((v) => v.trim())
      .pipe(
        z
          .string()
          .min(1, 'Missing required parameter "client"')
          .max(MAX_ITEM, `Invalid "client": longer than ${MAX_ITEM} characters`)
          .refine((v) => !v.includes(NUL), 'Invalid "client": contains a NUL character'),
      ),
    // Above `maxLimit` a page is cut to `maxLimit` (the client pages on); not a number, or 0, is an error.
    limit: z.optional(whole('limit', 1, 1_000_000_000, 'a whole number of at least 1')).transform((n) => Math.min(n ?? defaultLimit, maxLimit)),
    cursor: z.optional(z.string().max(2000, 'Invalid "cursor": not a cursor this server issued')),
    before: z.optional(instant('before')),
    at: z.optional(whole('at', 0, 2_000_000_000)),
    since: z.optional(instant('since')),
    until: z.optional(instant('until')),
    q: z.optional(z.string().max(500, 'Invalid "q": longer than 500 characters').transform((v) => v.replace(CONTROL, ' ').trim() || undefined)),
    record: z.optional(
      z
        .string()
        .max(MAX_ITEM, `Invalid "record": longer than ${MAX_ITEM} characters`)
        .refine((v) => !v.includes(NUL), 'Invalid "record": contains a NUL character'),
    ),
    types: list('types'),
    authors: list('authors'),
    statuses: list('statuses'),
    recordTypes: list('recordTypes'),
  });
}

/** The raw values: the first of each scalar parameter (empty means absent), every entry of each list. */
function raw(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of ['client', 'limit', 'cursor', 'before', 'at', 'since', 'until', 'q', 'record']) {
    const value = params.get(name);
    if (value !== null && (value !== '' || name === 'client')) out[name] = value;
  }
  for (const name of LIST_PARAMS) {
    out[name] = params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
  }
  return out;
}

export function pageParser(maxLimit: number, defaultLimit: number): (params: URLSearchParams) => PageParams {
  const schema = pageSchema(maxLimit, defaultLimit);
  return (params) => {
    const result = schema.safeParse(raw(params));
    if (!result.success) throw new RequestError(400, result.error.issues.map((issue) => issue.message).join('; '));
    const v = result.data;
    const filter: EventFilter = {};
    if (v.types) filter.types = v.types;
    if (v.q) filter.q = v.q;
    if (v.authors) filter.authors = v.authors;
    if (v.statuses) filter.statuses = v.statuses;
    if (v.recordTypes) filter.recordTypes = v.recordTypes;
    if (v.record) filter.record = v.record;
    if (v.since) filter.since = v.since;
    if (v.until) filter.until = v.until;
    return { client: v.client, limit: v.limit, cursor: v.cursor, before: v.before, at: v.at, filter };
  };
}

/** The client of a stream request, and the change number to resume after (`Last-Event-ID`, or `after`). */
export function streamParams(params: URLSearchParams, lastEventId: string | null): { client: string; after?: string } {
  const client = (params.get('client') ?? '').trim();
  if (!client) throw new RequestError(400, 'Missing required parameter "client"');
  if (client.length > MAX_ITEM) throw new RequestError(400, `Invalid "client": longer than ${MAX_ITEM} characters`);
  if (client.includes(NUL)) throw new RequestError(400, 'Invalid "client": contains a NUL character');
  const after = lastEventId ?? params.get('after');
  if (after !== null && after !== '' && !/^\d{1,18}$/.test(after)) throw new RequestError(400, `Invalid "Last-Event-ID": expected a change number, got "${after.slice(0, 60)}"`);
  return after ? { client, after } : { client };
}
