/**
 * The demo's backend: the reference handler (`src/server`) on PGlite, or on PostgreSQL when `DATABASE_URL` is set,
 * seeded with the demo clients, plus what only a demo needs in front of it: latency and failure switches (a
 * middleware before the handler, driven by `/api/mock-config`), the client list, "Add note" (`POST /api/notes`:
 * a row written, which reaches the page through the event stream), and the generated media and fault endpoints the
 * seeded events link to (served by `mock-backend.mjs`).
 *
 * Seeding: the small clients (Karina, Twozo, OctopusPro, Lucía, the empty one) are written afresh at every start,
 * relative to now; Globex (100,000 events, from `seed-data.mjs`) and Umbrella (1,000,000 events, generated in SQL)
 * are written once, in the background, and kept in the data folder between starts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTimelineHandler } from '../../src/server/handler.js';
import { toNodeListener } from '../../src/server/node.js';
import { createPgStorage } from '../../src/server/pg.js';
import { createPgliteStorage } from '../../src/server/pglite.js';
import type { SqlStorage } from '../../src/server/sql-storage.js';
import { generateClient, storedCount } from './generated-client.js';
import { createMockBackend } from './mock-backend.mjs';

type Req = IncomingMessage & { originalUrl?: string };
type Next = (error?: unknown) => void;

export interface DemoBackendOptions {
  /** PostgreSQL to use instead of PGlite (`postgres://…`). */
  databaseUrl?: string;
  /** PGlite's folder (default: `node_modules/.cache/client-timeline-demo/`); `memory` for none. */
  dataDir?: string;
  /** Latency of every request at start (ms). */
  latencyMs?: number;
  /** Events of the generated client (default 1,000,000; 0: none). */
  largeCount?: number;
  now?: Date;
  log?: (message: string) => void;
}

/** Cursors of the demo are signed with a fixed key: they stay valid across restarts, in the element's cache too. */
const DEMO_SECRET = 'client-timeline demo cursors: not a secret';
/** Bump when the generated data changes: a new folder is seeded. */
const DATA_VERSION = 1;

const LARGE_CLIENT = { id: 'umbrella', name: 'Umbrella Corporation (1,000,000 events)', company: 'Umbrella Corporation' };

export async function createDemoBackend(options: DemoBackendOptions = {}) {
  const log = options.log ?? ((message: string) => console.log(`[demo] ${message}`));
  const now = options.now ?? new Date();
  const largeCount = options.largeCount ?? 1_000_000;
  const mock = createMockBackend({ latencyMs: options.latencyMs ?? 0, now });
  const started = performance.now();
  let storage: SqlStorage;
  if (options.databaseUrl) storage = await createPgStorage(options.databaseUrl);
  else {
    const dir = options.dataDir ?? new URL(`../../node_modules/.cache/client-timeline-demo/pglite-v${DATA_VERSION}-${largeCount}`, import.meta.url).pathname;
    storage = await createPgliteStorage(dir === 'memory' ? undefined : dir);
  }
  const db = storage.db;
  log(`${storage.engine} open in ${Math.round(performance.now() - started)} ms (unaccent: ${storage.features.unaccent}, pg_trgm: ${storage.features.trigram})`);

  // The small clients, afresh (their dates are relative to now).
  const { dataset } = mock;
  const small = dataset.order.filter((id: string) => id !== 'big');
  for (const id of small) {
    const store = dataset.clients.get(id)!;
    const events = Array.from({ length: store.size }, (_, i) => store.at(i) as unknown as Record<string, unknown>);
    await db.query('delete from timeline_events where client_id = $1', [id]);
    await storage.append(id, events);
  }
  log(`seeded ${small.join(', ')} in ${Math.round(performance.now() - started)} ms`);

  // The large clients, once; in the background, so that the demo answers meanwhile.
  const big = dataset.clients.get('big')!;
  const ready = (async () => {
    if ((await storedCount(db, 'big')) !== big.size) {
      await db.query('delete from timeline_events where client_id = $1', ['big']);
      for (let from = 0; from < big.size; from += 2000) {
        const events = Array.from({ length: Math.min(2000, big.size - from) }, (_, i) => big.at(from + i) as unknown as Record<string, unknown>);
        await storage.append('big', events);
      }
      log(`seeded big (${big.size.toLocaleString('en')} events)`);
    }
    if (largeCount > 0 && (await storedCount(db, LARGE_CLIENT.id)) !== largeCount) {
      const t0 = performance.now();
      log(`generating ${LARGE_CLIENT.id} (${largeCount.toLocaleString('en')} events, kept for the next start)…`);
      await generateClient(db, { clientId: LARGE_CLIENT.id, idPrefix: LARGE_CLIENT.id, count: largeCount, newest: new Date(now.getTime() - 5 * 60_000) });
      log(`generated ${LARGE_CLIENT.id} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  })().catch((error) => log(`seeding the large clients failed: ${(error as Error).message}`));

  const handler = createTimelineHandler({
    storage,
    secret: DEMO_SECRET,
    path: '/api/timeline',
    // The demo has one user who may read every client. A host checks its session here.
    authorize: () => ({ name: 'demo' }),
  });
  const timeline = toNodeListener(handler);

  let dice = 0x5eed;
  const roll = () => ((dice = (Math.imul(dice, 1103515245) + 12345) >>> 0) / 4294967296);

  /** Latency and failure, before the handler: `latency=<ms>` and `fail=1|0` override the switches for one request. */
  async function gate(res: ServerResponse, url: URL): Promise<boolean> {
    const latency = url.searchParams.has('latency') ? Math.min(120_000, Number(url.searchParams.get('latency')) || 0) : mock.config.latencyMs;
    const failParam = url.searchParams.get('fail');
    const fail = failParam === '1' || failParam === 'true' ? true : failParam === '0' || failParam === 'false' ? false : mock.config.failRate > 0 && roll() < mock.config.failRate;
    if (latency > 0) {
      const gone = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => (res.off('close', onClose), resolve(false)), latency);
        const onClose = () => (clearTimeout(timer), resolve(true));
        res.once('close', onClose);
      });
      if (gone) return false;
    }
    if (fail) {
      mock.stats.failed++;
      sendJson(res, 503, { error: 'Injected failure' }, { 'Retry-After': '1' });
      return false;
    }
    return true;
  }

  async function clients(res: ServerResponse) {
    const order = [...dataset.order.filter((id: string) => id !== 'empty'), ...(largeCount > 0 ? [LARGE_CLIENT.id] : []), 'empty'];
    const list = [];
    for (const id of order) {
      const meta = id === LARGE_CLIENT.id ? LARGE_CLIENT : dataset.clients.get(id)!.meta;
      list.push({ id, name: meta.name, company: meta.company, eventCount: await storedCount(db, id) });
    }
    sendJson(res, 200, { clients: list });
  }

  let notes = 0;
  async function addNote(req: Req, res: ServerResponse, url: URL) {
    const client = url.searchParams.get('client') ?? '';
    if (!(await storedCount(db, client)) && client !== 'empty') return sendJson(res, 404, { error: `No client "${client}"` });
    let body: { text?: unknown; author?: unknown };
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      return sendJson(res, 400, { error: 'Body is not valid JSON' });
    }
    const text = typeof body?.text === 'string' ? body.text.trim() : '';
    if (!text || text.length > 10_000) return sendJson(res, 400, { error: '"text" must be a non-empty string of at most 10000 characters' });
    const author = typeof body.author === 'string' && body.author.trim() ? body.author.trim().slice(0, 200) : 'You';
    const title = text.length > 80 ? `Note: ${text.slice(0, 77)}…` : `Note: ${text}`;
    const event = { id: `note-added-${client}-${Date.now()}-${++notes}`, type: 'note.added', occurredAt: new Date().toISOString(), title, author: { name: author }, summary: text.split('\n')[0].slice(0, 200), detail: { body: text } };
    await storage.append(client, [event]);
    sendJson(res, 201, event);
  }

  async function handle(req: Req, res: ServerResponse, next: Next = () => {}): Promise<void> {
    const url = new URL(req.originalUrl ?? req.url ?? '/', 'http://demo.invalid');
    if (!url.pathname.startsWith('/api/')) return next();
    try {
      if (handler.handles(url)) {
        // The stream stays open: latency and failures are for page requests.
        if (url.pathname.endsWith('/stream') || (await gate(res, url))) await timeline(req, res);
      } else if (url.pathname === '/api/clients') {
        if (await gate(res, url)) await clients(res);
      } else if (url.pathname === '/api/notes') {
        if (req.method !== 'POST') sendJson(res, 405, { error: 'Use POST' });
        else await addNote(req, res, url);
      } else await mock.handle(req, res, next);
    } catch (error) {
      console.error('[demo]', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'Demo backend error' });
    }
  }

  return { handle, storage, config: mock.config, ready, close: () => storage.close() };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent || res.destroyed) return;
  const data = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(data), ...headers });
  res.end(data);
}
