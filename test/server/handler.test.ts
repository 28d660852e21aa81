/**
 * The reference handler over real HTTP, on PGlite (or PostgreSQL: see harness.ts): the wire format, its validation,
 * cursors, roles, search, counts and summaries, the event stream.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SqlStorage } from '../../src/server/sql-storage.js';
import type { TimelineStorage } from '../../src/server/storage.js';
import { engineName, newClient, openStorage, qs, serve, type Served } from './harness.js';

let storage: SqlStorage;
let server: Served;

before(async () => {
  storage = await openStorage();
  server = await serve({ storage, authorize: () => ({}) });
});
after(async () => {
  await server.close();
  await storage.close();
});

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 12, 0) - minutes * 60_000).toISOString();

/** A small client: notes, an email with an HTML body, an invoice's story, an internal note. */
async function seedSmall(client: string) {
  await storage.append(client, [
    { id: 'e1', type: 'email.sent', occurredAt: at(50), title: 'Email sent: Cotización', author: { name: 'Diego Mora' }, detail: { subject: 'Plan Pro', body: '<p>Hola &amp; <b>adiós</b></p>', bodyFormat: 'html' } },
    { id: 'e2', type: 'invoice.issued', occurredAt: at(40), title: 'Invoice INV-1 issued', status: 'Open', record: { id: 'INV-1', type: 'invoice' }, detail: { amount: { value: 480000, currency: 'CRC' } } },
    { id: 'e3', type: 'invoice.overdue', occurredAt: at(30), title: 'Invoice INV-1 overdue', status: 'Overdue', record: { id: 'INV-1', type: 'invoice' } },
    { id: 'e4', type: 'note.added', occurredAt: at(20), title: 'Note', summary: 'Ella lo leyó: leído', author: { name: 'Lucía Fernández' }, visibility: 'internal' },
    { id: 'e5', type: 'call.failed', occurredAt: at(10), title: 'Call failed: 100% busy_line', author: { name: 'Diego Mora' }, status: 'No answer' },
    { id: 'e6', type: 'invoice.issued', occurredAt: at(5), title: 'Invoice INV-2 issued', status: 'Open', record: { id: 'INV-2', type: 'invoice' }, detail: { amount: { value: 20, currency: 'USD' } } },
  ]);
}

const ids = (body: { events: { id: string }[] }) => body.events.map((e) => e.id);

describe(`handler on ${engineName}: pages`, () => {
  it('answers the newest page with total, position, counts, summary and the stream, then pages on by cursor', async () => {
    const client = newClient();
    await seedSmall(client);
    const first = await server.get(`/api/timeline?${qs({ client, limit: 4 })}`);
    assert.equal(first.status, 200);
    assert.deepEqual(ids(first.body), ['e6', 'e5', 'e4', 'e3']);
    assert.equal(first.body.total, 6);
    assert.equal(first.body.position, 0);
    assert.deepEqual(first.body.counts, { call: 1, email: 1, invoice: 3, note: 1 });
    assert.deepEqual(first.body.summary, { invoice: { Overdue: { count: 1, totals: { CRC: 480000 } }, Open: { count: 1, totals: { USD: 20 } } }, call: { 'No answer': { count: 1, totals: {} } } });
    assert.equal(first.body.stream, `/api/timeline/stream?client=${encodeURIComponent(client)}`);
    assert.equal(first.headers.get('cache-control'), 'no-store');
    // The event keeps its offset and its shape: absent fields are absent, not null.
    assert.deepEqual(first.body.events[2], { id: 'e4', type: 'note.added', occurredAt: at(20), title: 'Note', summary: 'Ella lo leyó: leído', author: { name: 'Lucía Fernández' }, visibility: 'internal' });
    const second = await server.get(`/api/timeline?${qs({ client, limit: 4, cursor: first.body.nextCursor })}`);
    assert.deepEqual(ids(second.body), ['e2', 'e1']);
    assert.equal(second.body.nextCursor, null);
    assert.equal(second.body.position, 4);
    assert.equal(second.body.summary, undefined);
    assert.equal(second.body.stream, undefined);
  });

  it('keeps the offset an event was sent with', async () => {
    const client = newClient();
    await storage.append(client, [{ id: 'x', type: 'note.added', occurredAt: '2026-11-13T15:30:00-06:00', title: 'x' }]);
    const page = await server.get(`/api/timeline?${qs({ client })}`);
    assert.equal(page.body.events[0].occurredAt, '2026-11-13T15:30:00-06:00');
  });

  it('an unknown client is an empty history', async () => {
    const page = await server.get(`/api/timeline?${qs({ client: newClient('nobody') })}`);
    assert.equal(page.status, 200);
    assert.deepEqual({ ...page.body, stream: undefined }, { events: [], nextCursor: null, total: 0, position: 0, counts: {}, stream: undefined });
  });

  it('seeks by date (before) and by position (at), and the seek page pages on', async () => {
    const client = newClient();
    await seedSmall(client);
    const before = await server.get(`/api/timeline?${qs({ client, limit: 2, before: at(25) })}`);
    assert.deepEqual(ids(before.body), ['e3', 'e2']);
    assert.equal(before.body.position, 3);
    assert.equal(before.body.total, 6);
    const on = await server.get(`/api/timeline?${qs({ client, limit: 5, cursor: before.body.nextCursor })}`);
    assert.deepEqual(ids(on.body), ['e1']);
    const exact = await server.get(`/api/timeline?${qs({ client, limit: 1, before: at(20) })}`);
    assert.deepEqual(ids(exact.body), ['e4'], 'an event at the instant itself is included');
    const byPosition = await server.get(`/api/timeline?${qs({ client, limit: 2, at: 4 })}`);
    assert.deepEqual(ids(byPosition.body), ['e2', 'e1']);
    assert.equal(byPosition.body.position, 4);
    const past = await server.get(`/api/timeline?${qs({ client, limit: 2, at: 99 })}`);
    assert.deepEqual(past.body.events, []);
    assert.equal(past.body.position, 6);
    const filtered = await server.get(`/api/timeline?${qs({ client, types: 'invoice', at: 1, limit: 1 })}`);
    assert.deepEqual(ids(filtered.body), ['e3']);
    assert.equal(filtered.body.total, 3);
  });
});

describe(`handler on ${engineName}: filters`, () => {
  let client: string;
  before(async () => {
    client = newClient();
    await seedSmall(client);
  });
  const page = async (params: Record<string, string>) => (await server.get(`/api/timeline?${qs({ client, ...params })}`)).body;

  it('types match a prefix or an exact type; counts ignore types', async () => {
    const body = await page({ types: 'invoice,call.failed' });
    assert.deepEqual(ids(body), ['e6', 'e5', 'e3', 'e2']);
    assert.deepEqual(body.counts, { call: 1, email: 1, invoice: 3, note: 1 });
    assert.deepEqual(ids(await page({ types: 'invoice.overdue' })), ['e3']);
    assert.deepEqual(ids(await page({ types: 'invoice.' })), [], 'a prefix matches a whole first segment only');
  });

  it('search ignores case and accents, reads HTML bodies as text, never matches across fields', async () => {
    assert.deepEqual(ids(await page({ q: 'COTIZACION' })), ['e1']);
    assert.deepEqual(ids(await page({ q: 'leido' })), ['e4']);
    assert.deepEqual(ids(await page({ q: 'lucia fernandez' })), ['e4'], 'the author');
    assert.deepEqual(ids(await page({ q: 'hola & adios' })), ['e1'], 'tags dropped, entities decoded');
    assert.deepEqual(ids(await page({ q: '<b>' })), []);
    assert.deepEqual(ids(await page({ q: 'pro hola' })), [], 'subject and body are separate fields');
    const counts = (await page({ q: 'diego' })).counts;
    assert.deepEqual(counts, { call: 1, email: 1, invoice: 0, note: 0 }, 'every category, zeros too');
  });

  it('search text is data, never SQL or a pattern', async () => {
    assert.deepEqual(ids(await page({ q: '100%' })), ['e5']);
    assert.deepEqual(ids(await page({ q: '%' })), ['e5']);
    assert.deepEqual(ids(await page({ q: '_' })), ['e5']);
    assert.deepEqual(ids(await page({ q: 'busy_line' })), ['e5']);
    assert.deepEqual(ids(await page({ q: 'busyxline' })), []);
    for (const q of ["'; drop table timeline_events; --", "' or '1'='1", '\\', "$1) or true --", 'e1\u0000']) {
      const res = await server.get(`/api/timeline?${qs({ client, q })}`);
      assert.equal(res.status, 200, q);
      assert.deepEqual(ids(res.body), [], q);
    }
    assert.equal((await page({ q: '\u001f\u0000 ' })).total, 6, 'control characters only: no search');
    assert.equal((await page({})).total, 6, 'the table is still there');
  });

  it('authors, statuses (folded), record kinds, one record, dates', async () => {
    assert.deepEqual(ids(await page({ authors: 'Diego Mora' })), ['e5', 'e1']);
    assert.deepEqual(ids(await page({ authors: 'diego mora' })), [], 'authors are exact');
    assert.deepEqual(ids(await page({ statuses: 'OPEN' })), ['e6', 'e2']);
    assert.deepEqual(ids(await page({ statuses: 'no answer,overdue' })), ['e5', 'e3']);
    assert.deepEqual(ids(await page({ recordTypes: 'invoice' })), ['e6', 'e3', 'e2']);
    assert.deepEqual(ids(await page({ recordTypes: 'note' })), ['e4'], "no record: the type's first segment");
    assert.deepEqual(ids(await page({ record: 'INV-1' })), ['e3', 'e2']);
    assert.deepEqual(ids(await page({ since: at(30), until: at(10) })), ['e5', 'e4', 'e3'], 'both bounds inclusive');
    assert.deepEqual(ids(await page({ since: at(30).replace('Z', '+00:00').replace('.000', '') })), ['e6', 'e5', 'e4', 'e3']);
  });

  it('the summary ignores statuses and record kinds, not the other filters', async () => {
    const body = await page({ statuses: 'overdue', recordTypes: 'invoice' });
    assert.deepEqual(body.summary.invoice, { Overdue: { count: 1, totals: { CRC: 480000 } }, Open: { count: 1, totals: { USD: 20 } } });
    const narrowed = await page({ until: at(35) });
    assert.deepEqual(narrowed.summary, { invoice: { Open: { count: 1, totals: { CRC: 480000 } } } });
  });
});

describe(`handler on ${engineName}: validation`, () => {
  const status = async (params: string) => {
    const res = await server.get(`/api/timeline?${params}`);
    return [res.status, res.body.error] as const;
  };

  it('answers 400 with what is wrong', async () => {
    assert.deepEqual(await status(''), [400, 'Missing required parameter "client"']);
    assert.deepEqual(await status('client=%20'), [400, 'Missing required parameter "client"']);
    for (const limit of ['0', '-1', 'ten', '1.5', '1e3', '99999999999999999999']) {
      const [code, error] = await status(`client=a&limit=${limit}`);
      assert.equal(code, 400, limit);
      assert.match(error, /^Invalid "limit"/);
    }
    for (const name of ['since', 'until', 'before']) {
      for (const value of ['yesterday', '2026-13-45', '2026-11-23T25:00:00Z', '1700000000', '2026-11-23T12:00:00']) {
        const [code, error] = await status(`client=a&${name}=${encodeURIComponent(value)}`);
        assert.equal(code, 400, `${name}=${value}`);
        assert.match(error, new RegExp(`^Invalid "${name}"`));
      }
    }
    assert.equal((await status('client=a&at=-3'))[0], 400);
    assert.equal((await status(`client=a&types=${'x,'.repeat(150)}`))[0], 400);
    assert.equal((await status(`client=a&q=${'x'.repeat(501)}`))[0], 400);
    assert.equal((await status(`client=${'x'.repeat(201)}`))[0], 400);
  });

  it('a NUL in a list entry matches nothing (no stored text holds one); in a client or record id it is a 400, never a 500', async () => {
    const client = newClient();
    await seedSmall(client);
    // What the element sends for "no category": `types=%00none`.
    const none = await server.get(`/api/timeline?${qs({ client, types: '\u0000none' })}`);
    assert.equal(none.status, 200, JSON.stringify(none.body));
    assert.deepEqual([none.body.events, none.body.nextCursor, none.body.total], [[], null, 0]);
    assert.equal(none.body.counts.invoice, 3, 'counts ignore types');
    const some = await server.get(`/api/timeline?${qs({ client, types: 'invoice,\u0000x', authors: '\u0000', statuses: 'open' })}`);
    assert.equal(some.status, 200, JSON.stringify(some.body));
    assert.deepEqual(ids(some.body), []);
    const notNamed = await server.get(`/api/timeline?${qs({ client, types: 'invoice,\u0000x' })}`);
    assert.deepEqual(ids(notNamed.body), ['e6', 'e3', 'e2']);
    for (const params of [{ client: `${client}\u0000` }, { client, record: 'INV-1\u0000' }]) {
      const res = await server.get(`/api/timeline?${qs(params)}`);
      assert.equal(res.status, 400, JSON.stringify(params));
      assert.match(res.body.error, /NUL/);
    }
    assert.equal((await server.get(`/api/timeline/stream?${qs({ client: '\u0000' })}`)).status, 400);
  });

  it('cuts a huge limit to the largest page, ignores unknown parameters', async () => {
    const client = newClient();
    await storage.append(client, Array.from({ length: 520 }, (_, i) => ({ id: `n${String(i).padStart(4, '0')}`, type: 'note.added', occurredAt: at(i), title: `n${i}` })));
    const res = await server.get(`/api/timeline?${qs({ client, limit: 100000, colour: 'blue', latency: 5 })}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.events.length, 500);
    assert.notEqual(res.body.nextCursor, null);
  });

  it('only GET, and only its own paths', async () => {
    assert.equal((await server.get('/api/timeline?client=a', { method: 'POST' })).status, 405);
    assert.equal((await server.get('/api/elsewhere?client=a')).status, 404);
  });
});

describe(`handler on ${engineName}: cursors`, () => {
  let client: string;
  let cursor: string;
  before(async () => {
    client = newClient();
    await seedSmall(client);
    cursor = (await server.get(`/api/timeline?${qs({ client, limit: 2 })}`)).body.nextCursor;
  });

  it('a forged, tampered, truncated or stretched cursor is a 400, never rows', async () => {
    const [payload, signature] = cursor.split('.');
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...decoded, t: '0' })).toString('base64url');
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const bad = [
      'abc',
      `${forged}.${signature}`,
      `${flip(payload, 5)}.${signature}`,
      `${payload}.${flip(signature, 3)}`,
      cursor.slice(0, -1),
      cursor.slice(0, cursor.length / 2),
      `${payload}.`,
      `${cursor}x`,
      Buffer.from(JSON.stringify({ t: 0, id: 'e3' })).toString('base64url'),
      'x'.repeat(3000),
    ];
    for (const c of bad) {
      const res = await server.get(`/api/timeline?${qs({ client, cursor: c })}`);
      assert.equal(res.status, 400, c);
      assert.match(res.body.error, /^Invalid "cursor"/);
      assert.equal(res.body.events, undefined);
    }
  });

  it("another client's cursor, or another filter's, is a 400", async () => {
    const other = newClient();
    await seedSmall(other);
    const theirs = await server.get(`/api/timeline?${qs({ client: other, cursor })}`);
    assert.equal(theirs.status, 400);
    assert.match(theirs.body.error, /another client/);
    const filtered = await server.get(`/api/timeline?${qs({ client, cursor, types: 'invoice' })}`);
    assert.equal(filtered.status, 400);
    assert.match(filtered.body.error, /another filter/);
  });

  it('a cursor signed with another secret is a 400', async () => {
    const elsewhere = await serve({ storage, authorize: () => ({}), secret: 'another server, another secret' });
    try {
      const res = await elsewhere.get(`/api/timeline?${qs({ client, cursor })}`);
      assert.equal(res.status, 400);
    } finally {
      await elsewhere.close();
    }
  });
});

/** A storage that counts every call, to show that nothing was read. */
function counting(inner: TimelineStorage): { storage: TimelineStorage; calls: string[] } {
  const calls: string[] = [];
  const storage = new Proxy(inner, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (calls.push(String(name)), value.apply(target, args));
    },
  });
  return { storage, calls };
}

describe(`handler on ${engineName}: authorize`, () => {
  it('is required', async () => {
    await assert.rejects(async () => serve({ storage } as never), /authorize/);
  });

  it('a refusal (or anything but a role) is a 403, and nothing is read', async () => {
    const client = newClient();
    await seedSmall(client);
    for (const answer of [null, undefined, false, true, 'yes', 1, []]) {
      const { storage: watched, calls } = counting(storage);
      const seen: string[] = [];
      const denied = await serve({ storage: watched, authorize: (request, id) => (seen.push(`${new URL(request.url).pathname} ${id}`), answer as never) });
      try {
        for (const path of [`/api/timeline?${qs({ client })}`, `/api/timeline/stream?${qs({ client })}`]) {
          const res = await denied.get(path);
          assert.equal(res.status, 403, `${String(answer)} ${path}`);
          assert.equal(res.body.events, undefined);
        }
        assert.deepEqual(calls, [], `nothing read after ${String(answer)}`);
        assert.deepEqual(seen, [`/api/timeline ${client}`, `/api/timeline/stream ${client}`]);
      } finally {
        await denied.close();
      }
    }
  });

  it('a throwing authorize is a 500 without details, and nothing is read', async () => {
    const { storage: watched, calls } = counting(storage);
    const errors: unknown[] = [];
    const broken = await serve({ storage: watched, authorize: () => Promise.reject(new Error('session store down')), onError: (e) => errors.push(e) });
    try {
      const res = await broken.get(`/api/timeline?${qs({ client: 'a' })}`);
      assert.equal(res.status, 500);
      assert.doesNotMatch(JSON.stringify(res.body), /session store/);
      assert.deepEqual(calls, []);
      assert.equal(errors.length, 1);
    } finally {
      await broken.close();
    }
  });

  it("the role's permissions are applied in SQL: pages, totals, counts, summaries", async () => {
    const client = newClient();
    await seedSmall(client);
    const role = await serve({ storage, authorize: () => ({ name: 'billing', permissions: { types: ['invoice', 'note'], internal: false } }) });
    try {
      const res = await role.get(`/api/timeline?${qs({ client })}`);
      assert.deepEqual(ids(res.body), ['e6', 'e3', 'e2']);
      assert.equal(res.body.total, 3);
      assert.deepEqual(res.body.counts, { invoice: 3, note: 0 });
      assert.deepEqual(Object.keys(res.body.summary), ['invoice']);
      const search = await role.get(`/api/timeline?${qs({ client, q: 'leido' })}`);
      assert.deepEqual(search.body.events, [], 'an internal note is not found by search either');
      const kinds = await serve({ storage, authorize: () => ({ permissions: { recordTypes: ['quote'] } }) });
      try {
        const body = (await kinds.get(`/api/timeline?${qs({ client })}`)).body;
        assert.deepEqual(ids(body), ['e5', 'e4', 'e1'], 'events about another kind of record are hidden; events about none stay');
        assert.equal(body.total, 3);
      } finally {
        await kinds.close();
      }
      // A cursor of one role does not page another role's view.
      const cursor = (await server.get(`/api/timeline?${qs({ client, limit: 1 })}`)).body.nextCursor;
      assert.equal((await role.get(`/api/timeline?${qs({ client, cursor })}`)).status, 400);
    } finally {
      await role.close();
    }
  });
});

type Message = { id: string; events: { id: string; title?: string }[] };

/**
 * Reads the `events` messages of a server-sent event stream. `until(id)` collects messages until one holds that
 * event: the stream may send changes heard close together in one message or in several, so a test waits for what it
 * expects, never for a count of messages. Each read gives up after `ms` with what came so far (a failure, not a hang).
 */
function eventReader(response: Response, ms = 10_000) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pending: Message[] = [];
  const seen: string[] = [];
  async function next(): Promise<Message> {
    for (;;) {
      const message = pending.shift();
      if (message) return message;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no events message within ${ms} ms; events so far: ${JSON.stringify(seen)}`)), ms);
      });
      const { done, value } = await Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
      if (done) throw new Error(`the stream ended; events so far: ${JSON.stringify(seen)}`);
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
        if (fields.event !== 'events') continue;
        const message: Message = { id: fields.id, events: JSON.parse(fields.data) };
        seen.push(...message.events.map((e) => e.id));
        pending.push(message);
      }
    }
  }
  return {
    /** The messages up to and including the first that holds event `id`. */
    async until(id: string): Promise<Message[]> {
      const messages: Message[] = [];
      do messages.push(await next());
      while (!messages[messages.length - 1].events.some((e) => e.id === id));
      return messages;
    },
    close: () => reader.cancel().catch(() => undefined),
  };
}

describe(`handler on ${engineName}: the event stream`, () => {
  it('sends what is written after it opened, from any writer, with the permissions of the role', async () => {
    const client = newClient();
    await seedSmall(client);
    const role = await serve({ storage, authorize: () => ({ permissions: { internal: false } }) });
    try {
      const aborter = new AbortController();
      const response = await fetch(`${role.base}/api/timeline/stream?${qs({ client })}`, { signal: aborter.signal });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
      const reader = eventReader(response);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await storage.append(client, [{ id: 'n1', type: 'note.added', occurredAt: at(0), title: 'Hidden', visibility: 'internal' }]);
      await storage.append(client, [{ id: 'n2', type: 'note.added', occurredAt: at(0), title: 'Visible' }]);
      const written = await reader.until('n2');
      assert.deepEqual(written.flatMap((m) => ids(m)), ['n2'], 'the internal note is not sent to a role that may not see it');
      // Another writer of the same database: plain SQL, the triggers notify.
      await storage.db.query(`update timeline_events set title = 'Edited' where client_id = $1 and id = 'e1'`, [client]);
      const edited = await reader.until('e1');
      assert.deepEqual(edited.flatMap((m) => ids(m)), ['e1']);
      assert.equal(edited[0].events[0].title, 'Edited');
      await reader.close();
      aborter.abort();
      // Resumes after the change it names (Last-Event-ID, as EventSource sends it when it reconnects).
      const resumed = eventReader(await fetch(`${role.base}/api/timeline/stream?${qs({ client })}`, { headers: { 'Last-Event-ID': written[written.length - 1].id } }));
      assert.deepEqual((await resumed.until('e1')).flatMap((m) => ids(m)), ['e1']);
      await resumed.close();
      assert.equal((await role.get(`/api/timeline/stream?${qs({ client })}`, { headers: { 'Last-Event-ID': 'DROP' } })).status, 400);
    } finally {
      await role.close();
    }
  });

  it('stops listening when the connection closes', async () => {
    const client = newClient();
    let listening = 0;
    const watched = Object.create(storage, {
      onChange: { value: (listener: (c: string) => void) => (listening++, ((stop) => () => (listening--, stop()))(storage.onChange(listener))) },
    });
    const s = await serve({ storage: watched, authorize: () => ({}) });
    try {
      const aborter = new AbortController();
      const response = await fetch(`${s.base}/api/timeline/stream?${qs({ client })}`, { signal: aborter.signal });
      await response.body!.getReader().read();
      assert.equal(listening, 1);
      aborter.abort();
      for (let i = 0; i < 50 && listening; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(listening, 0);
    } finally {
      await s.close();
    }
  });
});
