// The host apps of test/hosts/ (see its README.md), each installed from the packed tarball and driven in Chromium.
// Build and `npm pack` once; then for each host folder (every folder with a package.json, or those named):
//   copy it with shared/ into a scratch directory, `npm ci` there (from the npm cache when it can), install the
//   tarball, and check that
//   1. `npm run typecheck` passes (the framework's own checker on the good files),
//   2. `npm run typecheck:bad` reports exactly the lines marked ✗ in the bad file (package.json `hostTest.bad`),
//   3. `npm run build` writes dist/index.html,
//   4. in Chromium, the page served from a sub-path shows the framework, the first client's rows, its
//      `timeline-page` event in the host's log; the host's button switches the client through the framework
//      (rows and event follow); the newest row's toggle reaches the host as `timeline-toggle`; no console or page error.
//
//   node scripts/test-hosts.mjs [--no-build] [name...]
// Prints `N passed, M failed`; exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { compareBadLines } from './bad-lines.mjs';
import { createChecks } from './checks.mjs';
import { chromiumArgs, chromiumPath } from './chromium-path.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const hostsDir = join(root, 'test/hosts');
const args = process.argv.slice(2);
const named = args.filter((a) => !a.startsWith('--'));
const hosts = readdirSync(hostsDir)
  .filter((name) => existsSync(join(hostsDir, name, 'package.json')))
  .filter((name) => !named.length || named.includes(name))
  .sort();
const { check, fail, finish } = createChecks();
const started = performance.now();

const scratch = mkdtempSync(join(tmpdir(), 'client-timeline-hosts-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', NG_CLI_ANALYTICS: 'false', CI: 'true' };

/** Runs a command; `{ status, text }` whatever the exit code. */
function output(cmd, argv, cwd) {
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, text: `${r.stdout}\n${r.stderr}` };
}

function run(cmd, argv, cwd) {
  const { status, text } = output(cmd, argv, cwd);
  if (status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${status}:\n${text.trim().slice(-3000)}`);
  return text;
}

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

if (!hosts.length) {
  fail(`no host folder${named.length ? ` named ${named.join(', ')}` : ''} in test/hosts/`);
  finish();
}

if (!args.includes('--no-build')) await check('npm run build', () => void run('npm', ['run', 'build', '--silent'], root));

let tarball = '';
await check('npm pack', () => {
  const text = run('npm', ['pack', '--json', '--pack-destination', scratch], root);
  const [info] = JSON.parse(text.slice(text.indexOf('['), text.lastIndexOf(']') + 1));
  tarball = join(scratch, info.filename);
  return info.filename;
});
if (!tarball) finish();
cpSync(join(hostsDir, 'shared'), join(scratch, 'shared'), { recursive: true });

// The scratch directory over HTTP: each host's dist/ at /<name>/dist/, as a site served from a sub-path.
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.woff2': 'font/woff2' };
const server = createServer((req, res) => {
  const path = normalize(join(scratch, decodeURIComponent(new URL(req.url, 'http://host').pathname)));
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
  if (!file.startsWith(scratch + sep) || file.includes(`${sep}node_modules${sep}`) || !existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const executablePath = chromiumPath();
const browser = executablePath ? await chromium.launch({ executablePath, args: chromiumArgs }) : null;
if (!browser) fail('no Chromium: install Debian\'s chromium or set CHROME_PATH');

for (const name of hosts) {
  const dir = join(scratch, name);
  const hostStarted = performance.now();
  let installed = false;
  await check(`${name}: npm ci, then the tarball`, () => {
    cpSync(join(hostsDir, name), dir, { recursive: true, filter: (src) => !/[\\/](node_modules|dist|\.angular|\.svelte-kit)$/.test(src) });
    const ci = performance.now();
    // From the npm cache where it can; a cached package document older than the lockfile (ETARGET: "No matching
    // version") is fetched again.
    const offline = output('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], dir);
    if (offline.status !== 0) {
      if (!/ETARGET|No matching version/.test(offline.text)) throw new Error(`npm ci exited ${offline.status}:\n${offline.text.trim().slice(-3000)}`);
      run('npm', ['ci', '--prefer-online', '--no-audit', '--no-fund'], dir);
    }
    const ciTime = seconds(ci);
    run('npm', ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', tarball], dir);
    installed = true;
    return `npm ci ${ciTime}`;
  });
  if (!installed) continue;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

  await check(`${name}: npm run typecheck`, () => void run('npm', ['run', '--silent', 'typecheck'], dir));

  await check(`${name}: npm run typecheck:bad reports every ✗ line of its bad file, and nothing else`, () => {
    const bad = pkg.hostTest?.bad;
    if (!bad) throw new Error('package.json has no "hostTest": { "bad": "<file>" }');
    const { status, text } = output('npm', ['run', '--silent', 'typecheck:bad'], dir);
    if (status === 0) throw new Error(`typecheck:bad exited 0:\n${text.trim().slice(0, 2000)}`);
    return compareBadLines(text, dir, bad);
  });

  let built = false;
  await check(`${name}: npm run build writes dist/index.html`, () => {
    const t = performance.now();
    run('npm', ['run', '--silent', 'build'], dir);
    if (!existsSync(join(dir, 'dist/index.html'))) throw new Error('no dist/index.html');
    built = true;
    return seconds(t);
  });

  if (built && browser) await check(`${name}: in Chromium, rows, the bound client id and the events`, () => drive(name));
  console.log(`  ${name}: ${seconds(hostStarted)}`);
}

/** The browser half of the contract, on `/<name>/dist/index.html`. */
async function drive(name) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  try {
    await page.goto(`${origin}/${name}/dist/index.html`);
    const timeline = page.locator('client-timeline');
    const log = page.locator('#log');
    // A row's title (a to-do's title is also in the hidden to-do panel: the visible one is the row).
    const row = (title) => timeline.locator('[part~="title"]', { hasText: new RegExp(`^${title}$`) }).filter({ visible: true });
    const rows = async (titles) => {
      for (const title of titles) {
        await row(title)
          .first()
          .waitFor({ timeout: 15000 })
          .catch(() => {
            throw new Error(`no row "${title}"`);
          });
      }
    };
    const logged = (line) =>
      log
        .locator('li', { hasText: new RegExp(`^\\s*${line}\\s*$`) })
        .first()
        .waitFor({ timeout: 15000 })
        .catch(() => {
          throw new Error(`#log never showed "${line}"`);
        });

    const framework = (await page.locator('#framework').textContent({ timeout: 15000 }))?.trim() ?? '';
    if (!/\d+\.\d+/.test(framework)) throw new Error(`#framework shows no version: "${framework}"`);
    await rows(['Quote sent to Karina', 'Call with Karina', 'First visit to Veterinaria Patitas']);
    await logged('page karina 3');

    await page.locator('#switch').click();
    await rows(['Invoice 1042 paid by Lucía', 'Call Lucía about the renewal']);
    if (await row('Quote sent to Karina').count()) throw new Error("karina's rows are still shown after the switch");
    await logged('page lucia 2');

    // The newest row's toggle (the virtualizer keeps rows in DOM order of its own, so found by its title).
    const toggle = timeline.locator('[part~="toggle"]', { hasText: 'Invoice 1042 paid by Lucía' });
    await toggle.click();
    await page.waitForFunction((el) => el.getAttribute('aria-expanded') === 'true', await toggle.elementHandle(), { timeout: 5000 }).catch(() => {
      throw new Error(`the toggle of l2 did not open its row: ${problems.join('; ')}`);
    });
    await logged('toggle l2 true');
    if (problems.length) throw new Error(problems.join('\n'));
    return framework;
  } catch (error) {
    const text = await page.locator('#log').textContent().catch(() => '');
    throw new Error(`${error.message.split('\n')[0]}${problems.length ? `\n${problems.join('\n')}` : ''}\n#log: ${text?.replace(/\s+/g, ' ').trim()}`);
  } finally {
    await page.close();
  }
}

await browser?.close();
server.close();
console.log(`hosts checked in ${seconds(started)}`);
finish();
