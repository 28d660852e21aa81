import { expect } from '@open-wc/testing';
import { TimelineFetchError } from '../../src/data/adapter.js';
import { Retrier, backoffLeft } from '../../src/data/retry.js';
import { SourceController } from '../../src/controllers/source.js';
import { HangsAfter, makeEvents, pageQuery, ScriptedAdapter } from '../support/events.js';

describe('SourceController: the one way pages are fetched', () => {
  it('validates a page: invalid events skipped and listed, every id kept, counts per category', async () => {
    const source = new SourceController();
    const adapter = { fetchPage: async () => ({ events: [...makeEvents(2), { id: 'bad' }], nextCursor: 'x', counts: { email: 2, proposal: 1, quote: 2 } }) };
    source.sync({ adapter, src: null, timeout: 5 });
    const page = await source.fetchPage(pageQuery());
    expect(page.items.map((i) => i.id)).to.deep.equal(['ev-0', 'ev-1']);
    expect(page.invalid.map((i) => i.id)).to.deep.equal(['bad']);
    expect(page.ids).to.deep.equal(['ev-0', 'ev-1', 'bad']);
    expect(page.nextCursor).to.equal('x');
    expect(page.counts).to.deep.equal({ email: 2, deal: 3 });
  });

  it('fails a request that takes longer than the timeout, aborting its signal', async () => {
    const source = new SourceController();
    const adapter = new HangsAfter([], 0);
    source.sync({ adapter, src: null, timeout: 0.05 });
    const error = await source.fetchPage(pageQuery()).then(() => null, (e: unknown) => e);
    expect(error).to.be.instanceOf(TimelineFetchError);
    expect((error as TimelineFetchError).timedOut).to.equal(true);
    expect(adapter.queries[0].signal.aborted).to.equal(true);
  });

  it('counts a transient failure in the backoff shared by every user of the adapter, and a success clears it', async () => {
    const source = new SourceController();
    const adapter = new ScriptedAdapter(makeEvents(3));
    adapter.failNext = 1;
    adapter.failWith = () => new TimelineFetchError('HTTP 503', 503);
    source.sync({ adapter, src: null, timeout: 5 });
    await source.fetchPage(pageQuery()).catch(() => undefined);
    expect(backoffLeft(adapter)).to.be.greaterThan(0);
    expect(source.backoffLeft).to.be.greaterThan(0);
    await source.fetchPage(pageQuery());
    expect(backoffLeft(adapter)).to.equal(0);
  });

  it('lets paging plan its automatic retry through its own Retrier', async () => {
    const source = new SourceController();
    const adapter = new ScriptedAdapter(makeEvents(3));
    adapter.failNext = 1;
    adapter.failWith = () => new TimelineFetchError('HTTP 503', 503);
    source.sync({ adapter, src: null, timeout: 5 });
    let retried = 0;
    const retrier = new Retrier(() => retried++, () => undefined);
    await source.fetchPage(pageQuery(), retrier).catch(() => undefined);
    expect(retrier.retryAt).to.be.a('number');
    retrier.cancel();
    expect(retried).to.equal(0);
  });

  it('uses the built-in HTTP adapter for `src`, one per URL', async () => {
    const source = new SourceController();
    source.sync({ adapter: null, src: '/api/timeline', timeout: 5 });
    const first = source.adapter;
    source.sync({ adapter: null, src: '/api/timeline', timeout: 5 });
    expect(source.adapter).to.equal(first);
    const page = await source.fetchPage(pageQuery());
    expect(page.items.length).to.be.greaterThan(0);
  });
});
