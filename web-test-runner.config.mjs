import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { createMockBackend } from './demo/server/mock-backend.mjs';
import { chromiumArgs, chromiumPath } from './scripts/chromium-path.mjs';

// The demo's mock CRM, served over real HTTP by the test server itself, with no latency.
const backend = createMockBackend({ latencyMs: 0, now: new Date('2026-11-23T12:00:00Z') });

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname, target: 'es2022' })],
  middleware: [
    (ctx, next) =>
      new Promise((resolve, reject) => {
        if (!ctx.path.startsWith('/api/')) return resolve(next());
        ctx.respond = false;
        ctx.res.on('finish', resolve);
        ctx.res.on('close', resolve);
        try {
          backend.handle(ctx.req, ctx.res, () => {
            ctx.respond = true;
            next().then(resolve, reject);
          });
        } catch (error) {
          reject(error);
        }
      }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath() ?? undefined, headless: true, args: chromiumArgs },
    }),
  ],
};
