/**
 * PostgreSQL through node-postgres (`pg`): a pool for queries and one dedicated connection for `LISTEN`. The package
 * is loaded when first used, so that a host on PGlite alone does not need it installed.
 */

/** A channel name as an SQL identifier. */
const identifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
import type pg from 'pg';
import type { SqlClient } from './sql-client.js';
import { SqlStorage, type SqlStorageOptions } from './sql-storage.js';

/** The {@link SqlClient} of a `pg` pool. `own`: the pool ends with the client. */
export function pgClient(pool: pg.Pool, own = false): SqlClient {
  const listeners = new Set<pg.PoolClient>();
  return {
    query: async <Row>(text: string, params: readonly unknown[] = []) => ({ rows: (await pool.query(text, params as unknown[])).rows as Row[] }),
    exec: async (text) => void (await pool.query(text)),
    async listen(channel, onNotify) {
      // A connection of its own, held for as long as the listener lives (notifications arrive on it).
      const client = await pool.connect();
      listeners.add(client);
      const onNotification = (message: pg.Notification) => message.channel === channel && onNotify(message.payload ?? '');
      client.on('notification', onNotification);
      await client.query(`listen ${identifier(channel)}`);
      return async () => {
        if (!listeners.delete(client)) return;
        client.off('notification', onNotification);
        try {
          await client.query(`unlisten ${identifier(channel)}`);
        } finally {
          client.release();
        }
      };
    },
    async close() {
      for (const client of listeners) client.release();
      listeners.clear();
      if (own) await pool.end();
    },
  };
}

/**
 * Storage on PostgreSQL: `database` is a connection string (`postgres://user@host:5432/db`) or a `pg.Pool` (left open
 * by `close()`). Migrates the schema before resolving.
 */
export async function createPgStorage(database: string | pg.Pool, options: SqlStorageOptions = {}): Promise<SqlStorage> {
  const own = typeof database === 'string';
  let pool: pg.Pool;
  if (typeof database === 'string') {
    const { default: driver } = await import('pg');
    pool = new driver.Pool({ connectionString: database, max: 10 });
    // An idle connection that fails (the server restarted) is dropped from the pool; queries get a new one.
    pool.on('error', (error) => console.error('[client-timeline/server] PostgreSQL connection lost:', error.message));
  } else pool = database;
  return SqlStorage.open(pgClient(pool, own), { ...options, engine: 'postgres' });
}
