/**
 * The IndexedDB backend of the page cache (layout and migration: see `cache.ts`), through `idb`. A chunk of its own,
 * loaded when an element with `cache="indexeddb"` (the default) first connects, in parallel with its first page.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { parseEvents, type TimelineEvent, type TimelineItem } from '../model/event.js';
import { checkClient, checkEvent, damage, EVENT_SHAPE, type ClientRecord, type EventRecord } from './cache-records.js';
import { compareNewestFirst } from './store.js';
import {
  CACHE_DB_NAME,
  CACHE_DB_VERSION,
  continuation,
  expired,
  nextClientState,
  oldestTime,
  planTrim,
  type Backend,
  type CachedTimeline,
  type CacheLimits,
  type OnDamaged,
  type PageWrite,
} from './cache.js';

/** Opening the database takes longer than this: work from memory instead of waiting. */
const OPEN_TIMEOUT_MS = 4000;

/** Version 2, the current schema. */
export interface CacheDB extends DBSchema {
  events: { key: [string, string, string]; value: EventRecord; indexes: { 'by-time': [string, string, number] } };
  clients: { key: [string, string]; value: ClientRecord; indexes: { 'by-opened': [string, number] } };
}

/** Version 1, migrated from on upgrade. */
interface CacheDBv1 extends DBSchema {
  timelines: {
    key: [string, string];
    value: { namespace: string; clientId: string; events: TimelineEvent[]; cursor: string | null; done: boolean; savedAt: number };
  };
}

type Db = IDBPDatabase<CacheDB>;

/** Why the IndexedDB cache could not be used. */
class CacheUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CacheUnavailableError';
  }
}

const sameKeyPath = (actual: string | string[] | null, wanted: readonly string[]) =>
  Array.isArray(actual) && actual.length === wanted.length && actual.every((part, i) => part === wanted[i]);

const STORES = {
  events: { keyPath: ['ns', 'client', 'id'], index: 'by-time', indexKeyPath: ['ns', 'client', 'time'] },
  clients: { keyPath: ['ns', 'client'], index: 'by-opened', indexKeyPath: ['ns', 'openedAt'] },
} as const;

/**
 * Creates the stores and indexes of the current version that are missing, and replaces one whose key differs: a
 * database some other code (or a damaged profile) left at an older version is rebuilt, not trusted.
 */
function ensureSchema(db: IDBDatabase, tx: IDBTransaction): void {
  for (const [name, { keyPath, index, indexKeyPath }] of Object.entries(STORES)) {
    let store = db.objectStoreNames.contains(name) ? tx.objectStore(name) : null;
    if (store && !sameKeyPath(store.keyPath, keyPath)) {
      db.deleteObjectStore(name);
      store = null;
    }
    store ??= db.createObjectStore(name, { keyPath: [...keyPath] });
    if (store.indexNames.contains(index)) {
      if (sameKeyPath(store.index(index).keyPath, indexKeyPath)) continue;
      store.deleteIndex(index);
    }
    store.createIndex(index, [...indexKeyPath]);
  }
}

/** The current stores are there (a database at the current version that other code created may lack them). */
const hasSchema = (db: Db) => Object.keys(STORES).every((name) => db.objectStoreNames.contains(name as keyof typeof STORES));

/** Creates or migrates the schema; runs inside the versionchange transaction. */
async function upgrade(db: IDBPDatabase<CacheDB>, tx: IDBPTransaction<CacheDB, ('events' | 'clients')[], 'versionchange'>): Promise<void> {
  ensureSchema(unwrap(db), unwrap(tx));
  const legacyDb = db as unknown as IDBPDatabase<CacheDBv1>;
  // Version 1, if it has its store (a database left without it has nothing to migrate).
  if (legacyDb.objectStoreNames.contains('timelines')) {
    const legacyTx = tx as unknown as IDBPTransaction<CacheDBv1, ['timelines'], 'versionchange'>;
    const old = await legacyTx.objectStore('timelines').getAll();
    const events = tx.objectStore('events');
    const clients = tx.objectStore('clients');
    for (const record of old) {
      const { items } = parseEvents(Array.isArray(record.events) ? record.events : []);
      for (const { time, ...event } of items) {
        await events.put({ ns: record.namespace, client: record.clientId, id: event.id, time, event, v: EVENT_SHAPE });
      }
      const oldest = oldestTime(items);
      const savedAt = typeof record.savedAt === 'number' ? record.savedAt : 0;
      await clients.put({
        ns: record.namespace,
        client: record.clientId,
        checkpoints: typeof record.cursor === 'string' && record.cursor && oldest !== undefined ? [{ cursor: record.cursor, time: oldest }] : [],
        done: record.done === true,
        savedAt,
        openedAt: savedAt,
      });
    }
    legacyDb.deleteObjectStore('timelines');
  }
}

let connection: Promise<Db> | null = null;

/** The shared connection, opened on first use; a closed or failed one is reopened next time. */
function database(): Promise<Db> {
  connection ??= openDatabase()
    .then((db) => (hasSchema(db) ? db : rebuild(db)))
    .catch((error: unknown) => {
      connection = null;
      throw error;
    });
  return connection;
}

/** A database at the current version without the current stores (nothing this code wrote): deleted and created again. */
async function rebuild(db: Db): Promise<Db> {
  db.close();
  const failed = (cause?: unknown) => new CacheUnavailableError('The malformed cache database cannot be rebuilt', { cause });
  await new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(CACHE_DB_NAME);
    request.onsuccess = resolve;
    // Blocked: another tab holds it open.
    request.onerror = request.onblocked = () => reject(failed(request.error));
  });
  const again = await openDatabase();
  if (hasSchema(again)) return again;
  again.close();
  throw failed();
}

function openDatabase(): Promise<Db> {
  return new Promise<Db>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    };
    const timer = setTimeout(() => fail(new CacheUnavailableError('Opening IndexedDB took too long')), OPEN_TIMEOUT_MS);
    if (typeof indexedDB === 'undefined' || !indexedDB) {
      fail(new CacheUnavailableError('IndexedDB is not available in this browser'));
      return;
    }
    let opening: Promise<Db>;
    try {
      opening = openDB<CacheDB>(CACHE_DB_NAME, CACHE_DB_VERSION, {
        upgrade: (db, _oldVersion, _newVersion, tx) => {
          // An aborted upgrade rejects `tx.done` too: the open request reports it (below), nothing escapes.
          tx.done.catch(() => undefined);
          void upgrade(db, tx).catch((error: unknown) => {
            fail(error);
            try {
              tx.abort();
            } catch {
              /* already finished */
            }
          });
        },
        // Another tab holds an older version open and does not let go: work from memory, never wait.
        blocked: () => fail(new CacheUnavailableError('IndexedDB is blocked by another tab holding an older version of the cache open')),
        // A newer version wants to open (another tab, or a deletion): let go at once so it never hangs.
        blocking: (_current, _next, event) => {
          (event.target as IDBDatabase).close();
          connection = null;
        },
        terminated: () => {
          connection = null;
        },
      });
    } catch (error) {
      fail(error);
      return;
    }
    opening.then(
      (db) => {
        if (settled) {
          // Opened after we gave up on it (blocked, timed out): do not hold it open.
          db.close();
          return;
        }
        settled = true;
        clearTimeout(timer);
        resolve(db);
      },
      (error: unknown) => fail(error),
    );
  });
}

/** For `work.catch`: aborts the transaction (so nothing of it is kept) and rethrows. */
const abortWith = (tx: { abort(): void }) => (error: unknown): never => {
  try {
    tx.abort();
  } catch {
    /* already finished */
  }
  throw error;
};

const clientRange = (ns: string, client: string) => IDBKeyRange.bound([ns, client], [ns, client, []]);
const timeRange = (ns: string, client: string, lower: number, upper: number, lowerOpen = false, upperOpen = false) =>
  IDBKeyRange.bound([ns, client, lower], [ns, client, upper], lowerOpen, upperOpen);

/** The IndexedDB backend. Every method rejects when IndexedDB fails. */
class IdbBackend implements Backend {
  async read(ns: string, client: string, limits: CacheLimits, onDamaged?: OnDamaged): Promise<CachedTimeline | null> {
    const db = await database();
    const tx = db.transaction(['clients', 'events'], 'readonly');
    const [stored, keys, rows] = await Promise.all([
      tx.objectStore('clients').get([ns, client]),
      tx.objectStore('events').getAllKeys(clientRange(ns, client)),
      tx.objectStore('events').getAll(clientRange(ns, client)),
      tx.done,
    ]);
    if (stored === undefined) return null;
    const checked = checkClient(stored, ns, client);
    if ('problem' in checked) {
      // Where its events end is unknown: they go with it.
      onDamaged?.(damage([checked.problem]));
      void this.discard(ns, client, 'all').catch(() => undefined);
      return null;
    }
    const record = checked.ok;
    const now = Date.now();
    if (expired(record.savedAt, limits, now)) {
      await this.remove(ns, client);
      return null;
    }
    // Stored events are checked against their key; validated again unless this version wrote them (`checkEvent`).
    const items: TimelineItem[] = [];
    const bad: (typeof keys)[number][] = [];
    const problems: string[] = [];
    rows.forEach((row, i) => {
      const event = checkEvent(row, ns, client);
      if ('ok' in event) return void items.push(event.ok);
      bad.push(keys[i]);
      problems.push(`event "${String(keys[i][2])}" (${event.problem})`);
    });
    if (bad.length) {
      onDamaged?.(damage(problems));
      void this.discard(ns, client, bad).catch(() => undefined);
    }
    items.sort(compareNewestFirst);
    void this.touch(ns, client, now).catch(() => undefined);
    return { items, cursor: continuation(record.checkpoints), done: record.done, savedAt: record.savedAt };
  }

  /** Deletes damaged records found by a read: the client's record and events, or some events; each only if still damaged (a page may have been written over it meanwhile). */
  private async discard(ns: string, client: string, which: 'all' | [string, string, string][]): Promise<void> {
    const db = await database();
    const tx = db.transaction(['clients', 'events'], 'readwrite');
    const clients = tx.objectStore('clients');
    const events = tx.objectStore('events');
    const work = (async () => {
      if (which === 'all') {
        const now = await clients.get([ns, client]);
        if (now === undefined || 'ok' in checkClient(now, ns, client)) return;
        await Promise.all([clients.delete([ns, client]), events.delete(clientRange(ns, client))]);
        return;
      }
      for (const key of which) {
        const now = await events.get(key);
        if (now !== undefined && 'problem' in checkEvent(now, ns, client)) await events.delete(key);
      }
    })();
    await Promise.all([work.catch(abortWith(tx)), tx.done]);
  }

  /** Marks a client as just opened (least recently opened clients are evicted first). */
  private async touch(ns: string, client: string, now: number): Promise<void> {
    const db = await database();
    const tx = db.transaction('clients', 'readwrite');
    const record = await tx.store.get([ns, client]);
    if (record && 'ok' in checkClient(record, ns, client)) await tx.store.put({ ...record, openedAt: now });
    await tx.done;
  }

  private async remove(ns: string, client: string): Promise<void> {
    const db = await database();
    const tx = db.transaction(['clients', 'events'], 'readwrite');
    await Promise.all([tx.objectStore('clients').delete([ns, client]), tx.objectStore('events').delete(clientRange(ns, client)), tx.done]);
  }

  async write(ns: string, client: string, page: PageWrite, limits: CacheLimits, onDamaged?: OnDamaged): Promise<void> {
    const db = await database();
    const tx = db.transaction(['clients', 'events'], 'readwrite');
    const clients = tx.objectStore('clients');
    const events = tx.objectStore('events');
    let damaged: string | null = null;
    const work = (async () => {
      const stored = await clients.get([ns, client]);
      let prev: ClientRecord | undefined;
      if (stored !== undefined) {
        const checked = checkClient(stored, ns, client);
        if ('ok' in checked) prev = checked.ok;
        else {
          // A damaged record is never built on: it goes, with the events it described, and this page starts afresh.
          damaged = checked.problem;
          await Promise.all([clients.delete([ns, client]), events.delete(clientRange(ns, client))]);
        }
      }
      const next = nextClientState(prev, page, Date.now());
      if (!next) return;
      if (page.first) {
        // Events the newest page shows are gone.
        const keep = new Set(page.ids);
        const oldest = oldestTime(page.items);
        const range = page.nextCursor === null ? clientRange(ns, client) : oldest === undefined ? null : timeRange(ns, client, oldest, Infinity, true);
        if (range) {
          const index = page.nextCursor === null ? events : events.index('by-time');
          for (let cursor = await index.openCursor(range); cursor; cursor = await cursor.continue()) {
            if (!keep.has(cursor.value.id)) await cursor.delete();
          }
        }
      }
      await Promise.all(page.items.map(({ time, ...event }) => events.put({ ns, client, id: event.id, time, event, v: EVENT_SHAPE })));
      const record: ClientRecord = { ns, client, ...next };
      const count = await events.index('by-time').count(timeRange(ns, client, -Infinity, Infinity));
      if (count > limits.maxEvents) {
        const times: number[] = [];
        for (let cursor = await events.index('by-time').openKeyCursor(timeRange(ns, client, -Infinity, Infinity), 'prev'); cursor; cursor = await cursor.continue()) {
          times.push(cursor.key[2]);
        }
        const plan = planTrim(times, record.checkpoints, limits.maxEvents);
        if (plan && 'cut' in plan) {
          for (let cursor = await events.index('by-time').openCursor(timeRange(ns, client, -Infinity, plan.cut, false, true)); cursor; cursor = await cursor.continue()) {
            await cursor.delete();
          }
          record.checkpoints = plan.checkpoints;
        } else if (plan) {
          let extra = times.length - plan.keep;
          for (let cursor = await events.index('by-time').openCursor(timeRange(ns, client, -Infinity, Infinity)); cursor && extra > 0; cursor = await cursor.continue(), extra--) {
            await cursor.delete();
          }
          record.checkpoints = [];
        }
        if (plan) record.done = false;
      }
      await clients.put(record);
      if (!prev) {
        // A new client: evict the least recently opened ones over the cap.
        const opened = clients.index('by-opened');
        const range = IDBKeyRange.bound([ns, -Infinity], [ns, Infinity]);
        let extra = (await opened.count(range)) - limits.maxClients;
        for (let cursor = await opened.openCursor(range); cursor && extra > 0; cursor = await cursor.continue()) {
          if (cursor.value.client === client) continue;
          await events.delete(clientRange(ns, cursor.value.client));
          await cursor.delete();
          extra--;
        }
      }
    })();
    // A failed request aborts the transaction: `tx.done` rejects with the reason (e.g. QuotaExceededError).
    await Promise.all([work.catch(abortWith(tx)), tx.done]);
    if (damaged) onDamaged?.(damage([damaged]));
  }

  async clear(ns?: string): Promise<void> {
    const db = await database();
    const tx = db.transaction(['clients', 'events'], 'readwrite');
    if (ns === undefined) {
      await Promise.all([tx.objectStore('clients').clear(), tx.objectStore('events').clear(), tx.done]);
    } else {
      const all = IDBKeyRange.bound([ns], [ns, []]);
      await Promise.all([tx.objectStore('clients').delete(all), tx.objectStore('events').delete(all), tx.done]);
    }
  }
}

// ---------------------------------------------------------------- shared state

export const idbBackend = new IdbBackend();
