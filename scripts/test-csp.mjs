// The bundle under a strict Content-Security-Policy and enforced Trusted Types.
//
// Serves dist/client-timeline.js (and its lazily loaded chunk), the demo's backend (the reference server on an
// in-memory PGlite, with the demo's media) and a host page
// from a small HTTP server on 127.0.0.1, each page with its policy as an HTTP header, no inline script
// or style anywhere; opens them in headless Chromium and checks that rows render (over HTTP and from an
// adapter), that HTML bodies expand sanitized (no script ran, remote images held back until "Show
// images"), and that the element itself causes no `securitypolicyviolation` event and no console error.
// Then it proves the policy was really enforced (eval and a raw innerHTML string both refused).
//
// A note on hostile bodies: Chromium reports (and blocks) inline handlers and styles as soon as hostile
// markup is parsed, even into the sanitizer's inert document. Those reports are the policy doing its
// job on the attacker's markup; 'report-sample' lets the check tell them from the element's own.
//
//   node scripts/test-csp.mjs          (builds dist/ first when it is missing or older than src/)
// Prints `N passed, M failed`; exits 1 on any failure.
import { createChecks } from './checks.mjs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';
import { dist, ensureBuilt } from './check-size.mjs';
import { tsImport } from 'tsx/esm/api';

/** The policies the element must work under: nothing beyond 'self'. */
const POLICIES = {
  strict: "default-src 'self'; script-src 'self' 'report-sample'; style-src 'self' 'report-sample'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'",
  // A host that also allow-lists Trusted Types policy names: the ones the element creates.
  'named policies':
    "default-src 'self'; script-src 'self' 'report-sample'; style-src 'self' 'report-sample'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types lit-html dompurify",
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>client-timeline under CSP</title>
<link rel="stylesheet" href="/host.css">
<script type="module" src="/host.js"></script>
</head>
<body>
<client-timeline id="http" src="/api/timeline" client-id="twozo" cache="none"></client-timeline>
<client-timeline id="adapter" client-id="hostile" cache="none"></client-timeline>
</body>
</html>`;

const HOST_CSS = `client-timeline { display: block; height: 420px; width: 700px; margin-bottom: 16px; }`;

// The host page's own script (external: the policy allows no inline script).
const HOST_JS = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
});
// Run from the page's own script (evaluations from the test driver bypass the policy).
document.addEventListener('csp-probe', () => setTimeout(() => {
  const probe = { evalBlocked: false, trustedTypesEnforced: false };
  try {
    (0, eval)('1');
  } catch {
    probe.evalBlocked = true;
  }
  try {
    document.createElement('div').innerHTML = '<b>x</b>';
  } catch {
    probe.trustedTypesEnforced = true;
  }
  window.__probe = probe;
}));
await import('/client-timeline.js');
const now = Date.now();
const hostile = [
  {
    id: 'mail', type: 'email.received', occurredAt: new Date(now - 3600e3).toISOString(), title: 'Re: quote <img src=x onerror="window.__pwned=1">',
    author: { name: '<script>window.__pwned=2</script>', avatarUrl: 'javascript:window.__pwned=3' },
    detail: {
      bodyFormat: 'html',
      body: '<p id="greeting">Hello <b>Karina</b></p><img src="/api/avatars/tracker.svg" alt="tracker"><script>window.__pwned=4</script>' +
        '<img src=x onerror="window.__pwned=5"><a href="javascript:window.__pwned=6">link</a><svg onload="window.__pwned=7"></svg>' +
        '<style>p { color: red }</style><p style="color: red">styled</p><iframe srcdoc="<script>parent.__pwned=8</script>"></iframe>',
    },
  },
  { id: 'note', type: 'note.added', occurredAt: new Date(now - 7200e3).toISOString(), title: 'Plain note', detail: { body: '<b>not markup</b>' } },
  {
    id: 'newsletter', type: 'email.received', occurredAt: new Date(now - 9000e3).toISOString(), title: 'Newsletter',
    detail: { bodyFormat: 'html', body: '<h2>News</h2><p>Read <a href="https://example.com/news">more</a>.</p><img src="/api/avatars/news.svg" alt="banner">' },
  },
];
document.getElementById('adapter').adapter = {
  async fetchPage({ cursor }) {
    return { events: cursor ? [] : hostile, nextCursor: null };
  },
};
`;

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.map': 'application/json' };

ensureBuilt();
const { createDemoBackend } = await tsImport('../demo/server/backend.ts', import.meta.url);
const backend = await createDemoBackend({ dataDir: 'memory', largeCount: 0, big: false, latencyMs: 0, now: new Date('2026-11-23T12:00:00Z'), log: () => {} });

let policy = POLICIES.strict;
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const send = (status, type, body) => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Security-Policy': policy, 'Cache-Control': 'no-store' });
    res.end(body);
  };
  if (url.pathname.startsWith('/api/')) return backend.handle(req, res);
  if (url.pathname === '/') return send(200, 'text/html', PAGE);
  if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
  if (url.pathname === '/host.js') return send(200, 'text/javascript', HOST_JS);
  if (url.pathname === '/host.css') return send(200, 'text/css', HOST_CSS);
  // The bundle and its chunks, nothing outside dist/.
  const file = normalize(join(dist, url.pathname));
  if (!file.startsWith(dist) || !/^\/client-timeline[\w.-]*\.js(\.map)?$/.test(url.pathname)) return send(404, 'text/plain', 'not found');
  try {
    send(200, TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream', await readFile(file));
  } catch {
    send(404, 'text/plain', 'not found');
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const { check, finish } = createChecks();
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: chromiumArgs });
try {
  for (const [name, header] of Object.entries(POLICIES)) {
    policy = header;
    const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
    const consoleErrors = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    // The hostile body's <img src=x> is a relative image: it may load (and 404) only after "Show images".
    let imagesShownAt = Infinity;
    const early = [];
    page.on('request', (r) => new URL(r.url()).pathname === '/x' && performance.now() < imagesShownAt && early.push(r.url()));
    page.on('response', (r) => r.status() >= 400 && new URL(r.url()).pathname !== '/x' && consoleErrors.push(`HTTP ${r.status()} for ${r.url()}`));
    const response = await page.goto(`${base}/`);
    const rows = (id) => page.locator(`#${id} >> article`);

    await check(`[${name}] the page is served with the policy`, async () => {
      assert(response.headers()['content-security-policy'] === header, `got ${response.headers()['content-security-policy']}`);
      return header;
    });

    await check(`[${name}] rows render from the HTTP adapter`, async () => {
      await rows('http').first().waitFor({ timeout: 10_000 });
      const count = await rows('http').count();
      assert(count > 3, `${count} rows`);
      return `${count} rows`;
    });

    await check(`[${name}] rows render from an adapter, hostile text as text`, async () => {
      await rows('adapter').nth(1).waitFor({ timeout: 10_000 });
      const title = await rows('adapter').first().locator('[part="title"]').textContent();
      assert(title.includes('<img src=x'), `title: ${title}`);
    });

    await check(`[${name}] a benign HTML body expands sanitized (lazy sanitizer chunk) with no violation at all`, async () => {
      const row = rows('adapter').nth(2);
      await row.locator('[part="toggle"]').click();
      const body = row.locator('.body-html');
      await body.waitFor({ timeout: 10_000 });
      assert((await body.locator('a').getAttribute('rel')) === 'noopener noreferrer', await body.innerHTML());
      assert((await body.locator('img').getAttribute('src')) === null, 'the banner loaded before Show images');
      await page.waitForTimeout(200);
      const violations = await page.evaluate(() => window.__violations);
      assert(violations.length === 0, `violations:\n${violations.map((v) => JSON.stringify(v)).join('\n')}`);
      assert(consoleErrors.length === 0, `console errors:\n${consoleErrors.join('\n')}`);
    });

    await check(`[${name}] a hostile HTML body expands sanitized, nothing runs`, async () => {
      await rows('adapter').first().locator('[part="toggle"]').click();
      const body = rows('adapter').first().locator('.body-html');
      await body.waitFor({ timeout: 10_000 });
      const html = await body.innerHTML();
      assert((await body.locator('#greeting').textContent()) === 'Hello Karina', html);
      assert(!/<script|onerror|onload|javascript:|<iframe|<svg|<style|style=/i.test(html), `unsafe markup left: ${html}`);
      await page.waitForTimeout(200);
      const pwned = await page.evaluate(() => window.__pwned);
      assert(pwned === undefined, `script ran: __pwned = ${pwned}`);
      return `${html.length} characters of sanitized markup`;
    });

    await check(`[${name}] remote images wait for "Show images"`, async () => {
      const row = rows('adapter').first();
      const img = row.locator('.body-html img[alt="tracker"]');
      assert((await img.getAttribute('src')) === null, 'the tracker image has a src before Show images');
      assert(early.length === 0, `requested before Show images: ${early.join(', ')}`);
      imagesShownAt = performance.now();
      await row.locator('[part="show-images"]').click();
      await page.waitForFunction(
        () => {
          const el = document.getElementById('adapter');
          const image = el?.shadowRoot?.querySelector('.body-html img[alt="tracker"]');
          return image?.complete && image.naturalWidth > 0;
        },
        null,
        { timeout: 10_000 },
      );
    });

    await check(`[${name}] the filter bar's panels open with their content and styles (lazy panels chunk)`, async () => {
      const el = page.locator('#http');
      await el.locator('[part~="people"]').click();
      const panel = el.locator('[part~="people-panel"]');
      await panel.locator('input[type="checkbox"]').first().waitFor({ timeout: 10_000 });
      const shown = await page.evaluate(() => {
        const root = document.getElementById('http').shadowRoot;
        const label = root.querySelector('[part~="people-panel"] .fb-check');
        return { open: root.querySelector('[part~="people-panel"]').matches(':popover-open'), display: getComputedStyle(label).display };
      });
      assert(shown.open && shown.display === 'flex', JSON.stringify(shown));
      await page.keyboard.press('Escape');
      return `${await panel.locator('input[type="checkbox"]').count()} people`;
    });

    await check(`[${name}] no violation from the element itself, no console error`, async () => {
      await page.waitForTimeout(200);
      const violations = await page.evaluate(() => window.__violations);
      // What the policy blocked in the hostile body while it was parsed: its handlers and styles.
      const HOSTILE = /__pwned|color: ?red|^p \{ color/;
      const own = violations.filter((v) => !(v.blocked === 'inline' && HOSTILE.test(v.sample)));
      assert(own.length === 0, `violations:\n${own.map((v) => JSON.stringify(v)).join('\n')}`);
      // Chromium logs each report to the console too: those are counted above.
      const errors = consoleErrors.filter(
        (text) => !/violates the following Content Security Policy directive|status of 404 \(Not Found\)/.test(text),
      );
      assert(errors.length === 0, `console errors:\n${errors.join('\n')}`);
      return `${violations.length} reports, all of them the hostile body's blocked handlers and styles`;
    });

    await check(`[${name}] the policy is really enforced (eval and a raw innerHTML string are refused)`, async () => {
      await page.evaluate(() => document.dispatchEvent(new Event('csp-probe')));
      await page.waitForFunction(() => window.__probe, null, { timeout: 5000 });
      const probe = await page.evaluate(() => window.__probe);
      assert(probe?.evalBlocked && probe?.trustedTypesEnforced, JSON.stringify(probe));
    });
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  await backend.close();
}

finish();
