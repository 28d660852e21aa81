/**
 * A client with a long history, generated in SQL inside the database (no rows cross the wire): `count` events over
 * about eight years back from `now`, event `n` a pure function of `n`, ids from `<prefix>-0000001` (the oldest) up.
 * A CRM mix of types, people with accented names (search ignores accents), invoices and quotes with statuses and
 * amounts (the status summary), subjects to search for.
 */
import type { SqlClient } from '../../src/server/sql-client.js';

/** Rows per statement: each is a short transaction, so requests to other clients are answered in between. */
const CHUNK = 50_000;

const TYPES = [
  ['email.sent', 'Email sent'],
  ['email.received', 'Email received'],
  ['email.opened', 'Email opened'],
  ['call.logged', 'Call logged'],
  ['call.failed', 'Call failed'],
  ['meeting.scheduled', 'Meeting scheduled'],
  ['task.created', 'Task created'],
  ['task.completed', 'Task completed'],
  ['note.added', 'Note'],
  ['invoice.issued', 'Invoice issued'],
  ['invoice.paid', 'Invoice paid'],
  ['invoice.overdue', 'Invoice overdue'],
  ['quote.created', 'Quote created'],
  ['quote.accepted', 'Quote accepted'],
  ['file.uploaded', 'File uploaded'],
  ['contact.field-edited', 'Contact updated'],
] as const;

const PEOPLE = ['José Núñez', 'Zoë Martin', 'Łukasz Nowak', 'Amélie Dubois', 'Sven Ødegård', 'Chidi Okafor', 'Mei Tanaka', 'Renée Laurent'];
const SUBJECTS = ['renewal', 'onboarding', 'pricing', 'contract', 'invoice dispute', 'site visit', 'maintenance plan', 'upgrade', 'training', 'support ticket', 'referral', 'Q4 forecast'];
const WORDS = ['alpha', 'bravo', 'cedar', 'delta', 'ember', 'fjord', 'granite', 'harbor', 'indigo', 'juniper', 'kestrel', 'lumen', 'meadow', 'nimbus', 'onyx', 'pylon'];

const array = (values: readonly string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

/**
 * The INSERT of events `from`..`to` (1-based, 1 the oldest) of a client of `count` events whose newest is at `newest`
 * (epoch seconds). Parameters: $1 client id, $2 id prefix, $3 from, $4 to, $5 count, $6 newest.
 */
const INSERT = `
with params as (
  select ${array(TYPES.map((t) => t[0]))} as types, ${array(TYPES.map((t) => t[1]))} as labels,
         ${array(PEOPLE)} as people, ${array(SUBJECTS)} as subjects, ${array(WORDS)} as words
), rows as (
  select n, ($5::bigint - n) as age, mod(n * 2654435761, 4294967296) as h, params.*
  from generate_series($3::bigint, $4::bigint) as n, params
), shaped as (
  select n, h, to_timestamp($6::bigint - age * 250 - mod(h, 200)) as at,
         types[1 + mod(h / 7, ${TYPES.length})] as type, labels[1 + mod(h / 7, ${TYPES.length})] as label,
         people[1 + mod(h / 131, ${PEOPLE.length})] as person, subjects[1 + mod(h / 17, ${SUBJECTS.length})] as subject,
         words[1 + mod(h / 3, ${WORDS.length})] || ' ' || words[1 + mod(h / 1009, ${WORDS.length})] as phrase
  from rows
)
insert into timeline_events (client_id, id, occurred_at, occurred_at_text, type, title, summary, author, status, tone, record, detail)
select $1, $2 || '-' || lpad(n::text, 7, '0'), at, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), type,
  label || ': ' || subject || ' (' || phrase || ')',
  case when type like 'email.%' or type = 'note.added' then 'About the ' || subject || ', ref ' || n else null end,
  jsonb_build_object('name', person),
  case type when 'invoice.issued' then 'Open' when 'invoice.paid' then 'Paid' when 'invoice.overdue' then 'Overdue'
            when 'quote.created' then 'Sent' when 'quote.accepted' then 'Accepted' when 'task.created' then 'Open' when 'task.completed' then 'Done' end,
  case type when 'invoice.paid' then 'success' when 'quote.accepted' then 'success' when 'invoice.overdue' then 'failed' when 'call.failed' then 'failed' end,
  case when type like 'invoice.%' then jsonb_build_object('id', 'INV-' || (n / 40), 'type', 'invoice', 'label', 'Invoice INV-' || (n / 40))
       when type like 'quote.%' then jsonb_build_object('id', 'QUO-' || (n / 60), 'type', 'quote', 'label', 'Quote QUO-' || (n / 60)) end,
  case when type like 'email.%' then jsonb_build_object('subject', initcap(subject) || ' ' || phrase, 'body', 'Hi, following up on the ' || subject || '. Ref ' || n || '.')
       when type like 'invoice.%' or type like 'quote.%' then jsonb_build_object('amount', jsonb_build_object('value', 100 * (1 + mod(h, 500)), 'currency', 'USD'))
       when type = 'note.added' then jsonb_build_object('body', 'Spoke with ' || person || ' about ' || subject || ' and ' || phrase || '.')
       when type like 'call.%' then jsonb_build_object('durationSeconds', mod(h, 1800), 'direction', case when mod(h, 2) = 0 then 'inbound' else 'outbound' end) end
from shaped`;

/** How many events of the client are stored. */
export async function storedCount(db: SqlClient, clientId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select coalesce(sum(events), 0)::int as n from timeline_type_counts where client_id = $1', [clientId]);
  return rows[0]?.n ?? 0;
}

/**
 * Writes the client's `count` events (replacing any it had) in chunks, then vacuums the table so that counts are
 * index-only scans. `onProgress` hears how many are written.
 */
export async function generateClient(
  db: SqlClient,
  options: { clientId: string; idPrefix: string; count: number; newest: Date; onProgress?: (written: number) => void },
): Promise<void> {
  const { clientId, idPrefix, count } = options;
  await db.query('delete from timeline_events where client_id = $1', [clientId]);
  // The trigram index is built once at the end: kept up row by row, a million rows take several times longer.
  const { rows } = await db.query<{ def: string }>(`select indexdef as def from pg_indexes where indexname = 'timeline_events_search'`);
  if (rows[0]) await db.exec('drop index timeline_events_search');
  const newest = Math.floor(options.newest.getTime() / 1000);
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    await db.query(INSERT, [clientId, idPrefix, from, to, count, newest]);
    options.onProgress?.(to);
  }
  // A trigram index builds about twice as fast with room to sort in.
  if (rows[0]) await db.exec(`set maintenance_work_mem = '256MB'; ${rows[0].def}; reset maintenance_work_mem`);
  await db.exec('vacuum analyze timeline_events');
}
