/**
 * The schema of the reference server: one table of events keyed by client, the counts per type kept beside it, and
 * the triggers that keep those counts and announce changes (`NOTIFY timeline_events, '<client id>'`).
 *
 * Plain PostgreSQL (12 or later: stored generated columns, `INCLUDE`, transition tables), the same on PGlite. Two
 * extensions are used when the engine has them: `unaccent` (accent-insensitive search; without it a `translate` of
 * the Latin-1 and Latin Extended-A accents stands in) and `pg_trgm` (a trigram index for the `q` substring search;
 * without it search still works, by scanning the client's rows).
 */
import type { SqlClient } from './sql-client.js';

/** The schema version `migrate` brings a database to. */
export const SCHEMA_VERSION = 1;

/** The channel the triggers notify on; the payload is the client id. */
export const CHANGES_CHANNEL = 'timeline_events';

/** What the engine offered when the schema was migrated. */
export interface SchemaFeatures {
  /** `unaccent` folds accents (else a `translate` of Latin accents does). */
  unaccent: boolean;
  /** `pg_trgm` indexes the search text. */
  trigram: boolean;
}

const ACCENTED = 'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿÑñÇçŠšŽžĆćČčĐđŁłŃńŘřŚśŤťŮůŻżĘęĄą';
const PLAIN = 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOOooooooUUUUuuuuYyyNnCcSsZzCcCcDdLlNnRrSsTtUuZzEeAa';

/**
 * `timeline_fold(text)`: lower case without accents, what search and statuses compare. Declared immutable so that
 * generated columns can use it (`unaccent` is only stable because its dictionary could change: it does not here).
 */
function foldFunction(unaccent: boolean): string {
  const body = unaccent ? `select lower(unaccent('unaccent'::regdictionary, $1))` : `select lower(translate($1, '${ACCENTED}', '${PLAIN}'))`;
  return `create or replace function timeline_fold(text) returns text language sql immutable strict parallel safe as $$ ${body} $$;`;
}

/** The statements of version 1, after the fold function. */
const V1 = String.raw`
create sequence if not exists timeline_change_seq;

-- The text of an HTML body: tags dropped, runs of white space made one space, the common entities decoded.
create or replace function timeline_html_text(text) returns text language sql immutable strict parallel safe as $$
  select replace(replace(replace(replace(replace(replace(replace(
    btrim(regexp_replace(regexp_replace($1, '<[^>]*>', ' ', 'g'), '\s+', ' ', 'g')),
    '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&apos;', ''''), '&amp;', '&')
$$;

-- What q searches: title, summary, author, subject and body, folded, one field per line of U+001F-separated text
-- (a query, which never holds U+001F, never matches across two fields).
create or replace function timeline_search_text(title text, summary text, author jsonb, detail jsonb) returns text
language sql immutable parallel safe as $$
  select timeline_fold(concat_ws(E'\x1f', title, summary, author->>'name', detail->>'subject',
    case when detail->>'bodyFormat' = 'html' then timeline_html_text(detail->>'body') else detail->>'body' end))
$$;

create table if not exists timeline_events (
  client_id text not null,
  id text collate "C" not null,
  occurred_at timestamptz not null,
  -- The instant as it was sent, with its offset (timestamptz keeps the instant only); null: shown in UTC.
  occurred_at_text text,
  type text not null,
  title text not null,
  summary text,
  author jsonb,
  status text,
  tone text,
  visibility text,
  record jsonb,
  detail jsonb,
  category text generated always as (split_part(type, '.', 1)) stored,
  author_name text generated always as (author->>'name') stored,
  status_key text generated always as (timeline_fold(btrim(status))) stored,
  record_kind text generated always as (coalesce(nullif(record->>'type', ''), split_part(type, '.', 1))) stored,
  record_id text generated always as (record->>'id') stored,
  search text generated always as (timeline_search_text(title, summary, author, detail)) stored,
  -- Bumped on every insert and update: what the event stream sends from.
  change_seq bigint not null default nextval('timeline_change_seq'),
  primary key (client_id, id)
);

-- Paging, seeking, total and position: one B-tree in the order pages are read. type and category ride along so that
-- counts per category and the type filter are answered from the index alone (index-only scans).
create index if not exists timeline_events_page on timeline_events (client_id, occurred_at desc, id desc) include (category, type);
-- The event stream: what changed for a client since a change number.
create index if not exists timeline_events_changes on timeline_events (client_id, change_seq);

-- Events per client and type, kept by the triggers: the unfiltered total and counts without a scan.
create table if not exists timeline_type_counts (
  client_id text not null,
  type text not null,
  events bigint not null,
  primary key (client_id, type)
);

create or replace function timeline_events_inserted() returns trigger language plpgsql as $$
begin
  insert into timeline_type_counts (client_id, type, events)
    select client_id, type, count(*) from new_rows group by client_id, type
    on conflict (client_id, type) do update set events = timeline_type_counts.events + excluded.events;
  perform pg_notify('timeline_events', c) from (select distinct client_id as c from new_rows) as changed;
  return null;
end $$;

create or replace function timeline_events_deleted() returns trigger language plpgsql as $$
begin
  update timeline_type_counts t set events = t.events - d.n
    from (select client_id, type, count(*) as n from old_rows group by client_id, type) as d
    where t.client_id = d.client_id and t.type = d.type;
  perform pg_notify('timeline_events', c) from (select distinct client_id as c from old_rows) as changed;
  return null;
end $$;

create or replace function timeline_events_updated() returns trigger language plpgsql as $$
begin
  update timeline_type_counts t set events = t.events - d.n
    from (select client_id, type, count(*) as n from old_rows group by client_id, type) as d
    where t.client_id = d.client_id and t.type = d.type;
  insert into timeline_type_counts (client_id, type, events)
    select client_id, type, count(*) from new_rows group by client_id, type
    on conflict (client_id, type) do update set events = timeline_type_counts.events + excluded.events;
  perform pg_notify('timeline_events', c) from (select distinct client_id as c from new_rows) as changed;
  return null;
end $$;

create or replace function timeline_events_touch() returns trigger language plpgsql as $$
begin
  new.change_seq := nextval('timeline_change_seq');
  return new;
end $$;

drop trigger if exists timeline_events_inserted on timeline_events;
create trigger timeline_events_inserted after insert on timeline_events
  referencing new table as new_rows for each statement execute function timeline_events_inserted();
drop trigger if exists timeline_events_deleted on timeline_events;
create trigger timeline_events_deleted after delete on timeline_events
  referencing old table as old_rows for each statement execute function timeline_events_deleted();
drop trigger if exists timeline_events_updated on timeline_events;
create trigger timeline_events_updated after update on timeline_events
  referencing old table as old_rows new table as new_rows for each statement execute function timeline_events_updated();
drop trigger if exists timeline_events_touch on timeline_events;
create trigger timeline_events_touch before update on timeline_events for each row execute function timeline_events_touch();
`;

async function tryExtension(db: SqlClient, name: string): Promise<boolean> {
  const available = await db.query<{ n: number }>('select count(*)::int as n from pg_available_extensions where name = $1', [name]);
  if (!available.rows[0]?.n) return false;
  try {
    await db.exec(`create extension if not exists ${name}`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Brings the database to {@link SCHEMA_VERSION}: idempotent, safe to run at every start (concurrent starts wait on
 * an advisory lock). Returns what the engine offered.
 */
export async function migrate(db: SqlClient): Promise<SchemaFeatures> {
  await db.exec('select pg_advisory_lock(20261120)');
  try {
    await db.exec('create table if not exists timeline_schema (version int not null)');
    const current = (await db.query<{ version: number }>('select max(version) as version from timeline_schema')).rows[0]?.version ?? 0;
    const unaccent = await tryExtension(db, 'unaccent');
    const trigram = await tryExtension(db, 'pg_trgm');
    if (current < 1) {
      await db.exec(`begin; ${foldFunction(unaccent)} ${V1} insert into timeline_schema (version) values (1); commit;`);
    }
    if (trigram) await db.exec('create index if not exists timeline_events_search on timeline_events using gin (search gin_trgm_ops)');
    const folds = await db.query<{ f: string }>(`select timeline_fold('Ábc') as f`);
    return { unaccent: unaccent && folds.rows[0]?.f === 'abc', trigram };
  } finally {
    await db.exec('select pg_advisory_unlock(20261120)');
  }
}
