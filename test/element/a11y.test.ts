import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { articles, feed, mount, rendered, scroller, settle, shadow, virtualizerOf } from '../support/fixture.js';
import { makeEvents, NOW, ScriptedAdapter } from '../support/events.js';
import { showcaseEvents } from '../support/showcase.js';
import { expectNoViolations } from '../support/axe.js';

const active = (el: ClientTimeline) => shadow(el).activeElement as HTMLElement | null;
const activeArticle = (el: ClientTimeline) => active(el)?.closest<HTMLElement>('article');
const press = (key: string) => sendKeys({ press: key });
const liveRegion = (el: ClientTimeline) => shadow(el).querySelector('[role="status"][aria-live="polite"]')!;

describe('accessibility: axe-core in every state', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('loading', async () => {
    const adapter = new ScriptedAdapter(showcaseEvents());
    adapter.hold();
    const el = await mount({ adapter });
    await waitUntil(() => shadow(el).querySelector('[part~="skeleton"]'), 'skeleton');
    expect(feed(el)!.getAttribute('aria-busy')).to.equal('true');
    await expectNoViolations(el, 'loading');
    adapter.release();
  });

  it('empty', async () => {
    const el = await mount({ adapter: new ScriptedAdapter([]) });
    await waitUntil(() => shadow(el).querySelector('[part="empty-state"]'), 'empty state');
    await expectNoViolations(el, 'empty');
  });

  it('error', async () => {
    const adapter = new ScriptedAdapter(showcaseEvents());
    adapter.failNext = 1;
    const el = await mount({ adapter });
    await waitUntil(() => shadow(el).querySelector('[part="error-state"]'), 'error state');
    await expectNoViolations(el, 'error');
  });

  it('list, light and dark', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(showcaseEvents()), height: 900 });
    await rendered(el, 8);
    await expectNoViolations(el, 'list');
    el.theme = 'dark';
    await settle(el);
    await expectNoViolations(el, 'list (dark)');
  });

  it('expanded', async () => {
    // Four different details, each checked while it is in view.
    const el = await mount({ adapter: new ScriptedAdapter(showcaseEvents()), height: 900 });
    await rendered(el, 8);
    for (const index of [0, 6, 8, 10]) {
      virtualizerOf(el)?.element(index)?.scrollIntoView({ block: 'start' });
      await settle(el);
      const row = articles(el).find((a) => a.getAttribute('aria-posinset') === String(index + 1))!;
      row.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await settle(el);
      expect(row.querySelector('[part="detail"]'), `detail of row ${index + 1}`).to.exist;
      await expectNoViolations(el, `expanded row ${index + 1}`);
    }
  });

  it('filtered, with results and with none', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(showcaseEvents()), height: 900 });
    await rendered(el, 8);
    el.setAttribute('types', 'call,deal');
    await waitUntil(() => articles(el).length === 2, 'filtered rows');
    await settle(el);
    await expectNoViolations(el, 'filtered');
    el.setAttribute('q', 'no event says this');
    await waitUntil(() => articles(el).length === 0, 'no rows');
    await settle(el);
    await expectNoViolations(el, 'filtered, no matches');
  });

  it('each panel open, wide and narrow', async () => {
    for (const width of [1000, 320]) {
      await setViewport({ width, height: 700 });
      const el = await mount({ adapter: new ScriptedAdapter(showcaseEvents()), height: 600 });
      el.style.width = '100%';
      await rendered(el, 3);
      const parts = width < 500 ? ['people', 'actions', 'categories-button'] : ['people', 'actions'];
      for (const name of parts) {
        shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`)!.click();
        await settle(el);
        expect(!!shadow(el).querySelector(':popover-open'), `${name} open`).to.equal(true);
        await expectNoViolations(el, `${name} open at ${width} px`);
        (shadow(el).querySelector(':popover-open') as HTMLElement).hidePopover();
      }
      el.remove();
    }
    await setViewport({ width: 800, height: 600 });
  });

  it('the status summary and the to-do section open, light and dark', async () => {
    const task = { id: 'open-task', type: 'task.created', occurredAt: new Date(NOW - 3_600_000).toISOString(), title: 'Task: call back', detail: { dueAt: new Date(NOW - 60_000).toISOString() } };
    const el = await mount({ adapter: new ScriptedAdapter([task, ...showcaseEvents()]), height: 900 });
    await rendered(el, 3);
    await waitUntil(() => shadow(el).querySelector('[part~="status-summary"]') && shadow(el).querySelector('[part~="todo"]'), 'status summary and to do');
    shadow(el).querySelector<HTMLElement>('[part~="todo"] summary')!.click();
    shadow(el).querySelector<HTMLElement>('[part~="status-summary"] summary')!.click();
    await settle(el);
    expect(shadow(el).querySelector<HTMLDetailsElement>('[part~="status-summary"]')!.open).to.equal(true);
    await expectNoViolations(el, 'status summary');
    el.theme = 'dark';
    await settle(el);
    await expectNoViolations(el, 'status summary (dark)');
  });

  it('an older page failing under a loaded list', async () => {
    const adapter = new ScriptedAdapter(makeEvents(30));
    adapter.failOn = (q) => q.cursor !== null;
    const el = await mount({ adapter, pageSize: 10 });
    await waitUntil(() => shadow(el).querySelector('[part="status-bar"]'), 'status bar');
    await expectNoViolations(el, 'older page failed');
  });
});

describe('accessibility: keyboard and focus', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('walks the whole widget with the keyboard: Tab through the filters to the events, Enter/Space expand, Page Down/Up between articles', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    try {
      const el = await mount({ adapter: new ScriptedAdapter(makeEvents(30)) });
      await rendered(el, 3);
      before.focus();
      const reached: string[] = [];
      for (let i = 0; i < 40; i++) {
        await press('Tab');
        const current = active(el);
        expect(current, `Tab ${i + 1} stays in the element`).to.exist;
        expect(current!.matches(':focus-visible'), `${current!.outerHTML.slice(0, 60)} shows focus`).to.equal(true);
        reached.push(current!.getAttribute('part') ?? current!.localName);
        if (current!.closest('article')) break;
      }
      expect(reached[0], 'the search comes first').to.equal('search');
      expect(reached).to.include('date-range');
      expect(reached.some((p) => p.includes('people') || p === 'summary')).to.equal(true);
      expect(reached).to.include('input'); // the category checkboxes
      expect(reached[reached.length - 1]).to.equal('toggle');
      const toggle = active(el)!;
      expect(activeArticle(el)!.getAttribute('aria-posinset')).to.equal('1');

      await press('Enter');
      await settle(el);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(articles(el)[0].querySelector('[part="detail"]')).to.exist;
      await press('Space');
      await settle(el);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');

      for (const want of [2, 3, 4, 5]) {
        await press('PageDown');
        await settle(el);
        expect(activeArticle(el)?.getAttribute('aria-posinset')).to.equal(String(want));
        expect(active(el)!.localName).to.equal('article');
        expect(active(el)!.matches(':focus-visible')).to.equal(true);
      }
      await press('PageUp');
      await settle(el);
      expect(activeArticle(el)?.getAttribute('aria-posinset')).to.equal('4');
      // Tab from an article reaches its toggle; the feed keeps its place.
      await press('Tab');
      expect(active(el)!.getAttribute('part')).to.equal('toggle');
      expect(activeArticle(el)?.getAttribute('aria-posinset')).to.equal('4');
      // Ctrl+Home leaves the feed for what is before it (the filter bar).
      await sendKeys({ down: 'Control' });
      await press('Home');
      await sendKeys({ up: 'Control' });
      expect(active(el)!.closest('[part~="filter-bar"]'), 'Ctrl+Home goes to the filter bar').to.exist;
    } finally {
      before.remove();
    }
  });

  it('Page Down walks past the rendered window and into the next page, the virtualizer scrolling each article into view', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(45)), pageSize: 20, height: 300 });
    await rendered(el, 3);
    articles(el)[0].focus();
    for (let i = 2; i <= 26; i++) {
      await press('PageDown');
      await waitUntil(() => activeArticle(el)?.getAttribute('aria-posinset') === String(i), `article ${i} focused`, { timeout: 5000 });
      const box = scroller(el).getBoundingClientRect();
      const rect = activeArticle(el)!.getBoundingClientRect();
      expect(rect.top, `article ${i} in view`).to.be.at.least(box.top - 1);
      expect(rect.bottom, `article ${i} in view`).to.be.at.most(box.bottom + 1);
    }
    expect(el.events.length).to.be.at.least(40);
    expect(activeArticle(el)!.getAttribute('aria-setsize')).to.equal(el.events.length === 45 ? '45' : '-1');
    for (let i = 25; i >= 20; i--) {
      await press('PageUp');
      await waitUntil(() => activeArticle(el)?.getAttribute('aria-posinset') === String(i), `article ${i} focused`, { timeout: 5000 });
    }
  });

  it('keeps focus when the focused row is recycled by scrolling, and returns it to the row', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(45)), pageSize: 50, height: 300 });
    await rendered(el, 3);
    const first = articles(el)[1];
    first.focus();
    expect(activeArticle(el)).to.equal(first);
    const box = scroller(el);
    box.scrollTop = box.scrollHeight;
    await settle(el);
    await waitUntil(() => !first.isConnected, 'row 2 recycled');
    await waitUntil(() => active(el) === box, 'focus parked on the list');
    expect(document.activeElement).to.equal(el);
    // The next Page Down continues from the event that had focus.
    await press('PageDown');
    await waitUntil(() => activeArticle(el)?.getAttribute('aria-posinset') === '3', 'article 3 focused');
    // The list settles first: a scroll within two frames of the virtualizer's own scroll correction (rows measured
    // after the jump) is taken for that correction and undone.
    await settle(el);
    // Scrolled away and back: focus returns to the row itself.
    box.scrollTop = box.scrollHeight;
    await settle(el);
    await waitUntil(() => active(el) === box, 'parked again');
    box.scrollTop = 0;
    await settle(el);
    await waitUntil(() => activeArticle(el)?.getAttribute('aria-posinset') === '3', 'focus back on article 3');
  });

  it('keeps focus on its event when a page loads and when filters change; moves it to the row in its place when the event is filtered out', async () => {
    const adapter = new ScriptedAdapter(makeEvents(30));
    const el = await mount({ adapter, pageSize: 10, height: 600 });
    await rendered(el, 5);
    await waitUntil(() => el.events.length === 30, 'all pages');
    await settle(el);
    const row = articles(el).find((a) => a.dataset.id === 'ev-3')!; // task.completed
    row.focus();
    el.setAttribute('types', 'task,email');
    await waitUntil(() => articles(el).every((a) => ['task', 'email'].includes(a.dataset.category!)), 'filtered');
    await settle(el);
    expect(activeArticle(el)?.dataset.id).to.equal('ev-3');
    expect(liveRegion(el).textContent).to.match(/\d+ matching events/);
    // Filtered out: the row now at its place gets focus, not the page.
    el.setAttribute('types', 'email');
    await waitUntil(() => articles(el).every((a) => a.dataset.category === 'email'), 'filtered again');
    await settle(el);
    await waitUntil(() => activeArticle(el) !== null && activeArticle(el) !== undefined, 'focus on a row');
    expect(activeArticle(el)!.dataset.category).to.equal('email');
    expect(document.activeElement).to.equal(el);
  });

  it('keeps focus on the focused row while the next page loads', async () => {
    const adapter = new ScriptedAdapter(makeEvents(40));
    adapter.hold();
    const el = await mount({ adapter, pageSize: 10, height: 600 });
    await waitUntil(() => adapter.queries.length === 1, 'first request');
    adapter.release();
    adapter.hold(); // the next pages wait
    await rendered(el, 5);
    await waitUntil(() => adapter.queries.length === 2, 'second request in flight');
    expect(el.events.length).to.equal(10);
    const row = articles(el)[2];
    row.focus();
    adapter.release();
    await waitUntil(() => el.events.length === 40, 'all loaded', { timeout: 10_000 });
    await settle(el);
    expect(activeArticle(el)).to.equal(row);
  });

  it('announces results after filtering, and "no matches"', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(21)) });
    await rendered(el, 3);
    el.setAttribute('types', 'call');
    await waitUntil(() => /matching events/.test(liveRegion(el).textContent ?? ''), 'count announced');
    const calls = el.events.filter((e) => e.type.startsWith('call.')).length;
    expect(liveRegion(el).textContent).to.equal(`${calls} matching events`);
    el.setAttribute('q', 'nothing matches this');
    await waitUntil(() => liveRegion(el).textContent === 'No events match these filters', 'no matches announced');
  });

  it('reflows at 320 px (= 1280 px at 400 %) and 640 px (200 %) without horizontal scrolling', async () => {
    for (const width of [320, 640]) {
      await setViewport({ width, height: 640 });
      const el = await mount({ adapter: new ScriptedAdapter(showcaseEvents()) });
      el.style.width = '100%';
      await rendered(el, 3);
      articles(el)[0].querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await settle(el);
      expect(document.documentElement.scrollWidth, `page at ${width}px`).to.be.at.most(width);
      for (const box of [el, scroller(el), shadow(el).querySelector<HTMLElement>('[part~="filter-bar"]')!]) {
        if (!box) continue;
        expect(box.scrollWidth, `${box.localName}.${box.className} at ${width}px`).to.be.at.most(box.clientWidth + 1);
      }
      const right = el.getBoundingClientRect().right;
      for (const part of shadow(el).querySelectorAll<HTMLElement>('article, [part~="detail"], [part~="title"], [part~="time"]')) {
        expect(part.getBoundingClientRect().right, `${part.getAttribute('part')} fits at ${width}px`).to.be.at.most(right + 0.5);
      }
      el.remove();
    }
  });
});
