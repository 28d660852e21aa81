/**
 * The page cache: what a timeline showed, kept per namespace and client so a
 * reopened timeline is on screen before the network answers.
 *
 * Two backends with one surface (read / write / clear): IndexedDB (through
 * `idb`, shared by every element and tab of the origin) and memory (for
 * `cache="memory"`, and as the fallback when IndexedDB is missing, throws, is
 * blocked or full). Only the unfiltered history of a client is cached.
 *
 * Layout (database `client-timeline-cache`, version 2):
 * - `events`: one record per event, key `[ns, client, id]`, index `by-time`
 *   `[ns, client, time]`. A page is written in one transaction without
 *   rewriting the rest of the history; an event that changed is replaced in place.
 * - `clients`: one record per client, key `[ns, client]`, index `by-opened`
 *   `[ns, openedAt]` (least recently opened clients are evicted first). It holds
 *   the checkpoints `{ cursor, time }` where the network continues after the
 *   cached events, whether the whole history is cached, and when the newest
 *   page was fetched.
 *
 * Version 1 kept a client's whole history in one record of a `timelines` store
 * (`{ namespace, clientId, events, cursor, done, savedAt }`); opening with
 * version 2 migrates each record to the layout above.
 */
import { lazy } from '../lazy.js';
import { compareNewestFirst } from './store.js';
import type { TimelineItem } from '../model/event.js';

export const CACHE_DB_NAME = 'client-timeline-cache';
export const CACHE_DB_VERSION = 2;

/** `indexeddb` (the default), `memory` (this page only) or `none`. */
export type CacheMode = 'indexeddb' | 'memory' | 'none';

export const DEFAULT_MAX_EVENTS = 1000;
export const DEFAULT_MAX_CLIENTS = 50;
/** Checkpoints kept per client (one per cached page). */
const MAX_CHECKPOINTS = 500;

/** Where the network continues: `cursor` fetches the events older than `time`. */
export interface Checkpoint {
  cursor: string;
  time: number;
}

export interface CacheLimits {
  /** Events kept per client; the oldest pages go first. */
  maxEvents: number;
  /** Clients kept per namespace; the least recently opened go first. */
  maxClients: number;
  /** Milliseconds after which cached data is not shown; `0`: no limit. */
  maxAge: number;
}

/** What the cache holds for one client. */
export interface CachedTimeline {
  /** Newest first. */
  items: TimelineItem[];
  /** Where the network continues after the cached events (`null`: from the newest page's `nextCursor`). */
  cursor: string | null;
  /** The whole history is cached. */
  done: boolean;
  /** When the newest page was fetched (epoch ms). */
  savedAt: number;
}

/** One page the pager merged, to write through. */
export interface PageWrite {
  /** The page's valid events. */
  items: readonly TimelineItem[];
  /** Every id the page held, valid or not: none of them is stale. */
  ids: readonly string[];
  /** The newest page (fetched with no cursor). */
  first: boolean;
  /** The cursor the page was fetched with. */
  cursor: string | null;
  nextCursor: string | null;
}

/** The cache of one namespace and client, as the pager sees it. */
export interface PageCache {
  /** Identifies the backend and namespace: a different key is a different cache. */
  readonly key: string;
  /** Never rejects: a failing backend reads as empty (and is reported). */
  read(): Promise<CachedTimeline | null>;
  /** Queued off the rendering path, one transaction per page; never rejects. */
  write(page: PageWrite): void;
}

/**
 * Ids of `existing` events that a fresh newest page shows are gone: those newer
 * than the page's oldest event but not in it, or all of them not in it when the
 * page is the whole history.
 */
export function staleIds(existing: readonly TimelineItem[], page: PageWrite): Set<string> {
  const stale = new Set<string>();
  if (!page.first) return stale;
  const keep = new Set(page.ids);
  const oldest = oldestTime(page.items);
  const complete = page.nextCursor === null;
  if (!complete && oldest === undefined) return stale;
  for (const item of existing) {
    if (!keep.has(item.id) && (complete || item.time > oldest!)) stale.add(item.id);
  }
  return stale;
}

export function oldestTime(items: readonly TimelineItem[]): number | undefined {
  let oldest: number | undefined;
  for (const item of items) if (oldest === undefined || item.time < oldest) oldest = item.time;
  return oldest;
}

export interface ClientState {
  checkpoints: Checkpoint[];
  done: boolean;
  savedAt: number;
  openedAt: number;
}

/** The client record after a page, or `null` when the page must not be cached (a deeper page that does not go on from a cached one). */
export function nextClientState(prev: ClientState | undefined, page: PageWrite, now: number): ClientState | null {
  // A deeper page is cached only where the cache stops, so the cached history never has a gap.
  if (!page.first && !prev?.checkpoints.some((c) => c.cursor === page.cursor)) return null;
  let checkpoints = prev?.checkpoints ?? [];
  let done = prev?.done ?? false;
  let savedAt = prev?.savedAt ?? now;
  const oldest = oldestTime(page.items);
  if (page.first) {
    savedAt = now;
    // The old checkpoints of the top of the history are superseded by this page's.
    if (oldest !== undefined) checkpoints = checkpoints.filter((c) => c.time < oldest);
  }
  if (page.nextCursor === null) {
    done = true;
    if (page.first) checkpoints = [];
  } else if (oldest !== undefined) {
    checkpoints = [...checkpoints.filter((c) => c.time !== oldest), { cursor: page.nextCursor, time: oldest }]
      .sort((a, b) => b.time - a.time)
      .slice(-MAX_CHECKPOINTS);
  }
  return { checkpoints, done, savedAt, openedAt: now };
}

/**
 * How to cut a client that holds more than `max` events: at the deepest
 * checkpoint that keeps at most `max` (so the network continues exactly where
 * the cache stops), else keep the newest `max` and continue from the newest page.
 * `times` newest first.
 */
export function planTrim(times: readonly number[], checkpoints: readonly Checkpoint[], max: number): { cut: number; checkpoints: Checkpoint[] } | { keep: number } | null {
  if (times.length <= max) return null;
  const sorted = [...checkpoints].sort((a, b) => b.time - a.time);
  for (let i = sorted.length - 1; i >= 0; i--) {
    const cut = sorted[i].time;
    const kept = times.filter((t) => t >= cut).length;
    if (kept <= max && kept > 0) return { cut, checkpoints: sorted.slice(0, i + 1) };
  }
  return { keep: max };
}

export function continuation(checkpoints: readonly Checkpoint[]): string | null {
  let deepest: Checkpoint | null = null;
  for (const c of checkpoints) if (!deepest || c.time < deepest.time) deepest = c;
  return deepest?.cursor ?? null;
}

export function expired(savedAt: number, limits: CacheLimits, now: number): boolean {
  return limits.maxAge > 0 && now - savedAt > limits.maxAge;
}

/** Told that stored records were damaged and deleted instead of used; the backend stays on. */
export type OnDamaged = (error: Error) => void;

/** The operations both backends implement. */
export interface Backend {
  read(ns: string, client: string, limits: CacheLimits, onDamaged?: OnDamaged): Promise<CachedTimeline | null>;
  write(ns: string, client: string, page: PageWrite, limits: CacheLimits, onDamaged?: OnDamaged): Promise<void>;
  clear(ns?: string): Promise<void>;
}

// ---------------------------------------------------------------- memory

interface MemoryEntry extends ClientState {
  events: Map<string, TimelineItem>;
}

/** The in-memory backend: same rules as IndexedDB, for this page only. */
class MemoryBackend implements Backend {
  private readonly namespaces = new Map<string, Map<string, MemoryEntry>>();

  async read(ns: string, client: string, limits: CacheLimits): Promise<CachedTimeline | null> {
    const entries = this.namespaces.get(ns);
    const entry = entries?.get(client);
    if (!entries || !entry) return null;
    const now = Date.now();
    if (expired(entry.savedAt, limits, now)) {
      entries.delete(client);
      return null;
    }
    entry.openedAt = now;
    return {
      items: [...entry.events.values()].sort(compareNewestFirst),
      cursor: continuation(entry.checkpoints),
      done: entry.done,
      savedAt: entry.savedAt,
    };
  }

  async write(ns: string, client: string, page: PageWrite, limits: CacheLimits): Promise<void> {
    let entries = this.namespaces.get(ns);
    const prev = entries?.get(client);
    const next = nextClientState(prev, page, Date.now());
    if (!next) return;
    if (!entries) this.namespaces.set(ns, (entries = new Map()));
    const entry: MemoryEntry = { ...next, events: prev?.events ?? new Map() };
    for (const id of staleIds([...entry.events.values()], page)) entry.events.delete(id);
    for (const item of page.items) entry.events.set(item.id, item);
    const sorted = [...entry.events.values()].sort(compareNewestFirst);
    const plan = planTrim(sorted.map((item) => item.time), entry.checkpoints, limits.maxEvents);
    if (plan) {
      const drop = 'cut' in plan ? sorted.filter((item) => item.time < plan.cut) : sorted.slice(plan.keep);
      for (const item of drop) entry.events.delete(item.id);
      entry.checkpoints = 'cut' in plan ? plan.checkpoints : [];
      entry.done = false;
    }
    entries.set(client, entry);
    if (entries.size > limits.maxClients) {
      const others = [...entries].filter(([id]) => id !== client).sort((a, b) => a[1].openedAt - b[1].openedAt);
      for (const [id] of others.slice(0, entries.size - limits.maxClients)) entries.delete(id);
    }
  }

  async clear(ns?: string): Promise<void> {
    if (ns === undefined) this.namespaces.clear();
    else this.namespaces.delete(ns);
  }
}

/** Shared by every element of the page: `cache="memory"`, and where IndexedDB falls back to. */
export const memoryBackend = new MemoryBackend();

let queue: Promise<unknown> = Promise.resolve();
let generation = 0;
/** Writes scheduled and not finished yet. */
const pending = new Set<Promise<void>>();

/** Runs cache writes one after the other (transactions start in the order pages arrived). */
function enqueue(task: () => Promise<void>): Promise<void> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/** Resolves when every cache write queued so far has finished (for tests and benchmarks). */
export async function cacheSettled(): Promise<void> {
  while (pending.size) await Promise.all(pending);
  await queue;
}

/**
 * Deletes what is cached for one namespace, or everything (both backends).
 * Writes queued before the call are dropped.
 */
export async function clearCache(namespace?: string): Promise<void> {
  generation++;
  await memoryBackend.clear(namespace);
  if (typeof indexedDB === 'undefined' || !indexedDB) return;
  await enqueue(async () => (await loadIdbBackend()).clear(namespace));
}

/**
 * The IndexedDB backend (`cache-idb.ts`, with `idb`), a lazily loaded chunk of its own: fetched once per page, by
 * the first element that needs it, and again after a failed fetch.
 */
const idbChunk = lazy(() => import('./cache-idb.js').then((module): Backend => module.idbBackend));

const loadIdbBackend = (): Promise<Backend> => idbChunk.load();

/**
 * One element's view of the cache: the backend its `cache` attribute picks, and
 * for IndexedDB a fallback to memory once it fails, reported through
 * `onFailure` once. Damaged records IndexedDB deleted instead of using are
 * reported through `onDamaged`, once per client; the cache stays on.
 */
export class TimelineCache {
  private failed = false;
  private readonly damagedClients = new Set<string>();

  constructor(
    readonly mode: Exclude<CacheMode, 'none'>,
    private readonly onFailure: (error: unknown) => void,
    private readonly onDamaged: (error: Error, clientId: string) => void = () => undefined,
  ) {
    // Fetched now, in parallel with the first page: the first read needs it.
    if (mode === 'indexeddb') loadIdbBackend().catch(() => undefined);
  }

  private get usesIdb(): boolean {
    return this.mode === 'indexeddb' && !this.failed;
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.onFailure(error);
  }

  /** The cache of one client. `limits` is read at each use. */
  forClient(namespace: string, clientId: string, limits: () => CacheLimits): PageCache {
    const key = `${this.mode}\u0000${namespace}`;
    const damaged: OnDamaged = (error) => {
      // A read and a write that overlap may both find the same damaged record.
      const client = `${namespace}\u0000${clientId}`;
      if (this.damagedClients.has(client)) return;
      this.damagedClients.add(client);
      this.onDamaged(error, clientId);
    };
    return {
      key,
      read: async () => {
        const memory = await memoryBackend.read(namespace, clientId, limits()).catch(() => null);
        if (!this.usesIdb) return memory;
        try {
          const stored = await (await loadIdbBackend()).read(namespace, clientId, limits(), damaged);
          // Memory holds what an element of this page saved after IndexedDB failed for it: the newer wins.
          return memory && (!stored || memory.savedAt > stored.savedAt) ? memory : stored;
        } catch (error) {
          this.fail(error);
          return memory;
        }
      },
      write: (page) => {
        const scheduled = generation;
        const done = new Promise<void>((resolve) =>
          afterPaint(() => {
            if (scheduled !== generation) return resolve();
            void enqueue(async () => {
              if (scheduled !== generation) return;
              const idb = this.usesIdb;
              try {
                await (idb ? await loadIdbBackend() : memoryBackend).write(namespace, clientId, page, limits(), damaged);
              } catch (error) {
                if (!idb) return;
                this.fail(error);
                await memoryBackend.write(namespace, clientId, page, limits()).catch(() => undefined);
              }
            }).then(
              () => resolve(),
              () => resolve(),
            );
          }),
        );
        pending.add(done);
        void done.then(() => pending.delete(done));
      },
    };
  }
}

/** Runs `task` once the browser has painted and is idle (or soon, at the latest). */
function afterPaint(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 500 });
  else setTimeout(task, 16);
}
