import type { KnipConfig } from 'knip';

/**
 * knip: files nothing uses, exports nothing imports, dependencies nothing needs (`npm run lint`).
 *
 * Entries are what something runs or loads; every other file is kept only when an entry reaches it,
 * so a helper module's exports are checked too. knip finds some entries by itself, and says so when
 * they are listed again: src/index.ts (package.json `main`), demo/main.ts (demo/index.html, vite's
 * root), demo/server/smoke.mjs and bench/run.mjs (npm scripts), the Storybook files (.storybook/main.ts),
 * vite.config.ts and eslint.config.js.
 */
const config: KnipConfig = {
  entry: [
    // The package's other public modules (package.json `exports` names their build output in lib/).
    'src/define.ts',
    'src/jsx.ts',
    'src/server/index.ts',
    'src/ssr.ts',
    // web-test-runner's test files (web-test-runner.config.mjs `files`).
    'test/**/*.test.ts',
    // Stories and Storybook's config (its plugin reads .storybook/main.ts `stories` too).
    'stories/**/*.stories.ts',
    '.storybook/*.ts',
    // The benchmark page's script (bench/pages/index.html) and the baseline elements it loads (each built on its
    // own by bench/run.mjs; bench/baselines/row.ts is a module both import).
    'bench/pages/*.js',
    'bench/baselines/plain-list.ts',
    'bench/baselines/tanstack-list.ts',
    // Scripts run by npm scripts, by hand or by the README's instructions; chromium-path.mjs, checks.mjs and
    // bad-lines.mjs are modules the others import, not scripts.
    'scripts/*.mjs',
    '!scripts/chromium-path.mjs',
    '!scripts/checks.mjs',
    '!scripts/bad-lines.mjs',
    // Config files of tools knip has no plugin for (web-test-runner, the custom-elements manifest analyzer).
    'web-test-runner.config.mjs',
    'custom-elements-manifest.config.mjs',
    // The host apps under test/hosts/: their servers and the client scripts their pages load.
    'test/hosts/ssr/*.{mjs,js}',
    'test/hosts/shared/*.js',
  ],
  project: [
    'src/**/*.ts',
    'test/**/*.ts',
    'stories/**/*.{ts,mdx}',
    '.storybook/*.ts',
    'demo/**/*.{ts,mjs}',
    'bench/**/*.{ts,js,mjs}',
    'scripts/**/*.mjs',
    'test/hosts/ssr/*.{mjs,js}',
    'test/hosts/shared/*.js',
    '*.{js,mjs,ts}',
    // Host projects of their own (their package.json and lockfile), installed and checked by scripts/test-package.mjs.
    '!test/types/**',
    // The framework host apps (test/hosts/<framework>/): projects of their own, checked by scripts/test-hosts.mjs.
    '!test/hosts/!(ssr|shared)/**',
  ],
  // Storybook's own vite config (.storybook/main.ts `viteConfigPath`) beside the project's.
  vite: { config: ['vite.config.ts', '.storybook/vite.config.ts'] },
  // The framework host apps: their own package.json lists what their configs import.
  ignore: ['test/hosts/!(ssr|shared)/**'],
  ignoreDependencies: [
    // Run by scripts/test-package.mjs from node_modules/.bin, against the packed tarball.
    '@arethetypeswrong/cli',
    'publint',
    // Imported by the type-only framework entries (frameworks/*.d.ts) from the host's own framework: a host
    // imports `client-timeline/vue` only where it has Vue.
    'preact',
    'react',
    'solid-js',
    'svelte',
    'vue',
    // Never imported: an npm alias of lit-html 3.3.0 that web-test-runner's group of that name maps every
    // lit-html module onto with an import map (web-test-runner.config.mjs).
    'lit-html-3.3.0',
  ],
};

export default config;
