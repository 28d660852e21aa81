import { readFileSync } from 'node:fs';
// Custom Elements Manifest (custom-elements.json) for <client-timeline>, from the JSDoc in src/.
// `npm run analyze` writes it; README's API tables (scripts/readme-api.mjs) and Storybook's docs
// are generated from it, and `npm test` fails when it is out of date with the source.

/**
 * Keeps the public surface only: modules that declare custom elements plus the package entry
 * points, and no private or protected members, so the manifest changes when the API does
 * and not with every internal edit.
 */
function publicApiOnly() {
  const entryPoints = new Set(['src/index.ts', 'src/define.ts']);
  return {
    name: 'client-timeline-public-api',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules = customElementsManifest.modules.filter(
        (mod) => entryPoints.has(mod.path) || mod.declarations?.some((d) => d.customElement),
      );
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.members) continue;
          decl.members = decl.members.filter((m) => !m.privacy || m.privacy === 'public');
          // Public statics stay (`ClientTimeline.clearCache()`); Lit's own (`styles`) are no API of the element.
          decl.members = decl.members.filter((m) => !m.name.startsWith('#') && !(m.static && LIT_STATICS.has(m.name)));
        }
      }
    },
  };
}

/** Statics every LitElement has or overrides: configuration for Lit, not the element's API. */
const LIT_STATICS = new Set(['styles', 'properties', 'shadowRootOptions', 'elementStyles', 'elementProperties', 'finalized']);

/**
 * Module paths of the files the package ships: the analyzer reads `src/x.ts`, the tarball holds `lib/x.js` (built by
 * tsc -p tsconfig.build.json, `rootDir` src, `outDir` lib). Every `path` becomes package-relative to the built file,
 * and every `module` reference (relative to the module that exports it, or already package-relative) does too.
 */
function shippedModulePaths() {
  const toLib = (path) => path.replace(/^src\//, 'lib/').replace(/\.ts$/, '.js');
  const resolveFrom = (modulePath, ref) => {
    // The analyzer names some definitions by a root-relative path (`/src/x.js`).
    if (ref.startsWith('/')) return toLib(ref.slice(1));
    if (!ref.startsWith('.')) return toLib(ref);
    const parts = modulePath.split('/').slice(0, -1);
    for (const segment of ref.split('/')) {
      if (segment === '..') parts.pop();
      else if (segment !== '.') parts.push(segment);
    }
    return toLib(parts.join('/'));
  };
  const rewrite = (node, modulePath) => {
    if (Array.isArray(node)) return node.forEach((child) => rewrite(child, modulePath));
    if (!node || typeof node !== 'object') return;
    // References into another package (`{ name: 'LitElement', package: 'lit' }`) stay as they are.
    if (typeof node.module === 'string' && !node.package) node.module = resolveFrom(modulePath, node.module);
    for (const value of Object.values(node)) rewrite(value, modulePath);
  };
  return {
    name: 'client-timeline-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        const source = mod.path;
        for (const key of ['declarations', 'exports']) rewrite(mod[key], source);
        mod.path = toLib(source);
      }
    },
  };
}

/**
 * The element's CSS custom properties, from the `@cssprop` tags beside the tokens in client-timeline.styles.ts
 * (the analyzer reads those tags on the class only), in the order written there.
 */
function cssPropertiesFromStyles() {
  return {
    name: 'client-timeline-css-properties',
    packageLinkPhase({ customElementsManifest }) {
      const source = readFileSync(new URL('./src/client-timeline.styles.ts', import.meta.url), 'utf8');
      const cssProperties = [...source.matchAll(/^ \* @cssprop \[(--[\w-]+)=([^\]]*)\] - (.*)$/gm)].map(([, name, value, description]) => ({
        description,
        name,
        default: value,
      }));
      for (const mod of customElementsManifest.modules) {
        mod.declarations = mod.declarations?.map((decl) => {
          if (decl.tagName !== 'client-timeline') return decl;
          // Where the analyzer puts class-level tags: right after the name.
          const { kind, description, name, ...rest } = decl;
          return { kind, description, name, cssProperties, ...rest };
        });
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json already points `customElements` at custom-elements.json.
  packagejson: false,
  quiet: true,
  // shippedModulePaths last: the other plugins know modules by their source paths.
  plugins: [publicApiOnly(), cssPropertiesFromStyles(), shippedModulePaths()],
};
