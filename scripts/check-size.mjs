#!/usr/bin/env node
// Size guard of the self-contained bundle, run by `npm test`: dist/client-timeline.js self-contained (no static
// imports; lazily loaded chunks beside it are fine) and within BUDGET, which holds today's size plus a small margin
// so that growth is a decision, not an accident. TARGET is the size the project aims for and does not meet yet
// (BENCHMARKS.md › Bundle says why and what it would take); it is printed, not enforced.
// Builds dist/ first when it is missing or older than the sources. 1 KB = 1,000 bytes; gzip level 9.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const dist = join(root, 'dist');
export const MAIN = 'client-timeline.js';
// Raised from 58 / 82 KB when the element was split into controllers (+1.3 KB gzip: their names and option objects
// survive minification) and gained its forced-colours styles and logical properties (+0.3 KB); then to 64 / 90 KB
// for the popover panels with their placement and focus handling, focus kept after actions, errors in words, rows
// that wrap their chips, the event type in each description and accent-insensitive search (+4.2 KB main); then to
// 67 / 97 KB for guarded rendering and total formatters, permissions, status and kind filters, the status summary's
// and to-do section's styles (their renderers are a chunk of their own), the long-text and recording parts of the
// detail (+2.5 KB main), and the IndexedDB chunk's checks of stored records and rebuild of a malformed database;
// then to 69 / 99 KB for per-row actions with their shared menu, threads and a record's story (+0.9 KB main); then to
// 69.5 / 107 KB for seeking by date, the gaps it leaves, the scrollbar over the whole history and bounded memory (what
// runs only once a source seeks is the 2.3 KB `gaps` chunk), the validation fast path and long pages in slices,
// after the filter bar's panels, menus, export and the records' computing moved to chunks (−4.9 KB main): 68.1 →
// 69.0 KB main in all; every chunk compresses alone, which costs the total about 2.4 KB. Then +0.9 KB for rows
// rendered through keyedRows() (src/render/keyed-rows.ts), which leave no marker behind on lit-html 3.3.1+
// (lit/lit#5298), lit's repeat() staying in the bundle since the virtualizer imports it; and +1.8 KB main for every
// host: the context protocol (@lit/context's consumer, provider and root) with <client-timeline-provider>, server
// rendering (nothing runs before the element is in a document; the embedded first page) and the gaps controller:
// 71.8 KB main, 109.2 KB in all; then the HTTP adapter following an event stream (+0.3 KB): 72.1 / 109.5 KB; then
// the row window's spacers (the scrollbar over a whole history loaded in one page), nothing moving under a held
// thumb, the day pinned over a spacer and its row bars (+0.9 KB main): 73.1 / 110.5 KB; then the list's height held
// under a held thumb, the layout started again when the window's leading spacer changes and a landing that waits for
// the new rows (+0.35 KB): 73.4 / 110.9 KB.
export const BUDGET = { main: 73_600, total: 111_100 };
export const TARGET = { main: 40_000, total: 55_000 };

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Runs the bundle build (vite) when dist/ is missing or stale; returns whether it built. */
export function ensureBuilt({ force = false, log = console.error } = {}) {
  const main = join(dist, MAIN);
  const inputs = ['src', 'vite.config.ts', 'package.json', 'package-lock.json'].map((p) => newestMtime(join(root, p)));
  if (!force && existsSync(main) && statSync(main).mtimeMs >= Math.max(...inputs)) return false;
  log(`building ${relative(process.cwd(), main) || main} (missing or older than the sources)…`);
  const result = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
  return true;
}

const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Static `import … from "…"` / `import "…"` statements in minified ES module code (dynamic `import()` excluded). */
export function staticImports(code) {
  const found = [];
  const re = /(?:^|[;}\n])\s*(?:import\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s*[\w$]+)?\s*from\s*|import\s*|export\s*(?:\*|\{[^}]*\})\s*from\s*)["']([^"']+)["']/g;
  for (const m of code.matchAll(re)) found.push(m[1]);
  return found;
}

export function dynamicImports(code) {
  return [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
}

/** Bytes of every emitted chunk: raw, gzip -9, brotli -11. */
export function measure() {
  const files = readdirSync(dist).filter((f) => f.endsWith('.js')).sort((a, b) => (a === MAIN ? -1 : b === MAIN ? 1 : a.localeCompare(b)));
  const chunks = files.map((file) => {
    const buf = readFileSync(join(dist, file));
    const code = buf.toString('utf8');
    return { file, raw: buf.length, gzip: gzip(buf), brotli: brotli(buf), staticImports: staticImports(code), dynamicImports: dynamicImports(code) };
  });
  const main = chunks.find((c) => c.file === MAIN);
  if (!main) throw new Error(`dist/${MAIN} is missing`);
  const total = chunks.reduce((sum, c) => ({ raw: sum.raw + c.raw, gzip: sum.gzip + c.gzip, brotli: sum.brotli + c.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { chunks, main, total };
}

/** Problems against the budget (empty when within it). */
export function check({ chunks, main, total }) {
  const problems = [];
  if (main.gzip > BUDGET.main) problems.push(`dist/${MAIN} is ${kb(main.gzip)} gzip, over the ${kb(BUDGET.main)} budget`);
  if (total.gzip > BUDGET.total) problems.push(`all chunks together are ${kb(total.gzip)} gzip, over the ${kb(BUDGET.total)} budget`);
  if (main.staticImports.length) problems.push(`dist/${MAIN} is not self-contained: it statically imports ${main.staticImports.join(', ')}`);
  const names = new Set(chunks.map((c) => `./${c.file}`));
  for (const chunk of chunks) {
    for (const target of chunk.dynamicImports) {
      if (!names.has(target)) problems.push(`dist/${chunk.file} lazily imports ${target}, which is not in dist/`);
    }
  }
  return problems;
}

export const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`;

function main() {
  ensureBuilt({ force: process.argv.includes('--build') });
  const sizes = measure();
  const rows = [...sizes.chunks.map((c) => [`dist/${c.file}`, c.raw, c.gzip, c.brotli]), ['all chunks', sizes.total.raw, sizes.total.gzip, sizes.total.brotli]];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'bundle'.padEnd(w)}  ${'raw'.padStart(10)}  ${'gzip -9'.padStart(10)}  ${'brotli'.padStart(10)}`);
  for (const [name, raw, gz, br] of rows) console.log(`${name.padEnd(w)}  ${kb(raw).padStart(10)}  ${kb(gz).padStart(10)}  ${kb(br).padStart(10)}`);
  const problems = check(sizes);
  console.log(`budget: ${MAIN} ≤ ${kb(BUDGET.main)} gzip and self-contained, all chunks ≤ ${kb(BUDGET.total)} gzip`);
  console.log(`target (not yet met, see BENCHMARKS.md): ${MAIN} ≤ ${kb(TARGET.main)}, all chunks ≤ ${kb(TARGET.total)}`);
  if (problems.length) {
    for (const p of problems) console.error(`✗ ${p}`);
    console.error('What each package contributes: `npm run bench` (section 8) and BENCHMARKS.md › Bundle.');
    process.exit(1);
  }
  console.log(`✓ within the size budget (${kb(BUDGET.main - sizes.main.gzip)} left in the main file)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
