import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { HttpAdapter } from '../../src/data/http-adapter.js';
import { articles, mount, rendered, scrollToEnd, settle, shadow } from '../support/fixture.js';
import { pageQuery as query } from '../support/events.js';

describe('HttpAdapter against the demo backend (the reference server)', () => {
  it('sends the documented query string', () => {
    const adapter = new HttpAdapter('/api/timeline');
    const url = adapter.url(query({ cursor: 'abc', limit: 25, filter: { types: ['email', 'call.failed'], search: 'Pro Plan' } }));
    expect(url.pathname).to.equal('/api/timeline');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      client: 'karina',
      limit: '25',
      cursor: 'abc',
      types: 'email,call.failed',
      q: 'Pro Plan',
    });
    const first = adapter.url(query());
    expect(first.searchParams.has('cursor')).to.equal(false);
    expect(first.searchParams.has('types')).to.equal(false);
    expect(first.searchParams.has('q')).to.equal(false);
  });

  it('seeks: sends before=, reads total and position, and turns seek on once the server answers a position', async () => {
    const adapter = new HttpAdapter('/api/timeline');
    expect(adapter.url(query({ before: '2026-03-01T00:00:00.000Z' })).searchParams.get('before')).to.equal('2026-03-01T00:00:00.000Z');
    expect(adapter.capabilities.seek).to.equal(false);
    const first = await adapter.fetchPage(query({ limit: 5 }));
    expect(adapter.capabilities.seek).to.equal(true);
    expect(first.position).to.equal(0);
    expect(first.total! > 5).to.equal(true);
    // Paging to the 12th event, then seeking to its instant, lands on it with the same position.
    const second = await adapter.fetchPage(query({ limit: 10, cursor: first.nextCursor }));
    const target = second.events[6] as { id: string; occurredAt: string };
    const sought = await adapter.fetchPage(query({ limit: 3, before: target.occurredAt }));
    expect((sought.events[0] as { id: string }).id).to.equal(target.id);
    expect(sought.position).to.equal(11);
    expect(sought.total).to.equal(first.total);
    // And its cursor goes on as paging does.
    const next = await adapter.fetchPage(query({ limit: 2, cursor: sought.nextCursor }));
    expect((next.events[0] as { id: string }).id).to.equal((second.events[9] as { id: string }).id);
    // A seek under a filter counts under the filter.
    const emails = await adapter.fetchPage(query({ limit: 200, filter: { types: ['email'] } }));
    const emailTarget = emails.events[3] as { id: string; occurredAt: string };
    const soughtEmail = await adapter.fetchPage(query({ limit: 1, filter: { types: ['email'] }, before: emailTarget.occurredAt }));
    expect(soughtEmail.position).to.equal(3);
    expect(soughtEmail.total).to.equal(emails.events.length);
  });

  it('keeps query parameters already in src', () => {
    const url = new HttpAdapter('/api/timeline?tenant=acme').url(query());
    expect(url.searchParams.get('tenant')).to.equal('acme');
    expect(url.searchParams.get('client')).to.equal('karina');
  });

  it('fetches pages over HTTP and follows the cursor to the end', async () => {
    const adapter = new HttpAdapter('/api/timeline');
    const ids = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await adapter.fetchPage(query({ cursor, limit: 20 }));
      page.events.forEach((e) => ids.add((e as { id: string }).id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(cursor).to.equal(null);
    expect(pages).to.be.greaterThan(1);
    expect(ids.size).to.be.greaterThan(20);
  });

  it('passes the filter to the server', async () => {
    const page = await new HttpAdapter('/api/timeline').fetchPage(query({ filter: { types: ['email'] }, limit: 200 }));
    expect(page.events.length).to.be.greaterThan(0);
    expect(page.events.every((e) => (e as { type: string }).type.startsWith('email.'))).to.equal(true);
  });

  it('turns a non-2xx answer into a clear error', async () => {
    const adapter = new HttpAdapter('/api/status/500');
    let error: Error | undefined;
    try {
      await adapter.fetchPage(query());
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).to.equal('TimelineFetchError');
    expect(error?.message).to.match(/HTTP 500/);
    expect((error as unknown as { status: number }).status).to.equal(500);
  });

  it('turns a non-JSON answer into a clear error', async () => {
    let error: Error | undefined;
    try {
      await new HttpAdapter('/api/not-json').fetchPage(query());
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).to.match(/text\/html.*not JSON/);
  });

  it('rejects an answer without an events array', async () => {
    let error: Error | undefined;
    try {
      await new HttpAdapter('/api/clients').fetchPage(query());
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).to.contain('"events" array');
  });

  it('aborts the request through the signal', async () => {
    const controller = new AbortController();
    const pending = new HttpAdapter('/api/timeline?latency=2000').fetchPage(query({ signal: controller.signal }));
    controller.abort();
    let error: Error | undefined;
    try {
      await pending;
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).to.equal('AbortError');
  });

  it('drives the element through the src attribute', async () => {
    const el = await mount({ src: '/api/timeline', clientId: 'karina', pageSize: 20 });
    const rows = await rendered(el, 3);
    expect(rows[0].querySelector('[part="title"]')!.textContent!.length).to.be.greaterThan(0);
    await scrollToEnd(el);
    await waitUntil(() => el.events.length > 20, 'second page over HTTP', { timeout: 10_000 });
    await settle(el);
    expect(articles(el).length).to.be.greaterThan(0);
  });

  it('shows the server error in the element, with Retry', async () => {
    const el = await mount({ src: '/api/status/503', clientId: 'karina' });
    await waitUntil(() => shadow(el).querySelector('[part="error-state"]'));
    expect(shadow(el).querySelector('[part="error-state"]')!.textContent).to.match(/HTTP 503/);
    const again = oneEvent(el, 'timeline-error');
    shadow(el).querySelector<HTMLButtonElement>('[part="error-state"] button')!.click();
    expect((await again).detail.kind).to.equal('fetch');
  });
});
