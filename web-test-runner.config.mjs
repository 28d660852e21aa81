import { readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium-path.mjs';
import { tsImport } from 'tsx/esm/api';

/**
 * `/api/*`: the demo's backend (`demo/server/backend.ts`), served over real HTTP by the test server itself: the
 * reference handler on an in-memory PGlite, seeded with the demo's small clients relative to a fixed now (no Globex,
 * no generated client), behind the demo's fault endpoints, media and latency/failure gate, with no latency. Opened
 * when the test server starts (`demoApiPlugin`), before any test runs: opening PGlite and seeding it takes seconds,
 * which a test's first request must not pay inside its own timeout.
 */
let demoBackend = null;
function openDemoBackend() {
  demoBackend ??= tsImport('./demo/server/backend.ts', import.meta.url).then((m) =>
    m.createDemoBackend({ dataDir: 'memory', largeCount: 0, big: false, latencyMs: 0, now: new Date('2026-11-23T12:00:00Z'), log: () => {} }),
  );
  return demoBackend;
}
function demoApiPlugin() {
  return { name: 'demo-api', serverStart: () => openDemoBackend().then(() => undefined) };
}
async function demoApi(ctx, next) {
  if (!ctx.path.startsWith('/api/')) return next();
  const backend = await openDemoBackend();
  ctx.respond = false;
  await backend.handle(ctx.req, ctx.res);
  return undefined;
}

/**
 * `executeServerCommand('emulate-forced-colors', { active })`: forced colours (Windows High Contrast) for the
 * test's page. The built-in `emulateMedia` takes `forcedColors` only with Playwright; with the Chrome launcher
 * (Puppeteer, which accepts no `forced-colors` feature) it goes to the DevTools protocol directly, on a session of
 * its own per page: its override stays apart from the colour scheme and motion that `emulateMedia` sets. Pages are
 * reused from one test file to the next: a file that turns forced colours on turns them off when it is done.
 */
function forcedColorsPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'emulate-forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`emulate-forced-colors needs the Chrome launcher, not ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      const features = payload?.active ? [{ name: 'forced-colors', value: 'active' }] : [];
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features });
      return true;
    },
  };
}

/**
 * `/media-probe/<name>`: a short silent WAV, each request counted by name; `/media-probe-count/<name>` says how many
 * there were. Tests point media at the server's other host name (`localhost` ↔ `127.0.0.1`), a third party to the page.
 */
const mediaHits = new Map();
const SILENT_WAV = (() => {
  const samples = 800;
  const wav = Buffer.alloc(44 + samples);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(8000, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples, 40);
  wav.fill(128, 44);
  return wav;
})();

function mediaProbe(ctx, next) {
  const count = /^\/media-probe-count\/(.+)$/.exec(ctx.path);
  if (count) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { hits: mediaHits.get(count[1]) ?? 0 };
    return undefined;
  }
  const probe = /^\/media-probe\/(.+)$/.exec(ctx.path);
  if (!probe) return next();
  mediaHits.set(probe[1], (mediaHits.get(probe[1]) ?? 0) + 1);
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'audio/wav';
  ctx.body = SILENT_WAV;
  return undefined;
}

/**
 * `/server-api/*`: the reference server (`src/server`) on an in-memory PGlite, opened at the first request
 * (`test/server/support/browser-fixture.ts`): what the HTTP adapter's event stream is tested against.
 */
let serverFixture = null;
async function serverApi(ctx, next) {
  if (!ctx.path.startsWith('/server-api/')) return next();
  serverFixture ??= tsImport('./test/server/support/browser-fixture.ts', import.meta.url).then((m) => m.createBrowserFixture());
  const handle = await serverFixture;
  ctx.respond = false;
  await handle(ctx.req, ctx.res);
  return undefined;
}

/**
 * Group `lit-html-3.3.0`: the files that guard against lit/lit#5298 (a marker left per removed row by lit-html
 * 3.3.1–3.3.3, which the package installs) run a second time on lit-html 3.3.0, the release hosts were told to pin.
 * An import map on the test page sends every `lit-html/*` module (imported by lit, lit-element, the virtualizer and
 * the element alike) to the `lit-html-3.3.0` copy, an npm alias; `window.__expectedLitHtml` lets the tests check
 * that the map took hold and that one copy only was loaded (every other test page sets it to the installed release).
 */
const litHtmlVersion = (dir) => JSON.parse(readFileSync(new URL(`./node_modules/${dir}/package.json`, import.meta.url), 'utf8')).version;
const OTHER_LIT_HTML = 'lit-html-3.3.0';
const testPage = (testFramework, litHtml) => {
  const map = litHtml === 'lit-html' ? '' : `<script type="importmap">${JSON.stringify({ imports: { '/node_modules/lit-html/': `/node_modules/${litHtml}/` } })}</script>`;
  return `<!DOCTYPE html><html><head>${map}<script>window.__expectedLitHtml = ${JSON.stringify(litHtmlVersion(litHtml))};</script></head><body><script type="module" src="${testFramework}"></script></body></html>`;
};

export default {
  // test/types/ and test/hosts/ hold host projects (scripts/test-package.mjs, scripts/test-hosts.mjs), whose node_modules
  // hold other packages' tests;
  // test/server/ holds the server's own suite, run by Node (npm run test:server).
  files: ['test/**/*.test.ts', '!test/types/**', '!test/hosts/**', '!test/server/**'],
  testRunnerHtml: (testFramework) => testPage(testFramework, 'lit-html'),
  groups: [
    {
      name: `lit-html-${litHtmlVersion(OTHER_LIT_HTML)}`,
      files: ['test/element/row-markers.test.ts', 'test/element/keyed-rows.test.ts'],
      testRunnerHtml: (testFramework) => testPage(testFramework, OTHER_LIT_HTML),
    },
  ],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname, target: 'es2022' }),
    forcedColorsPlugin(),
    demoApiPlugin(),
  ],
  middleware: [
    mediaProbe,
    serverApi,
    demoApi,
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath() ?? undefined, headless: true, args: chromiumArgs },
    }),
  ],
};
