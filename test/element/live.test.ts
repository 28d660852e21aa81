import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { PageQuery, PageResult } from '../../src/data/adapter.js';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { articles, mount, rendered, scroller, settle, shadow } from '../support/fixture.js';
import { makeEvent, makeEvents, NOW, ScriptedAdapter } from '../support/events.js';

/** A ScriptedAdapter with push: records subscriptions and lets the test push events. */
class PushAdapter extends ScriptedAdapter {
  readonly subscriptions: { clientId: string; active: boolean; push: (events: unknown[]) => void }[] = [];
  subscribe(clientId: string, onEvents: (events: unknown[]) => void): () => void {
    const sub = { clientId, active: true, push: onEvents };
    this.subscriptions.push(sub);
    return () => (sub.active = false);
  }
  push(events: unknown[]): void {
    for (const sub of this.subscriptions) if (sub.active) sub.push(events);
  }
}

/** An event newer than every event of `makeEvents`. */
const fresh = (n: number) => makeEvent(1000 + n, { id: `new-${n}`, occurredAt: new Date(NOW - 60_000 + n * 1000).toISOString(), title: `Fresh ${n}` });

/** The first row visible at the top of the list and its offset from the list's top edge. */
function firstVisible(el: ClientTimeline): { id: string; offset: number } {
  const top = scroller(el).getBoundingClientRect().top;
  const row = articles(el)
    .filter((a) => a.getBoundingClientRect().bottom > top + 1)
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
  return { id: row.dataset.id!, offset: row.getBoundingClientRect().top - top };
}

const pill = (el: ClientTimeline) => shadow(el).querySelector<HTMLButtonElement>('[part="new-events"]');

describe('<client-timeline> live updates', () => {
  it('subscribes per client and unsubscribes on a client change and on disconnect', async () => {
    const adapter = new PushAdapter((client) => makeEvents(5).map((e) => ({ ...e, id: `${client}-${e.id}` })));
    const el = await mount({ adapter, clientId: 'alice' });
    await rendered(el, 5);
    expect(adapter.subscriptions.map((s) => [s.clientId, s.active])).to.deep.equal([['alice', true]]);
    el.clientId = 'bob';
    await rendered(el, 5);
    expect(adapter.subscriptions.map((s) => [s.clientId, s.active])).to.deep.equal([
      ['alice', false],
      ['bob', true],
    ]);
    el.remove();
    expect(adapter.subscriptions[1].active).to.equal(false);
  });

  it('at the top, pushed events simply appear, without a pill', async () => {
    const adapter = new PushAdapter(makeEvents(30));
    const el = await mount({ adapter });
    await rendered(el, 5);
    adapter.push([fresh(1), fresh(2)]);
    await waitUntil(() => articles(el)[0]?.dataset.id === 'new-2');
    await settle(el);
    expect(articles(el)[1].dataset.id).to.equal('new-1');
    expect(scroller(el).scrollTop).to.equal(0);
    expect(pill(el)).to.equal(null);
    expect(el.events).to.have.length(32);
  });

  it('below the top, keeps the first visible event at the same pixel offset and shows an "N new events" pill', async () => {
    const adapter = new PushAdapter(makeEvents(100));
    const el = await mount({ adapter, pageSize: 100 });
    await rendered(el, 5);
    scroller(el).scrollTop = 1234;
    await settle(el);
    const before = firstVisible(el);
    expect(before.id).to.not.equal('ev-0');
    // Tall, varied rows above the viewport: the virtualizer's cached sizes are all wrong now.
    adapter.push([fresh(1), fresh(2), { ...fresh(3), summary: 'A much longer summary '.repeat(20) }]);
    await waitUntil(() => pill(el) !== null, 'pill shown');
    await waitUntil(() => el.events.length === 103);
    await settle(el);
    await settle(el);
    const after = firstVisible(el);
    expect(after.id).to.equal(before.id);
    expect(Math.abs(after.offset - before.offset)).to.be.lessThan(1);
    expect(pill(el)!.textContent).to.contain('3 new events');
    pill(el)!.click();
    await settle(el);
    expect(scroller(el).scrollTop).to.equal(0);
    expect(pill(el)).to.equal(null);
    await waitUntil(() => articles(el).some((a) => a.dataset.id === 'new-3'));
    expect(firstVisible(el).id).to.equal('new-3');
  });

  it('counts only new events that pass the filter', async () => {
    const adapter = new PushAdapter(makeEvents(100));
    const el = await mount({ adapter, pageSize: 100 });
    el.types = ['email', 'call', 'deal', 'task', 'note'];
    await rendered(el, 5);
    scroller(el).scrollTop = 800;
    await settle(el);
    adapter.push([{ ...fresh(1), type: 'chat.message' }, { ...fresh(2), type: 'email.received' }]);
    await waitUntil(() => pill(el) !== null);
    expect(pill(el)!.textContent).to.contain('1 new event');
  });

  it('polls the newest page every poll-interval seconds and merges what is new', async () => {
    const events = makeEvents(20);
    const adapter = new ScriptedAdapter(events);
    const el = await mount({ adapter });
    await rendered(el, 5);
    el.setAttribute('poll-interval', '0.2');
    events.unshift(fresh(1));
    await waitUntil(() => el.events.some((e) => e.id === 'new-1'), 'polled event merged', { timeout: 5000 });
    const polls = adapter.queries.filter((q) => q.cursor === null);
    expect(polls.length).to.be.greaterThan(1);
    await settle(el);
    expect(articles(el)[0].dataset.id).to.equal('new-1');
    el.pollInterval = 0;
    await settle(el);
    const count = adapter.queries.length;
    await new Promise((r) => setTimeout(r, 600)); // three intervals: no poll may happen
    expect(adapter.queries.length).to.equal(count);
  });

  it('refresh() fetches the newest page with the current filter', async () => {
    const events = makeEvents(10);
    const adapter = new ScriptedAdapter(events);
    const el = await mount({ adapter });
    await rendered(el, 5);
    el.q = 'email';
    await settle(el);
    events.unshift(fresh(1));
    await el.refresh();
    await settle(el);
    const last = adapter.queries.at(-1) as PageQuery;
    expect(last.cursor).to.equal(null);
    expect(last.filter.search).to.equal('email');
    expect(el.events.some((e) => e.id === 'new-1')).to.equal(true);
  });

  it('ignores pushes for a client it left', async () => {
    let push: ((events: unknown[]) => void) | null = null;
    const adapter = {
      fetchPage: async (q: PageQuery): Promise<PageResult> => ({ events: [makeEvent(0, { id: `${q.clientId}-0` })], nextCursor: null }),
      subscribe: (_client: string, onEvents: (events: unknown[]) => void) => ((push ??= onEvents), () => undefined),
    };
    const el = await mount({ adapter, clientId: 'alice' });
    await rendered(el, 1);
    el.clientId = 'bob';
    await waitUntil(() => el.events[0]?.id === 'bob-0');
    push!([fresh(1)]);
    await settle(el);
    expect(el.events.map((e) => e.id)).to.deep.equal(['bob-0']);
    await fixtureCleanup();
  });
});
