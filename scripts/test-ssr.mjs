// Server rendering, as an SSR host does it: Node renders a page with <client-timeline> through `@lit-labs/ssr`
// (no DOM shim), Chromium loads it and Lit's hydration support takes the server's DOM over. Checks that
//   - the server draws the shell (filter bar, skeleton, labels in the requested language) and fetches nothing,
//   - the client hydrates it (the server's nodes kept, no mismatch, no console error),
//   - an embedded first page shows without being fetched again, and the pages after it come from the source,
//   - without one, the first page is fetched once.
// Needs lib/ built (`npm run build`, or `tsc -p tsconfig.build.json`).
//
//   node scripts/test-ssr.mjs
// Prints `N passed, M failed`; exits 1 on any failure.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer as createVite } from 'vite';
import { tsImport } from 'tsx/esm/api';
import { createChecks } from './checks.mjs';
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const { check, fail, finish } = createChecks();
if (!existsSync(`${root}lib/index.js`)) {
  fail('lib/ is not built: run `npm run build` first');
  finish();
}

// Fetches on the server would be a bug: count them.
const serverFetches = [];
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  serverFetches.push(String(input));
  return realFetch(input, init);
};
const { renderPage } = await import('../test/hosts/ssr/render.mjs');

// The demo's backend: the reference server on an in-memory PGlite, seeded at a fixed now.
const { createDemoBackend } = await tsImport('../demo/server/backend.ts', import.meta.url);
const backend = await createDemoBackend({ dataDir: 'memory', largeCount: 0, big: false, latencyMs: 0, now: new Date('2026-11-23T12:00:00Z'), log: () => {} });
const vite = await createVite({ root, configFile: false, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false }, optimizeDeps: { noDiscovery: true, include: [] } });
const requests = [];
let embed = true;
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/') {
    try {
      // The first page as the host's server gets it: from the same endpoint, over HTTP.
      const page = embed ? await (await realFetch(`${base}/api/timeline?client=lucia&limit=50`, { headers: { 'x-from': 'server' } })).json() : null;
      const html = await renderPage({ clientId: 'lucia', src: '/api/timeline', locale: url.searchParams.get('locale') ?? 'es', page });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error?.stack ?? error));
    }
    return;
  }
  if (url.pathname === '/api/timeline' && req.headers['x-from'] !== 'server') requests.push(url.search);
  backend.handle(req, res, () => vite.middlewares(req, res));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

/** A request for the newest page (no cursor, no seek by date or position). */
const isFirstPage = (search) => !/[?&](cursor|before|at)=/.test(search);

let browser;
try {
  await check('the server renders the shell in Spanish with no DOM and fetches nothing', async () => {
    embed = false;
    const before = serverFetches.length;
    const html = await renderPage({ clientId: 'lucia', src: '/api/timeline', locale: 'es', page: null });
    if (!/<client-timeline[^>]*><template shadowroot="open" shadowrootmode="open">/.test(html)) throw new Error('no declarative shadow root');
    for (const words of ['Buscar en la actividad', 'Cualquier fecha', 'state-loading', 'aria-busy="true"']) if (!html.includes(words)) throw new Error(`"${words}" missing from the shell`);
    if (serverFetches.length !== before) throw new Error(`the server fetched ${serverFetches.slice(before).join(', ')}`);
    // With an adapter object set on the server: never asked for a page there.
    const asked = [];
    const adapter = { fetchPage: (query) => (asked.push(query), new Promise(() => {})) };
    const withAdapter = await renderPage({ clientId: 'lucia', adapter, locale: 'es', page: null });
    if (!withAdapter.includes('state-loading')) throw new Error('no skeleton with an adapter');
    await new Promise((r) => setTimeout(r, 50));
    if (asked.length) throw new Error(`the adapter was asked for ${asked.length} page(s) on the server`);
    return `${(html.length / 1024).toFixed(0)} KB of HTML`;
  });

  browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: chromiumArgs });

  /** Loads the page rendered with or without the first page embedded; what the browser reported. */
  async function open(withPage) {
    embed = withPage;
    requests.length = 0;
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const problems = [];
    page.on('console', (m) => (m.type() === 'error' || /mismatch/i.test(m.text())) && problems.push(`console ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    await page.goto(`${base}/?locale=es`);
    await page.waitForFunction(() => document.querySelector('client-timeline')?.shadowRoot?.querySelectorAll('article[data-key]').length > 3, null, { timeout: 20_000 });
    return { page, problems };
  }

  await check('the client hydrates the server DOM (kept, not drawn again) and shows the embedded page without fetching it', async () => {
    const { page, problems } = await open(true);
    const kept = await page.evaluate(() => document.querySelector('client-timeline').shadowRoot.querySelector('input[type=search]') === window.serverDrawn);
    if (!kept) throw new Error('the search box the server drew was replaced: a second render, not hydration');
    const placeholder = await page.evaluate(() => document.querySelector('client-timeline').shadowRoot.querySelector('input[type=search]').getAttribute('aria-label'));
    if (placeholder !== 'Buscar en la actividad') throw new Error(`search labelled "${placeholder}"`);
    await page.waitForTimeout(300);
    const first = requests.filter(isFirstPage);
    if (first.length) throw new Error(`the first page was fetched again: ${first.join(' ')}`);
    if (problems.length) throw new Error(problems.join('\n'));
    // The pages after the embedded one come from the source (by cursor, or at a position: the source seeks).
    await page.evaluate(() => {
      const box = document.querySelector('client-timeline').shadowRoot.querySelector('.scroller');
      box.scrollTop = box.scrollHeight;
    });
    await page.waitForFunction(() => document.querySelector('client-timeline').events.length > 50, null, { timeout: 10_000 });
    if (!requests.some((search) => !isFirstPage(search))) throw new Error(`no next page asked for: ${requests.join(' ')}`);
    if (problems.length) throw new Error(problems.join('\n'));
    await page.close();
    return `requests: ${requests.join(' ')}`;
  });

  await check('without an embedded page, the hydrated element fetches the first page once', async () => {
    const { page, problems } = await open(false);
    await page.waitForTimeout(300);
    const first = requests.filter(isFirstPage);
    if (first.length !== 1) throw new Error(`${first.length} first-page requests: ${first.join(' ')}`);
    if (problems.length) throw new Error(problems.join('\n'));
    await page.close();
  });
} catch (error) {
  fail(`setup: ${error?.stack ?? error}`);
} finally {
  await browser?.close();
  await vite.close();
  server.close();
  await backend.close();
  console.log(`server rendering checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
finish();
