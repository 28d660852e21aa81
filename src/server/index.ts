/**
 * `client-timeline/server`: the reference server of the element's HTTP wire format (Node ≥ 20, no browser code).
 *
 * ```js
 * import { createTimelineHandler, createPgliteStorage, toNodeListener } from 'client-timeline/server';
 * const storage = await createPgliteStorage('./timeline-data');
 * const handler = createTimelineHandler({ storage, secret: process.env.CURSOR_SECRET, authorize: (req, clientId) => … });
 * http.createServer(toNodeListener(handler)).listen(8080);
 * ```
 */
export { createTimelineHandler, type TimelineHandler, type TimelineHandlerOptions } from './handler.js';
export type { EventFilter, EventKey, PageStart, RecordSummary, RolePermissions, Scope, StoredEvent, TimelineRole, TimelineStorage } from './storage.js';
export { SqlStorage, type SqlStorageOptions } from './sql-storage.js';
export type { SqlClient } from './sql-client.js';
export { migrate, SCHEMA_VERSION, CHANGES_CHANNEL, type SchemaFeatures } from './schema.js';
export { createPgliteStorage, openPglite, pgliteClient } from './pglite.js';
export { createPgStorage, pgClient } from './pg.js';
export { toNodeListener, toRequest, writeResponse } from './node.js';
