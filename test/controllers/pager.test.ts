import { expect } from '@open-wc/testing';
import type { PageQuery, PageResult } from '../../src/data/adapter.js';
import { PagerController, type PagerCallbacks } from '../../src/controllers/pager.js';
import { SourceController } from '../../src/controllers/source.js';
import { makeEvents, ScriptedAdapter } from '../support/events.js';

/** A pager on a bare host, fetching through a real source; what it reported. */
function pagerOn(adapter: ScriptedAdapter | { fetchPage(q: PageQuery): Promise<PageResult> }) {
  const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
  const source = new SourceController();
  source.sync({ adapter, src: null, timeout: 5 });
  const pages: Parameters<PagerCallbacks['onPage']>[0][] = [];
  const errors: unknown[] = [];
  const pager = new PagerController(host, source, { onInvalid() {}, onError: (e) => void errors.push(e), onPage: (info) => void pages.push(info) });
  return { pager, pages, errors };
}

describe('PagerController', () => {
  it('loads pages newest first, in order, until the source says there is nothing older', async () => {
    const adapter = new ScriptedAdapter(makeEvents(25));
    const { pager, pages } = pagerOn(adapter);
    pager.configure({ adapter, clientId: 'c1', pageSize: 10, filter: {} });
    expect(pager.loading).to.equal(true);
    await pager.settled();
    await pager.loadMore();
    await pager.loadMore();
    expect(adapter.queries.map((q) => q.cursor)).to.deep.equal([null, '10', '20']);
    expect(pager.items.map((i) => i.id)).to.deep.equal(makeEvents(25).map((e) => e.id));
    expect(pages.map((p) => [p.total, p.done])).to.deep.equal([[10, false], [20, false], [25, true]]);
    expect(pager.done).to.equal(true);
    await pager.loadMore();
    expect(adapter.queries).to.have.length(3);
  });

  it('`settled()` resolves once the page in flight is merged, and when it fails', async () => {
    const adapter = new ScriptedAdapter(makeEvents(25));
    adapter.hold();
    const { pager, errors } = pagerOn(adapter);
    pager.configure({ adapter, clientId: 'c1', pageSize: 10, filter: {} });
    let merged: number | null = null;
    const settled = pager.settled().then(() => (merged = pager.items.length));
    await new Promise((r) => setTimeout(r, 50));
    expect(merged, 'not while the page is held').to.equal(null);
    adapter.release();
    await settled;
    expect(merged).to.equal(10);
    adapter.failNext = 1;
    void pager.loadMore();
    await pager.settled();
    expect(pager.status).to.equal('error');
    expect(errors.map((e) => (e as Error).message)).to.deep.equal(['Backend unavailable']);
    expect(pager.items).to.have.length(10);
  });

  it('stops with an error, keeping the page, when a cursor comes back', async () => {
    const adapter = new ScriptedAdapter(makeEvents(30));
    const cursors: Record<string, string> = { '': 'a', a: 'b', b: 'a' };
    const looping = { fetchPage: async (q: PageQuery) => ({ ...(await adapter.fetchPage({ ...q, cursor: { '': null, a: '10', b: '20' }[q.cursor ?? ''] ?? null })), nextCursor: cursors[q.cursor ?? ''] }) };
    const { pager, errors } = pagerOn(looping);
    pager.configure({ adapter: looping, clientId: 'c1', pageSize: 10, filter: {} });
    await pager.settled();
    await pager.loadMore();
    await pager.loadMore();
    expect(pager.items).to.have.length(30);
    expect(pager.status).to.equal('error');
    expect(errors).to.have.length(1);
    expect((errors[0] as Error).message).to.contain('"a" again after "b"');
    await pager.loadMore();
    expect(adapter.queries).to.have.length(3);
  });

  it('`configure()` with another client aborts the request in flight and drops its late answer', async () => {
    const answers: { query: PageQuery; answer(r: PageResult): void }[] = [];
    // Ignores the abort and answers when told to.
    const adapter = { fetchPage: (query: PageQuery) => new Promise<PageResult>((answer) => answers.push({ query, answer })) };
    const { pager, pages, errors } = pagerOn(adapter);
    pager.configure({ adapter, clientId: 'c1', pageSize: 10, filter: {} });
    const first = pager.settled();
    pager.configure({ adapter, clientId: 'c2', pageSize: 10, filter: {} });
    expect(answers.map((a) => a.query.clientId)).to.deep.equal(['c1', 'c2']);
    expect(answers[0].query.signal.aborted).to.equal(true);
    expect(answers[1].query.signal.aborted).to.equal(false);
    answers[0].answer({ events: makeEvents(3), nextCursor: null });
    await first;
    await new Promise((r) => setTimeout(r));
    expect(pager.items).to.deep.equal([]);
    expect(pager.loading).to.equal(true);
    answers[1].answer({ events: makeEvents(2, 100), nextCursor: null });
    await pager.settled();
    expect(pager.items.map((i) => i.id)).to.deep.equal(['ev-100', 'ev-101']);
    expect(pages.map((p) => p.clientId)).to.deep.equal(['c2']);
    expect(errors).to.deep.equal([]);
  });

  it('keeps the counts of the latest page that carried some, with the filter it was sent', async () => {
    const adapter = new ScriptedAdapter(makeEvents(25));
    const counting = { fetchPage: async (q: PageQuery) => ({ ...(await adapter.fetchPage(q)), ...(q.cursor ? {} : { counts: { email: 3, proposal: 2, quote: 1 } }) }) };
    const { pager } = pagerOn(counting);
    pager.configure({ adapter: counting, clientId: 'c1', pageSize: 10, filter: {}, sent: { search: 'deal' } });
    await pager.settled();
    const counts = { clientId: 'c1', filter: { search: 'deal' }, counts: { email: 3, deal: 3 } };
    expect(pager.counts).to.deep.equal(counts);
    await pager.loadMore();
    expect(pager.items).to.have.length(20);
    expect(pager.counts, 'a page without counts keeps the last ones').to.deep.equal(counts);
    pager.configure({ adapter: counting, clientId: 'c2', pageSize: 10, filter: {} });
    expect(pager.counts).to.equal(null);
  });
});
