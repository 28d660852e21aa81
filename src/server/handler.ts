/**
 * The reference server of the HTTP wire format, as a web-standard `(Request) => Promise<Response>` handler: it mounts
 * in Node's `http` and Express (`toNodeListener` in `node.ts`), and as it is in Fastify, Hono, Next.js route
 * handlers, Deno or Bun.
 *
 *   GET {path}?client=<id>&limit=&cursor=&before=&at=&types=&q=&authors=&statuses=&recordTypes=&record=&since=&until=
 *       → { events, nextCursor, total, position, counts, summary?, stream? }
 *   GET {path}/stream?client=<id>   (Last-Event-ID: <change number>)
 *       → text/event-stream: `event: events`, `data: [ …events inserted or changed ]`, `id: <change number>`
 *
 * Nothing is read before the host's `authorize(request, clientId)` allows it; the role it returns narrows every
 * query in SQL.
 */
import { CursorCodec, CursorError } from './cursor.js';
import { pageParser, RequestError, streamParams, type PageParams } from './params.js';
import type { PageStart, Scope, TimelineRole, TimelineStorage } from './storage.js';

export interface TimelineHandlerOptions {
  storage: TimelineStorage;
  /**
   * Required: may the request read `clientId`'s timeline? Return the role (an object, `{}` for everything) to allow,
   * anything else (`null`, `false`, `undefined`) to refuse with 403. Called for every page and stream request, before
   * anything is read.
   */
  authorize: (request: Request, clientId: string) => TimelineRole | null | undefined | false | Promise<TimelineRole | null | undefined | false>;
  /** Signs cursors (HMAC-SHA-256): at least 16 bytes, the same on every instance, kept secret. */
  secret: string | Uint8Array;
  /** Where the page requests come (default `/api/timeline`); the stream is at `{path}/stream`. */
  path?: string;
  /** The largest page served; larger `limit`s are cut to it (default 500). */
  maxLimit?: number;
  /** The page size when `limit` is absent (default 50). */
  defaultLimit?: number;
  /** `false`: no event stream is offered (clients poll). Default `true`. */
  stream?: boolean;
  /** Milliseconds between the stream's keep-alive comments (default 25,000). */
  heartbeatMs?: number;
  /** Headers added to every answer (CORS, for instance). */
  headers?: Record<string, string>;
  /** Told about unexpected failures (answered 500 without details). Default: `console.error`. */
  onError?: (error: unknown, request: Request) => void;
}

export interface TimelineHandler {
  (request: Request): Promise<Response>;
  /** Whether a URL is one this handler answers (for middleware that passes the others on). */
  handles(url: string | URL): boolean;
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
/** Changes sent per stream message at most. */
const STREAM_BATCH = 200;

const isRole = (value: unknown): value is TimelineRole => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The role's permissions, normalized (sorted, unique), so that equal roles make equal cursors. */
function permissionsOf(role: TimelineRole): Scope['permissions'] {
  const p = role.permissions ?? {};
  const list = (v: readonly string[] | undefined) => (Array.isArray(v) ? [...new Set(v.map(String))].sort() : undefined);
  const out: Scope['permissions'] = {};
  const types = list(p.types);
  const recordTypes = list(p.recordTypes);
  if (types) out.types = types;
  if (recordTypes) out.recordTypes = recordTypes;
  if (p.internal === false) out.internal = false;
  return out;
}

export function createTimelineHandler(options: TimelineHandlerOptions): TimelineHandler {
  const { storage } = options;
  if (!storage) throw new TypeError('createTimelineHandler needs a storage');
  if (typeof options.authorize !== 'function') throw new TypeError('createTimelineHandler needs authorize(request, clientId): no timeline is served without it');
  const codec = new CursorCodec(options.secret);
  const path = (options.path ?? '/api/timeline').replace(/\/+$/, '') || '/';
  const streamPath = `${path === '/' ? '' : path}/stream`;
  const parsePage = pageParser(options.maxLimit ?? 500, options.defaultLimit ?? 50);
  const streams = options.stream !== false;
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const extra = options.headers ?? {};
  const onError = options.onError ?? ((error: unknown) => console.error('[client-timeline/server]', error));

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...extra, ...headers } });

  async function authorize(request: Request, clientId: string): Promise<TimelineRole> {
    const role = await options.authorize(request, clientId);
    if (!isRole(role)) throw new RequestError(403, `Not allowed to read the timeline of "${clientId}"`);
    return role;
  }

  async function page(request: Request, params: PageParams): Promise<Response> {
    const role = await authorize(request, params.client);
    const scope: Scope = { clientId: params.client, filter: params.filter, permissions: permissionsOf(role) };
    let start: PageStart = { from: 'newest' };
    if (params.at !== undefined) start = { from: 'at', offset: params.at };
    else if (params.before !== undefined) start = { from: 'before', instant: params.before };
    else if (params.cursor !== undefined) start = { from: 'after', key: codec.decode(scope, params.cursor) };
    const first = start.from === 'newest';
    const [result, total, position, counts, summary] = await Promise.all([
      storage.page(scope, start, params.limit),
      storage.total(scope),
      start.from === 'at' ? Promise.resolve(start.offset) : storage.position(scope, start),
      storage.counts(scope),
      first ? storage.summary(scope) : Promise.resolve(null),
    ]);
    const last = result.events[result.events.length - 1];
    const body: Record<string, unknown> = {
      events: result.events.map((e) => e.event),
      nextCursor: result.more && last ? codec.encode(scope, last.key) : null,
      total,
      // Past the end (`at` beyond the total) the page is empty and stands at the end.
      position: Math.min(position, total),
      counts,
    };
    if (summary && Object.keys(summary).length) body.summary = summary;
    if (first && streams) body.stream = `${streamPath}?client=${encodeURIComponent(params.client)}`;
    return json(200, body);
  }

  async function stream(request: Request, url: URL): Promise<Response> {
    const { client, after } = streamParams(url.searchParams, request.headers.get('last-event-id'));
    const role = await authorize(request, client);
    const scope: Scope = { clientId: client, filter: {}, permissions: permissionsOf(role) };
    let seq = after ?? (await storage.lastChange(client));
    const encoder = new TextEncoder();
    let stop = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        let open = true;
        let running: Promise<void> | null = null;
        let again = false;
        const send = (text: string) => {
          if (!open) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            stop();
          }
        };
        // Sends what changed since `seq`, batch after batch; a change heard meanwhile runs it once more.
        const pump = () => {
          if (running) return void (again = true);
          running = (async () => {
            do {
              again = false;
              for (;;) {
                const { events, last } = await storage.changes(scope, seq, STREAM_BATCH);
                if (!open) return;
                if (events.length) send(`id: ${last}\nevent: events\ndata: ${JSON.stringify(events)}\n\n`);
                seq = last;
                if (events.length < STREAM_BATCH) break;
              }
            } while (again && open);
          })()
            .catch((error) => {
              onError(error, request);
              stop();
            })
            .finally(() => (running = null));
        };
        const unsubscribe = storage.onChange((changed) => changed === client && pump());
        const heartbeat = setInterval(() => send(': keep-alive\n\n'), heartbeatMs);
        stop = () => {
          if (!open) return;
          open = false;
          clearInterval(heartbeat);
          unsubscribe();
          request.signal.removeEventListener('abort', stop);
          try {
            controller.close();
          } catch {
            /* already closed */
          }
        };
        request.signal.addEventListener('abort', stop);
        send(`retry: 3000\n: events of ${JSON.stringify(client)} from change ${seq}\n\n`);
        if (after) pump();
      },
      cancel() {
        stop();
      },
    });
    return new Response(body, {
      status: 200,
      headers: { ...extra, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' },
    });
  }

  const route = (url: URL): 'page' | 'stream' | null => (url.pathname === path ? 'page' : streams && url.pathname === streamPath ? 'stream' : null);

  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const which = route(url);
    try {
      if (!which) throw new RequestError(404, `No timeline endpoint at ${url.pathname}`);
      if (request.method !== 'GET' && request.method !== 'HEAD') throw new RequestError(405, 'Use GET');
      if (which === 'stream') return await stream(request, url);
      return await page(request, parsePage(url.searchParams));
    } catch (error) {
      if (error instanceof RequestError) return json(error.status, { error: error.message }, error.status === 405 ? { Allow: 'GET, HEAD' } : {});
      if (error instanceof CursorError) return json(400, { error: error.message });
      onError(error, request);
      return json(500, { error: 'The timeline could not be read' });
    }
  };
  return Object.assign(handler, { handles: (u: string | URL) => route(new URL(u, 'http://localhost')) !== null });
}
