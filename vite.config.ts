import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Serves the demo's mock CRM backend (`/api/*`) from the dev server, over real HTTP. */
function mockCrmBackend(): Plugin {
  return {
    name: 'client-timeline-mock-crm',
    async configureServer(server) {
      // Plain JS module, shared with the test runner and the benchmarks.
      const { createMockBackend } = await import(pathToFileURL(here('./demo/server/mock-backend.mjs')).href);
      const backend = createMockBackend({ latencyMs: Number(process.env.MOCK_LATENCY ?? 250) });
      server.middlewares.use((req, res, next) => backend.handle(req, res, next));
    },
  };
}

/**
 * The element's CSS, minified in the built bundle: comments dropped and whitespace collapsed inside the `css`
 * literals of the styles modules, the `*.styles.ts` files under src/ (none of their strings holds whitespace that
 * matters).
 *
 * Each literal becomes one line; the line breaks it held move after its closing backtick, where they are JavaScript
 * whitespace the minifier drops. Every line of the module thus keeps its number, and the module's source map (none:
 * line for line the same) still points at the right lines: the bundle's map gives each literal, as one token, to its
 * styles module (which `bench/support/bundle.mjs` attributes it to).
 */
function minifyCssLiterals(): Plugin {
  const minify = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'client-timeline-minify-css',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/(?:.+\/)?[\w-]+\.styles\.ts$/.test(id)) return null;
      const lines = (text: string) => text.split('\n').length - 1;
      return {
        code: code.replace(/\bcss`([^`]*)`/g, (_, body: string) => `css\`${minify(body)}\`${'\n'.repeat(lines(body))}`),
        map: null,
      };
    },
  };
}

export default defineConfig({
  root: here('./demo'),
  plugins: [mockCrmBackend(), minifyCssLiterals()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173) },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    lib: {
      entry: here('./src/index.ts'),
      formats: ['es'],
      fileName: () => 'client-timeline.js',
    },
    rolldownOptions: {
      // Lazily loaded chunks import what they share with the main file from it (extra, internal exports), instead
      // of a third, shared chunk that the main file would have to import: the main file stays self-contained.
      preserveEntrySignatures: 'allow-extension',
      output: {
        // One self-contained main file, plus lazily loaded chunks beside it for rarely used parts
        // (the HTML sanitizer), fetched relative to the main file when first needed.
        chunkFileNames: 'client-timeline.[name]-[hash].js',
        minify: true,
        // Everything the main file reaches statically stays in it, even what several lazily loaded chunks share with
        // it: left to itself, rolldown moves such modules (lit, when three chunks import it) into a common chunk that
        // the main file would import (rolldown issue #10731).
        codeSplitting: { groups: [{ name: 'main', tags: ['$initial'], includeDependenciesRecursively: false }] },
      },
    },
  },
});
