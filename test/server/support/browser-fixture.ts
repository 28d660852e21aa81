/**
 * The reference server for the browser tests (web-test-runner mounts it under `/server-api/`): the handler on an
 * in-memory PGlite, opened at the first request, plus what the tests need around it: `POST /server-api/notes?client=`
 * writes an event, `GET /server-api/streams` says how many event streams are open, and `/server-api/polled/timeline`
 * is the same handler over the same rows with `stream: false` (a server that names no event stream).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTimelineHandler } from '../../../src/server/handler.js';
import { toNodeListener } from '../../../src/server/node.js';
import { createPgliteStorage } from '../../../src/server/pglite.js';

export async function createBrowserFixture() {
  const storage = await createPgliteStorage();
  let open = 0;
  const counted = Object.create(storage, {
    onChange: {
      value: (listener: (clientId: string) => void) => {
        open++;
        const stop = storage.onChange(listener);
        return () => (open--, stop());
      },
    },
  });
  const handler = createTimelineHandler({ storage: counted, secret: 'browser tests sign their cursors', path: '/server-api/timeline', authorize: () => ({}) });
  const listener = toNodeListener(handler);
  const polled = toNodeListener(createTimelineHandler({ storage, secret: 'browser tests sign their cursors', path: '/server-api/polled/timeline', stream: false, authorize: () => ({}) }));
  let notes = 0;

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fixture.invalid');
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/server-api/streams') return json(200, { open });
    if (url.pathname === '/server-api/notes' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const { text } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { text?: string };
      const event = { id: `note-${++notes}`, type: 'note.added', occurredAt: new Date().toISOString(), title: `Note: ${text ?? ''}` };
      await storage.append(url.searchParams.get('client') ?? '', [event]);
      return json(201, event);
    }
    if (url.pathname.startsWith('/server-api/polled/')) return polled(req, res);
    return listener(req, res);
  };
}
