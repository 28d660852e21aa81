// README's API tables, generated from custom-elements.json (itself generated from the JSDoc in src/).
//
//   node scripts/readme-api.mjs          rewrites the block between <!-- api:start --> and <!-- api:end -->
//   node scripts/readme-api.mjs --check  re-analyzes src/ in memory and fails when custom-elements.json
//                                        or README's block differ from what the source says
//
// `npm run analyze` runs the analyzer, then this script, then scripts/framework-types.mjs (the
// framework typings, src/jsx.ts among them, from the same manifest; it has a --check of its own).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const README = `${root}README.md`;
const MANIFEST = `${root}custom-elements.json`;
const START = '<!-- api:start -->';
const END = '<!-- api:end -->';

/** Text for a markdown table cell: one line, pipes escaped. */
const cell = (text = '') => String(text).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text === undefined || text === '' ? '' : `\`${cell(text)}\``);

function table(head, rows) {
  if (!rows.length) return '';
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/**
 * The markdown for every custom element the manifest declares: `<client-timeline>` first, its tables under `###`
 * headings; each other element (the provider) after it, under a `###` heading of its own, its tables under `####`.
 */
export function renderApi(manifest) {
  const out = [`<!-- Generated from custom-elements.json by \`npm run analyze\`; edit the JSDoc in src/, not this block. -->`];
  const elements = manifest.modules.flatMap((mod) => (mod.declarations ?? []).filter((d) => d.customElement));
  elements.sort((a, b) => (b.tagName === 'client-timeline') - (a.tagName === 'client-timeline'));
  for (const el of elements) {
    {
      const main = el.tagName === 'client-timeline';
      const h = main ? '###' : '####';
      const members = el.members ?? [];
      const fields = members.filter((m) => m.kind === 'field');
      const methods = members.filter((m) => m.kind === 'method');
      const attributes = el.attributes ?? [];
      if (!main) out.push('', `### \`<${el.tagName}>\``, '', cell(el.description));

      const rows = fields.map((f) => {
        const attr = attributes.find((a) => a.fieldName === f.name);
        return [
          attr ? code(attr.name) : '—',
          `${code(f.name)}${f.readonly ? ' (read-only)' : ''}`,
          code(f.type?.text),
          code(f.default),
          cell(f.description),
        ];
      });
      for (const a of attributes.filter((a) => !fields.some((f) => f.name === a.fieldName))) {
        rows.push([code(a.name), '—', code(a.type?.text), code(a.default), cell(a.description)]);
      }
      out.push('', `${h} Attributes and properties`, '', table(['attribute', 'property', 'type', 'default', ''], rows));

      if (methods.length) {
        const sig = (m) =>
          `${m.static ? `${el.name}.` : ''}${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`).join(', ')})${
            m.return?.type ? `: ${m.return.type.text}` : ''
          }`;
        out.push('', `${h} Methods`, '', table(['method', ''], methods.map((m) => [code(sig(m)), cell(m.description)])));
      }
      if (el.events?.length) {
        out.push(
          '',
          `${h} Events`,
          '',
          table(['event', 'type', 'when'], el.events.map((e) => [code(e.name), code(e.type?.text), cell(e.description)])),
        );
      }
      if (el.cssProperties?.length) {
        out.push(
          '',
          `${h} CSS custom properties`,
          '',
          table(['property', 'default', ''], el.cssProperties.map((p) => [code(p.name), code(p.default), cell(p.description)])),
        );
      }
      if (el.cssParts?.length) {
        out.push('', `${h} Parts`, '', table(['part', ''], el.cssParts.map((p) => [code(p.name), cell(p.description)])));
      }
      if (el.slots?.length) {
        out.push('', `${h} Slots`, '', table(['slot', ''], el.slots.map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])));
      }
    }
  }
  return out.join('\n');
}

/** README with its API block replaced by `api`. */
export function withApiBlock(readme, api) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  return `${readme.slice(0, start + START.length)}\n${api}\n${readme.slice(end)}`;
}

/** The manifest as the analyzer produces it from the current source (nothing written). */
async function analyzeInMemory() {
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  return cli({ argv: ['analyze'], cwd: root, noWrite: true });
}

async function check() {
  const problems = [];
  const fresh = `${JSON.stringify(await analyzeInMemory(), null, 2)}\n`;
  const committed = readFileSync(MANIFEST, 'utf8');
  if (fresh !== committed) problems.push('custom-elements.json is out of date with the JSDoc in src/');
  const readme = readFileSync(README, 'utf8');
  if (withApiBlock(readme, renderApi(JSON.parse(fresh))) !== readme) {
    problems.push("README.md's API block (<!-- api:start --> … <!-- api:end -->) is out of date with the JSDoc in src/");
  }
  const stale = problems.length;
  for (const p of problems) console.error(`✗ ${p}`);
  if (stale) console.error('Run `npm run analyze` and commit custom-elements.json and README.md.');
  console.log(`${2 - problems.length} passed, ${problems.length} failed`);
  process.exitCode = problems.length ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    await check();
  } else {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    const readme = readFileSync(README, 'utf8');
    const next = withApiBlock(readme, renderApi(manifest));
    if (next !== readme) writeFileSync(README, next);
    console.log(next === readme ? 'README.md API block already up to date' : 'README.md API block regenerated');
  }
}
