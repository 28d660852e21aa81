import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { HttpAdapter } from '../../src/data/http-adapter.js';
import { kindOf, matcher, NO_FILTER } from '../../src/data/filter.js';
import type { TimelineEvent } from '../../src/model/event.js';
import { articles, mount, rendered, settle, shadow } from '../support/fixture.js';
import { NOW, pageQuery, ScriptedAdapter } from '../support/events.js';
import { failOnUncaught } from '../support/no-uncaught.js';

failOnUncaught();

const at = (i: number) => new Date(NOW - (i + 1) * 3_600_000).toISOString();
const EVENTS: TimelineEvent[] = [
  { id: 'inv-1', type: 'invoice.issued', occurredAt: at(0), title: 'Invoice INV-1', status: 'Overdue', record: { id: 'INV-1', type: 'invoice' } },
  { id: 'inv-2', type: 'invoice.paid', occurredAt: at(1), title: 'Invoice INV-2 paid', status: 'Paid', record: { id: 'INV-2', type: 'invoice' } },
  { id: 'quote-1', type: 'quote.created', occurredAt: at(2), title: 'Quote EST-1', status: 'Expired' },
  { id: 'quote-2', type: 'quote.sent', occurredAt: at(3), title: 'Quote EST-2', status: 'overdue', record: { id: 'EST-2', type: 'quote' } },
  { id: 'booking-1', type: 'booking.created', occurredAt: at(4), title: 'Booking BK-1', status: 'Completed', record: { id: 'BK-1', type: 'booking' } },
  { id: 'note-1', type: 'note.added', occurredAt: at(5), title: 'A note' },
];
const shown = (el: HTMLElement & { shadowRoot: ShadowRoot | null }) => articles(el as never).map((a) => a.dataset.id);

describe('status and record kind as filters', () => {
  it('matching: statuses ignore case and accents; the kind is record.type, else the type prefix', () => {
    const keep = (state: Partial<typeof NO_FILTER>) => EVENTS.map((e) => ({ ...e, time: Date.parse(e.occurredAt) })).filter(matcher({ ...NO_FILTER, ...state })).map((e) => e.id);
    expect(keep({ statuses: ['OVERDUE'] })).to.deep.equal(['inv-1', 'quote-2']);
    expect(keep({ recordTypes: ['quote'] })).to.deep.equal(['quote-1', 'quote-2']);
    expect(keep({ statuses: ['overdue'], recordTypes: ['invoice'] })).to.deep.equal(['inv-1']);
    expect(kindOf({ type: 'quote.created' })).to.equal('quote');
    expect(kindOf({ type: 'email.sent', record: { id: 'x', type: 'deal' } })).to.equal('deal');
    // Search finds status text too.
    expect(keep({ q: 'expired' })).to.deep.equal(['quote-1']);
  });

  it('the properties and attributes filter the list, show as chips, and a chip removes its filter firing timeline-filter-change', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(EVENTS) });
    await rendered(el, 6);
    el.setAttribute('statuses', 'Overdue');
    el.setAttribute('record-types', 'invoice,quote');
    await waitUntil(() => articles(el).length === 2, 'two overdue invoices or quotes');
    expect(shown(el)).to.deep.equal(['inv-1', 'quote-2']);
    const chips = [...shadow(el).querySelectorAll('[part~="chip"]')].map((c) => c.textContent!.trim());
    expect(chips).to.deep.equal(['Status: Overdue', 'Kind: Invoices, Quotes']);
    const change = oneEvent(el, 'timeline-filter-change');
    shadow(el).querySelectorAll<HTMLButtonElement>('.fb-chip-remove')[0].click();
    const { detail } = await change;
    expect(detail.statuses).to.deep.equal([]);
    expect(detail.recordTypes).to.deep.equal(['invoice', 'quote']);
    await waitUntil(() => articles(el).length === 4, 'all invoices and quotes');
    expect(el.hasAttribute('statuses') && el.getAttribute('statuses') !== '').to.equal(false);
  });

  it('travels to the server as statuses= and recordTypes=, which the demo server applies', async () => {
    const adapter = new HttpAdapter('/api/timeline');
    const url = adapter.url(pageQuery({ filter: { statuses: ['Overdue', 'Paid'], recordTypes: ['invoice'] } }));
    expect(url.searchParams.get('statuses')).to.equal('Overdue,Paid');
    expect(url.searchParams.get('recordTypes')).to.equal('invoice');
    // Every seeded client: what comes back has only those statuses and kinds.
    const everything = async (filter: object) => {
      const events: TimelineEvent[] = [];
      let cursor: string | null = null;
      do {
        const page = await adapter.fetchPage(pageQuery({ clientId: 'octopus', limit: 100, cursor, filter }));
        events.push(...(page.events as TimelineEvent[]));
        cursor = page.nextCursor;
      } while (cursor);
      return events;
    };
    const filtered = await everything({ statuses: ['Paid', 'overdue'] });
    const expected = (await everything({})).filter((e) => typeof e.status === 'string' && ['paid', 'overdue'].includes(e.status.toLowerCase()));
    expect(filtered.length).to.be.above(0);
    expect(filtered.map((e) => e.id)).to.deep.equal(expected.map((e) => e.id));
    const quotes = await adapter.fetchPage(pageQuery({ clientId: 'octopus', limit: 200, filter: { recordTypes: ['quote'] } }));
    expect((quotes.events as TimelineEvent[]).every((e) => kindOf(e) === 'quote')).to.equal(true);
  });

  it('the filter is in the export', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(EVENTS) });
    await rendered(el, 6);
    el.statuses = ['Paid'];
    await settle(el);
    const json = JSON.parse(await (await el.exportEvents('json')).text()) as { filter: { statuses: string[] }; events: { id: string }[] };
    expect(json.filter.statuses).to.deep.equal(['Paid']);
    expect(json.events.map((e) => e.id)).to.deep.equal(['inv-2']);
  });
});

describe("one record's story", () => {
  const DAY = 86_400_000;
  const STORY: TimelineEvent[] = [
    { id: 'lost', type: 'proposal.lost', occurredAt: new Date(NOW - 1 * DAY).toISOString(), title: 'Proposal lost', record: { id: 'EST-42', type: 'quote', label: 'Quote EST-00042' } },
    { id: 'other', type: 'note.added', occurredAt: new Date(NOW - 2 * DAY).toISOString(), title: 'Unrelated note' },
    { id: 'followup', type: 'email.sent', occurredAt: new Date(NOW - 13 * DAY).toISOString(), title: 'Follow-up sent', record: { id: 'EST-42', type: 'quote' } },
    { id: 'opened', type: 'email.opened', occurredAt: new Date(NOW - 20 * DAY).toISOString(), title: 'Proposal opened', record: { id: 'EST-42', type: 'quote' } },
    { id: 'sent', type: 'proposal.sent', occurredAt: new Date(NOW - 21 * DAY).toISOString(), title: 'Proposal sent', record: { id: 'EST-42', type: 'quote' } },
  ];

  it('"Show this record\'s history" filters to the record, as a chip, with the time between steps', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(STORY), height: 700 });
    await rendered(el, 5);
    const lost = articles(el)[0];
    lost.querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
    await waitUntil(() => lost.querySelector('[part~="record-history"]'), 'the record history button');
    const change = oneEvent(el, 'timeline-filter-change');
    lost.querySelector<HTMLButtonElement>('[part~="record-history"]')!.click();
    expect((await change).detail.record).to.equal('EST-42');
    await waitUntil(() => articles(el).length === 4, 'the four steps of the quote');
    expect(el.recordId).to.equal('EST-42');
    expect(el.getAttribute('record-id')).to.equal('EST-42');
    expect(articles(el).map((a) => a.dataset.id)).to.deep.equal(['lost', 'followup', 'opened', 'sent']);
    expect([...shadow(el).querySelectorAll('[part~="chip"]')].map((c) => c.textContent!.trim())).to.deep.equal(['Record: Quote EST-00042']);
    const later = articles(el).map((a) => a.querySelector('[part~="later"]')?.textContent ?? '');
    expect(later).to.deep.equal(['12 days later', '7 days later', '1 day later', '']);
  });

  it('travels to the server as record=', () => {
    const url = new HttpAdapter('/api/timeline').url(pageQuery({ filter: { recordId: 'EST-42' } }));
    expect(url.searchParams.get('record')).to.equal('EST-42');
  });
});

describe('kinds within a category', () => {
  const MIXED: TimelineEvent[] = [
    { id: 'q', type: 'quote.created', occurredAt: at(0), title: 'Quote EST-9' },
    { id: 'p', type: 'proposal.sent', occurredAt: at(1), title: 'Proposal P-1' },
    { id: 'd', type: 'deal.won', occurredAt: at(2), title: 'Deal won' },
    { id: 'b', type: 'booking.created', occurredAt: at(3), title: 'Booking BK-2' },
    { id: 'm', type: 'meeting.scheduled', occurredAt: at(4), title: 'Meeting' },
    { id: 'n', type: 'note.added', occurredAt: at(5), title: 'Note' },
  ];

  it('a Kinds panel lists, per category holding several, its kinds; checking one filters to it', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(MIXED) });
    await rendered(el, 6);
    const button = shadow(el).querySelector<HTMLButtonElement>('[part~="kinds"]')!;
    expect(button.textContent!.trim()).to.equal('Kinds');
    button.click();
    await settle(el);
    const panel = shadow(el).querySelector<HTMLElement>('[part~="kinds-panel"]')!;
    expect(panel.matches(':popover-open')).to.equal(true);
    const groups = [...panel.querySelectorAll('.fb-kind-group')].map((g) => [g.getAttribute('aria-label'), [...g.querySelectorAll('label')].map((l) => l.textContent!.trim())]);
    expect(groups).to.deep.equal([
      ['Meetings', ['Bookings', 'Meetings']],
      ['Deals', ['Deals', 'Proposals', 'Quotes']],
    ]);
    const quotes = [...panel.querySelectorAll('label')].find((l) => l.textContent!.trim() === 'Quotes')!;
    quotes.querySelector('input')!.click();
    await waitUntil(() => articles(el).length === 1, 'only the quote');
    expect(el.recordTypes).to.deep.equal(['quote']);
    expect(shadow(el).querySelector('[part~="kinds"]')!.textContent!.trim()).to.equal('Kinds (1)');
  });
});
