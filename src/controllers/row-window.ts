/**
 * The rows given to the virtualizer. It caps the list's height near 8.2 million px (≈ 100,000 rows), so a longer
 * history is shown through a window of `size` rows that moves along as the user scrolls near either edge, keeping the
 * row being read in place; jumps (to a date, a search match, a row) move it there. The rows outside the window stand
 * in the list as two spacers, about as tall as those rows (scaled to stay under the cap), so the scrollbar spans the
 * whole history: a drag that comes to rest inside a spacer moves the window to the rows there. Also what the
 * virtualizer reports back: the rows rendered and the rows in view, counted over the whole history.
 */
import type { ReactiveControllerHost } from 'lit';
import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { Row } from '../data/rows.js';
import { captureAnchor, restoreAnchor } from './scroll-anchor.js';
import { REST_MS, type ScrollGeometry } from './scroll-frame.js';
import { holdScrollSize } from '../timeline-layout.js';

/** The list's last entry when it is not a row. */
export type Sentinel = { readonly sentinel: 'loading' | 'end' };
/** The rows before or after the window, as one entry of about their height (hidden from assistive tech). */
export interface Spacer {
  readonly kind: 'spacer';
  readonly key: string;
  readonly side: 'before' | 'after';
  /** Rows it stands for. */
  readonly rows: number;
  /** Its height in the list, px. */
  readonly height: number;
}
export type ListEntry = Row | Sentinel | Spacer;
export const LOADING: Sentinel = { sentinel: 'loading' };
export const END: Sentinel = { sentinel: 'end' };
// The virtualizer may ask for the key of an index past a shrunken list: tolerate `undefined`.
export const isSentinel = (entry: ListEntry | undefined): entry is Sentinel => !!entry && 'sentinel' in entry;

/** Rows from either edge of the window at which it moves. */
const WINDOW_EDGE = 200;
/**
 * A row's height for sizing the spacers (px), and what the spacers may take together: `LIST_MAX_PX` (under the
 * virtualizer's 8.2M px cap) less the window's rows at `TALL_ROW_PX` each, so that rows of up to that mean height
 * still leave the list's end within reach.
 */
const ROW_PX = 80;
const TALL_ROW_PX = 120;
const LIST_MAX_PX = 7_900_000;
const SPACERS_MIN_PX = 1_000_000;
/** How long a landing waits at most for a layout it may not have caused (ms). */
const SETTLE_CAP_MS = 500;

export interface RowWindowOptions {
  /** The list's scroll container (the virtualizer's host). */
  scroller(): (HTMLElement & VirtualizerHostElement) | null;
  /** The host is about to scroll the list itself (not a sweep of the scrollbar). */
  ownMove(): void;
  /** Asks for the list's geometry in the next frame (`ScrollFrame.request`): the edges are checked there. */
  requestFrame?(): void;
  /** The rows rendered changed: more may be needed. */
  rangeChanged(): void;
  /** The rows in view changed. */
  visibilityChanged(): void;
  /** The press on the list's own box (its scrollbar) ended. */
  released?(): void;
}

export class RowWindowController {
  /** Rows given to the virtualizer at a time. */
  size = 30_000;
  /** Index in `rows` of the window's first row: always 0 unless the history is longer than `size`. */
  start = 0;
  /**
   * What the virtualizer is given: the window's rows, the loading or end entry after the last row, and the spacers
   * of the rows before and after the window.
   */
  entries: ListEntry[] = [];
  /** Index in `rows` of `entries[0]`: the row at entry `i` is `rows[base + i]` (one less than `start` after a spacer). */
  base = 0;
  /** Index (in `rows`) of the first and last row in view, and of the last row rendered. */
  firstVisible = 0;
  lastVisible = 0;
  lastRendered = 0;
  firstRendered = 0;
  /** The row at the view's top while it is inside a spacer (by its place in the spacer), else `null`. */
  spacerRow: number | null = null;
  /** Bumped when the user goes somewhere else (a jump, the new-events pill): corrections of the position stop. */
  moves = 0;
  private rows: readonly Row[] = [];
  private memo: { rows: readonly Row[]; tail: Sentinel | null; start: number; size: number } | null = null;
  /** The entries in view (spacers included), as the virtualizer last reported them. */
  private inView: [first: number, last: number] = [0, 0];
  /** The range of rows rendered, in the window. */
  private range: [first: number, last: number] = [0, 0];

  /** `true` while the window moves (no edge checks meanwhile); `generation` counts the moves, the latest wins. */
  private moving = false;
  private generation = 0;
  /** Rows revealed from outside (`reveal`), counted. */
  private reveals = 0;
  /** The spacer before the window (one entry, or none), and the window's rows among the entries. */
  private lead = 0;
  private windowRows = 0;
  /** Where the list was last seen scrolled, and when it moved (a spacer waits for the list to rest). */
  private lastTop = -1;
  private lastScrollAt = 0;
  private restTimer: ReturnType<typeof setTimeout> | undefined;
  /** A press on the list's own box (the scrollbar's thumb) is held: the window does not move under the pointer. */
  held = false;
  /** The view was at the bottom of the list when it last moved (a height that grows after, as a held one let go, keeps it there). */
  private atBottom = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    private readonly options: RowWindowOptions,
  ) {}

  /** The virtualizer driving the list. */
  get virtualizer(): VirtualizerHostElement[typeof virtualizerRef] | undefined {
    return this.options.scroller()?.[virtualizerRef];
  }

  /** Call in `willUpdate` with the rows and the list's tail entry. */
  sync(rows: readonly Row[], tail: Sentinel | null): void {
    this.rows = rows;
    const start = this.clamp(this.start);
    const m = this.memo;
    if (m && m.rows === rows && m.tail === tail && m.start === start && m.size === this.size) return;
    this.memo = { rows, tail, start, size: this.size };
    this.start = start;
    if (rows.length <= this.size) {
      this.lead = this.base = 0;
      this.windowRows = rows.length;
      this.entries = tail ? [...rows, tail] : (rows as Row[]);
      return;
    }
    const slice = rows.slice(start, start + this.size);
    const before = start;
    const after = rows.length - start - slice.length;
    // Each spacer about as tall as its rows, both scaled to fit beside the window's rows under the cap.
    const room = Math.max(SPACERS_MIN_PX, LIST_MAX_PX - slice.length * TALL_ROW_PX);
    const scale = Math.min(1, room / ((before + after) * ROW_PX));
    const spacer = (side: Spacer['side'], count: number): Spacer => ({ kind: 'spacer', key: `\u0000${side}`, side, rows: count, height: Math.max(1, Math.round(count * ROW_PX * scale)) });
    this.lead = before ? 1 : 0;
    this.base = start - this.lead;
    this.windowRows = slice.length;
    this.entries = [...(before ? [spacer('before', before)] : []), ...slice, ...(after ? [spacer('after', after)] : tail ? [tail] : [])];
  }

  /** Back to the top (another client, another filter). */
  reset(): void {
    this.start = 0;
    this.base = 0;
    this.firstVisible = 0;
    this.lastVisible = 0;
    this.lastRendered = 0;
    this.firstRendered = 0;
  }

  /**
   * The pointer went down on the list's own box, not on a row: its scrollbar. Until it is released the window stays
   * (a move under a dragged thumb would fight it); then the list is looked at again, as if it had just come to rest.
   */
  hold(): void {
    if (this.held) return;
    this.held = true;
    holdScrollSize(this.virtualizer, true);
    const stop = new AbortController();
    const release = () => {
      stop.abort();
      this.held = false;
      holdScrollSize(this.virtualizer, false);
      this.lastScrollAt = performance.now();
      if (!this.host.isConnected) return;
      this.options.requestFrame?.();
      this.options.released?.();
    };
    const options = { capture: true, signal: stop.signal };
    for (const type of ['pointerup', 'pointercancel']) addEventListener(type, release, options);
    // A release the page did not hear (the window lost focus, the button came up outside it).
    addEventListener('blur', (e) => e.target === window && release(), options);
    addEventListener('pointermove', (e) => e.buttons === 0 && release(), options);
  }

  /**
   * The next layout of the virtualizer (it rejects when the element goes away: that ends the wait too), or `cap` ms,
   * whichever comes first: a layout that nothing asks for never completes.
   */
  layoutSettled(cap?: number): Promise<void> {
    const settled = (this.virtualizer?.layoutComplete ?? Promise.resolve()).catch(() => undefined);
    return cap === undefined ? settled : Promise.race([settled, new Promise<void>((resolve) => setTimeout(resolve, cap))]);
  }

  onRangeChanged = (e: RangeChangedEvent) => {
    const [first, last] = (this.range = [this.inWindow(e.first), this.inWindow(e.last)]);
    this.firstRendered = this.start + first;
    this.lastRendered = this.start + last;
    this.options.rangeChanged();
    this.options.requestFrame?.();
  };

  onVisibilityChanged = (e: VisibilityChangedEvent) => {
    this.inView = [e.first, e.last];
    this.firstVisible = this.start + this.inWindow(e.first);
    this.lastVisible = this.start + this.inWindow(e.last);
    this.options.visibilityChanged();
  };

  /** An entry's index as the index of a row of the window (a spacer or the tail counts as the row next to it). */
  private inWindow(entry: number): number {
    return Math.max(0, Math.min(entry - this.lead, this.windowRows - 1));
  }

  /**
   * The list's geometry in a frame in which it scrolled or the rows rendered changed: moves the window when the
   * rendered rows come within `WINDOW_EDGE` rows of an edge that is not the history's.
   */
  onFrame = ({ top, height, scrollHeight }: ScrollGeometry): void => {
    this.spacerRow = null;
    if (this.rows.length <= this.size) return;
    const now = performance.now();
    if (top !== this.lastTop) {
      this.atBottom = top + height >= scrollHeight - 1;
      this.lastTop = top;
      this.lastScrollAt = now;
    }
    // At the bottom of the list, the view is at the end of the spacer after the window, whatever its box says.
    const spacer = this.spacerInView(this.atBottom);
    this.spacerRow = spacer ? spacer.row : null;
    // The virtualizer places the spacer after the scroll: look again next frame while the list is moving.
    if (spacer && now - this.lastScrollAt < 2 * REST_MS) requestAnimationFrame(() => this.host.isConnected && this.options.requestFrame?.());
    if (this.moving || this.held || (spacer && this.landIn(spacer, now))) return;
    const [first, last] = this.range;
    const end = this.start + this.size;
    if ((last >= this.size - WINDOW_EDGE && end < this.rows.length) || (first <= WINDOW_EDGE && this.start > 0)) {
      void this.move(this.start + Math.round((first + last) / 2));
    }
  };

  /**
   * Scrolls row `index` (in `rows`) into view, moving the window there first when it is outside. A row revealed from
   * outside (a jump, a focus move; not `own`, the window's keeping of the row being read) goes first: a window move
   * under way stops keeping its row in place.
   */
  reveal(index: number, block: ScrollLogicalPosition, own = false): void {
    if (!own) this.reveals++;
    this.options.ownMove();
    const local = index - this.start;
    if (local >= 0 && local < this.size) {
      this.virtualizer?.element(local + this.lead)?.scrollIntoView({ block });
      return;
    }
    void this.centre(index, block);
  }

  /**
   * The spacer that fills the view (the scrollbar dragged beyond the window's rows), if one does: how far into it the
   * view is (0 at its top, 1 at its bottom) and the row at that place. Rows sharing the view with a spacer are the
   * window's edge: the edge checks move the window then, keeping the row being read in place.
   */
  private spacerInView(atBottom = false): { side: Spacer; into: number; row: number } | null {
    const [first, last] = this.inView;
    if (first !== last) return null;
    const entry = this.entries[first];
    if (!entry || !('kind' in entry) || entry.kind !== 'spacer') return null;
    const scroller = this.options.scroller();
    const el = scroller?.querySelector<HTMLElement>(`[data-spacer="${entry.side}"]`);
    if (!scroller || !el) return null;
    const view = scroller.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const into = atBottom && entry.side === 'after' ? 1 : Math.min(1, Math.max(0, (view.top - box.top) / Math.max(1, box.height - view.height)));
    const row = (entry.side === 'after' ? this.start + this.windowRows : 0) + Math.round(into * (entry.rows - 1));
    return { side: entry, into, row };
  }

  /** Once the list rests in a spacer, the window moves to the row at that place in it (the last row at its bottom). */
  private landIn({ side, into, row }: { side: Spacer; into: number; row: number }, now: number): true {
    const idle = now - this.lastScrollAt;
    if (idle < REST_MS) {
      clearTimeout(this.restTimer);
      this.restTimer = setTimeout(() => this.host.isConnected && this.options.requestFrame?.(), REST_MS - idle + 10);
      return true;
    }
    this.reveals++;
    this.options.ownMove();
    void this.centre(row, side.side === 'after' && into > 0.99 ? 'end' : 'start');
    return true;
  }

  /** Centres the window on row `index`, keeping the row at the top of the view where it is. */
  private async move(index: number): Promise<void> {
    const start = this.startFor(index);
    if (start === this.start || this.moving || !this.host.isConnected) return;
    const generation = ++this.generation;
    const { moves, reveals } = this;
    this.moving = true;
    try {
      const scroller = this.options.scroller();
      const anchor = scroller ? captureAnchor(scroller, -1) : null;
      this.options.ownMove();
      this.start = start;
      this.host.requestUpdate();
      await this.host.updateComplete;
      const at = anchor ? this.rows.findIndex((row) => row.key === anchor.key) : -1;
      if (anchor && scroller && at >= 0) {
        await restoreAnchor(anchor, {
          scroller,
          index: at,
          reveal: (i) => this.reveal(i, 'start', true),
          settled: () => this.layoutSettled(),
          cancelled: () => generation !== this.generation || moves !== this.moves || reveals !== this.reveals || !this.host.isConnected,
        });
      }
    } finally {
      if (generation === this.generation) this.moving = false;
    }
    // The user may have gone on to the next edge meanwhile.
    if (generation === this.generation && this.host.isConnected) this.options.requestFrame?.();
  }

  /** Gives the virtualizer the window centred on row `index` and scrolls that row into view; no edge moves meanwhile. */
  private async centre(index: number, block: ScrollLogicalPosition): Promise<void> {
    const generation = ++this.generation;
    this.moving = true;
    try {
      const start = this.startFor(index);
      const moved = start !== this.start;
      this.start = start;
      this.host.requestUpdate();
      await this.host.updateComplete;
      // The virtualizer hands its layout the new rows in a frame of its own: a row scrolled to before that is placed
      // among the old ones (a drag to 77 % of the scrollbar came to rest at 17 %).
      if (moved) await this.layoutSettled(SETTLE_CAP_MS);
      if (generation !== this.generation || !this.host.isConnected) return;
      // The last row at the bottom of the view: the end of the history (the entry after it) too.
      const last = index === this.rows.length - 1 && block === 'end';
      const entry = last ? this.entries.length - 1 : index - this.base;
      // The rows measured there change the list's height: the end is scrolled to again (at most 3 more times) until
      // it stays at the bottom of the view.
      const scroller = this.options.scroller();
      for (let tries = 0; ; tries++) {
        this.virtualizer?.element(entry)?.scrollIntoView({ block });
        await this.layoutSettled(tries ? SETTLE_CAP_MS : undefined);
        if (!last || !scroller || tries === 3 || generation !== this.generation) break;
        if (scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop <= 1) break;
      }
    } finally {
      if (generation === this.generation) this.moving = false;
    }
  }

  private startFor(index: number): number {
    return this.clamp(index - Math.floor(this.size / 2));
  }

  private clamp(start: number): number {
    return Math.max(0, Math.min(start, this.rows.length - this.size));
  }
}
