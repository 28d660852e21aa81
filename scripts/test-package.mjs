// The package as a host app gets it: build, `npm pack`, install the tarball into a scratch project
// under the system temp dir (offline, from the npm cache), then check from there that
//   - the tarball holds what ships and nothing else,
//   - every `exports` entry resolves, and a bundler (vite) bundles `import 'client-timeline'`,
//   - the types resolve: `document.querySelector('client-timeline')!.clientId` is typed, events
//     are typed by detail, and the JSX attribute map matches the manifest's attributes.
//
//   node scripts/test-package.mjs [--no-build]
// Prints `N passed, M failed`; exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);
const started = performance.now();
let passed = 0;
let failed = 0;

function check(name, fn) {
  try {
    const detail = fn();
    passed++;
    console.log(`✓ ${name}${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    failed++;
    console.log(`✗ ${name}\n    ${String(error.message).trim().split('\n').join('\n    ')}`);
  }
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`.slice(0, 4000));
  return r.stdout;
}

function finish() {
  console.log(`package checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

const scratch = mkdtempSync(join(tmpdir(), 'client-timeline-package-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

if (!process.argv.includes('--no-build')) check('npm run build', () => void run('npm', ['run', 'build', '--silent'], root));

let tarball = '';
check('npm pack: the tarball holds the built package only', () => {
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], root));
  tarball = join(scratch, info.filename);
  const files = info.files.map((f) => f.path);
  const required = ['package.json', 'README.md', 'custom-elements.json', 'lib/index.js', 'lib/index.d.ts', 'lib/define.js', 'lib/jsx.d.ts', 'dist/client-timeline.js', 'jsx/react.d.ts', 'jsx/preact.d.ts'];
  const missing = required.filter((f) => !files.includes(f));
  if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);
  const stray = files.filter((f) => /^(src|test|stories|demo|scripts|bench|\.storybook|storybook-static|node_modules)\//.test(f));
  if (stray.length) throw new Error(`should not ship: ${stray.slice(0, 10).join(', ')}`);
  return `${files.length} files, ${(info.size / 1024).toFixed(0)} KB packed`;
});
if (!tarball) finish();

const app = join(scratch, 'app');
const pkgDir = join(app, 'node_modules/client-timeline');
check('npm install <tarball> into a scratch app, offline', () => {
  run('mkdir', ['-p', app], scratch);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch-host-app', private: true, type: 'module' }, null, 2));
  const flags = ['install', '--no-audit', '--no-fund', '--no-package-lock', tarball];
  try {
    run('npm', [...flags, '--offline'], app);
    return 'npm install --offline';
  } catch {
    run('npm', [...flags, '--prefer-offline'], app);
    return 'npm install --prefer-offline (some dependency was not in the npm cache)';
  }
});
if (!existsSync(pkgDir)) finish();

const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const shipped = readdirSync(pkgDir, { recursive: true }).map((f) => String(f).split('\\').join('/'));

check('every "exports" entry resolves to a shipped file', () => {
  const resolved = [];
  for (const [sub, target] of Object.entries(pkg.exports)) {
    const targets = typeof target === 'string' ? [target] : Object.values(target);
    for (const t of targets) {
      // Subpath patterns ("./themes/*") must match at least one shipped file.
      const found = t.includes('*')
        ? shipped.some((f) => new RegExp(`^${t.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.+')}$`).test(f))
        : existsSync(join(pkgDir, t));
      if (!found) throw new Error(`${sub} → ${t} is not in the package`);
    }
    resolved.push(sub);
  }
  // Node's own resolver, with the "import" condition bundlers use too.
  const url = run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('client-timeline'))"], app).trim();
  if (!url.endsWith('/node_modules/client-timeline/lib/index.js')) throw new Error(`'client-timeline' resolved to ${url}`);
  if (!existsSync(join(pkgDir, pkg.customElements))) throw new Error(`customElements → ${pkg.customElements} missing`);
  return resolved.join(', ');
});

check("a bundler (vite) bundles `import 'client-timeline'` from the installed package", () => {
  writeFileSync(
    join(app, 'main.js'),
    "import { ClientTimeline } from 'client-timeline';\nimport 'client-timeline/jsx';\n" +
      "window.ok = customElements.get('client-timeline') === ClientTimeline;\n",
  );
  writeFileSync(join(app, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script><client-timeline></client-timeline>');
  run(bin('vite'), ['build', '--logLevel', 'error', '--outDir', 'out', '--emptyOutDir'], app);
  const js = run('sh', ['-c', 'cat out/assets/*.js'], app);
  if (!js.includes('client-timeline')) throw new Error('the bundle does not define <client-timeline>');
  if (/from\s*["']client-timeline/.test(js)) throw new Error('the bundle still imports client-timeline: it was not resolved');
  return `${(js.length / 1024).toFixed(0)} KB bundle`;
});

check('types: tsc --noEmit on a host file using the element, its events and the JSX props', () => {
  const element = JSON.parse(readFileSync(join(pkgDir, 'custom-elements.json'), 'utf8'))
    .modules.flatMap((m) => m.declarations ?? [])
    .find((d) => d.tagName === 'client-timeline');
  const manifestAttributes = element.attributes.map((a) => JSON.stringify(a.name)).join(' | ');
  writeFileSync(
    join(app, 'host.ts'),
    `import 'client-timeline';
import type { TimelineAdapter, TimelinePageDetail } from 'client-timeline';
import type { ClientTimelineAttributeMap, ClientTimelineJsxProps } from 'client-timeline/jsx/props';

const timeline = document.querySelector('client-timeline')!;
const clientId: string | null = timeline.clientId;
timeline.clientId = 'karina';
timeline.adapter = { fetchPage: async () => ({ events: [], nextCursor: null }) } satisfies TimelineAdapter;
timeline.addEventListener('timeline-page', (e) => {
  const detail: TimelinePageDetail = e.detail;
  console.log(detail.total.toFixed(0), clientId);
});
// @ts-expect-error: not a property of the element
timeline.clientIdentifier = 'x';
// @ts-expect-error: clientId is a string
timeline.clientId = 42;

const props: ClientTimelineJsxProps = {
  'client-id': 'karina',
  'page-size': 25,
  adapter: timeline.adapter,
  'ontimeline-page': (e) => e.detail.done,
};
// @ts-expect-error: events are typed by their detail
const wrong: ClientTimelineJsxProps = { 'ontimeline-page': (e: CustomEvent<{ nope: true }>) => e.detail.nope };
// @ts-expect-error: internals of the element are no props
const internal: ClientTimelineJsxProps = { windowSize: 10 };
// @ts-expect-error: read-only properties are no props
const readOnly: ClientTimelineJsxProps = { events: [] };
// @ts-expect-error: the virtualizer is not part of the API
timeline.virtualizer?.element(0);
console.log(props, wrong, internal, readOnly);

// The JSX attribute map lists exactly the attributes of custom-elements.json.
type ManifestAttributes = ${manifestAttributes};
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const attributesMatch: Same<keyof ClientTimelineAttributeMap, ManifestAttributes> = true;
console.log(attributesMatch);
`,
  );
  const tsconfig = (skipLibCheck) => ({
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      skipLibCheck,
      types: [],
    },
    files: ['host.ts'],
  });
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig(true)));
  run(bin('tsc'), ['-p', 'tsconfig.json'], app);
});

check("types: the package's own .d.ts files type-check too (a host with skipLibCheck: false)", () => {
  writeFileSync(join(app, 'tsconfig.strict.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { skipLibCheck: false } }));
  try {
    run(bin('tsc'), ['-p', 'tsconfig.strict.json'], app);
  } catch (error) {
    const lines = String(error.message).split('\n').filter((l) => /error TS/.test(l));
    throw new Error(`${lines.length} errors, e.g.\n${lines.slice(0, 3).join('\n')}`);
  }
});

finish();
