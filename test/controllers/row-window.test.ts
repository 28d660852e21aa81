import { expect, waitUntil } from '@open-wc/testing';
import { END, LOADING, RowWindowController } from '../../src/controllers/row-window.js';
import { buildRows } from '../../src/data/rows.js';
import { localDate } from '../../src/i18n/format.js';
import { parseEvents } from '../../src/model/event.js';
import { articles, mount, rendered, scroller, setWindowSize, settle } from '../support/fixture.js';
import { makeEvents, ScriptedAdapter } from '../support/events.js';

const rowsOf = (count: number) => buildRows(parseEvents(makeEvents(count)).items, localDate);
const keys = (entries: RowWindowController['entries']) => entries.map((e) => ('sentinel' in e ? e.sentinel : e.key));
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

  it('gives a longer history as `size` rows from a clamped `start`, the tail only at the history\'s end', () => {
    const w = rowWindow(10);
    const rows = rowsOf(25);
    w.sync(rows, END);
    expect(keys(w.entries)).to.deep.equal(range(0, 10));
    w.start = 7;
    w.sync(rows, END);
    expect(keys(w.entries)).to.deep.equal(range(7, 17));
    w.start = 20;
    w.sync(rows, END);
    expect(w.start).to.equal(15);
    expect(keys(w.entries)).to.deep.equal([...range(15, 25), 'end']);
    // The history shrank (another filter): the window follows.
    w.sync(rowsOf(12), END);
    expect(w.start).to.equal(2);
    expect(keys(w.entries)).to.deep.equal([...range(2, 12), 'end']);
    w.start = -4;
    w.sync(rows, LOADING);
    expect(w.start).to.equal(0);
    expect(keys(w.entries)).to.deep.equal(range(0, 10));
  });

  it('`reset()` goes back to the top', () => {
    const w = rowWindow(10);
    const rows = rowsOf(25);
    Object.assign(w, { start: 12, firstVisible: 14, lastVisible: 18, lastRendered: 20 });
    w.sync(rows, null);
    expect(keys(w.entries)[0]).to.equal('ev-12');
    w.reset();
    expect([w.start, w.firstVisible, w.lastVisible, w.lastRendered]).to.deep.equal([0, 0, 0, 0]);
    w.sync(rows, null);
    expect(keys(w.entries)).to.deep.equal(range(0, 10));
  });
});

describe('<client-timeline> row window', () => {
  it('`reveal()` of a row outside the window moves the window there and shows the row', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(3_000)), pageSize: 3_000, height: 600 });
    setWindowSize(el, 1_000);
    await rendered(el, 5);
    const w = (el as unknown as { rowWindow: RowWindowController }).rowWindow;
    expect(w.start).to.equal(0);
    w.reveal(2_500, 'start');
    await waitUntil(() => articles(el).some((a) => a.dataset.id === 'ev-2500'), 'row 2500 rendered', { timeout: 10_000 });
    await settle(el);
    expect(w.start).to.equal(2_000);
    expect(w.entries).to.have.length(1_001);
    const row = articles(el).find((a) => a.dataset.id === 'ev-2500')!;
    expect(row.getAttribute('aria-posinset')).to.equal('2501');
    expect(Math.abs(row.getBoundingClientRect().top - scroller(el).getBoundingClientRect().top)).to.be.below(2);
  });
});
