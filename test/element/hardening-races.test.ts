/**
 * Races: a new client, filter or search while a page is in flight, or the element
 * going away, aborts the old request, and a late answer never lands in the wrong view.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { PageQuery, PageResult, TimelineAdapter } from '../../src/data/adapter.js';
import { retryPolicy } from '../../src/data/retry.js';
import type { TimelineErrorDetail } from '../../src/events.js';
import { articles, mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvent, makeEvents } from '../support/events.js';
import { failOnUncaught } from '../support/no-uncaught.js';

failOnUncaught();

interface Pending {
  query: PageQuery;
  answer(): void;
}

/**
 * An adapter that answers only when told, and ignores its abort signal (the worst case):
 * each event's id and title say which client and filter it was fetched for.
 */
class ManualAdapter implements TimelineAdapter {
  readonly pending: Pending[] = [];
  readonly capabilities: { filter: boolean };
  constructor(filters = true) {
    this.capabilities = { filter: filters };
  }
  fetchPage(query: PageQuery): Promise<PageResult> {
    return new Promise((resolve) => {
      const tag = `${query.clientId}|${query.filter.search ?? ''}|${(query.filter.types ?? []).join('+')}`;
      this.pending.push({
        query,
        answer: () =>
          resolve({
            events: makeEvents(3).map((e) => ({ ...e, id: `${tag}#${e.id}`, title: `${tag} ${e.title}` })),
            nextCursor: null,
          }),
      });
    });
  }
  get last(): Pending {
    return this.pending[this.pending.length - 1];
  }
}

const tagsOf = (ids: readonly string[]) => [...new Set(ids.map((id) => id.split('#')[0]))];

describe('hardening: races', () => {
  it('a search typed while a page is in flight aborts it; its late answer never shows', async () => {
    const adapter = new ManualAdapter();
    const el = await mount({ adapter });
    await waitUntil(() => adapter.pending.length === 1);
    el.q = 'quote';
    await waitUntil(() => adapter.pending.length === 2, 'the filtered page is requested');
    expect(adapter.pending[0].query.signal.aborted).to.equal(true);
    expect(adapter.last.query.filter.search).to.equal('quote');
    adapter.last.answer();
    await rendered(el, 3);
    adapter.pending[0].answer(); // late, and the adapter ignored the signal
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    expect(tagsOf(el.events.map((e) => e.id))).to.deep.equal(['c1|quote|']);
    expect(tagsOf(articles(el).map((r) => r.dataset.id!))).to.deep.equal(['c1|quote|']);
  });

  it('a category change while a page is in flight aborts it; its late answer never shows', async () => {
    const adapter = new ManualAdapter();
    const el = await mount({ adapter });
    await waitUntil(() => adapter.pending.length === 1);
    el.types = ['call'];
    await waitUntil(() => adapter.pending.length === 2);
    expect(adapter.pending[0].query.signal.aborted).to.equal(true);
    adapter.pending[0].answer();
    await new Promise((r) => setTimeout(r, 50));
    expect(el.events).to.have.length(0);
    adapter.last.answer();
    await waitUntil(() => el.events.length === 3);
    expect(tagsOf(el.events.map((e) => e.id))).to.deep.equal([`c1||${adapter.last.query.filter.types!.join('+')}`]);
  });

  it('twenty client switches in a row: every old request aborted, only the last client shown', async () => {
    const adapter = new ManualAdapter();
    const el = await mount({ adapter, clientId: 'client-0' });
    for (let i = 1; i <= 20; i++) {
      el.clientId = `client-${i}`;
      await el.updateComplete;
    }
    await waitUntil(() => adapter.last?.query.clientId === 'client-20');
    expect(adapter.pending.slice(0, -1).every((p) => p.query.signal.aborted)).to.equal(true);
    // Answer everything, in reverse order: the oldest answers come last.
    for (const p of [...adapter.pending].reverse()) p.answer();
    await rendered(el, 3);
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    expect(tagsOf(el.events.map((e) => e.id))).to.deep.equal(['client-20||']);
    expect(tagsOf(articles(el).map((r) => r.dataset.id!))).to.deep.equal(['client-20||']);
  });

  it('removing the element mid-fetch aborts the request and nothing lands; putting it back fetches again', async () => {
    const adapter = new ManualAdapter();
    const errors: TimelineErrorDetail[] = [];
    const el = await mount({ adapter });
    el.addEventListener('timeline-error', (e) => errors.push(e.detail));
    await waitUntil(() => adapter.pending.length === 1);
    const parent = el.parentElement!;
    el.remove();
    expect(adapter.pending[0].query.signal.aborted).to.equal(true);
    adapter.pending[0].answer();
    await new Promise((r) => setTimeout(r, 50));
    expect(el.events).to.have.length(0);
    expect(errors).to.deep.equal([]);
    parent.append(el);
    await waitUntil(() => adapter.pending.length === 2, 'the aborted page is fetched again on reconnect');
    adapter.last.answer();
    await rendered(el, 3);
    expect(tagsOf(el.events.map((e) => e.id))).to.deep.equal(['c1||']);
  });

  it('removing the element while an older page is in flight: back in the page, it loads on', async () => {
    const events = makeEvents(40);
    let hold: (() => void) | null = null;
    const queries: PageQuery[] = [];
    const adapter: TimelineAdapter = {
      async fetchPage(query) {
        queries.push(query);
        if (query.cursor && queries.length === 2) await new Promise<void>((r) => (hold = r));
        const start = Number(query.cursor ?? 0);
        return { events: events.slice(start, start + 20), nextCursor: start + 20 < events.length ? String(start + 20) : null };
      },
    };
    const el = await mount({ adapter, pageSize: 20, height: 3000 });
    await waitUntil(() => queries.length === 2 && hold, 'the second page is in flight');
    const parent = el.parentElement!;
    el.remove();
    expect(queries[1].signal.aborted).to.equal(true);
    hold!();
    parent.append(el);
    await waitUntil(() => el.events.length === 40, 'the second page is fetched again', { timeout: 5000 });
    expect(queries.filter((q) => q.cursor === '20').length).to.equal(2);
    expect(new Set(el.events.map((e) => e.id)).size).to.equal(40);
  });

  it('a timeout or a planned retry of the old client never fires into the new one', async () => {
    const saved = { ...retryPolicy };
    Object.assign(retryPolicy, { baseMs: 800, random: () => 0 });
    try {
      const queries: PageQuery[] = [];
      const adapter: TimelineAdapter = {
        async fetchPage(query) {
          queries.push(query);
          if (query.clientId === 'slow') return new Promise<PageResult>(() => {});
          if (query.clientId === 'down') throw Object.assign(new TypeError('Failed to fetch'));
          return { events: [makeEvent(0, { id: `${query.clientId}-1` })], nextCursor: null };
        },
      };
      const errors: TimelineErrorDetail[] = [];
      const el = await mount({ adapter: undefined, clientId: 'down' });
      el.addEventListener('timeline-error', (e) => errors.push(e.detail));
      el.timeout = 0.1;
      el.adapter = adapter;
      await waitUntil(() => shadow(el).querySelector('[part="error-state"]')?.textContent?.includes('Trying again'), 'a retry is planned');
      el.clientId = 'slow';
      await waitUntil(() => queries.some((q) => q.clientId === 'slow'));
      el.clientId = 'fine';
      await rendered(el, 1);
      // Past the planned retry of "down" (400 ms) and the timeout of "slow" (100 ms).
      await new Promise((r) => setTimeout(r, 600));
      expect(queries.filter((q) => q.clientId === 'down')).to.have.length(1);
      expect(errors.every((e) => e.clientId === 'down')).to.equal(true);
      expect(shadow(el).querySelector('[part="error-state"]')).to.equal(null);
      expect(el.events.map((e) => e.id)).to.deep.equal(['fine-1']);
    } finally {
      Object.assign(retryPolicy, saved);
    }
  });

  it('an adapter that filters locally: a search mid-flight keeps the page and shows only matches', async () => {
    const adapter = new ManualAdapter(false);
    const el = await mount({ adapter });
    await waitUntil(() => adapter.pending.length === 1);
    el.q = 'c1|| email.sent';
    await el.updateComplete;
    adapter.pending[0].answer();
    await waitUntil(() => el.events.length === 3);
    await settle(el);
    const shown = articles(el).map((r) => r.querySelector('[part="title"]')!.textContent);
    expect(shown.length).to.be.greaterThan(0);
    expect(shown.every((t) => t!.includes('email.sent'))).to.equal(true);
  });
});
