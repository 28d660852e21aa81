/**
 * <client-timeline> in every state a designer reviews. All data is seeded and the clock is
 * pinned (NOW), so each story looks the same on every run.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expandRows, renderTimeline, timelineArgTypes, type TimelineArgs } from './support/render.js';

const meta = {
  title: 'Timeline',
  component: 'client-timeline',
  render: renderTimeline,
  argTypes: timelineArgTypes(),
  args: { scenario: 'karina', 'client-id': 'karina', 'page-size': 50, locale: 'en-US', width: '760px' },
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

/** The first page failed: the message from the data source and a Retry button (Retry loads the history). */
export const Error: Story = { args: { scenario: 'error' } };

/** An older page failed while scrolling: what is loaded stays, a status bar offers Retry. */
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

// ── Categories, tones and details ───────────────────────────────────────────

/** One event of every category, plus a type the catalog does not know (generic icon). */
export const EveryCategory: Story = { args: { scenario: 'categories' } };

/** Failed (red), succeeded, needs attention and neutral, each shown in colour and in words. */
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
