// In-page side of the benchmarks: builds the element (or a baseline), feeds it
// generated events through an adapter, and measures in the page's own clock.
// Driven by bench/run.mjs through playwright-core; every function returns plain data.

const params = new URLSearchParams(location.search);
const TARGETS = {
  element: { tag: 'client-timeline', module: '/dist/client-timeline.js' },
  plain: { tag: 'plain-list', module: '/bench/.build/plain-list.js' },
  tanstack: { tag: 'tanstack-list', module: '/bench/.build/tanstack-list.js' },
};
const target = TARGETS[params.get('target') ?? 'element'];
const NOW = Date.parse('2026-11-23T12:00:00Z');
const TYPES = ['email.sent', 'call.logged', 'proposal.sent', 'task.completed', 'note.added', 'call.failed', 'email.opened', 'meeting.completed', 'deal.won', 'invoice.paid'];
const AUTHORS = ['Ana Rojas', 'Diego Mora', 'Karina Solís', 'Luis Vega'];
const WORDS = ['pricing', 'renewal', 'onboarding', 'contract', 'follow-up', 'demo', 'invoice', 'discount', 'kickoff', 'support'];

/** Event `i` of a deterministic history going back 37 minutes per event. */
export function makeEvent(i) {
  const type = TYPES[i % TYPES.length];
  const word = WORDS[(i * 7) % WORDS.length];
  const event = {
    id: `ev-${i}`,
    type,
    occurredAt: new Date(NOW - (i + 1) * 37 * 60_000).toISOString(),
    title: `${type.split('.')[0]} about ${word} #${i}`,
    author: { name: AUTHORS[i % AUTHORS.length] },
  };
  if (i % 3 !== 2) event.summary = `Discussed the ${word} with the client, next step agreed (${i}).`;
  if (type === 'call.failed') event.tone = 'failed';
  if (i % 5 === 0) event.detail = { body: `<p>Hello,</p><p>About the <b>${word}</b>: see <a href="https://example.com/${i}">the offer</a>.</p>`, bodyFormat: 'html', subject: `Re: ${word}` };
  else event.detail = { body: `Notes for event ${i}: ${word}, ${WORDS[(i + 3) % WORDS.length]}.` };
  if (type === 'proposal.sent' || type === 'invoice.paid') event.detail.amount = { value: 1000 + i, currency: 'USD' };
  return event;
}

const cachedEvents = new Map();
export function makeEvents(count) {
  if (!cachedEvents.has(count)) cachedEvents.set(count, Array.from({ length: count }, (_, i) => makeEvent(i)));
  return cachedEvents.get(count);
}

/** Pages through `events`; `hold` keeps every answer until `release()`, recording when it was given. */
class BenchAdapter {
  constructor(events, { hold = false, never = false } = {}) {
    this.events = events;
    this.hold = hold;
    this.never = never;
    this.requests = 0;
    this.answeredAt = 0;
    this.waiting = [];
  }
  fetchPage({ cursor, limit, signal }) {
    this.requests++;
    if (this.never) return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))));
    const start = cursor ? Number(cursor) : 0;
    const end = Math.min(this.events.length, start + limit);
    const page = { events: this.events.slice(start, end), nextCursor: end < this.events.length ? String(end) : null };
    if (!this.hold) return Promise.resolve(page);
    return new Promise((resolve) => this.waiting.push(() => resolve(page)));
  }
  release() {
    this.answeredAt = performance.now();
    performance.mark('bench:answered'); // for traces
    for (const answer of this.waiting.splice(0)) answer();
  }
}

const STEP_MS = 37 * 60_000;
/** The index of the newest event at or before `time` (events are STEP_MS apart going back from NOW). */
function indexAtOrBefore(time) {
  return Math.max(0, Math.ceil((NOW - time) / STEP_MS) - 1);
}
/** The same instant `years` calendar years before NOW. */
function yearsBack(years) {
  const d = new Date(NOW);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.getTime();
}

/**
 * A seeking adapter over `total` generated events (made by index when asked for, never all at once): answers
 * `before` (the page at or older than that instant, newest first) and tells `total` (events under the filter) and
 * `position` (how many newer events precede the page's first). Cursor: the next index, as a string. The filter's
 * `since` / `until` are applied; the scenarios that use it set no other filter.
 */
class SeekingAdapter {
  constructor(total) {
    this.count = total;
    this.requests = 0;
    this.seeks = 0;
    this.capabilities = { filter: true, seek: true };
  }
  fetchPage({ cursor, limit, filter = {}, before, at }) {
    this.requests++;
    // The filter's bounds as indexes: [lo, hi) are the events between `until` and `since`.
    const lo = filter.until ? indexAtOrBefore(Date.parse(filter.until)) : 0;
    const hi = filter.since ? Math.min(this.count, Math.max(0, Math.floor((NOW - Date.parse(filter.since)) / STEP_MS))) : this.count;
    let start;
    if (before) {
      this.seeks++;
      start = indexAtOrBefore(Date.parse(before));
    } else if (at !== undefined) {
      // By position under the filter (a scrollbar dragged deep into events not loaded).
      this.seeks++;
      start = lo + at;
    } else start = cursor ? Number(cursor) : 0;
    start = Math.max(start, lo);
    const end = Math.max(start, Math.min(hi, start + limit));
    const events = [];
    for (let i = start; i < end; i++) events.push(makeEvent(i));
    const page = { events, nextCursor: end < hi ? String(end) : null, total: Math.max(0, hi - lo), position: start - lo };
    // Each answer arrives in a task of its own, as a network response would (no added latency): a list that pages
    // on and on still lets the page render, and timers fire.
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(page);
      ch.port2.postMessage(0);
    });
  }
}

const frame = () => new Promise((r) => requestAnimationFrame(r));
const frames = async (n) => {
  for (let i = 0; i < n; i++) await frame();
};
/** Resolves just after the frame that follows the current one is painted (rAF, then a task). */
function nextTask() {
  return new Promise((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r(performance.now());
    ch.port2.postMessage(0);
  });
}

/** The time just after the first frame painted in which `condition()` holds (checked in each frame before paint). */
async function paintedWhen(condition, timeout = 30_000) {
  const start = performance.now();
  for (;;) {
    await frame();
    if (condition()) {
      performance.mark('bench:painted');
      return nextTask();
    }
    if (performance.now() - start > timeout) throw new Error('timed out waiting for a painted frame');
  }
}

const stage = () => document.getElementById('stage');
const rowsOf = (el) => [...el.shadowRoot.querySelectorAll('article')];
const scrollerOf = (el) => el.shadowRoot.querySelector('.scroller');

/** A row is visible when it is rendered and inside the list's viewport. */
function visibleRows(el) {
  const box = scrollerOf(el)?.getBoundingClientRect();
  if (!box) return [];
  return rowsOf(el).filter((row) => {
    const r = row.getBoundingClientRect();
    return r.height > 0 && r.bottom > box.top && r.top < box.bottom && row.checkVisibility({ visibilityProperty: true });
  });
}

let moduleLoaded = null;
export function ready() {
  moduleLoaded ??= import(target.module).then(() => customElements.whenDefined(target.tag)).then(() => true);
  return moduleLoaded;
}

function create({ height = 600, pageSize = 50, clientId = 'bench', attrs = {} } = {}) {
  const el = document.createElement(target.tag);
  el.style.height = `${height}px`;
  el.style.width = '600px';
  el.setAttribute('locale', 'en-US');
  el.setAttribute('page-size', String(pageSize));
  // No cache unless a scenario asks for one: a cached copy would answer before the adapter does.
  for (const [k, v] of Object.entries({ cache: 'none', ...attrs })) el.setAttribute(k, v);
  if ('now' in el || target.tag === 'client-timeline') el.now = NOW;
  el.setAttribute('client-id', clientId);
  return el;
}

let current = null;
function unmount() {
  current?.remove();
  current = null;
}

/** Scenario 1: adapter answer (50 events) → first row painted. */
export async function firstRow({ count = 50 } = {}) {
  await ready();
  unmount();
  const adapter = new BenchAdapter(makeEvents(count), { hold: true });
  const el = (current = create({ pageSize: count }));
  el.adapter = adapter;
  stage().append(el);
  await paintedWhen(() => adapter.requests > 0, 10_000);
  await frames(3); // the loading state is on screen
  adapter.release();
  const painted = await paintedWhen(() => visibleRows(el).length > 0);
  return { ms: painted - adapter.answeredAt, rows: visibleRows(el).length };
}

/** `true` when the element supports the IndexedDB cache (attribute `cache`). */
export function hasCache() {
  const Ctor = customElements.get(target.tag);
  return Boolean(Ctor?.elementProperties?.has?.('cache'));
}

/** Scenario 2: connect → first row from the IndexedDB cache, the adapter never answering. */
export async function cachedFirstRow({ count = 50, namespace = 'bench' } = {}) {
  await ready();
  if (!hasCache()) return null;
  unmount();
  const attrs = { cache: 'indexeddb', 'cache-namespace': namespace };
  // Warm: one visit that loads and caches a page.
  const warm = (current = create({ pageSize: count, attrs, clientId: 'cached' }));
  warm.adapter = new BenchAdapter(makeEvents(count));
  stage().append(warm);
  await paintedWhen(() => visibleRows(warm).length > 0);
  // Writes are batched off the rendering path: give them time to commit.
  await new Promise((r) => setTimeout(r, 500));
  unmount();
  await frames(2);
  // Reopen offline: only the cache can answer.
  const el = (current = create({ pageSize: count, attrs, clientId: 'cached' }));
  el.adapter = new BenchAdapter([], { never: true });
  const connectAt = performance.now();
  stage().append(el);
  const painted = await paintedWhen(() => visibleRows(el).length > 0, 10_000);
  return { ms: painted - connectAt, rows: visibleRows(el).length };
}

/** Mounts a timeline with `count` events loaded (one page) and waits for rows on screen. */
export async function loadAll({ count, height = 600, timeout = 120_000 }) {
  await ready();
  unmount();
  const el = (current = create({ pageSize: count, height }));
  el.adapter = new BenchAdapter(makeEvents(count));
  const start = performance.now();
  stage().append(el);
  const painted = await paintedWhen(() => el.events?.length === count && visibleRows(el).length > 0, timeout);
  await frames(5);
  return { ms: painted - start };
}

/** Scenario 4: elements in the shadow DOM and rows in the DOM, at the top and after scrolling to the middle. */
export async function domCounts() {
  const el = current;
  const count = () => ({ elements: el.shadowRoot.querySelectorAll('*').length, rows: rowsOf(el).length });
  const top = count();
  const box = scrollerOf(el);
  box.scrollTop = (box.scrollHeight - box.clientHeight) / 2;
  await frames(10);
  const middle = count();
  box.scrollTop = 0;
  await frames(5);
  return { elements: Math.max(top.elements, middle.elements), rows: Math.max(top.rows, middle.rows), top, middle };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Scenario 3: scroll from the top to the bottom in `steps` frames; frame times from requestAnimationFrame, long tasks from PerformanceObserver. */
export async function scrollThrough({ steps = 600, wheelPx = 0 } = {}) {
  const el = current;
  const box = scrollerOf(el);
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
  observer.observe({ type: 'longtask' });
  await frames(3);
  const deltas = [];
  let last = await frame();
  const start = last;
  // Long tasks are counted from here to the full rows after the drag (the checks of the end below are not).
  // wheelPx: a steady scroll of that many px per frame from the middle (reading), else top to bottom in `steps` frames (dragging the scrollbar).
  const from = wheelPx ? Math.max(0, (box.scrollHeight - box.clientHeight) / 2) : 0;
  for (let i = 1; i <= steps; i++) {
    box.scrollTop = wheelPx ? from + wheelPx * i : ((box.scrollHeight - box.clientHeight) * i) / steps;
    const t = await frame();
    deltas.push(t - last);
    last = t;
  }
  // Rows drawn light while the list moved more than a screen per frame: time from the last move to full rows on screen.
  const swept = el.shadowRoot.querySelectorAll('.row-ph').length > 0;
  const fullRowsMs = swept ? (await paintedWhen(() => !el.shadowRoot.querySelector('.row-ph') && visibleRows(el).length > 0)) - last : 0;
  // The end: let the virtualizer settle at the bottom, then see which rows it shows.
  await frames(10);
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  // Past 50,000 rows the scrollbar spans a window of the history that moves along: drag to the end again until the last row.
  const loaded = el.events.length;
  const shown = () => visibleRows(el).map((row) => Number(row.getAttribute('aria-posinset')));
  let endDrags = 0;
  for (; endDrags < 20 && !shown().includes(loaded); endDrags++) {
    box.scrollTop = box.scrollHeight;
    await frames(10);
  }
  const sorted = [...deltas].sort((a, b) => a - b);
  const positions = shown();
  return {
    frames: deltas.length,
    seconds: (last - start) / 1000,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    longTasks: longTasks.length,
    longTaskMax: longTasks.length ? Math.max(...longTasks) : 0,
    lastVisible: positions.length ? Math.max(...positions) : 0,
    loaded,
    scrollHeight: box.scrollHeight,
    reachedEnd: positions.includes(loaded),
    swept,
    fullRowsMs,
    endDrags,
  };
}

/** Scenario 6: expand then collapse a row in the middle of the viewport: time to the painted frame, and how far rows moved. */
export async function expandCollapse() {
  const el = current;
  const box = scrollerOf(el);
  box.scrollTop = (box.scrollHeight - box.clientHeight) / 2;
  await frames(10);
  const rows = visibleRows(el);
  const row = rows[Math.floor(rows.length / 2)];
  const id = row.dataset.id;
  const find = () => el.shadowRoot.querySelector(`article[data-id="${CSS.escape(id)}"]`);
  const topOf = () => find().getBoundingClientRect().top;
  const isExpanded = () => find()?.querySelector('button[aria-expanded]')?.getAttribute('aria-expanded') === 'true';
  const before = topOf();
  const result = {};
  for (const phase of ['expand', 'collapse']) {
    const want = phase === 'expand';
    const start = performance.now();
    find().querySelector('button[aria-expanded]').click();
    const painted = await paintedWhen(() => isExpanded() === want && find().querySelector('.detail') !== null === want);
    result[`${phase}Ms`] = painted - start;
    await frames(8);
    result[`${phase}JumpPx`] = Math.abs(topOf() - before);
  }
  result.jumpPx = Math.max(result.expandJumpPx, result.collapseJumpPx);
  return result;
}

/** `true` when the element has the filter API (`types` and `q`). */
export function hasFilters() {
  const props = customElements.get(target.tag)?.elementProperties;
  return Boolean(props?.has?.('types') && props?.has?.('q'));
}

/** Scenario 5: filter to one category, and a search, on the loaded events: time to the updated, painted render. */
export async function filterSearch() {
  if (!hasFilters()) return null;
  const el = current;
  const timed = async (change, done) => {
    const start = performance.now();
    change();
    const painted = await paintedWhen(done, 10_000);
    await frames(3);
    return painted - start;
  };
  const onlyNotes = () => visibleRows(el).length > 0 && visibleRows(el).every((r) => r.dataset.type?.startsWith('note.'));
  const mixed = () => visibleRows(el).some((r) => !r.dataset.type?.startsWith('note.'));
  const matches = () => visibleRows(el).length > 0 && visibleRows(el).every((r) => /renewal #1/.test(r.textContent));
  const result = {};
  result.filterMs = await timed(() => (el.types = ['note']), onlyNotes);
  result.unfilterMs = await timed(() => (el.types = null), mixed);
  result.searchMs = await timed(() => (el.q = 'renewal #1'), matches);
  result.clearSearchMs = await timed(() => (el.q = ''), () => visibleRows(el).some((r) => !/renewal #1/.test(r.textContent)));
  // A keystroke in the search box: includes the element's input debounce.
  const input = el.shadowRoot.querySelector('input[type="search"]');
  if (input) {
    result.keystrokeMs = await timed(() => {
      input.value = 'renewal #1';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: '1', inputType: 'insertText' }));
    }, matches);
    el.q = '';
    await paintedWhen(() => visibleRows(el).some((r) => !/renewal #1/.test(r.textContent)), 10_000);
  }
  return result;
}

/** Scenario 7 (leak check): mount, wait for the first row, unmount; `cycles` times. */
export async function mountCycles({ cycles, count = 50 }) {
  await ready();
  unmount();
  const events = makeEvents(count);
  for (let i = 0; i < cycles; i++) {
    const el = create({ pageSize: count });
    el.adapter = new BenchAdapter(events);
    stage().append(el);
    while (!visibleRows(el).length) await frame();
    el.remove();
  }
  await frames(2);
  return true;
}

/**
 * Beyond: with `count` events loaded, where do the scrollbar's end and jumps to a date land? The element gives the
 * virtualizer a window of rows that moves along, so the scrollbar's end is the window's; dragging it there again
 * moves on, until the history's end.
 */
export async function reachEnd() {
  const el = current;
  const box = scrollerOf(el);
  const loaded = el.events.length;
  const lastShown = () => Math.max(0, ...visibleRows(el).map((r) => Number(r.getAttribute('aria-posinset'))));
  const firstShown = () => Math.min(...visibleRows(el).map((r) => Number(r.getAttribute('aria-posinset'))));
  const timeOf = (i) => Date.parse(el.events[i].occurredAt);
  let start = performance.now();
  let drags = 0;
  for (; drags < 400 && lastShown() < loaded; drags++) {
    box.scrollTop = box.scrollHeight;
    await frames(15);
  }
  const byScrollbar = lastShown();
  const scrollbarMs = performance.now() - start;
  const jump = async (i) => {
    const t = performance.now();
    const found = await el.jumpTo(timeOf(i));
    await frames(5);
    return { ms: performance.now() - t, found, first: firstShown(), last: lastShown() };
  };
  const toNewest = await jump(0);
  const toMiddle = await jump(654_321);
  const toOldest = await jump(loaded - 1);
  return { loaded, scrollHeight: box.scrollHeight, byScrollbar, drags, scrollbarMs, toNewest, toMiddle, toOldest };
}

/** Long tasks (PerformanceObserver 'longtask') from now on; `stop()` gives those that ended after `from`. */
function watchLongTasks() {
  const entries = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  return (from = 0) => {
    entries.push(...observer.takeRecords());
    observer.disconnect();
    const durations = entries.filter((e) => e.startTime + e.duration > from).map((e) => e.duration);
    return { longTasks: durations.length, longTaskMax: durations.length ? Math.max(...durations) : 0 };
  };
}

/**
 * `onepage`: all `count` events in one page (page-size = count). The adapter holds its answer until the loading
 * state is painted; from the answer (t₀) to the first painted row, and the long tasks of that load.
 */
export async function onePage({ count, timeout = 600_000 }) {
  await ready();
  unmount();
  const adapter = new BenchAdapter(makeEvents(count), { hold: true });
  const el = (current = create({ pageSize: count, height: 900 }));
  el.adapter = adapter;
  stage().append(el);
  await paintedWhen(() => adapter.requests > 0, 10_000);
  await frames(3);
  const stop = watchLongTasks();
  adapter.release();
  const painted = await paintedWhen(() => visibleRows(el).length > 0, timeout);
  await frames(3);
  await new Promise((r) => setTimeout(r, 50));
  return { ms: painted - adapter.answeredAt, ...stop(adapter.answeredAt), rows: visibleRows(el).length };
}

/** Where the list is: the position (1-based) of the first row on screen, placeholders included (TanStack's `data-index`). */
function firstShown(el) {
  const box = scrollerOf(el).getBoundingClientRect();
  let best = Infinity;
  for (const node of el.shadowRoot.querySelectorAll('article[aria-posinset], [data-index]')) {
    const r = node.getBoundingClientRect();
    if (r.height <= 0 || r.bottom <= box.top + 1 || r.top >= box.bottom) continue;
    const position = node.hasAttribute('data-index') ? Number(node.dataset.index) + 1 : Number(node.getAttribute('aria-posinset'));
    best = Math.min(best, position);
  }
  return Number.isFinite(best) ? best : 0;
}

/** Scrolls down `rows` rows from where the list is, `px` per frame, waiting for pages where the loaded rows end. */
async function scrollDownRows(el, { rows = 2_000, px = 600, timeout = 60_000 } = {}) {
  const box = scrollerOf(el);
  const from = firstShown(el);
  const start = performance.now();
  while (firstShown(el) < from + rows && performance.now() - start < timeout) {
    box.scrollTop += px;
    await frame();
  }
  await frames(10);
  return { from, to: firstShown(el), scrollMs: performance.now() - start };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const MILLION = 1_000_000;

/**
 * `million` (the element): 1,000,000 events behind a seeking adapter, 50 per page. The first row's `aria-setsize`;
 * `jumpTo(five years back)`: time and requests until it resolves (at most `cap` ms, then the jump is stopped where
 * it got to: a jump to the oldest event loaded); then ≈ 2,000 rows scrolled down from there. The runner takes the
 * heap afterwards.
 */
export async function millionJump({ cap = 60_000, pageSize = 50 } = {}) {
  await ready();
  unmount();
  const adapter = new SeekingAdapter(MILLION);
  const el = (current = create({ pageSize, height: 900 }));
  el.adapter = adapter;
  stage().append(el);
  await paintedWhen(() => visibleRows(el).length > 0, 30_000);
  await frames(5);
  const setSize = Number(rowsOf(el)[0]?.getAttribute('aria-setsize'));
  const date = yearsBack(5);
  const targetIndex = indexAtOrBefore(date);
  const before = adapter.requests;
  const seeksBefore = adapter.seeks;
  const start = performance.now();
  let settled = null;
  const jump = el.jumpTo(new Date(date)).then((found) => (settled = { found, ms: performance.now() - start }));
  await Promise.race([jump, sleep(cap)]);
  const inTime = settled;
  const waited = performance.now() - start;
  const requests = adapter.requests - before;
  const seeks = adapter.seeks - seeksBefore;
  const loadedAtStop = el.events.length;
  if (!inTime) {
    // Stop the jump where it got to: a jump to a loaded row aborts the one going on.
    const oldest = el.events[el.events.length - 1];
    await el.jumpTo(Date.parse(oldest.occurredAt));
  }
  await frames(10);
  const landed = firstShown(el);
  const setSizeAfter = Number(rowsOf(el)[0]?.getAttribute('aria-setsize'));
  const scroll = await scrollDownRows(el);
  return {
    setSize,
    setSizeAfter,
    targetIndex,
    done: Boolean(inTime),
    found: inTime?.found ?? false,
    ms: inTime?.ms ?? waited,
    requests,
    seeks,
    loadedAtStop,
    landed,
    loaded: el.events.length,
    ...scroll,
  };
}

/**
 * `million` (TanStack Virtual): the same adapter; the list takes the adapter's total (1,000,000) and loads pages by
 * index as their rows show. `scrollToIndex` of the event five years back: time until that row is loaded, painted and
 * at the top of the list (within 2 px; at most `cap` ms); then ≈ 2,000 rows scrolled down.
 */
export async function millionIndex({ cap = 60_000, pageSize = 50 } = {}) {
  await ready();
  unmount();
  const adapter = new SeekingAdapter(MILLION);
  const el = (current = create({ pageSize, height: 900 }));
  el.adapter = adapter;
  stage().append(el);
  await paintedWhen(() => visibleRows(el).length > 0, 30_000);
  await frames(5);
  const setSize = Number(rowsOf(el)[0]?.getAttribute('aria-setsize'));
  const targetIndex = indexAtOrBefore(yearsBack(5));
  const box = scrollerOf(el);
  const row = () => el.shadowRoot.querySelector(`article[aria-posinset="${targetIndex + 1}"]`);
  const offset = () => (row() ? row().getBoundingClientRect().top - box.getBoundingClientRect().top : null);
  const before = adapter.requests;
  const start = performance.now();
  el.instance.scrollToIndex(targetIndex, { align: 'start' });
  let ms = null;
  try {
    ms = (await paintedWhen(() => offset() !== null && Math.abs(offset()) < 2, cap)) - start;
  } catch {
    // not at the top within the cap: reported with where the row is
  }
  const requests = adapter.requests - before;
  await frames(10);
  const landed = firstShown(el);
  const offsetPx = offset();
  const scroll = await scrollDownRows(el);
  return { setSize, targetIndex, done: ms !== null, ms: ms ?? performance.now() - start, requests, landed, offsetPx, loaded: el.events.length, scrollHeight: box.scrollHeight, ...scroll };
}

/**
 * `drag`: mounts the list for a drag of its scrollbar with the mouse (the runner moves the mouse): 100,000 events in
 * one page, or (`seek`) the 1,000,000-event seeking adapter, 50 per page.
 */
export async function mountForDrag({ count, seek = false, timeout = 600_000 }) {
  await ready();
  unmount();
  const el = (current = create({ pageSize: seek ? 50 : count, height: 900 }));
  el.adapter = seek ? new SeekingAdapter(count) : new BenchAdapter(makeEvents(count));
  stage().append(el);
  await paintedWhen(() => visibleRows(el).length > 0 && (seek || el.events?.length === count), timeout);
  await frames(10);
  return { loaded: el.events.length };
}

/** The scroller's box in the page, its scroll state and its scrollbar's width (for the runner's mouse). */
export function scrollGeometry() {
  const box = scrollerOf(current);
  const r = box.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, barWidth: box.offsetWidth - box.clientWidth, scrollTop: box.scrollTop, scrollHeight: box.scrollHeight, clientHeight: box.clientHeight };
}

let watching = null;
/** Frame times (requestAnimationFrame deltas) and long tasks from now until `watchStop()`. */
export function watchStart() {
  const deltas = [];
  const stop = watchLongTasks();
  let on = true;
  let last = performance.now();
  const tick = (t) => {
    if (!on) return;
    deltas.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((t) => {
    last = t;
    requestAnimationFrame(tick);
  });
  watching = { deltas, stop, end: () => (on = false) };
  return true;
}
export function watchStop() {
  const { deltas, stop, end } = watching;
  end();
  watching = null;
  const sorted = [...deltas].sort((a, b) => a - b);
  return { frames: deltas.length, p50: percentile(sorted, 50) ?? null, p95: percentile(sorted, 95) ?? null, ...stop() };
}

/** After a drag: is the list at its end (at the bottom, and the last event in the DOM)? */
export async function endState({ lastId }) {
  const el = current;
  await frames(10);
  await new Promise((r) => setTimeout(r, 100));
  await frames(5);
  const box = scrollerOf(el);
  const atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 2;
  const lastInDom = Boolean(el.shadowRoot.querySelector(`article[data-id="${CSS.escape(lastId)}"]`));
  return { atBottom, lastInDom, atEnd: atBottom && lastInDom, shown: firstShown(el), loaded: el.events.length, scrollTop: box.scrollTop, scrollHeight: box.scrollHeight };
}

/** Generates (and keeps) the events of a scenario ahead of time, so heap figures taken after it count the element only. */
export function prepare({ count }) {
  return makeEvents(count).length;
}

export function reset() {
  unmount();
}

window.bench = { ready, prepare, firstRow, hasCache, cachedFirstRow, loadAll, domCounts, scrollThrough, expandCollapse, hasFilters, filterSearch, mountCycles, reachEnd, onePage, millionJump, millionIndex, mountForDrag, scrollGeometry, watchStart, watchStop, endState, reset };
