// ESLint (flat config): JavaScript's recommended rules, web-component rules (wc), Lit template
// rules (lit) and accessibility of Lit templates (lit-a11y), for the element's source, tests,
// stories, demo, benchmarks, scripts and config files.
//
// TypeScript is parsed by Babel (@babel/eslint-parser with preset-typescript and the legacy,
// "experimental" decorators Lit uses): the TypeScript compiler of this repository is the native
// one, with no JavaScript API, so typescript-eslint cannot run. Babel gives ESLint the syntax tree
// but not TypeScript's scope analysis; the core rules that misfire on TypeScript syntax because of
// that are turned off for .ts files below, each with its reason. `tsc` (npm run typecheck, with
// noUnusedLocals and noUnusedParameters) covers what they would have checked.
import js from '@eslint/js';
import babelParser from '@babel/eslint-parser';
import wc from 'eslint-plugin-wc';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import presetTypescript from '@babel/preset-typescript';
import pluginDecorators from '@babel/plugin-proposal-decorators';

const typescript = {
  parser: babelParser,
  parserOptions: {
    requireConfigFile: false,
    babelOptions: {
      babelrc: false,
      configFile: false,
      // Imported, not named: Babel takes the modules themselves (so knip sees them used).
      presets: [presetTypescript],
      plugins: [[pluginDecorators, { version: 'legacy' }]],
    },
  },
};

export default [
  {
    ignores: [
      'node_modules/', 'dist/', 'lib/', 'storybook-static/', 'bench/results/', 'bench/.build/', 'custom-elements.json',
      // Host apps with their own package and checker (scripts/test-hosts.mjs); ssr/ and shared/ run from this package.
      'test/hosts/*/', '!test/hosts/ssr/', '!test/hosts/shared/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Everything: JavaScript's recommended rules, ES modules of today.
  {
    files: ['**/*.{js,mjs,ts}'],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
  },

  // TypeScript, through Babel.
  {
    files: ['**/*.ts'],
    languageOptions: typescript,
    rules: {
      // Babel's scope analysis does not see uses in type positions (an import used only as a type,
      // a type parameter) nor the parameter names of function types and overload signatures, which
      // are not variables at all: false positives. tsc's noUnusedLocals/noUnusedParameters check it.
      'no-unused-vars': 'off',
      // Type names (interfaces, type aliases, global augmentations such as HTMLElementTagNameMap,
      // DOM lib types) are not runtime bindings for ESLint: every type reference would be reported.
      // tsc reports names that do not exist.
      'no-undef': 'off',
      // Method overload signatures in a class (TSDeclareMethod) are read as duplicate members.
      // tsc reports real duplicates (TS2300, TS2393).
      'no-dupe-class-members': 'off',
      // These crash ESLint ("Cannot read properties of undefined"), which stops the whole run, on a
      // class method without a body: getter-return on overload signatures and abstract methods,
      // no-dupe-args on overload signatures. tsc reports a getter that returns nothing (TS2378) and
      // duplicate parameter names (TS2300).
      'getter-return': 'off',
      'no-dupe-args': 'off',
    },
  },

  // Code that runs in the browser: the element, its tests and stories, the demo and benchmark pages.
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', '.storybook/preview.ts', 'demo/**/*.ts', 'bench/pages/**/*.js', 'bench/baselines/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Tests run in the browser under mocha (describe, it, before…).
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
  },
  // Node: scripts, the demo's backend middleware and smoke test, the benchmark driver and every config file.
  {
    files: ['scripts/**/*.mjs', 'test/hosts/**/*.mjs', 'demo/server/**/*.mjs', 'bench/*.mjs', 'bench/support/**/*.mjs', '*.{js,mjs,ts}', '.storybook/main.ts', '.storybook/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Node scripts that drive Chromium through playwright-core: the functions they hand to
  // page.evaluate() and page.waitForFunction() run in the page, where window and document exist.
  {
    files: ['scripts/screenshot.mjs', 'scripts/test-csp.mjs', 'scripts/test-demo.mjs', 'scripts/test-ssr.mjs', 'scripts/test-storybook.mjs', 'bench/run.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  // Web components and Lit templates: the element, the benchmark's baseline element, tests and stories.
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', 'bench/**/*.ts'],
    plugins: { wc, lit, 'lit-a11y': litA11y },
    settings: {
      // Elements here extend LitElement, not HTMLElement directly.
      wc: { elementBaseClasses: ['LitElement'] },
    },
    rules: {
      ...wc.configs['flat/recommended'].rules,
      ...wc.configs['flat/best-practice'].rules,
      ...lit.configs['flat/recommended'].rules,
      ...litA11y.configs.recommended.rules,
      // LitElement (ReactiveElement) implements connectedCallback, disconnectedCallback and
      // attributeChangedCallback, and Lit requires subclasses to call them: `super.connectedCallback()`
      // always exists here, and the guard this rule asks for would be dead code.
      'wc/guard-super-call': 'off',
    },
  },
];
