/**
 * The demo's backend: the reference handler (`src/server`) on PGlite, or on PostgreSQL when `DATABASE_URL` is set,
 * seeded with the demo clients of `seed-data.mjs`, plus what only a demo needs in front of it (`faults.mjs`): the
 * latency and failure gate (driven by `/api/mock-config`), the generated media the seeded events link to and the
 * fault endpoints; and here the client list and "Add note" (`POST /api/notes`: a row written, which reaches the page
 * through the event stream).
 *
 * Seeding: the small clients (Karina, Twozo, OctopusPro, Lucía, the empty one) are written afresh at every start,
 * relative to `now`; Globex (100,000 events, from `seed-data.mjs`; `big: false` leaves it out) and Umbrella
 * (`largeCount` events, generated in SQL; 0 leaves it out) are written once, in the background, and kept in the data
 * folder between starts. The browser tests and the node checks use it in memory, at a fixed `now`, without either.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTimelineHandler } from '../../src/server/handler.js';
import { toNodeListener } from '../../src/server/node.js';
import { createPgStorage } from '../../src/server/pg.js';
import { createPgliteStorage } from '../../src/server/pglite.js';
import type { SqlStorage } from '../../src/server/sql-storage.js';
import { answerHttpError, createFaults, readJsonBody, sendJson } from './faults.mjs';
import { generateClient, storedCount } from './generated-client.js';
import { buildDataset } from './seed-data.mjs';

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
  /** Whether Globex (`big`, 100,000 events) is seeded (default true). */
  big?: boolean;
  /** The instant the seeded data is relative to (default: now). */
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
  const withBig = options.big ?? true;
  const faults = createFaults({ latencyMs: options.latencyMs ?? 0 });
  const dataset = buildDataset({ now });
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
  const small = dataset.order.filter((id) => id !== 'big');
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
    if (withBig && (await storedCount(db, 'big')) !== big.size) {
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

  /** The clients served, in the order the demo lists them (the empty one last). */
  const clientIds = [...dataset.order.filter((id) => id !== 'empty' && (withBig || id !== 'big')), ...(largeCount > 0 ? [LARGE_CLIENT.id] : []), 'empty'];

  async function clients(res: ServerResponse) {
    const list = [];
    for (const id of clientIds) {
      const meta = id === LARGE_CLIENT.id ? LARGE_CLIENT : dataset.clients.get(id)!.meta;
      list.push({ id, name: meta.name, company: meta.company, eventCount: await storedCount(db, id) });
    }
    sendJson(res, 200, { clients: list });
  }

  let notes = 0;
  async function addNote(req: Req, res: ServerResponse, url: URL) {
    const client = url.searchParams.get('client') ?? '';
    if (!clientIds.includes(client)) return sendJson(res, 404, { error: `No client "${client}"` });
    const body = (await readJsonBody(req)) as { text?: unknown; author?: unknown } | null;
    const text = typeof body?.text === 'string' ? body.text.trim() : '';
    if (!text || text.length > 10_000) return sendJson(res, 400, { error: '"text" must be a non-empty string of at most 10000 characters' });
    const author = typeof body?.author === 'string' && body.author.trim() ? body.author.trim().slice(0, 200) : 'You';
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
        if (url.pathname.endsWith('/stream') || (await faults.gate(req, res))) await timeline(req, res);
      } else if (url.pathname === '/api/clients') {
        if (req.method !== 'GET' && req.method !== 'HEAD') sendJson(res, 405, { error: 'Use GET' });
        else if (await faults.gate(req, res)) await clients(res);
      } else if (url.pathname === '/api/notes') {
        if (req.method !== 'POST') sendJson(res, 405, { error: 'Use POST' });
        else await addNote(req, res, url);
      } else {
        await faults.handle(req, res, (error) => {
          if (!error) return sendJson(res, 404, { error: `No demo endpoint ${req.method} ${url.pathname}` });
          console.error('[demo]', error);
          sendJson(res, 500, { error: 'Demo backend error' });
        });
      }
    } catch (error) {
      if (answerHttpError(error, res)) return;
      console.error('[demo]', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'Demo backend error' });
    }
  }

  return { handle, storage, config: faults.config, stats: faults.stats, clients: clientIds, ready, close: () => storage.close() };
}
