import { expect, waitUntil } from '@open-wc/testing';
import { END, LOADING, RowWindowController } from '../../src/controllers/row-window.js';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { buildRows } from '../../src/data/rows.js';
import { localDate } from '../../src/i18n/format.js';
import { parseEvents } from '../../src/model/event.js';
import { articles, mount, rendered, scroller, setWindowSize, settle, shadow } from '../support/fixture.js';
import { makeEvents, ScriptedAdapter } from '../support/events.js';

const rowsOf = (count: number) => buildRows(parseEvents(makeEvents(count)).items, localDate);
const keys = (entries: RowWindowController['entries']) => entries.map((e) => ('sentinel' in e ? e.sentinel : e.kind === 'spacer' ? `${e.side}:${e.rows}` : e.key));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => `ev-${from + k}`);

/** A window with no list to drive: `sync` and `reset` need none. */
function rowWindow(size: number): RowWindowController {
  const host = { isConnected: true, requestUpdate() {}, addController() {}, removeController() {}, updateComplete: Promise.resolve(true) };
  const w = new RowWindowController(host, { scroller: () => null, ownMove() {}, rangeChanged() {}, visibilityChanged() {} });
  w.size = size;
  return w;
}

describe('RowWindowController.sync', () => {
  it('gives a history of at most `size` rows as it is, the same array, with the tail after it', () => {
    const w = rowWindow(10);
    const rows = rowsOf(10);
    w.sync(rows, null);
    expect(w.entries).to.equal(rows);
    w.sync(rows, LOADING);
    expect(keys(w.entries)).to.deep.equal([...range(0, 10), 'loading']);
    const withTail = w.entries;
    w.sync(rows, LOADING);
    expect(w.entries, 'nothing changed: the same entries').to.equal(withTail);
  });

  it('gives a longer history as `size` rows from a clamped `start`, the rows around it as spacers, the tail only at the history\'s end', () => {
    const w = rowWindow(10);
    const rows = rowsOf(25);
    w.sync(rows, END);
    expect(keys(w.entries)).to.deep.equal([...range(0, 10), 'after:15']);
    expect(w.base).to.equal(0);
    w.start = 7;
    w.sync(rows, END);
    expect(keys(w.entries)).to.deep.equal(['before:7', ...range(7, 17), 'after:8']);
    expect(w.base, 'entry i is row base + i').to.equal(6);
    w.start = 20;
    w.sync(rows, END);
    expect(w.start).to.equal(15);
    expect(keys(w.entries)).to.deep.equal(['before:15', ...range(15, 25), 'end']);
    // The history shrank (another filter): the window follows.
    w.sync(rowsOf(12), END);
    expect(w.start).to.equal(2);
    expect(keys(w.entries)).to.deep.equal(['before:2', ...range(2, 12), 'end']);
    w.start = -4;
    w.sync(rows, LOADING);
    expect(w.start).to.equal(0);
    expect(keys(w.entries)).to.deep.equal([...range(0, 10), 'after:15']);
  });

  it('sizes each spacer like the rows it stands for, scaled so that the list stays under the height cap', () => {
    const w = rowWindow(10);
    w.start = 5;
    w.sync(rowsOf(40), null);
    const spacers = w.entries.filter((e) => 'kind' in e && e.kind === 'spacer') as { side: string; height: number }[];
    expect(spacers.map((s) => [s.side, s.height])).to.deep.equal([['before', 5 * 80], ['after', 25 * 80]]);
    // 1,000,000 rows, a window of 30,000: all the rest in under 8.2M px less the window's rows.
    const big = rowWindow(30_000);
    const many = rowsOf(1_000).flatMap((row, k) => Array.from({ length: 1_000 }, (_, j) => ({ ...row, key: `${k}-${j}` })));
    big.start = 500_000;
    big.sync(many, null);
    const [before, after] = big.entries.filter((e) => 'kind' in e && e.kind === 'spacer') as { rows: number; height: number }[];
    expect(before.rows + after.rows).to.equal(970_000);
    expect(before.height + after.height + 30_000 * 120).to.be.at.most(8_200_000);
    expect(before.height / before.rows).to.be.closeTo(after.height / after.rows, 0.01);
  });

  it('`reset()` goes back to the top', () => {
    const w = rowWindow(10);
    const rows = rowsOf(25);
    Object.assign(w, { start: 12, firstVisible: 14, lastVisible: 18, lastRendered: 20 });
    w.sync(rows, null);
    expect(keys(w.entries).slice(0, 2)).to.deep.equal(['before:12', 'ev-12']);
    w.reset();
    expect([w.start, w.firstVisible, w.lastVisible, w.lastRendered]).to.deep.equal([0, 0, 0, 0]);
    w.sync(rows, null);
    expect(keys(w.entries)).to.deep.equal([...range(0, 10), 'after:15']);
  });
});

describe('<client-timeline> row window', () => {
  /** 3,000 events in one page, through a window of 1,000 rows. */
  const longHistory = async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(3_000)), pageSize: 3_000, height: 600 });
    setWindowSize(el, 1_000);
    await rendered(el, 5);
    return el;
  };

  it('`reveal()` of a row outside the window moves the window there and shows the row', async () => {
    const el = await longHistory();
    const w = (el as unknown as { rowWindow: RowWindowController }).rowWindow;
    expect(w.start).to.equal(0);
    w.reveal(2_500, 'start');
    await waitUntil(() => articles(el).some((a) => a.dataset.id === 'ev-2500'), 'row 2500 rendered', { timeout: 10_000 });
    await settle(el);
    expect(w.start).to.equal(2_000);
    expect(keys(w.entries)).to.have.length(1_002);
    expect(keys(w.entries)[0], 'the rows before the window, as one spacer').to.equal('before:2000');
    const row = articles(el).find((a) => a.dataset.id === 'ev-2500')!;
    expect(row.getAttribute('aria-posinset')).to.equal('2501');
    expect(Math.abs(row.getBoundingClientRect().top - scroller(el).getBoundingClientRect().top)).to.be.below(2);
  });

  /** The first row whose box reaches into the view, and its `aria-posinset`. */
  const firstOnScreen = (el: ClientTimeline) => {
    const top = scroller(el).getBoundingClientRect().top;
    const row = articles(el).find((a) => a.getBoundingClientRect().bottom > top + 1);
    return { id: row?.dataset.id, position: Number(row?.getAttribute('aria-posinset')) };
  };

  it('spans the whole history with its scrollbar: one move to the bottom shows the oldest event', async () => {
    const el = await longHistory();
    const box = scroller(el);
    // The list is as tall as the whole history, not as the window.
    const perRow = articles(el).reduce((sum, a) => sum + a.getBoundingClientRect().height, 0) / articles(el).length;
    expect(box.scrollHeight / perRow).to.be.above(2_400);
    box.scrollTop = box.scrollHeight;
    await waitUntil(() => articles(el).some((a) => a.dataset.id === 'ev-2999'), 'the oldest event shown', { timeout: 10_000 });
    await settle(el);
    expect(box.scrollTop + box.clientHeight).to.be.at.least(box.scrollHeight - 2);
    expect(shadow(el).querySelector('.end'), 'the end of the history').to.exist;
    expect(articles(el).length).to.be.lessThan(60);
  });

  it('a drag that rests inside the rows after the window lands on the rows at that place', async () => {
    const el = await longHistory();
    const box = scroller(el);
    const w = (el as unknown as { rowWindow: RowWindowController }).rowWindow;
    // Several scroll steps, as a drag of the thumb makes them: the window waits for the list to rest.
    for (const fraction of [0.2, 0.5, 0.7]) {
      box.scrollTop = fraction * (box.scrollHeight - box.clientHeight);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await waitUntil(() => w.start > 1_000 && (firstOnScreen(el).position || 0) > 1_000, 'landed past the first window', { timeout: 10_000 });
    await settle(el);
    const { position } = firstOnScreen(el);
    // 70 % of the list: in the rows after the first window, about 70 % down the history.
    expect(position).to.be.within(1_600, 2_600);
  });

  it('a drag let go inside the rows after the window leaves the thumb where it was let go', async () => {
    // The row landed on was placed among the rows of the old window: at 70 % of the list it came to rest at 17 %.
    const el = await longHistory();
    const box = scroller(el);
    const w = (el as unknown as { rowWindow: RowWindowController }).rowWindow;
    box.scrollTop = 0.7 * (box.scrollHeight - box.clientHeight);
    await waitUntil(() => w.start > 1_000 && (firstOnScreen(el).position || 0) > 1_000, 'landed past the first window', { timeout: 10_000 });
    await settle(el);
    const fraction = box.scrollTop / (box.scrollHeight - box.clientHeight);
    expect(fraction, `the list rests at ${(fraction * 100).toFixed(0)} %`).to.be.within(0.6, 0.8);
    expect(firstOnScreen(el).position / 3_000).to.be.within(0.6, 0.8);
  });

  it('keeps the list\'s height while the thumb is held, as the rows it passes are measured', async () => {
    // Chromium lets go of part of a drag whenever the height changes under the thumb: 100,000 rows took two drags.
    const el = await longHistory();
    const box = scroller(el);
    box.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, buttons: 1 }));
    const heights = new Set([box.scrollHeight]);
    // Less than a screen at a time: full rows, measured (a sweep of more draws placeholders of known sizes).
    for (let step = 1; step <= 15; step++) {
      box.scrollTop = step * 200;
      await new Promise((resolve) => setTimeout(resolve, 60));
      heights.add(box.scrollHeight);
    }
    expect(articles(el).length, 'rows were drawn on the way').to.be.above(0);
    expect([...heights], 'one height while held').to.have.length(1);
    box.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
  });

  it('does not move under a held thumb: the window moves once it is released', async () => {
    const el = await longHistory();
    const box = scroller(el);
    const w = (el as unknown as { rowWindow: RowWindowController }).rowWindow;
    box.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, buttons: 1 }));
    box.scrollTop = box.scrollHeight;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(w.start, 'the window stayed while the thumb was held').to.equal(0);
    box.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
    await waitUntil(() => articles(el).some((a) => a.dataset.id === 'ev-2999'), 'the oldest event shown after the release', { timeout: 10_000 });
    expect(w.start).to.equal(2_000);
  });

  it('over the rows outside the window, pins the day of the rows at that place, and lands on that day', async () => {
    const el = await longHistory();
    const box = scroller(el);
    const pin = shadow(el).querySelector<HTMLElement>('.day-pin')!;
    box.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, buttons: 1 }));
    box.scrollTop = 0.7 * (box.scrollHeight - box.clientHeight);
    await waitUntil(() => !pin.hidden && pin.textContent, 'a pinned day over the spacer', { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(articles(el).length, 'no rows drawn over the spacer').to.equal(0);
    const held = pin.textContent;
    box.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
    await waitUntil(() => articles(el).length > 0, 'rows after the release', { timeout: 10_000 });
    await settle(el);
    expect(firstOnScreen(el).position).to.be.above(1_000);
    expect(pin.textContent, 'the day pinned while held is the day landed on').to.equal(held);
  });

  it('reaches the end of 100,000 events loaded in one page with one move of the scrollbar', async function () {
    this.timeout(60_000);
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(100_000)), pageSize: 100_000, height: 600 });
    await rendered(el, 5);
    const box = scroller(el);
    // The rows on screen come first, the rest of the page in slices: then the list spans all 100,000.
    await waitUntil(() => box.scrollHeight > 5_000_000, 'the list as tall as the whole history', { timeout: 20_000 });
    box.scrollTop = box.scrollHeight;
    await waitUntil(() => articles(el).some((a) => a.dataset.id === 'ev-99999'), 'the oldest of 100,000 shown', { timeout: 20_000 });
    expect(articles(el).find((a) => a.dataset.id === 'ev-99999')!.getAttribute('aria-posinset')).to.equal('100000');
  });
});
