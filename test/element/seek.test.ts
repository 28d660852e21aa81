import { expect, waitUntil } from '@open-wc/testing';
import type { ClientTimeline } from '../../src/client-timeline.js';
import type { TimelineErrorDetail } from '../../src/events.js';
import { ScriptedAdapter, makeEvents } from '../support/events.js';
import { articles, mount, rendered, scroller, settle, shadow } from '../support/fixture.js';
import { SeekingAdapter } from '../support/seeking.js';

const gapRows = (el: ClientTimeline) => [...shadow(el).querySelectorAll<HTMLElement>('article.gap')];
const indexOfKey = (key: string) => Number(key.replace('ev-', ''));

/** The first event row whose top is in view, and its top relative to the list's. */
function reading(el: ClientTimeline): { key: string; top: number } | null {
  const box = scroller(el).getBoundingClientRect();
  const rows = articles(el).filter((a) => !a.classList.contains('gap'));
  for (const row of rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)) {
    const top = row.getBoundingClientRect().top - box.top;
    if (top >= 0) return { key: row.dataset.key!, top };
  }
  return null;
}

/** Until no page is in flight and the list is not being moved by the element itself. */
/** Scrolls up half a screen at a time until a scroll makes the element ask for a page (a gap in view); whether it did. */
async function scrollUpUntilAsked(el: ClientTimeline, adapter: SeekingAdapter): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    const asked = adapter.queries.length;
    scroller(el).scrollTop -= 500;
    await settle(el);
    if (adapter.queries.length > asked) return true;
  }
  return false;
}

async function quiet(el: ClientTimeline): Promise<void> {
  const inside = el as unknown as { pager: { status: string }; navigation: { moving: boolean } };
  await waitUntil(() => inside.pager.status !== 'loading' && !inside.navigation.moving, 'the list at rest', { timeout: 5_000 });
  await settle(el);
}

const gapsOf = (el: ClientTimeline) => (el as unknown as { pager: { gaps: { below: { id: string } }[] } }).pager.gaps;

function errorsOf(el: ClientTimeline): TimelineErrorDetail[] {
  const seen: TimelineErrorDetail[] = [];
  el.addEventListener('timeline-error', (e) => seen.push((e as CustomEvent<TimelineErrorDetail>).detail));
  return seen;
}

describe('seeking by date', () => {
  it('jumps years back with one request and leaves a gap row between what was loaded and the date', async () => {
    const adapter = new SeekingAdapter(100_000);
    const el = await mount({ adapter, pageSize: 50 });
    await rendered(el);
    expect(adapter.queries.length).to.equal(1);
    const target = adapter.timeOf(40_000) + 60_000;
    adapter.holdFrom = 2;
    expect(await el.jumpTo(target)).to.equal(true);
    await settle(el);
    // The first page, then the page at the date: nothing in between.
    expect(adapter.queries[1].before).to.equal(new Date(target).toISOString());
    expect(adapter.queries[1].cursor).to.equal(null);
    const focused = shadow(el).activeElement as HTMLElement | null;
    expect(focused?.dataset.key).to.equal('ev-40000');
    // The whole history's length, and the row's place in it.
    expect(focused?.getAttribute('aria-setsize')).to.equal('100000');
    expect(focused?.getAttribute('aria-posinset')).to.equal('40001');
    expect(gapRows(el).length).to.equal(1);
    // The gap just above the row jumped to is in the rendered range: its page is prefetched from below (at most one).
    expect(adapter.queries.length <= 3).to.equal(true);
    // By position: the page that ends right above the row jumped to.
    expect(adapter.queries.slice(2).every((q) => q.at === 40_000 - 50)).to.equal(true, JSON.stringify(adapter.queries.slice(2)));
    expect(gapRows(el)[0].getAttribute('aria-label')).to.match(/^Loading 39,950 events from Nov 21, 2026 back to /);
    adapter.release();
  });

  it('fills the gap from above when it is scrolled into from the rows above it', async () => {
    const adapter = new SeekingAdapter(10_000);
    const el = await mount({ adapter, pageSize: 50, height: 600 });
    await rendered(el);
    await el.jumpTo(adapter.timeOf(5_000));
    await quiet(el);
    // Back to the top, then down a screen at a time to the gap row, which sits under the first 50 rows.
    scroller(el).scrollTop = 0;
    await settle(el);
    const before = adapter.queries.length;
    const filled = () => adapter.queries.slice(before).some((q) => q.cursor === '50' && q.before === undefined);
    for (let i = 0; i < 10 && !filled(); i++) {
      scroller(el).scrollTop += 1_000;
      await settle(el);
    }
    expect(filled()).to.equal(true, 'the page after row 49 asked for');
    expect(adapter.queries.slice(before).every((q) => !q.before)).to.equal(true, 'nothing sought from below on the way down');
    await waitUntil(() => el.events.some((e) => e.id === 'ev-99'), 'the gap filled from above', { timeout: 5_000 });
    // Rows 50… now follow row 49 with no gap in between.
    expect(el.events.slice(0, 100).map((e) => e.id)).to.deep.equal(makeEvents(100).map((e) => e.id));
  });

  it('fills the gap from below when scrolled up into it, keeping the row being read in place', async () => {
    const adapter = new SeekingAdapter(10_000);
    const el = await mount({ adapter, pageSize: 50, height: 600 });
    await rendered(el);
    await el.jumpTo(adapter.timeOf(5_000));
    await quiet(el);
    // Up, a screen at a time, until the gap asks for a page; that answer waits until the reading position is taken.
    adapter.hold = true;
    expect(await scrollUpUntilAsked(el, adapter)).to.equal(true, 'a page asked for the gap');
    const fill = adapter.queries[adapter.queries.length - 1];
    // The source gave positions: the page that ends right above the rows below it.
    expect(typeof fill.at).to.equal('number', 'the gap is filled by the page just above the rows below it');
    const before = reading(el)!;
    const loaded = el.events.length;
    adapter.hold = false;
    adapter.release();
    await waitUntil(() => el.events.length > loaded, 'the page merged', { timeout: 5_000 });
    await settle(el);
    await settle(el);
    const after = reading(el)!;
    // The rows arrived above the view: what was read stays where it was.
    expect(after.key).to.equal(before.key);
    expect(Math.abs(after.top - before.top) <= 2).to.equal(true, `moved from ${before.top} to ${after.top}`);
    // The events right above the one read are loaded, with nothing missing in between.
    const ids = el.events.map((e) => indexOfKey(e.id));
    const at = ids.indexOf(indexOfKey(before.key));
    expect(ids.slice(at - 10, at + 1)).to.deep.equal(Array.from({ length: 11 }, (_, k) => indexOfKey(before.key) - 10 + k));
  });

  it('clamps figures from a source that lies about where its pages sit, reports them once and keeps every event', async () => {
    const adapter = new SeekingAdapter(2_000);
    adapter.lie = (page, query) => {
      if (!query.cursor && !query.before) page.total = 10; // fewer than the first page holds
      if (query.before) page.position = 3; // a page years back said to follow the third event
    };
    const el = await mount({ adapter, pageSize: 50 });
    const errors = errorsOf(el);
    await rendered(el);
    await waitUntil(() => errors.some((e) => e.kind === 'position'), 'the wrong total reported');
    expect(articles(el)[0].getAttribute('aria-setsize')).to.equal('50');
    await el.jumpTo(adapter.timeOf(1_500));
    await settle(el);
    const position = errors.filter((e) => e.kind === 'position');
    // Once per page that lied: the first page's total, and each page sought said "position 3".
    expect(position.length).to.equal(1 + adapter.queries.filter((q) => q.before).length);
    expect(position.every((e) => /position figures are wrong/.test(e.message))).to.equal(true);
    // Every event the pages held is there, newest first, once; the sought page is still apart from the first one.
    const ids = el.events.map((e) => indexOfKey(e.id));
    expect(ids.slice(0, 50)).to.deep.equal(Array.from({ length: 50 }, (_, k) => k));
    expect(ids.includes(1_500)).to.equal(true);
    expect(new Set(ids).size).to.equal(ids.length);
    expect([...ids].sort((a, b) => a - b)).to.deep.equal(ids);
    expect(gapsOf(el).length).to.equal(1);
  });

  it('drops a sought page that answers after the client changed', async () => {
    const adapter = new SeekingAdapter(5_000);
    const el = await mount({ adapter, pageSize: 50 });
    await rendered(el);
    adapter.hold = true;
    const jump = el.jumpTo(adapter.timeOf(3_000));
    await waitUntil(() => adapter.queries.some((q) => q.before), 'the seek is asked');
    el.clientId = 'c2';
    await el.updateComplete;
    adapter.hold = false;
    adapter.release();
    expect(await jump).to.equal(false);
    await rendered(el);
    await settle(el);
    // Only the new client's pages from its newest: nothing of the page sought for the old one.
    expect(el.events.every((e) => indexOfKey(e.id) < 200)).to.equal(true);
    expect(gapRows(el).length).to.equal(0);
    expect(adapter.queries.filter((q) => q.clientId === 'c2' && q.before).length).to.equal(0);
  });

  it('retries a failed seek with Retry, not the next page', async () => {
    const adapter = new SeekingAdapter(5_000);
    const el = await mount({ adapter, pageSize: 50 });
    await rendered(el);
    const fetchPage = adapter.fetchPage.bind(adapter);
    let fail = true;
    adapter.fetchPage = async (query) => {
      if (query.before && fail) {
        adapter.queries.push(query);
        throw new Error('Seek failed');
      }
      return fetchPage(query);
    };
    expect(await el.jumpTo(adapter.timeOf(4_000))).to.equal(false);
    await settle(el);
    const retry = shadow(el).querySelector<HTMLButtonElement>('[part~="retry"]');
    expect(retry !== null).to.equal(true, 'a Retry button');
    fail = false;
    retry!.click();
    await waitUntil(() => el.events.some((e) => e.id === 'ev-4000'), 'the seek again');
    expect(adapter.queries.filter((q) => q.before).length).to.equal(2);
    expect(adapter.queries.filter((q) => q.cursor === '50').length).to.equal(0);
  });
});

describe('jumping on a source that does not seek', () => {
  it('shows how far it got, and Stop ends it', async () => {
    const adapter = new ScriptedAdapter(makeEvents(3_000));
    const el = await mount({ adapter, pageSize: 100 });
    await rendered(el);
    const fetchPage = adapter.fetchPage.bind(adapter);
    adapter.fetchPage = async (query) => (await new Promise((r) => setTimeout(r, 40)), fetchPage(query));
    const jump = el.jumpTo(Date.parse('2026-01-01T00:00:00Z'));
    const bar = () => shadow(el).querySelector<HTMLElement>('.search-status')?.textContent ?? '';
    await waitUntil(() => /Loading… [\d,]+ events, reached \w+ 2026/.test(bar()), `progress in words, got "${bar()}"`, { timeout: 5_000 });
    const stop = [...shadow(el).querySelectorAll<HTMLButtonElement>('.search-status button')].find((b) => b.textContent?.trim() === 'Stop');
    expect(stop !== undefined).to.equal(true);
    stop!.click();
    expect(await jump).to.equal(false);
    const loaded = el.events.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(el.events.length - loaded <= 100).to.equal(true, 'at most the page in flight after Stop');
    expect(el.events.length < 3_000).to.equal(true);
  });
});

describe('bounded memory on a source that seeks', () => {
  it('drops the stretches farthest from the row read past memory-events, and loads them back with their rows still open', async () => {
    const adapter = new SeekingAdapter(50_000);
    const el = await mount({ adapter, pageSize: 300, height: 600 });
    el.memoryEvents = 1_000;
    await rendered(el);
    expect(await el.jumpTo(adapter.timeOf(700))).to.equal(true);
    await quiet(el);
    const article = () => shadow(el).querySelector<HTMLElement>('article[data-key="ev-700"]');
    const open = () => article()?.querySelector('[part~="toggle"]')?.getAttribute('aria-expanded') ?? null;
    article()!.focus();
    article()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await settle(el);
    expect(open()).to.equal('true');
    // Far away: past 1,000 loaded, what is farthest from the row read goes (the newest page stays).
    expect(await el.jumpTo(adapter.timeOf(20_000))).to.equal(true);
    await quiet(el);
    await waitUntil(() => el.events.length <= 1_300, `at most about memory-events loaded, got ${el.events.length}`, { timeout: 5_000 });
    await quiet(el);
    const ids = el.events.map((e) => indexOfKey(e.id));
    expect(ids.includes(700)).to.equal(false);
    expect(ids.slice(0, 300)).to.deep.equal(Array.from({ length: 300 }, (_, i) => i));
    expect(ids.includes(20_000)).to.equal(true);
    const read = reading(el);
    expect(read !== null && indexOfKey(read.key) >= 19_990 && indexOfKey(read.key) <= 20_001).to.equal(true, `reading ${read?.key}`);
    // Back: fetched again, open as it was.
    const before = adapter.queries.length;
    expect(await el.jumpTo(adapter.timeOf(700))).to.equal(true);
    await quiet(el);
    expect(adapter.queries.slice(before).some((q) => q.before)).to.equal(true);
    expect(open()).to.equal('true');
  });

  it('keeps everything on a source that does not seek', async () => {
    const adapter = new ScriptedAdapter(makeEvents(2_500));
    const el = await mount({ adapter, pageSize: 500, height: 600 });
    el.memoryEvents = 1_000;
    await rendered(el);
    for (let i = 0; i < 20 && el.events.length < 2_500; i++) {
      scroller(el).scrollTop = scroller(el).scrollHeight;
      await quiet(el);
    }
    expect(el.events.length).to.equal(2_500);
    expect(gapsOf(el).length).to.equal(0);
  });
});

describe('the user scrolling while the element puts the row read back', () => {
  it('is not undone', async () => {
    const adapter = new SeekingAdapter(10_000);
    const el = await mount({ adapter, pageSize: 50, height: 600 });
    await rendered(el);
    await el.jumpTo(adapter.timeOf(5_000));
    await quiet(el);
    adapter.hold = true;
    expect(await scrollUpUntilAsked(el, adapter)).to.equal(true, 'a page asked for the gap');
    const loaded = el.events.length;
    adapter.hold = false;
    adapter.release();
    // The page lands above the view and the element starts putting the row read back; the user scrolls meanwhile.
    await waitUntil(() => el.events.length > loaded, 'the page merged', { timeout: 5_000 });
    await new Promise((r) => requestAnimationFrame(r));
    const box = scroller(el);
    box.dispatchEvent(new WheelEvent('wheel', { deltaY: -400, bubbles: true, composed: true }));
    const from = box.scrollTop;
    box.scrollTop = from - 400;
    const wanted = box.scrollTop;
    await quiet(el);
    await settle(el);
    expect(Math.abs(box.scrollTop - wanted) < 50).to.equal(true, `the user's scroll to ${wanted} kept, at ${box.scrollTop}`);
  });
});

describe('a scrollbar over the whole history (a source that seeks and gives its total)', () => {
  /** Moves the list as one drag of the scrollbar would: a press on the list's box, one jump of scrollTop, the release, then rest. */
  async function dragTo(el: ClientTimeline, fraction: number, { release = true } = {}): Promise<void> {
    const box = scroller(el);
    box.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, buttons: 1 }));
    box.scrollTop = fraction * (box.scrollHeight - box.clientHeight);
    await new Promise((r) => setTimeout(r, 300));
    if (!release) return;
    box.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 300));
    await quiet(el);
  }

  it('asks for the page under a held thumb once it is released, not while the list moves under it', async () => {
    const adapter = new SeekingAdapter(100_000);
    const el = await mount({ adapter, pageSize: 50, height: 600 });
    await rendered(el);
    await quiet(el);
    const before = adapter.queries.length;
    // Held still for longer than a rest: the thumb may move again, nothing is asked.
    await dragTo(el, 0.5, { release: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(adapter.queries.length - before).to.equal(0, 'asked while the thumb is held');
    scroller(el).dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
    await waitUntil(() => adapter.queries.slice(before).some((q) => q.at !== undefined), 'asked by position after the release', { timeout: 5_000 });
    const sought = adapter.queries.slice(before).filter((q) => q.at !== undefined);
    expect(Math.abs(sought[0].at! / 100_000 - 0.5) < 0.02).to.equal(true, `at ${sought[0].at}`);
  });

  for (const count of [100_000, 1_000_000]) {
    it(`spans ${count.toLocaleString('en-US')} events from the first page, and one drag reaches any place and the end`, async () => {
      const adapter = new SeekingAdapter(count);
      const el = await mount({ adapter, pageSize: 50, height: 600 });
      await rendered(el);
      await quiet(el);
      // The list is as long as the history (scaled under the virtualizer's cap), not as what is loaded.
      const box = scroller(el);
      expect(box.scrollHeight > 5_000_000).to.equal(true, `scroll height ${box.scrollHeight}`);
      expect(articles(el)[0].getAttribute('aria-setsize')).to.equal(String(count));
      // 60% down: one request for that position.
      const before = adapter.queries.length;
      await dragTo(el, 0.6);
      const sought = adapter.queries.slice(before).filter((q) => q.at !== undefined);
      expect(sought.length >= 1).to.equal(true, 'asked by position');
      expect(Math.abs(sought[0].at! / count - 0.6) < 0.02).to.equal(true, `at ${sought[0].at}`);
      const shown = keysInView(el).map(indexOfKey);
      expect(shown.length > 0 && Math.abs(shown[0] / count - 0.6) < 0.02).to.equal(true, `rows in view from ${shown[0]}`);
      // The end, in one move: the oldest event and the end of the history.
      await dragTo(el, 1);
      await waitUntil(() => keysInView(el).includes(`ev-${count - 1}`), 'the oldest event in view', { timeout: 5_000 });
      expect(shadow(el).querySelector('.end')?.textContent?.trim().length ? true : false).to.equal(true, 'the end of the history');
      expect(el.events.length < 1_000).to.equal(true, `${el.events.length} loaded`);
    });
  }
});

describe('a source that seeks by date but not by position', () => {
  /** Honours `before` and says `total` and `position`, but answers a seek by position (`at`) as if it were not there. */
  class DateOnly extends SeekingAdapter {
    byPosition = 0;
    override fetchPage(query: Parameters<SeekingAdapter['fetchPage']>[0]) {
      if (query.at !== undefined) this.byPosition++;
      return super.fetchPage({ ...query, at: undefined });
    }
  }

  it('is asked by position once, not over and over, and the end of the list still fills page by page', async () => {
    const adapter = new DateOnly(10_000);
    const el = await mount({ adapter, pageSize: 50, height: 600 });
    await rendered(el);
    await quiet(el);
    const box = scroller(el);
    box.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, buttons: 1 }));
    box.scrollTop = box.scrollHeight;
    box.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 1_000));
    await quiet(el);
    expect(adapter.byPosition).to.equal(1, `${adapter.byPosition} requests by position`);
    // What it answered instead (the newest page) merged into what was there; the gap fills from its top edge, each
    // request for a page not asked before.
    const cursors = adapter.queries.filter((q) => q.cursor !== null).map((q) => q.cursor);
    expect(cursors.length > 0).to.equal(true, 'pages after the first');
    expect(new Set(cursors).size).to.equal(cursors.length, `cursors ${cursors.join(',')}`);
    expect(el.events.length > 50).to.equal(true, `${el.events.length} loaded`);
  });
});

/** Keys of the event rows in view, top to bottom. */
function keysInView(el: ClientTimeline): string[] {
  const box = scroller(el).getBoundingClientRect();
  return articles(el)
    .filter((a) => !a.classList.contains('gap'))
    .filter((a) => {
      const r = a.getBoundingClientRect();
      return r.bottom > box.top && r.top < box.bottom;
    })
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
    .map((a) => a.dataset.key!);
}
