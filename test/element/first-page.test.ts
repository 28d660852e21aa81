/**
 * A first page the server embedded in the element (`client-timeline/ssr`, `<script type="application/json"
 * data-first-page>`): the element shows it without asking the source for it, validates it like any page, and asks
 * the source for everything after it. What is not such a page is ignored (and said), never run.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { loadMessages } from '../../src/i18n/messages.js';
import { firstPageScript } from '../../src/ssr.js';
import { articles, rendered, scrollUntilLoaded, shadow } from '../support/fixture.js';
import { makeEvent, makeEvents, NOW, ScriptedAdapter } from '../support/events.js';

async function mountWith(adapter: ScriptedAdapter, inside: string, clientId = 'c1'): Promise<ClientTimeline> {
  await loadMessages('en-US');
  return fixture<ClientTimeline>(html`<client-timeline
    style="height:400px;width:600px"
    .adapter=${adapter}
    client-id=${clientId}
    page-size="20"
    locale="en-US"
    cache="none"
    .now=${NOW}
    >${unsafeHTML(inside)}</client-timeline
  >`);
}

/** Catches the element's warnings while `fn` runs. */
async function warnings(fn: () => Promise<void>): Promise<string[]> {
  const said: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void said.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = warn;
  }
  return said;
}

describe('a first page embedded by the server', () => {
  it('shows without a request, and the next page comes from the source', async () => {
    const events = makeEvents(60);
    const adapter = new ScriptedAdapter(events);
    const el = await mountWith(adapter, firstPageScript('c1', { events: events.slice(0, 20), nextCursor: '20' }));
    await rendered(el, 5);
    expect(articles(el)[0].dataset.key).to.equal(events[0].id);
    expect(adapter.queries.filter((q) => q.cursor === null)).to.have.length(0, 'the first page was not fetched');
    await scrollUntilLoaded(el, 60);
    expect(adapter.queries.map((q) => q.cursor)).to.deep.equal(['20', '40']);
    expect(el.events.map((e) => e.id)).to.deep.equal(events.map((e) => e.id));
  });

  it('is validated like any page: invalid events skipped and reported, markup in the text shown as text', async () => {
    const adapter = new ScriptedAdapter([]);
    const hostile = makeEvent(0, { title: '</script><img src=x onerror="window.__ran = true">Hi' });
    const reported: unknown[] = [];
    document.addEventListener('timeline-error', (e) => reported.push((e as CustomEvent).detail), { once: true });
    const el = await mountWith(adapter, firstPageScript('c1', { events: [hostile, { id: 'broken' }], nextCursor: null }));
    await rendered(el, 1);
    expect(el.events.map((e) => e.id)).to.deep.equal([hostile.id]);
    expect(articles(el)[0].textContent).to.contain('</script><img');
    expect(shadow(el).querySelector('img[src="x"]')).to.equal(null);
    expect((window as unknown as { __ran?: boolean }).__ran).to.equal(undefined);
    await waitUntil(() => reported.length > 0, 'the invalid event reported');
    expect(reported[0]).to.include({ kind: 'invalid-events' });
    expect(adapter.queries).to.have.length(0);
  });

  it('answers only its own client: another client id fetches as usual', async () => {
    const adapter = new ScriptedAdapter(makeEvents(5));
    const el = await mountWith(adapter, firstPageScript('someone-else', { events: makeEvents(3, 100), nextCursor: null }));
    await rendered(el, 5);
    expect(adapter.queries).to.have.length(1);
    expect(el.events.map((e) => e.id)).to.deep.equal(makeEvents(5).map((e) => e.id));
  });

  it('is used once: after a switch of client and back, the page is fetched', async () => {
    const adapter = new ScriptedAdapter(makeEvents(5));
    const el = await mountWith(adapter, firstPageScript('c1', { events: makeEvents(5), nextCursor: null }));
    await rendered(el, 5);
    el.clientId = 'c2';
    await waitUntil(() => adapter.queries.length === 1, 'c2 fetched');
    el.clientId = 'c1';
    await waitUntil(() => adapter.queries.length === 2, 'c1 fetched again');
    expect(adapter.queries.map((q) => q.clientId)).to.deep.equal(['c2', 'c1']);
  });

  it('that is not JSON, or not a page, is said and the first page fetched', async () => {
    for (const inside of ['<script type="application/json" data-first-page>{oops</script>', '<script type="application/json" data-first-page>{"events": []}</script>']) {
      const adapter = new ScriptedAdapter(makeEvents(3));
      let el!: ClientTimeline;
      const said = await warnings(async () => {
        el = await mountWith(adapter, inside);
      });
      await rendered(el, 3);
      expect(adapter.queries).to.have.length(1, inside);
      expect(said.join('\n')).to.match(/data-first-page/);
    }
  });
});
