/**
 * Events the element wrote to IndexedDB itself (records of the current shape, `EVENT_SHAPE`) are not validated again
 * on read, only checked to hold together; older records, and those that do not hold together, go through the schema.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openDB } from 'idb';
import { CACHE_DB_NAME, cacheSettled } from '../../src/data/cache.js';
import { idbBackend, type CacheDB } from '../../src/data/cache-idb.js';
import { checkEvent, EVENT_SHAPE } from '../../src/data/cache-records.js';
import { parseEvents, type TimelineEvent } from '../../src/model/event.js';
import { makeEvent, makeEvents } from '../support/events.js';

const LIMITS = { maxEvents: 1000, maxClients: 50, maxAge: 0 };
const rawDb = () => openDB<CacheDB>(CACHE_DB_NAME);
const record = (event: object, over: object = {}) => {
  const e = event as TimelineEvent;
  return { ns: 'n', client: 'c1', id: e.id, time: Date.parse(e.occurredAt), event, ...over };
};
/** Holds together (key, id, time, type, title) but fails the schema: only a validation can tell. */
const invalidInside = () => makeEvent(4, { tone: 'loud', detail: { durationSeconds: -5 } } as unknown as Partial<TimelineEvent>);

describe('checkEvent: stored events', () => {
  it('takes a record of the current shape as it is, without the schema: the same object, with its time', () => {
    const event = invalidInside();
    const checked = checkEvent(record(event, { v: EVENT_SHAPE }), 'n', 'c1');
    expect('ok' in checked && checked.ok === (event as unknown)).to.equal(true);
    expect((event as unknown as { time: number }).time).to.equal(Date.parse(event.occurredAt));
  });

  it('validates an older record (no shape, or another one) with the schema', () => {
    for (const over of [{}, { v: EVENT_SHAPE + 1 }, { v: String(EVENT_SHAPE) }]) {
      const checked = checkEvent(record(invalidInside(), over), 'n', 'c1');
      expect('problem' in checked && checked.problem, JSON.stringify(over)).to.match(/tone|durationSeconds/);
    }
    const valid = checkEvent(record(makeEvent(1)), 'n', 'c1');
    expect('ok' in valid && valid.ok).to.deep.equal(parseEvents([makeEvent(1)]).items[0]);
  });

  it('a record of the current shape that does not hold together is validated, and rejected', () => {
    const cases: [string, object][] = [
      ['another client', record(makeEvent(1), { client: 'c2' })],
      ['another id', record(makeEvent(1), { id: 'ev-9' })],
      ['another time', record(makeEvent(1), { time: 5 })],
      ['a title that is not text', record({ ...makeEvent(1), title: 42 })],
      ['no type', record({ ...makeEvent(1), type: undefined })],
      ['no event', { ns: 'n', client: 'c1', id: 'ev-1', time: 0, event: null }],
    ];
    for (const [what, value] of cases) {
      const checked = checkEvent({ ...value, v: EVENT_SHAPE }, 'n', 'c1');
      expect('problem' in checked, what).to.equal(true);
    }
  });
});

describe('IndexedDB: events written by this version are read back without the schema', () => {
  const ns = `cache-records-${Date.now()}`;
  after(() => idbBackend.clear(ns));

  it('writes the current shape; reads back what it wrote as trusted, and validates (and deletes) an older record that fails', async () => {
    const { items } = parseEvents(makeEvents(3));
    await idbBackend.write(ns, 'c1', { items, ids: items.map((i) => i.id), first: true, cursor: null, nextCursor: null }, LIMITS);
    await cacheSettled();
    const db = await rawDb();
    try {
      const stored = (await db.getAll('events')).filter((r) => r.ns === ns);
      expect(stored.map((r) => r.v)).to.deep.equal([EVENT_SHAPE, EVENT_SHAPE, EVENT_SHAPE]);
      // Made invalid inside, in place: trusted as written by this version; as an older record, the schema rejects it.
      const bad = stored[0];
      await db.put('events', { ...bad, event: { ...bad.event, tone: 'loud' } } as never);
      const other = stored[1];
      const { v: _v, ...old } = other;
      await db.put('events', { ...old, event: { ...other.event, tone: 'loud' } } as never);
    } finally {
      db.close();
    }
    const damaged: string[] = [];
    const read = await idbBackend.read(ns, 'c1', LIMITS, (error) => damaged.push(error.message));
    expect(read!.items.map((i) => [i.id, i.tone ?? null])).to.deep.equal([
      ['ev-0', 'loud'],
      ['ev-2', null],
    ]);
    expect(damaged).to.have.length(1);
    expect(damaged[0]).to.contain('ev-1').and.contain('tone');
    await waitUntil(async () => {
      const again = await rawDb();
      const ids = (await again.getAll('events')).filter((r) => r.ns === ns).map((r) => r.id);
      again.close();
      return ids.length === 2 && !ids.includes('ev-1');
    }, 'the older, invalid record deleted');
  });
});
