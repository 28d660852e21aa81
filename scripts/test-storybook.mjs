// Builds the static Storybook and opens every story in headless Chromium: each must render with
// no console error, no page error, no failed request and no axe-core violation. Then the checks of
// CHECKS: the docs page (every story on one page) and a story over time.
//
//   node scripts/test-storybook.mjs              build, then test every story
//   node scripts/test-storybook.mjs --no-build   test the storybook-static/ already built
//   node scripts/test-storybook.mjs <filter>     only stories whose id contains <filter>
//
// Prints one line per story and closes with `N passed, M failed`; exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'storybook-static');
const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--')) ?? '';
const started = performance.now();

if (!args.includes('--no-build')) {
  const build = spawnSync(join(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '--output-dir', out], {
    cwd: root,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    console.error('Storybook build failed');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  console.log(`built storybook-static/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && e.id.includes(filter));

// A plain static server for storybook-static/ (no backend: the static build must stand alone).
const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(out, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(out) || !existsSync(file)) return res.writeHead(404).end('not found');
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// A story is a fragment of a page: page-level rules (landmarks, a level-one heading) do not apply.
const axeOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } },
};

/** How a story's element looks: the font and colour of its first title, the background of its filter bar. */
async function lookOf(page, root) {
  const handle = await page.waitForFunction(
    (root) => {
      const el = document.querySelector(`${root} client-timeline`);
      el?.scrollIntoView();
      const title = el?.shadowRoot?.querySelector('article [part~="title"]');
      const bar = el?.shadowRoot?.querySelector('[part~="filter-bar"]');
      if (!title || !bar) return null;
      // The element inherits the page's font (Storybook's docs font differs from a bare story's): say "inherited" then.
      const font = getComputedStyle(title).fontFamily;
      const around = getComputedStyle(document.querySelector(root)).fontFamily;
      return { font: font === around ? 'inherited' : font, title: getComputedStyle(title).color, filterBar: getComputedStyle(bar).backgroundColor };
    },
    root,
    { timeout: 15_000 },
  );
  return handle.jsonValue();
}

/** Checks of more than one story at a time, or of a story over time. */
const CHECKS = [
  {
    id: 'timeline--docs',
    name: 'docs page: each story looks as it does on its own (a theme stays in its story)',
    async run(page) {
      const ids = ['timeline--short-history', 'timeline--dark', 'timeline--theme-neutral', 'timeline--theme-ops-console'];
      const alone = {};
      for (const id of ids) {
        await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`, { waitUntil: 'load' });
        alone[id] = await lookOf(page, '#storybook-root');
      }
      if (alone['timeline--short-history'].font === alone['timeline--theme-ops-console'].font) throw new Error('the ops console theme changes nothing on its own');
      await page.goto(`${base}/iframe.html?id=timeline--docs&viewMode=docs`, { waitUntil: 'load' });
      for (const id of ids) {
        const docs = await lookOf(page, `#anchor--${id}`);
        for (const key of Object.keys(docs)) {
          if (docs[key] !== alone[id][key]) throw new Error(`${id} on the docs page: ${key} is ${docs[key]}, on its own ${alone[id][key]}`);
        }
      }
    },
  },
  {
    id: 'timeline--load-failed',
    name: 'load failed: stays failed until Retry, then shows the history',
    async run(page) {
      await page.goto(`${base}/iframe.html?id=timeline--load-failed&viewMode=story`, { waitUntil: 'load' });
      const state = () =>
        page.evaluate(() => {
          const root = document.querySelector('client-timeline')?.shadowRoot;
          return { error: !!root?.querySelector('[part="error-state"]'), rows: root?.querySelectorAll('article').length ?? 0 };
        });
      await page.waitForFunction(() => document.querySelector('client-timeline')?.shadowRoot?.querySelector('[part="error-state"]'), null, { timeout: 15_000 });
      await page.waitForTimeout(3000);
      const after = await state();
      if (!after.error || after.rows) throw new Error(`3 s after failing: ${after.error ? '' : 'no error state, '}${after.rows} rows`);
      await page.locator('client-timeline [part="retry"]').click();
      await page.waitForFunction(() => document.querySelector('client-timeline')?.shadowRoot?.querySelectorAll('article').length, null, { timeout: 10_000 });
    },
  },
];

const checks = CHECKS.filter((c) => c.id.includes(filter) || c.name.includes(filter));
if (!stories.length && !checks.length) {
  console.error(`No stories or checks${filter ? ` matching "${filter}"` : ''} in storybook-static/index.json`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const browser = await chromium.launch({ executablePath: chromiumPath() ?? undefined, args: chromiumArgs });
let passed = 0;
let failed = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  for (const story of stories) {
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    const t0 = performance.now();
    try {
      const mark = (name) => (timings[name] = Math.round(performance.now() - t0));
      const timings = {};
      await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load' });
      mark('load');
      // Storybook's own render cycle (render, play function) ends in "finished" (or "aborted").
      await page.waitForFunction(
        () => ['finished', 'aborted'].includes(window.__STORYBOOK_PREVIEW__?.currentRender?.phase),
        null,
        { timeout: 15_000 },
      );
      const outcome = await page.evaluate(() => ({
        phase: window.__STORYBOOK_PREVIEW__.currentRender.phase,
        error: document.body.classList.contains('sb-show-errordisplay') ? document.querySelector('#error-message')?.textContent : null,
      }));
      if (outcome.phase !== 'finished') problems.push(`story ${outcome.phase}`);
      if (outcome.error !== null) problems.push(`story threw: ${outcome.error}`);
      mark('story');
      // Then the element: wait until its shadow DOM has been quiet for 300 ms (rows, states, layout).
      const rows = await page.evaluate(async () => {
        const el = document.querySelector('client-timeline');
        if (!el) return -1;
        await el.updateComplete;
        await new Promise((resolve) => {
          let timer = setTimeout(done, 300);
          const observer = new MutationObserver(() => {
            clearTimeout(timer);
            timer = setTimeout(done, 300);
          });
          observer.observe(el.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
          const deadline = setTimeout(done, 5000);
          function done() {
            observer.disconnect();
            clearTimeout(deadline);
            resolve();
          }
        });
        return el.shadowRoot.querySelectorAll('article').length;
      });
      if (rows < 0) problems.push('no <client-timeline> rendered');
      mark('settled');
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(
        (options) => window.axe.run(document.querySelector('#storybook-root'), options).then((r) => r.violations),
        axeOptions,
      );
      for (const v of violations) {
        const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ');
        problems.push(`axe ${v.id} (${v.impact}): ${v.help} — ${where}`);
      }
      mark('axe');
      const ms = Object.entries(timings).map(([k, v]) => `${k} ${v}`).join(', ');
      if (problems.length) {
        failed++;
        console.log(`✗ ${story.id} (${ms} ms)\n    ${problems.join('\n    ')}`);
      } else {
        passed++;
        console.log(`✓ ${story.id}: ${rows} rows (${ms} ms)`);
      }
    } catch (error) {
      failed++;
      console.log(`✗ ${story.id}\n    ${error.message.split('\n')[0]}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`);
    } finally {
      await page.close();
    }
  }
  for (const check of checks) {
    const page = await context.newPage();
    try {
      await check.run(page);
      passed++;
      console.log(`✓ ${check.name}`);
    } catch (error) {
      failed++;
      console.log(`✗ ${check.name}\n    ${error.message.split('\n')[0]}`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`stories checked in ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
