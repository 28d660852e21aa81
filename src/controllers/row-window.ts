/**
 * The rows given to the virtualizer. It caps the list's height near 8.2 million px (≈ 100,000 rows), so a longer
 * history is shown through a window of `size` rows that moves along as the user scrolls near either edge, keeping the
 * row being read in place; jumps (to a date, a search match, a row) move it there. Also what the virtualizer reports
 * back: the rows rendered and the rows in view, counted over the whole history.
 */
import type { ReactiveControllerHost } from 'lit';
import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { Row } from '../data/rows.js';
import { captureAnchor, restoreAnchor } from './scroll-anchor.js';
import type { ScrollGeometry } from './scroll-frame.js';

/** The list's last entry when it is not a row. */
export type Sentinel = { readonly sentinel: 'loading' | 'end' };
export type ListEntry = Row | Sentinel;
export const LOADING: Sentinel = { sentinel: 'loading' };
export const END: Sentinel = { sentinel: 'end' };
// The virtualizer may ask for the key of an index past a shrunken list: tolerate `undefined`.
export const isSentinel = (entry: ListEntry | undefined): entry is Sentinel => !!entry && 'sentinel' in entry;

/** Rows from either edge of the window at which it moves. */
const WINDOW_EDGE = 200;

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
}

export class RowWindowController {
  /** Rows given to the virtualizer at a time. */
  size = 50_000;
  /** Index in `rows` of the window's first row: always 0 unless the history is longer than `size`. */
  start = 0;
  /** What the virtualizer is given: the window's rows, and the loading or end entry after the last row. */
  entries: ListEntry[] = [];
  /** Index (in `rows`) of the first and last row in view, and of the last row rendered. */
  firstVisible = 0;
  lastVisible = 0;
  lastRendered = 0;
  firstRendered = 0;
  /** Bumped when the user goes somewhere else (a jump, the new-events pill): corrections of the position stop. */
  moves = 0;
  private rows: readonly Row[] = [];
  private memo: { rows: readonly Row[]; tail: Sentinel | null; start: number; size: number } | null = null;
  /** The range of rows rendered, in the window. */
  private range: [first: number, last: number] = [0, 0];
  /** `true` while the window moves (no edge checks meanwhile); `generation` counts the moves, the latest wins. */
  private moving = false;
  private generation = 0;
  /** Rows revealed from outside (`reveal`), counted. */
  private reveals = 0;

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
    const slice = rows.length > this.size ? rows.slice(start, start + this.size) : (rows as Row[]);
    this.entries = tail && start + slice.length >= rows.length ? [...slice, tail] : slice;
  }

  /** Back to the top (another client, another filter). */
  reset(): void {
    this.start = 0;
    this.firstVisible = 0;
    this.lastVisible = 0;
    this.lastRendered = 0;
    this.firstRendered = 0;
  }

  /** The next layout of the virtualizer (it rejects when the element goes away: that ends the wait too). */
  layoutSettled(): Promise<void> {
    return (this.virtualizer?.layoutComplete ?? Promise.resolve()).catch(() => undefined);
  }

  onRangeChanged = (e: RangeChangedEvent) => {
    this.lastRendered = this.start + e.last;
    this.firstRendered = this.start + e.first;
    this.range = [e.first, e.last];
    this.options.rangeChanged();
    this.options.requestFrame?.();
  };

  onVisibilityChanged = (e: VisibilityChangedEvent) => {
    this.firstVisible = this.start + e.first;
    this.lastVisible = this.start + e.last;
    this.options.visibilityChanged();
  };

  /**
   * The list's geometry in a frame in which it scrolled or the rows rendered changed: moves the window when the
   * rendered rows come within `WINDOW_EDGE` rows of an edge that is not the history's.
   */
  onFrame = ({ top, height, scrollHeight }: ScrollGeometry): void => {
    if (this.rows.length <= this.size) return;
    const [first, last] = this.range;
    const end = this.start + this.size;
    // At the bottom of the list too, in case rows were so tall that the virtualizer capped the list's height.
    const atBottom = top > 0 && top + height >= scrollHeight - 2;
    if (((last >= this.size - WINDOW_EDGE || atBottom) && end < this.rows.length) || (first <= WINDOW_EDGE && this.start > 0)) {
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
      this.virtualizer?.element(local)?.scrollIntoView({ block });
      return;
    }
    void this.centre(index, block);
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
      this.start = this.startFor(index);
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.virtualizer?.element(index - this.start)?.scrollIntoView({ block });
      await this.layoutSettled();
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
