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
          decl.members = decl.members.filter((m) => !m.name.startsWith('#') && !m.static);
        }
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
  plugins: [publicApiOnly()],
};
