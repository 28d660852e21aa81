// Fails (exit code 1) when the modules of src/ import each other in a cycle.
//
// Only imports that exist at run time count: TypeScript is compiled to JavaScript first, so an
// `import type` (erased by the compiler) does not make a cycle, and `import()` of a lazily loaded
// chunk (the sanitizer, the detail templates, the IndexedDB cache, the catalogues other than English)
// is not an edge either: it runs after every module involved has been evaluated.
//
// node scripts/check-cycles.mjs
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree, shortenTree } from 'dpdm';

const root = fileURLToPath(new URL('..', import.meta.url));

const tree = shortenTree(
  root,
  await parseDependencyTree(['src/**/*.ts'], {
    cwd: root,
    context: root,
    tsconfig: `${root}tsconfig.json`,
    transform: true,
    skipDynamicImports: false,
  }),
);
const cycles = parseCircular(tree, /* skipDynamicImports */ true);
const modules = Object.keys(tree).filter((id) => id.startsWith('src/')).length;

if (cycles.length) {
  console.error(`Import cycles among src/ (${cycles.length}):`);
  for (const cycle of cycles) console.error(`  ${[...cycle, cycle[0]].join(' -> ')}`);
  process.exit(1);
}
console.log(`No import cycle among the ${modules} modules of src/.`);
