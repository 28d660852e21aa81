import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { PageQuery, PageResult } from '../../src/data/adapter.js';
import { boundOf } from '../../src/data/filter.js';
import { HttpAdapter } from '../../src/data/http-adapter.js';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { articles, mount, rendered, scroller, scrollToEnd, settle, shadow, virtualizerOf } from '../support/fixture.js';
import { makeEvents, NOW, ScriptedAdapter } from '../support/events.js';

const bar = (el: ClientTimeline) => shadow(el).querySelector<HTMLElement>('[part="filter-bar"]')!;
const categoryBox = (el: ClientTimeline, label: string) => bar(el).querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!;
const button = (el: ClientTimeline, text: string) =>
  [...shadow(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === text)!;
const searchBox = (el: ClientTimeline) => shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!;
const count = (el: ClientTimeline, key: string) => bar(el).querySelector(`#fb-count-${key}`)?.textContent;
const ids = (el: ClientTimeline) => articles(el).map((a) => a.dataset.id);

/** A ScriptedAdapter that says it filters, and does (types by prefix, search in titles). */
class FilteringAdapter extends ScriptedAdapter {
  readonly capabilities = { filter: true };
  override async fetchPage(query: PageQuery): Promise<PageResult> {
    const page = await super.fetchPage({ ...query, limit: 10_000, cursor: null });
    const types = query.filter.types;
    const all = (page.events as { type: string; title: string }[]).filter(
      (e) => (!types || types.some((t) => e.type === t || e.type.startsWith(`${t}.`))) && (!query.filter.search || e.title.includes(query.filter.search)),
    );
    return { events: all.slice(0, query.limit), nextCursor: null, counts: { email: 7, call: 5, proposal: 2 } };
  }
}

describe('<client-timeline> filter bar', () => {
  it('filters to one category in two clicks: None, then Emails', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(40)) });
    await rendered(el, 5);
    button(el, 'None').click();
    await settle(el);
    expect(articles(el)).to.have.length(0);
    categoryBox(el, 'Emails').click();
    await settle(el);
    await waitUntil(() => articles(el).length > 0);
    const categories = new Set(articles(el).map((a) => a.dataset.category));
    expect([...categories]).to.deep.equal(['email']);
    expect(el.types).to.deep.equal(['email']);
    expect(el.getAttribute('types')).to.equal('email');
    // All brings everything back.
    button(el, 'All').click();
    await settle(el);
    expect(el.types).to.equal(null);
    expect(new Set(articles(el).map((a) => a.dataset.category)).size).to.be.greaterThan(2);
  });

  it('counts events per category from what is loaded, and says so until the history is complete', async () => {
    const adapter = new ScriptedAdapter(makeEvents(70));
    adapter.hold();
    const el = await mount({ adapter, pageSize: 35 });
    await waitUntil(() => adapter.queries.length === 1);
    adapter.release();
    adapter.hold(); // the second page waits
    await rendered(el, 5);
    // 35 loaded: email.sent / email.opened are 2 of every 7 types.
    expect(count(el, 'email')).to.equal('10');
    expect(bar(el).querySelector('[part="counts-note"]')!.textContent).to.contain('35 events loaded');
    expect(categoryBox(el, 'Emails').getAttribute('aria-describedby')).to.equal('fb-count-email');
    adapter.release();
    await scrollToEnd(el);
    await waitUntil(() => el.events.length === 70, 'second page', { timeout: 5000 });
    await settle(el);
    expect(count(el, 'email')).to.equal('20');
    expect(bar(el).querySelector('[part="counts-note"]')).to.equal(null);
  });

  it('uses the counts the adapter sends, summed per category', async () => {
    const el = await mount({ adapter: new FilteringAdapter(makeEvents(20)) });
    await rendered(el, 3);
    expect(count(el, 'email')).to.equal('7');
    expect(count(el, 'call')).to.equal('5');
    expect(count(el, 'deal')).to.equal('2');
    expect(count(el, 'note')).to.equal('0');
    expect(bar(el).querySelector('[part="counts-note"]')).to.equal(null);
  });

  it('filters by author and by a date preset, shows chips, and clears them', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(24 * 12, 0).map((e, i) => ({ ...e, occurredAt: new Date(NOW - (i + 1) * 6 * 3_600_000).toISOString() }))) });
    await rendered(el, 5);
    bar(el).querySelector<HTMLButtonElement>('[part="people"]')!.click();
    await settle(el);
    const people = bar(el).querySelector<HTMLElement>('[part="people-panel"]')!;
    expect(people.matches(':popover-open')).to.equal(true);
    const diego = [...people.querySelectorAll('label')].find((l) => l.textContent!.includes('Diego Mora'))!;
    const change = oneEvent(el, 'timeline-filter-change');
    diego.querySelector('input')!.click();
    expect((await change).detail.authors).to.deep.equal(['Diego Mora']);
    await settle(el);
    expect(articles(el).every((a) => a.querySelector('[part="author"]')!.textContent!.includes('Diego Mora'))).to.equal(true);
    expect(el.getAttribute('authors')).to.equal('Diego Mora');

    const range = bar(el).querySelector<HTMLSelectElement>('[part="date-range"]')!;
    range.value = '7';
    range.dispatchEvent(new Event('change'));
    await settle(el);
    const since = boundOf(el.since, 'start')!;
    expect(el.since).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect(el.events.some((e) => e.time < since)).to.equal(true);
    expect(articles(el).length).to.be.greaterThan(0);
    const shown = articles(el).map((a) => Date.parse(a.querySelector('time')!.getAttribute('datetime')!));
    expect(shown.every((t) => t >= since)).to.equal(true);

    const chips = [...shadow(el).querySelectorAll('[part="chip"]')].map((c) => c.textContent!.trim());
    expect(chips).to.deep.equal(['Diego Mora', 'Last 7 days']);
    shadow(el).querySelector<HTMLButtonElement>('[part="chip"] button[aria-label="Remove filter: Diego Mora"]')!.click();
    await settle(el);
    expect(el.authors).to.deep.equal([]);
    button(el, 'Clear all').click();
    await settle(el);
    expect(el.since).to.equal(null);
    expect(shadow(el).querySelector('[part="chips"]')).to.equal(null);
  });

  it('searches as the user types, highlights matches, and Escape clears; "/" focuses the search', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(30)) });
    await rendered(el, 5);
    const input = searchBox(el);
    expect(input.getAttribute('aria-label')).to.contain('Search');
    el.focus();
    articles(el)[0].focus();
    articles(el)[0].dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, composed: true }));
    expect(shadow(el).activeElement).to.equal(input);
    input.value = 'proposal';
    input.dispatchEvent(new Event('input'));
    const change = await oneEvent(el, 'timeline-filter-change');
    expect(change.detail.q).to.equal('proposal');
    await settle(el);
    const rows = articles(el);
    expect(rows.length).to.be.greaterThan(0);
    expect(rows.every((r) => r.dataset.type === 'proposal.sent')).to.equal(true);
    const marks = [...rows[0].querySelectorAll('mark[part="match"]')];
    expect(marks.map((m) => m.textContent)).to.deep.equal(['proposal']);
    expect(el.getAttribute('q')).to.equal('proposal');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await settle(el);
    expect(el.q).to.equal('');
    expect(input.value).to.equal('');
    expect(shadow(el).querySelector('mark')).to.equal(null);
  });

  it('finds and marks accented text searched without accents, in a Spanish timeline', async () => {
    const events = makeEvents(6);
    events[2] = { ...events[2], title: 'Correo leído: Cotización', summary: 'Lo abrió José Pérez' };
    const el = await mount({ adapter: new ScriptedAdapter(events), locale: 'es-CR' });
    await rendered(el, 5);
    el.q = 'leido jose';
    await settle(el);
    expect(articles(el).length).to.equal(0);
    el.q = 'LEIDO';
    await settle(el);
    const rows = articles(el);
    expect(rows.map((r) => r.dataset.id)).to.deep.equal(['ev-2']);
    expect([...rows[0].querySelectorAll('mark[part="match"]')].map((m) => m.textContent)).to.deep.equal(['leído']);
    expect(rows[0].querySelector('[part="title"]')!.textContent).to.equal('Correo leído: Cotización');
    el.q = 'jose perez';
    await settle(el);
    expect([...articles(el)[0].querySelectorAll('mark[part="match"]')].map((m) => m.textContent)).to.deep.equal(['José Pérez']);
  });

  it('takes its filter from attributes and reflects it', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(30)) });
    el.setAttribute('types', 'call, note');
    el.setAttribute('q', '#1');
    await rendered(el, 1);
    expect(el.types).to.deep.equal(['call', 'note']);
    expect(el.q).to.equal('#1');
    expect(new Set(articles(el).map((a) => a.dataset.category))).to.have.keys('call', 'note');
    expect(articles(el).every((a) => a.querySelector('[part="title"]')!.textContent!.includes('#1'))).to.equal(true);
    expect(categoryBox(el, 'Calls').checked).to.equal(true);
    expect(categoryBox(el, 'Emails').checked).to.equal(false);
    el.types = ['email'];
    el.since = '2026-11-22';
    await settle(el);
    expect(el.getAttribute('types')).to.equal('email');
    expect(el.getAttribute('since')).to.equal('2026-11-22');
  });

  it('says when nothing matches and offers to clear the filters', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(10)) });
    await rendered(el, 3);
    el.q = 'no such text anywhere';
    await settle(el);
    const empty = shadow(el).querySelector('[part="no-matches"]')!;
    expect(empty.textContent).to.contain('No events match these filters');
    [...empty.querySelectorAll('button')].find((b) => b.textContent === 'Clear filters')!.click();
    await rendered(el, 3);
    expect(el.q).to.equal('');
    expect(shadow(el).querySelector('[part="no-matches"]')).to.equal(null);
  });

  it('keeps fetching older pages until the view is filled, with a Stop button', async () => {
    // One meeting every 50 events: the first page of 50 holds one.
    const events = makeEvents(600).map((e, i) => (i % 50 === 3 ? { ...e, type: 'meeting.scheduled', title: `Meeting ${i}` } : e));
    const adapter = new ScriptedAdapter(events);
    adapter.hold();
    const el = await mount({ adapter, pageSize: 50 });
    await waitUntil(() => adapter.queries.length === 1);
    adapter.release();
    adapter.hold(); // the next page waits
    await rendered(el, 5);
    el.types = ['meeting'];
    await waitUntil(() => adapter.queries.length >= 2, 'next page requested to fill the view');
    expect(adapter.queries.map((q) => q.cursor)).to.deep.equal([null, '50']);
    await settle(el);
    const status = shadow(el).querySelector('[part="search-status"]')!;
    expect(status.textContent).to.contain('Searching older activity');
    [...status.querySelectorAll('button')].find((b) => b.textContent === 'Stop')!.click();
    adapter.release();
    await waitUntil(() => el.events.length === 100);
    await settle(el);
    expect(adapter.queries.length).to.equal(2);
    expect(shadow(el).querySelector('[part="search-status"]')!.textContent).to.contain('Search stopped after 100 events');
    expect(ids(el)).to.deep.equal(['ev-3', 'ev-53']);
    // Searching on reaches the end of the history.
    button(el, 'Search older activity').click();
    await waitUntil(() => el.events.length === 600, 'whole history searched', { timeout: 10_000 });
    await settle(el);
    expect(adapter.queries.slice(1).every((q) => q.filter.categories?.[0] === 'meeting')).to.equal(true);
    expect(adapter.queries.length).to.equal(12);
    // The 12 meetings are the whole (filtered) feed; the rendered window holds meetings only.
    await waitUntil(() => articles(el)[0]?.getAttribute('aria-setsize') === '12');
    expect(articles(el).length).to.be.greaterThan(3);
    expect(articles(el).every((a) => a.dataset.category === 'meeting')).to.equal(true);
  });

  it('trusts an adapter that filters: sends it the filter and shows its pages as they are', async () => {
    const adapter = new FilteringAdapter(makeEvents(30));
    const el = await mount({ adapter });
    await rendered(el, 5);
    el.types = ['call'];
    el.q = 'call';
    el.authors = ['Ana Rojas'];
    el.since = '2026-11-01';
    await waitUntil(() => adapter.queries.length >= 2);
    await settle(el);
    const { filter } = adapter.queries.at(-1)!;
    expect(filter.categories).to.deep.equal(['call']);
    expect(filter.types).to.include('call');
    expect(filter.search).to.equal('call');
    expect(filter.authors).to.deep.equal(['Ana Rojas']);
    expect(filter.since).to.equal(new Date(2026, 10, 1).toISOString());
    // The adapter does not filter authors here: trusted, its events are shown as they come.
    const shownAuthors = new Set(articles(el).map((a) => a.querySelector('[part="author"]')!.textContent));
    expect(shownAuthors.size).to.be.greaterThan(1);
    expect(articles(el).every((a) => a.dataset.category === 'call')).to.equal(true);
  });

  it('sends types, q, authors, since and until to the HTTP server, which filters', async () => {
    const requests: string[] = [];
    const http = new HttpAdapter('/api/timeline');
    const spy = { capabilities: http.capabilities, fetchPage: (q: PageQuery) => (requests.push(http.url(q).search), http.fetchPage(q)) };
    const el = await mount({ adapter: spy, clientId: 'karina' });
    await rendered(el, 5);
    const all = Number(count(el, 'email'));
    expect(all).to.be.greaterThan(2);
    button(el, 'None').click();
    await settle(el);
    categoryBox(el, 'Emails').click();
    await waitUntil(() => requests.some((r) => r.includes('types=email')));
    await rendered(el, 1);
    await waitUntil(() => el.events.length === all, 'only the emails, from the server');
    expect(el.events.every((e) => e.type.startsWith('email.'))).to.equal(true);
    expect(count(el, 'email')).to.equal(String(all));
    el.q = 'quote';
    el.authors = ['Diego Mora'];
    el.since = '2025-01-01';
    el.until = '2026-11-30';
    await waitUntil(() => requests.some((r) => r.includes('q=quote') && r.includes('authors=')));
    const last = new URLSearchParams(requests.at(-1));
    expect(last.get('types')!.split(',')).to.include('email');
    expect(last.get('q')).to.equal('quote');
    expect(last.get('authors')).to.equal('Diego Mora');
    expect(last.get('since')).to.equal(new Date(2025, 0, 1).toISOString());
    expect(last.get('until')).to.equal(new Date(new Date(2026, 11, 1).getTime() - 1).toISOString());
    await waitUntil(() => !el.events.length || el.events.every((e) => e.author?.name === 'Diego Mora'));
  });

  it('jumps to a date, loading older pages as needed', async () => {
    const adapter = new ScriptedAdapter(makeEvents(200));
    const el = await mount({ adapter, pageSize: 40 });
    await rendered(el, 5);
    // Event i happened i+1 hours before NOW: 150 hours back is ev-149.
    const target = NOW - 150 * 3_600_000 + 1000;
    expect(await el.jumpTo(target)).to.equal(true);
    await settle(el);
    expect(adapter.queries.length).to.be.greaterThan(3);
    const box = scroller(el).getBoundingClientRect();
    const first = articles(el).find((a) => a.getBoundingClientRect().bottom > box.top + 1)!;
    expect(first.dataset.id).to.equal('ev-149');
    expect(Math.abs(first.getBoundingClientRect().top - box.top)).to.be.lessThan(2);
    expect(await el.jumpTo(NOW - 10_000 * 3_600_000)).to.equal(false);
  });

  it('expands and collapses every event', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(8)) });
    await rendered(el, 8);
    el.expandAll();
    await settle(el);
    expect(articles(el).every((a) => a.querySelector('[part~="detail"]'))).to.equal(true);
    el.collapseAll();
    await settle(el);
    expect(articles(el).some((a) => a.querySelector('[part~="detail"]'))).to.equal(false);
    // Through the actions menu.
    shadow(el).querySelector<HTMLButtonElement>('[part="actions"]')!.click();
    button(el, 'Expand all').click();
    await settle(el);
    expect(articles(el).every((a) => a.querySelector('button[aria-expanded="true"]'))).to.equal(true);
    // Rows below the rendered window are expanded too: scroll to the last one.
    virtualizerOf(el)!.element(7)!.scrollIntoView();
    await settle(el);
    const last = articles(el).find((a) => a.dataset.id === 'ev-7')!;
    expect(last.querySelector('button')!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('keeps the filter bar in place while the list scrolls', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(100)) });
    await rendered(el, 5);
    const top = bar(el).getBoundingClientRect().top;
    scroller(el).scrollTop = 2000;
    await settle(el);
    expect(bar(el).getBoundingClientRect().top).to.equal(top);
    expect(el.getBoundingClientRect().top).to.be.closeTo(top, 2);
  });
});
