// The package as a host app gets it: build, `npm pack`, install the tarball into a scratch project
// under the system temp dir (offline, from the npm cache), then check from there that
//   - the tarball holds what ships and nothing else,
//   - every `exports` entry resolves, and a bundler (vite) bundles `import 'client-timeline'`,
//   - the types resolve: `document.querySelector('client-timeline')!.clientId` is typed, events
//     are typed by detail, and the JSX attribute map matches the manifest's attributes,
//   - the package is clean: attw (esm-only profile) and publint --strict find nothing, every
//     subpath is typed, source maps carry their sources, custom-elements.json names shipped files,
//   - Node imports every entry (Next.js-style: the `node` condition, no DOM),
//   - each framework's own checker (tsc for React, Preact and Solid; svelte-check; vue-tsc) passes
//     test/types/<framework>/'s good file and reports every line marked ✗ in its bad file, and
//     nothing else, against the tarball's typings (the frameworks installed from
//     test/types/package-lock.json beside the tarball).
//
//   node scripts/test-package.mjs [--no-build]
// Prints `N passed, M failed`; exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareBadLines } from './bad-lines.mjs';

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

/** Like run(), for checkers that exit non-zero when they report errors: their output, whatever the exit code. */
function output(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.error) throw r.error;
  return { status: r.status, text: `${r.stdout}\n${r.stderr}` };
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
  const frameworks = ['react', 'preact', 'svelte', 'vue', 'solid'].flatMap((fw) => [`frameworks/${fw}.d.ts`, `frameworks/${fw}.js`]);
  const required = ['package.json', 'README.md', 'custom-elements.json', 'lib/index.js', 'lib/index.d.ts', 'lib/define.js', 'lib/jsx.d.ts', 'dist/client-timeline.js', ...frameworks];
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
    `import { ClientTimeline } from 'client-timeline';
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

// The registry knows the element's class: its statics are typed.
const registered: typeof ClientTimeline | undefined = customElements.get('client-timeline');
const defined: Promise<typeof ClientTimeline> = customElements.whenDefined('client-timeline');
await ClientTimeline.clearCache('user-1');
console.log(registered, defined);
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

// ── A clean package ─────────────────────────────────────────────────────────────────────────────────────────────

check('attw --profile esm-only: no problem, every subpath typed (types under node16 and bundler resolution)', () => {
  const { status, text } = output(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'json'], app);
  const report = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
  // esm-only ignores node10 and require() from CommonJS: the package is ESM only, as README says.
  const ignored = new Set(['node10', 'node16-cjs']);
  const problems = (report.problems ? Object.values(report.problems).flat() : []).filter((p) => !ignored.has(p.resolutionKind));
  if (status !== 0 || problems.length) throw new Error(`attw exited ${status}: ${JSON.stringify(problems).slice(0, 2000)}`);
  const entrypoints = Object.entries(report.analysis.entrypoints);
  const untyped = [];
  for (const [entry, { resolutions }] of entrypoints) {
    if (entry.includes('*') || entry.endsWith('.json')) continue;
    for (const kind of ['node16-esm', 'bundler']) {
      const resolved = resolutions[kind]?.resolution;
      if (!resolved?.isTypeScript) untyped.push(`${entry} (${kind}): ${resolved?.fileName ?? 'no resolution'}`);
    }
  }
  if (untyped.length) throw new Error(`untyped: ${untyped.join(', ')}`);
  return `${entrypoints.length} entry points`;
});

check('publint --strict on the tarball', () => {
  const out = run(bin('publint'), ['run', tarball, '--strict'], app);
  if (!/All good/.test(out)) throw new Error(out);
});

check('Node imports every export entry from the installed package, with no DOM (the node condition)', () => {
  const entries = Object.keys(pkg.exports);
  const theme = shipped.find((f) => /^themes\/[\w-]+\.css$/.test(f));
  if (!theme) throw new Error('no theme in the package');
  const script = `
    const entries = ${JSON.stringify(entries)};
    const loaded = [];
    for (const entry of entries) {
      const spec = 'client-timeline' + entry.slice(1);
      if (entry.includes('*')) {
        // CSS files (themes/*): no JavaScript to run in Node; they must resolve.
        const url = import.meta.resolve(spec.replace('*', ${JSON.stringify(theme.slice('themes/'.length))}));
        const { existsSync } = await import('node:fs');
        if (!existsSync(new URL(url))) throw new Error(spec + ' resolved to a missing ' + url);
        loaded.push(entry + ' (resolved)');
        continue;
      }
      const options = entry.endsWith('.json') ? { with: { type: 'json' } } : undefined;
      await import(spec, options);
      loaded.push(entry);
    }
    const bundle = import.meta.resolve('client-timeline/bundle');
    if (!bundle.endsWith('/client-timeline/lib/index.js')) throw new Error('client-timeline/bundle resolved to ' + bundle + ' in Node');
    if (customElements.get('client-timeline')?.name !== 'ClientTimeline') throw new Error('<client-timeline> was not defined');
    // The lazily loaded modules too (a server renderer may reach them): none touches the DOM when loaded.
    const modules = ${JSON.stringify(shipped.filter((f) => /^lib\/.*\.js$/.test(f)))};
    for (const file of modules) await import(new URL('./node_modules/client-timeline/' + file, 'file://' + process.cwd() + '/').href);
    console.log(loaded.join(', ') + '; all ' + modules.length + ' modules of lib/');
  `;
  const loaded = run(process.execPath, ['--input-type=module', '-e', script], app).trim();
  // A browser bundler asks for the browser condition: the self-contained bundle.
  const browser = run(process.execPath, ['--conditions=browser', '--input-type=module', '-e', "console.log(import.meta.resolve('client-timeline/bundle'))"], app).trim();
  if (!browser.endsWith('/client-timeline/dist/client-timeline.js')) throw new Error(`client-timeline/bundle resolved to ${browser} under the browser condition`);
  return loaded;
});

check('source maps resolve: every lib/ and dist/ map carries the text of each of its sources', () => {
  const maps = shipped.filter((f) => /^(lib|dist)\/.*\.js\.map$/.test(f));
  if (!maps.length) throw new Error('no source maps shipped');
  const missing = [];
  for (const file of maps) {
    const map = JSON.parse(readFileSync(join(pkgDir, file), 'utf8'));
    map.sources.forEach((source, i) => {
      if (typeof map.sourcesContent?.[i] !== 'string') missing.push(`${file}: ${source}`);
    });
  }
  if (missing.length) throw new Error(`${missing.length} sources without their text, e.g. ${missing.slice(0, 3).join(', ')}`);
  return `${maps.length} maps`;
});

check('custom-elements.json names shipped files only, and every public static (ClientTimeline.clearCache)', () => {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'custom-elements.json'), 'utf8'));
  const paths = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    if (typeof node.module === 'string' && !node.package) paths.push(node.module);
    Object.values(node).forEach(visit);
  };
  for (const mod of manifest.modules) {
    paths.push(mod.path);
    visit(mod.declarations);
    visit(mod.exports);
  }
  const absent = [...new Set(paths)].filter((p) => !existsSync(join(pkgDir, p)));
  if (absent.length) throw new Error(`not in the package: ${absent.join(', ')}`);
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'client-timeline');
  if (!element.members.some((m) => m.static && m.kind === 'method' && m.name === 'clearCache')) throw new Error('ClientTimeline.clearCache is missing');
  return `${new Set(paths).size} module paths`;
});

check("README's sign-out snippet type-checks under --strict", () => {
  const readme = readFileSync(join(pkgDir, 'README.md'), 'utf8');
  const snippet = /\*\*Sign-out\.\*\* Delete[\s\S]*?```(?:js|ts)\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!snippet?.includes('clearCache')) throw new Error("README has no sign-out snippet calling clearCache");
  writeFileSync(join(app, 'sign-out.ts'), `declare const userId: string;\n${snippet}export {};\n`);
  writeFileSync(join(app, 'tsconfig.sign-out.json'), JSON.stringify({ extends: './tsconfig.json', files: ['sign-out.ts'] }));
  run(bin('tsc'), ['-p', 'tsconfig.sign-out.json'], app);
});

// ── Types in every framework, with the framework's own checker ──────────────────────────────────────────────────

const typesApp = join(scratch, 'types');
check('install the framework hosts of test/types beside the tarball', () => {
  cpSync(join(root, 'test/types'), typesApp, { recursive: true, filter: (src) => !src.includes(`${join('test', 'types', 'node_modules')}`) });
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], typesApp);
  const version = (name) => JSON.parse(readFileSync(join(typesApp, 'node_modules', name, 'package.json'), 'utf8')).version;
  return ['typescript', 'react:@types/react', 'preact', 'svelte', 'svelte-check', 'vue', 'vue-tsc', 'solid-js']
    .map((n) => {
      const [label, name = label] = n.split(':');
      return `${label} ${version(name)}`;
    })
    .join(', ');
});

function checkFramework(fw, cmd, args) {
  const dir = join(typesApp, fw);
  const bad = readdirSync(dir).find((f) => /^bad\./i.test(f));
  const { text } = output(cmd, args, dir);
  return `good files clean, ${compareBadLines(text, dir, bad)}`;
}

if (existsSync(join(typesApp, 'node_modules/client-timeline'))) {
  const typesBin = (name) => join(typesApp, 'node_modules/.bin', name);
  check("types: the framework typings' .d.ts files type-check against the frameworks' own (skipLibCheck: false)", () => {
    const { status, text } = output(typesBin('tsc'), ['-p', 'tsconfig.strict.json', '--pretty', 'false'], typesApp);
    if (status !== 0) throw new Error(text.trim().slice(0, 3000));
  });
  for (const fw of ['react', 'preact', 'solid']) {
    check(`types: ${fw} (tsc, TypeScript 5.9)`, () => checkFramework(fw, typesBin('tsc'), ['-p', 'tsconfig.json', '--pretty', 'false']));
    check(`types: ${fw} (tsc, TypeScript 7)`, () => checkFramework(fw, bin('tsc'), ['-p', 'tsconfig.json', '--pretty', 'false']));
  }
  check('types: svelte (svelte-check)', () => checkFramework('svelte', typesBin('svelte-check'), ['--tsconfig', './tsconfig.json', '--output', 'machine']));
  check('types: vue (vue-tsc, strictTemplates)', () => checkFramework('vue', typesBin('vue-tsc'), ['-p', 'tsconfig.json', '--pretty', 'false']));
}

finish();
