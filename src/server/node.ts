/**
 * Node's `http` (and Express, Connect, Koa's `ctx.req`/`ctx.res`) on a web-standard handler: the request becomes a
 * `Request` whose `signal` aborts when the connection closes, the `Response` is written back as it streams.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

type WebHandler = ((request: Request) => Promise<Response>) & { handles?(url: string | URL): boolean };

/** `req` as a `Request`, aborted when the connection goes away. */
export function toRequest(req: IncomingMessage & { originalUrl?: string }, signal?: AbortSignal): Request {
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.originalUrl ?? req.url ?? '/', `http://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : (Readable.toWeb(req) as ReadableStream<Uint8Array>);
  return new Request(url, { method, headers, body, signal, ...(body ? { duplex: 'half' } : {}) } as RequestInit);
}

/** Writes a `Response` to `res`, streaming its body; stops reading it when the connection closes. */
export async function writeResponse(response: Response, res: ServerResponse, method = 'GET'): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  const cookies = response.headers.getSetCookie?.();
  if (cookies?.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText || undefined, headers);
  if (!response.body || method === 'HEAD') {
    await response.body?.cancel();
    res.end();
    return;
  }
  if (typeof res.flushHeaders === 'function') res.flushHeaders();
  const reader = response.body.getReader();
  const onClose = () => void reader.cancel().catch(() => undefined);
  res.once('close', onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve));
    }
  } catch {
    /* the connection went away: nothing more to write */
  } finally {
    res.off('close', onClose);
    if (!res.writableEnded) res.end();
  }
}

/**
 * A Node listener for `handler`: `http.createServer(toNodeListener(handler))`, or `app.use(toNodeListener(handler))`
 * in Express/Connect, where requests the handler does not answer (`handler.handles`) go to `next()`.
 */
export function toNodeListener(handler: WebHandler) {
  return async (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next?: (error?: unknown) => void): Promise<void> => {
    if (next && handler.handles && !handler.handles(req.originalUrl ?? req.url ?? '/')) return next();
    const aborter = new AbortController();
    res.once('close', () => aborter.abort());
    try {
      await writeResponse(await handler(toRequest(req, aborter.signal)), res, req.method);
    } catch (error) {
      if (next) return next(error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: 'Internal error' }));
    }
  };
}
