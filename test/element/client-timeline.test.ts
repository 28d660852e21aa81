import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TimelineErrorDetail } from '../../src/events.js';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { articles, feed, mount, rendered, scroller, scrollToEnd, setWindowSize, settle, shadow } from '../support/fixture.js';
import { makeEvent, makeEvents, NOW, ScriptedAdapter } from '../support/events.js';

describe('<client-timeline>', () => {
  it('is defined by importing the package entry, and defining twice is harmless', async () => {
    const { defineClientTimeline, ClientTimeline } = await import('../../src/index.js');
    expect(customElements.get('client-timeline')).to.equal(ClientTimeline);
    expect(() => defineClientTimeline()).not.to.throw();
  });

  it('renders each event with icon, title, exact and relative time, and author, newest first', async () => {
    const events = makeEvents(5).reverse(); // oldest first on the wire: the element orders them
    const el = await mount({ adapter: new ScriptedAdapter(events) });
    const rows = await rendered(el, 5);
    expect(rows.map((r) => r.dataset.id)).to.deep.equal(['ev-0', 'ev-1', 'ev-2', 'ev-3', 'ev-4']);
    const first = rows[0];
    expect(first.querySelector('[part~="icon"] svg')).to.exist;
    expect(first.dataset.category).to.equal('email');
    expect(first.querySelector('[part="title"]')!.textContent).to.equal('email.sent #0');
    const time = first.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(makeEvent(0).occurredAt);
    expect(time.textContent).to.match(/Nov 23, 2026/);
    expect(first.querySelector('[part="relative-time"]')!.textContent).to.equal('1 hour ago');
    expect(first.querySelector('[part="author"]')!.textContent).to.contain('Ana Rojas');
    // Unknown types still render, with the generic icon.
  });

  it('renders an unknown type with a generic icon', async () => {
    const el = await mount({ adapter: new ScriptedAdapter([makeEvent(0, { type: 'spaceship.launched', title: 'Launched' })]) });
    const [row] = await rendered(el, 1);
    expect(row.dataset.category).to.equal('other');
    expect(row.querySelector('[part~="icon"] svg')).to.exist;
  });

  it('exposes a WAI-ARIA feed of articles labelled by title and described by type, time and author', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(3)) });
    const rows = await rendered(el, 3);
    expect(feed(el)).to.exist;
    expect(feed(el)!.getAttribute('aria-busy')).to.equal('false');
    rows.forEach((row, i) => {
      expect(row.getAttribute('aria-posinset')).to.equal(String(i + 1));
      expect(row.getAttribute('aria-setsize')).to.equal('3');
      const label = shadow(el).getElementById(row.getAttribute('aria-labelledby')!);
      expect(label!.textContent).to.equal(`${makeEvent(i).type} #${i}`);
      const described = row.getAttribute('aria-describedby')!.split(' ').map((id) => shadow(el).getElementById(id)!);
      expect(described.map((d) => d.textContent).join(' ')).to.contain(['Email sent', 'Call logged', 'Proposal sent'][i]);
      expect(described.some((d) => d.querySelector('time'))).to.equal(true);
    });
  });

  it('expands and collapses an event in place, keeping the scroll position', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(60)) });
    await rendered(el, 5);
    const box = scroller(el);
    box.scrollTop = 300;
    await settle(el);
    const top = box.scrollTop;
    const row = articles(el).find((r) => r.getBoundingClientRect().top > box.getBoundingClientRect().top + 10)!;
    const id = row.dataset.id!;
    const rowTop = row.getBoundingClientRect().top;
    const heightBefore = row.getBoundingClientRect().height;
    const button = row.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const toggled = oneEvent(el, 'timeline-toggle');
    button.click();
    expect((await toggled).detail).to.deep.equal({ id, key: id, expanded: true });
    await settle(el);
    const expanded = articles(el).find((r) => r.dataset.id === id)!;
    expect(expanded.querySelector('button')!.getAttribute('aria-expanded')).to.equal('true');
    const detail = expanded.querySelector('[part="detail"]')!;
    expect(detail.textContent).to.contain(`Body of event ${id.slice(3)}`);
    expect(expanded.querySelector('button')!.getAttribute('aria-controls')).to.equal(detail.id);
    expect(expanded.getBoundingClientRect().height).to.be.greaterThan(heightBefore);
    expect(box.scrollTop).to.equal(top);
    expect(Math.abs(expanded.getBoundingClientRect().top - rowTop)).to.be.lessThan(1);
    // rows below moved down: the expanded row is remeasured
    const next = articles(el).find((r) => r.dataset.id === `ev-${Number(id.slice(3)) + 1}`)!;
    expect(next.getBoundingClientRect().top).to.be.closeTo(expanded.getBoundingClientRect().bottom, 2);
    expanded.querySelector('button')!.click();
    await settle(el);
    expect(articles(el).find((r) => r.dataset.id === id)!.querySelector('[part="detail"]')).to.equal(null);
  });

  it('pages to the end of the history as the user scrolls, then stops', async () => {
    const adapter = new ScriptedAdapter(makeEvents(120));
    const el = await mount({ adapter, pageSize: 50 });
    await rendered(el, 5);
    for (let i = 0; i < 20 && el.events.length < 120; i++) {
      await scrollToEnd(el);
      await waitUntil(() => adapter.queries.length > i || el.events.length === 120, 'next page requested', { timeout: 5000 });
      await settle(el);
    }
    await waitUntil(() => el.events.length === 120);
    await scrollToEnd(el);
    await settle(el);
    expect(adapter.queries.map((q) => q.cursor)).to.deep.equal([null, '50', '100']);
    expect(adapter.queries.every((q) => q.limit === 50 && q.clientId === 'c1')).to.equal(true);
    const last = articles(el).at(-1)!;
    expect(last.getAttribute('aria-posinset')).to.equal('120');
    expect(last.getAttribute('aria-setsize')).to.equal('120');
    expect(shadow(el).querySelector('.end')!.textContent).to.contain('Beginning of history');
    expect(adapter.queries.length).to.equal(3);
  });

  it('shows a loading row while the next page comes', async () => {
    const adapter = new ScriptedAdapter(makeEvents(80));
    const el = await mount({ adapter, pageSize: 40 });
    await rendered(el, 5);
    adapter.hold();
    await scrollToEnd(el);
    await waitUntil(() => adapter.queries.length === 2);
    await settle(el);
    expect(shadow(el).querySelector('.loader')).to.exist;
    expect(feed(el)!.getAttribute('aria-busy')).to.equal('true');
    adapter.release();
    await waitUntil(() => el.events.length === 80);
    await settle(el);
    expect(feed(el)!.getAttribute('aria-busy')).to.equal('false');
  });

  it('shows duplicate ids across pages once, the later version winning', async () => {
    const events = [...makeEvents(3), makeEvent(1, { title: 'Updated title' }), makeEvent(3)];
    const el = await mount({ adapter: new ScriptedAdapter(events), pageSize: 3 });
    await rendered(el, 3);
    await scrollToEnd(el);
    await waitUntil(() => el.events.length === 4);
    await settle(el);
    const ids = articles(el).map((r) => r.dataset.id);
    expect(ids).to.deep.equal(['ev-0', 'ev-1', 'ev-2', 'ev-3']);
    expect(articles(el)[1].querySelector('[part="title"]')!.textContent).to.equal('Updated title');
  });

  it('keeps the DOM bounded with 100,000 events loaded', async () => {
    const events = makeEvents(100_000);
    const el = await mount({ adapter: new ScriptedAdapter(events), pageSize: 100_000, height: 600 });
    await rendered(el, 5);
    // The first rows show while the rest of the page is validated.
    await waitUntil(() => el.events.length === 100_000, 'the whole page merged', { timeout: 20_000 });
    await settle(el);
    expect(el.events.length).to.equal(100_000);
    const rowCount = articles(el).length;
    const nodeCount = shadow(el).querySelectorAll('*').length;
    expect(rowCount).to.be.lessThan(60);
    expect(nodeCount).to.be.lessThan(2000);
    const box = scroller(el);
    box.scrollTop = box.scrollHeight / 2;
    await settle(el);
    await settle(el);
    const middle = articles(el).map((r) => Number(r.getAttribute('aria-posinset')));
    expect(Math.min(...middle)).to.be.greaterThan(1000);
    expect(articles(el).length).to.be.lessThan(60);
    expect(articles(el)[0].getAttribute('aria-setsize')).to.equal('100000');
  });

  describe('sweeping the scrollbar', () => {
    const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
    const placeholders = (el: ClientTimeline) => [...shadow(el).querySelectorAll<HTMLElement>('.row-ph')];
    const visible = (el: ClientTimeline, rows: HTMLElement[]) => {
      const view = scroller(el).getBoundingClientRect();
      return rows.filter((r) => {
        const box = r.getBoundingClientRect();
        return box.bottom > view.top && box.top < view.bottom;
      });
    };

    it('draws rows light while it moves more than a screen per frame, in full once it stops (on screen first), where it stopped', async () => {
      const events = makeEvents(5_000);
      const el = await mount({ adapter: new ScriptedAdapter(events), pageSize: 5_000, height: 600 });
      await rendered(el, 5);
      const box = scroller(el);
      const heightBefore = box.scrollHeight;
      let sweptFrames = 0;
      for (let i = 1; i <= 12; i++) {
        box.scrollTop = ((box.scrollHeight - box.clientHeight) * i) / 24;
        await frame();
        if (placeholders(el).length && !articles(el).length) sweptFrames++;
      }
      // The first move draws full rows (a single jump looks the same); the moves after it, placeholders only.
      expect(sweptFrames).to.be.at.least(9);
      const shown = placeholders(el);
      expect(shown.length).to.be.within(5, 60);
      for (const ph of shown) {
        expect(ph.getAttribute('aria-hidden')).to.equal('true');
        expect(ph.textContent).to.equal(events[Number(ph.dataset.placeholder)].title);
      }
      const firstShown = Math.min(...visible(el, shown).map((ph) => Number(ph.dataset.placeholder)));

      // Once it stops: first the rows on screen in full (those beyond the view still light), then all of them.
      let onScreenFirst = false;
      for (let i = 0; i < 60 && placeholders(el).length; i++) {
        await frame();
        const light = placeholders(el);
        if (light.length && !visible(el, light).length && visible(el, articles(el)).length >= 5) onScreenFirst = true;
      }
      expect(onScreenFirst, 'a frame with the rows on screen full and the rest light').to.equal(true);
      await settle(el);
      expect(placeholders(el)).to.have.length(0);
      const rows = visible(el, articles(el)).map((r) => Number(r.getAttribute('aria-posinset')) - 1);
      expect(rows, 'the event at the top of the sweep is still on screen').to.include(firstShown);
      // The layout did not learn the placeholders' smaller boxes as the events' sizes.
      expect(Math.abs(box.scrollHeight - heightBefore) / heightBefore).to.be.below(0.1);
      await scrollToEnd(el);
      await scrollToEnd(el);
      expect(Math.max(...articles(el).map((r) => Number(r.getAttribute('aria-posinset'))))).to.equal(5_000);
    });

    it('never takes the element\'s own jumps in quick succession for a sweep', async () => {
      const el = await mount({ adapter: new ScriptedAdapter(makeEvents(5_000)), pageSize: 5_000, height: 600 });
      await rendered(el, 5);
      let lightFrames = 0;
      let watching = true;
      const watch = () => {
        if (placeholders(el).length) lightFrames++;
        if (watching) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
      for (const i of [1_000, 3_000, 500, 4_500, 2_000]) expect(await el.jumpTo(NOW - (i + 1) * 3_600_000 + 1000)).to.equal(true);
      await settle(el);
      watching = false;
      expect(lightFrames).to.equal(0);
      expect(articles(el).some((a) => a.dataset.id === 'ev-2000')).to.equal(true);
    });

    it('draws the rows a single jump lands on in full at once', async () => {
      const el = await mount({ adapter: new ScriptedAdapter(makeEvents(5_000)), pageSize: 5_000, height: 600 });
      await rendered(el, 5);
      const box = scroller(el);
      for (const fraction of [0.2, 0.5, 0.8]) {
        // Each jump starts from a list at rest: the virtualizer's own scroll correction after the previous jump (its
        // estimated sizes replaced by measured ones) must not be the second of two long moves.
        await settle(el);
        box.scrollTop = (box.scrollHeight - box.clientHeight) * fraction;
        for (let i = 0; i < 10; i++) {
          await frame();
          expect(placeholders(el), `frame ${i} after the jump to ${fraction}`).to.have.length(0);
        }
        expect(articles(el).length).to.be.at.least(5);
      }
    });
  });

  describe('a history longer than the window of rows given to the virtualizer', () => {
    const HOUR = 3_600_000;
    const firstOnScreen = (el: ClientTimeline) => {
      const top = scroller(el).getBoundingClientRect().top;
      const row = articles(el).find((a) => a.getBoundingClientRect().bottom > top + 1)!;
      return { id: row.dataset.id, offset: row.getBoundingClientRect().top - top, position: Number(row.getAttribute('aria-posinset')) };
    };
    /** Rows the list's height stands for, by the mean height of the rendered rows. */
    const rowsTall = (el: ClientTimeline, px: number) => px / (articles(el).reduce((sum, a) => sum + a.getBoundingClientRect().height, 0) / articles(el).length);
    const longHistory = async () => {
      const el = await mount({ adapter: new ScriptedAdapter(makeEvents(3_000)), pageSize: 3_000, height: 600 });
      setWindowSize(el, 1_000);
      await rendered(el, 5);
      return el;
    };

    it('reaches the end by scrolling, the window moving along, positions counted over the whole history', async () => {
      const el = await longHistory();
      const w = (el as unknown as { rowWindow: { start: number; entries: unknown[] } }).rowWindow;
      // The scrollbar spans the whole history: the rows after the window stand in the list as a spacer.
      expect(rowsTall(el, scroller(el).scrollHeight)).to.be.above(2_400);
      for (let i = 0; i < 40 && !shadow(el).querySelector('.end'); i++) await scrollToEnd(el);
      expect(shadow(el).querySelector('.end'), 'the end of the history').to.exist;
      const positions = articles(el).map((a) => Number(a.getAttribute('aria-posinset')));
      expect(Math.max(...positions)).to.equal(3_000);
      expect(articles(el).at(-1)!.dataset.id).to.equal('ev-2999');
      expect(w.start, 'the window moved to the end').to.equal(2_000);
      expect(w.entries.length, 'the window, its spacer before and the end').to.equal(1_002);
      expect(articles(el).length).to.be.lessThan(60);
    });

    it('keeps the row being read in place when the window moves', async () => {
      const el = await longHistory();
      const box = scroller(el);
      // Read down to the window's lower edge, one screen at a time.
      let before = firstOnScreen(el);
      for (let i = 0; i < 400 && before.position < 850; i++) {
        box.scrollTop += box.clientHeight * 0.8;
        await settle(el);
        before = firstOnScreen(el);
      }
      await settle(el);
      await settle(el);
      const after = firstOnScreen(el);
      expect(after.id).to.equal(before.id);
      expect(Math.abs(after.offset - before.offset)).to.be.below(2);
      // The window moved on, the row being read with it.
      expect((el as unknown as { rowWindow: { start: number } }).rowWindow.start).to.be.above(0);
    });

    it('moves focus with Page Down across the window\'s edge', async () => {
      const el = await longHistory();
      expect(await el.jumpTo(NOW - 996 * HOUR + 1000)).to.equal(true);
      await settle(el);
      const focused = () => shadow(el).activeElement?.closest('article');
      expect(focused()?.dataset.id).to.equal('ev-995');
      for (let i = 0; i < 10; i++) {
        await sendKeys({ press: 'PageDown' });
        await settle(el);
      }
      expect(focused()?.dataset.id).to.equal('ev-1005');
      expect(focused()?.getAttribute('aria-posinset')).to.equal('1006');
    });

    it('jumps to a date outside the window, and back to the newest event', async () => {
      const el = await longHistory();
      for (let i = 0; i < 40 && !shadow(el).querySelector('.end'); i++) await scrollToEnd(el);
      expect(await el.jumpTo(NOW - 1_500 * HOUR + 1000)).to.equal(true);
      await settle(el);
      expect(firstOnScreen(el).id).to.equal('ev-1499');
      expect(await el.jumpTo(NOW - 2_500 * HOUR + 1000)).to.equal(true);
      await settle(el);
      let first = firstOnScreen(el);
      expect(first.id).to.equal('ev-2499');
      expect(first.position).to.equal(2_500);
      expect(Math.abs(first.offset)).to.be.below(2);
      expect(await el.jumpTo(NOW)).to.equal(true);
      await settle(el);
      first = firstOnScreen(el);
      expect(first.id).to.equal('ev-0');
    });
  });

  it('skips invalid events, renders the valid ones and reports them once', async () => {
    const events: unknown[] = [
      makeEvent(0),
      { id: 'bad-date', type: 'note.added', occurredAt: 'yesterday', title: 'Bad date' },
      makeEvent(1),
      { type: 'note.added', occurredAt: makeEvent(2).occurredAt, title: 'No id' },
      'not an event',
      makeEvent(2),
    ];
    const errors: TimelineErrorDetail[] = [];
    const adapter = new ScriptedAdapter(events);
    const el = await mount({ adapter: undefined });
    el.addEventListener('timeline-error', (e) => errors.push(e.detail));
    el.adapter = adapter;
    await rendered(el, 3);
    expect(articles(el).map((r) => r.dataset.id)).to.deep.equal(['ev-0', 'ev-1', 'ev-2']);
    expect(errors).to.have.length(1);
    const [error] = errors;
    expect(error.kind).to.equal('invalid-events');
    if (error.kind !== 'invalid-events') return;
    expect(error.invalid.map((i) => i.index)).to.deep.equal([1, 3, 4]);
    expect(error.invalid[0].id).to.equal('bad-date');
    expect(error.invalid[0].problems.join()).to.contain('occurredAt');
    expect(error.invalid[1].problems.join()).to.contain('id');
    expect(error.message).to.contain('3 invalid events');
  });

  it('shows an error with Retry when the first page fails, and recovers', async () => {
    const adapter = new ScriptedAdapter(makeEvents(10));
    adapter.failNext = 1;
    const errors: TimelineErrorDetail[] = [];
    const el = await mount({ adapter: undefined });
    el.addEventListener('timeline-error', (e) => errors.push(e.detail));
    el.adapter = adapter;
    await waitUntil(() => shadow(el).querySelector('[part="error-state"]'));
    const state = shadow(el).querySelector('[part="error-state"]')!;
    expect(state.textContent).to.contain('Backend unavailable');
    expect(errors.map((e) => e.kind)).to.deep.equal(['fetch']);
    state.querySelector<HTMLButtonElement>('button')!.click();
    await rendered(el, 5);
    expect(el.events.length).to.equal(10);
    expect(shadow(el).querySelector('[part="error-state"]')).to.equal(null);
  });

  it('keeps what is shown when a later page fails, and offers Retry', async () => {
    const adapter = new ScriptedAdapter(makeEvents(60));
    adapter.failOn = (q) => q.cursor === '30';
    const el = await mount({ adapter: undefined, pageSize: 30 });
    const failed = oneEvent(el, 'timeline-error');
    el.adapter = adapter;
    await rendered(el, 5);
    await scrollToEnd(el);
    expect((await failed).detail.kind).to.equal('fetch');
    await settle(el);
    expect(el.events.length).to.equal(30);
    expect(articles(el).length).to.be.greaterThan(0);
    const bar = shadow(el).querySelector('[part="status-bar"]')!;
    expect(bar.textContent).to.contain("Couldn't load older activity.");
    bar.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => el.events.length === 60);
    await settle(el);
    expect(shadow(el).querySelector('[part="status-bar"]')).to.equal(null);
  });

  it('aborts the old request on a client switch and never mixes clients', async () => {
    const adapter = new ScriptedAdapter((client) => makeEvents(5).map((e) => ({ ...e, id: `${client}-${e.id}`, title: `${client}: ${e.title}` })));
    adapter.hold();
    const el = await mount({ adapter, clientId: 'alice' });
    await waitUntil(() => adapter.queries.length === 1);
    el.clientId = 'bob';
    await waitUntil(() => adapter.queries.length === 2);
    expect(adapter.queries[0].signal.aborted).to.equal(true);
    expect(adapter.queries[1].clientId).to.equal('bob');
    adapter.release();
    const rows = await rendered(el, 5);
    expect(rows.every((r) => r.dataset.id!.startsWith('bob-'))).to.equal(true);
    expect(el.events.every((e) => e.id.startsWith('bob-'))).to.equal(true);
  });

  it('drops a late answer of a client it switched away from, even from an adapter that ignores the signal', async () => {
    let releaseAlice!: () => void;
    const adapter = {
      async fetchPage(q: { clientId: string }) {
        if (q.clientId === 'alice') await new Promise<void>((r) => (releaseAlice = r));
        return { events: [makeEvent(0, { id: `${q.clientId}-1`, title: q.clientId })], nextCursor: null };
      },
    };
    const el = await mount({ adapter, clientId: 'alice' });
    el.clientId = 'bob';
    await rendered(el, 1);
    releaseAlice();
    await new Promise((r) => setTimeout(r, 50));
    await settle(el);
    expect(articles(el).map((r) => r.dataset.id)).to.deep.equal(['bob-1']);
  });

  it('says why the timeline is empty', async () => {
    const el = await mount({ adapter: new ScriptedAdapter([]) });
    await waitUntil(() => shadow(el).querySelector('[part="empty-state"]'));
    expect(shadow(el).querySelector('[part="empty-state"]')!.textContent).to.contain('No activity yet for this client');
  });

  it('shows skeleton rows while the first page loads', async () => {
    const adapter = new ScriptedAdapter(makeEvents(5));
    adapter.hold();
    const el = await mount({ adapter });
    await waitUntil(() => adapter.queries.length === 1);
    expect(shadow(el).querySelectorAll('.skeleton-row').length).to.be.greaterThan(2);
    expect(feed(el)!.getAttribute('aria-busy')).to.equal('true');
    adapter.release();
    await rendered(el, 5);
    expect(shadow(el).querySelector('.skeleton-row')).to.equal(null);
  });

  it('renders hostile titles, authors and bodies as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await mount({
      adapter: new ScriptedAdapter([
        makeEvent(0, {
          title: hostile,
          author: { name: '<script>window.__pwned=2</script>' },
          summary: hostile,
          detail: { body: hostile },
        }),
        makeEvent(1, { detail: { body: `<p>Hello</p><img src=x onerror="window.__pwned=3"><script>window.__pwned=4</script><a href="javascript:window.__pwned=5">x</a>`, bodyFormat: 'html' } }),
      ]),
    });
    const [row, htmlRow] = await rendered(el, 2);
    expect(row.querySelector('[part="title"]')!.textContent).to.equal(hostile);
    expect(row.querySelector('img')).to.equal(null);
    row.querySelector('button')!.click();
    htmlRow.querySelector('button')!.click();
    await settle(el);
    // The sanitizer loads on first use: until then the body shows as text only.
    await waitUntil(() => articles(el)[1]?.querySelector('.body-html'), 'sanitized HTML body rendered', { timeout: 5000 });
    await settle(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(shadow(el).querySelector('script')).to.equal(null);
    expect(shadow(el).querySelector('[onerror]')).to.equal(null);
    expect(shadow(el).querySelector('a[href^="javascript"]')).to.equal(null);
    expect(articles(el)[1].querySelector('.body-html p')!.textContent).to.equal('Hello');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('refreshes relative times as the clock moves', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(1)) });
    const [row] = await rendered(el, 1);
    expect(row.querySelector('[part="relative-time"]')!.textContent).to.equal('1 hour ago');
    el.now = Date.parse('2026-12-03T11:00:00Z');
    await settle(el);
    expect(articles(el)[0].querySelector('[part="relative-time"]')!.textContent).to.equal('10 days ago');
  });

  it('formats dates in the element locale', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(1)), locale: 'es-ES' });
    const [row] = await rendered(el, 1);
    expect(row.querySelector('time')!.textContent).to.match(/nov 2026/);
    expect(row.querySelector('[part="relative-time"]')!.textContent).to.equal('hace 1 hora');
  });

  it('is a fixed-height scroll box: the page never scrolls', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(200)), height: 300 });
    await rendered(el, 5);
    expect(el.getBoundingClientRect().height).to.equal(300);
    expect(scroller(el).scrollHeight).to.be.greaterThan(300);
    expect(document.scrollingElement!.scrollHeight).to.be.lessThan(window.innerHeight + 5);
  });
});
