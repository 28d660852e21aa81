/**
 * Bad input: whatever an adapter or a server sends, the element shows a clear
 * error with Retry and keeps what it showed, or renders the absurd sanely.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { PageQuery, PageResult, TimelineAdapter } from '../../src/data/adapter.js';
import type { TimelineErrorDetail } from '../../src/events.js';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { articles, mount, rendered, scroller, scrollToEnd, settle, shadow } from '../support/fixture.js';
import { makeEvent, makeEvents, NOW, ScriptedAdapter } from '../support/events.js';
import { failOnUncaught } from '../support/no-uncaught.js';

failOnUncaught();

const errorState = (el: ClientTimeline) => shadow(el).querySelector<HTMLElement>('[part="error-state"]');
const statusBar = (el: ClientTimeline) => shadow(el).querySelector<HTMLElement>('[part="status-bar"]');

/** Serves pages of `events` by offset; `misbehave` may replace any answer. */
function adapterWith(misbehave: (query: PageQuery, n: number) => unknown, events = makeEvents(60)): TimelineAdapter & { queries: PageQuery[] } {
  const queries: PageQuery[] = [];
  return {
    queries,
    fetchPage(query: PageQuery) {
      queries.push(query);
      const odd = misbehave(query, queries.length);
      if (odd !== undefined) return odd as Promise<PageResult>;
      const start = Number(query.cursor ?? 0);
      const end = start + query.limit;
      return Promise.resolve({ events: events.slice(start, end), nextCursor: end < events.length ? String(end) : null });
    },
  };
}

async function mountCollecting(adapter: TimelineAdapter, options: Parameters<typeof mount>[0] = {}) {
  const errors: TimelineErrorDetail[] = [];
  const el = await mount({ ...options, adapter: undefined });
  el.addEventListener('timeline-error', (e) => errors.push(e.detail));
  el.adapter = adapter;
  return { el, errors };
}

describe('hardening: bad input', () => {
  describe('invalid events', () => {
    it('drops each invalid event and names the event and the field', async () => {
      const events: unknown[] = [
        makeEvent(0),
        makeEvent(1, { title: 42 as unknown as string }),
        makeEvent(2, { author: { id: 'u1' } as unknown as { name: string } }),
        makeEvent(3, { detail: { amount: { value: 10, currency: 'dollars' } } }),
        { ...makeEvent(4), id: '' },
        null,
        makeEvent(5),
      ];
      const { el, errors } = await mountCollecting(new ScriptedAdapter(events));
      await rendered(el, 2);
      expect(el.events.map((e) => e.id)).to.deep.equal(['ev-0', 'ev-5']);
      expect(errors).to.have.length(1);
      const [error] = errors;
      if (error.kind !== 'invalid-events') throw new Error(`unexpected ${error.kind}`);
      expect(error.invalid.map((i) => [i.index, i.id ?? null])).to.deep.equal([
        [1, 'ev-1'],
        [2, 'ev-2'],
        [3, 'ev-3'],
        [4, ''],
        [5, null],
      ]);
      expect(error.invalid[0].problems.join()).to.match(/^title:/);
      expect(error.invalid[1].problems.join()).to.match(/^author\.name:/);
      expect(error.invalid[2].problems.join()).to.match(/^detail\.amount\.currency:/);
      expect(error.invalid[3].problems.join()).to.match(/^id:/);
      expect(error.invalid[4].problems.join()).to.match(/^\(event\):/);
      expect(error.message).to.contain('5 invalid events');
      expect(error.message).to.contain('"ev-1" (title:');
      expect(error.message).to.contain('"ev-2" (author.name:');
      expect(errorState(el)).to.equal(null);
    });
  });

  describe('bad answers give an error with Retry and keep what was shown', () => {
    const cases: [string, (query: PageQuery) => unknown, RegExp][] = [
      ['an invalid envelope', () => Promise.resolve({ items: [] }), /without an "events" array/],
      ['a non-string cursor', () => Promise.resolve({ events: [], nextCursor: 7 }), /"nextCursor" that is neither a string nor null/],
      ['a synchronous throw', () => {
        throw new Error('adapter exploded synchronously');
      }, /adapter exploded synchronously/],
      ['undefined', () => Promise.resolve(undefined), /answered undefined instead of \{ events, nextCursor \}/],
      ['a non-promise value', () => 'not a page', /answered string instead of/],
      ['a rejection with a non-Error', () => Promise.reject('plain string'), /plain string/],
    ];

    for (const [what, misbehave, message] of cases) {
      it(`on the first page: ${what}`, async () => {
        let broken = true;
        const adapter = adapterWith((q) => (broken ? (misbehave(q) ?? Promise.resolve(undefined)) : undefined));
        const { el, errors } = await mountCollecting(adapter);
        await waitUntil(() => errorState(el), 'error state');
        // Said once, by the element's live region.
        expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')!.textContent).to.contain("Couldn't load activity.");
        expect(errorState(el)!.textContent).to.match(message);
        expect(errors.map((e) => e.kind)).to.deep.equal(['fetch']);
        broken = false;
        errorState(el)!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
        await rendered(el, 3);
        expect(errorState(el)).to.equal(null);
      });

      it(`on a later page: ${what}`, async () => {
        const adapter = adapterWith((q) => (q.cursor === '20' ? (misbehave(q) ?? Promise.resolve(undefined)) : undefined));
        const { el } = await mountCollecting(adapter, { pageSize: 20, height: 3000 });
        await waitUntil(() => statusBar(el), 'status bar');
        await settle(el);
        expect(statusBar(el)!.textContent).to.match(message);
        expect(el.events).to.have.length(20);
        expect(articles(el).length).to.be.greaterThan(5);
        expect(statusBar(el)!.querySelector('[part="retry"]')).to.exist;
      });
    }

    it('an adapter whose fetchPage returns undefined synchronously', async () => {
      const adapter = { fetchPage: () => undefined as unknown as Promise<PageResult> };
      const el = await mount({ adapter });
      await waitUntil(() => errorState(el), 'error state');
      expect(errorState(el)!.textContent).to.contain('answered undefined instead of { events, nextCursor }');
    });

    it('a non-JSON HTTP answer', async () => {
      const el = await mount({ src: '/api/not-json', clientId: 'karina' });
      await waitUntil(() => errorState(el), 'error state');
      expect(errorState(el)!.textContent).to.match(/text\/html.*not JSON/);
      expect(errorState(el)!.querySelector('[part="retry"]')).to.exist;
    });

    it('an adapter that never answers times out (attribute `timeout`, seconds), aborting its signal', async () => {
      let hang = true;
      const adapter = adapterWith((query) => (hang ? new Promise(() => query.signal /* never settles */) : undefined));
      const { el, errors } = await mountCollecting(adapter);
      expect(el.timeout).to.equal(30);
      el.setAttribute('timeout', '0.2');
      await el.updateComplete;
      el.reload();
      await waitUntil(() => errorState(el), 'timed out', { timeout: 5000 });
      expect(errorState(el)!.textContent).to.contain('did not answer within 0.2 s');
      expect(adapter.queries.at(-1)!.signal.aborted).to.equal(true);
      expect(errors.at(-1)!.kind).to.equal('fetch');
      // A timeout is not retried by itself: it waits for the user.
      expect(errorState(el)!.textContent).not.to.contain('Trying again');
      hang = false;
      errorState(el)!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await rendered(el, 3);
    });

    it('a timeout of 0 waits as long as it takes', async () => {
      let answer!: () => void;
      const adapter = adapterWith(() => new Promise<void>((r) => (answer = r)).then(() => ({ events: makeEvents(3), nextCursor: null })));
      const el = await mount({ adapter: undefined });
      el.timeout = 0;
      el.adapter = adapter;
      await waitUntil(() => adapter.queries.length === 1);
      await new Promise((r) => setTimeout(r, 100));
      expect(adapter.queries[0].signal.aborted).to.equal(false);
      answer();
      await rendered(el, 3);
    });

    it('a cursor that comes back is an error with Retry, not a silent end or an endless loop', async () => {
      // Pages: null → "a" → "b" → "a" again.
      const pages: Record<string, PageResult> = {
        '': { events: makeEvents(10, 0), nextCursor: 'a' },
        a: { events: makeEvents(10, 10), nextCursor: 'b' },
        b: { events: makeEvents(10, 20), nextCursor: 'a' },
      };
      const adapter = adapterWith((q) => Promise.resolve(pages[q.cursor ?? '']));
      const { el, errors } = await mountCollecting(adapter, { pageSize: 10, height: 3000 });
      await waitUntil(() => statusBar(el), 'loop detected', { timeout: 5000 });
      await settle(el);
      expect(el.events).to.have.length(30);
      expect(statusBar(el)!.textContent).to.contain('answered the cursor "a" again');
      expect(errors.filter((e) => e.kind === 'fetch')).to.have.length(1);
      expect(adapter.queries.map((q) => q.cursor)).to.deep.equal([null, 'a', 'b']);
      expect(shadow(el).querySelector('.end')).to.equal(null);
      // Retry asks for the same page again; the source still loops: same error, nothing lost, nothing duplicated.
      statusBar(el)!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      await waitUntil(() => adapter.queries.length === 4 && statusBar(el), 'retried');
      expect(adapter.queries[3].cursor).to.equal('b');
      expect(el.events).to.have.length(30);
    });

    it('the same cursor forever stops after one page', async () => {
      const adapter = adapterWith((q) => Promise.resolve({ events: makeEvents(5, q.cursor ? 5 : 0), nextCursor: 'same' }));
      const { el } = await mountCollecting(adapter, { pageSize: 5, height: 3000 });
      await waitUntil(() => statusBar(el), 'loop detected');
      await new Promise((r) => setTimeout(r, 100));
      expect(adapter.queries).to.have.length(2);
      expect(el.events).to.have.length(10);
    });
  });

  describe('absurd values', () => {
    it('clamps a 100,000-character title to two lines, and the detail shows its start and the rest on demand', async () => {
      const long = 'Proposal '.repeat(11_112).slice(0, 100_000);
      const el = await mount({ adapter: new ScriptedAdapter([makeEvent(0, { title: long }), makeEvent(1)]) });
      const [row] = await rendered(el, 2);
      const title = row.querySelector<HTMLElement>('[part="title"]')!;
      expect(title.textContent!.length).to.be.below(400);
      expect(title.textContent!.endsWith('…')).to.equal(true);
      const style = getComputedStyle(title);
      expect(style.webkitLineClamp).to.equal('2');
      expect(title.getBoundingClientRect().height).to.be.below(parseFloat(style.lineHeight) * 2 + 2);
      expect(row.getBoundingClientRect().height).to.be.below(200);
      row.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await settle(el);
      const full = articles(el)[0].querySelector<HTMLElement>('.detail-title')!;
      expect(full.textContent!.length).to.be.within(19_900, 20_100);
      expect(full.textContent!.startsWith(long.slice(0, 19_900))).to.equal(true);
      full.querySelector<HTMLButtonElement>('button.show-all')!.click();
      await waitUntil(() => !full.querySelector('button.show-all'), 'the whole title shown', { timeout: 10_000 });
      expect(full.textContent === long, 'the whole title').to.equal(true);
      // The full text scrolls inside the detail: the row stays a sane height.
      expect(articles(el)[0].getBoundingClientRect().height).to.be.below(600);
      expect(full.scrollHeight).to.be.greaterThan(full.clientHeight);
    });

    it('renders 10,000 events of one page with a bounded DOM, to the last one', async () => {
      const el = await mount({ adapter: new ScriptedAdapter(makeEvents(10_000)), pageSize: 10_000 });
      await rendered(el, 5);
      expect(el.events).to.have.length(10_000);
      expect(articles(el).length).to.be.below(60);
      await scrollToEnd(el);
      await waitUntil(() => articles(el).some((row) => row.dataset.id === 'ev-9999'), 'the oldest event rendered', { timeout: 10_000 });
      expect(articles(el).length).to.be.below(60);
      expect(shadow(el).querySelector('.end')).to.exist;
    });

    it('renders dates in year 1 and year 9999, unknown types and missing authors', async () => {
      const el = await mount({
        adapter: new ScriptedAdapter([
          makeEvent(0, { id: 'far-future', occurredAt: '9999-12-31T23:59:59Z', type: 'quantum.entangled' }),
          makeEvent(1, { id: 'year-one', occurredAt: '0001-01-01T00:00:00Z', type: 'x', author: undefined }),
          makeEvent(2, { id: 'plain', type: 'email.sent', author: undefined }),
        ]),
      });
      const rows = await rendered(el, 3);
      expect(rows.map((r) => r.dataset.id)).to.deep.equal(['far-future', 'plain', 'year-one']);
      const text = shadow(el).textContent!;
      expect(text).not.to.match(/Invalid|NaN|undefined/);
      expect(rows[0].querySelector('time')!.textContent).to.contain('9999');
      expect(rows[2].querySelector('time')!.getAttribute('datetime')).to.equal('0001-01-01T00:00:00Z');
      expect(rows[2].querySelector('time')!.textContent).to.match(/\b1\b/);
      expect(rows[0].querySelector('[part="relative-time"]')!.textContent!.length).to.be.greaterThan(0);
      expect(rows[2].querySelector('[part="author"]')!.textContent).to.contain('System');
      expect(rows[0].dataset.category).to.equal('other');
      expect(rows[0].querySelector('[part~="icon"] svg')).to.exist;
      expect(shadow(el).querySelector('[part="day-header"]')!.textContent).to.equal('Upcoming');
    });

    it('renders emoji and right-to-left text in their own direction, and cuts long emoji text cleanly', async () => {
      const arabic = 'تم إرسال عرض السعر إلى العميل';
      const emoji = '👩‍👩‍👧🎉🚀'.repeat(120);
      const el = await mount({
        adapter: new ScriptedAdapter([
          makeEvent(0, { title: arabic, author: { name: 'דנה לוי' }, summary: 'שלום 👋 עולם' }),
          makeEvent(1, { title: `🎉 Deal won 👩‍👩‍👧 ${'🚀'.repeat(3)}` }),
          makeEvent(2, { title: emoji }),
        ]),
      });
      const rows = await rendered(el, 3);
      const title = (i: number) => rows[i].querySelector<HTMLElement>('[part="title"]')!;
      expect(title(0).textContent).to.equal(arabic);
      expect(getComputedStyle(title(0)).direction).to.equal('rtl');
      expect(getComputedStyle(title(1)).direction).to.equal('ltr');
      expect(rows[0].querySelector('[part="author"]')!.textContent).to.contain('דנה לוי');
      expect(getComputedStyle(rows[0].querySelector('[part="summary"]')!).direction).to.equal('rtl');
      expect(title(1).textContent).to.equal(`🎉 Deal won 👩‍👩‍👧 🚀🚀🚀`);
      const cut = title(2).textContent!;
      expect(cut.length).to.be.below(emoji.length);
      expect((cut as string & { isWellFormed(): boolean }).isWellFormed()).to.equal(true);
    });

    it('survives a page mixing all of it without a crash', async () => {
      const errors: string[] = [];
      const onError = (e: ErrorEvent) => errors.push(e.message);
      window.addEventListener('error', onError);
      try {
        const events: unknown[] = [
          makeEvent(0, { title: 'x'.repeat(100_000), summary: 'y'.repeat(100_000) }),
          makeEvent(1, { occurredAt: '0001-01-01T00:00:00+14:00', author: { name: '' } }),
          makeEvent(2, { type: '.', title: '' }),
          makeEvent(3, { detail: { amount: { value: Number.MAX_VALUE, currency: 'XXX' }, durationSeconds: 1e12, quantity: -0 } }),
          makeEvent(4, { detail: { changes: [{ field: '', from: null, to: true }], attachments: [{ name: '', size: -1 }] } }),
          makeEvent(5, { status: 'ok'.repeat(5000), occurredAt: new Date(NOW + 1).toISOString() }),
          { id: { toString: () => 'evil' }, type: 'x', occurredAt: 'x', title: 'x' },
        ];
        // The list is scrolled, not the page: the virtualizer renders only what the window can show.
        const el = await mount({ adapter: new ScriptedAdapter(events), height: 500 });
        await rendered(el, 6);
        el.expandAll();
        await settle(el);
        expect(el.events).to.have.length(6);
        await scrollToEnd(el);
        await waitUntil(() => articles(el).some((row) => row.dataset.id === 'ev-4'), 'the last event rendered, expanded');
        expect(articles(el).every((row) => row.querySelector('[part="detail"]'))).to.equal(true);
        expect(scroller(el).scrollWidth).to.be.at.most(scroller(el).clientWidth + 1);
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(errors.filter((m) => !/ResizeObserver loop/.test(m))).to.deep.equal([]);
    });
  });
});
