/**
 * The little the storage needs from a database driver: parameterized queries, a script of statements, and
 * notifications. node-postgres and PGlite each get a thin adapter (`pg.ts`, `pglite.ts`); the SQL is the same.
 */
export interface SqlClient {
  /** One statement with `$1`… parameters. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
  /** Statements separated by `;`, no parameters. */
  exec(text: string): Promise<void>;
  /** `LISTEN channel`: `onNotify` gets each payload. Resolves to the function that stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Closes what the adapter opened (not what the host passed in). */
  close(): Promise<void>;
}
