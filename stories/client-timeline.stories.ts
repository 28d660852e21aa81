/**
 * <client-timeline> in every state a designer reviews. All data is seeded and the clock is
 * pinned (NOW), so each story looks the same on every run.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { ago } from './support/samples.js';
import { expandRows, renderTimeline, rowsRendered, timelineIn, timelineArgTypes, unfold, type TimelineArgs } from './support/render.js';
import type { LiveMemoryAdapter } from './support/data.js';

const meta = {
  title: 'Timeline',
  component: 'client-timeline',
  render: renderTimeline,
  argTypes: timelineArgTypes(),
  // cache "none": every story starts from its own data, never from what another story cached.
  args: { scenario: 'karina', 'client-id': 'karina', 'page-size': 50, locale: 'en-US', width: '760px', cache: 'none' },
  parameters: { layout: 'padded' },
} satisfies Meta<TimelineArgs>;

export default meta;
type Story = StoryObj<TimelineArgs>;

// ── Data states ─────────────────────────────────────────────────────────────

/** The first page has not arrived: skeleton rows, `aria-busy`. */
export const Loading: Story = { args: { scenario: 'loading' } };

/** A client with no activity yet. */
export const Empty: Story = { args: { scenario: 'empty', 'client-id': 'empty' } };

/** No data source or no client: nothing to load. */
export const NoClient: Story = { args: { scenario: 'none', 'client-id': '' } };

/** The first page failed: the message from the data source and a Retry button. It stays so until Retry, which loads the history. */
export const LoadFailed: Story = { name: 'Error', args: { scenario: 'error' } };

/** An older page failed while scrolling: what is loaded stays, a status bar offers Retry (until pressed). */
export const OlderPageFailed: Story = { args: { scenario: 'error-older-page', 'client-id': 'octopus', 'page-size': 10 } };

// ── Histories ───────────────────────────────────────────────────────────────

/** Karina Solís, Veterinaria Patitas: 49 events over a year, in CRC and -06:00. */
export const ShortHistory: Story = { args: { scenario: 'karina' } };

/** Priya Nair, Northwind Labs: lifecycle, deals, mail of every kind, calls with recordings. */
export const DealsAndLifecycle: Story = { args: { scenario: 'twozo', 'client-id': 'twozo' } };

/** Harbor Plumbing Co.: inquiries, quotes, bookings, invoices (AUD), job photos. */
export const QuotesAndInvoices: Story = { args: { scenario: 'octopus', 'client-id': 'octopus' } };

/** Globex Corporation: 100,000 events over eight years; only a window of rows is ever in the DOM. */
export const HundredThousandEvents: Story = { args: { scenario: 'big', 'client-id': 'big', 'page-size': 200 } };

/** A source that seeks: Jump to date fetches that day's page at once; the events in between are a gap row that loads when seen. */
export const JumpWithSeek: Story = {
  name: 'Jump to date (seek)',
  args: { scenario: 'big-seek', 'client-id': 'big', 'page-size': 50 },
  play: async ({ canvasElement }) => {
    const timeline = timelineIn(canvasElement);
    await rowsRendered(timeline);
    await timeline.jumpTo(new Date(Date.now() - 3 * 365 * 86_400_000));
  },
};

// ── Categories, tones and details ───────────────────────────────────────────

/** One event of every category, plus a type the catalog does not know (generic icon). */
export const EveryCategory: Story = { args: { scenario: 'categories' } };

/** Failed (red), succeeded, needs attention and neutral, each shown in colour and in words. */
/** One event of each of the catalog's built-in types (labels, icons and category colours). */
export const EveryBuiltInType: Story = { args: { scenario: 'types' } };

export const EveryTone: Story = { args: { scenario: 'tones' } };

/**
 * Every kind of detail, expanded: failed call, call recording, HTML email (sanitized: its script
 * and handler are dropped), field changes, attachments, note, amounts, meeting.
 */
export const ExpandedDetails: Story = {
  args: { scenario: 'details' },
  play: async ({ canvasElement }) => expandRows(canvasElement),
};

/** A real history with its newest rows expanded. */
export const ExpandedRows: Story = {
  args: { scenario: 'karina' },
  play: async ({ canvasElement }) => expandRows(canvasElement, 3),
};

// ── Locales ─────────────────────────────────────────────────────────────────

/** English (US): dates, amounts and relative times through Intl. */
export const LocaleEnglish: Story = { name: 'Locale: en-US', args: { scenario: 'karina', locale: 'en-US' } };

/** Spanish (Costa Rica), with a Spanish-language chat and sales history. */
export const LocaleSpanish: Story = { name: 'Locale: es-CR', args: { scenario: 'lucia', 'client-id': 'lucia', locale: 'es-CR' } };

/** Portuguese (Brazil). */
export const LocalePortuguese: Story = { name: 'Locale: pt-BR', args: { scenario: 'karina', locale: 'pt-BR' } };

/** No `locale` attribute: the element follows the page's `lang` (here `es`). */
export const LocaleFromLang: Story = { name: 'Locale: from lang', args: { scenario: 'karina', locale: '', lang: 'es' } };

// ── Layout ──────────────────────────────────────────────────────────────────

/** A 320px-wide phone. */
export const NarrowMobile: Story = {
  name: 'Narrow mobile (320px)',
  args: { scenario: 'details', width: '320px', '--ct-height': '560px' },
  parameters: { viewport: { defaultViewport: 'mobile320' } },
  globals: { viewport: { value: 'mobile320' } },
  play: async ({ canvasElement }) => expandRows(canvasElement, 3),
};

/** CSS custom properties from the Controls panel: a denser, warmer look. */
export const CustomProperties: Story = {
  args: {
    scenario: 'karina',
    '--ct-accent': '#8a3ffc',
    '--ct-surface': '#fffaf3',
    '--ct-border': '#e8d9c4',
    '--ct-radius': '14px',
    '--ct-row-padding': '6px 12px',
    '--ct-font-size': '0.8125rem',
  },
};

// ── Filtering, search, live updates, cache ──────────────────────────────────

/**
 * Harbor Plumbing Co.'s records, unfolded: per kind (quotes, bookings, invoices, inquiries) each status with its count
 * and AUD total. A quote created, emailed and accepted counts once, as Accepted; a status button filters to it.
 */
export const StatusSummary: Story = {
  name: 'Status summary',
  args: { scenario: 'octopus', 'client-id': 'octopus', 'page-size': 200 },
  play: async ({ canvasElement }) => {
    await rowsRendered(timelineIn(canvasElement));
    await unfold(canvasElement, 'status-summary');
  },
};

/**
 * Priya Nair's open work, unfolded: an overdue task first, tasks due ahead, the QBR meeting and the scheduled agenda
 * email. A task completed later (same record) is not listed.
 */
export const ToDo: Story = {
  name: 'To do',
  args: { scenario: 'twozo', 'client-id': 'twozo', 'page-size': 200 },
  play: async ({ canvasElement }) => {
    await rowsRendered(timelineIn(canvasElement));
    await unfold(canvasElement, 'todo');
  },
};

/** One record's story (`record-id`): Karina's hardware-bundle proposal, sent → opened → note → lost, each step "N days later". */
export const RecordStory: Story = { name: 'Record story', args: { scenario: 'karina', 'record-id': 'P-1163' } };

/**
 * A field technician's view of Harbor Plumbing Co. (`permissions`): meetings, tasks, notes and deals, about bookings
 * only, no internal notes. Quotes, invoices and inquiries are never loaded into view, counted or summarised.
 */
export const Permissions: Story = {
  args: {
    scenario: 'octopus',
    'client-id': 'octopus',
    permissions: { categories: ['meeting', 'task', 'note', 'deal'], recordTypes: ['booking'], internal: false },
  },
};


/** Overdue invoices only (`statuses`, `record-types`): the debt to chase, shown as two chips. */
export const StatusFilter: Story = {
  name: 'Status filter',
  args: { scenario: 'octopus', 'client-id': 'octopus', statuses: 'Overdue', 'record-types': 'invoice' },
};

/** A reply thread: the conversation as one row, "N messages · opened …", unfolded to every message in order. */
export const Thread: Story = {
  args: { scenario: 'twozo', 'client-id': 'twozo' },
  play: async ({ canvasElement }) => {
    const el = timelineIn(canvasElement);
    await rowsRendered(el);
    el.shadowRoot?.querySelector<HTMLElement>('[part~="row-thread"] [part~="toggle"]')?.click();
  },
};

/** Per-row actions (`actions`): a ⋯ menu on emails and calls; Delete in the failed colour. The host's composer above the list. */
export const RowActions: Story = {
  name: 'Row actions',
  args: {
    scenario: 'karina',
    composer: 'The host app puts its own "Add note / Log call" form here (slot="composer").',
    actions: (event) =>
      event.type.startsWith('email.') || event.type.startsWith('call.')
        ? [
            { id: 'reply', label: 'Reply', icon: 'mail' },
            { id: 'log-call', label: 'Log a call', icon: 'phone' },
            { id: 'delete', label: 'Delete', danger: true },
          ]
        : null,
  },
};

/** A search that matches nothing: the filtered-empty state, with the way back. */
export const FilteredNoResults: Story = { args: { scenario: 'karina', q: 'no such words anywhere' } };

/** Searching "Pro Plan": matches highlighted in the rows. */
export const Search: Story = { args: { scenario: 'karina', q: 'Pro Plan' } };

/** Only calls and emails. */
export const FilteredByCategory: Story = { args: { scenario: 'twozo', 'client-id': 'twozo', types: 'call,email' } };

/** Three events arrive while the user reads further down: the "3 new events" pill. */
export const NewEvents: Story = {
  name: '"N new events"',
  args: { scenario: 'live' },
  play: async ({ canvasElement }) => {
    const el = timelineIn(canvasElement);
    await rowsRendered(el, 5);
    const list = el.shadowRoot!.querySelector<HTMLElement>('[part~="list"]')!;
    list.scrollTop = 600;
    list.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const adapter = el.adapter as LiveMemoryAdapter;
    adapter.push(
      ['Email received: Signed contract', 'Call logged: welcome call', 'Payment received'].map((title, i) => ({
        id: `live-${i}`,
        type: ['email.received', 'call.logged', 'payment.received'][i],
        occurredAt: ago(-(i + 1) * 60_000 + 30 * 60_000),
        title,
        author: { name: 'Ana Rojas' },
      })),
    );
    await el.updateComplete;
  },
};

/**
 * Opened again with the network gone: the events saved by the cache stay on screen, with the
 * "Showing saved activity" notice and Retry.
 */
export const OfflineWithCachedData: Story = {
  args: { scenario: 'offline', cache: 'memory', 'cache-namespace': 'storybook-offline' },
  play: async ({ canvasElement }) => {
    const el = timelineIn(canvasElement);
    await rowsRendered(el, 5);
    // The page is written to the cache at idle time; then the client is opened again.
    for (let attempt = 0; attempt < 40; attempt++) {
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
      el.clientId = 'empty';
      await el.updateComplete;
      el.clientId = 'karina';
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (el.shadowRoot!.querySelector('[part~="cache-notice"]')) return;
    }
    throw new Error('The cached history was not shown');
  },
};

// ── Looks ───────────────────────────────────────────────────────────────────

/** Compact density: more rows per screen. */
export const Compact: Story = { args: { scenario: 'karina', density: 'compact' } };

/** The dark theme (also picked automatically from prefers-color-scheme). */
export const Dark: Story = { args: { scenario: 'details', theme: 'dark', background: '#010409' } };

/** Example theme themes/neutral.css. */
export const ThemeNeutral: Story = { name: 'Theme: neutral', args: { scenario: 'karina', stylesheet: 'neutral' } };

/** Example theme themes/warm-brand.css. */
export const ThemeWarmBrand: Story = { name: 'Theme: warm brand', args: { scenario: 'karina', stylesheet: 'warm-brand' } };

/** Example theme themes/ops-console.css. */
export const ThemeOpsConsole: Story = { name: 'Theme: ops console', args: { scenario: 'octopus', 'client-id': 'octopus', stylesheet: 'ops-console' } };
