/**
 * Property tests of paging (fast-check): random histories written in random orders and batches, random filters and
 * page sizes. Pages concatenate to exactly the filtered history, newest first, each event once, with the right
 * total and positions; an insert between two pages never duplicates or skips an older event.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { SqlStorage } from '../../src/server/sql-storage.js';
import { engineName, newClient, openStorage, qs, serve, type Served } from './harness.js';

let storage: SqlStorage;
let server: Served;
before(async () => {
  storage = await openStorage();
  server = await serve({ storage, authorize: () => ({}), maxLimit: 50 });
});
after(async () => {
  await server.close();
  await storage.close();
});

const TYPES = ['email.sent', 'email.opened', 'call.logged', 'note.added', 'invoice.paid'];
const AUTHORS = ['Ana', 'Bruno', 'Çelik'];
const WORDS = ['alpha', 'beta', 'gamma', 'Délta'];
const BASE = Date.UTC(2026, 0, 1);

interface Ev extends Record<string, unknown> {
  id: string;
  type: string;
  occurredAt: string;
  title: string;
  author?: { name: string };
}

/** Instants from a small range, so that many events share one (the id breaks the tie). */
interface EventDraft {
  minute: number;
  type: string;
  author?: string;
  word: string;
}
interface Filter {
  types?: string[];
  authors?: string[];
  q?: string;
  since?: number;
  until?: number;
}
const eventArb: fc.Arbitrary<EventDraft> = fc.record({
  minute: fc.integer({ min: 0, max: 30 }),
  type: fc.constantFrom(...TYPES),
  author: fc.option(fc.constantFrom(...AUTHORS), { nil: undefined }),
  word: fc.constantFrom(...WORDS),
});
const historyArb = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z0-9]{1,6}$/), eventArb), { minLength: 0, maxLength: 40, selector: ([id]) => id });

const filterArb: fc.Arbitrary<Filter> = fc.record(
  {
    types: fc.subarray(['email', 'call.logged', 'note', 'invoice.paid'], { minLength: 1 }),
    authors: fc.subarray(AUTHORS, { minLength: 1 }),
    q: fc.constantFrom('alpha', 'delta', 'ALPH', 'ta'),
    since: fc.integer({ min: 0, max: 30 }),
    until: fc.integer({ min: 0, max: 30 }),
  },
  { requiredKeys: [] },
);

const toEvent = ([id, e]: [string, EventDraft]): Ev => ({
  id,
  type: e.type,
  occurredAt: new Date(BASE + e.minute * 60_000).toISOString(),
  title: `${e.word} ${id}`,
  ...(e.author ? { author: { name: e.author } } : {}),
});

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const iso = (minute: number) => new Date(BASE + minute * 60_000).toISOString();

/** The model: the filter applied in memory, newest first, ties by id descending (byte order). */
function expected(events: Ev[], f: Filter): string[] {
  return events
    .filter((e) => !f.types || f.types.some((t) => t === e.type || t === e.type.split('.')[0]))
    .filter((e) => !f.authors || (e.author && f.authors.includes(e.author.name)))
    .filter((e) => !f.q || fold(e.title).includes(fold(f.q)))
    .filter((e) => f.since === undefined || e.occurredAt >= iso(f.since))
    .filter((e) => f.until === undefined || e.occurredAt <= iso(f.until))
    .sort((a, b) => (a.occurredAt !== b.occurredAt ? (a.occurredAt < b.occurredAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((e) => e.id);
}

const params = (f: Filter) => ({
  types: f.types?.join(','),
  authors: f.authors?.join(','),
  q: f.q,
  since: f.since === undefined ? undefined : iso(f.since),
  until: f.until === undefined ? undefined : iso(f.until),
});

/** Writes `events` in a random order, in random batches. */
async function write(client: string, events: Ev[], order: number[], cuts: number[]) {
  const shuffled = order.map((i) => events[i % Math.max(1, events.length)]).filter(Boolean);
  const unique = [...new Map([...shuffled, ...events].map((e) => [e.id, e])).values()];
  let from = 0;
  for (const cut of [...cuts, unique.length]) {
    const to = Math.min(unique.length, Math.max(from, cut));
    if (to > from) await storage.append(client, unique.slice(from, to));
    from = to;
  }
}

describe(`paging properties on ${engineName}`, () => {
  it('pages concatenate to the filtered history, newest first, each event once, with total and positions', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.array(fc.nat(60)), fc.array(fc.nat(40), { maxLength: 4 }), filterArb, fc.integer({ min: 1, max: 7 }), async (history, order, cuts, filter, limit) => {
        const client = newClient('prop');
        const events = history.map(toEvent);
        await write(client, events, order, cuts.sort((a, b) => a - b));
        const want = expected(events, filter);
        const got: string[] = [];
        let cursor: string | undefined;
        for (let guard = 0; guard < 100; guard++) {
          const res = await server.get(`/api/timeline?${qs({ client, limit, cursor, ...params(filter) })}`);
          assert.equal(res.status, 200);
          assert.equal(res.body.total, want.length);
          assert.equal(res.body.position, got.length);
          assert.ok(res.body.events.length <= limit);
          got.push(...res.body.events.map((e: Ev) => e.id));
          if (!res.body.nextCursor) break;
          assert.equal(res.body.events.length, limit, 'only the last page is short');
          cursor = res.body.nextCursor;
        }
        assert.deepEqual(got, want);
        // A seek by position lands where paging did.
        if (want.length) {
          const k = Math.floor(want.length / 2);
          const seek = await server.get(`/api/timeline?${qs({ client, limit: 1, at: k, ...params(filter) })}`);
          assert.deepEqual(seek.body.events.map((e: Ev) => e.id), [want[k]]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('an insert between two pages never duplicates or skips an older event', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, historyArb, fc.integer({ min: 1, max: 6 }), async (history, inserted, limit) => {
        const client = newClient('race');
        const events = history.map(toEvent);
        if (events.length) await storage.append(client, events);
        const first = await server.get(`/api/timeline?${qs({ client, limit })}`);
        const seen: string[] = first.body.events.map((e: Ev) => e.id);
        // New events (some newer, some older, some at the same instants), written between two pages.
        const known = new Set(events.map((e) => e.id));
        const extra = inserted.map(toEvent).filter((e) => !known.has(e.id));
        if (extra.length) await storage.append(client, extra);
        let cursor = first.body.nextCursor;
        while (cursor) {
          const res = await server.get(`/api/timeline?${qs({ client, limit, cursor })}`);
          seen.push(...res.body.events.map((e: Ev) => e.id));
          cursor = res.body.nextCursor;
        }
        assert.equal(new Set(seen).size, seen.length, 'each event once');
        const all = expected([...events, ...extra], {});
        const original = expected(events, {});
        // Every event of the history as it was is seen; of the new ones, exactly those older than the first page's end.
        // (A first page that was the whole history has no cursor: paging ended there.)
        const boundary = first.body.events.length ? first.body.events[first.body.events.length - 1].id : null;
        const after = first.body.nextCursor === null || boundary === null ? [] : all.slice(all.indexOf(boundary) + 1);
        assert.deepEqual(seen.slice(0, first.body.events.length), original.slice(0, first.body.events.length));
        assert.deepEqual(seen, [...original.slice(0, first.body.events.length), ...after]);
        for (const id of original) assert.ok(seen.includes(id) || first.body.nextCursor === null, `${id} skipped`);
      }),
      { numRuns: 30 },
    );
  });
});
