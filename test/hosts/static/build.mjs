// The page as it is deployed: index.html and its script, the shared fixture, and the package's bundle (with the
// chunks it loads) copied to dist/, where the import map of index.html finds them.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const bundle = dirname(createRequire(import.meta.url).resolve('client-timeline/package.json')) + '/dist';
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
cpSync('index.html', 'dist/index.html');
cpSync('src/main.js', 'dist/main.js');
cpSync('../shared/fixture.js', 'dist/fixture.js');
cpSync(bundle, 'dist/vendor/client-timeline', { recursive: true });
