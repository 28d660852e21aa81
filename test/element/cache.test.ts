import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { openDB } from 'idb';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { CACHE_DB_NAME, cacheSettled, memoryBackend } from '../../src/data/cache.js';
import { idbBackend, type CacheDB } from '../../src/data/cache-idb.js';
import type { TimelineErrorDetail } from '../../src/events.js';
import { parseEvents, type TimelineEvent } from '../../src/model/event.js';
import { articles, feed, rendered, scroller, scrollToEnd, scrollUntilLoaded, settle, shadow, virtualizerOf, type MountOptions } from '../support/fixture.js';
import { makeEvent, makeEvents, NOW, ScriptedAdapter } from '../support/events.js';
import { failOnUncaught } from '../support/no-uncaught.js';

failOnUncaught();

let counter = 0;
const used: string[] = [];
/** A namespace no other test uses. */
function namespace(): string {
  const ns = `test-${Date.now()}-${counter++}`;
  used.push(ns);
  return ns;
}

const LIMITS = { maxEvents: 1000, maxClients: 50, maxAge: 0 };
const Timeline = () => customElements.get('client-timeline') as unknown as typeof ClientTimeline;

const mounted: ClientTimeline[] = [];

/** Mounts a timeline with every attribute set before its first update (the cache is read then). */
async function mountCached(options: MountOptions & { attrs?: Record<string, string> }): Promise<ClientTimeline> {
  const el = document.createElement('client-timeline');
  el.style.cssText = `height:${options.height ?? 400}px;width:600px;display:block`;
  const attrs: Record<string, string> = {
    'client-id': options.clientId ?? 'c1',
    'page-size': String(options.pageSize ?? 50),
    locale: 'en-US',
    cache: options.cache ?? 'indexeddb',
    'cache-namespace': options.cacheNamespace ?? '',
    ...options.attrs,
  };
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.now = NOW;
  el.adapter = options.adapter ?? null;
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

/** Opens, loads until `count` events are shown, lets the cache write, closes. */
async function visit(options: MountOptions & { attrs?: Record<string, string> }, count: number): Promise<void> {
  const el = await mountCached(options);
  await rendered(el, 1);
  for (let i = 0; i < 50 && el.events.length < count; i++) {
    await scrollToEnd(el);
    await settle(el);
  }
  await waitUntil(() => el.events.length >= count, `${count} events loaded`, { timeout: 10_000 });
  await cacheSettled();
  el.remove();
}

/** Reopens client c1 of `ns` with an adapter that holds its answer: all 30 events must come from the memory fallback. */
async function expectReopenedFromMemory(ns: string): Promise<void> {
  const held = new ScriptedAdapter(makeEvents(30));
  held.hold();
  const again = await mountCached({ adapter: held, cacheNamespace: ns, pageSize: 10 });
  await rendered(again, 5);
  expect(again.events.length).to.equal(30);
  held.release();
}

function deleteDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(CACHE_DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('deleteDatabase blocked: a connection did not close'));
  });
}

/** The raw database, opened at whatever version it has. */
const rawDb = () => openDB<CacheDB>(CACHE_DB_NAME);

const cacheErrors = (el: EventTarget) => {
  const errors: TimelineErrorDetail[] = [];
  el.addEventListener('timeline-error', (e) => {
    if ((e as CustomEvent<TimelineErrorDetail>).detail.kind === 'cache') errors.push((e as CustomEvent<TimelineErrorDetail>).detail);
  });
  return errors;
};

describe('page cache', () => {
  afterEach(async () => {
    mounted.splice(0).forEach((el) => el.remove());
    await cacheSettled();
    for (const ns of used.splice(0)) await Timeline().clearCache(ns);
  });

  it('shows cached events at once on reopen, while the adapter has not answered, then revalidates', async () => {
    const ns = namespace();
    await visit({ adapter: new ScriptedAdapter(makeEvents(30)), cacheNamespace: ns }, 30);
    const adapter = new ScriptedAdapter(makeEvents(30));
    adapter.hold();
    const el = await mountCached({ adapter, cacheNamespace: ns });
    const rows = await rendered(el, 5);
    expect(adapter.queries.length).to.equal(1);
    expect(adapter.queries[0].cursor).to.equal(null);
    expect(rows.map((r) => r.dataset.id).slice(0, 3)).to.deep.equal(['ev-0', 'ev-1', 'ev-2']);
    expect(el.events.length).to.equal(30);
    expect(shadow(el).querySelector('.skeleton-row')).to.equal(null);
    expect(feed(el)!.getAttribute('aria-busy')).to.equal('true');
    const page = oneEvent(el, 'timeline-page');
    adapter.release();
    expect((await page).detail).to.include({ added: 0, updated: 30, total: 30 });
    await settle(el);
    expect(feed(el)!.getAttribute('aria-busy')).to.equal('false');
  });

  it('merges the newest page over cached events: new on top, changed in place, removed gone, nothing twice; scroll position and expanded rows stay', async () => {
    const ns = namespace();
    await visit({ adapter: new ScriptedAdapter(makeEvents(80)), cacheNamespace: ns, pageSize: 40 }, 80);
    const fresh = [
      makeEvent(0, { id: 'new-1', title: 'New 1', occurredAt: '2026-11-23T11:50:00Z' }),
      makeEvent(0, { id: 'new-2', title: 'New 2', occurredAt: '2026-11-23T11:40:00Z' }),
      ...makeEvents(80)
        .filter((e) => e.id !== 'ev-1')
        .map((e) => (e.id === 'ev-8' ? { ...e, title: 'Changed title' } : e)),
    ];
    const adapter = new ScriptedAdapter(fresh);
    adapter.hold();
    const el = await mountCached({ adapter, cacheNamespace: ns, pageSize: 40 });
    await rendered(el, 5);
    const box = scroller(el);
    box.scrollTop = 500;
    await settle(el);
    const top = () => box.getBoundingClientRect().top;
    const anchor = articles(el).find((r) => r.getBoundingClientRect().top >= top())!;
    const anchorId = anchor.dataset.id!;
    const offset = anchor.getBoundingClientRect().top - top();
    anchor.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
    await settle(el);
    adapter.release();
    await waitUntil(() => el.events.some((e) => e.id === 'new-1'), 'revalidated');
    await settle(el);
    await settle(el);
    const ids = el.events.map((e) => e.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids.length).to.equal(81);
    expect(ids.slice(0, 3)).to.deep.equal(['new-1', 'new-2', 'ev-0']);
    expect(ids).not.to.include('ev-1');
    expect(el.events.find((e) => e.id === 'ev-8')!.title).to.equal('Changed title');
    const again = articles(el).find((r) => r.dataset.id === anchorId)!;
    expect(again, 'the row read before is still on screen').to.exist;
    expect(again.querySelector('button[aria-expanded]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(again.getBoundingClientRect().top - top()).to.be.closeTo(offset, 2);
    // The whole history was cached: nothing more to fetch.
    expect(adapter.queries.map((q) => q.cursor)).to.deep.equal([null]);
    // And the cache now holds the merged history.
    await cacheSettled();
    const cached = await idbBackend.read(ns, 'c1', LIMITS);
    expect(cached!.items.map((e) => e.id)).to.deep.equal(ids);
  });

  it('keeps namespaces apart', async () => {
    const a = namespace();
    const b = namespace();
    await visit({ adapter: new ScriptedAdapter(makeEvents(10)), cacheNamespace: a }, 10);
    const held = new ScriptedAdapter(makeEvents(10));
    held.hold();
    const other = await mountCached({ adapter: held, cacheNamespace: b });
    const same = await mountCached({ adapter: held, cacheNamespace: a });
    await rendered(same, 5);
    await settle(other);
    expect(articles(other)).to.have.length(0);
    expect(shadow(other).querySelectorAll('.skeleton-row').length).to.be.greaterThan(0);
    expect(await idbBackend.read(b, 'c1', LIMITS)).to.equal(null);
    held.release();
  });

  it('clearCache() deletes one namespace, or everything', async () => {
    const a = namespace();
    const b = namespace();
    await visit({ adapter: new ScriptedAdapter(makeEvents(5)), cacheNamespace: a }, 5);
    await visit({ adapter: new ScriptedAdapter(makeEvents(5)), cacheNamespace: b }, 5);
    await visit({ adapter: new ScriptedAdapter(makeEvents(5)), cacheNamespace: b, cache: 'memory' }, 5);
    const clearCache = customElements.get('client-timeline') as unknown as { clearCache(ns?: string): Promise<void> };
    await clearCache.clearCache(a);
    expect(await idbBackend.read(a, 'c1', LIMITS)).to.equal(null);
    expect((await idbBackend.read(b, 'c1', LIMITS))!.items).to.have.length(5);
    expect((await memoryBackend.read(b, 'c1', LIMITS))!.items).to.have.length(5);
    await clearCache.clearCache();
    expect(await idbBackend.read(b, 'c1', LIMITS)).to.equal(null);
    expect(await memoryBackend.read(b, 'c1', LIMITS)).to.equal(null);
    const db = await rawDb();
    expect(await db.count('events')).to.equal(0);
    db.close();
    // A reopened timeline has nothing to show before the network answers.
    const held = new ScriptedAdapter(makeEvents(5));
    held.hold();
    const el = await mountCached({ adapter: held, cacheNamespace: b });
    await waitUntil(() => held.queries.length === 1);
    await settle(el);
    expect(articles(el)).to.have.length(0);
    held.release();
    await rendered(el, 5);
  });

  it('evicts the least recently opened clients over cache-max-clients', async () => {
    const ns = namespace();
    const attrs = { 'cache-max-clients': '2' };
    for (const client of ['alice', 'bob', 'carol']) {
      await visit({ adapter: new ScriptedAdapter(makeEvents(3)), cacheNamespace: ns, clientId: client, attrs }, 3);
    }
    let db = await rawDb();
    let clients = (await db.getAll('clients')).filter((c) => c.ns === ns).map((c) => c.client);
    expect(clients.sort()).to.deep.equal(['bob', 'carol']);
    expect((await db.getAll('events')).filter((e) => e.ns === ns && e.client === 'alice')).to.have.length(0);
    db.close();
    // Opening bob makes carol the least recently opened.
    await visit({ adapter: new ScriptedAdapter(makeEvents(3)), cacheNamespace: ns, clientId: 'bob', attrs }, 3);
    await visit({ adapter: new ScriptedAdapter(makeEvents(3)), cacheNamespace: ns, clientId: 'dave', attrs }, 3);
    db = await rawDb();
    clients = (await db.getAll('clients')).filter((c) => c.ns === ns).map((c) => c.client);
    expect(clients.sort()).to.deep.equal(['bob', 'dave']);
    db.close();
  });

  it('keeps at most cache-max-events per client, cut at a page so the network goes on where the cache stops', async () => {
    const ns = namespace();
    const attrs = { 'cache-max-events': '50' };
    await visit({ adapter: new ScriptedAdapter(makeEvents(100)), cacheNamespace: ns, pageSize: 20, attrs }, 100);
    const cached = await idbBackend.read(ns, 'c1', LIMITS);
    expect(cached!.items.map((e) => e.id)).to.deep.equal(makeEvents(40).map((e) => e.id));
    expect(cached!.cursor).to.equal('40');
    expect(cached!.done).to.equal(false);
    const adapter = new ScriptedAdapter(makeEvents(100));
    adapter.hold();
    const el = await mountCached({ adapter, cacheNamespace: ns, pageSize: 20, attrs });
    await rendered(el, 5);
    expect(el.events.length).to.equal(40);
    adapter.release();
    await waitUntil(() => !virtualizerOf(el) || feed(el)?.getAttribute('aria-busy') === 'false');
    await scrollUntilLoaded(el, 60, 20);
    await waitUntil(() => el.events.length >= 60);
    expect(adapter.queries.map((q) => q.cursor).slice(0, 2)).to.deep.equal([null, '40']);
  });

  it('does not show cached events older than cache-max-age', async () => {
    const ns = namespace();
    await visit({ adapter: new ScriptedAdapter(makeEvents(5)), cacheNamespace: ns }, 5);
    const db = await rawDb();
    const record = (await db.get('clients', [ns, 'c1']))!;
    await db.put('clients', { ...record, savedAt: Date.now() - 2 * 3600_000 });
    db.close();
    const held = new ScriptedAdapter(makeEvents(5));
    held.hold();
    const fresh = await mountCached({ adapter: held, cacheNamespace: ns, attrs: { 'cache-max-age': String(3 * 3600) } });
    await rendered(fresh, 5);
    fresh.remove();
    const stale = await mountCached({ adapter: held, cacheNamespace: ns, attrs: { 'cache-max-age': '3600' } });
    await waitUntil(async () => {
      const check = await rawDb();
      const gone = (await check.get('clients', [ns, 'c1'])) === undefined;
      check.close();
      return gone;
    }, 'expired entry deleted');
    await settle(stale);
    expect(articles(stale)).to.have.length(0);
    held.release();
    await rendered(stale, 5);
  });

  it('two elements on one page share the database: each shows its own client, nothing twice', async () => {
    const ns = namespace();
    const forClient = (client: string) => makeEvents(12).map((e) => ({ ...e, id: `${client}-${e.id}` }));
    const adapter = new ScriptedAdapter(forClient);
    const [a, b, a2] = await Promise.all([
      mountCached({ adapter, cacheNamespace: ns, clientId: 'alice', pageSize: 5, height: 180 }),
      mountCached({ adapter, cacheNamespace: ns, clientId: 'bob', pageSize: 5, height: 180 }),
      mountCached({ adapter, cacheNamespace: ns, clientId: 'alice', pageSize: 5, height: 180 }),
    ]);
    for (const el of [a, b, a2]) {
      await rendered(el, 1);
      await scrollUntilLoaded(el, 12);
      await waitUntil(() => el.events.length === 12);
    }
    await cacheSettled();
    [a, b, a2].forEach((el) => el.remove());
    const held = new ScriptedAdapter(forClient);
    held.hold();
    const [ra, rb] = await Promise.all([
      mountCached({ adapter: held, cacheNamespace: ns, clientId: 'alice', pageSize: 5, height: 180 }),
      mountCached({ adapter: held, cacheNamespace: ns, clientId: 'bob', pageSize: 5, height: 180 }),
    ]);
    await rendered(ra, 2);
    await rendered(rb, 2);
    expect(ra.events.map((e) => e.id)).to.deep.equal(forClient('alice').map((e) => e.id));
    expect(rb.events.map((e) => e.id)).to.deep.equal(forClient('bob').map((e) => e.id));
    held.release();
  });

  it('scrolls as far as before from the cache when the network fails, says so, and goes on from the last cursor after Retry', async function () {
    this.timeout(60_000);
    const ns = namespace();
    await visit({ adapter: new ScriptedAdapter(makeEvents(200)), cacheNamespace: ns, pageSize: 50 }, 150);
    const adapter = new ScriptedAdapter(makeEvents(200));
    adapter.failNext = 1000;
    const failed = oneEvent(document, 'timeline-error');
    const el = await mountCached({ adapter, cacheNamespace: ns, pageSize: 50 });
    await rendered(el, 5);
    expect((await failed).detail.kind).to.equal('fetch');
    await settle(el);
    const notice = shadow(el).querySelector('[part="cache-notice"]')!;
    expect(notice.textContent).to.match(/Showing saved activity from .*2\d{3}/);
    // Said once, by the element's live region.
    expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')!.textContent).to.match(/Showing saved activity from/);
    expect(shadow(el).querySelector('[part="error-state"]')).to.equal(null);
    for (let i = 0; i < 30 && articles(el).at(-1)?.getAttribute('aria-posinset') !== '150'; i++) await scrollToEnd(el);
    expect(articles(el).at(-1)!.getAttribute('aria-posinset')).to.equal('150');
    expect(el.events.length).to.equal(150);
    adapter.failNext = 0;
    notice.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => shadow(el).querySelector('[part="cache-notice"]') === null, 'notice gone after Retry');
    await scrollUntilLoaded(el, 200, 30);
    await waitUntil(() => el.events.length === 200);
    const cursors = adapter.queries.map((q) => q.cursor);
    expect(cursors.at(-2)).to.equal(null);
    expect(cursors.at(-1)).to.equal('150');
  });

  it('cache="memory" keeps events for this page only; cache="none" keeps nothing', async () => {
    const ns = namespace();
    await visit({ adapter: new ScriptedAdapter(makeEvents(5)), cacheNamespace: ns, cache: 'memory' }, 5);
    expect(await idbBackend.read(ns, 'c1', LIMITS)).to.equal(null);
    const held = new ScriptedAdapter(makeEvents(5));
    held.hold();
    const el = await mountCached({ adapter: held, cacheNamespace: ns, cache: 'memory' });
    await rendered(el, 5);
    held.release();
    const none = namespace();
    await visit({ adapter: new ScriptedAdapter(makeEvents(5)), cacheNamespace: none, cache: 'none' }, 5);
    expect(await idbBackend.read(none, 'c1', LIMITS)).to.equal(null);
    expect(await memoryBackend.read(none, 'c1', LIMITS)).to.equal(null);
  });

  describe('when IndexedDB fails', () => {
    const restore: (() => void)[] = [];
    /** 30 events loaded page by page into a cached element, every cache write settled; the cache errors it reported. */
    const loadThirtyWithCacheErrors = async () => {
      const ns = namespace();
      const el = await mountCached({ adapter: undefined, cacheNamespace: ns, pageSize: 10 });
      const errors = cacheErrors(el);
      el.adapter = new ScriptedAdapter(makeEvents(30));
      await rendered(el, 5);
      await scrollUntilLoaded(el, 30);
      await waitUntil(() => el.events.length === 30);
      await cacheSettled();
      return { ns, el, errors };
    };
    afterEach(() => restore.splice(0).forEach((undo) => undo()));

    it('works from memory when IndexedDB throws, and reports it once', async () => {
      await deleteDatabase(); // lets go of the open connection
      const open = indexedDB.open;
      indexedDB.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'UnknownError');
      };
      restore.push(() => (indexedDB.open = open));
      const { ns, el, errors } = await loadThirtyWithCacheErrors();
      expect(errors).to.have.length(1);
      expect(errors[0].message).to.contain('UnknownError');
      expect(errors[0].clientId).to.equal('c1');
      el.remove();
      // Reopened in the same page: the events come from memory.
      await expectReopenedFromMemory(ns);
    });

    it('falls back to memory on QuotaExceededError, reports once, loses nothing on screen', async () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if (this.name === 'events') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
      restore.push(() => (IDBObjectStore.prototype.put = put));
      const { ns, el, errors } = await loadThirtyWithCacheErrors();
      expect(errors).to.have.length(1);
      expect(((errors[0] as { error: unknown }).error as DOMException).name).to.equal('QuotaExceededError');
      expect(el.events.length).to.equal(30);
      expect(articles(el).length).to.be.greaterThan(3);
      // Nothing half-written in IndexedDB: the page transaction was aborted.
      expect(await idbBackend.read(ns, 'c1', LIMITS)).to.equal(null);
      el.remove();
      // Reopened in the same page: the events come from memory.
      await expectReopenedFromMemory(ns);
    });

    it('a tab holding an older version open does not make this one wait: it works from memory', async () => {
      await deleteDatabase();
      const old = await openDB(CACHE_DB_NAME, 1, { upgrade: (db) => void db.createObjectStore('timelines', { keyPath: ['namespace', 'clientId'] }) });
      restore.push(() => old.close());
      const ns = namespace();
      const el = await mountCached({ adapter: undefined, cacheNamespace: ns });
      const errors = cacheErrors(el);
      el.adapter = new ScriptedAdapter(makeEvents(5));
      await rendered(el, 5);
      await waitUntil(() => errors.length === 1, 'cache error reported');
      expect(errors[0].message).to.contain('blocked');
      old.close();
      await cacheSettled();
      // Once the old tab let go, the database opens at the current version.
      await waitUntil(async () => {
        const db = await rawDb();
        const version = db.version;
        db.close();
        return version === 2;
      }, 'upgraded after the old connection closed');
    });

    it('lets go at once when another tab opens a newer version, then works from memory', async () => {
      const ns = namespace();
      await visit({ adapter: new ScriptedAdapter(makeEvents(5)), cacheNamespace: ns }, 5);
      // This page holds the connection open; a newer version must not wait for it.
      const newer = await openDB(CACHE_DB_NAME, 3);
      newer.close();
      const el = await mountCached({ adapter: undefined, cacheNamespace: ns });
      const errors = cacheErrors(el);
      el.adapter = new ScriptedAdapter(makeEvents(5));
      await rendered(el, 5);
      await waitUntil(() => errors.length === 1, 'cache error reported');
      expect(((errors[0] as { error: unknown }).error as DOMException).name).to.equal('VersionError');
      await deleteDatabase();
    });
  });

  describe('damaged cache data', () => {
    /** Writes records as they are, bypassing the backend, into a database at the current version. */
    const seed = async (records: { clients?: object[]; events?: object[] }) => {
      await idbBackend.read('', 'nobody', LIMITS); // opens (and if needed creates) the current schema
      const db = await rawDb();
      const tx = db.transaction(['clients', 'events'], 'readwrite');
      for (const record of records.clients ?? []) await tx.objectStore('clients').put(record as never);
      for (const record of records.events ?? []) await tx.objectStore('events').put(record as never);
      await tx.done;
      db.close();
    };
    const eventRecord = (ns: string, client: string, event: TimelineEvent, id = event.id) => ({ ns, client, id, time: Date.parse(event.occurredAt), event });
    const storedIds = async (ns: string, client = 'c1') => {
      const db = await rawDb();
      const ids = (await db.getAll('events')).filter((e) => e.ns === ns && e.client === client).map((e) => e.id);
      db.close();
      return ids;
    };
    const storedClient = async (ns: string, client = 'c1') => {
      const db = await rawDb();
      const record = await db.get('clients', [ns, client]);
      db.close();
      return record;
    };

    for (const version of [1, 2]) it(`rebuilds a version ${version} database that has no stores, with nothing thrown into the page`, async () => {
      await deleteDatabase();
      const escaped = new Set<string>();
      const onError = (e: ErrorEvent) => escaped.add(`error: ${e.message}`);
      const onRejection = (e: PromiseRejectionEvent) => {
        const reason = e.reason as { name?: unknown; message?: unknown } | undefined;
        escaped.add(`unhandledrejection: ${String(reason?.name)}: ${String(reason?.message)}`);
        e.preventDefault();
      };
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      try {
        const bare = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(CACHE_DB_NAME, version);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        bare.close();
        const ns = namespace();
        const el = await mountCached({ adapter: undefined, cacheNamespace: ns });
        const errors = cacheErrors(el);
        el.adapter = new ScriptedAdapter(makeEvents(5));
        await rendered(el, 5);
        expect(el.events.map((e) => e.id)).to.deep.equal(makeEvents(5).map((e) => e.id));
        await cacheSettled();
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect([...escaped], 'nothing escapes into the page').to.deep.equal([]);
        expect(errors.map((e) => e.message), 'the rebuilt database is used').to.deep.equal([]);
        const db = await rawDb();
        expect(db.version).to.equal(2);
        expect([...db.objectStoreNames].sort()).to.deep.equal(['clients', 'events']);
        db.close();
        expect(await storedIds(ns)).to.have.length(5);
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
      }
    });

    it('deletes a damaged client record instead of showing its events, reports it once, and keeps caching in IndexedDB', async () => {
      const ns = namespace();
      await seed({
        clients: [{ ns, client: 'c1', checkpoints: 'notarray', done: 'yes', savedAt: 'x' }],
        events: makeEvents(3).map((e) => eventRecord(ns, 'c1', e)),
      });
      const adapter = new ScriptedAdapter(makeEvents(5));
      adapter.hold();
      const el = await mountCached({ adapter, cacheNamespace: ns });
      const errors = cacheErrors(el);
      await waitUntil(() => errors.length > 0 || el.events.length > 0, 'the cache read');
      await settle(el);
      expect(el.events.length, 'nothing shown from the damaged record').to.equal(0);
      expect(errors.length, 'the damaged record reported').to.equal(1);
      expect(errors[0].clientId).to.equal('c1');
      expect(errors[0].message).to.match(/damaged/i);
      expect(errors[0].message).to.contain('checkpoints');
      await waitUntil(async () => (await storedClient(ns)) === undefined && (await storedIds(ns)).length === 0, 'the damaged record and its events deleted');
      adapter.release();
      await rendered(el, 5);
      await cacheSettled();
      const record = await storedClient(ns);
      expect(record?.done).to.equal(true);
      expect(Array.isArray(record?.checkpoints)).to.equal(true);
      expect(await storedIds(ns)).to.have.length(5);
      expect(errors.length, 'reported once; IndexedDB stays on').to.equal(1);
    });

    it('a page written over a damaged client record replaces it and its events', async () => {
      const ns = namespace();
      await seed({
        clients: [{ ns, client: 'c1', checkpoints: 'notarray', done: 'yes', savedAt: 'x' }],
        events: [eventRecord(ns, 'c1', makeEvent(20, { id: 'old' }))],
      });
      const { items } = parseEvents(makeEvents(3));
      const damaged: string[] = [];
      await idbBackend.write(ns, 'c1', { items, ids: items.map((i) => i.id), first: true, cursor: null, nextCursor: '3' }, LIMITS, (error) => damaged.push(error.message));
      expect(damaged).to.have.length(1);
      const record = await storedClient(ns);
      expect(record?.checkpoints).to.deep.equal([{ cursor: '3', time: items[2].time }]);
      expect(record?.done).to.equal(false);
      expect((await storedIds(ns)).sort()).to.deep.equal(['ev-0', 'ev-1', 'ev-2']);
    });

    it('drops, deletes and reports once stored events that fail the event schema or are filed under another id', async () => {
      const ns = namespace();
      const now = Date.now();
      await seed({
        clients: [{ ns, client: 'c1', checkpoints: [], done: true, savedAt: now, openedAt: now }],
        events: [
          ...makeEvents(3).map((e) => eventRecord(ns, 'c1', e)),
          eventRecord(ns, 'c1', makeEvent(1, { id: 'someone-else', title: 'Contract of another client' }), 'mismatch'),
          eventRecord(ns, 'c1', { ...makeEvent(2, { id: 'broken' }), title: 42 } as unknown as TimelineEvent),
        ],
      });
      const adapter = new ScriptedAdapter(makeEvents(5));
      adapter.hold();
      const el = await mountCached({ adapter, cacheNamespace: ns });
      const errors = cacheErrors(el);
      await rendered(el, 3);
      expect(el.events.map((e) => e.id)).to.deep.equal(['ev-0', 'ev-1', 'ev-2']);
      expect(shadow(el).textContent ?? '').not.to.contain('another client');
      await waitUntil(() => errors.length > 0, 'the dropped events reported');
      expect(errors[0].message).to.contain('mismatch');
      expect(errors[0].message).to.contain('broken');
      await waitUntil(async () => (await storedIds(ns)).length === 3, 'the dropped events deleted');
      adapter.release();
      await waitUntil(() => el.events.length === 5, 'the network answered');
      await cacheSettled();
      expect((await storedIds(ns)).sort()).to.deep.equal(makeEvents(5).map((e) => e.id).sort());
      expect(errors.length, 'reported once; IndexedDB stays on').to.equal(1);
    });
  });

  it('upgrades a version 1 database, keeping its events', async () => {
    await deleteDatabase();
    const ns = namespace();
    const v1 = await openDB(CACHE_DB_NAME, 1, { upgrade: (db) => void db.createObjectStore('timelines', { keyPath: ['namespace', 'clientId'] }) });
    await v1.put('timelines', { namespace: ns, clientId: 'c1', events: makeEvents(10), cursor: '10', done: false, savedAt: Date.now() });
    await v1.put('timelines', { namespace: ns, clientId: 'c2', events: [...makeEvents(3), { id: 'broken' }], cursor: null, done: true, savedAt: Date.now() });
    v1.close();
    const adapter = new ScriptedAdapter(makeEvents(30));
    adapter.hold();
    const el = await mountCached({ adapter, cacheNamespace: ns, pageSize: 10 });
    await rendered(el, 5);
    expect(el.events.map((e) => e.id)).to.deep.equal(makeEvents(10).map((e) => e.id));
    const db = await rawDb();
    expect(db.version).to.equal(2);
    expect([...db.objectStoreNames].sort()).to.deep.equal(['clients', 'events']);
    expect((await db.get('clients', [ns, 'c1']))!.checkpoints).to.deep.equal([{ cursor: '10', time: Date.parse(makeEvent(9).occurredAt) }]);
    expect((await db.getAll('events')).filter((e) => e.ns === ns && e.client === 'c2').map((e) => e.id)).to.deep.equal(['ev-0', 'ev-1', 'ev-2']);
    db.close();
    // The network goes on where the version 1 cache stopped.
    adapter.release();
    await waitUntil(() => adapter.queries.length === 1 && el.events.length === 10);
    await scrollUntilLoaded(el, 20);
    await waitUntil(() => el.events.length >= 20);
    expect(adapter.queries.map((q) => q.cursor).slice(0, 2)).to.deep.equal([null, '10']);
  });
});
