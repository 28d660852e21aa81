/**
 * <client-timeline-provider>: one CRM screen, several timelines (a contact, their company, another contact), one
 * data source, language and role given once around them.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { TimelineAdapter } from '../src/data/adapter.js';
import { clientSource, MemoryAdapter, NOW, type ClientId } from './support/data.js';

interface ProviderArgs {
  locale: string;
  /** Categories the role may see, comma-separated (empty: all). */
  categories: string;
}

/** One adapter for every client of the screen, as a CRM's API client would be. */
function crmAdapter(): TimelineAdapter {
  const byClient = new Map<string, MemoryAdapter>();
  return {
    fetchPage(query) {
      const id = query.clientId as ClientId;
      if (!byClient.has(id)) byClient.set(id, new MemoryAdapter(clientSource(id)));
      return byClient.get(id)!.fetchPage(query);
    },
  };
}

const adapter = crmAdapter();

const meta = {
  title: 'Provider',
  component: 'client-timeline-provider',
  args: { locale: 'es-CR', categories: '' },
  argTypes: {
    locale: { control: 'select', options: ['en-US', 'es-CR', 'pt-BR'] },
    categories: { control: 'text' },
  },
  parameters: { layout: 'padded' },
  render: (args) => {
    const categories = args.categories.split(',').map((c) => c.trim()).filter(Boolean);
    return html`<client-timeline-provider .adapter=${adapter} locale=${args.locale} .permissions=${categories.length ? { categories } : null}>
      <div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; max-width: 1100px">
        <section aria-label="Karina Solís">
          <h2 style="font: 600 1rem system-ui; margin: 0 0 8px">Karina Solís</h2>
          <client-timeline client-id="karina" client-label="Karina Solís" .now=${NOW} cache="none" style="--ct-height: 420px"></client-timeline>
        </section>
        <section aria-label="Lucía Fernández">
          <h2 style="font: 600 1rem system-ui; margin: 0 0 8px">Lucía Fernández</h2>
          <client-timeline client-id="lucia" client-label="Lucía Fernández" .now=${NOW} cache="none" style="--ct-height: 420px"></client-timeline>
        </section>
      </div>
    </client-timeline-provider>`;
  },
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

/** Two timelines, one adapter and one language (Spanish) given by the provider. */
export const SharedConfiguration: Story = {};

/** The role given by the provider may see emails and calls only: every timeline under it shows no more. */
export const SharedPermissions: Story = { args: { categories: 'email, call' } };
