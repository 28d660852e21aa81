import { fileURLToPath } from 'node:url';
import { defineConfig, parseAst, type Plugin } from 'vite';
import { createDemoBackend } from './demo/server/backend.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Serves the demo's backend (`/api/*`) from the dev server, over real HTTP: the reference handler (`src/server`) on
 * PGlite (`DATABASE_URL`: on PostgreSQL), behind the demo's latency and failure switches (`demo/server/backend.ts`).
 */
function demoBackend(): Plugin {
  return {
    name: 'client-timeline-demo-backend',
    apply: 'serve',
    async configureServer(server) {
      const env = process.env;
      const backend = await createDemoBackend({
        databaseUrl: env.DATABASE_URL || undefined,
        dataDir: env.DEMO_DATA_DIR || undefined,
        largeCount: env.DEMO_LARGE_EVENTS === undefined ? undefined : Number(env.DEMO_LARGE_EVENTS),
        latencyMs: Number(env.MOCK_LATENCY ?? 250),
      });
      server.middlewares.use((req, res, next) => void backend.handle(req, res, next));
      server.httpServer?.once('close', () => void backend.close());
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

/**
 * The element's templates, smaller in the built bundle: in the static text of the `html` and `svg` templates under
 * src/, the indentation after a line break is dropped. Whitespace still separates what it separated (one line break
 * instead of a line break and spaces), and no template puts a line break where whitespace is kept (`pre-wrap`): what
 * renders is the same. Line breaks stay, so that the source map still points at the right lines.
 */
function minifyHtmlLiterals(): Plugin {
  interface Node {
    type: string;
    [key: string]: unknown;
  }
  const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
  return {
    name: 'client-timeline-minify-html',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.+\.ts$/.test(id) || /\.styles\.ts$/.test(id) || !/\b(?:html|svg)`/.test(code)) return null;
      // [start, end) of each static part of a template.
      const parts: [number, number][] = [];
      const visit = (node: Node) => {
        if (node.type === 'TaggedTemplateExpression') {
          const tag = node.tag as Node;
          if (tag.type === 'Identifier' && (tag.name === 'html' || tag.name === 'svg')) {
            for (const quasi of (node.quasi as Node).quasis as Node[]) {
              const [start, end, raw] = [quasi.start as number, quasi.end as number, (quasi.value as { raw: string }).raw];
              // Only where the parser's span is the part's text (it always is; never rewrite anything else).
              if (code.slice(start, end) === raw) parts.push([start, end]);
            }
          }
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.forEach((child) => isNode(child) && visit(child));
          else if (isNode(value)) visit(value);
        }
      };
      visit(parseAst(code, { lang: 'js' }) as unknown as Node);
      if (!parts.length) return null;
      parts.sort((a, b) => a[0] - b[0]);
      let out = '';
      let at = 0;
      for (const [start, end] of parts) {
        out += code.slice(at, start) + code.slice(start, end).replace(/\n[ \t]+/g, '\n');
        at = end;
      }
      return { code: out + code.slice(at), map: null };
    },
  };
}

export default defineConfig({
  root: here('./demo'),
  plugins: [demoBackend(), minifyCssLiterals(), minifyHtmlLiterals()],
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
        // `@__PURE__` and `@__NO_SIDE_EFFECTS__` annotations served their purpose in this build: the bundle does not
        // ship them (nothing of a self-contained element is left for a later bundler to drop).
        comments: { annotation: false },
        // Everything the main file reaches statically stays in it, even what several lazily loaded chunks share with
        // it: left to itself, rolldown moves such modules (lit, when three chunks import it) into a common chunk that
        // the main file would import (rolldown issue #10731).
        codeSplitting: { groups: [{ name: 'main', tags: ['$initial'], includeDependenciesRecursively: false }] },
      },
    },
  },
});
