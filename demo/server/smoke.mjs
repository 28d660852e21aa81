#!/usr/bin/env node
// @ts-check
/**
 * Smoke test of the demo's backend (`backend.ts`) over real HTTP: the reference handler on an in-memory PGlite,
 * seeded with the small clients of `seed-data.mjs` at a fixed now (no Globex, no generated client), behind the
 * demo's gate, media and fault endpoints (`faults.mjs`).
 *
 *   node demo/server/smoke.mjs
 *
 * Starts http.createServer with the backend's middleware on an ephemeral port on 127.0.0.1, makes real requests,
 * checks them with node:assert, prints "N passed, M failed" and exits non-zero on any failure. The handler's own
 * paging, filters, search and cursors are the server suite's (`npm run test:server`); here, that the demo serves
 * its seeded data whole, and what only the demo adds.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { tsImport } from 'tsx/esm/api';
import { EVENT_TYPES, DEFAULT_SEED, buildDataset } from './seed-data.mjs';

/** @type {typeof import('./backend.ts')} */
const { createDemoBackend } = await tsImport('./backend.ts', import.meta.url);

const NOW = new Date('2026-11-13T15:00:00Z');
const DAY = 86_400_000;
const started = performance.now();

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

/** @param {string} type */
const cat = (type) => type.split('.')[0];
/** Events grouped by their record id. @param {any[]} events @returns {Map<string, any[]>} */
const byRecordId = (events) => {
  const groups = new Map();
  for (const e of events) groups.set(e.record.id, [...(groups.get(e.record.id) ?? []), e]);
  return groups;
};

/* ── server ────────────────────────────────────────────────────────────────── */

const backend = await createDemoBackend({ dataDir: 'memory', largeCount: 0, big: false, latencyMs: 0, now: NOW, log: () => {} });
/** What was seeded: the same dataset, built here. */
const dataset = buildDataset({ now: NOW });
const SEEDED = ['karina', 'twozo', 'octopus', 'lucia', 'empty'];
let nextCalls = 0;
const server = http.createServer((req, res) => {
  backend.handle(req, res, () => {
    nextCalls++;
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('passed to next()');
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;

/**
 * @param {string} path @param {RequestInit} [init]
 * @returns {Promise<{ status: number, type: string, headers: Headers, body: any, text: string, ms: number }>}
 */
const request = async (path, init) => {
  const t0 = performance.now();
  const res = await fetch(origin + path, init);
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, headers: res.headers, text, body: type.startsWith('application/json') ? JSON.parse(text) : undefined, ms: performance.now() - t0 };
};
/** @param {string} path @param {unknown} body */
const post = (path, body) => request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
/** @param {{ latencyMs?: number, failRate?: number }} config */
const configure = (config) => post('/api/mock-config', config);

/** Pages through a client to the end. @param {string} client @param {number} limit */
const pageAll = async (client, limit) => {
  const events = [];
  /** @type {any} */
  let first;
  let cursor = null;
  let pages = 0;
  do {
    const r = await request(`/api/timeline?client=${client}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(r.status, 200, r.text);
    if (r.body.nextCursor !== null) assert.equal(r.body.events.length, limit, 'a non-final page is full');
    first ??= r.body;
    events.push(...r.body.events);
    cursor = r.body.nextCursor;
    pages++;
    assert.ok(pages < 1000, 'paging terminates');
  } while (cursor);
  return { events, first, pages };
};

/** Events of each seeded client, paged through the handler once. @type {Record<string, any[]>} */
const all = {};

/* ── tests ─────────────────────────────────────────────────────────────────── */

test('GET /api/clients lists the seeded clients, each with its seeded number of events', async () => {
  const r = await request('/api/clients');
  assert.equal(r.status, 200);
  assert.match(r.type, /^application\/json/);
  assert.deepEqual(
    r.body.clients,
    SEEDED.map((id) => {
      const { meta, size } = /** @type {import('./seed-data.mjs').ClientStore} */ (dataset.clients.get(id));
      return { id, name: meta.name, company: meta.company, eventCount: size };
    }),
  );
  const byId = Object.fromEntries(r.body.clients.map((/** @type {any} */ c) => [c.id, c]));
  assert.equal(byId.karina.eventCount, 49);
  assert.equal(byId.twozo.eventCount, 150);
  assert.equal(byId.empty.eventCount, 0);
  assert.equal((await request('/api/clients', { method: 'POST' })).status, 405);
});

test('paging each seeded client to the end through the handler gives its seeded events, each once, in order', async () => {
  for (const id of SEEDED) {
    const store = /** @type {import('./seed-data.mjs').ClientStore} */ (dataset.clients.get(id));
    const limit = id === 'karina' ? 7 : 50;
    const { events, first, pages } = await pageAll(id, limit);
    assert.equal(events.length, store.size, `${id}: every event`);
    assert.equal(first.total, store.size, `${id}: total`);
    assert.equal(Object.values(first.counts ?? {}).reduce((a, b) => a + Number(b), 0), store.size, `${id}: counts add up`);
    assert.equal(pages, Math.max(1, Math.ceil(store.size / limit)), `${id}: pages`);
    assert.deepEqual(
      events,
      Array.from({ length: store.size }, (_, i) => store.at(i)),
      `${id}: the seeded events, as seeded, newest first`,
    );
    assertOrdered(events);
    if (store.size) assert.equal(first.stream, `/api/timeline/stream?client=${id}`, `${id}: the first page names the event stream`);
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

test('the gate: failRate from mock-config → 503 JSON with Retry-After; fail=1 / fail=0 per request; the stream and mock-config never fail', async () => {
  assert.deepEqual((await configure({ failRate: 1 })).body, { latencyMs: 0, failRate: 1 });
  try {
    for (const path of ['/api/timeline?client=karina', '/api/clients']) {
      const r = await request(path);
      assert.equal(r.status, 503, path);
      assert.match(r.type, /^application\/json/);
      assert.deepEqual(r.body, { error: 'Injected failure' });
      assert.equal(r.headers.get('retry-after'), '1');
    }
    assert.equal((await request('/api/timeline?client=karina&fail=0')).status, 200, 'fail=0 overrides');
    assert.equal((await request('/api/mock-config')).status, 200, 'mock-config never fails');
    assert.equal((await request('/api/avatars/ana-rojas.svg')).status, 200, 'media: only per-request switches');
    const aborter = new AbortController();
    const stream = await fetch(`${origin}/api/timeline/stream?client=karina`, { signal: aborter.signal });
    assert.equal(stream.status, 200, 'the stream is not gated');
    assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
    aborter.abort();
  } finally {
    await configure({ failRate: 0 });
  }
  const forced = await request('/api/timeline?client=karina&fail=1');
  assert.equal(forced.status, 503);
  assert.deepEqual(forced.body, { error: 'Injected failure' });
  assert.equal((await request('/api/not-json?fail=1')).status, 503, 'fail=1 works on the fault endpoints too');
});

test('mock-config: GET, POST updates latency and failRate, invalid values → 400', async () => {
  assert.deepEqual((await request('/api/mock-config')).body, { latencyMs: 0, failRate: 0 });
  assert.deepEqual((await configure({ latencyMs: 120 })).body, { latencyMs: 120, failRate: 0 });
  const slow = await request('/api/timeline?client=karina&limit=1');
  assert.ok(slow.ms >= 110, `latency applied (${slow.ms.toFixed(0)} ms)`);
  assert.deepEqual((await configure({ latencyMs: 0 })).body, { latencyMs: 0, failRate: 0 });
  for (const bad of [{ failRate: 2 }, { failRate: -0.1 }, { latencyMs: -1 }, { latencyMs: 200_000 }, { latencyMs: '5' }, [], 'null']) {
    assert.equal((await configure(/** @type {any} */ (bad))).status, 400, JSON.stringify(bad));
  }
  assert.equal((await post('/api/mock-config', '{nope')).status, 400);
  assert.equal((await request('/api/mock-config', { method: 'PUT' })).status, 405);
  assert.deepEqual((await request('/api/mock-config')).body, { latencyMs: 0, failRate: 0 });
  assert.equal(backend.config.failRate, 0);
});

test('latency: per-request latency=, a malformed one → 400; an aborted slow request is counted and does not crash the server', async () => {
  const slow = await request('/api/timeline?client=karina&limit=1&latency=150');
  assert.equal(slow.status, 200);
  assert.ok(slow.ms >= 140, `took ${slow.ms.toFixed(0)} ms`);
  assert.equal((await request('/api/timeline?client=karina&latency=soon')).status, 400);
  assert.equal((await request('/api/timeline?client=karina&latency=-5')).status, 400);
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

test('fault endpoints: not-json, status/<code> (Retry-After on 429 and 503); unknown /api/ paths → 404, others go to next()', async () => {
  const nj = await request('/api/not-json');
  assert.equal(nj.status, 200);
  assert.match(nj.type, /^text\/html/);
  assert.equal(nj.text, '<html>oops</html>');
  for (const code of [200, 400, 401, 404, 429, 500, 502, 503]) {
    const r = await request(`/api/status/${code}?client=karina&limit=50`);
    assert.equal(r.status, code);
    assert.match(r.type, /^application\/json/);
    assert.deepEqual(r.body, { error: http.STATUS_CODES[code], status: code });
    assert.equal(r.headers.get('retry-after'), code === 429 || code === 503 ? '1' : null, `Retry-After of ${code}`);
  }
  assert.equal((await request('/api/status/700')).status, 400);
  const slow = await request('/api/status/500?latency=120');
  assert.ok(slow.status === 500 && slow.ms >= 110, 'latency= works on status/*');
  const before = nextCalls;
  const other = await request('/index.html');
  assert.equal(other.text, 'passed to next()');
  assert.equal(nextCalls, before + 1);
  const unknown = await request('/api/no-such-endpoint');
  assert.equal(unknown.status, 404);
  assert.equal(typeof unknown.body.error, 'string');
});

test('media the seeded events link to is served (avatar, recording with seconds=, attachments)', async () => {
  const withAvatar = all.karina.find((e) => e.author?.avatarUrl);
  const av = await request(withAvatar.author.avatarUrl);
  assert.equal(av.status, 200);
  assert.match(av.type, /^image\/svg\+xml/);
  assert.match(av.text, /^<svg /);
  const rec = all.twozo.find((e) => e.type === 'call.recording');
  for (const [path, seconds] of [[rec.detail.recordingUrl, null], ['/api/recordings/x.wav?seconds=2', 2]]) {
    const res = await fetch(origin + path);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'audio/wav');
    const wav = Buffer.from(await res.arrayBuffer());
    assert.equal(wav.subarray(0, 4).toString('ascii'), 'RIFF');
    if (seconds) assert.equal(wav.length, 44 + 8000 * seconds);
  }
  const attachments = Object.values(all).flat().flatMap((e) => e.detail?.attachments ?? []).filter((a) => a.url);
  assert.ok(attachments.length > 3, 'the seeded events carry attachments');
  for (const att of attachments.slice(0, 20)) {
    const r = await request(att.url);
    assert.equal(r.status, 200, att.url);
    assert.match(r.headers.get('content-disposition') ?? '', /^inline; filename\*=UTF-8''/);
    assert.match(r.type, /\.(png|jpe?g|gif|webp)$/i.test(att.name) ? /^image\/svg\+xml/ : /^text\/plain/);
  }
});

test('notes: POST /api/notes?client= → 201 and the note.added event, which arrives on the event stream; bad input → 400, unknown client → 404, GET → 405', async () => {
  const first = (await request('/api/timeline?client=karina&limit=5')).body;
  // Follow the stream the first page names, as the HTTP adapter does.
  const aborter = new AbortController();
  const stream = await fetch(new URL(first.stream, origin), { signal: aborter.signal, headers: { Accept: 'text/event-stream' } });
  assert.equal(stream.status, 200);
  const reader = /** @type {ReadableStream<Uint8Array>} */ (stream.body).pipeThrough(new TextDecoderStream()).getReader();
  let received = '';
  /** @param {string} id */
  const arrives = async (id) => {
    const timeout = setTimeout(() => aborter.abort(), 10_000);
    try {
      while (!received.includes(id)) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value;
      }
    } finally {
      clearTimeout(timeout);
    }
    const message = received.split('\n\n').find((m) => m.includes(id)) ?? '';
    assert.match(message, /^id: \d+\nevent: events\ndata: /m, `no events message with ${id}: ${received.slice(0, 300)}`);
    return JSON.parse(message.slice(message.indexOf('data: ') + 6));
  };
  try {
    const created = await post('/api/notes?client=karina', { text: 'Called back about the Pro plan\nShe wants a quote by Friday', author: 'Ana Rojas' });
    assert.equal(created.status, 201, created.text);
    const note = created.body;
    assert.deepEqual(validateEvent(note), []);
    assert.equal(note.type, 'note.added');
    assert.equal(note.author.name, 'Ana Rojas');
    assert.equal(note.summary, 'Called back about the Pro plan');
    assert.equal(note.detail.body, 'Called back about the Pro plan\nShe wants a quote by Friday');
    assert.deepEqual(await arrives(note.id), [note], 'the note, as the POST answered it, through the stream');
    const after = (await request('/api/timeline?client=karina&limit=5')).body;
    assert.equal(after.events[0].id, note.id, 'the newest event');
    assert.equal(after.total, first.total + 1);
    assert.equal(after.counts.note, first.counts.note + 1, 'counted');
    const second = await post('/api/notes?client=karina', { text: 'Quote sent' });
    assert.equal(second.status, 201);
    assert.equal(second.body.author.name, 'You');
    assert.deepEqual(await arrives(second.body.id), [second.body]);
  } finally {
    aborter.abort();
  }
  for (const bad of [{}, { text: '' }, { text: '   ' }, { text: 42 }, { text: 'x'.repeat(10_001) }, [], '{nope']) {
    assert.equal((await post('/api/notes?client=karina', bad)).status, 400, JSON.stringify(bad).slice(0, 40));
  }
  assert.equal((await post('/api/notes?client=nobody', { text: 'hi' })).status, 404);
  assert.equal((await post('/api/notes?client=big', { text: 'hi' })).status, 404, 'Globex is not seeded here');
  assert.equal((await request('/api/notes?client=karina')).status, 405);
  const empty = await post('/api/notes?client=empty', { text: 'First contact' });
  assert.equal(empty.status, 201, 'the empty client takes a note');
  assert.equal((await request('/api/timeline?client=empty')).body.events[0].id, empty.body.id);
});

test('deterministic: the same seed and now give identical data; another seed, different data with the same story', () => {
  const again = buildDataset({ now: NOW, seed: DEFAULT_SEED });
  const other = buildDataset({ now: NOW, seed: 8 });
  /** @param {ReturnType<typeof buildDataset>} ds @param {string} id */
  const events = (ds, id) => {
    const s = /** @type {import('./seed-data.mjs').ClientStore} */ (ds.clients.get(id));
    return Array.from({ length: s.size }, (_, i) => s.at(i));
  };
  for (const id of ['karina', 'twozo', 'octopus', 'lucia']) assert.deepEqual(events(again, id), events(dataset, id), `${id} is reproducible`);
  assert.notDeepEqual(events(other, 'twozo'), events(dataset, 'twozo'));
  assert.ok(events(other, 'karina').some((e) => e.title === 'Email sent: Pro Plan quote'), 'the story does not depend on the seed');
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
server.close();
server.closeAllConnections();
await backend.close();
console.log(`\n${passed} passed, ${failed} failed (${((performance.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed ? 1 : 0);
