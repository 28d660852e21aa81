import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineConfig, type Plugin } from 'vite';
// Plain JS modules shared with the demo, the tests and the benchmarks.
import { createMockBackend } from '../demo/server/mock-backend.mjs';
import { buildDataset, DEFAULT_SEED } from '../demo/server/seed-data.mjs';

/** Same clock as stories/support/data.ts. */
const NOW = Date.parse('2026-11-23T12:00:00Z');

/**
 * The media the stories' seeded events link to (avatars, recordings, files), from the mock CRM:
 * served under /api/ by the dev server, and the avatars written into the static build
 * (storybook-static/api/avatars/) so a static Storybook shows them with no backend.
 */
function crmMedia(): Plugin {
  const backend = createMockBackend({ latencyMs: 0, now: NOW });
  return {
    name: 'client-timeline-storybook-media',
    configureServer(server) {
      server.middlewares.use((req, res, next) => backend.handle(req, res, next));
    },
    async generateBundle() {
      const avatars = new Set<string>();
      for (const store of buildDataset({ seed: DEFAULT_SEED, now: NOW, base: '/api/' }).clients.values()) {
        for (let i = 0; i < Math.min(store.size, 5000); i++) {
          const url = store.at(i).author?.avatarUrl;
          if (url) avatars.add(url);
        }
      }
      const server: Server = createServer((req, res) => backend.handle(req, res, () => res.writeHead(404).end()));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      try {
        for (const url of avatars) {
          const res = await fetch(`http://127.0.0.1:${port}${url}`);
          if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
          this.emitFile({ type: 'asset', fileName: url.slice(1), source: new Uint8Array(await res.arrayBuffer()) });
        }
      } finally {
        server.close();
      }
    },
  };
}

// Storybook's own vite config (the project's vite.config.ts is the demo page and the library build).
export default defineConfig({
  plugins: [crmMedia()],
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});
