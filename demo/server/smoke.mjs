#!/usr/bin/env node
// @ts-check
/**
 * Smoke test of the mock backend over real HTTP (Node built-ins only).
 *
 *   node demo/server/smoke.mjs
 *
 * Starts http.createServer with the middleware on an ephemeral port on 127.0.0.1, makes real
 * requests, checks them with node:assert, prints "N passed, M failed" and exits non-zero on
 * any failure.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { createMockBackend, encodeCursor } from './mock-backend.mjs';
import { EVENT_TYPES, BIG_EVENT_COUNT, DEFAULT_SEED, buildDataset } from './seed-data.mjs';

const NOW = new Date('2026-11-13T15:00:00Z');
const DAY = 86_400_000;

/* ── tiny test harness ─────────────────────────────────────────────────────── */

/** @type {{ name: string, fn: () => Promise<void> | void }[]} */
const tests = [];
/** @param {string} name @param {() => Promise<void> | void} fn */
const test = (name, fn) => tests.push({ name, fn });

/* ── schema check (mirrors the Event shape of the wire format) ─────────────── */

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const EVENT_KEYS = new Set(['id', 'type', 'occurredAt', 'title', 'author', 'summary', 'status', 'tone', 'visibility', 'record', 'detail']);
const DETAIL_KEYS = new Set(['body', 'bodyFormat', 'subject', 'from', 'to', 'direction', 'durationSeconds', 'recordingUrl', 'amount', 'changes', 'attachments', 'location', 'startsAt', 'endsAt', 'dueAt', 'scheduledAt', 'url']);
const KNOWN_TYPES = new Set(EVENT_TYPES);

/** @param {any} e @returns {string[]} problems */
function validateEvent(e) {
  const p = [];
  const str = (/** @type {unknown} */ v) => typeof v === 'string';
  const optStr = (/** @type {unknown} */ v) => v === undefined || str(v);
  if (!e || typeof e !== 'object') return ['not an object'];
  for (const k of Object.keys(e)) if (!EVENT_KEYS.has(k)) p.push(`unknown key ${k}`);
  if (!str(e.id) || !e.id) p.push('id');
  if (!str(e.type) || !/^[a-z]+\.[a-z-]+$/.test(e.type) || !KNOWN_TYPES.has(e.type)) p.push(`type ${e.type}`);
  if (!str(e.occurredAt) || !ISO_WITH_OFFSET.test(e.occurredAt) || Number.isNaN(Date.parse(e.occurredAt))) p.push(`occurredAt ${e.occurredAt}`);
  if (!str(e.title) || !e.title) p.push('title');
  if (e.author !== undefined) {
    const a = e.author;
    if (!a || typeof a !== 'object' || !str(a.name) || !a.name || !optStr(a.id) || !optStr(a.avatarUrl)) p.push('author');
    else for (const k of Object.keys(a)) if (!['name', 'id', 'avatarUrl'].includes(k)) p.push(`author.${k}`);
  }
  if (!optStr(e.summary)) p.push('summary');
  if (!optStr(e.status)) p.push('status');
  if (e.tone !== undefined && !['failed', 'success', 'warning', 'neutral'].includes(e.tone)) p.push(`tone ${e.tone}`);
  if (e.visibility !== undefined && e.visibility !== 'internal') p.push(`visibility ${e.visibility}`);
  if (e.record !== undefined) {
    const r = e.record;
    if (!r || typeof r !== 'object' || !str(r.id) || !r.id || !optStr(r.type) || !optStr(r.label)) p.push('record');
    else for (const k of Object.keys(r)) if (!['id', 'type', 'label'].includes(k)) p.push(`record.${k}`);
  }
  const d = e.detail;
  if (d !== undefined) {
    if (!d || typeof d !== 'object') return [...p, 'detail'];
    for (const k of Object.keys(d)) if (!DETAIL_KEYS.has(k)) p.push(`detail.${k}`);
    for (const k of ['body', 'subject', 'from', 'recordingUrl', 'location', 'url']) if (!optStr(d[k])) p.push(`detail.${k}`);
    if (d.bodyFormat !== undefined && !['text', 'html'].includes(d.bodyFormat)) p.push('detail.bodyFormat');
    if (d.to !== undefined && (!Array.isArray(d.to) || !d.to.every(str))) p.push('detail.to');
    if (d.direction !== undefined && !['inbound', 'outbound'].includes(d.direction)) p.push('detail.direction');
    if (d.durationSeconds !== undefined && !(typeof d.durationSeconds === 'number' && d.durationSeconds >= 0)) p.push('detail.durationSeconds');
    if (d.amount !== undefined && !(typeof d.amount?.value === 'number' && Number.isFinite(d.amount.value) && /^[A-Z]{3}$/.test(d.amount.currency))) p.push('detail.amount');
    if (d.changes !== undefined) {
      const okVal = (/** @type {unknown} */ v) => v === undefined || v === null || typeof v === 'string' || typeof v === 'number';
      if (!Array.isArray(d.changes) || !d.changes.every((/** @type {any} */ c) => c && str(c.field) && okVal(c.from) && okVal(c.to))) p.push('detail.changes');
    }
    if (d.attachments !== undefined) {
      if (!Array.isArray(d.attachments) || !d.attachments.every((/** @type {any} */ a) => a && str(a.name) && optStr(a.url) && optStr(a.mimeType) && (a.size === undefined || typeof a.size === 'number'))) p.push('detail.attachments');
    }
    for (const k of ['startsAt', 'endsAt', 'dueAt', 'scheduledAt']) if (d[k] !== undefined && !(str(d[k]) && ISO_WITH_OFFSET.test(d[k]))) p.push(`detail.${k}`);
    if (d.startsAt && d.endsAt && Date.parse(d.endsAt) < Date.parse(d.startsAt)) p.push('detail.endsAt before startsAt');
  }
  return p;
}

/** Asserts timeline order: occurredAt (as an instant) desc, equal instants by id desc. @param {any[]} events */
function assertOrdered(events) {
  for (let i = 1; i < events.length; i++) {
    const a = Date.parse(events[i - 1].occurredAt);
    const b = Date.parse(events[i].occurredAt);
    assert.ok(a > b || (a === b && events[i - 1].id > events[i].id), `order broken at ${i}: ${events[i - 1].id} ${events[i - 1].occurredAt} / ${events[i].id} ${events[i].occurredAt}`);
  }
}

/** @param {Record<string, number>} counts */
const sum = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);
/** @param {string} type */
const cat = (type) => type.split('.')[0];
/** Events grouped by their record id. @param {any[]} events @returns {Map<string, any[]>} */
const byRecordId = (events) => {
  const groups = new Map();
  for (const e of events) groups.set(e.record.id, [...(groups.get(e.record.id) ?? []), e]);
  return groups;
};

/* ── server ────────────────────────────────────────────────────────────────── */

/**
 * @param {import('./mock-backend.mjs').MockBackendOptions} options
 */
async function start(options) {
  const backend = createMockBackend(options);
  let nextCalls = 0;
  const server = http.createServer((req, res) => {
    backend.handle(req, res, () => {
      nextCalls++;
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('passed to next()');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${addr.port}`;
  /**
   * @param {string} path @param {RequestInit} [init]
   * @returns {Promise<{ status: number, type: string, body: any, text: string, ms: number }>}
   */
  const request = async (path, init) => {
    const t0 = performance.now();
    const res = await fetch(origin + path, init);
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, type, text, body: type.startsWith('application/json') ? JSON.parse(text) : undefined, ms: performance.now() - t0 };
  };
  /** Pages through a timeline query to the end. @param {string} qs @param {number} [limit] */
  const pageAll = async (qs, limit = 50) => {
    const events = [];
    /** @type {Record<string, number> | undefined} */
    let counts;
    let cursor = null;
    let pages = 0;
    do {
      const r = await request(`/api/timeline?${qs}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(r.status, 200, r.text);
      assert.ok(r.body.events.length <= limit);
      if (r.body.nextCursor !== null) assert.equal(r.body.events.length, limit, 'a non-final page is full');
      if (counts) assert.deepEqual(r.body.counts, counts, 'counts are the same on every page');
      counts = r.body.counts;
      events.push(...r.body.events);
      cursor = r.body.nextCursor;
      pages++;
      assert.ok(pages < 10_000, 'paging terminates');
    } while (cursor);
    return { events, counts: /** @type {Record<string, number>} */ (counts), pages };
  };
  return { backend, server, request, pageAll, get nextCalls() { return nextCalls; } };
}

const main = await start({ now: NOW }); // the default seed, i.e. the data the demo shows
const flaky = await start({ now: NOW, failRate: 1 });
const { request, pageAll, backend } = main;

/** All events of the small clients, fetched once. @type {Record<string, any[]>} */
const all = {};

/* ── tests ─────────────────────────────────────────────────────────────────── */

test('GET /api/clients lists the six seeded clients with event counts', async () => {
  const r = await request('/api/clients');
  assert.equal(r.status, 200);
  assert.match(r.type, /^application\/json/);
  const byId = Object.fromEntries(r.body.clients.map((/** @type {any} */ c) => [c.id, c]));
  assert.deepEqual(Object.keys(byId), ['karina', 'twozo', 'octopus', 'lucia', 'big', 'empty']);
  assert.equal(byId.big.eventCount, BIG_EVENT_COUNT);
  assert.equal(byId.empty.eventCount, 0);
  assert.deepEqual(byId.karina, { id: 'karina', name: 'Karina Solís', company: 'Veterinaria Patitas', eventCount: byId.karina.eventCount });
  for (const c of r.body.clients) assert.ok(typeof c.name === 'string' && typeof c.company === 'string');
  assert.ok(byId.karina.eventCount >= 40 && byId.karina.eventCount <= 60, `karina ≈ 43 events, got ${byId.karina.eventCount}`);
  assert.ok(Math.abs(byId.twozo.eventCount - 150) <= 20, `twozo ≈ 150, got ${byId.twozo.eventCount}`);
  assert.ok(Math.abs(byId.octopus.eventCount - 300) <= 40, `octopus ≈ 300, got ${byId.octopus.eventCount}`);
  assert.ok(Math.abs(byId.lucia.eventCount - 120) <= 30, `lucia ≈ 120, got ${byId.lucia.eventCount}`);
});

test('paging a small client (karina, limit 7) reaches the end with every event exactly once, in order', async () => {
  const clients = (await request('/api/clients')).body.clients;
  for (const { id, eventCount } of clients.filter((/** @type {any} */ c) => c.id !== 'big')) {
    const { events, counts, pages } = await pageAll(`client=${id}`, id === 'karina' ? 7 : 50);
    assert.equal(events.length, eventCount, `${id}: all events`);
    assert.equal(new Set(events.map((e) => e.id)).size, eventCount, `${id}: unique ids`);
    assert.equal(sum(counts), eventCount, `${id}: counts add up`);
    if (id === 'karina') assert.equal(pages, Math.ceil(eventCount / 7));
    assertOrdered(events);
    all[id] = events;
  }
});

test('every seeded event validates against the Event shape and is not in the future', () => {
  for (const [id, events] of Object.entries(all)) {
    for (const e of events) {
      assert.deepEqual(validateEvent(e), [], `${id}/${e.id}: ${JSON.stringify(e)}`);
      assert.ok(Date.parse(e.occurredAt) <= NOW.getTime(), `${id}/${e.id} is in the future`);
    }
  }
});

test("karina tells the Pilot help-page story relative to now (-06:00)", () => {
  const ev = all.karina;
  /** Local calendar-day difference between now and an event, in Costa Rica time. @param {string} iso */
  const daysAgo = (iso) => Math.round((Date.parse(NOW.toISOString().slice(0, 10)) - Date.parse(iso.slice(0, 10))) / DAY);
  assert.ok(ev.every((e) => e.occurredAt.endsWith('-06:00')));
  const quote = ev.find((e) => e.title === 'Email sent: Pro Plan quote');
  assert.ok(quote, 'the quote email exists');
  assert.equal(quote.type, 'email.sent');
  assert.equal(daysAgo(quote.occurredAt), 10);
  assert.deepEqual(quote.detail.amount, { value: 480000, currency: 'CRC' });
  assert.match(quote.detail.body, /₡480,000/);
  const note = ev.find((e) => e.type === 'note.added' && /think it over with her accountant/.test(e.summary));
  assert.ok(note && note.author.name === 'Diego Mora' && daysAgo(note.occurredAt) === 7);
  const opened = ev.find((e) => e.type === 'email.opened' && /Pro Plan quote/.test(e.title));
  assert.ok(opened && daysAgo(opened.occurredAt) === 2);
  assert.equal(ev[0].id, opened.id, 'the opened email is the newest event');
  const failed = ev.filter((e) => e.type === 'call.failed');
  assert.ok(failed.length >= 1 && failed.every((e) => e.tone === 'failed'));
  assert.ok(ev.some((e) => e.type === 'proposal.stage-changed' && e.title === 'Proposal moved to Closed won' && e.tone === 'success'));
  assert.ok(Date.parse(ev[ev.length - 1].occurredAt) > NOW.getTime() - 366 * DAY, 'spread over the past year');
  assert.ok(ev.filter((e) => Date.parse(e.occurredAt) < Date.parse(quote.occurredAt)).length >= 40, '~40 older events');
});

test('the other small clients carry their domain (HTML mail, recordings, invoice tones, Spanish, currencies)', () => {
  const tw = all.twozo;
  assert.ok(tw.filter((e) => e.detail?.bodyFormat === 'html').length >= 5, 'twozo has HTML bodies');
  assert.ok(tw.some((e) => e.type === 'call.recording' && e.detail.recordingUrl && e.detail.durationSeconds > 0));
  for (const t of ['contact.created', 'contact.name-changed', 'contact.lifecycle-changed', 'contact.merged', 'deal.associated', 'deal.value-updated', 'deal.closing-date-changed', 'form.submitted', 'email.received', 'email.sent', 'email.replied', 'email.draft', 'email.scheduled', 'call.logged', 'call.failed', 'meeting.scheduled', 'note.added', 'file.uploaded']) {
    assert.ok(tw.some((e) => e.type === t), `twozo has ${t}`);
  }
  assert.ok(tw.some((e) => e.detail?.amount?.currency === 'USD'));
  const oc = all.octopus;
  // Tones are true to the event: issuing an invoice or creating a quote or booking is neutral whatever its status
  // became; the invoice's own overdue and payment events carry failed and success.
  for (const e of oc.filter((x) => ['invoice.issued', 'quote.created', 'booking.created'].includes(x.type))) {
    assert.ok(e.tone === undefined || e.tone === 'neutral', `${e.id} ${e.type} is ${e.tone}`);
  }
  assert.ok(oc.filter((e) => e.type === 'invoice.overdue').every((e) => e.tone === 'failed'));
  assert.ok(oc.filter((e) => e.type === 'invoice.paid' || e.type === 'payment.received').every((e) => e.tone === 'success'));
  for (const s of ['Closed', 'Overdue', 'Credited']) assert.ok(oc.some((e) => e.type === 'invoice.issued' && e.status === s), `an invoice is ${s}`);
  for (const t of ['inquiry.received', 'quote.created', 'quote.accepted', 'booking.created', 'invoice.issued', 'invoice.overdue', 'invoice.paid', 'payment.received', 'attachment.added', 'contact.field-edited']) {
    assert.ok(oc.some((e) => e.type === t), `octopus has ${t}`);
  }
  assert.ok(oc.filter((e) => e.detail?.amount).every((e) => e.detail.amount.currency === 'AUD'));
  const lu = all.lucia;
  for (const t of ['contact.created', 'customer.assigned', 'customer.unassigned', 'list.added', 'chatbot.activated', 'chatbot.deactivated', 'negotiation.created', 'negotiation.stage-updated', 'order.note-added', 'message.scheduled', 'sale.created', 'chat.status-changed', 'chat.marked-unread']) {
    assert.ok(lu.some((e) => e.type === t), `lucia has ${t}`);
  }
  assert.ok(lu.some((e) => /Venta creada/.test(e.title) && e.detail.amount.currency === 'MXN'));
});

test('types filter: category and exact type entries; counts ignore types', async () => {
  const base = await request('/api/timeline?client=twozo&limit=200');
  const emails = await pageAll('client=twozo&types=email', 20);
  assert.ok(emails.events.length > 0 && emails.events.every((e) => cat(e.type) === 'email'));
  assert.equal(emails.events.length, base.body.counts.email);
  assert.deepEqual(emails.counts, base.body.counts, 'counts do not depend on types');
  const mixed = await pageAll('client=twozo&types=call.failed,note', 20);
  assert.ok(mixed.events.every((e) => e.type === 'call.failed' || cat(e.type) === 'note'));
  assert.equal(mixed.events.length, all.twozo.filter((e) => e.type === 'call.failed' || cat(e.type) === 'note').length);
  assert.ok(mixed.events.filter((e) => e.type === 'call.failed').every((e) => e.tone === 'failed'));
  const repeated = await request('/api/timeline?client=twozo&limit=200&types=call.failed&types=note');
  assert.deepEqual(repeated.body.events.map((/** @type {any} */ e) => e.id), mixed.events.map((e) => e.id), 'repeated params = comma list');
  const none = await request('/api/timeline?client=twozo&types=no-such-type');
  assert.deepEqual(none.body.events, []);
  assert.equal(none.body.nextCursor, null);
});

test('q search: case-insensitive, over title/summary/author/subject/body, HTML reduced to text', async () => {
  const r = await request('/api/timeline?client=karina&q=ACCOUNTANT');
  assert.equal(r.status, 200);
  assert.ok(r.body.events.some((/** @type {any} */ e) => e.author?.name === 'Diego Mora' && e.type === 'note.added'));
  assert.ok(r.body.events.every((/** @type {any} */ e) => JSON.stringify(e).toLowerCase().includes('accountant')));
  assert.equal(sum(r.body.counts), r.body.events.length, 'counts follow q');
  const byAuthorName = await request('/api/timeline?client=karina&limit=200&q=diego%20mora');
  assert.ok(byAuthorName.body.events.length >= all.karina.filter((e) => e.author?.name === 'Diego Mora').length);
  // HTML: "Thanks Priya — <b>noted</b>" matches across the tag; attribute names never match.
  const html = await request(`/api/timeline?client=twozo&limit=200&q=${encodeURIComponent('priya — noted. i will')}`);
  assert.ok(html.body.events.length > 0 && html.body.events.every((/** @type {any} */ e) => e.detail?.bodyFormat === 'html'));
  const attr = await request('/api/timeline?client=twozo&limit=200&q=href');
  assert.equal(attr.body.events.length, 0, 'tags and attributes are not searchable');
  const spanish = await request(`/api/timeline?client=lucia&limit=200&q=${encodeURIComponent('venta creada')}`);
  assert.ok(spanish.body.events.length > 0 && spanish.body.events.every((/** @type {any} */ e) => e.type === 'sale.created'));
  // Accents and case are ignored in every locale: "lucia" finds "Lucía", "CLIENTE CREADO: LUCIA" the contact.
  const plain = await request('/api/timeline?client=lucia&limit=200&q=lucia%20fernandez');
  assert.ok(plain.body.events.some((/** @type {any} */ e) => e.title === 'Cliente creado: Lucía Fernández'), 'accent-free search finds accented text');
  const accented = await request(`/api/timeline?client=karina&limit=200&q=${encodeURIComponent('PABLO JIMÉNEZ')}`);
  const unaccented = await request('/api/timeline?client=karina&limit=200&q=pablo%20jimenez');
  assert.ok(accented.body.events.length > 0);
  assert.deepEqual(accented.body.events.map((/** @type {any} */ e) => e.id), unaccented.body.events.map((/** @type {any} */ e) => e.id));
  // q and types together: counts reflect q only.
  const both = await request('/api/timeline?client=twozo&limit=200&q=priya&types=call');
  const qOnly = await request('/api/timeline?client=twozo&limit=200&q=priya');
  assert.deepEqual(both.body.counts, qOnly.body.counts);
  assert.equal(both.body.events.length, qOnly.body.counts.call);
});

test('the first page carries the status summary: a record once, by its latest status, with totals per currency', async () => {
  const events = all.octopus ?? (await pageAll('client=octopus', 100)).events;
  /** @type {Map<string, any>} */
  const latest = new Map();
  for (const e of events) {
    const kind = e.record?.type || e.type.split('.')[0];
    const id = `${kind} ${e.record?.id ?? `event:${e.id}`}`;
    // The newest event of the record that has a status gives it (a booking's later photos have none).
    if (!latest.has(id) && typeof e.status === 'string' && e.status.trim()) latest.set(id, { kind, status: e.status.trim() });
  }
  /** @type {Record<string, Record<string, number>>} */
  const expected = {};
  for (const entry of latest.values()) if (entry) (expected[entry.kind] ??= {})[entry.status] = (expected[entry.kind][entry.status] ?? 0) + 1;
  const first = (await request('/api/timeline?client=octopus&limit=10')).body;
  const counts = Object.fromEntries(Object.entries(first.summary).map(([kind, statuses]) => [kind, Object.fromEntries(Object.entries(/** @type {any} */ (statuses)).map(([s, v]) => [s, v.count]))]));
  assert.deepEqual(counts, expected);
  assert.ok(first.summary.invoice && Object.values(first.summary.invoice).some((/** @type {any} */ v) => Object.keys(v.totals).length), 'invoice totals');
  const second = (await request(`/api/timeline?client=octopus&limit=10&cursor=${encodeURIComponent(first.nextCursor)}`)).body;
  assert.equal(second.summary, undefined, 'only the first page');
  // statuses= and recordTypes= narrow the events, not the summary.
  const overdue = (await request('/api/timeline?client=octopus&limit=200&statuses=overdue&recordTypes=invoice')).body;
  assert.ok(overdue.events.length > 0 && overdue.events.every((/** @type {any} */ e) => e.status === 'Overdue' && (e.record?.type || e.type.split('.')[0]) === 'invoice'));
  assert.deepEqual(overdue.summary, first.summary);
});

test('octopus: a quote created, sent and accepted is one record, counted once as Accepted', async () => {
  const oc = all.octopus;
  const accepted = oc.filter((e) => e.type === 'quote.accepted');
  assert.ok(accepted.length >= 3, 'some quotes were accepted');
  for (const a of accepted) {
    assert.equal(a.record?.type, 'quote');
    const story = oc.filter((e) => e.record?.id === a.record.id);
    for (const t of ['quote.created', 'email.sent', 'quote.accepted']) assert.ok(story.some((e) => e.type === t), `${a.record.id} has ${t}`);
    assert.equal(story[0].type, 'quote.accepted', `${a.record.id}: accepted last`);
    assert.equal(a.record.label, `Quote ${a.record.id}`);
    assert.match(a.title, new RegExp(a.record.id));
  }
  for (const [type, kind] of [['inquiry.received', 'inquiry'], ['booking.created', 'booking'], ['invoice.issued', 'invoice'], ['invoice.paid', 'invoice'], ['payment.received', 'invoice']]) {
    assert.ok(oc.filter((e) => e.type === type).every((e) => e.record?.type === kind && /^[A-Z]{3}-\d+$/.test(e.record.id)), `${type} is about a ${kind}`);
  }
  assert.ok(oc.some((e) => e.visibility === 'internal' && e.record?.type === 'booking'), 'a technician’s internal note on a booking');
  const { summary } = (await request('/api/timeline?client=octopus&limit=10')).body;
  const quotes = new Set(oc.filter((e) => e.record?.type === 'quote').map((e) => e.record.id));
  const counted = Object.values(/** @type {Record<string, { count: number }>} */ (summary.quote)).reduce((n, v) => n + v.count, 0);
  assert.equal(counted, quotes.size, 'each quote once');
  assert.equal(summary.quote.Accepted.count, accepted.length, 'every accepted quote counts as Accepted, once');
  assert.ok(!summary.email, 'the quote emails are not a record kind of their own');
});

test("karina: a proposal's story (sent, the emails about it, lost) shares one record id", () => {
  const ev = all.karina;
  const byRecord = byRecordId(ev.filter((e) => e.record?.type === 'proposal'));
  assert.ok([...byRecord.values()].some((story) => story.length >= 3), 'a proposal with 3 or more events');
  const lost = ev.find((e) => e.status === 'Closed lost');
  assert.ok(lost?.record, 'the lost proposal is a record');
  const story = byRecord.get(lost.record.id) ?? [];
  assert.ok(story.length >= 3 && story[story.length - 1].type === 'proposal.sent' && story[0].id === lost.id, 'sent → … → lost');
  const quote = ev.find((e) => e.title === 'Email sent: Pro Plan quote');
  assert.equal(quote.record?.id, ev.find((e) => e.title === 'Proposal sent: Pro Plan (annual)')?.record?.id, 'the quote email and its proposal share a record');
  for (const done of ev.filter((e) => e.type === 'task.completed')) {
    assert.ok(ev.some((e) => e.type === 'task.created' && e.record?.id === done.record?.id), `${done.title}: created and completed share a record`);
  }
});

/**
 * Open work as src/data/todo.ts decides it: the newest event of a record decides; a task is open unless done by
 * status or type; a scheduled email counts while it is still ahead.
 * @param {any[]} events newest first @param {number} now
 */
function openWork(events, now) {
  const DONE = /^(completed?|done|closed|cancell?ed|canceled|sent|delivered|paid|accepted|declined|lost|won|converted|expired|held|attended|finished|resolved|skipped|no[- ]show)$/i;
  const DONE_TYPE = /\.(completed|done|cancell?ed|canceled|sent|held|deleted|closed|resolved)$/;
  const seen = new Set();
  const open = [];
  for (const e of events) {
    const key = e.record?.id ? `${e.record.type ?? ''} ${e.record.id}` : `event:${e.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (DONE_TYPE.test(e.type) || (e.status && DONE.test(e.status.trim()))) continue;
    const due = e.detail?.dueAt ? Date.parse(e.detail.dueAt) : null;
    const scheduled = e.detail?.scheduledAt ? Date.parse(e.detail.scheduledAt) : null;
    if (cat(e.type) === 'task') open.push({ e, verb: 'due', overdue: due !== null && due < now });
    else if (scheduled !== null && scheduled >= now) open.push({ e, verb: 'sends', overdue: false });
  }
  return open;
}

test('twozo: open and completed work (an overdue task, tasks ahead, a task done later, a scheduled email)', () => {
  const tw = all.twozo;
  const open = openWork(tw, NOW.getTime());
  assert.ok(open.some((o) => o.verb === 'due' && o.overdue), 'an overdue open task');
  assert.ok(open.some((o) => o.verb === 'due' && !o.overdue && Date.parse(o.e.detail.dueAt) > NOW.getTime()), 'an open task ahead');
  assert.ok(open.some((o) => o.verb === 'sends' && o.e.type === 'email.scheduled'), 'a scheduled email ahead');
  const completed = tw.filter((e) => e.type === 'task.completed');
  assert.ok(completed.length >= 1 && completed.every((c) => tw.some((e) => e.type === 'task.created' && e.record?.id === c.record?.id && e.detail?.dueAt)), 'completed tasks share their created event’s record');
  assert.ok(!open.some((o) => completed.some((c) => c.record.id === o.e.record?.id)), 'a completed task is not open');
  const threads = byRecordId(tw.filter((e) => e.record?.type === 'email'));
  assert.ok([...threads.values()].some((t) => t.some((e) => e.type === 'email.received') && t.some((e) => e.type === 'email.replied')), 'a reply thread');
  // Other seeds and nows keep an overdue task and a scheduled email ahead.
  for (const seed of [1, 2, 3]) {
    const now = Date.parse('2027-01-01T00:00:00Z');
    const s = /** @type {import('./seed-data.mjs').ClientStore} */ (buildDataset({ seed, now }).clients.get('twozo'));
    const w = openWork(Array.from({ length: s.size }, (_, i) => s.at(i)), now);
    assert.ok(w.some((o) => o.overdue) && w.some((o) => o.verb === 'sends'), `seed ${seed}`);
  }
});

test('authors, since and until filters (inclusive bounds, compared as instants)', async () => {
  const diego = await pageAll('client=karina&authors=Diego%20Mora', 10);
  assert.ok(diego.events.length > 0 && diego.events.every((e) => e.author.name === 'Diego Mora'));
  assert.equal(diego.events.length, all.karina.filter((e) => e.author?.name === 'Diego Mora').length);
  const two = await pageAll(`client=karina&authors=${encodeURIComponent('Diego Mora,Karina Solís')}`, 10);
  assert.ok(two.events.every((e) => ['Diego Mora', 'Karina Solís'].includes(e.author.name)));
  const quote = all.karina.find((e) => e.title === 'Email sent: Pro Plan quote');
  const exact = await request(`/api/timeline?client=karina&since=${encodeURIComponent(quote.occurredAt)}&until=${encodeURIComponent(quote.occurredAt)}`);
  assert.ok(exact.body.events.some((/** @type {any} */ e) => e.id === quote.id), 'bounds are inclusive');
  assert.ok(exact.body.events.every((/** @type {any} */ e) => Date.parse(e.occurredAt) === Date.parse(quote.occurredAt)));
  assert.equal(exact.body.events.length, 2, 'the quote email and its proposal share one instant');
  assertOrdered(exact.body.events);
  // The same instant written in UTC selects the same events.
  const utc = new Date(Date.parse(quote.occurredAt)).toISOString();
  const exactUtc = await request(`/api/timeline?client=karina&since=${encodeURIComponent(utc)}&until=${encodeURIComponent(utc)}`);
  assert.deepEqual(exactUtc.body.events, exact.body.events);
  const lastMonth = await pageAll(`client=octopus&since=${new Date(NOW.getTime() - 30 * DAY).toISOString()}`, 20);
  assert.equal(lastMonth.events.length, all.octopus.filter((e) => Date.parse(e.occurredAt) >= NOW.getTime() - 30 * DAY).length);
  assert.equal(sum(lastMonth.counts), lastMonth.events.length);
});

test('bad requests: missing client → 400, bad limit/cursor/date → 400, limit clamps at 200', async () => {
  for (const path of ['/api/timeline', '/api/timeline?limit=5', '/api/timeline?client=karina&limit=0', '/api/timeline?client=karina&limit=abc', '/api/timeline?client=karina&cursor=%%%', '/api/timeline?client=karina&cursor=bm9wZQ', '/api/timeline?client=karina&since=yesterday']) {
    const r = await request(path);
    assert.equal(r.status, 400, path);
    assert.match(r.type, /^application\/json/);
    assert.equal(typeof r.body.error, 'string', path);
  }
  const clamp = await request('/api/timeline?client=big&limit=5000');
  assert.equal(clamp.body.events.length, 200);
  const dflt = await request('/api/timeline?client=octopus');
  assert.equal(dflt.body.events.length, 50, 'default limit 50');
});

test('unknown and empty clients: 200 with an empty timeline', async () => {
  for (const id of ['empty', 'nobody-here']) {
    const r = await request(`/api/timeline?client=${id}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { events: [], nextCursor: null, counts: {}, total: 0, position: 0 });
  }
});

test('seek: before= and at= land where paging lands, with total and position; a bad at is a 400', async () => {
  const paged = await request('/api/timeline?client=big&limit=200');
  const next = await request(`/api/timeline?client=big&limit=200&cursor=${encodeURIComponent(paged.body.nextCursor)}`);
  const target = next.body.events[50];
  const byDate = await request(`/api/timeline?client=big&limit=5&before=${encodeURIComponent(target.occurredAt)}`);
  assert.equal(byDate.body.events[0].id, target.id);
  assert.equal(byDate.body.position, 250);
  assert.equal(byDate.body.total, 100_000);
  const byPosition = await request('/api/timeline?client=big&limit=5&at=250');
  assert.equal(byPosition.body.events[0].id, target.id);
  assert.equal(byPosition.body.position, 250);
  const end = await request('/api/timeline?client=big&limit=50&at=99950');
  assert.equal(end.body.events.length, 50);
  assert.equal(end.body.nextCursor, null);
  assert.equal((await request('/api/timeline?client=big&at=-3')).status, 400);
});

test('big client: first page, a page deep inside (cursor), and the end', async () => {
  const first = await request('/api/timeline?client=big&limit=200');
  assert.equal(first.status, 200);
  assert.equal(first.body.events.length, 200);
  assert.equal(first.body.events[0].id, 'globex-100000');
  assert.equal(sum(first.body.counts), BIG_EVENT_COUNT);
  assert.ok(typeof first.body.nextCursor === 'string');
  assertOrdered(first.body.events);
  for (const e of first.body.events) assert.deepEqual(validateEvent(e), [], e.id);
  const second = await request(`/api/timeline?client=big&limit=200&cursor=${first.body.nextCursor}`);
  assert.equal(second.body.events[0].id, 'globex-099800');
  // Deep: build the cursor of event #90,000 (index 89,999) as the server would.
  const store = /** @type {import('./seed-data.mjs').ClientStore} */ (backend.dataset.clients.get('big'));
  const deep = await request(`/api/timeline?client=big&limit=200&cursor=${encodeCursor(store.timeAt(89_999), store.idAt(89_999))}`);
  assert.equal(deep.status, 200);
  assert.equal(deep.body.events[0].id, 'globex-010000');
  assert.equal(deep.body.events.length, 200);
  assert.ok(deep.ms < 250, `deep page took ${deep.ms.toFixed(1)} ms`);
  const last = await request(`/api/timeline?client=big&limit=200&cursor=${encodeCursor(store.timeAt(99_899), store.idAt(99_899))}`);
  assert.equal(last.body.events.length, 100);
  assert.equal(last.body.events.at(-1).id, 'globex-000001');
  assert.equal(last.body.nextCursor, null);
  assert.ok(Date.parse(last.body.events.at(-1).occurredAt) < NOW.getTime() - 7.5 * 365 * DAY, 'spans ~8 years');
  const types = new Set(first.body.events.map((/** @type {any} */ e) => e.type));
  assert.ok(types.size >= 15, `mixed types on one page (${types.size})`);
});

test('big client: walking all 100,000 events in pages of 200 is complete and ordered', async () => {
  const t0 = performance.now();
  const { events, pages } = await pageAll('client=big', 200);
  assert.equal(pages, 500);
  assert.equal(events.length, BIG_EVENT_COUNT);
  for (let i = 0; i < events.length; i++) {
    assert.equal(events[i].id, `globex-${String(BIG_EVENT_COUNT - i).padStart(6, '0')}`);
  }
  assertOrdered(events);
  const seen = new Set(events.map((e) => e.type));
  assert.deepEqual([...EVENT_TYPES].filter((t) => !seen.has(t)), [], 'every type appears in the big client');
  console.log(`    (500 pages in ${(performance.now() - t0).toFixed(0)} ms)`);
});

test('big client: filtered paging (types=invoice, then q) matches the counts', async () => {
  const inv = await pageAll('client=big&types=invoice', 200);
  assert.equal(inv.events.length, inv.counts.invoice);
  assert.ok(inv.events.every((e) => cat(e.type) === 'invoice'));
  const t0 = performance.now();
  const q = await request('/api/timeline?client=big&limit=200&q=springfield');
  assert.equal(q.status, 200);
  const q2 = await pageAll('client=big&q=springfield&types=email', 200);
  assert.equal(q2.events.length, q.body.counts.email);
  assert.ok(q2.events.every((e) => JSON.stringify(e).toLowerCase().includes('springfield')));
  console.log(`    (first search of 100k: ${q.ms.toFixed(0)} ms, all pages: ${(performance.now() - t0).toFixed(0)} ms)`);
});

test('failure injection: failRate 1 → 503 JSON; fail=1 / fail=0 per request', async () => {
  const r = await flaky.request('/api/timeline?client=karina');
  assert.equal(r.status, 503);
  assert.match(r.type, /^application\/json/);
  assert.deepEqual(r.body, { error: 'Injected failure' });
  assert.equal((await flaky.request('/api/clients')).status, 503);
  assert.equal((await flaky.request('/api/timeline?client=karina&fail=0')).status, 200, 'fail=0 overrides');
  assert.equal((await flaky.request('/api/mock-config')).status, 200, 'mock-config never fails');
  const forced = await request('/api/timeline?client=karina&fail=1');
  assert.equal(forced.status, 503);
  assert.deepEqual(forced.body, { error: 'Injected failure' });
});

test('mock-config: GET, POST updates latency/failRate, invalid body → 400', async () => {
  assert.deepEqual((await request('/api/mock-config')).body, { latencyMs: 0, failRate: 0 });
  const post = (/** @type {unknown} */ body) => request('/api/mock-config', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  assert.deepEqual((await post({ latencyMs: 120 })).body, { latencyMs: 120, failRate: 0 });
  const slow = await request('/api/timeline?client=karina&limit=1');
  assert.ok(slow.ms >= 110, `latency applied (${slow.ms.toFixed(0)} ms)`);
  assert.deepEqual((await post({ latencyMs: 0, failRate: 1 })).body, { latencyMs: 0, failRate: 1 });
  assert.equal((await request('/api/timeline?client=karina')).status, 503);
  assert.equal((await post({ failRate: 2 })).status, 400);
  assert.equal((await request('/api/mock-config', { method: 'POST', body: '{nope' })).status, 400);
  assert.deepEqual((await post({ failRate: 0 })).body, { latencyMs: 0, failRate: 0 });
  assert.equal(backend.config.failRate, 0);
});

test('latency: per-request latency=; an aborted slow request does not crash the server', async () => {
  const slow = await request('/api/timeline?client=karina&limit=1&latency=150');
  assert.equal(slow.status, 200);
  assert.ok(slow.ms >= 140, `took ${slow.ms.toFixed(0)} ms`);
  const before = backend.stats.aborted;
  const ac = new AbortController();
  const pending = request('/api/timeline?client=karina&latency=300', { signal: ac.signal }).then(
    () => assert.fail('should have been aborted'),
    (/** @type {Error} */ err) => assert.equal(err.name, 'AbortError'),
  );
  setTimeout(() => ac.abort(), 50);
  await pending;
  await new Promise((r) => setTimeout(r, 350));
  assert.equal(backend.stats.aborted, before + 1, 'server noticed the abort');
  assert.equal((await request('/api/timeline?client=karina&limit=1')).status, 200, 'server still answers');
});

test('test-only endpoints: not-json, status/<code>; other paths go to next()', async () => {
  const nj = await request('/api/not-json');
  assert.equal(nj.status, 200);
  assert.match(nj.type, /^text\/html/);
  assert.equal(nj.text, '<html>oops</html>');
  for (const code of [400, 401, 404, 429, 500, 502, 503]) {
    const r = await request(`/api/status/${code}`);
    assert.equal(r.status, code);
    assert.match(r.type, /^application\/json/);
    assert.equal(typeof r.body.error, 'string');
  }
  const before = main.nextCalls;
  const other = await request('/index.html');
  assert.equal(other.text, 'passed to next()');
  assert.equal(main.nextCalls, before + 1);
  assert.equal((await request('/api/no-such-endpoint')).status, 404);
});

test('media referenced by events is served (avatar, recording, attachment)', async () => {
  const withAvatar = all.karina.find((e) => e.author?.avatarUrl);
  const av = await request(withAvatar.author.avatarUrl);
  assert.equal(av.status, 200);
  assert.match(av.type, /^image\/svg\+xml/);
  const rec = all.twozo.find((e) => e.type === 'call.recording');
  const res = await fetch(`http://127.0.0.1:${/** @type {any} */ (main.server.address()).port}${rec.detail.recordingUrl}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'audio/wav');
  assert.equal(Buffer.from(await res.arrayBuffer()).subarray(0, 4).toString('ascii'), 'RIFF');
  const att = all.karina.find((e) => e.detail?.attachments)?.detail.attachments[0];
  assert.equal((await request(att.url)).status, 200);
});

test('deterministic: same seed and now → identical data; another seed → different', async () => {
  const again = await start({ now: NOW, seed: DEFAULT_SEED });
  const other = await start({ now: NOW, seed: 8 });
  try {
    for (const id of ['karina', 'twozo', 'octopus', 'lucia']) {
      const a = await again.pageAll(`client=${id}`, 200);
      assert.deepEqual(a.events, all[id], `${id} is reproducible`);
    }
    const bigA = (await again.request('/api/timeline?client=big&limit=200')).text;
    const bigB = (await main.request('/api/timeline?client=big&limit=200')).text;
    assert.equal(bigA, bigB);
    const o = await other.pageAll('client=twozo', 200);
    assert.notDeepEqual(o.events, all.twozo);
    const karinaOther = (await other.pageAll('client=karina', 200)).events;
    assert.ok(karinaOther.some((e) => e.title === 'Email sent: Pro Plan quote'), 'the story does not depend on the seed');
  } finally {
    again.server.close();
    other.server.close();
  }
});

test('the data stays valid for other seeds and other "now"s (midnight, year end, leap day)', () => {
  const nows = ['2026-11-13T06:30:00Z', '2027-01-01T00:00:00Z', '2028-02-29T23:59:59Z', '2031-07-04T12:00:00-06:00'].map((s) => Date.parse(s));
  for (let seed = 1; seed <= 12; seed++) {
    for (const now of nows) {
      const ds = buildDataset({ seed, now });
      for (const id of ['karina', 'twozo', 'octopus', 'lucia']) {
        const s = /** @type {import('./seed-data.mjs').ClientStore} */ (ds.clients.get(id));
        const ids = new Set();
        for (let i = 0; i < s.size; i++) {
          const e = s.at(i);
          assert.deepEqual(validateEvent(e), [], `seed ${seed} ${new Date(now).toISOString()} ${id}/${e.id}`);
          assert.ok(Date.parse(e.occurredAt) <= now, `future event ${id}/${e.id}`);
          assert.equal(Date.parse(e.occurredAt), s.timeAt(i));
          ids.add(e.id);
        }
        assert.equal(ids.size, s.size);
      }
      const big = /** @type {import('./seed-data.mjs').ClientStore} */ (ds.clients.get('big'));
      for (const i of [0, 1, 50_000, 99_999]) assert.deepEqual(validateEvent(big.at(i)), []);
      assert.ok(big.timeAt(0) <= now);
    }
  }
});

test('notes: POST {base}notes adds a note.added event, newest, in pages, counts and search; bad input → 400/404/405', async () => {
  // Its own server: the note is not part of the seeded data the other tests check.
  const notes = await start({});
  try {
    const post = (/** @type {string} */ client, /** @type {unknown} */ body) =>
      notes.request(`/api/notes?client=${client}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const before = await notes.request('/api/timeline?client=karina&limit=5');
    const created = await post('karina', { text: 'Called back about the Pro plan\nShe wants a quote by Friday', author: 'Ana Rojas' });
    assert.equal(created.status, 201, created.text);
    const note = created.body;
    assert.deepEqual(validateEvent(note), []);
    assert.equal(note.type, 'note.added');
    assert.equal(note.author.name, 'Ana Rojas');
    assert.equal(note.summary, 'Called back about the Pro plan');
    assert.equal(note.detail.body, 'Called back about the Pro plan\nShe wants a quote by Friday');
    const after = await notes.request('/api/timeline?client=karina&limit=5');
    const past = after.body.events.filter((/** @type {any} */ e) => Date.parse(e.occurredAt) <= Date.now());
    assert.equal(past[0].id, note.id, 'the newest past event');
    assertOrdered(after.body.events);
    assert.equal(after.body.counts.note, (before.body.counts.note ?? 0) + 1, 'counted');
    const second = await post('karina', { text: 'Quote sent' });
    assert.equal(second.status, 201);
    assert.equal(second.body.author.name, 'You');
    const all = await notes.pageAll('client=karina', 7);
    assertOrdered(all.events);
    assert.equal(new Set(all.events.map((e) => e.id)).size, all.events.length, 'no duplicates');
    assert.ok(all.events.some((e) => e.id === note.id) && all.events.some((e) => e.id === second.body.id), 'both notes paged');
    assert.ok(Date.parse(second.body.occurredAt) > Date.parse(note.occurredAt), 'the later note is newer');
    const found = await notes.request('/api/timeline?client=karina&q=pro%20plan&types=note');
    assert.ok(found.body.events.some((/** @type {any} */ e) => e.id === note.id), 'searchable');
    for (const bad of [{}, { text: '' }, { text: '   ' }, { text: 42 }, { text: 'x'.repeat(10_001) }, { text: 'ok', author: '' }, []]) {
      assert.equal((await post('karina', bad)).status, 400, JSON.stringify(bad).slice(0, 40));
    }
    assert.equal((await notes.request('/api/notes?client=karina', { method: 'POST', body: '{nope' })).status, 400);
    assert.equal((await post('nobody', { text: 'hi' })).status, 404);
    assert.equal((await notes.request('/api/notes?client=karina')).status, 405);
  } finally {
    notes.server.close();
    notes.server.closeAllConnections();
  }
});

/* ── run ───────────────────────────────────────────────────────────────────── */

let passed = 0;
let failed = 0;
for (const { name, fn } of tests) {
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (err) {
    failed++;
    console.log(`  ✗ ${name}\n    ${String(/** @type {Error} */ (err)?.stack ?? err).split('\n').slice(0, 6).join('\n    ')}`);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
for (const s of [main, flaky]) {
  s.server.close();
  s.server.closeAllConnections();
}
process.exitCode = failed ? 1 : 0;
