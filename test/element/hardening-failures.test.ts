/**
 * Failing backends: transient errors are retried automatically with exponential
 * backoff and jitter (429 honouring Retry-After), attempts are capped, the manual
 * Retry is always there and starts the backoff over, and elements sharing a
 * failing backend do not multiply its load.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { TimelineFetchError, type PageQuery, type PageResult, type TimelineAdapter } from '../../src/data/adapter.js';
import { HttpAdapter } from '../../src/data/http-adapter.js';
import { backoffDelay, isTransient, parseRetryAfter, retryPolicy, type RetryPolicy } from '../../src/data/retry.js';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvents, pageQuery as query, ScriptedAdapter } from '../support/events.js';
import { failOnUncaught } from '../support/no-uncaught.js';

failOnUncaught();

async function failureOf(promise: Promise<unknown>): Promise<TimelineFetchError> {
  try {
    await promise;
  } catch (error) {
    return error as TimelineFetchError;
  }
  throw new Error('expected a failure');
}

/** Wraps an adapter: records when each request started and how many were in flight at once. */
class Recorder implements TimelineAdapter {
  readonly starts: number[] = [];
  inflight = 0;
  maxInflight = 0;
  constructor(private readonly inner: (query: PageQuery, n: number) => Promise<PageResult>) {}
  async fetchPage(query: PageQuery): Promise<PageResult> {
    const n = this.starts.push(performance.now());
    this.inflight++;
    this.maxInflight = Math.max(this.maxInflight, this.inflight);
    try {
      return await this.inner(query, n);
    } finally {
      this.inflight--;
    }
  }
}

const unavailable = () => new TimelineFetchError('/api/timeline answered HTTP 503 Service Unavailable', 503);
const errorState = (el: ClientTimeline) => shadow(el).querySelector<HTMLElement>('[part="error-state"]');
const gaps = (starts: number[]) => starts.slice(1).map((t, i) => t - starts[i]);

describe('hardening: failing backends', () => {
  let saved: RetryPolicy;
  beforeEach(() => {
    saved = { ...retryPolicy };
  });
  afterEach(() => {
    Object.assign(retryPolicy, saved);
  });

  describe('the HTTP adapter says what failed', () => {
    it('exposes the status and Retry-After of a 429 and a 503', async () => {
      for (const status of [429, 503]) {
        const error = await failureOf(new HttpAdapter(`/api/status/${status}`).fetchPage(query()));
        expect(error).to.be.instanceOf(TimelineFetchError);
        expect(error.status).to.equal(status);
        expect(error.retryAfterMs).to.equal(1000);
        expect(isTransient(error)).to.equal(true);
      }
    });

    it('marks a network failure as such, and bad answers as not worth an automatic retry', async () => {
      const network = await failureOf(new HttpAdapter('http://127.0.0.1:9/timeline').fetchPage(query()));
      expect(network.network).to.equal(true);
      expect(network.status).to.equal(undefined);
      expect(isTransient(network)).to.equal(true);
      const notFound = await failureOf(new HttpAdapter('/api/status/404').fetchPage(query()));
      expect([notFound.status, notFound.retryAfterMs, isTransient(notFound)]).to.deep.equal([404, undefined, false]);
      const notJson = await failureOf(new HttpAdapter('/api/not-json').fetchPage(query()));
      expect(isTransient(notJson)).to.equal(false);
      const noEvents = await failureOf(new HttpAdapter('/api/clients').fetchPage(query()));
      expect(isTransient(noEvents)).to.equal(false);
    });

    it('classifies errors of other adapters', () => {
      expect(isTransient(new TypeError('Failed to fetch'))).to.equal(true);
      expect(isTransient(new TypeError("Cannot read properties of undefined (reading 'events')"))).to.equal(false);
      expect(isTransient(new Error('Backend unavailable'))).to.equal(false);
      expect(isTransient(new TimelineFetchError('x', 502))).to.equal(true);
      expect(isTransient(new TimelineFetchError('x', 400))).to.equal(false);
      expect(isTransient(new TimelineFetchError('x', undefined, { timedOut: true }))).to.equal(false);
    });

    it('reads Retry-After in seconds or as an HTTP date', () => {
      const now = Date.parse('2026-11-23T12:00:00Z');
      expect(parseRetryAfter('120', now)).to.equal(120_000);
      expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:30 GMT', now)).to.equal(30_000);
      expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now)).to.equal(0);
      expect(parseRetryAfter('soon', now)).to.equal(undefined);
      expect(parseRetryAfter(null, now)).to.equal(undefined);
    });
  });

  describe('backoff', () => {
    it('doubles up to a cap, with jitter in the upper half, and never waits less than Retry-After', () => {
      const policy = (r: number): RetryPolicy => ({ ...retryPolicy, baseMs: 1000, maxMs: 8000, random: () => r });
      expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, undefined, policy(0)))).to.deep.equal([500, 1000, 2000, 4000, 4000, 4000]);
      expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, undefined, policy(0.999999)))).to.deep.equal(
        [1000, 2000, 4000, 8000, 8000].map((max) => max - (max / 2) * 0.000001),
      );
      expect(backoffDelay(1, 5000, policy(0.5))).to.equal(5000);
      expect(backoffDelay(4, 1000, policy(0.5))).to.equal(6000);
      // Real jitter spreads delays over the interval.
      const spread = new Set(Array.from({ length: 50 }, () => Math.round(backoffDelay(3))));
      expect(spread.size).to.be.greaterThan(10);
      for (const delay of spread) expect(delay).to.be.within(2000, 4000);
    });

    it('retries a transient failure by itself with growing delays, shows that it will, and recovers', async () => {
      Object.assign(retryPolicy, { baseMs: 80, maxMs: 1000, random: () => 0 });
      const events = makeEvents(5);
      const adapter = new Recorder(async (_query, n) => {
        if (n <= 3) throw unavailable();
        return { events, nextCursor: null };
      });
      const el = await mount({ adapter });
      await waitUntil(() => errorState(el), 'error state after the first failure');
      expect(errorState(el)!.textContent).to.contain('HTTP 503');
      expect(errorState(el)!.textContent).to.contain('Trying again automatically');
      expect(errorState(el)!.querySelector('[part="retry"]')).to.exist;
      await rendered(el, 5);
      expect(adapter.starts).to.have.length(4);
      const [a, b, c] = gaps(adapter.starts);
      // 40, 80 and 160 ms (equal jitter at random() = 0: half of 80·2ⁿ).
      expect(a).to.be.at.least(38);
      expect(b).to.be.at.least(78);
      expect(c).to.be.at.least(158);
      expect(errorState(el)).to.equal(null);
    });

    it('waits as long as a 429 asks (Retry-After) before trying again, over HTTP', async () => {
      Object.assign(retryPolicy, { baseMs: 10, random: () => 0 });
      const limited = new HttpAdapter('/api/status/429');
      const fine = new HttpAdapter('/api/timeline');
      const adapter = new Recorder((query, n) => (n === 1 ? limited : fine).fetchPage(query));
      const el = await mount({ adapter, clientId: 'karina', pageSize: 10 });
      await waitUntil(() => errorState(el), 'rate limited');
      expect(errorState(el)!.textContent).to.contain('HTTP 429');
      await rendered(el, 3);
      expect(adapter.starts.length).to.be.at.least(2);
      expect(gaps(adapter.starts)[0]).to.be.at.least(990);
    });

    it('gives up after the capped number of attempts, keeps Retry, and a Retry starts the backoff over', async () => {
      Object.assign(retryPolicy, { baseMs: 10, maxRetries: 3, random: () => 0 });
      const down = new HttpAdapter(`/api/timeline?fail=1&case=${Date.now()}`);
      const adapter = new Recorder((query) => down.fetchPage(query));
      const el = await mount({ adapter, clientId: 'karina' });
      await waitUntil(() => adapter.starts.length === 4 && errorState(el) && !errorState(el)!.textContent!.includes('Trying again'), '1 + 3 attempts', {
        timeout: 5000,
      });
      // Many times the last delay later: nothing more was sent.
      await new Promise((r) => setTimeout(r, 300));
      expect(adapter.starts).to.have.length(4);
      expect(errorState(el)!.textContent).to.contain('HTTP 503');
      errorState(el)!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await waitUntil(() => adapter.starts.length === 8, 'a Retry makes 1 + 3 attempts again', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 300));
      expect(adapter.starts).to.have.length(8);
    });

    it('keeps the manual Retry during the wait: it tries at once and resets the backoff', async () => {
      Object.assign(retryPolicy, { baseMs: 60_000 });
      const events = makeEvents(3);
      const adapter = new Recorder(async (_q, n) => {
        if (n === 1) throw unavailable();
        return { events, nextCursor: null };
      });
      const el = await mount({ adapter });
      await waitUntil(() => errorState(el)?.textContent?.includes('Trying again'), 'waiting for the automatic retry');
      const clicked = performance.now();
      errorState(el)!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await rendered(el, 3);
      expect(adapter.starts).to.have.length(2);
      expect(adapter.starts[1] - clicked).to.be.below(1000);
    });

    it('does not retry bad answers automatically', async () => {
      Object.assign(retryPolicy, { baseMs: 10 });
      const adapter = new Recorder(async () => ({ events: 'nope' }) as unknown as PageResult);
      const el = await mount({ adapter });
      await waitUntil(() => errorState(el), 'error state');
      expect(errorState(el)!.textContent).to.contain('"events" array');
      expect(errorState(el)!.textContent).not.to.contain('Trying again');
      await new Promise((r) => setTimeout(r, 200));
      expect(adapter.starts).to.have.length(1);
    });

    it('retries an older page that failed, keeping what is shown', async () => {
      Object.assign(retryPolicy, { baseMs: 20, random: () => 0 });
      const adapter = new ScriptedAdapter(makeEvents(40));
      adapter.failWith = unavailable;
      adapter.failOn = (q) => q.cursor === '20';
      const el = await mount({ adapter, pageSize: 20, height: 3000 });
      await waitUntil(() => el.events.length === 40, 'the second page after an automatic retry', { timeout: 5000 });
      await settle(el);
      expect(adapter.queries.filter((q) => q.cursor === '20')).to.have.length(2);
      expect(shadow(el).querySelector('[part="status-bar"]')).to.equal(null);
    });
  });

  describe('no retry storm', () => {
    it('elements sharing an adapter send one probe per round and all recover together', async () => {
      Object.assign(retryPolicy, { baseMs: 40, maxMs: 200 });
      const events = makeEvents(3);
      // The backend is down for the first 6 + 2 requests.
      const adapter = new Recorder(async (_q, n) => {
        await new Promise((r) => setTimeout(r, 5));
        if (n <= 8) throw unavailable();
        return { events, nextCursor: null };
      });
      const els = await Promise.all(Array.from({ length: 6 }, (_, i) => mount({ adapter, clientId: `client-${i}` })));
      // (Elements below the fold render no rows: check what they loaded.)
      await waitUntil(() => els.every((el) => el.events.length === 3), 'every element recovered', { timeout: 5000 });
      // 6 first requests, 2 failed probes, 1 probe that succeeds, then the 5 others.
      expect(adapter.starts).to.have.length(6 + 2 + 1 + 5);
      // After the first burst, probes never overlapped until the backend answered.
      const probes = adapter.starts.slice(6, 9);
      expect(gaps(probes).every((gap) => gap >= 5)).to.equal(true);
      expect(els.every((el) => el.events.length === 3)).to.equal(true);
    });

    it('elements sharing a src share its backoff', async () => {
      Object.assign(retryPolicy, { baseMs: 20, maxRetries: 2, random: () => 0 });
      performance.setResourceTimingBufferSize(100_000);
      const src = `/api/timeline?fail=1&storm=${Date.now()}`;
      const sent = () => performance.getEntriesByType('resource').filter((e) => e.name.includes(src.slice(src.indexOf('storm')))).length;
      const els = await Promise.all(Array.from({ length: 4 }, (_, i) => mount({ src, clientId: `c${i}` })));
      await waitUntil(() => els.every((el) => errorState(el) && !errorState(el)!.textContent!.includes('Trying again')), 'everyone gave up', {
        timeout: 5000,
      });
      await new Promise((r) => setTimeout(r, 200));
      // 4 first requests and 2 shared retries, instead of 4 × 3.
      expect(sent()).to.equal(4 + 2);
    });
  });
});
