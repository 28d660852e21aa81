/**
 * {@link TimelineStorage} in SQL: the same statements on PostgreSQL (`pg`) and PGlite. Every query is keyed on
 * `client_id` and reads the page index `(client_id, occurred_at desc, id desc)` in its order, so a page costs the same
 * at the newest event and five million events down; `total`, `position` and the counts per category are counts over
 * that index (index-only once the table is vacuumed), or sums of the per-type counts the triggers keep when nothing
 * but types narrows the scope. Totals, counts and summaries are remembered per scope until the client's events change
 * (the triggers' `NOTIFY`, heard from every writer of the database).
 */
import { CHANGES_CHANNEL, migrate, type SchemaFeatures } from './schema.js';
import type { SqlClient } from './sql-client.js';
import type { EventFilter, EventKey, PageStart, RecordSummary, RolePermissions, Scope, StoredEvent, TimelineStorage } from './storage.js';

export interface SqlStorageOptions {
  /** Migrate the schema when opening (default `true`). */
  migrate?: boolean;
  /** Scopes whose totals, counts and summaries are remembered (default 500). */
  cacheSize?: number;
  /** Set by `createPgStorage` / `createPgliteStorage`. */
  engine?: string;
}

/** Builds a parameter list alongside the SQL text. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `\`, `%` and `_` escaped for LIKE. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The instant of a key in SQL: microseconds since 1970, exactly. */
const keyInstant = (p: Params, key: EventKey) => `(timestamptz 'epoch' + ${p.add(key.t)}::bigint * interval '1 microsecond')`;

const EVENT_COLUMNS = `id, coalesce(occurred_at_text, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) as occurred,
  type, title, summary, author, status, tone, visibility, record, detail,
  (extract(epoch from occurred_at) * 1000000)::bigint::text as t`;

interface EventRow {
  id: string;
  occurred: string;
  type: string;
  title: string;
  summary: string | null;
  author: unknown;
  status: string | null;
  tone: string | null;
  visibility: string | null;
  record: unknown;
  detail: unknown;
  t: string;
}

/** A row in the wire shape: absent fields are left out, not `null`. */
function toEvent(row: EventRow): Record<string, unknown> {
  const event: Record<string, unknown> = { id: row.id, type: row.type, occurredAt: row.occurred, title: row.title };
  for (const key of ['author', 'summary', 'status', 'tone', 'visibility', 'record', 'detail'] as const) {
    if (row[key] !== null && row[key] !== undefined) event[key] = row[key];
  }
  return event;
}

/** Which parts of the filter a condition list leaves out. */
interface Omit {
  types?: boolean;
  statuses?: boolean;
  recordTypes?: boolean;
  /** Everything but the client and the role's permissions. */
  filter?: boolean;
}

/** The role's permissions as conditions. */
function permissionConditions(p: Params, permissions: RolePermissions): string[] {
  const where: string[] = [];
  if (permissions.types) {
    const types = p.add([...permissions.types]);
    where.push(`(category = any(${types}::text[]) or type = any(${types}::text[]))`);
  }
  if (permissions.recordTypes) where.push(`(coalesce(record->>'type', '') = '' or record->>'type' = any(${p.add([...permissions.recordTypes])}::text[]))`);
  if (permissions.internal === false) where.push(`coalesce(visibility, '') not in ('internal', 'private')`);
  return where;
}

/** The conditions of a scope: the client, the role's permissions and the filter (less what `omit` says). */
function conditions(p: Params, scope: Scope, omit: Omit = {}): string[] {
  const where = [`client_id = ${p.add(scope.clientId)}`, ...permissionConditions(p, scope.permissions)];
  if (omit.filter) return where;
  const f: EventFilter = scope.filter;
  if (f.types && !omit.types) {
    const types = p.add(f.types);
    where.push(`(category = any(${types}::text[]) or type = any(${types}::text[]))`);
  }
  if (f.authors) where.push(`author_name = any(${p.add(f.authors)}::text[])`);
  if (f.statuses && !omit.statuses) where.push(`status_key in (select timeline_fold(btrim(s)) from unnest(${p.add(f.statuses)}::text[]) as s)`);
  if (f.recordTypes && !omit.recordTypes) where.push(`record_kind = any(${p.add(f.recordTypes)}::text[])`);
  if (f.record) where.push(`record_id = ${p.add(f.record)}`);
  if (f.since) where.push(`occurred_at >= ${p.add(f.since)}::timestamptz`);
  if (f.until) where.push(`occurred_at <= ${p.add(f.until)}::timestamptz`);
  if (f.q) where.push(`search like '%' || timeline_fold(${p.add(likeEscape(f.q))}) || '%'`);
  return where;
}

/** Nothing narrows the scope but types (of the filter or the role): the per-type counts answer it. */
const onlyTypes = (scope: Scope): boolean => {
  const f = scope.filter;
  const filtered = f.q || f.authors || f.statuses || f.recordTypes || f.record || f.since || f.until;
  return !filtered && !scope.permissions.recordTypes && scope.permissions.internal !== false;
};

/** A scope's identity, for the caches. */
const scopeKey = (scope: Scope, part: string) => JSON.stringify([part, scope.clientId, scope.filter, scope.permissions]);

export class SqlStorage implements TimelineStorage {
  readonly engine: string;
  private readonly listeners = new Set<(clientId: string) => void>();
  private readonly cache = new Map<string, { clientId: string; value: Promise<unknown> }>();
  private unlisten: (() => Promise<void>) | null = null;
  private closed = false;

  private constructor(
    readonly db: SqlClient,
    readonly features: SchemaFeatures,
    private readonly options: SqlStorageOptions,
  ) {
    this.engine = options.engine ?? 'postgres';
  }

  /** Migrates (unless told not to), starts listening for changes, and resolves to the storage. */
  static async open(db: SqlClient, options: SqlStorageOptions = {}): Promise<SqlStorage> {
    const features = options.migrate === false ? await SqlStorage.detect(db) : await migrate(db);
    const storage = new SqlStorage(db, features, options);
    storage.unlisten = await db.listen(CHANGES_CHANNEL, (clientId) => storage.changed(clientId));
    return storage;
  }

  private static async detect(db: SqlClient): Promise<SchemaFeatures> {
    const { rows } = await db.query<{ name: string }>(`select extname as name from pg_extension where extname in ('unaccent', 'pg_trgm')`);
    const names = new Set(rows.map((r) => r.name));
    return { unaccent: names.has('unaccent'), trigram: names.has('pg_trgm') };
  }

  /** A client's events changed: forget what was remembered about it, tell the listeners. */
  private changed(clientId: string): void {
    for (const [key, entry] of this.cache) if (entry.clientId === clientId) this.cache.delete(key);
    for (const listener of this.listeners) listener(clientId);
  }

  private remember<T>(scope: Scope, part: string, compute: () => Promise<T>): Promise<T> {
    const key = scopeKey(scope, part);
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = compute();
    this.cache.set(key, { clientId: scope.clientId, value });
    value.catch(() => this.cache.get(key)?.value === value && this.cache.delete(key));
    const max = this.options.cacheSize ?? 500;
    while (this.cache.size > max) this.cache.delete(this.cache.keys().next().value as string);
    return value;
  }

  async page(scope: Scope, start: PageStart, limit: number): Promise<{ events: StoredEvent[]; more: boolean }> {
    if (start.from === 'at') {
      // The key at that offset first, from the index alone where the filter allows (no row is read to be skipped),
      // then the page from that key as a cursor would read it.
      const k = new Params();
      const { rows } = await this.db.query<{ t: string; id: string }>(
        `select (extract(epoch from occurred_at) * 1000000)::bigint::text as t, id from timeline_events where ${conditions(k, scope).join(' and ')}
         order by occurred_at desc, id desc offset ${k.add(start.offset)} limit 1`,
        k.values,
      );
      if (!rows[0]) return { events: [], more: false };
      return this.keysetPage(scope, rows[0], limit, '<=');
    }
    if (start.from === 'after') return this.keysetPage(scope, start.key, limit, '<');
    const p = new Params();
    const where = conditions(p, scope);
    if (start.from === 'before') where.push(`occurred_at <= ${p.add(start.instant)}::timestamptz`);
    return this.read(p, where, limit);
  }

  private keysetPage(scope: Scope, key: EventKey, limit: number, op: '<' | '<='): Promise<{ events: StoredEvent[]; more: boolean }> {
    const p = new Params();
    const where = conditions(p, scope);
    where.push(`(occurred_at, id) ${op} (${keyInstant(p, key)}, ${p.add(key.id)})`);
    return this.read(p, where, limit);
  }

  private async read(p: Params, where: string[], limit: number): Promise<{ events: StoredEvent[]; more: boolean }> {
    const sql = `select ${EVENT_COLUMNS} from timeline_events where ${where.join(' and ')} order by occurred_at desc, id desc limit ${p.add(limit + 1)}`;
    const { rows } = await this.db.query<EventRow>(sql, p.values);
    const more = rows.length > limit;
    return { events: rows.slice(0, limit).map((row) => ({ event: toEvent(row), key: { t: row.t, id: row.id } })), more };
  }

  total(scope: Scope): Promise<number> {
    return this.remember(scope, 'total', async () => {
      const p = new Params();
      if (onlyTypes(scope)) {
        const where = [`client_id = ${p.add(scope.clientId)}`];
        for (const types of [scope.filter.types, scope.permissions.types]) {
          if (!types) continue;
          const list = p.add([...types]);
          where.push(`(split_part(type, '.', 1) = any(${list}::text[]) or type = any(${list}::text[]))`);
        }
        const { rows } = await this.db.query<{ n: number }>(`select coalesce(sum(events), 0)::int as n from timeline_type_counts where ${where.join(' and ')}`, p.values);
        return rows[0]?.n ?? 0;
      }
      const { rows } = await this.db.query<{ n: number }>(`select count(*)::int as n from timeline_events where ${conditions(p, scope).join(' and ')}`, p.values);
      return rows[0]?.n ?? 0;
    });
  }

  async position(scope: Scope, start: Exclude<PageStart, { from: 'at' }>): Promise<number> {
    if (start.from === 'newest') return 0;
    // Count whichever side of the start is smaller: the newer events, or the older ones taken from the total. The
    // client's first and last instants (two index probes) tell which side that likely is.
    const bounds = await this.db.query<{ newest: string | null; oldest: string | null }>(
      `select (select (extract(epoch from occurred_at) * 1000000)::bigint::text from timeline_events where client_id = $1 order by occurred_at desc, id desc limit 1) as newest,
              (select (extract(epoch from occurred_at) * 1000000)::bigint::text from timeline_events where client_id = $1 order by occurred_at asc, id asc limit 1) as oldest`,
      [scope.clientId],
    );
    const { newest, oldest } = bounds.rows[0] ?? { newest: null, oldest: null };
    if (newest === null || oldest === null) return 0;
    const at = start.from === 'after' ? Number(start.key.t) : Date.parse(start.instant) * 1000;
    const fromNewest = (Number(newest) - at) / Math.max(1, Number(newest) - Number(oldest));
    const p = new Params();
    const where = conditions(p, scope);
    const older = fromNewest > 0.5;
    if (start.from === 'after') {
      const instant = keyInstant(p, start.key);
      const id = p.add(start.key.id);
      where.push(older ? `(occurred_at, id) < (${instant}, ${id})` : `(occurred_at, id) >= (${instant}, ${id})`);
    } else {
      const instant = `${p.add(start.instant)}::timestamptz`;
      where.push(older ? `occurred_at <= ${instant}` : `occurred_at > ${instant}`);
    }
    const counting = this.db.query<{ n: number }>(`select count(*)::int as n from timeline_events where ${where.join(' and ')}`, p.values);
    if (!older) return (await counting).rows[0]?.n ?? 0;
    const [total, { rows }] = await Promise.all([this.total(scope), counting]);
    return Math.max(0, total - (rows[0]?.n ?? 0));
  }

  counts(scope: Scope): Promise<Record<string, number>> {
    const unfiltered: Scope = { ...scope, filter: { ...scope.filter, types: undefined } };
    return this.remember(unfiltered, 'counts', async () => {
      const p = new Params();
      // Every prefix the client has (kept per type by the triggers), then how many events of each pass the filter.
      const client = p.add(scope.clientId);
      const perms = scope.permissions.types ? p.add([...scope.permissions.types]) : null;
      const permitted = perms ? ` and (split_part(type, '.', 1) = any(${perms}::text[]) or type = any(${perms}::text[]))` : '';
      const known = `select split_part(type, '.', 1) as category, sum(events)::int as n from timeline_type_counts where client_id = ${client} and events > 0${permitted} group by 1`;
      let sql: string;
      if (onlyTypes(unfiltered)) sql = known;
      else {
        const where = conditions(p, unfiltered, { types: true });
        sql = `select k.category, coalesce(c.n, 0)::int as n from (${known}) as k left join
          (select category, count(*)::int as n from timeline_events where ${where.join(' and ')} group by category) as c on c.category = k.category`;
      }
      const { rows } = await this.db.query<{ category: string; n: number }>(sql, p.values);
      return Object.fromEntries(rows.sort((a, b) => (a.category < b.category ? -1 : 1)).map((r) => [r.category, r.n]));
    });
  }

  summary(scope: Scope): Promise<RecordSummary> {
    const wide: Scope = { ...scope, filter: { ...scope.filter, statuses: undefined, recordTypes: undefined } };
    return this.remember(wide, 'summary', async () => {
      const p = new Params();
      const where = conditions(p, wide);
      // Per record (its kind and id; an event without a record is a record of its own): the status of its latest
      // event that has one, and the amount of the latest event from that one on that has an amount.
      const sql = `
        with f as (
          select record_kind as kind, coalesce(record_id, 'event:' || id) as rkey, nullif(btrim(status), '') as status,
                 case when jsonb_typeof(detail->'amount') = 'object' then detail->'amount' end as amount, occurred_at, id
          from timeline_events where ${where.join(' and ')}
        ),
        seen as (
          select *, count(status) over (partition by kind, rkey order by occurred_at desc, id desc rows between unbounded preceding and current row) as statuses_seen
          from f
        ),
        records as (
          select kind, (array_agg(status order by occurred_at desc, id desc) filter (where status is not null))[1] as status,
                 (array_agg(amount order by occurred_at desc, id desc) filter (where amount is not null and statuses_seen > 0))[1] as amount
          from seen group by kind, rkey having count(status) > 0
        )
        select kind, status, amount->>'currency' as currency, count(*)::int as records,
               sum(case when jsonb_typeof(amount->'value') = 'number' and jsonb_typeof(amount->'currency') = 'string' then (amount->>'value')::float8 end) as total
        from records group by 1, 2, 3`;
      const { rows } = await this.db.query<{ kind: string; status: string; currency: string | null; records: number; total: number | null }>(sql, p.values);
      const summary: RecordSummary = {};
      for (const row of rows) {
        const slice = ((summary[row.kind] ??= {})[row.status] ??= { count: 0, totals: {} });
        slice.count += row.records;
        if (row.currency !== null && row.total !== null && Number.isFinite(Number(row.total))) slice.totals[row.currency] = (slice.totals[row.currency] ?? 0) + Number(row.total);
      }
      return summary;
    });
  }

  async lastChange(clientId: string): Promise<string> {
    const { rows } = await this.db.query<{ seq: string }>(`select coalesce(max(change_seq), 0)::text as seq from timeline_events where client_id = $1`, [clientId]);
    return rows[0]?.seq ?? '0';
  }

  async changes(scope: Scope, after: string, limit: number): Promise<{ events: Record<string, unknown>[]; last: string }> {
    const p = new Params();
    const where = conditions(p, scope, { filter: true });
    where.push(`change_seq > ${p.add(after)}::bigint`);
    const { rows } = await this.db.query<EventRow & { seq: string }>(
      `select ${EVENT_COLUMNS}, change_seq::text as seq from timeline_events where ${where.join(' and ')} order by change_seq limit ${p.add(limit)}`,
      p.values,
    );
    return { events: rows.map(toEvent), last: rows.length ? rows[rows.length - 1].seq : after };
  }

  onChange(listener: (clientId: string) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  async append(clientId: string, events: readonly Record<string, unknown>[]): Promise<number> {
    if (!events.length) return 0;
    const sql = `
      insert into timeline_events as e (client_id, id, occurred_at, occurred_at_text, type, title, summary, author, status, tone, visibility, record, detail)
      select $1, x.id, x."occurredAt"::timestamptz, x."occurredAt", x.type, x.title, x.summary, x.author, x.status, x.tone, x.visibility, x.record, x.detail
      from jsonb_to_recordset($2::jsonb) as x(id text, "occurredAt" text, type text, title text, summary text, author jsonb, status text, tone text,
        visibility text, record jsonb, detail jsonb)
      on conflict (client_id, id) do update set occurred_at = excluded.occurred_at, occurred_at_text = excluded.occurred_at_text, type = excluded.type,
        title = excluded.title, summary = excluded.summary, author = excluded.author, status = excluded.status, tone = excluded.tone,
        visibility = excluded.visibility, record = excluded.record, detail = excluded.detail`;
    await this.db.query(sql, [clientId, JSON.stringify(events)]);
    return events.length;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    await this.unlisten?.().catch(() => undefined);
    await this.db.close();
  }
}
