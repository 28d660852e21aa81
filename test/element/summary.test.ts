import { expect, waitUntil } from '@open-wc/testing';
import type { PageQuery, PageResult } from '../../src/data/adapter.js';
import { fromWire } from '../../src/data/summary.js';
import { summarize } from '../../src/data/summarize.js';
import type { TimelineEvent, TimelineItem } from '../../src/model/event.js';
import { articles, mount, rendered, settle, shadow } from '../support/fixture.js';
import { NOW, ScriptedAdapter } from '../support/events.js';
import { failOnUncaught } from '../support/no-uncaught.js';

failOnUncaught();

const at = (i: number) => new Date(NOW - (i + 1) * 3_600_000).toISOString();
const money = (value: number, currency: string) => ({ amount: { value, currency } });
/** Newest first. Quote EST-1 was sent, then accepted; invoices in two currencies. */
const EVENTS: TimelineEvent[] = [
  { id: 'q1-accepted', type: 'quote.accepted', occurredAt: at(0), title: 'Quote EST-1 accepted', status: 'Accepted', record: { id: 'EST-1', type: 'quote' } },
  { id: 'inv-1', type: 'invoice.overdue', occurredAt: at(1), title: 'Invoice INV-1 overdue', status: 'Overdue', record: { id: 'INV-1', type: 'invoice' }, detail: money(1_000_000, 'CRC') },
  { id: 'inv-2', type: 'invoice.overdue', occurredAt: at(2), title: 'Invoice INV-2 overdue', status: 'Overdue', record: { id: 'INV-2', type: 'invoice' }, detail: money(240_000, 'CRC') },
  { id: 'inv-3', type: 'invoice.overdue', occurredAt: at(3), title: 'Invoice INV-3 overdue', status: 'Overdue', record: { id: 'INV-3', type: 'invoice' }, detail: money(500, 'USD') },
  { id: 'inv-4', type: 'invoice.paid', occurredAt: at(4), title: 'Invoice INV-4 paid', status: 'Paid', record: { id: 'INV-4', type: 'invoice' }, detail: money(90_000, 'CRC') },
  { id: 'q1-sent', type: 'quote.sent', occurredAt: at(5), title: 'Quote EST-1 sent', status: 'Sent', record: { id: 'EST-1', type: 'quote' }, detail: money(480_000, 'CRC') },
  { id: 'note', type: 'note.added', occurredAt: at(6), title: 'A note' },
];
const items = (events: TimelineEvent[]): TimelineItem[] => events.map((e) => ({ ...e, time: Date.parse(e.occurredAt) }));

describe('status summary', () => {
  it('counts each record once, by its latest status, with totals per currency', () => {
    const kinds = summarize(items(EVENTS));
    expect(kinds.map((k) => [k.kind, k.count])).to.deep.equal([
      ['invoice', 4],
      ['quote', 1],
    ]);
    const invoices = kinds[0].statuses;
    expect(invoices.map((s) => [s.status, s.count, s.totals])).to.deep.equal([
      ['Overdue', 3, { CRC: 1_240_000, USD: 500 }],
      ['Paid', 1, { CRC: 90_000 }],
    ]);
    // Sent, then Accepted: one quote, Accepted, with the amount its earlier event carried.
    expect(kinds[1].statuses.map((s) => [s.status, s.count, s.totals])).to.deep.equal([['Accepted', 1, { CRC: 480_000 }]]);
  });

  it('shows a bar per kind with each status in words, and a status filters the timeline to it as a chip', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(EVENTS), height: 700 });
    await rendered(el, 7);
    await waitUntil(() => shadow(el).querySelector('[part~="status-summary"]'), 'the summary');
    const summary = shadow(el).querySelector<HTMLDetailsElement>('[part~="status-summary"]')!;
    expect(summary.open, 'folded at first: the list keeps its room').to.equal(false);
    summary.querySelector('summary')!.click();
    await settle(el);
    expect(summary.open).to.equal(true);
    const buttons = () => [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~="status-summary"] button')];
    expect(buttons().map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Overdue · 3 · ₡1,240,000.00 + $500.00',
      'Paid · 1 · ₡90,000.00',
      'Show all: Invoices',
      'Accepted · 1 · ₡480,000.00',
      'Show all: Quotes',
    ]);
    buttons()[0].click();
    await waitUntil(() => articles(el).length === 3, 'the three overdue invoices');
    expect(el.statuses).to.deep.equal(['Overdue']);
    expect(el.recordTypes).to.deep.equal(['invoice']);
    expect(buttons()[0].getAttribute('aria-pressed')).to.equal('true');
    expect([...shadow(el).querySelectorAll('[part~="chip"]')].map((c) => c.textContent!.trim())).to.deep.equal(['Status: Overdue', 'Kind: Invoices']);
    // The summary still shows every status (it is not narrowed by its own filter).
    expect(buttons().length).to.equal(5);
    buttons()[2].click();
    await waitUntil(() => articles(el).length === 4, 'every invoice');
    expect(el.statuses).to.deep.equal([]);
  });

  it("uses the page's summary when the source sends one, and none for a role that may not see everything", async () => {
    class Summarising extends ScriptedAdapter {
      override async fetchPage(query: PageQuery): Promise<PageResult> {
        const page = await super.fetchPage(query);
        return { ...page, summary: { booking: { Completed: { count: 40 }, 'To Schedule': { count: 2 } }, bad: { x: { count: -1 } } } };
      }
    }
    const el = await mount({ adapter: new Summarising(EVENTS), height: 700 });
    await rendered(el, 3);
    await waitUntil(() => shadow(el).querySelector('[part~="status-summary"]'), 'the summary');
    const text = shadow(el).querySelector('[part~="status-summary"]')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Completed · 40');
    expect(text).not.to.contain('Overdue');
    el.permissions = { internal: false };
    await waitUntil(() => !shadow(el).querySelector('[part~="status-summary"]')?.textContent!.includes('Completed · 40'), 'summarised from what is loaded');
    expect(fromWire({ a: { b: { count: 'x' } } })).to.equal(null);
  });

  it('summary="none" shows none; events without a status show none', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(EVENTS) });
    el.summary = 'none';
    await rendered(el, 3);
    await settle(el);
    expect(shadow(el).querySelector('[part~="status-summary"]') === null).to.equal(true);
    const plain = await mount({ adapter: new ScriptedAdapter(EVENTS.filter((e) => !e.status)) });
    await rendered(plain, 1);
    await settle(plain);
    expect(shadow(plain).querySelector('[part~="status-summary"]') === null).to.equal(true);
  });
});
