/**
 * What the handler asks of a store. `SqlStorage` answers it on PostgreSQL and PGlite; a host may answer it from
 * anything else that can read one client's events newest first from a given point.
 */
import type { SchemaFeatures } from './schema.js';

/** What a role may see, as the host's `authorize` says. Absent fields permit everything of their kind. */
export interface RolePermissions {
  /** Event types or type prefixes (`email` permits `email.sent`) the role may see. */
  types?: readonly string[];
  /** Record types (`invoice`…) the role may see; events about no record, or a record without a type, stay visible. */
  recordTypes?: readonly string[];
  /** `false`: internal and private events (staff notes) are never read. */
  internal?: boolean;
}

/** The role `authorize` returns for a request it allows. */
export interface TimelineRole {
  /** For logs and audits; not used by the handler. */
  name?: string;
  permissions?: RolePermissions;
}

/** A filter as the wire format states it, normalized (lists sorted and unique; absent: no filter). */
export interface EventFilter {
  /** Types or type prefixes. */
  types?: string[];
  /** Search text, trimmed, without control characters. */
  q?: string;
  authors?: string[];
  /** Compared folded (case and accents ignored). */
  statuses?: string[];
  /** Record kinds: `record.type`, else the type's first segment. */
  recordTypes?: string[];
  /** One record's story. */
  record?: string;
  /** Inclusive bounds, ISO 8601 instants. */
  since?: string;
  until?: string;
}

/** Whose events, under which filter, as which role: every read is scoped. */
export interface Scope {
  clientId: string;
  filter: EventFilter;
  permissions: RolePermissions;
}

/** An event's place in timeline order: its instant in microseconds since 1970 (a decimal string) and its id. */
export interface EventKey {
  t: string;
  id: string;
}

/** Where a page starts. */
export type PageStart =
  | { from: 'newest' }
  /** Just after (older than) this key: a cursor. */
  | { from: 'after'; key: EventKey }
  /** The first event at or older than this ISO 8601 instant: a seek by date. */
  | { from: 'before'; instant: string }
  /** After this many events: a seek by position. */
  | { from: 'at'; offset: number };

export interface StoredEvent {
  /** The event in its wire shape. */
  event: Record<string, unknown>;
  key: EventKey;
}

/** Per record kind and status: how many records, and their totals per currency. */
export type RecordSummary = Record<string, Record<string, { count: number; totals: Record<string, number> }>>;

export interface TimelineStorage {
  /** `postgres`, `pglite`, or the host's own. */
  readonly engine: string;
  readonly features: SchemaFeatures;
  /** Up to `limit` events from `start`, newest first, and whether more follow. */
  page(scope: Scope, start: PageStart, limit: number): Promise<{ events: StoredEvent[]; more: boolean }>;
  /** Events of the scope. */
  total(scope: Scope): Promise<number>;
  /** Events of the scope newer than the first one a page from `start` would hold (`at` is its own answer). */
  position(scope: Scope, start: Exclude<PageStart, { from: 'at' }>): Promise<number>;
  /** Events per type prefix (the type's first segment) under every filter but `types`; every prefix the client has. */
  counts(scope: Scope): Promise<Record<string, number>>;
  /** Under every filter but `statuses` and `recordTypes`. */
  summary(scope: Scope): Promise<RecordSummary>;
  /** The change number the client's events have reached: where a new event stream starts. */
  lastChange(clientId: string): Promise<string>;
  /** Events of the scope (its permissions; its filter is ignored) inserted or changed after change number `after`, oldest change first. */
  changes(scope: Scope, after: string, limit: number): Promise<{ events: Record<string, unknown>[]; last: string }>;
  /** Calls `listener` with a client id whenever that client's events change (from any writer of the database). */
  onChange(listener: (clientId: string) => void): () => void;
  /** Inserts events (or replaces those with the same id) in one statement. Returns how many were written. */
  append(clientId: string, events: readonly Record<string, unknown>[]): Promise<number>;
  close(): Promise<void>;
}
