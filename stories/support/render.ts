/**
 * The one render function every story uses: attributes and CSS custom properties come from
 * args (so the Controls panel edits them), the data from a named scenario.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ArgTypes } from '@storybook/web-components-vite';
import manifest from '../../custom-elements.json';
import type { ClientTimeline } from '../../src/client-timeline.js';
import type { TimelineAdapter } from '../../src/data/adapter.js';
import type { TimelinePermissions } from '../../src/data/permissions.js';
import type { TimelineAction } from '../../src/events.js';
import type { TimelineItem } from '../../src/model/event.js';
import neutral from '../../themes/neutral.css?inline';
import opsConsole from '../../themes/ops-console.css?inline';
import warmBrand from '../../themes/warm-brand.css?inline';

/** The example themes, as the stylesheets a host page would link. */
const THEMES = { neutral, 'warm-brand': warmBrand, 'ops-console': opsConsole };
import { clientSource, listSource, LiveMemoryAdapter, MemoryAdapter, NOW, pendingAdapter, type ClientId } from './data.js';
import { everyCategory, everyDetail, everyTone, everyType } from './samples.js';

/** Where a story's events come from. */
type Scenario =
  | ClientId
  | 'loading'
  | 'error'
  | 'error-older-page'
  | 'categories'
  | 'types'
  | 'tones'
  | 'details'
  | 'live'
  | 'offline'
  | 'big-seek'
  | 'none';

const HOUR = 3_600_000;

const SCENARIOS: Record<Scenario, () => TimelineAdapter | null> = {
  karina: () => new MemoryAdapter(clientSource('karina')),
  twozo: () => new MemoryAdapter(clientSource('twozo')),
  octopus: () => new MemoryAdapter(clientSource('octopus')),
  lucia: () => new MemoryAdapter(clientSource('lucia')),
  big: () => new MemoryAdapter(clientSource('big')),
  // Seeks by date: a jump asks for the page at the date directly; the gap between loads slowly enough to be seen.
  'big-seek': () => new MemoryAdapter(clientSource('big'), { seek: true, latencyMs: 1_500 }),
  empty: () => new MemoryAdapter(clientSource('empty')),
  loading: () => pendingAdapter,
  // The first request fails for longer than the element retries by itself: it stays failed until Retry loads Karina's history.
  error: () => new MemoryAdapter(clientSource('karina'), { failRequests: [0], retryAfterMs: HOUR }),
  // The first page loads, the next one fails (as long): the status bar under the list, with Retry.
  'error-older-page': () => new MemoryAdapter(clientSource('octopus'), { failRequests: [1], retryAfterMs: HOUR }),
  categories: () => new MemoryAdapter(listSource(everyCategory)),
  types: () => new MemoryAdapter(listSource(everyType)),
  tones: () => new MemoryAdapter(listSource(everyTone)),
  details: () => new MemoryAdapter(listSource(everyDetail)),
  // Karina's history, plus events pushed by the story (the "N new events" pill).
  live: () => new LiveMemoryAdapter(clientSource('karina')),
  // Answers the first request, then the network is gone: the cache keeps the history on screen.
  offline: () => new MemoryAdapter(clientSource('karina'), { failRequests: Array.from({ length: 50 }, (_, i) => i + 1) }),
  none: () => null,
};

export interface TimelineArgs {
  scenario: Scenario;
  'client-id'?: string;
  'page-size'?: number;
  locale?: string;
  src?: string;
  theme?: '' | 'light' | 'dark';
  density?: '' | 'comfortable' | 'compact';
  /** Comma-separated categories or types. */
  types?: string;
  q?: string;
  /** Comma-separated statuses (`Overdue,Open`). */
  statuses?: string;
  /** Comma-separated record kinds (`quote,invoice`). */
  'record-types'?: string;
  /** One record's story: its `record.id`. */
  'record-id'?: string;
  /** What the signed-in role may see (the `permissions` property). */
  permissions?: TimelinePermissions;
  /** Per-row actions (the `actions` property): a ⋯ menu on each row that has some. */
  actions?: (event: TimelineItem) => readonly TimelineAction[] | null;
  /** Host content above the list (`slot="composer"`), as text. */
  composer?: string;
  cache?: 'indexeddb' | 'memory' | 'none';
  'cache-namespace'?: string;
  /** One of the example themes shipped in themes/ (a stylesheet scoped to the story's box). */
  stylesheet?: '' | keyof typeof THEMES;
  /** Page background around the element. */
  background?: string;
  /** Width of the box around the element (CSS length). */
  width?: string;
  /** Language of the page around the element (`lang`), used when `locale` is empty. */
  lang?: string;
  /** Filled in by Storybook's actions from the manifest's events: they log to the Actions panel. */
  onTimelineError?: (e: Event) => void;
  onTimelineToggle?: (e: Event) => void;
  onTimelinePage?: (e: Event) => void;
  [cssProperty: `--ct-${string}`]: string | undefined;
}

// One adapter per story and scenario, so editing a control keeps the loaded history.
const adapters = new Map<string, TimelineAdapter | null>();
function adapterFor(scenario: Scenario, storyId: string): TimelineAdapter | null {
  const key = `${storyId}\u0000${scenario}`;
  if (!adapters.has(key)) adapters.set(key, (SCENARIOS[scenario] ?? SCENARIOS.none)());
  return adapters.get(key) ?? null;
}

export function renderTimeline(args: TimelineArgs, context: { id: string }): TemplateResult {
  const style: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) {
    if (name.startsWith('--ct-') && typeof value === 'string' && value !== '') style[name] = value;
  }
  const stylesheet = args.stylesheet ? THEMES[args.stylesheet] : '';
  // The theme applies inside this story's box only: the docs page shows every story on one page.
  const scope = `ct-story-${context.id}`;
  return html`<div
      class=${scope}
      lang=${ifDefined(args.lang || undefined)}
      style=${styleMap({ maxWidth: args.width || '760px', background: args.background || '', padding: args.background ? '16px' : '' })}
    >
    ${stylesheet ? html`<style>
          @scope (.${CSS.escape(scope)}) {
            ${stylesheet}
          }
        </style>` : nothing}
    <client-timeline
      .adapter=${adapterFor(args.scenario, context.id)}
      .now=${NOW}
      src=${ifDefined(args.src || undefined)}
      client-id=${ifDefined(args['client-id'] || undefined)}
      page-size=${ifDefined(args['page-size'])}
      locale=${ifDefined(args.locale || undefined)}
      theme=${ifDefined(args.theme || undefined)}
      density=${ifDefined(args.density || undefined)}
      types=${ifDefined(args.types || undefined)}
      q=${ifDefined(args.q || undefined)}
      statuses=${ifDefined(args.statuses || undefined)}
      record-types=${ifDefined(args['record-types'] || undefined)}
      record-id=${ifDefined(args['record-id'] || undefined)}
      .permissions=${args.permissions ?? null}
      .actions=${args.actions ?? null}
      cache=${args.cache ?? 'none'}
      cache-namespace=${ifDefined(args['cache-namespace'] || undefined)}
      style=${styleMap(style)}
      @timeline-error=${args.onTimelineError}
      @timeline-toggle=${args.onTimelineToggle}
      @timeline-page=${args.onTimelinePage}
    >${args.composer ? html`<p slot="composer">${args.composer}</p>` : nothing}</client-timeline>
  </div>`;
}

interface ManifestCssProperty {
  name: string;
  default?: string;
  description?: string;
}

/** Controls for the story-only args and for every CSS custom property the manifest lists. */
export function timelineArgTypes(): Partial<ArgTypes<TimelineArgs>> {
  const { modules } = manifest as unknown as { modules: { declarations?: { tagName?: string; cssProperties?: ManifestCssProperty[] }[] }[] };
  const element = modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'client-timeline');
  const cssProperties = element?.cssProperties ?? [];
  const argTypes: Record<string, object> = {
    scenario: {
      description: 'Story data: a seeded CRM client, or a state (pending, failing) of the data source.',
      control: 'select',
      options: Object.keys(SCENARIOS),
      table: { category: 'story' },
    },
    width: { description: 'Width of the box around the element.', control: 'text', table: { category: 'story' } },
    stylesheet: {
      description: 'An example theme from themes/, applied to this story only.',
      control: 'select',
      options: ['', ...Object.keys(THEMES)],
      table: { category: 'story' },
    },
    background: { description: 'Page background around the element.', control: 'color', table: { category: 'story' } },
    theme: { control: 'select', options: ['', 'light', 'dark'] },
    density: { control: 'select', options: ['', 'comfortable', 'compact'] },
    cache: { control: 'select', options: ['none', 'memory', 'indexeddb'] },
    lang: { description: '`lang` of the page around the element.', control: 'text', table: { category: 'story' } },
    adapter: { control: false },
    permissions: { control: 'object' },
    now: { control: false },
    events: { control: false },
    'page-size': { control: { type: 'number', min: 1, max: 200 } },
  };
  for (const p of cssProperties) {
    argTypes[p.name] = {
      name: p.name,
      description: p.description,
      control: /^#[0-9a-f]{3,8}$/i.test(p.default ?? '') ? 'color' : 'text',
      table: { category: 'css custom properties', defaultValue: { summary: p.default } },
    };
  }
  return argTypes as Partial<ArgTypes<TimelineArgs>>;
}

/** The element a story rendered. */
export function timelineIn(canvas: HTMLElement): ClientTimeline {
  const el = canvas.querySelector('client-timeline');
  if (!el) throw new Error('No <client-timeline> in the story');
  return el;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Waits (on real conditions, up to `timeoutMs`) until the element shows at least `count` rows. */
export async function rowsRendered(el: ClientTimeline, count = 1, timeoutMs = 10_000): Promise<HTMLElement[]> {
  const start = performance.now();
  for (;;) {
    await el.updateComplete;
    const rows = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('article') ?? [])];
    if (rows.length >= count) return rows;
    if (performance.now() - start > timeoutMs) throw new Error(`Expected ${count} rows, saw ${rows.length}`);
    await frame();
  }
}

/** Unfolds the element's `<details part="…">` (the status summary, the to-do section) by clicking its summary, as a user would. */
export async function unfold(canvas: HTMLElement, part: 'status-summary' | 'todo', timeoutMs = 10_000): Promise<HTMLDetailsElement> {
  const el = timelineIn(canvas);
  const start = performance.now();
  for (;;) {
    await el.updateComplete;
    const details = el.shadowRoot?.querySelector<HTMLDetailsElement>(`details[part~="${part}"]`);
    if (details) {
      if (!details.open) details.querySelector<HTMLElement>(':scope > summary')?.click();
      await el.updateComplete;
      await frame();
      if (!details.open) throw new Error(`<details part="${part}"> did not unfold`);
      return details;
    }
    if (performance.now() - start > timeoutMs) throw new Error(`No <details part="${part}"> in the element`);
    await frame();
  }
}

/** Expands the first `count` rows by clicking their toggles, as a user would. */
export async function expandRows(canvas: HTMLElement, count = Infinity): Promise<void> {
  const el = timelineIn(canvas);
  const rows = await rowsRendered(el);
  for (const row of rows.slice(0, count)) {
    const toggle = row.querySelector<HTMLButtonElement>('[part~="toggle"]');
    if (toggle?.getAttribute('aria-expanded') === 'false') {
      toggle.click();
      await el.updateComplete;
    }
  }
  await frame();
}
