#!/usr/bin/env node
// `npm run bench [-- --check] [-- --runs N] [-- --beyond]`
// Drives the built dist/client-timeline.js and a plain, non-virtualized Lit list (bench/baselines/plain-list.ts)
// side by side in headless Chromium (playwright-core), prints a table and writes bench/results/latest.json.
// --check exits non-zero when a timing or size budget is not met. --beyond also measures 1,000,000 events.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium-path.mjs';
import { TARGET as SIZE_BUDGET, check as checkSize, dist, ensureBuilt, kb, measure, root } from '../scripts/check-size.mjs';
import { attribute } from './support/bundle.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const RUNS = option('runs', 5);
// `--only first,cached,sizes,leak` runs some scenarios; `--sizes 10000` picks the history lengths (for a quick look).
const listOption = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1].split(',') : null;
};
const ONLY = listOption('only');
const wants = (scenario) => !ONLY || ONLY.includes(scenario);
/** A partial run does not replace the full results. */
const RESULTS_FILE = `bench/results/${ONLY || listOption('sizes') ? 'partial' : 'latest'}.json`;
const HEAVY_RUNS = Math.max(1, Math.min(RUNS, 3));
const startedAt = Date.now();
const log = (...m) => console.error(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)}s]`, ...m);

/** Timing and memory budgets (the size budget lives in scripts/check-size.mjs). */
const BUDGET = {
  firstRowMs: 50,
  cachedFirstRowMs: 100,
  scrollLongTasks: 0, // no long task (> 50 ms) while scrolling 100k
  rowsAt900px: 120,
  filterMs: 50,
  heap100kMB: 60,
  leakMB: 1, // heap after 200 mount/unmount cycles minus after the first, after GC
  scrollJumpPx: 1,
};

// ---------------------------------------------------------------- build

function newest(paths) {
  let t = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
    else t = Math.max(t, s.mtimeMs);
  };
  paths.forEach(walk);
  return t;
}

async function buildBaseline() {
  const out = join(root, 'bench/.build/plain-list.js');
  if (existsSync(out) && statSync(out).mtimeMs >= newest([join(root, 'src'), join(root, 'bench/baselines')])) return true;
  log('building the plain-list baseline into bench/.build/ …');
  const { build } = await import('vite');
  try {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      build: {
        outDir: join(root, 'bench/.build'),
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: false,
        lib: { entry: join(root, 'bench/baselines/plain-list.ts'), formats: ['es'], fileName: () => 'plain-list.js' },
        rolldownOptions: { output: { codeSplitting: false, minify: true } },
      },
    });
    return true;
  } catch (error) {
    log(`baseline build failed, baseline columns will be empty: ${error.message}`);
    return false;
  }
}

// ---------------------------------------------------------------- static server

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.map': 'application/json', '.json': 'application/json', '.css': 'text/css' };

function serve() {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(root, path);
    if (!/^\/(dist|bench)\//.test(path) || !file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------- helpers

const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
/** Median of each numeric field over runs (other fields from the last run). */
const medianOf = (runs) => {
  const ok = runs.filter(Boolean);
  if (!ok.length) return null;
  const out = { ...ok[ok.length - 1], runs: ok.length };
  for (const key of Object.keys(ok[0])) if (typeof ok[0][key] === 'number') out[key] = median(ok.map((r) => r[key]));
  return out;
};
const MB = 1_000_000;
const SCROLL_STEPS = 180;
const metrics = ({ metrics }) => Object.fromEntries(metrics.map((m) => [m.name, m.value]));

// ---------------------------------------------------------------- main

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: install one (Debian: apt-get install chromium) or set CHROME_PATH.');
  ensureBuilt({ log });
  const baselineBuilt = await buildBaseline();
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}/bench/pages/index.html`;
  const browser = await chromium.launch({ executablePath, headless: true, args: [...chromiumArgs, '--enable-precise-memory-info'] });
  const targets = baselineBuilt ? ['element', 'plain'] : ['element'];

  const openPage = async (target) => {
    const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
    page.on('pageerror', (error) => log(`[${target}] page error: ${error.message}`));
    await page.goto(`${base}?target=${target}`);
    await page.evaluate(() => new Promise((r) => (window.bench ? r() : addEventListener('load', r))));
    await page.evaluate(() => window.bench.ready());
    return page;
  };
  const heap = async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return usedSize;
  };
  const call = (page, name, arg) => page.evaluate(([n, a]) => window.bench[n](a), [name, arg]);

  const results = { element: {}, plain: {} };
  const notes = [];
  try {
    // 1. adapter answer → first row painted (50 events)
    for (const target of wants('first') ? targets : []) {
      log(`first row: ${target}`);
      const page = await openPage(target);
      await call(page, 'firstRow', { count: 50 }); // warm-up: code compiled, fonts loaded
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await call(page, 'firstRow', { count: 50 }));
      results[target].firstRow = medianOf(runs);
      await page.close();
    }

    // 2. connect → first row from the IndexedDB cache
    if (wants('cached')) {
      const page = await openPage('element');
      if (await call(page, 'hasCache')) {
        log('cached first row: element');
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await call(page, 'cachedFirstRow', { count: 50, namespace: `bench-${i}` }));
        results.element.cachedFirstRow = medianOf(runs);
      } else {
        results.element.cachedFirstRow = null;
        notes.push('cached first row: n/a (the element has no `cache` attribute yet)');
      }
      await page.close();
    }

    // 3, 4, 5, 6, 7: 1k / 10k / 100k events loaded (one page each, 900 px tall element)
    const sizes = listOption('sizes')?.map(Number) ?? [1_000, 10_000, 100_000];
    for (const target of wants('sizes') ? targets : []) {
      results[target].sizes = {};
      for (const count of sizes) {
        // The plain list is slow to build (≈ 2.5 ms per row here): 100,000 rows only with --full.
        if (target === 'plain' && count === 100_000 && !flag('full')) {
          results.plain.sizes[count] = null;
          continue;
        }
        log(`${count.toLocaleString('en')} events: ${target}`);
        const entry = {};
        const loads = [];
        const heaps = [];
        const scrolls = [];
        // Heavy sizes get fewer runs so the whole bench stays under 5 minutes on 2 cores.
        const runs = target === 'plain' ? (count > 1_000 ? 1 : HEAVY_RUNS) : count === 1_000 ? HEAVY_RUNS : Math.min(HEAVY_RUNS, 2);
        for (let run = 0; run < runs; run++) {
          const page = await openPage(target);
          await call(page, 'prepare', { count });
          const empty = await heap(page); // the generated events included: the difference is what the list holds
          loads.push(await call(page, 'loadAll', { count, height: 900 }));
          const used = await heap(page);
          heaps.push({ usedMB: used / MB, deltaMB: (used - empty) / MB });
          if (run === 0) entry.dom = await call(page, 'domCounts');
          if (count >= 10_000) {
            const cdp = await page.context().newCDPSession(page);
            await cdp.send('Performance.enable');
            const before = metrics(await cdp.send('Performance.getMetrics'));
            const scroll = await call(page, 'scrollThrough', { steps: target === 'plain' ? SCROLL_STEPS / 2 : SCROLL_STEPS });
            const after = metrics(await cdp.send('Performance.getMetrics'));
            // Main-thread time per frame spent in style, layout and script during the scroll.
            for (const [key, name] of [['styleMsPerFrame', 'RecalcStyleDuration'], ['layoutMsPerFrame', 'LayoutDuration'], ['scriptMsPerFrame', 'ScriptDuration']]) {
              scroll[key] = ((after[name] - before[name]) * 1000) / scroll.frames;
            }
            // A steady reading scroll (50 px per frame from the middle), where rows are reused rather than rebuilt.
            const wheel = await call(page, 'scrollThrough', { steps: 120, wheelPx: 50 });
            for (const key of ['p50', 'p95', 'p99', 'longTasks', 'longTaskMax']) scroll[`wheel_${key}`] = wheel[key];
            scrolls.push(scroll);
            await cdp.detach();
          }
          if (count === 10_000 && run === 0) {
            // 6. expand / collapse and 5. filter / search on the same 10k page
            const toggles = [];
            for (let i = 0; i < RUNS; i++) toggles.push(await call(page, 'expandCollapse'));
            results[target].expandCollapse = medianOf(toggles);
            results[target].expandCollapse.jumpPxMax = Math.max(...toggles.map((t) => t.jumpPx));
            if (target === 'element') {
              if (await call(page, 'hasFilters')) {
                const runsF = [];
                for (let i = 0; i < RUNS; i++) runsF.push(await call(page, 'filterSearch'));
                results.element.filterSearch = medianOf(runsF);
              } else {
                results.element.filterSearch = null;
                notes.push('filter/search: n/a (the element has no `types`/`q` filter properties yet)');
              }
            }
          }
          await page.close();
        }
        entry.load = medianOf(loads);
        entry.heap = medianOf(heaps);
        if (scrolls.length) entry.scroll = medianOf(scrolls);
        results[target].sizes[count] = entry;
      }
    }

    // 7. leak check: heap after 200 mount/unmount cycles vs after the first
    if (wants('leak')) {
      log('200 mount/unmount cycles: element');
      const page = await openPage('element');
      await call(page, 'mountCycles', { cycles: 1 });
      const first = await heap(page);
      await call(page, 'mountCycles', { cycles: 200 });
      const after = await heap(page);
      results.element.leak = { firstMB: first / MB, after200MB: after / MB, growthMB: (after - first) / MB };
      await page.close();
    }

    // Beyond: 1,000,000 events
    if (flag('beyond')) {
      log('1,000,000 events: element');
      const page = await openPage('element');
      await call(page, 'prepare', { count: 1_000_000 });
      const empty = await heap(page);
      const load = await call(page, 'loadAll', { count: 1_000_000, height: 900 });
      const used = await heap(page);
      const end = await call(page, 'reachEnd');
      results.element.beyond = { loadMs: load.ms, heapMB: (used - empty) / MB, ...end };
      await page.close();
    }

    results.chromium = browser.version();
  } finally {
    await browser.close();
    server.close();
  }

  // 8. bundle
  const sizes = measure();
  const bundle = {
    chunks: sizes.chunks.map(({ file, raw, gzip, brotli }) => ({ file, minified: raw, gzip, brotli, source: attribute(join(dist, file))?.reduce((s, p) => s + p.source, 0) ?? null })),
    total: sizes.total,
    packages: attribute(join(dist, 'client-timeline.js')),
    files: attribute(join(dist, 'client-timeline.js'), { byFile: true })?.filter((f) => f.package.startsWith('src/')),
    lazyPackages: Object.fromEntries(sizes.chunks.filter((c) => c.file !== 'client-timeline.js').map((c) => [c.file, attribute(join(dist, c.file))])),
    problems: checkSize(sizes),
  };

  const machine = {
    cpu: cpus()[0]?.model?.trim(),
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 1e9),
    os: `${platform()} ${release()} ${arch()}`,
    loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
    node: process.version,
    chromium: results.chromium,
  };
  const report = { date: new Date().toISOString(), machine, runs: RUNS, budgets: { ...BUDGET, mainGzip: SIZE_BUDGET.main, totalGzip: SIZE_BUDGET.total }, results, bundle, notes, seconds: (Date.now() - startedAt) / 1000 };
  const checks = budgetChecks(report);
  report.checks = checks;
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, RESULTS_FILE), JSON.stringify(report, null, 2));
  print(report);
  if (flag('check')) {
    const failed = checks.filter((c) => c.ok === false);
    if (failed.length) {
      console.log(`\n✗ ${failed.length} budget(s) not met: ${failed.map((c) => c.name).join('; ')}`);
      process.exitCode = 1;
    } else console.log('\n✓ all measured budgets met');
  }
}

function budgetChecks({ results, bundle }) {
  const e = results.element;
  const s100 = e.sizes?.[100_000];
  const check = (name, value, limit, unit, na) => ({ name, value, limit, unit, ok: value === null || value === undefined ? null : value <= limit, na });
  return [
    check('first row after data', e.firstRow?.ms, BUDGET.firstRowMs, 'ms'),
    check('cached first row after connect', e.cachedFirstRow?.ms, BUDGET.cachedFirstRowMs, 'ms', 'no cache yet'),
    check('long tasks while scrolling 100k', s100?.scroll?.longTasks, BUDGET.scrollLongTasks, ''),
    check('rows in the DOM, 900 px tall, 100k', s100?.dom?.rows, BUDGET.rowsAt900px, ''),
    check('filter update at 10k', e.filterSearch?.filterMs, BUDGET.filterMs, 'ms', 'no filters yet'),
    check('search update at 10k', e.filterSearch?.searchMs, BUDGET.filterMs, 'ms', 'no filters yet'),
    check('scroll jump on expand/collapse', e.expandCollapse?.jumpPxMax, BUDGET.scrollJumpPx, 'px'),
    check('JS heap held by the list at 100k', s100?.heap?.deltaMB, BUDGET.heap100kMB, 'MB'),
    check('heap growth over 200 mount cycles', e.leak?.growthMB, BUDGET.leakMB, 'MB'),
    check('main bundle gzip', bundle.chunks[0].gzip / 1000, SIZE_BUDGET.main / 1000, 'KB'),
    check('all chunks gzip', bundle.total.gzip / 1000, SIZE_BUDGET.total / 1000, 'KB'),
  ];
}

// ---------------------------------------------------------------- output

const fmt = (v, digits = 1) => (v === null || v === undefined ? 'n/a' : typeof v === 'number' ? v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 }) : String(v));
const ratio = (plain, element) => (typeof plain === 'number' && typeof element === 'number' && element > 0 ? `${(plain / element).toFixed(plain / element >= 10 ? 0 : 1)}×` : '');

function print({ machine, results, bundle, checks, notes, seconds }) {
  const e = results.element;
  const p = results.plain;
  const rows = [['scenario', 'client-timeline', 'plain list', 'plain ÷ element']];
  const add = (label, ev, pv, digits = 1) => rows.push([label, fmt(ev, digits), fmt(pv, digits), ratio(pv, ev)]);
  add('1. first row after data, 50 events (ms)', e.firstRow?.ms, p.firstRow?.ms);
  add('2. cached first row after connect (ms)', e.cachedFirstRow?.ms, null);
  for (const n of [1_000, 10_000, 100_000]) {
    const es = e.sizes?.[n];
    const ps = p.sizes?.[n];
    const label = n.toLocaleString('en');
    add(`   load ${label} events → first row (ms)`, es?.load?.ms, ps?.load?.ms, 0);
    add(`4. shadow DOM elements at ${label}`, es?.dom?.elements, ps?.dom?.elements, 0);
    add(`4. rows in the DOM at ${label} (900 px)`, es?.dom?.rows, ps?.dom?.rows, 0);
    add(`7. JS heap held by the list at ${label} (MB)`, es?.heap?.deltaMB, ps?.heap?.deltaMB);
    if (es?.scroll || ps?.scroll) {
      add(`3. scroll ${label} top→bottom (${SCROLL_STEPS} frames): frame p50 (ms)`, es?.scroll?.p50, ps?.scroll?.p50);
      add(`3. scroll ${label}: frame p95 (ms)`, es?.scroll?.p95, ps?.scroll?.p95);
      add(`3. scroll ${label}: frame p99 (ms)`, es?.scroll?.p99, ps?.scroll?.p99);
      add(`3. scroll ${label}: style+layout per frame (ms)`, es?.scroll ? es.scroll.styleMsPerFrame + es.scroll.layoutMsPerFrame : null, ps?.scroll ? ps.scroll.styleMsPerFrame + ps.scroll.layoutMsPerFrame : null);
      add(`3. scroll ${label}: script per frame (ms)`, es?.scroll?.scriptMsPerFrame, ps?.scroll?.scriptMsPerFrame);
      add(`3. scroll ${label}: long tasks (count)`, es?.scroll?.longTasks, ps?.scroll?.longTasks, 0);
      add(`3. scroll ${label}: longest task (ms)`, es?.scroll?.longTaskMax, ps?.scroll?.longTaskMax, 0);
      add(`3. scroll ${label}: full rows on screen after the drag stops (ms)`, es?.scroll?.fullRowsMs, ps?.scroll?.fullRowsMs);
      add(`3. reading scroll ${label} (50 px/frame): frame p95 (ms)`, es?.scroll?.wheel_p95, ps?.scroll?.wheel_p95);
      add(`3. reading scroll ${label}: long tasks (count)`, es?.scroll?.wheel_longTasks, ps?.scroll?.wheel_longTasks, 0);
      add(`3. reading scroll ${label}: longest task (ms)`, es?.scroll?.wheel_longTaskMax, ps?.scroll?.wheel_longTaskMax, 0);
      add(`3. scroll ${label}: end reached`, es?.scroll ? (es.scroll.reachedEnd ? (es.scroll.endDrags > 1 ? `yes, ${es.scroll.endDrags} drags to the end` : 'yes') : `no (#${es.scroll.lastVisible})`) : null, ps?.scroll ? (ps.scroll.reachedEnd ? 'yes' : `no (#${ps.scroll.lastVisible})`) : null);
    }
  }
  add('5. filter toggle at 10,000 (ms)', e.filterSearch?.filterMs, null);
  add('5. search at 10,000 (ms)', e.filterSearch?.searchMs, null);
  add('5. search keystroke at 10,000, incl. debounce (ms)', e.filterSearch?.keystrokeMs, null);
  add('6. expand at 10,000 → painted (ms)', e.expandCollapse?.expandMs, p.expandCollapse?.expandMs);
  add('6. collapse at 10,000 → painted (ms)', e.expandCollapse?.collapseMs, p.expandCollapse?.collapseMs);
  add('6. scroll jump on expand/collapse (px, max)', e.expandCollapse?.jumpPxMax, p.expandCollapse?.jumpPxMax);
  add('7. heap growth, 200 mount cycles (MB)', e.leak?.growthMB, null, 2);
  if (e.beyond) {
    add('beyond: 1,000,000 events load (ms)', e.beyond.loadMs, null, 0);
    add('beyond: 1,000,000 heap (MB)', e.beyond.heapMB, null);
    add('beyond: scrollbar dragged to its end, again until the last row', `#${e.beyond.byScrollbar} after ${e.beyond.drags} drags, ${(e.beyond.scrollbarMs / 1000).toFixed(1)} s`, null);
    for (const [label, j, want] of [['newest', e.beyond.toNewest, 1], ['#654,322', e.beyond.toMiddle, 654_322], ['oldest', e.beyond.toOldest, 1_000_000]]) {
      add(`beyond: jump to the ${label} event's date`, `${j.found && j.first <= want && want <= j.last ? 'on screen' : 'not shown'} (rows #${j.first.toLocaleString('en')}–#${j.last.toLocaleString('en')}), ${Math.round(j.ms)} ms`, null);
    }
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  console.log(`\nclient-timeline benchmarks — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Chromium ${machine.chromium}, load average ${machine.loadAverage.join(' ')}, medians of up to ${RUNS} runs, ${seconds.toFixed(0)} s\n`);
  rows.forEach((r, i) => {
    console.log(r.map((c, j) => (j === 0 ? String(c).padEnd(w[j]) : String(c).padStart(w[j]))).join('  '));
    if (i === 0) console.log(w.map((n) => '-'.repeat(n)).join('  '));
  });
  console.log('\n8. bundle (bytes; gzip -9)');
  for (const c of bundle.chunks) console.log(`   dist/${c.file}: ${kb(c.minified)} minified, ${kb(c.gzip)} gzip, ${kb(c.brotli)} brotli`);
  console.log(`   all chunks: ${kb(bundle.total.raw)} minified, ${kb(bundle.total.gzip)} gzip`);
  console.log('   main file by package (source → minified, gzip alone, share of the file\'s gzip):');
  for (const pkg of bundle.packages ?? []) console.log(`     ${pkg.package.padEnd(26)} ${kb(pkg.source).padStart(10)} → ${kb(pkg.minified).padStart(10)}, ${kb(pkg.gzipAlone).padStart(9)}, ${kb(pkg.gzipShare).padStart(9)}`);
  console.log('   the project\'s own files in it, largest first (minified, gzip alone, share of the file\'s gzip):');
  for (const f of (bundle.files ?? []).slice(0, 12)) console.log(`     ${f.package.padEnd(36)} ${kb(f.minified).padStart(10)}, ${kb(f.gzipAlone).padStart(9)}, ${kb(f.gzipShare).padStart(9)}`);
  console.log('\nbudgets');
  for (const c of checks) console.log(`   ${c.ok === null ? '–' : c.ok ? '✓' : '✗'} ${c.name}: ${c.ok === null ? `n/a${c.na ? ` (${c.na})` : ''}` : `${fmt(c.value, 2)}${c.unit} (≤ ${c.limit}${c.unit})`}`);
  for (const n of notes) console.log(`   note: ${n}`);
  console.log(`\nwritten: ${RESULTS_FILE}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
