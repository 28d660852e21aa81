// @ts-check
/**
 * A mock CRM backend for <client-timeline>, served over real HTTP.
 *
 * Plain JavaScript, Node built-ins only, so it can be imported from vite.config.ts
 * (`server.middlewares.use(backend.handle)`), from a web-test-runner config
 * (`middleware: [backend.koa]`) and from Node scripts (`http.createServer(...)`).
 *
 * Wire format: see ./README.md. In short:
 *   GET  {base}timeline?client=&limit=&cursor=&before=&at=&types=&q=&authors=&statuses=&recordTypes=&record=&since=&until=[&latency=&fail=]
 *        → { events, nextCursor, counts, total, position }
 *   GET  {base}clients                → { clients: [{ id, name, company, eventCount }] }
 *   POST {base}notes?client=          ← { text, author? } → 201 the `note.added` event, now the client's newest
 *   GET  {base}mock-config            → { latencyMs, failRate }
 *   POST {base}mock-config            ← { latencyMs?, failRate? }
 *   GET  {base}not-json               → 200 text/html "<html>oops</html>"
 *   GET  {base}status/<code>          → that status with a JSON error body
 *   GET  {base}avatars/<name>.svg, {base}recordings/<name>.wav?seconds=, {base}files/<client>/<name>
 *        → generated media referenced by the seeded events
 */

import { STATUS_CODES, createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { buildDataset, DEFAULT_SEED, foldText, hashString } from './seed-data.mjs';

/**
 * @typedef {import('node:http').IncomingMessage & { originalUrl?: string, body?: unknown }} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {import('./seed-data.mjs').ClientStore} ClientStore
 * @typedef {import('./seed-data.mjs').TimelineEvent} TimelineEvent
 *
 * @typedef {object} MockBackendOptions
 * @property {string} [base='/api/'] URL prefix the backend answers; everything else goes to `next()`.
 * @property {number} [latencyMs=0] Delay before each data response.
 * @property {number} [failRate=0] Fraction (0..1) of data requests answered with HTTP 503.
 * @property {number} [seed] Seed of the generated data and of the failure dice.
 * @property {Date | number} [now] Fixed "now" the data is generated relative to (default: the real now).
 *
 * @typedef {object} MockBackendConfig
 * @property {string} base
 * @property {number} latencyMs mutable at runtime (also via POST {base}mock-config)
 * @property {number} failRate mutable at runtime (also via POST {base}mock-config)
 * @property {number} seed
 * @property {Date} now
 *
 * @typedef {object} MockBackendStats
 * @property {number} requests requests answered under `base` (including errors)
 * @property {number} aborted requests whose client went away during the latency wait
 * @property {number} failed injected 503s
 *
 * @typedef {object} MockBackend
 * @property {(req: Req, res: Res, next?: (err?: unknown) => void) => Promise<void>} handle
 *   Connect-style middleware. Resolves once the response is written (or `next()` was called).
 * @property {(ctx: any, next: () => Promise<unknown>) => Promise<unknown>} koa
 *   The same middleware for Koa-based servers (web-test-runner, the Web dev server).
 * @property {MockBackendConfig} config live configuration
 * @property {MockBackendStats} stats counters, handy in tests
 * @property {ReturnType<typeof buildDataset>} dataset the seeded data
 */

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

const JSON_TYPE = 'application/json; charset=utf-8';
const BASE_HEADERS = {
  'Cache-Control': 'no-store',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
};

/* ────────────────────────────────────────────────────────────────────────────
 * Cursors: opaque base64url of the last returned event's (instant, id)
 * ──────────────────────────────────────────────────────────────────────────── */

/**
 * Keyset cursor: the position just after the event with instant `t` (ms) and id `id` in
 * timeline order. It stays valid when filters change (it is a position, not an offset).
 * @param {number} t
 * @param {string} id
 */
export function encodeCursor(t, id) {
  return Buffer.from(JSON.stringify({ t, id })).toString('base64url');
}

/**
 * @param {string} cursor
 * @returns {{ t: number, id: string } | null} null when malformed
 */
function decodeCursor(cursor) {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (v && typeof v.t === 'number' && Number.isFinite(v.t) && typeof v.id === 'string') return { t: v.t, id: v.id };
  } catch {
    /* fall through */
  }
  return null;
}

/* ────────────────────────────────────────────────────────────────────────────
 * Query engine
 * ──────────────────────────────────────────────────────────────────────────── */

/**
 * @typedef {object} TimelineQuery
 * @property {number} limit
 * @property {{ t: number, id: string } | null} cursor
 * @property {number | null} [before] seek: the page of events at or older than this instant (ms); the cursor is ignored
 * @property {number | null} [at] seek by position: the page starting after this many events under the filter
 * @property {string[] | null} types
 * @property {string | null} q lower-cased
 * @property {string[] | null} authors
 * @property {string[] | null} [statuses] folded (accents and case dropped)
 * @property {string[] | null} [recordTypes] an event's record.type, else its type's first segment
 * @property {string | null} [record] one record's story: its record.id
 * @property {number | null} since inclusive, ms
 * @property {number | null} until inclusive, ms
 *
 * @typedef {{ events: TimelineEvent[], nextCursor: string | null, counts: Record<string, number>, total: number, position: number, summary?: object }} TimelinePage
 */

/**
 * First index in [lo, hi) for which `pred` is true, `pred` being false…false true…true.
 * @param {number} lo @param {number} hi @param {(i: number) => boolean} pred
 */
function partition(lo, hi, pred) {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Index of the first event that comes after the cursor in timeline order
 * (occurredAt desc, then id desc).
 * @param {ClientStore} s @param {{ t: number, id: string }} c
 */
function indexAfter(s, c) {
  return partition(0, s.size, (i) => {
    const t = s.timeAt(i);
    return t < c.t || (t === c.t && s.idAt(i) < c.id);
  });
}

/**
 * Runs a timeline query against one client. Filtered scans are memoized per backend so that
 * paging through a filtered 100k timeline stays O(limit) per page after the first.
 * @param {ClientStore} s
 * @param {TimelineQuery} q
 * @param {Map<string, { positions: Int32Array, counts: Record<string, number> }>} cache
 * @returns {TimelinePage}
 */
function runQuery(s, q, cache) {
  // since/until select a contiguous range, found by binary search (instants are descending).
  const lo = q.until == null ? 0 : partition(0, s.size, (i) => s.timeAt(i) <= /** @type {number} */ (q.until));
  const hi = q.since == null ? s.size : partition(lo, s.size, (i) => s.timeAt(i) < /** @type {number} */ (q.since));
  // A seek starts at the first event at or older than `before`, by the same keyset order a cursor pages with.
  const before = q.before;
  const start =
    q.at != null ? lo + q.at : before != null ? Math.max(lo, partition(0, s.size, (i) => s.timeAt(i) <= before)) : q.cursor ? Math.max(lo, indexAfter(s, q.cursor)) : lo;
  const unfilteredRange = !q.q && !q.authors && !q.types && !q.statuses && !q.recordTypes && !q.record;

  /** @param {number} i */
  const cursorAt = (i) => encodeCursor(s.timeAt(i), s.idAt(i));

  if (unfilteredRange && lo === 0 && hi === s.size) {
    const end = Math.min(start + q.limit, hi);
    const events = [];
    for (let i = start; i < end; i++) events.push(s.at(i));
    return { events, nextCursor: end < hi ? cursorAt(end - 1) : null, counts: s.categoryCounts(), total: s.size, position: Math.min(start, s.size) };
  }

  const key = [s.meta.id, lo, hi, q.q ?? '', q.record ?? '', ...[q.authors, q.types, q.statuses, q.recordTypes].map((list) => (list ?? []).join('\u0001'))].join('\u0000');
  let hit = cache.get(key);
  if (hit) {
    cache.delete(key); // LRU: re-insert as newest
  } else {
    /** @type {Record<string, number>} */
    const counts = {};
    for (const k of s.categories()) counts[k] = 0;
    const types = q.types ? new Set(q.types) : null;
    const authors = q.authors ? new Set(q.authors) : null;
    const statuses = q.statuses ? new Set(q.statuses) : null;
    const kinds = q.recordTypes ? new Set(q.recordTypes) : null;
    const positions = [];
    for (let i = lo; i < hi; i++) {
      if (statuses || kinds || q.record) {
        const event = s.at(i);
        if (q.record && event.record?.id !== q.record) continue;
        if (statuses && (typeof event.status !== 'string' || !statuses.has(foldText(event.status.trim())))) continue;
        if (kinds && !kinds.has(event.record?.type || event.type.split('.')[0])) continue;
      }
      if (authors) {
        const name = s.authorAt(i);
        if (name === undefined || !authors.has(name)) continue;
      }
      if (q.q && !s.haystackAt(i).includes(q.q)) continue;
      const cat = s.categoryAt(i);
      counts[cat]++;
      if (!types || types.has(cat) || types.has(s.typeAt(i))) positions.push(i);
    }
    hit = { positions: Int32Array.from(positions), counts };
    if (cache.size >= 32) cache.delete(/** @type {string} */ (cache.keys().next().value));
  }
  cache.set(key, hit);

  const { positions, counts } = hit;
  const p0 = q.at != null ? Math.min(q.at, positions.length) : partition(0, positions.length, (k) => positions[k] >= start);
  const p1 = Math.min(p0 + q.limit, positions.length);
  const events = [];
  for (let k = p0; k < p1; k++) events.push(s.at(positions[k]));
  return { events, nextCursor: p1 < positions.length ? cursorAt(positions[p1 - 1]) : null, counts: { ...counts }, total: positions.length, position: p0 };
}

/* ────────────────────────────────────────────────────────────────────────────
 * Notes added over HTTP, merged into a client's history
 * ──────────────────────────────────────────────────────────────────────────── */

/**
 * `base` with `added` merged in, in timeline order. Each added event keeps `at`, the number of base events before
 * it, so that index `i` is found by walking the (few) added events.
 * @param {ClientStore} base
 * @param {{ e: TimelineEvent, t: number, at: number }[]} added sorted by `at`, then in timeline order
 * @returns {ClientStore}
 */
function withAdded(base, added) {
  /** @param {number} i */
  const find = (i) => {
    let k = 0;
    for (; k < added.length; k++) {
      const pos = added[k].at + k;
      if (pos === i) return { note: added[k] };
      if (pos > i) break;
    }
    return { i: i - k };
  };
  /** @template T @param {(a: { e: TimelineEvent, t: number }) => T} fromNote @param {(i: number) => T} fromBase */
  const pick = (fromNote, fromBase) => (/** @type {number} */ i) => {
    const found = find(i);
    return found.note ? fromNote(found.note) : fromBase(/** @type {number} */ (found.i));
  };
  return {
    meta: base.meta,
    get size() {
      return base.size + added.length;
    },
    at: pick((a) => a.e, base.at),
    timeAt: pick((a) => a.t, base.timeAt),
    idAt: pick((a) => a.e.id, base.idAt),
    typeAt: pick((a) => a.e.type, base.typeAt),
    categoryAt: pick(() => 'note', base.categoryAt),
    authorAt: pick((a) => a.e.author?.name, base.authorAt),
    haystackAt: pick((a) => foldText([a.e.title, a.e.summary ?? '', a.e.author?.name ?? '', '', a.e.detail?.body ?? ''].join('\u0000')), base.haystackAt),
    warm: base.warm?.bind(base),
    categoryCounts() {
      const counts = base.categoryCounts();
      counts.note = (counts.note ?? 0) + added.length;
      return counts;
    },
    categories() {
      return Object.keys(this.categoryCounts());
    },
  };
}

/**
 * Validates a POST {base}notes body: `{ text, author? }`.
 * @param {unknown} body
 */
function noteInput(body) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'Expected a JSON object { text, author? }');
  const { text, author } = /** @type {Record<string, unknown>} */ (body);
  if (typeof text !== 'string' || !text.trim()) throw new HttpError(400, '"text" must be a non-empty string');
  if (text.length > 10_000) throw new HttpError(400, '"text" must be at most 10000 characters');
  if (author !== undefined && (typeof author !== 'string' || !author.trim() || author.length > 200)) throw new HttpError(400, '"author" must be a non-empty string of at most 200 characters');
  return { text: text.trim(), author: typeof author === 'string' ? author.trim() : 'You' };
}

/* ────────────────────────────────────────────────────────────────────────────
 * HTTP plumbing
 * ──────────────────────────────────────────────────────────────────────────── */

class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * @param {Res} res @param {number} status @param {unknown} body
 * @param {Record<string, string | number>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
  send(res, status, JSON.stringify(body), { 'Content-Type': JSON_TYPE, ...headers });
}

/**
 * @param {Res} res @param {number} status @param {string | Buffer} data
 * @param {Record<string, string | number>} headers
 */
function send(res, status, data, headers) {
  if (res.writableEnded || res.destroyed || res.headersSent) return;
  const noBody = status === 204 || status === 304 || (status >= 100 && status < 200);
  res.writeHead(status, { ...BASE_HEADERS, ...headers, ...(noBody ? {} : { 'Content-Length': Buffer.byteLength(data) }) });
  res.end(noBody ? undefined : data);
}

/**
 * Waits `ms`, resolving `true` early if the client goes away (request aborted / socket
 * closed), so nothing is written to a dead response.
 * @param {number} ms @param {Req} req @param {Res} res
 * @returns {Promise<boolean>} aborted
 */
function delay(ms, req, res) {
  if (isGone(req, res)) return Promise.resolve(true);
  if (!(ms > 0)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const finish = (/** @type {boolean} */ aborted) => {
      clearTimeout(timer);
      req.off('close', onClose);
      res.off('close', onClose);
      resolve(aborted);
    };
    const onClose = () => {
      if (isGone(req, res)) finish(true);
    };
    const timer = setTimeout(() => finish(isGone(req, res)), ms);
    req.on('close', onClose);
    res.on('close', onClose);
  });
}

/** @param {Req} req @param {Res} res */
function isGone(req, res) {
  return !res.writableEnded && (res.destroyed || req.socket?.destroyed === true);
}

/**
 * @param {Req} req
 * @returns {Promise<unknown>}
 */
async function readJsonBody(req) {
  if (req.body !== undefined) {
    // A body parser ran before us.
    if (typeof req.body === 'string') return parseJson(req.body);
    if (Buffer.isBuffer(req.body)) return parseJson(req.body.toString('utf8'));
    return req.body;
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 64 * 1024) throw new HttpError(413, 'Body too large');
    chunks.push(chunk);
  }
  return parseJson(Buffer.concat(chunks).toString('utf8'));
}

/** @param {string} text */
function parseJson(text) {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Body is not valid JSON');
  }
}

/**
 * Values of a list parameter: comma separated, may also be repeated (`types=a&types=b`).
 * Empty entries are dropped; an empty list means "no filter".
 * @param {URLSearchParams} sp @param {string} name
 * @returns {string[] | null}
 */
function listParam(sp, name) {
  const values = sp
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return values.length ? [...new Set(values)].sort() : null;
}

/** @param {URLSearchParams} sp @param {string} name */
function countParam(sp, name) {
  const v = sp.get(name);
  if (v == null || v === '') return null;
  if (!/^\d+$/.test(v)) throw new HttpError(400, `Invalid "${name}": expected a non-negative integer, got "${v}"`);
  return Number(v);
}

/** @param {URLSearchParams} sp @param {string} name */
function dateParam(sp, name) {
  const v = sp.get(name);
  if (v == null || v.trim() === '') return null;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new HttpError(400, `Invalid "${name}": expected an ISO 8601 date, got "${v}"`);
  return t;
}

/**
 * Parses and validates the timeline query string.
 * @param {URLSearchParams} sp
 * @returns {{ client: string, query: TimelineQuery }}
 */
function parseTimelineParams(sp) {
  const client = sp.get('client');
  if (client == null || client.trim() === '') throw new HttpError(400, 'Missing required parameter "client"');
  let limit = DEFAULT_LIMIT;
  const rawLimit = sp.get('limit');
  if (rawLimit != null && rawLimit !== '') {
    if (!/^\d+$/.test(rawLimit) || Number(rawLimit) < 1) throw new HttpError(400, `Invalid "limit": expected a positive integer, got "${rawLimit}"`);
    limit = Math.min(Number(rawLimit), MAX_LIMIT);
  }
  const rawCursor = sp.get('cursor');
  let cursor = null;
  if (rawCursor != null && rawCursor !== '') {
    cursor = decodeCursor(rawCursor);
    if (!cursor) throw new HttpError(400, 'Invalid "cursor"');
  }
  const q = foldText((sp.get('q') ?? '').trim()) || null;
  return {
    client: client.trim(),
    query: {
      limit,
      cursor,
      types: listParam(sp, 'types'),
      q,
      authors: listParam(sp, 'authors'),
      statuses: listParam(sp, 'statuses')?.map((status) => foldText(status.trim())) ?? null,
      recordTypes: listParam(sp, 'recordTypes'),
      record: sp.get('record') || null,
      since: dateParam(sp, 'since'),
      until: dateParam(sp, 'until'),
      before: dateParam(sp, 'before'),
      at: countParam(sp, 'at'),
    },
  };
}

/**
 * Per record kind and status, how many records are in it and their totals per currency: a record counts once, by
 * its latest event's status. Over the client's events matching `q` but its statuses and kinds (memoized).
 * @param {ClientStore} s @param {TimelineQuery} q @param {Map<string, object>} cache
 */
function recordSummary(s, q, cache) {
  const key = JSON.stringify([s.meta.id, s.size, q.q, q.authors, q.types, q.since, q.until, q.record]);
  const hit = cache.get(key);
  if (hit) return hit;
  const lo = q.until == null ? 0 : partition(0, s.size, (i) => s.timeAt(i) <= /** @type {number} */ (q.until));
  const hi = q.since == null ? s.size : partition(lo, s.size, (i) => s.timeAt(i) < /** @type {number} */ (q.since));
  const types = q.types ? new Set(q.types) : null;
  const authors = q.authors ? new Set(q.authors) : null;
  /** @type {Map<string, { kind: string, status: string, amount?: { value: number, currency: string } }>} */
  const latest = new Map();
  for (let i = lo; i < hi; i++) {
    if (authors && !authors.has(/** @type {string} */ (s.authorAt(i)))) continue;
    if (q.q && !s.haystackAt(i).includes(q.q)) continue;
    if (types && !types.has(s.categoryAt(i)) && !types.has(s.typeAt(i))) continue;
    const event = s.at(i);
    if (q.record && event.record?.id !== q.record) continue;
    const kind = event.record?.type || event.type.split('.')[0];
    const id = `${kind}\u0000${event.record?.id ?? `event:${event.id}`}`;
    const known = latest.get(id);
    if (!known) {
      if (typeof event.status === 'string' && event.status.trim()) latest.set(id, { kind, status: event.status.trim(), amount: event.detail?.amount });
    } else if (!known.amount && event.detail?.amount) known.amount = event.detail.amount;
  }
  /** @type {Record<string, Record<string, { count: number, totals: Record<string, number> }>>} */
  const summary = {};
  for (const { kind, status, amount } of latest.values()) {
    const slice = ((summary[kind] ??= {})[status] ??= { count: 0, totals: {} });
    slice.count++;
    if (amount && Number.isFinite(amount.value)) slice.totals[amount.currency] = (slice.totals[amount.currency] ?? 0) + amount.value;
  }
  if (cache.size >= 32) cache.delete(/** @type {string} */ (cache.keys().next().value));
  cache.set(key, summary);
  return summary;
}

/* ────────────────────────────────────────────────────────────────────────────
 * Generated media (so avatars, audio players and attachment links work in the demo)
 * ──────────────────────────────────────────────────────────────────────────── */

/** @param {string} name slug such as "ana-rojas" */
function avatarSvg(name) {
  const parts = name.split('-').filter(Boolean);
  const initials = ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
  const hue = hashString(name) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" rx="32" fill="hsl(${hue} 55% 42%)"/><text x="32" y="33" fill="#fff" font-family="system-ui, sans-serif" font-size="26" font-weight="600" text-anchor="middle" dominant-baseline="middle">${initials.replace(/[^A-Z0-9]/g, '')}</text></svg>`;
}

/** @param {string} label */
function placeholderImageSvg(label) {
  const text = label.replace(/[<>&"]/g, '');
  const hue = hashString(label) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200"><rect width="320" height="200" fill="hsl(${hue} 30% 85%)"/><path d="M0 160 L90 90 L150 140 L210 80 L320 170 L320 200 L0 200 Z" fill="hsl(${hue} 35% 60%)"/><text x="160" y="30" font-family="system-ui, sans-serif" font-size="14" text-anchor="middle" fill="#333">${text}</text></svg>`;
}

/** @type {Map<number, Buffer>} */
const wavCache = new Map();

/**
 * A few seconds of a soft, speech-like warble: 8 kHz, 8-bit mono PCM WAV.
 * @param {number} seconds
 */
function wav(seconds) {
  let buf = wavCache.get(seconds);
  if (buf) return buf;
  const rate = 8000;
  const n = rate * seconds;
  buf = Buffer.alloc(44 + n);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + n, 4);
  buf.write('WAVEfmt ', 8, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate, 28);
  buf.writeUInt16LE(1, 32);
  buf.writeUInt16LE(8, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(n, 40);
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const syllable = Math.max(0, Math.sin(Math.PI * 3.1 * t)) ** 2; // ~3 "syllables" a second
    const pitch = 170 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
    const fade = Math.min(1, t * 8, (seconds - t) * 8);
    const v = 0.35 * fade * syllable * (Math.sin(2 * Math.PI * pitch * t) + 0.4 * Math.sin(4 * Math.PI * pitch * t));
    buf[44 + i] = Math.max(0, Math.min(255, Math.round(128 + 127 * v)));
  }
  wavCache.set(seconds, buf);
  return buf;
}

/* ────────────────────────────────────────────────────────────────────────────
 * The backend
 * ──────────────────────────────────────────────────────────────────────────── */

/**
 * @param {string} base
 */
function normalizeBase(base) {
  let b = base.trim() || '/';
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

/** @param {unknown} v */
function checkLatency(v) {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 120_000) throw new HttpError(400, '"latencyMs" must be a number between 0 and 120000');
  return Math.round(v);
}
/** @param {unknown} v */
function checkFailRate(v) {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) throw new HttpError(400, '"failRate" must be a number between 0 and 1');
  return v;
}

/**
 * Creates the mock backend.
 * @param {MockBackendOptions} [options]
 * @returns {MockBackend}
 */
export function createMockBackend(options = {}) {
  const base = normalizeBase(options.base ?? '/api/');
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const now = options.now === undefined ? new Date() : new Date(options.now);
  /** @type {MockBackendConfig} */
  const config = {
    base,
    latencyMs: checkLatency(options.latencyMs ?? 0),
    failRate: checkFailRate(options.failRate ?? 0),
    seed,
    now,
  };
  const dataset = buildDataset({ seed, now: now.getTime(), base });
  /** @type {MockBackendStats} */
  const stats = { requests: 0, aborted: 0, failed: 0 };
  /** @type {Map<string, { positions: Int32Array, counts: Record<string, number> }>} */
  const queryCache = new Map();
  const summaryCache = new Map();
  /** @type {Map<string, { base: ClientStore, added: { e: TimelineEvent, t: number, at: number }[] }>} notes added per client (POST {base}notes), over its seeded store */
  const addedNotes = new Map();
  let noteCount = 0;
  // Failure dice: seeded, so a given request sequence fails the same way every run.
  let dice = (seed ^ 0xfa11ed) >>> 0;
  const roll = () => {
    dice = (dice + 0x6d2b79f5) >>> 0;
    let t = dice;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  /**
   * Per-request latency/failure: `latency=<ms>` and `fail=1|0` override the global config.
   * @param {URLSearchParams} sp @param {boolean} useGlobals
   */
  function chaos(sp, useGlobals) {
    const rawLatency = sp.get('latency');
    let latency = useGlobals ? config.latencyMs : 0;
    if (rawLatency != null && rawLatency !== '') {
      const n = Number(rawLatency);
      if (!Number.isFinite(n) || n < 0) throw new HttpError(400, `Invalid "latency": "${rawLatency}"`);
      latency = Math.min(n, 120_000);
    }
    const rawFail = sp.get('fail');
    let fail;
    if (rawFail === '1' || rawFail === 'true') fail = true;
    else if (rawFail === '0' || rawFail === 'false') fail = false;
    else fail = useGlobals && config.failRate > 0 && roll() < config.failRate;
    return { latency, fail };
  }

  /**
   * Applies latency and failure injection. Returns false when the response is already dealt with.
   * @param {Req} req @param {Res} res @param {URLSearchParams} sp @param {boolean} useGlobals
   */
  async function gate(req, res, sp, useGlobals) {
    const { latency, fail } = chaos(sp, useGlobals);
    if (await delay(latency, req, res)) {
      stats.aborted++;
      return false;
    }
    if (fail) {
      stats.failed++;
      sendJson(res, 503, { error: 'Injected failure' }, { 'Retry-After': 1 });
      return false;
    }
    return true;
  }

  /**
   * @param {Req} req @param {Res} res @param {string} route @param {URLSearchParams} sp
   */
  async function route(req, res, route, sp) {
    const method = req.method ?? 'GET';
    const isGet = method === 'GET' || method === 'HEAD';
    if (method === 'OPTIONS') {
      return send(res, 204, '', { 'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type, Accept', 'Access-Control-Max-Age': 600 });
    }

    if (route === 'timeline') {
      if (!isGet) throw new HttpError(405, 'Use GET');
      if (!(await gate(req, res, sp, true))) return;
      const { client, query } = parseTimelineParams(sp);
      const store = dataset.clients.get(client);
      if (!store) return sendJson(res, 200, { events: [], nextCursor: null, counts: {}, total: 0, position: 0 });
      const page = runQuery(store, query, queryCache);
      // The first page carries the status summary of the client's records under the filter (but its statuses and kinds).
      const summary = query.cursor || query.before != null || query.at != null ? null : recordSummary(store, query, summaryCache);
      if (summary && Object.keys(summary).length) page.summary = summary;
      sendJson(res, 200, page);
      store.warm?.(); // build the big client's search index in the background
      return;
    }

    if (route === 'notes') {
      if (method !== 'POST') throw new HttpError(405, 'Use POST');
      const client = sp.get('client') ?? '';
      const store = dataset.clients.get(client);
      if (!store) throw new HttpError(404, `No client "${client}"`);
      const { text, author } = noteInput(await readJsonBody(req));
      let notes = addedNotes.get(client);
      if (!notes) {
        notes = { base: store, added: [] };
        addedNotes.set(client, notes);
        dataset.clients.set(client, withAdded(store, notes.added));
      }
      const { base, added } = notes;
      // Now (after any note added before it): the newest past event; scheduled, future events stay above it.
      const t = Math.max(Date.now(), (added[0]?.t ?? -Infinity) + 1);
      const id = `note-added-${client}-${++noteCount}`;
      const title = text.length > 80 ? `Note: ${text.slice(0, 77)}…` : `Note: ${text}`;
      /** @type {TimelineEvent} */
      const event = { id, type: 'note.added', occurredAt: new Date(t).toISOString(), title, author: { name: author }, summary: text.split('\n')[0].slice(0, 200), detail: { body: text } };
      added.unshift({ e: event, t, at: indexAfter(base, { t, id }) });
      queryCache.clear();
      return sendJson(res, 201, event);
    }

    if (route === 'clients') {
      if (!isGet) throw new HttpError(405, 'Use GET');
      if (!(await gate(req, res, sp, true))) return;
      const clients = dataset.order.map((id) => {
        const s = /** @type {ClientStore} */ (dataset.clients.get(id));
        return { id, name: s.meta.name, company: s.meta.company, eventCount: s.size };
      });
      return sendJson(res, 200, { clients });
    }

    if (route === 'mock-config') {
      if (method === 'POST') {
        const body = await readJsonBody(req);
        if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'Expected a JSON object');
        const patch = /** @type {Record<string, unknown>} */ (body);
        const next = {
          latencyMs: 'latencyMs' in patch ? checkLatency(patch.latencyMs) : config.latencyMs,
          failRate: 'failRate' in patch ? checkFailRate(patch.failRate) : config.failRate,
        };
        Object.assign(config, next);
      } else if (!isGet) throw new HttpError(405, 'Use GET or POST');
      return sendJson(res, 200, { latencyMs: config.latencyMs, failRate: config.failRate });
    }

    if (route === 'not-json') {
      if (!(await gate(req, res, sp, false))) return;
      return send(res, 200, '<html>oops</html>', { 'Content-Type': 'text/html; charset=utf-8' });
    }

    const status = /^status\/(\d{3})$/.exec(route);
    if (status) {
      const code = Number(status[1]);
      if (code < 200 || code > 599) throw new HttpError(400, 'Status must be between 200 and 599');
      if (!(await gate(req, res, sp, false))) return;
      /** @type {Record<string, number>} */
      const extra = code === 429 || code === 503 ? { 'Retry-After': 1 } : {};
      return sendJson(res, code, { error: STATUS_CODES[code] ?? `Status ${code}`, status: code }, extra);
    }

    const avatar = /^avatars\/([a-z0-9-]+)\.svg$/.exec(route);
    if (avatar && isGet) {
      return send(res, 200, avatarSvg(avatar[1]), { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=3600' });
    }

    const recording = /^recordings\/[\w.-]+\.wav$/.exec(route);
    if (recording && isGet) {
      const seconds = Math.max(1, Math.min(10, Math.round(Number(sp.get('seconds') ?? 3)) || 3));
      if (!(await gate(req, res, sp, false))) return;
      return send(res, 200, wav(seconds), { 'Content-Type': 'audio/wav', 'Cache-Control': 'public, max-age=3600' });
    }

    const fileMatch = /^files\/([\w-]+)\/(.+)$/.exec(route);
    if (fileMatch && isGet) {
      let name;
      try {
        name = decodeURIComponent(fileMatch[2]);
      } catch {
        throw new HttpError(400, 'Bad file name');
      }
      const disposition = `inline; filename*=UTF-8''${encodeURIComponent(name)}`;
      if (/\.(png|jpe?g|gif|webp)$/i.test(name)) {
        return send(res, 200, placeholderImageSvg(name), { 'Content-Type': 'image/svg+xml', 'Content-Disposition': disposition });
      }
      return send(res, 200, `Mock file "${name}" of client "${fileMatch[1]}".\nThe mock backend does not store real documents.\n`, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Disposition': disposition,
      });
    }

    throw new HttpError(404, `No mock endpoint ${method} ${base}${route}`);
  }

  /** @type {MockBackend['handle']} */
  async function handle(req, res, next) {
    const rawUrl = req.originalUrl ?? req.url ?? '/';
    /** @type {URL} */
    let url;
    try {
      url = new URL(rawUrl, 'http://mock.invalid');
    } catch {
      next?.();
      return;
    }
    if (!url.pathname.startsWith(base)) {
      next?.();
      return;
    }
    stats.requests++;
    try {
      await route(req, res, url.pathname.slice(base.length), url.searchParams);
    } catch (err) {
      if (err instanceof HttpError) sendJson(res, err.status, { error: err.message });
      else {
        console.error('[mock-backend]', err);
        sendJson(res, 500, { error: 'Mock backend error' });
      }
    }
  }

  /** @type {MockBackend['koa']} */
  async function koa(ctx, next) {
    let passed = false;
    await handle(ctx.req, ctx.res, () => {
      passed = true;
    });
    if (passed) return next();
    ctx.respond = false; // we wrote the raw response ourselves
  }

  return { handle, koa, config, stats, dataset };
}

/* ────────────────────────────────────────────────────────────────────────────
 * Standalone: `node demo/server/mock-backend.mjs [port]`
 * (env: MOCK_LATENCY_MS, MOCK_FAIL_RATE, MOCK_SEED, MOCK_NOW)
 * ──────────────────────────────────────────────────────────────────────────── */

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = process.env;
  const backend = createMockBackend({
    latencyMs: env.MOCK_LATENCY_MS ? Number(env.MOCK_LATENCY_MS) : undefined,
    failRate: env.MOCK_FAIL_RATE ? Number(env.MOCK_FAIL_RATE) : undefined,
    seed: env.MOCK_SEED ? Number(env.MOCK_SEED) : undefined,
    now: env.MOCK_NOW ? new Date(env.MOCK_NOW) : undefined,
  });
  const port = Number(process.argv[2] ?? env.PORT ?? 8787);
  const server = createServer((req, res) =>
    backend.handle(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: `Only ${backend.config.base}* is served here` }));
    }),
  );
  server.listen(port, '127.0.0.1', () => {
    console.log(`mock CRM backend on http://127.0.0.1:${port}${backend.config.base} (now = ${backend.config.now.toISOString()}, seed = ${backend.config.seed})`);
  });
}
