// The template typings of <client-timeline> for every framework, generated from custom-elements.json (itself
// generated from the JSDoc in src/), so that no framework's typings can miss an attribute, a property or an event:
//
//   src/jsx.ts             framework-neutral props (`client-timeline/jsx/props`), used by the React and Preact files
//   frameworks/react.d.ts  React 19's JSX.IntrinsicElements                     (`client-timeline/react`, `/jsx`)
//   frameworks/preact.d.ts Preact's JSX.IntrinsicElements                       (`client-timeline/preact`)
//   frameworks/svelte.d.ts Svelte 5's SvelteHTMLElements (svelteHTML.IntrinsicElements)  (`client-timeline/svelte`)
//   frameworks/vue.d.ts    Vue 3's GlobalComponents                              (`client-timeline/vue`)
//   frameworks/solid.d.ts  Solid's JSX.IntrinsicElements, with on: / prop: / attr:  (`client-timeline/solid`)
//
// The manifest says which names exist (attributes, writable properties, events) and what they mean (their
// descriptions become the props' JSDoc); the types themselves are the element's own (`ClientTimeline['clientId']`,
// the `GlobalEventHandlersEventMap` entries of src/events.ts), so a type is never copied as text.
//
// Each framework sets a value on a custom element in its own way, and the typings follow it:
//   - an attribute whose property has the same name (`types`, `theme`) is set as the property by React 19, Preact,
//     Svelte 5, Vue 3 and Solid alike once the element is defined: it takes the property's type;
//   - a dashed attribute (`client-id`, `page-size`) is set as an attribute (text) by React, Preact, Svelte and Vue;
//     Solid sets it as the property (`clientId`) unless it is written `attr:client-id`;
//   - events: `ontimeline-page` (React 19, Preact, Svelte 5, Solid), `on:timeline-page` (Svelte's directive, Solid's
//     namespace), `@timeline-page` / `onTimelinePage` (Vue).
//
//   node scripts/framework-types.mjs          writes the files (`npm run analyze` runs it)
//   node scripts/framework-types.mjs --check  fails when a file differs from what the manifest gives (`npm test`)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TAG = 'client-timeline';

/** The element's names and descriptions, from the manifest. */
export function elementApi(manifest) {
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === TAG);
  if (!element) throw new Error(`<${TAG}> is not in custom-elements.json`);
  const fields = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static);
  const attributes = (element.attributes ?? []).map((a) => ({ name: a.name, property: a.fieldName, description: a.description ?? '' }));
  const properties = fields.filter((f) => !f.readonly).map((f) => ({ name: f.name, description: f.description ?? '' }));
  for (const a of attributes) {
    if (!properties.some((p) => p.name === a.property)) throw new Error(`attribute ${a.name} reflects ${a.property}, which is no writable property`);
  }
  const events = (element.events ?? []).map((e) => ({ name: e.name, type: e.type?.text ?? '', description: e.description ?? '' }));
  return {
    className: element.name,
    attributes,
    properties,
    events,
    /** Dashed attributes, whose property has another name (`client-id` → `clientId`). */
    dashed: attributes.filter((a) => a.name !== a.property),
  };
}

// ── Text helpers ────────────────────────────────────────────────────────────────────────────────────────────────

const HEADER = (what) =>
  [
    '// Generated from custom-elements.json by scripts/framework-types.mjs (`npm run analyze`): edit the JSDoc in src/,',
    '// not this file. `npm test` fails when it is out of date.',
    '//',
    `// ${what}`,
  ].join('\n');

const WIDTH = 120;

/** `text` in lines of at most `width` characters (a longer word stays whole). */
function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A JSDoc block at `indent`, or nothing for an empty description. */
function doc(description, indent) {
  const text = description.replace(/\*\//g, '*\\/').trim();
  if (!text) return '';
  const lines = wrap(text.replace(/\s*\n\s*/g, ' '), WIDTH - indent.length - 3);
  if (lines.length === 1 && indent.length + lines[0].length + 7 <= WIDTH) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const pascal = (name) => camel(name).replace(/^./, (c) => c.toUpperCase());

/** `{ members }` from [name, type, description] rows. */
function members(rows, indent = '  ') {
  return rows.map(([name, type, description]) => `${doc(description, indent)}${indent}${key(name)}?: ${type};`).join('\n');
}

// ── src/jsx.ts: the framework-neutral props ─────────────────────────────────────────────────────────────────────

function neutral(api) {
  const prop = (name) => `ClientTimeline['${name}']`;
  return `${HEADER('The props of `<client-timeline>` in templates, framework-neutral (`client-timeline/jsx/props`).')}
/**
 * \`client-timeline/react\` (also \`client-timeline/jsx\`) and \`client-timeline/preact\` add them to React 19's and
 * Preact's \`JSX.IntrinsicElements\`; \`client-timeline/svelte\`, \`/vue\` and \`/solid\` type the element in those
 * frameworks' templates by the same names.
 *
 * Attributes are text in markup; properties (\`adapter\`, \`now\`, …) are set as properties by React 19 and Preact,
 * and so is an attribute whose property has the same name (\`types\`, \`theme\`); events are \`ontimeline-*\` props.
 */
import type { ClientTimeline } from './client-timeline.js';
// The events' \`GlobalEventHandlersEventMap\` entries (a global augmentation) come with this module.
import type {
  TimelineActionDetail,
  TimelineErrorDetail,
  TimelineFilterChangeDetail,
  TimelineOpenDetail,
  TimelinePageDetail,
  TimelineToggleDetail,
} from './events.js';

/** Every attribute of \`<client-timeline>\` and the property it reflects. */
export interface ClientTimelineAttributeMap {
${api.attributes.map((a) => `  ${key(a.name)}: '${a.property}';`).join('\n')}
}

/** Every event \`<client-timeline>\` fires, with its \`CustomEvent<Detail>\`. */
export interface ClientTimelineEventMap {
${api.events.map((e) => `${doc(e.description, '  ')}  ${key(e.name)}: GlobalEventHandlersEventMap['${e.name}'];`).join('\n')}
}

/** What a dashed attribute accepts in markup: lists as comma-separated text, numbers as numbers or text. */
export type AttributeValue<T> = [NonNullable<T>] extends [readonly unknown[]]
  ? string
  : [NonNullable<T>] extends [number]
    ? number | string
    : NonNullable<T>;

/** The dashed attributes (\`client-id="karina"\`), set as attributes: text. */
export interface ClientTimelineAttributes {
${members(api.dashed.map((a) => [a.name, `AttributeValue<${prop(a.property)}>`, a.description]))}
}

/** The element's writable properties (\`adapter={…}\`, \`clientId={…}\`), set as properties. */
export interface ClientTimelineProperties {
${members(api.properties.map((p) => [p.name, prop(p.name), p.description]))}
}

/** \`ontimeline-page={(e) => …}\`: one handler prop per event, typed by its detail. */
export interface ClientTimelineEventProps {
${members(api.events.map((e) => [`on${e.name}`, `(event: ClientTimelineEventMap['${e.name}']) => void`, e.description]))}
}

/** The JSX props of \`<client-timeline>\`, on top of the framework's own HTML attributes. */
export type ClientTimelineJsxProps = ClientTimelineAttributes & ClientTimelineProperties & ClientTimelineEventProps;

export type {
  ClientTimeline,
  TimelineActionDetail,
  TimelineErrorDetail,
  TimelineFilterChangeDetail,
  TimelineOpenDetail,
  TimelinePageDetail,
  TimelineToggleDetail,
};
`;
}

// ── The framework files ─────────────────────────────────────────────────────────────────────────────────────────

const IMPORTS = "import type { AttributeValue, ClientTimeline, ClientTimelineEventMap } from '../lib/jsx.js';";

function react() {
  return `${HEADER("<client-timeline> in React 19's JSX: `import type {} from 'client-timeline/react'` (or 'client-timeline/jsx').")}
// It augments React's types only (no runtime import of React); the app provides @types/react 19.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ClientTimeline, ClientTimelineJsxProps } from '../lib/jsx.js';

export type * from '../lib/jsx.js';

/** \`<client-timeline>\`'s props in React: its HTML attributes, then the element's own. */
export type ClientTimelineReactProps = DetailedHTMLProps<HTMLAttributes<ClientTimeline>, ClientTimeline> & ClientTimelineJsxProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      '${TAG}': ClientTimelineReactProps;
    }
  }
}
`;
}

function preact() {
  return `${HEADER("<client-timeline> in Preact's JSX: `import type {} from 'client-timeline/preact'`.")}
// It augments Preact's types only (no runtime import of Preact); Preact 10.28 or later, or 11.
import type { HTMLAttributes } from 'preact';
import type { ClientTimeline, ClientTimelineJsxProps } from '../lib/jsx.js';

export type * from '../lib/jsx.js';

/** \`<client-timeline>\`'s props in Preact: its HTML attributes, then the element's own. */
export type ClientTimelinePreactProps = HTMLAttributes<ClientTimeline> & ClientTimelineJsxProps;

// Preact 11 reads its JSX types from the 'preact' module,
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      '${TAG}': ClientTimelinePreactProps;
    }
  }
}

// Preact 10 from the global \`preact.JSX\` namespace.
declare global {
  namespace preact.JSX {
    interface IntrinsicElements {
      '${TAG}': ClientTimelinePreactProps;
    }
  }
}
`;
}

function svelte(api) {
  const prop = (name) => `ClientTimeline['${name}']`;
  const handler = (e) => `(event: ClientTimelineEventMap['${e.name}'] & { currentTarget: EventTarget & ClientTimeline }) => unknown`;
  const rows = [
    ...api.dashed.map((a) => [a.name, `AttributeValue<${prop(a.property)}>`, a.description]),
    ...api.properties.map((p) => [p.name, prop(p.name), p.description]),
    ...api.events.map((e) => [`on${e.name}`, handler(e), e.description]),
    ...api.events.map((e) => [`on:${e.name}`, handler(e), `\`on:${e.name}\` (the directive of Svelte 4, still read by Svelte 5): ${e.description}`]),
  ];
  return `${HEADER("<client-timeline> in Svelte 5's templates (svelte-check): `import type {} from 'client-timeline/svelte'`, or")}
// \`"types": ["client-timeline/svelte"]\` in tsconfig.json. It adds the element to \`SvelteHTMLElements\` of
// 'svelte/elements', which \`svelteHTML.IntrinsicElements\` extends (what Svelte's docs ask of custom elements).
// Svelte 5 sets a prop as a property when the element has a setter of that name, else as an attribute.
import type { HTMLAttributes } from 'svelte/elements';
${IMPORTS}

export type * from '../lib/jsx.js';

/** \`<client-timeline client-id="karina" {adapter} ontimeline-page={(e) => …}>\` in Svelte 5. */
export interface ClientTimelineSvelteProps {
${members(rows)}
}

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    '${TAG}': HTMLAttributes<ClientTimeline> & ClientTimelineSvelteProps;
  }
}
`;
}

function vue(api) {
  const prop = (name) => `ClientTimeline['${name}']`;
  const dashed = new Map(api.dashed.map((a) => [a.property, a]));
  const rows = [
    ...api.properties.map((p) => {
      const a = dashed.get(p.name);
      const type = a ? `${prop(p.name)} | AttributeValue<${prop(p.name)}>` : prop(p.name);
      return [p.name, type, a ? `\`${a.name}\` / \`:${p.name}\`: ${p.description}` : p.description];
    }),
    ...api.events.map((e) => [`on${pascal(e.name)}`, `(event: ClientTimelineEventMap['${e.name}']) => void`, `\`@${e.name}\`: ${e.description}`]),
  ];
  return `${HEADER("<client-timeline> in Vue 3's templates (vue-tsc, Volar): `import type {} from 'client-timeline/vue'`, or")}
// \`"types": ["client-timeline/vue"]\` in tsconfig.json. It adds the element to Vue's \`GlobalComponents\`, the way Vue's
// guide types web components: props from \`$props\`, events from \`$emit\`. Vue normalizes \`client-id\` to \`clientId\`,
// so both spellings are checked; the app still tells the compiler that the tag is a custom element (\`isCustomElement\`).
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${IMPORTS}

export type * from '../lib/jsx.js';

/** \`<client-timeline :client-id="id" :adapter="adapter" @timeline-page="(e) => …">\` in Vue 3. */
export interface ClientTimelineVueProps {
${members(rows)}
}

/** \`$emit\` as vue-tsc reads it: one signature per event. */
type ClientTimelineVueEmit = EmitFn<{ [E in keyof ClientTimelineEventMap]: (event: ClientTimelineEventMap[E]) => void }>;

declare module 'vue' {
  interface GlobalComponents {
    '${TAG}': new () => ClientTimeline & {
      /** @deprecated For template type checking only: not a property of the element. */
      $props: HTMLAttributes & ClientTimelineVueProps & PublicProps;
      /** @deprecated For template type checking only: not a method of the element. */
      $emit: ClientTimelineVueEmit;
    };
  }
}
`;
}

function solid(api) {
  const prop = (name) => `ClientTimeline['${name}']`;
  const rows = [
    ...api.dashed.map((a) => [a.name, `${prop(a.property)} | AttributeValue<${prop(a.property)}>`, a.description]),
    ...api.properties.map((p) => [p.name, prop(p.name), p.description]),
    ...api.properties.map((p) => [`prop:${p.name}`, prop(p.name), p.description]),
    ...api.attributes.map((a) => [`attr:${a.name}`, `AttributeValue<${prop(a.property)}>`, `As an attribute (text): ${a.description}`]),
    ...api.events.map((e) => [`on:${e.name}`, `JSX.EventHandlerWithOptionsUnion<ClientTimeline, ClientTimelineEventMap['${e.name}']>`, e.description]),
    ...api.events.map((e) => [`on${e.name}`, `JSX.EventHandlerUnion<ClientTimeline, ClientTimelineEventMap['${e.name}']>`, e.description]),
  ];
  return `${HEADER("<client-timeline> in Solid's JSX: `import type {} from 'client-timeline/solid'`, or")}
// \`"types": ["client-timeline/solid"]\` in tsconfig.json. Solid sets every prop of a custom element as a property
// (\`client-id\` as \`clientId\`) unless it is written \`attr:client-id\`; \`on:timeline-page\` listens to the event.
import type { JSX } from 'solid-js';
${IMPORTS}

export type * from '../lib/jsx.js';

/** \`<client-timeline client-id="karina" adapter={adapter} on:timeline-page={(e) => …}>\` in Solid. */
export interface ClientTimelineSolidProps {
${members(rows)}
}

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
      '${TAG}': JSX.HTMLAttributes<ClientTimeline> & ClientTimelineSolidProps;
    }
  }
}
`;
}

const TYPES_ONLY_JS = (fw) =>
  `// \`client-timeline/${fw}\` holds types only (frameworks/${fw}.d.ts); importing it at run time loads nothing.\nexport {};\n`;

/** Every generated file: path (from the package root) → text. */
export function frameworkTypes(manifest) {
  const api = elementApi(manifest);
  const files = { 'src/jsx.ts': neutral(api) };
  for (const [fw, make] of Object.entries({ react, preact, svelte, vue, solid })) {
    files[`frameworks/${fw}.d.ts`] = make(api);
    files[`frameworks/${fw}.js`] = TYPES_ONLY_JS(fw);
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(`${root}custom-elements.json`, 'utf8'));
  const files = frameworkTypes(manifest);
  const read = (path) => {
    try {
      return readFileSync(`${root}${path}`, 'utf8');
    } catch {
      return null;
    }
  };
  const stale = Object.keys(files).filter((path) => read(path) !== files[path]);
  if (process.argv.includes('--check')) {
    for (const path of stale) console.error(`✗ ${path} is out of date with custom-elements.json: run \`npm run analyze\``);
    console.log(`${Object.keys(files).length - stale.length} passed, ${stale.length} failed`);
    process.exitCode = stale.length ? 1 : 0;
  } else {
    for (const path of stale) {
      mkdirSync(dirname(`${root}${path}`), { recursive: true });
      writeFileSync(`${root}${path}`, files[path]);
    }
    console.log(stale.length ? `framework typings regenerated: ${stale.join(', ')}` : 'framework typings already up to date');
  }
}
