// Prints the README's catalog table (type, label, category, icon, tone) from src/model/catalog.ts.
import { build } from 'esbuild';
const out = await build({ entryPoints: ['src/model/catalog.ts'], bundle: true, format: 'esm', write: false, platform: 'neutral', external: ['lit', 'lit/*', 'lucide/*'] });
const mod = await import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));
const rows = mod.knownTypes().map((t) => `| \`${t.type}\` | ${t.label} | ${mod.CATEGORIES[t.category].label} | \`${t.icon}\` | ${t.tone ?? ''} |`);
if (!process.argv.includes("--write")) console.log(['| type | label | category | icon (lucide) | default tone |', '|---|---|---|---|---|', ...rows].join('\n'));

// `--write`: replace the table between <!-- catalog:start --> and <!-- catalog:end --> in README.md.
if (process.argv.includes('--write')) {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const readme = readFileSync('README.md', 'utf8');
  const table = ['| type | label | category | icon (lucide) | default tone |', '|---|---|---|---|---|', ...rows].join('\n');
  const next = readme.replace(/<!-- catalog:start -->[\s\S]*?<!-- catalog:end -->/, `<!-- catalog:start -->\n${table}\n<!-- catalog:end -->`);
  if (next === readme && !readme.includes('<!-- catalog:start -->')) throw new Error('README.md has no <!-- catalog:start --> marker');
  writeFileSync('README.md', next);
}
