/**
 * The engine the server suite runs on: PGlite in memory by default, PostgreSQL when `TIMELINE_DATABASE_URL` is set
 * (`.ci/run` starts a throwaway cluster and sets it). Each suite serves the handler over real HTTP on 127.0.0.1.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTimelineHandler, type TimelineHandlerOptions } from '../../src/server/handler.js';
import { toNodeListener } from '../../src/server/node.js';
import { createPgStorage } from '../../src/server/pg.js';
import { createPgliteStorage } from '../../src/server/pglite.js';
import type { SqlStorage } from '../../src/server/sql-storage.js';

export const databaseUrl = process.env.TIMELINE_DATABASE_URL || undefined;
export const engineName = databaseUrl ? 'postgres' : 'pglite';

export async function openStorage(): Promise<SqlStorage> {
  return databaseUrl ? createPgStorage(databaseUrl) : createPgliteStorage();
}

export const SECRET = 'the server suite signs with this';

/** A unique client id per test, so that suites share one database without seeing each other's rows. */
let clients = 0;
export const newClient = (label = 'c') => `${label}-${process.pid}-${Date.now().toString(36)}-${++clients}`;

export interface Served {
  base: string;
  get(path: string, init?: RequestInit): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** The handler over real HTTP on a free loopback port. */
export async function serve(options: Omit<TimelineHandlerOptions, 'secret'> & { secret?: string }): Promise<Served> {
  const handler = createTimelineHandler({ secret: SECRET, ...options });
  const server = http.createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    async get(path, init) {
      const res = await fetch(base + path, init);
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body, headers: res.headers };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The wire format's query string. */
export const qs = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
