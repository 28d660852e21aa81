// Solid host: built as a static site with relative asset URLs, so it can be served from any sub-path. solid-js
// exports no version at run time, so the installed one is written in at build time.
import { createRequire } from 'node:module';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const { version } = createRequire(import.meta.url)('solid-js/package.json') as { version: string };

export default defineConfig({
  base: './',
  plugins: [solid()],
  define: { __SOLID_VERSION__: JSON.stringify(version) },
});
