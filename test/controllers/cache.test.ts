import { expect } from '@open-wc/testing';
import { CacheController, type CacheSettings } from '../../src/controllers/cache.js';
import { cacheSettled, clearCache } from '../../src/data/cache.js';
import type { TimelineErrorDetail } from '../../src/events.js';
import { parseEvents } from '../../src/model/event.js';
import { makeEvents } from '../support/events.js';

const NS = `cache-controller-${Date.now()}`;

/** A controller on a plain event target, with settings the test changes; the `timeline-error`s it reports. */
function cacheOn(over: Partial<CacheSettings> = {}) {
  const host = new EventTarget();
  const settings: CacheSettings = { clientId: 'c1', mode: 'memory', namespace: NS, maxEvents: 1000, maxClients: 50, maxAge: 0, ...over };
  const errors: TimelineErrorDetail[] = [];
  host.addEventListener('timeline-error', (e) => errors.push((e as CustomEvent<TimelineErrorDetail>).detail));
  return { caches: new CacheController(host, () => settings), settings, errors };
}

const page = (count: number) => {
  const { items } = parseEvents(makeEvents(count));
  return { items, ids: items.map((i) => i.id), first: true, cursor: null, nextCursor: null };
};

describe('CacheController.forClient', () => {
  after(() => clearCache(NS));

  it('caches nothing for `cache="none"` nor for a filtered request', () => {
    expect(cacheOn({ mode: 'none' }).caches.forClient('c1', {})).to.equal(null);
    const { caches } = cacheOn();
    expect(caches.forClient('c1', { search: 'call' })).to.equal(null);
    expect(caches.forClient('c1', { categories: ['email'] })).to.equal(null);
    expect(caches.forClient('c1', { since: '2026-11-01T00:00:00.000Z' })).to.equal(null);
    // Empty parts are no filter.
    expect(caches.forClient('c1', { search: '', authors: [], since: undefined })).not.to.equal(null);
  });

  it('gives a cache keyed by mode and namespace, which keeps what is written', async () => {
    const { caches, settings } = cacheOn();
    const cache = caches.forClient('c1', {})!;
    expect(caches.forClient('c2', {})!.key, 'another client, the same cache').to.equal(cache.key);
    settings.namespace = `${NS}-other`;
    const other = caches.forClient('c1', {})!.key;
    settings.mode = 'indexeddb';
    const idb = caches.forClient('c1', {})!.key;
    settings.mode = 'anything else';
    expect(caches.forClient('c1', {})!.key, 'an unknown mode is the default, IndexedDB').to.equal(idb);
    expect(new Set([cache.key, other, idb]).size).to.equal(3);
    cache.write(page(3));
    await cacheSettled();
    expect((await cache.read())?.items.map((i) => i.id)).to.deep.equal(['ev-0', 'ev-1', 'ev-2']);
    expect(await cacheOn({ namespace: `${NS}-other` }).caches.forClient('c1', {})!.read()).to.equal(null);
  });

  it('reports an IndexedDB that fails once, as a `timeline-error` of kind "cache", and keeps pages in memory', async () => {
    const open = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'UnknownError');
    };
    try {
      const { caches, errors } = cacheOn({ mode: 'indexeddb', clientId: 'karina', namespace: `${NS}-idb` });
      const cache = caches.forClient('karina', {})!;
      expect(await cache.read()).to.equal(null);
      cache.write(page(2));
      await cacheSettled();
      expect((await cache.read())?.items.map((i) => i.id)).to.deep.equal(['ev-0', 'ev-1']);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.include({ kind: 'cache', clientId: 'karina' });
      expect(errors[0].message).to.contain('UnknownError');
    } finally {
      indexedDB.open = open;
    }
    await clearCache(`${NS}-idb`);
  });
});
