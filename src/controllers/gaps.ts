import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Row } from '../data/rows.js';
import type { Gap } from '../data/gaps.js';
import { REST_MS, type ScrollGeometry } from './scroll-frame.js';
import type { PagerController } from './pager.js';
import type { NavigationController } from './navigation.js';
import type { RowWindowController } from './row-window.js';
import { userScrolls } from '../timeline-layout.js';

/** A row's height for sizing gap rows (px), and the most all gap rows may take, under the virtualizer's 8.2M px cap. */
const ROW_ESTIMATE = 80;
const GAPS_MAX_PX = 7_600_000;
const GAP_MIN_PX = 112;

/** Keys that scroll the list. */
const SCROLL_KEYS = new Set(['PageDown', 'PageUp', 'Home', 'End', 'ArrowDown', 'ArrowUp', ' ']);

/** Each gap row about as tall as the events it stands for, all of them scaled to fit with `rows` rows under the cap. */
export function gapHeights(rows: number, gaps: readonly Gap[]): (gap: Gap) => number {
  const events = gaps.reduce((n, gap) => n + (gap.count ?? 0), 0);
  const room = Math.max(1_000_000, GAPS_MAX_PX - rows * ROW_ESTIMATE);
  const scale = Math.min(1, room / Math.max(1, events * ROW_ESTIMATE));
  return (gap) => Math.max(GAP_MIN_PX, Math.round((gap.count ?? 0) * ROW_ESTIMATE * scale));
}

type GapRow = Extract<Row, { kind: 'gap' }>;

export interface GapsOptions {
  rows: () => readonly Row[];
  scroller: () => HTMLElement | null;
  /** On a source that seeks: how many events may stay loaded (`memory-events`). */
  memoryEvents: () => number;
  seeks: () => boolean;
  /** Asks for what the rows on screen need next (the next page, another gap). */
  loadMore: () => void;
}

/**
 * The gaps of a history loaded in stretches (after a seek, or where far stretches were dropped): which gap in view
 * loads, from which side or at which position; which stretches to drop past `memory-events`; which way the user
 * scrolls and whether the list rests. The pager holds the gaps; this decides when and how they are filled.
 */
export class GapsController implements ReactiveController {
  /** Which way the user last scrolled (a gap in view loads from the side they come from), and from where. */
  private scrolledDown = true;
  private lastScrollTop = 0;
  /** When the list last scrolled, and the check of a gap waiting for it to stop. */
  private lastScrollAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSought = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly pager: PagerController,
    private readonly rowWindow: RowWindowController,
    private readonly navigation: NavigationController,
    private readonly options: GapsOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** After a jump that landed below a gap: it fills from below, the side the user reads from. */
  fromBelow(): void {
    this.scrolledDown = false;
  }

  /** A scroll event: when (a gap waits for the list to rest). */
  scrolled(): void {
    this.lastScrollAt = performance.now();
  }

  /** Each frame's geometry: which way the user scrolled (not the element itself). */
  onFrame = ({ top }: ScrollGeometry): void => {
    if (top !== this.lastScrollTop && !this.navigation.moving) this.scrolledDown = top > this.lastScrollTop;
    this.lastScrollTop = top;
  };

  /**
   * The user scrolls (wheel, touch, the scrollbar, a key): corrections of the position in progress (the row read put
   * back after rows landed above it) stop rather than undo the user's scroll.
   */
  readonly userMoves = {
    passive: true,
    handleEvent: (e: Event) => {
      if (e.type === 'pointerdown' && e.target !== this.options.scroller()) return;
      if (e.type === 'keydown' && !SCROLL_KEYS.has((e as KeyboardEvent).key)) return;
      if (e.type === 'pointerdown') this.rowWindow.hold();
      this.rowWindow.moves++;
      userScrolls(this.rowWindow.virtualizer);
    },
  };

  /**
   * On a source that seeks, past `memoryEvents` loaded: drops the stretches farthest from the row being read (they
   * become gaps, loaded again when scrolled back into), the row being read staying in place.
   */
  async evictFar(): Promise<void> {
    const { pager } = this;
    const limit = Math.max(1_000, Math.floor(this.options.memoryEvents()) || 20_000);
    if (!this.options.seeks() || pager.items.length <= limit * 1.1) return;
    // After the list's own moves (a jump, the reading position put back), from where the user is.
    const { navigation } = this;
    await navigation.still();
    if (pager.items.length <= limit * 1.1) return;
    const row = this.options.rows()[this.rowWindow.firstVisible];
    await navigation.keepReading(() => pager.evict(row?.item, limit));
  }

  /**
   * A gap row rendered loads from the side the user comes from: near its top edge, from above (the next page); near
   * its bottom edge, from below; deep inside a tall one (a scrollbar dragged into events not loaded), the page at that
   * position in the history, once the scrolling has stopped for a moment. Whether a gap asked (or waits to).
   */
  fill(): boolean {
    const { pager } = this;
    const { navigation } = this;
    if (pager.status !== 'idle' || !pager.gaps.length || navigation.moving) return false;
    // The scrollbar's thumb is held: a gap waits for its release (the list is looked at again then).
    if (this.rowWindow.held) return true;
    const rows = this.options.rows();
    const { firstRendered, lastRendered } = this.rowWindow;
    for (let i = firstRendered; i <= lastRendered; i++) {
      const row = rows[i];
      if (row?.kind !== 'gap') continue;
      const inside = pager.seeksAt ? this.inside(row) : null;
      if (inside === null || typeof inside === 'string') {
        const from = inside ?? (this.scrolledDown ? 'above' : 'below');
        const toEnd = from === 'below' && row.gap.below === null;
        void pager.fillGap(row.key, from).then(() => (toEnd && pager.done ? navigation.toEnd() : undefined));
        return true;
      }
      if (inside < 0) return true; // still scrolling: looked at again once it stops
      const above = pager.positionOf(row.gap.above) ?? (row.gap.below === null ? pager.items.length - 1 : null);
      if (above === null) {
        void pager.fillGap(row.key, 'below');
        return true;
      }
      const at = above + 1 + Math.floor(inside * (row.gap.count ?? 0));
      // The same place asked for again without the gap changing: the source did not give it; no loop of requests.
      const ask = `${row.key}:${row.gap.count}:${at}`;
      if (ask === this.lastSought) return false;
      this.lastSought = ask;
      void pager.seekAt(at).then(async (found) => {
        const first = found ? pager.items.find((item) => pager.positionOf(item) === at) : undefined;
        if (first) await navigation.landAt(first.id);
        this.options.loadMore();
      });
      return true;
    }
    return false;
  }

  /**
   * Where the view's top is inside a tall gap row, as a fraction of it (0–1); the edge it is at (it fills from there);
   * `null` when that is not known (the gap's size is not); -1 while the list is still scrolling (checked again later).
   */
  private inside(row: GapRow): number | 'above' | 'below' | null {
    const box = this.options.scroller();
    const el = box?.querySelector<HTMLElement>(`[data-key="${CSS.escape(row.key)}"]`);
    if (!box || row.gap.count === null || this.pager.total === null) return null;
    if (!el) return this.waitForRest(0);
    const view = box.clientHeight;
    const into = box.getBoundingClientRect().top - el.getBoundingClientRect().top;
    if (into < view / 2) return 'above';
    if (into + view > row.height - view / 2) return 'below';
    const idle = performance.now() - this.lastScrollAt;
    if (idle < REST_MS) return this.waitForRest(REST_MS - idle);
    return Math.min(1, into / row.height);
  }

  /** Looks at the gaps in view again in `ms` (and a frame): -1, for `inside`. */
  private waitForRest(ms: number): -1 {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => requestAnimationFrame(() => this.fill()), ms + 10);
    return -1;
  }
}
