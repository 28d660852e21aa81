// The demo page as a developer first sees it: starts vite (the demo + its backend over HTTP) on a free
// port, opens the page in headless Chromium and checks that the element renders events fetched
// over HTTP, that the host-app controls work (client search, event log, sign-out), with no
// console error. Stops vite when done.
//
//   node scripts/test-demo.mjs
// Prints `N passed, M failed`; exits 1 on any failure.
import { createChecks } from './checks.mjs';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const { check, fail, finish } = createChecks();


const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const dataDir = mkdtempSync(join(tmpdir(), 'ct-demo-'));
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
const vite = spawn(`${root}node_modules/.bin/vite`, ['--config', 'vite.config.ts', '--strictPort'], {
  cwd: root,
  // The demo's database in a folder of this run, with a smaller generated client (the full million is generated once
  // by `npm start` and kept; here it would only slow the run down).
  env: { ...process.env, PORT: String(port), MOCK_LATENCY: '50', DEMO_DATA_DIR: dataDir, DEMO_LARGE_EVENTS: '20000' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let viteOutput = '';
vite.stdout.on('data', (d) => (viteOutput += d));
vite.stderr.on('data', (d) => (viteOutput += d));
const stopVite = () => vite.exitCode === null && vite.kill('SIGTERM');
process.on('exit', stopVite);

const base = `http://127.0.0.1:${port}`;
let browser;
try {
  // Wait for the dev server to answer (real condition, bounded).
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/clients`)).ok) break;
    } catch {
      // Not listening yet: ask again.
    }
    // The demo's backend opens PGlite and seeds the clients before vite listens (≈ 10–30 s on 2 cores).
    if (i > 1200 || vite.exitCode !== null) throw new Error(`vite did not start:\n${viteOutput}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
  const problems = [];
  const timelineRequests = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const streams = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname === '/api/timeline/stream') streams.push(`${r.status()} ${new URL(r.url()).search}`);
    else if (r.url().includes('/api/timeline')) timelineRequests.push(`${r.status()} ${new URL(r.url()).search}`);
    else if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const titles = () =>
    page.evaluate(() =>
      [...(document.querySelector('client-timeline')?.shadowRoot?.querySelectorAll('article [part~="title"]') ?? [])].map((t) => t.textContent.trim()),
    );

  await check('the demo page renders Karina\'s events fetched over HTTP', async () => {
    await page.goto(`${base}/?client=karina`, { waitUntil: 'load' });
    await page.waitForFunction(() => (document.querySelector('client-timeline')?.shadowRoot?.querySelectorAll('article').length ?? 0) >= 3, null, { timeout: 15_000 });
    const shown = await titles();
    if (!shown.some((t) => t.includes('Pro Plan'))) throw new Error(`no "Pro Plan" event among ${JSON.stringify(shown)}`);
    const ok = timelineRequests.filter((r) => r.startsWith('200') && r.includes('client=karina'));
    if (!ok.length) throw new Error(`no 200 from /api/timeline?client=karina (saw ${JSON.stringify(timelineRequests)})`);
    return `${shown.length} rows, first "${shown[0]}"`;
  });

  await check('the event log shows what the element fired', async () => {
    await page.waitForFunction(() => [...document.querySelectorAll('#log .name')].some((n) => n.textContent === 'timeline-page'), null, { timeout: 10_000 });
    return (await page.locator('#log li').first().textContent()).slice(0, 90);
  });

  await check('client search by name ("lucia" finds Lucía Fernández) switches the timeline', async () => {
    await page.fill('#client-search', 'lucia');
    await page.waitForFunction(() => document.querySelector('client-timeline').clientId === 'lucia', null, { timeout: 5_000 });
    await page.waitForFunction(
      () => [...document.querySelector('client-timeline').shadowRoot.querySelectorAll('article')].length > 0 &&
        document.querySelector('client-timeline').events.every((e) => e.id.startsWith('lucia')),
      null,
      { timeout: 15_000 },
    );
    if (!timelineRequests.some((r) => r.startsWith('200') && r.includes('client=lucia'))) throw new Error('no request for client=lucia');
    return `${(await titles()).length} rows, first "${(await titles())[0]}"`;
  });

  await check('a failing backend shows the error with Retry, and Retry recovers', async () => {
    await page.fill('#client-search', '');
    await page.click('#fail');
    await page.waitForFunction(async () => (await (await fetch('/api/mock-config')).json()).failRate === 1, null, { timeout: 5_000 });
    await page.selectOption('#client', 'twozo');
    await page.waitForFunction(() => document.querySelector('client-timeline').shadowRoot.querySelector('[part~="error-state"], [part~="status-bar"], [part~="cache-notice"]'), null, { timeout: 15_000 });
    await page.click('#fail');
    await page.waitForFunction(async () => (await (await fetch('/api/mock-config')).json()).failRate === 0, null, { timeout: 5_000 });
    await page.locator('client-timeline [part~="retry"]').first().click();
    await page.waitForFunction(() => document.querySelector('client-timeline').events.some((e) => e.id.startsWith('twozo')), null, { timeout: 15_000 });
    // The injected 503s are expected here; they are not problems of the page.
    for (let i = problems.length - 1; i >= 0; i--) if (/503|Service Unavailable/.test(problems[i])) problems.splice(i, 1);
    return `${(await titles()).length} rows after Retry`;
  });

  await check('"Sign out" clears the cache and the timeline loads again', async () => {
    const before = timelineRequests.length;
    await page.click('#sign-out');
    await page.waitForFunction(() => /signed out: cache cleared/.test(document.querySelector('#log').textContent), null, { timeout: 5_000 });
    await page.waitForFunction(() => document.querySelector('client-timeline').shadowRoot.querySelectorAll('article').length > 0, null, { timeout: 15_000 });
    if (timelineRequests.length <= before) throw new Error('no new request after sign-out');
    return `${timelineRequests.length - before} request(s) after sign-out`;
  });

  await check('"Add note": the note arrives through the event stream, and no page is fetched for it', async () => {
    // The element follows the stream the first page of the client named.
    await page.waitForFunction(() => document.querySelector('client-timeline').events.some((e) => e.id.startsWith('twozo')), null, { timeout: 15_000 });
    for (let i = 0; !streams.some((s) => s.startsWith('200') && s.includes('client=twozo')); i++) {
      if (i > 150) throw new Error(`no event stream opened: ${streams.join(' ') || 'none'}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const before = timelineRequests.length;
    const text = `Called back about the renewal (${Date.now()})`;
    await page.fill('#note-text', text);
    await page.click('#composer button[type="submit"]');
    await page.waitForFunction(() => /Note added/.test(document.querySelector('#action-status').textContent), null, { timeout: 10_000 });
    await page.waitForFunction((title) => document.querySelector('client-timeline').events[0]?.title === title, `Note: ${text}`, { timeout: 10_000 });
    await page.waitForFunction((title) => [...document.querySelector('client-timeline').shadowRoot.querySelectorAll('article [part~="title"]')].some((t) => t.textContent.includes(title)), `Note: ${text}`, { timeout: 10_000 });
    if (timelineRequests.length !== before) throw new Error(`pages fetched for the note: ${timelineRequests.slice(before).join(' ')}`);
    return `through ${streams.filter((s) => s.includes('client=twozo')).length} stream(s), 0 page requests`;
  });

  await check('no console errors, page errors or failed requests', async () => {
    if (problems.length) throw new Error(problems.join('\n'));
  });
} catch (error) {
  fail(error.message);
} finally {
  await browser?.close();
  stopVite();
}
console.log(`demo checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
finish();
