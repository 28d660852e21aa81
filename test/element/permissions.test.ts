import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { openDB } from 'idb';
import type { ClientTimeline } from '../../src/client-timeline.js';
import type { PageQuery, PageResult, TimelineAdapter } from '../../src/data/adapter.js';
import { CACHE_DB_NAME } from '../../src/data/cache.js';
import { permissionGate } from '../../src/data/permissions.js';
import { loadMessages } from '../../src/i18n/messages.js';
import type { TimelineEvent } from '../../src/model/event.js';
import { articles, rendered, settle, shadow } from '../support/fixture.js';
import { NOW, ScriptedAdapter } from '../support/events.js';
import { failOnUncaught } from '../support/no-uncaught.js';

failOnUncaught();

const HOUR = 3_600_000;
const at = (i: number) => new Date(NOW - (i + 1) * HOUR).toISOString();
const SECRET = 'SECRET-INVOICE';

/** A technician's view of a customer: bookings and tasks, but not invoices, and no staff notes. */
const TECHNICIAN = { categories: ['task', 'meeting', 'note', 'deal'], recordTypes: ['booking'], internal: false };

const EVENTS: TimelineEvent[] = [
  { id: 'booking-1', type: 'booking.created', occurredAt: at(0), title: 'Booking BK-1 created', record: { id: 'BK-1', type: 'booking' }, status: 'Scheduled' },
  { id: 'invoice-1', type: 'invoice.issued', occurredAt: at(1), title: `${SECRET} INV-9 issued`, record: { id: 'INV-9', type: 'invoice' }, detail: { amount: { value: 1240000, currency: 'CRC' } } },
  { id: 'task-1', type: 'task.created', occurredAt: at(2), title: 'Task: bring the ladder', author: { name: 'Tom Harbo' } },
  { id: 'quote-1', type: 'quote.created', occurredAt: at(3), title: `${SECRET} quote EST-42`, record: { id: 'EST-42', type: 'quote' }, author: { name: 'Finance Person' } },
  { id: 'note-1', type: 'note.added', occurredAt: at(4), title: 'Note: gate code 1234', visibility: 'internal', summary: `${SECRET} staff only` },
  { id: 'note-2', type: 'note.added', occurredAt: at(5), title: 'Note: customer prefers mornings' },
  { id: 'email-1', type: 'email.sent', occurredAt: at(6), title: `${SECRET} payment reminder`, author: { name: 'Billing Bot' } },
];
const ALLOWED = ['booking-1', 'task-1', 'note-2'];

async function mountWith(options: { adapter: TimelineAdapter; permissions?: object; cache?: string; ns?: string }): Promise<ClientTimeline> {
  await loadMessages('en-US');
  return fixture<ClientTimeline>(html`<client-timeline
    style="height:600px;width:800px"
    .adapter=${options.adapter}
    .permissions=${options.permissions ?? null}
    client-id="c1"
    locale="en-US"
    cache=${options.cache ?? 'none'}
    cache-namespace=${options.ns ?? ''}
    .now=${NOW}
  ></client-timeline>`);
}

const ids = (el: ClientTimeline) => articles(el).map((a) => a.dataset.id).sort();

describe('permissions: what the role may not see never reaches the page, counts, search, export, print, announcements or the cache', () => {
  it('renders only the permitted events, and the filter bar offers only the permitted categories and people', async () => {
    const el = await mountWith({ adapter: new ScriptedAdapter(EVENTS), permissions: TECHNICIAN });
    await rendered(el, 3);
    await settle(el);
    expect(ids(el)).to.deep.equal([...ALLOWED].sort());
    expect(el.events.map((e) => e.id).sort()).to.deep.equal([...ALLOWED].sort());
    expect(shadow(el).textContent, 'no forbidden text anywhere in the element').not.to.contain(SECRET);
    const categories = [...shadow(el).querySelectorAll<HTMLElement>('[part~="category"]')].map((c) => c.className.match(/cat-(\w+)/)![1]);
    expect(categories).to.deep.equal(['meeting', 'task', 'note', 'deal']);
    const people = shadow(el).querySelector('[part~="people-panel"]')!.textContent!;
    expect(people).not.to.contain('Finance Person');
    expect(people).not.to.contain('Billing Bot');
    expect(people).to.contain('Tom Harbo');
  });

  it('counts only what is permitted, and drops server counts that could tell about hidden events', async () => {
    class Counting extends ScriptedAdapter {
      capabilities = { filter: true };
      override async fetchPage(query: PageQuery): Promise<PageResult> {
        const page = await super.fetchPage(query);
        return { ...page, counts: { email: 1, task: 1, note: 2, deal: 1, billing: 1, other: 1 } };
      }
    }
    const el = await mountWith({ adapter: new Counting(EVENTS), permissions: TECHNICIAN });
    await rendered(el, 3);
    await settle(el);
    const count = (cat: string) => shadow(el).querySelector(`.cat-${cat} [part~="category-count"]`)?.textContent;
    // One note is internal: the server's "2" would tell about it.
    expect(count('note')).to.equal('1');
    expect(count('task')).to.equal('1');
    expect(shadow(el).querySelector('.cat-billing'), 'no billing category').to.equal(null);
  });

  it('search never finds a hidden event', async () => {
    const el = await mountWith({ adapter: new ScriptedAdapter(EVENTS), permissions: TECHNICIAN });
    await rendered(el, 3);
    el.q = SECRET;
    await waitUntil(() => shadow(el).querySelector('[part~="no-matches"]'), 'no matches');
    expect(articles(el).length).to.equal(0);
  });

  it('export and print hold only the permitted events', async () => {
    const el = await mountWith({ adapter: new ScriptedAdapter(EVENTS), permissions: TECHNICIAN });
    await rendered(el, 3);
    const json = JSON.parse(await (await el.exportEvents('json')).text()) as { events: { id: string }[] };
    expect(json.events.map((e) => e.id).sort()).to.deep.equal([...ALLOWED].sort());
    const csv = await (await el.exportEvents('csv')).text();
    expect(csv).not.to.contain(SECRET);
    window.dispatchEvent(new Event('beforeprint'));
    try {
      const printed = shadow(el).querySelector('[part="print-list"]')!.textContent!;
      expect(printed).not.to.contain(SECRET);
      expect(shadow(el).querySelectorAll('[part="print-list"] li').length).to.equal(ALLOWED.length);
    } finally {
      window.dispatchEvent(new Event('afterprint'));
    }
  });

  it('announces only what is permitted', async () => {
    const el = await mountWith({ adapter: new ScriptedAdapter(EVENTS), permissions: TECHNICIAN });
    await rendered(el, 3);
    await settle(el);
    expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')!.textContent).to.contain(`${ALLOWED.length} events loaded`);
  });

  it('a pushed event the role may not see is dropped', async () => {
    let push: ((events: unknown[]) => void) | null = null;
    const adapter = Object.assign(new ScriptedAdapter(EVENTS), {
      subscribe: (_client: string, onEvents: (events: unknown[]) => void) => ((push = onEvents), () => undefined),
    });
    const el = await mountWith({ adapter, permissions: TECHNICIAN });
    await rendered(el, 3);
    push!([{ id: 'invoice-2', type: 'invoice.paid', occurredAt: new Date(NOW - 60_000).toISOString(), title: `${SECRET} paid`, record: { id: 'INV-9', type: 'invoice' } }]);
    push!([{ id: 'task-2', type: 'task.created', occurredAt: new Date(NOW - 30_000).toISOString(), title: 'Task: call back' }]);
    await waitUntil(() => el.events.some((e) => e.id === 'task-2'), 'the permitted push lands');
    await settle(el);
    expect(el.events.some((e) => e.id === 'invoice-2')).to.equal(false);
    expect(shadow(el).textContent).not.to.contain(SECRET);
  });

  it('excluded events of a page never reach IndexedDB, and cached events saved under a wider role are not shown', async () => {
    const ns = `perm-${Math.random().toString(36).slice(2)}`;
    const el = await mountWith({ adapter: new ScriptedAdapter(EVENTS), permissions: TECHNICIAN, cache: 'indexeddb', ns });
    await rendered(el, 3);
    const db = await openDB(CACHE_DB_NAME);
    try {
      await waitUntil(async () => (await db.getAll('events')).some((r: { ns: string }) => r.ns === ns), 'events written', { timeout: 5_000 });
      const stored = (await db.getAll('events')).filter((r: { ns: string }) => r.ns === ns);
      expect(stored.map((r: { id: string }) => r.id).sort()).to.deep.equal([...ALLOWED].sort());
      expect(JSON.stringify(stored)).not.to.contain(SECRET);
    } finally {
      db.close();
    }
    el.remove();

    // A manager (everything) fills the cache of another namespace; the technician reopening that namespace offline sees only theirs.
    const wide = `perm-${Math.random().toString(36).slice(2)}`;
    const manager = await mountWith({ adapter: new ScriptedAdapter(EVENTS), cache: 'indexeddb', ns: wide });
    await rendered(manager, EVENTS.length);
    await new Promise((r) => setTimeout(r, 300));
    manager.remove();
    const offline = new ScriptedAdapter(EVENTS);
    offline.hold();
    const tech = await mountWith({ adapter: offline, permissions: TECHNICIAN, cache: 'indexeddb', ns: wide });
    await rendered(tech, 3);
    await settle(tech);
    expect(ids(tech)).to.deep.equal([...ALLOWED].sort());
    expect(shadow(tech).textContent).not.to.contain(SECRET);
    offline.release();
    await (customElements.get('client-timeline') as unknown as { clearCache(ns: string): Promise<void> }).clearCache(ns);
    await (customElements.get('client-timeline') as unknown as { clearCache(ns: string): Promise<void> }).clearCache(wide);
  });

  it('changing the permissions loads again under the new ones', async () => {
    const el = await mountWith({ adapter: new ScriptedAdapter(EVENTS), permissions: TECHNICIAN });
    await rendered(el, 3);
    el.permissions = null;
    await waitUntil(() => articles(el).length === EVENTS.length, 'everything once permitted');
    el.permissions = { internal: false };
    await waitUntil(() => articles(el).length === EVENTS.length - 1, 'all but the internal note');
    expect(ids(el)).not.to.include('note-1');
  });

  it('the gate: a malformed list permits nothing of its kind; nothing given permits everything', () => {
    const item = (over: object) => ({ id: 'x', type: 'invoice.issued', occurredAt: at(0), title: 't', time: 0, ...over });
    expect(permissionGate(null)).to.equal(null);
    expect(permissionGate({})).to.equal(null);
    expect(permissionGate({ categories: 'billing' as unknown as string[] })!(item({}))).to.equal(false);
    expect(permissionGate({ recordTypes: ['booking'] })!(item({ record: { id: 'a', type: 'invoice' } }))).to.equal(false);
    expect(permissionGate({ recordTypes: ['booking'] })!(item({}))).to.equal(true);
    expect(permissionGate({ internal: false })!(item({ visibility: 'private' }))).to.equal(false);
  });
});
