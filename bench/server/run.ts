/**
 * `npm run bench:server`: the reference handler on a 1,000,000-event client, on PGlite and (with
 * `TIMELINE_DATABASE_URL`, or `-- --postgres` to start a throwaway cluster through scripts/with-postgres.sh) on
 * PostgreSQL. Requests go through the handler (a web `Request` each, no network), against a naive `LIMIT … OFFSET`
 * query as the baseline: first pages, deep pages (a cursor at event 900,000), seeks by date and by position,
 * searches. Prints pages per second and p50/p99 latency, and the ratio to OFFSET at depth.
 *
 * The PGlite database is kept in node_modules/.cache/client-timeline-bench/ (generated once, a few minutes).
 */
import { createTimelineHandler } from '../../src/server/handler.js';
import { createPgStorage } from '../../src/server/pg.js';
import { createPgliteStorage } from '../../src/server/pglite.js';
import type { SqlStorage } from '../../src/server/sql-storage.js';
import { generateClient, storedCount } from '../../demo/server/generated-client.js';

const COUNT = 1_000_000;
const CLIENT = 'umbrella';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function measure(label: string, run: (i: number) => Promise<unknown>, rounds = ROUNDS) {
  await run(-1); // warm: plans, caches of totals and counts
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return { label, perSecond: (rounds / total) * 1000, p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

async function bench(storage: SqlStorage) {
  const db = storage.db;
  if ((await storedCount(db, CLIENT)) !== COUNT) {
    const t = performance.now();
    console.log(`generating ${COUNT.toLocaleString('en')} events on ${storage.engine}…`);
    await generateClient(db, { clientId: CLIENT, idPrefix: CLIENT, count: COUNT, newest: new Date('2026-11-23T12:00:00Z') });
    console.log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } else await db.exec('vacuum analyze timeline_events');
  const handler = createTimelineHandler({ storage, secret: 'the benchmark signs its cursors', authorize: () => ({}) });
  const get = async (query: string) => {
    const res = await handler(new Request(`http://bench.invalid/api/timeline?client=${CLIENT}&limit=50&${query}`));
    if (res.status !== 200) throw new Error(`${query}: HTTP ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ events: { id: string }[]; nextCursor: string | null; position: number }>;
  };
  // A cursor at event 900,000: the page that `at` lands on, and its nextCursor.
  const deep = await get('at=899950');
  const deepCursor = deep.nextCursor!;
  const check = await get(`cursor=${encodeURIComponent(deepCursor)}`);
  if (check.position !== 900_000) throw new Error(`the deep cursor stands at ${check.position}, not 900,000`);
  const offset = (n: number) =>
    db.query(`select id from timeline_events where client_id = $1 order by occurred_at desc, id desc limit 50 offset $2`, [CLIENT, n]);
  const words = ['jose', 'kestrel lumen', 'renewal', 'amelie', 'ref 4242'];
  const rows = [
    await measure('first page', () => get('')),
    await measure('deep page (cursor at 900,000)', () => get(`cursor=${encodeURIComponent(deepCursor)}`)),
    await measure('seek by date (before, ~7 years back)', (i) => get(`before=${new Date(Date.UTC(2019, 11, 1) + i * 3_600_000).toISOString()}`)),
    await measure('seek by position (at=900,000)', () => get('at=900000')),
    await measure('search, first page (5 terms, cached totals)', (i) => get(`q=${encodeURIComponent(words[(i + 5) % 5])}`)),
    await measure('OFFSET 0 (naive, SQL only)', () => offset(0)),
    await measure('OFFSET 900,000 (naive, SQL only)', () => offset(900_000), Math.min(ROUNDS, 10)),
  ];
  const byLabel = Object.fromEntries(rows.map((r) => [r.label, r]));
  console.log(`\n${storage.engine}: ${COUNT.toLocaleString('en')} events, ${ROUNDS} requests each`);
  console.log('| request | pages/s | p50 ms | p99 ms |\n|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.label} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`);
  const deepRow = byLabel['deep page (cursor at 900,000)'];
  const naive = byLabel['OFFSET 900,000 (naive, SQL only)'];
  console.log(`\ndeep page by cursor vs OFFSET 900,000: ${(naive.p50 / deepRow.p50).toFixed(1)}× faster at p50 (the handler's figure includes total, position and counts)`);
}

const url = process.env.TIMELINE_DATABASE_URL;
if (!process.argv.includes('--only-postgres')) {
  const dir = new URL('../../node_modules/.cache/client-timeline-bench/pglite-v1', import.meta.url).pathname;
  const storage = await createPgliteStorage(dir);
  try {
    await bench(storage);
  } finally {
    await storage.close();
  }
}
if (url) {
  const storage = await createPgStorage(url);
  try {
    await bench(storage);
  } finally {
    await storage.close();
  }
} else if (process.argv.includes('--postgres')) {
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync('bash', ['scripts/with-postgres.sh', 'node', '--import', 'tsx', 'bench/server/run.ts', '--only-postgres'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
