import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import { TimelineFetchError, type TimelineFilter } from '../../src/data/adapter.js';
import { LiveController } from '../../src/controllers/live.js';
import { retryPolicy } from '../../src/data/retry.js';
import { SourceController, type FetchedPage } from '../../src/controllers/source.js';
import { makeEvents, pageQuery, ScriptedAdapter } from '../support/events.js';

/** A pushing adapter: who is subscribed, and a way to push to each subscription. */
class PushAdapter extends ScriptedAdapter {
  readonly subscriptions: { clientId: string; push(events: unknown[]): void; open: boolean }[] = [];
  subscribe(clientId: string, push: (events: unknown[]) => void): () => void {
    const sub = { clientId, push, open: true };
    this.subscriptions.push(sub);
    return () => void (sub.open = false);
  }
}

/** A live controller on a host whose hooks the test runs; what it handed on, and the inputs it reads. */
function liveOn(adapter: PushAdapter) {
  const controllers: ReactiveController[] = [];
  const host = { addController: (c: ReactiveController) => void controllers.push(c), removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
  const source = new SourceController();
  source.sync({ adapter, src: null, timeout: 5 });
  const state = { clientId: 'c1', filter: {} as TimelineFilter, interval: 0 };
  const pushed: [unknown[], string][] = [];
  const pages: [FetchedPage, string, TimelineFilter][] = [];
  const errors: unknown[] = [];
  const live = new LiveController(host, source, {
    source: () => ({ adapter, clientId: state.clientId }),
    target: () => ({ clientId: state.clientId, limit: 5, filter: state.filter }),
    interval: () => state.interval,
    onEvents: (events, clientId) => void pushed.push([events, clientId]),
    onPage: (page, clientId, filter) => void pages.push([page, clientId, filter]),
    onError: (error) => void errors.push(error),
  });
  const hook = (name: 'hostConnected' | 'hostUpdated' | 'hostDisconnected') => controllers.forEach((c) => c[name]?.());
  return { live, source, state, pushed, pages, errors, hook };
}

describe('LiveController', () => {
  it('subscribes to the current client while connected, and unsubscribes when it changes or the host goes', () => {
    const adapter = new PushAdapter([]);
    const { state, pushed, hook } = liveOn(adapter);
    expect(adapter.subscriptions).to.have.length(0);
    hook('hostConnected');
    hook('hostUpdated');
    expect(adapter.subscriptions.map((s) => [s.clientId, s.open])).to.deep.equal([['c1', true]]);
    adapter.subscriptions[0].push([{ id: 'x' }]);
    state.clientId = 'c2';
    hook('hostUpdated');
    expect(adapter.subscriptions.map((s) => [s.clientId, s.open])).to.deep.equal([['c1', false], ['c2', true]]);
    adapter.subscriptions[0].push([{ id: 'late' }]);
    adapter.subscriptions[1].push([{ id: 'y' }]);
    hook('hostDisconnected');
    expect(adapter.subscriptions[1].open).to.equal(false);
    expect(pushed).to.deep.equal([[[{ id: 'x' }], 'c1'], [[{ id: 'y' }], 'c2']]);
  });

  it('`refresh()` fetches the newest page through the source and hands it on', async () => {
    const adapter = new PushAdapter(makeEvents(12));
    const { live, state, pages } = liveOn(adapter);
    state.filter = { search: 'call' };
    await live.refresh();
    expect(adapter.queries.map((q) => [q.clientId, q.cursor, q.limit, q.filter])).to.deep.equal([['c1', null, 5, { search: 'call' }]]);
    expect(pages).to.have.length(1);
    const [page, clientId, filter] = pages[0];
    expect(page.items.map((i) => i.id)).to.deep.equal(['ev-0', 'ev-1', 'ev-2', 'ev-3', 'ev-4']);
    expect(page.nextCursor).to.equal('5');
    expect([clientId, filter]).to.deep.equal(['c1', { search: 'call' }]);
  });

  it('`refresh()` drops the page when the client or the filter changed while it was fetched', async () => {
    const adapter = new PushAdapter(makeEvents(12));
    const { live, state, pages, errors } = liveOn(adapter);
    for (const change of [() => (state.clientId = 'c2'), () => (state.filter = { search: 'x' })]) {
      adapter.hold();
      const refreshed = live.refresh();
      change();
      adapter.release();
      await refreshed;
    }
    expect(adapter.queries).to.have.length(2);
    expect(pages).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('polls every `interval` seconds, but not while the source backs off', async () => {
    const adapter = new PushAdapter(makeEvents(12));
    const { source, state, pages, hook } = liveOn(adapter);
    adapter.failNext = 1;
    adapter.failWith = () => new TimelineFetchError('HTTP 503', 503);
    const baseMs = retryPolicy.baseMs;
    retryPolicy.baseMs = 10_000; // a backoff of 5 to 10 s
    await source.fetchPage(pageQuery()).catch(() => undefined);
    retryPolicy.baseMs = baseMs;
    expect(source.backoffLeft).to.be.greaterThan(4_000);
    state.interval = 0.05;
    hook('hostConnected');
    try {
      await new Promise((r) => setTimeout(r, 250)); // five intervals
      expect(adapter.queries, 'no poll while backing off').to.have.length(1);
      await source.fetchPage(pageQuery()); // the source recovers
      await waitUntil(() => pages.length >= 2, 'polled twice');
      expect(adapter.queries.slice(2).every((q) => q.cursor === null && q.clientId === 'c1')).to.equal(true);
    } finally {
      hook('hostDisconnected');
    }
    const polls = adapter.queries.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(adapter.queries, 'no poll once disconnected').to.have.length(polls);
  });
});
