/**
 * The embedded engine: PGlite (PostgreSQL compiled to WebAssembly, in this process), with the `unaccent` and
 * `pg_trgm` extensions it ships. No server to run: a folder on disk, or memory. The package is loaded when first
 * used, so that a host on PostgreSQL alone does not need it installed.
 */
import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { SqlClient } from './sql-client.js';
import { SqlStorage, type SqlStorageOptions } from './sql-storage.js';

/** A PGlite database with the extensions the schema uses; `dataDir` on disk, or in memory when absent. */
export async function openPglite(dataDir?: string): Promise<PGlite> {
  // PGlite creates the folder, not its parents.
  if (dataDir && !dataDir.includes('://')) await mkdir(dataDir, { recursive: true });
  const [{ PGlite }, { pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ]);
  return PGlite.create({ dataDir, extensions: { pg_trgm, unaccent } });
}

const isPglite = (value: unknown): value is PGlite => typeof value === 'object' && value !== null && typeof (value as PGlite).listen === 'function' && 'waitReady' in value;

/** The {@link SqlClient} of a PGlite database. `own`: closed with the client. */
export function pgliteClient(db: PGlite, own = false): SqlClient {
  return {
    query: async <Row>(text: string, params: readonly unknown[] = []) => ({ rows: (await db.query<Row>(text, params as unknown[])).rows }),
    exec: async (text) => void (await db.exec(text)),
    listen: (channel, onNotify) => db.listen(channel, onNotify),
    close: async () => {
      if (own && !db.closed) await db.close();
    },
  };
}

/**
 * Storage on PGlite: `database` is a folder to keep the data in (created when missing), an open `PGlite` (left open
 * by `close()`), or nothing for a database in memory. Migrates the schema before resolving.
 */
export async function createPgliteStorage(database?: string | PGlite, options: SqlStorageOptions = {}): Promise<SqlStorage> {
  const own = !isPglite(database);
  const db = isPglite(database) ? database : await openPglite(database);
  return SqlStorage.open(pgliteClient(db, own), { ...options, engine: 'pglite' });
}
