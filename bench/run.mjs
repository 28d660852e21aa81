#!/usr/bin/env node
// `npm run bench [-- --check] [-- --runs N] [-- --beyond]`
// Drives the built dist/client-timeline.js and two baselines side by side in headless Chromium (playwright-core): a
// plain, non-virtualized Lit list (bench/baselines/plain-list.ts) and the same rows on TanStack Virtual
// (bench/baselines/tanstack-list.ts); prints tables and writes bench/results/latest.json.
// --check exits non-zero when a timing or size budget is not met. --beyond also measures 1,000,000 events (loaded
// in one page, and the scrollbar drag over the seeking adapter).
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
// `--only first,cached,sizes,leak,onepage,heap,million,drag,beyond` runs some scenarios; `--sizes 10000` picks the
// history lengths of sizes and onepage (for a quick look).
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

/** The baselines, each built into bench/.build/<name>.js: (a) the plain list, (b) TanStack Virtual. */
const BASELINES = { plain: 'plain-list', tanstack: 'tanstack-list' };

/** Builds the baselines that are missing or older than their sources; returns the targets that can run. */
async function buildBaselines() {
  const built = [];
  const sourcesAt = newest([join(root, 'src'), join(root, 'bench/baselines')]);
  const stale = Object.values(BASELINES).some((name) => {
    const out = join(root, `bench/.build/${name}.js`);
    return !existsSync(out) || statSync(out).mtimeMs < sourcesAt;
  });
  if (stale) log('building the baselines (plain list, TanStack Virtual) into bench/.build/ …');
  const { build } = stale ? await import('vite') : {};
  let first = true;
  for (const [target, name] of Object.entries(BASELINES)) {
    if (stale) {
      try {
        await build({
          configFile: false,
          root,
          logLevel: 'warn',
          // TanStack Virtual reads process.env.NODE_ENV (its debug checks): a production build, as an app would ship.
          define: { 'process.env.NODE_ENV': JSON.stringify('production') },
          build: {
            outDir: join(root, 'bench/.build'),
            emptyOutDir: first,
            target: 'es2022',
            sourcemap: false,
            lib: { entry: join(root, `bench/baselines/${name}.ts`), formats: ['es'], fileName: () => `${name}.js` },
            rolldownOptions: { output: { codeSplitting: false, minify: true } },
          },
        });
        first = false;
      } catch (error) {
        log(`${name} build failed, its columns will be empty: ${error.message}`);
        continue;
      }
    }
    built.push(target);
  }
  return built;
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

/** `million`: how long a jump may take before it is reported as not done. */
const MILLION_CAP_MS = 60_000;
/** `drag`: drags of the scrollbar tried before giving up on reaching the end. */
const MAX_DRAGS = 60;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Where this Chromium draws a vertical scrollbar's parts: probes a plain 900 px scroller with the mouse. `arrow`: the
 * first pixel from the top where a press and a move drag the thumb; `minThumb`: the thumb's length over a very
 * long content (a press below it pages down on its own).
 */
async function calibrateScrollbar(on) {
  const page = await on.newPage({ viewport: { width: 800, height: 1000 } });
  await page.setContent('<body style="margin:0"><div id="s" style="width:600px;height:900px;overflow:auto"><div id="c" style="height:9000px"></div></div></body>');
  const width = await page.evaluate(() => {
    const s = document.getElementById('s');
    return s.offsetWidth - s.clientWidth;
  });
  const x = 600 - Math.ceil(width / 2);
  const probe = async (height, y, move) => {
    await page.evaluate((h) => {
      document.getElementById('c').style.height = `${h}px`;
      document.getElementById('s').scrollTop = 0;
    }, height);
    await page.mouse.move(x, y);
    await page.mouse.down();
    if (move) await page.mouse.move(x, y + move);
    await sleep(30);
    const top = await page.evaluate(() => document.getElementById('s').scrollTop);
    await page.mouse.up();
    return top;
  };
  let arrow = 0;
  for (let y = 0; y < 60 && !arrow; y++) if ((await probe(9_000, y, 40)) > 0) arrow = y;
  let minThumb = 0;
  for (let y = arrow; y < arrow + 80 && !minThumb; y++) if ((await probe(4_000_000, y, 0)) > 0) minThumb = y - arrow;
  await page.close();
  return { width, arrow, minThumb };
}

/**
 * Drags the list's scrollbar thumb to the bottom with real mouse input (press on the thumb, 20 moves over ≈ 1 s to
 * below the list, release), then checks the end; again until the list is at its end or `maxDrags`. Frame times and
 * long tasks are watched over all of it.
 */
async function dragToEnd(page, bar, { maxDrags, lastId }) {
  const call = (name, arg) => page.evaluate(([n, a]) => window.bench[n](a), [name, arg]);
  await call('watchStart');
  const start = Date.now();
  let drags = 0;
  let state = null;
  const path = [];
  for (;;) {
    const g = await call('scrollGeometry');
    const track = g.clientHeight - 2 * bar.arrow;
    const thumb = Math.max(bar.minThumb, (track * g.clientHeight) / g.scrollHeight);
    const max = g.scrollHeight - g.clientHeight;
    const thumbTop = g.top + bar.arrow + (track - thumb) * (max > 0 ? g.scrollTop / max : 0);
    const x = g.right - Math.ceil(g.barWidth / 2);
    const from = thumbTop + Math.min(thumb / 2, 8);
    const to = g.bottom + 40;
    await page.mouse.move(x, from);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) {
      await page.mouse.move(x, from + ((to - from) * i) / 20);
      await sleep(50);
    }
    await page.mouse.up();
    drags++;
    state = await call('endState', { lastId });
    path.push(state.shown);
    if (state.atEnd || drags >= maxDrags) break;
  }
  const ms = Date.now() - start;
  const watch = await call('watchStop');
  return { drags, reached: state.atEnd, ms, ...watch, ...state, path };
}

// ---------------------------------------------------------------- main

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: install one (Debian: apt-get install chromium) or set CHROME_PATH.');
  ensureBuilt({ log });
  const baselines = await buildBaselines();
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}/bench/pages/index.html`;
  const browser = await chromium.launch({ executablePath, headless: true, args: [...chromiumArgs, '--enable-precise-memory-info'] });
  // `--targets element,tanstack` measures some contenders only (for a quick look; a full run measures all).
  const targets = ['element', ...baselines].filter((t) => !listOption('targets') || listOption('targets').includes(t));

  const openPage = async (target, on = browser) => {
    const page = await on.newPage({ viewport: { width: 800, height: 1000 } });
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

  const results = { element: {}, plain: {}, tanstack: {} };
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

    // Beyond: 1,000,000 events (with --only, when it names `beyond`)
    if (flag('beyond') && wants('beyond')) {
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

    // The history of any length. onepage: all of 1k / 10k / 100k events in one page (page-size = count), from the
    // adapter's answer to the first painted row, and the long tasks of that load.
    const onepageSizes = listOption('sizes')?.map(Number) ?? [1_000, 10_000, 100_000];
    for (const target of wants('onepage') ? targets : []) {
      results[target].onepage = {};
      for (const count of onepageSizes) {
        if (target === 'plain' && count === 100_000 && !flag('full')) {
          results.plain.onepage[count] = null;
          continue;
        }
        log(`one page of ${count.toLocaleString('en')} events: ${target}`);
        const runs = [];
        const times = target === 'plain' && count > 1_000 ? 1 : count >= 100_000 ? Math.min(HEAVY_RUNS, 2) : HEAVY_RUNS;
        for (let run = 0; run < times; run++) {
          const page = await openPage(target);
          await call(page, 'prepare', { count });
          runs.push(await call(page, 'onePage', { count }));
          await page.close();
        }
        results[target].onepage[count] = medianOf(runs);
      }
    }

    // heap: the JS heap held after 100,000 events are loaded (GC forced through CDP), every contender.
    // The plain list builds all 100,000 rows (≈ 80 s here): one run.
    for (const target of wants('heap') ? targets : []) {
      log(`heap at 100,000 events: ${target}`);
      const runs = [];
      for (let run = 0; run < (target === 'plain' ? 1 : Math.min(HEAVY_RUNS, 2)); run++) {
        const page = await openPage(target);
        await call(page, 'prepare', { count: 100_000 });
        const empty = await heap(page);
        const load = await call(page, 'loadAll', { count: 100_000, height: 900, timeout: 900_000 });
        const used = await heap(page);
        runs.push({ usedMB: used / MB, deltaMB: (used - empty) / MB, loadMs: load.ms });
        await page.close();
      }
      results[target].heap100k = medianOf(runs);
    }

    // million: 1,000,000 events behind a seeking adapter; a jump five years back, the heap after it and 2,000 rows
    // scrolled, and the set size the list announces. The plain list loads one page and cannot seek: not run.
    if (wants('million')) {
      for (const [target, scenario] of [['element', 'millionJump'], ['tanstack', 'millionIndex']]) {
        if (!targets.includes(target)) continue;
        log(`1,000,000 events, seeking adapter, jump five years back: ${target}`);
        const runs = [];
        for (let run = 0; run < Math.min(HEAVY_RUNS, 2); run++) {
          const page = await openPage(target);
          const empty = await heap(page);
          const r = await call(page, scenario, { cap: MILLION_CAP_MS });
          const used = await heap(page);
          runs.push({ ...r, heapMB: (used - empty) / MB });
          await page.close();
        }
        results[target].million = medianOf(runs);
      }
    }

    // drag: the scrollbar's thumb dragged to the bottom with the mouse, again until the list is at its end. Its own
    // browser: playwright hides scrollbars in headless Chromium unless told not to, and the other scenarios keep
    // that layout.
    if (wants('drag')) {
      const withBars = await chromium.launch({ executablePath, headless: true, args: [...chromiumArgs, '--enable-precise-memory-info'], ignoreDefaultArgs: ['--hide-scrollbars'] });
      try {
        const bar = await calibrateScrollbar(withBars);
        log(`scrollbar: ${bar.width} px wide, arrow ${bar.arrow} px, thumb at least ${bar.minThumb} px`);
        const cases = [{ key: 'drag100k', count: 100_000, seek: false, lastId: 'ev-99999' }];
        if (flag('beyond')) cases.push({ key: 'drag1m', count: 1_000_000, seek: true, lastId: 'ev-999999' });
        for (const c of cases) {
          for (const target of targets) {
            // The plain list reads one page: nothing to seek in.
            if (target === 'plain' && c.seek) {
              results.plain[c.key] = null;
              continue;
            }
            log(`drag the scrollbar to the end, ${c.count.toLocaleString('en')} events${c.seek ? ' (seeking adapter)' : ''}: ${target}`);
            const page = await openPage(target, withBars);
            await call(page, 'mountForDrag', { count: c.count, seek: c.seek });
            results[target][c.key] = { ...(await dragToEnd(page, bar, { maxDrags: target === 'plain' ? 1 : MAX_DRAGS, lastId: c.lastId })), bar };
            await page.close();
          }
        }
      } finally {
        await withBars.close();
      }
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
const ratio = (baseline, element) => {
  if (typeof baseline !== 'number' || typeof element !== 'number' || element <= 0) return '';
  const r = baseline / element;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 || r === 0 ? r.toFixed(1) : Number(r.toPrecision(2))}×`;
};
const HEADER = ['scenario', 'client-timeline', 'plain list', 'TanStack Virtual', 'plain ÷ element', 'TanStack ÷ element'];

/** Prints rows as a table: label, the three figures, then each baseline ÷ the element (> 1×: the element is ahead where less is better). */
function printTable(title, rows) {
  if (!rows.length) return;
  const all = [HEADER, ...rows];
  const w = HEADER.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  console.log(`\n${title}\n`);
  all.forEach((r, i) => {
    console.log(r.map((c, j) => (j === 0 ? String(c).padEnd(w[j]) : String(c).padStart(w[j]))).join('  '));
    if (i === 0) console.log(w.map((n) => '-'.repeat(n)).join('  '));
  });
}

/** Collects table rows; in a partial run (--only), rows without any figure are left out. */
function rowsCollector() {
  const rows = [];
  const add = (label, ev, pv, tv, digits = 1) => {
    if (ONLY && [ev, pv, tv].every((v) => v === null || v === undefined)) return;
    rows.push([label, fmt(ev, digits), fmt(pv, digits), fmt(tv, digits), ratio(pv, ev), ratio(tv, ev)]);
  };
  return { rows, add };
}

const endReached = (scroll, many) => (scroll ? (scroll.reachedEnd ? (many && scroll.endDrags > 1 ? `yes, ${scroll.endDrags} drags to the end` : 'yes') : `no (#${scroll.lastVisible})`) : null);

/** The tables of the history of any length: onepage, heap, million, drag. */
function printHistory(results) {
  const e = results.element;
  const p = results.plain;
  const t = results.tanstack ?? {};
  const each = (f) => [f(e), f(p), f(t)];
  const { rows, add } = rowsCollector();
  for (const n of [1_000, 10_000, 100_000]) {
    const label = n.toLocaleString('en');
    const op = (f) => each((x) => (x.onepage?.[n] ? f(x.onepage[n]) : null));
    add(`onepage: ${label} events in one page, answer → first row (ms)`, ...op((x) => x.ms), 0);
    add(`onepage: ${label}: longest task during the load (ms)`, ...op((x) => x.longTaskMax), 0);
    add(`onepage: ${label}: long tasks during the load (count)`, ...op((x) => x.longTasks), 0);
  }
  add('heap: JS heap held with 100,000 events loaded (MB)', ...each((x) => x.heap100k?.deltaMB));
  add('heap: (those 100,000 events loaded → first row, ms)', ...each((x) => x.heap100k?.loadMs), 0);
  printTable('the history of any length: onepage, heap (baseline ÷ element)', rows);

  const m = rowsCollector();
  const em = e.million;
  const tm = t.million;
  if (em || tm) {
    const target = (em ?? tm).targetIndex;
    const secs = (x) => (x.ms >= 10_000 ? `${(x.ms / 1000).toFixed(1)} s` : `${Math.round(x.ms)} ms`);
    const jump = (x, what) => (x ? (x.done ? `${what}: ${secs(x)}, ${x.requests} requests` : `> ${MILLION_CAP_MS / 1000} s, ${x.requests} requests (${x.loadedAtStop.toLocaleString('en')} rows loaded)`) : null);
    m.add(`million: to the event five years back (#${(target + 1).toLocaleString('en')}; element: jumpTo, TanStack: scrollToIndex)`, jump(em, em?.found ? 'found' : 'not found'), null, jump(tm, 'at the top'));
    m.add('million: that, in ms (when done within the cap)', em?.done ? em.ms : null, null, tm?.done ? tm.ms : null, 0);
    m.add('million: fetchPage calls for it', em?.requests, null, tm?.requests, 0);
    m.add('million: where the list is then (first row on screen)', em ? `#${em.landed.toLocaleString('en')}` : null, null, tm ? `#${tm.landed.toLocaleString('en')}` : null);
    m.add('million: then ≈ 2,000 rows scrolled down, to row', em ? `#${em.to.toLocaleString('en')}` : null, null, tm ? `#${tm.to.toLocaleString('en')}` : null);
    m.add('million: JS heap held after the jump and the scroll (MB)', em?.heapMB, null, tm?.heapMB);
    m.add('million: events loaded then', em?.loaded, null, tm?.loaded, 0);
    const setSize = (x) => (x ? `${x.setSize.toLocaleString('en')}${x.setSize === 1_000_000 ? ' (= 1,000,000)' : ' (≠ 1,000,000)'}` : null);
    m.add('million: aria-setsize on the first row', setSize(em), null, setSize(tm));
  }
  printTable('1,000,000 events behind a seeking adapter (50 per page; the plain list cannot seek: not run)', m.rows);

  const d = rowsCollector();
  for (const [key, label] of [['drag100k', '100,000 loaded'], ['drag1m', '1,000,000, seeking adapter']]) {
    const dr = (f) => each((x) => (x[key] ? f(x[key]) : null));
    if (!dr((x) => x).some(Boolean)) continue;
    d.add(`drag: ${label}: end reached by dragging the thumb`, ...dr((x) => (x.reached ? `yes, ${x.drags} drag${x.drags > 1 ? 's' : ''}` : `no after ${x.drags} (row #${x.shown.toLocaleString('en')})`)));
    d.add(`drag: ${label}: drags (cap ${MAX_DRAGS}; plain list 1)`, ...dr((x) => x.drags), 0);
    d.add(`drag: ${label}: total time (s)`, ...dr((x) => x.ms / 1000));
    d.add(`drag: ${label}: frame p95 during the drags (ms)`, ...dr((x) => x.p95));
    d.add(`drag: ${label}: long tasks (count)`, ...dr((x) => x.longTasks), 0);
    d.add(`drag: ${label}: longest task (ms)`, ...dr((x) => x.longTaskMax), 0);
  }
  printTable('dragging the scrollbar to the end with the mouse (baseline ÷ element)', d.rows);
}

function print({ machine, results, bundle, checks, notes, seconds }) {
  const e = results.element;
  const p = results.plain;
  const t = results.tanstack ?? {};
  const { rows, add } = rowsCollector();
  add('1. first row after data, 50 events (ms)', e.firstRow?.ms, p.firstRow?.ms, t.firstRow?.ms);
  add('2. cached first row after connect (ms)', e.cachedFirstRow?.ms, null, null);
  for (const n of [1_000, 10_000, 100_000]) {
    const es = e.sizes?.[n];
    const ps = p.sizes?.[n];
    const ts = t.sizes?.[n];
    const label = n.toLocaleString('en');
    const each = (f) => [f(es), f(ps), f(ts)];
    add(`   load ${label} events → first row (ms)`, ...each((x) => x?.load?.ms), 0);
    add(`4. shadow DOM elements at ${label}`, ...each((x) => x?.dom?.elements), 0);
    add(`4. rows in the DOM at ${label} (900 px)`, ...each((x) => x?.dom?.rows), 0);
    add(`7. JS heap held by the list at ${label} (MB)`, ...each((x) => x?.heap?.deltaMB));
    if (es?.scroll || ps?.scroll || ts?.scroll) {
      const sc = (f) => each((x) => (x?.scroll ? f(x.scroll) : null));
      add(`3. scroll ${label} top→bottom (${SCROLL_STEPS} frames; plain list ${SCROLL_STEPS / 2}): frame p50 (ms)`, ...sc((x) => x.p50));
      add(`3. scroll ${label}: frame p95 (ms)`, ...sc((x) => x.p95));
      add(`3. scroll ${label}: frame p99 (ms)`, ...sc((x) => x.p99));
      add(`3. scroll ${label}: style+layout per frame (ms)`, ...sc((x) => x.styleMsPerFrame + x.layoutMsPerFrame));
      add(`3. scroll ${label}: script per frame (ms)`, ...sc((x) => x.scriptMsPerFrame));
      add(`3. scroll ${label}: long tasks (count)`, ...sc((x) => x.longTasks), 0);
      add(`3. scroll ${label}: longest task (ms)`, ...sc((x) => x.longTaskMax), 0);
      add(`3. scroll ${label}: full rows on screen after the drag stops (ms)`, ...sc((x) => x.fullRowsMs));
      add(`3. reading scroll ${label} (50 px/frame): frame p95 (ms)`, ...sc((x) => x.wheel_p95));
      add(`3. reading scroll ${label}: long tasks (count)`, ...sc((x) => x.wheel_longTasks), 0);
      add(`3. reading scroll ${label}: longest task (ms)`, ...sc((x) => x.wheel_longTaskMax), 0);
      add(`3. scroll ${label}: end reached`, endReached(es?.scroll, true), endReached(ps?.scroll), endReached(ts?.scroll, true));
    }
  }
  add('5. filter toggle at 10,000 (ms)', e.filterSearch?.filterMs, null, null);
  add('5. search at 10,000 (ms)', e.filterSearch?.searchMs, null, null);
  add('5. search keystroke at 10,000, incl. debounce (ms)', e.filterSearch?.keystrokeMs, null, null);
  add('6. expand at 10,000 → painted (ms)', e.expandCollapse?.expandMs, p.expandCollapse?.expandMs, t.expandCollapse?.expandMs);
  add('6. collapse at 10,000 → painted (ms)', e.expandCollapse?.collapseMs, p.expandCollapse?.collapseMs, t.expandCollapse?.collapseMs);
  add('6. scroll jump on expand/collapse (px, max)', e.expandCollapse?.jumpPxMax, p.expandCollapse?.jumpPxMax, t.expandCollapse?.jumpPxMax);
  add('7. heap growth, 200 mount cycles (MB)', e.leak?.growthMB, null, null, 2);
  if (e.beyond) {
    add('beyond: 1,000,000 events load (ms)', e.beyond.loadMs, null, null, 0);
    add('beyond: 1,000,000 heap (MB)', e.beyond.heapMB, null, null);
    add('beyond: scrollbar dragged to its end, again until the last row', `#${e.beyond.byScrollbar} after ${e.beyond.drags} drags, ${(e.beyond.scrollbarMs / 1000).toFixed(1)} s`, null, null);
    for (const [label, j, want] of [['newest', e.beyond.toNewest, 1], ['#654,322', e.beyond.toMiddle, 654_322], ['oldest', e.beyond.toOldest, 1_000_000]]) {
      add(`beyond: jump to the ${label} event's date`, `${j.found && j.first <= want && want <= j.last ? 'on screen' : 'not shown'} (rows #${j.first.toLocaleString('en')}–#${j.last.toLocaleString('en')}), ${Math.round(j.ms)} ms`, null, null);
    }
  }
  console.log(`\nclient-timeline benchmarks — ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Chromium ${machine.chromium}, load average ${machine.loadAverage.join(' ')}, medians of up to ${RUNS} runs, ${seconds.toFixed(0)} s`);
  printTable('ratios: baseline ÷ element (above 1× the element is ahead: less time, fewer elements, less memory)', rows);
  printHistory(results);
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
