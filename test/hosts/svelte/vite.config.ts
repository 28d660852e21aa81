// Svelte 5 host: built as a static site with relative asset URLs, so it can be served from any sub-path. Svelte's
// runtime exports no version (only 'svelte/compiler' does), so the installed one is written in at build time.
import { createRequire } from 'node:module';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const { version } = createRequire(import.meta.url)('svelte/package.json') as { version: string };

export default defineConfig({
  base: './',
  plugins: [svelte()],
  define: { __SVELTE_VERSION__: JSON.stringify(version) },
});
