import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { PageQuery } from '../../src/data/adapter.js';
import { TimelineFetchError } from '../../src/data/adapter.js';
import { mount, rendered } from '../support/fixture.js';
import { HangsAfter, makeEvents, ScriptedAdapter } from '../support/events.js';
import { failOnUncaught } from '../support/no-uncaught.js';

failOnUncaught();

describe('<client-timeline>: polling and export fetch like paging does', () => {
  it('a poll that hangs fails with the timeout and is reported (it used to wait for ever)', async () => {
    const adapter = new HangsAfter(makeEvents(10), 1);
    const el = await mount({ adapter });
    await rendered(el, 5);
    el.timeout = 0.2;
    await el.updateComplete;
    const failed = oneEvent(el, 'timeline-error');
    const refreshed = el.refresh();
    const { detail } = await failed;
    expect(detail.kind).to.equal('fetch');
    expect(detail.message).to.contain('did not answer within 0.2 s');
    await refreshed;
  });

  it('no poll is sent while the source backs off after a failure', async () => {
    const adapter = new ScriptedAdapter(makeEvents(10));
    const el = await mount({ adapter });
    await rendered(el, 5);
    adapter.failNext = 1;
    adapter.failWith = () => new TimelineFetchError('HTTP 503', 503, { retryAfterMs: 60_000 });
    await el.refresh();
    const sent = adapter.queries.length;
    el.setAttribute('poll-interval', '0.1');
    await new Promise((r) => setTimeout(r, 500));
    expect(adapter.queries.length, 'no poll while backing off').to.equal(sent);
    await el.retry();
    el.pollInterval = 0;
  });

  it('an export whose page hangs fails with the timeout (it used to wait for ever)', async () => {
    const adapter = new HangsAfter(makeEvents(60), 1);
    const el = await mount({ adapter, pageSize: 20 });
    await rendered(el, 5);
    el.timeout = 0.2;
    await el.updateComplete;
    const error = await el.exportEvents('json').then(() => null, (e: unknown) => e);
    expect(error).to.be.instanceOf(TimelineFetchError);
    expect((error as TimelineFetchError).timedOut).to.equal(true);
  });

  it('an export waits out a transient failure and goes on', async () => {
    const adapter = new ScriptedAdapter(makeEvents(150));
    const el = await mount({ adapter, pageSize: 50 });
    await rendered(el, 5);
    adapter.failOn = (q) => q.cursor === '100';
    adapter.failWith = () => new TimelineFetchError('HTTP 503', 503, { retryAfterMs: 50 });
    const blob = await el.exportEvents('json');
    const body = JSON.parse(await blob.text());
    expect(body.count).to.equal(150);
  });

  it('an export stops with an error on a source whose cursors loop', async () => {
    const looping = { fetchPage: async (q: PageQuery) => ({ events: makeEvents(2, Number(q.cursor ?? 0)), nextCursor: q.cursor === '2' ? '0' : '2' }) };
    const el = await mount({ adapter: looping, pageSize: 2 });
    await waitUntil(() => el.events.length > 0);
    el.types = ['email'];
    await el.updateComplete;
    const error = await el.exportEvents('csv').then(() => null, (e: unknown) => e);
    expect(String(error)).to.contain('again after');
  });
});
