/**
 * Where a client's pages are saved: the element's `cache` mode (IndexedDB by default, memory, or none), its
 * namespace and limits. Only the unfiltered history is saved. A failing IndexedDB is reported once (`kind: "cache"`)
 * and memory is used for the rest of the page; damaged records it deleted instead of using are reported too (once
 * per client), and IndexedDB stays on.
 */
import type { TimelineFilter } from '../data/adapter.js';
import { emit } from '../events.js';
import { DEFAULT_MAX_CLIENTS, DEFAULT_MAX_EVENTS, TimelineCache, type CacheLimits, type CacheMode, type PageCache } from '../data/cache.js';

export interface CacheSettings {
  /** The element's client, named in the failure report. */
  clientId: string | null;
  mode: string;
  namespace: string;
  maxEvents: number;
  maxClients: number;
  /** Seconds; 0: no limit. */
  maxAge: number;
}

export class CacheController {
  private cache: TimelineCache | null = null;

  constructor(
    private readonly host: EventTarget,
    private readonly settings: () => CacheSettings,
  ) {}

  private reported = false;

  private onFailure = (error: unknown): void => {
    // Once per element, even when a change of `cache` brings IndexedDB back and it fails again.
    if (this.reported) return;
    this.reported = true;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const message = `Saved activity cannot be kept in IndexedDB (${reason}); it is kept in memory for this page only.`;
    emit(this.host, 'timeline-error', { kind: 'cache', clientId: this.settings().clientId ?? '', error, message });
  };

  private onDamaged = (error: Error, clientId: string): void => {
    const message = `Damaged saved activity of client "${clientId}" was deleted, not shown (${error.message}).`;
    emit(this.host, 'timeline-error', { kind: 'cache', clientId, error, message });
  };

  /** The cache of a client, or `null` when nothing is cached (`cache="none"`, or a filtered request). */
  forClient(clientId: string, filter: TimelineFilter): PageCache | null {
    const settings = this.settings();
    const mode: CacheMode = settings.mode === 'memory' || settings.mode === 'none' ? settings.mode : 'indexeddb';
    const filtered = Object.values(filter).some((value) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && !value.length));
    if (mode === 'none' || filtered) return null;
    if (this.cache?.mode !== mode) this.cache = new TimelineCache(mode, this.onFailure, this.onDamaged);
    return this.cache.forClient(settings.namespace ?? '', clientId, () => limitsOf(this.settings()));
  }
}

function limitsOf(settings: CacheSettings): CacheLimits {
  const positive = (value: number, fallback: number) => (Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback);
  return {
    maxEvents: positive(settings.maxEvents, DEFAULT_MAX_EVENTS),
    maxClients: positive(settings.maxClients, DEFAULT_MAX_CLIENTS),
    maxAge: Number.isFinite(settings.maxAge) && settings.maxAge > 0 ? settings.maxAge * 1000 : 0,
  };
}
