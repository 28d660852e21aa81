/**
 * The virtualizer's flow layout as the timeline uses it. The only file that touches the virtualizer's internals
 * (`_overhang`, `_getSize`, `_getAverageSize`, the `measureChildren` hook, and `_layout` / `_scrollerController` in
 * `userScrolls`): `@lit-labs/virtualizer` is pinned to
 * `~2.1` for them, and test/element/timeline-layout.test.ts fails if the hook stops being called.
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

export type ItemBox = { width: number; height: number; marginTop: number; marginRight: number; marginBottom: number; marginLeft: number };

/**
 * Renders rows 400 px beyond each edge of the view instead of 1,000: half the rows to build on every jump of the
 * scrollbar (BENCHMARKS.md). Safe because no row grows much taller than the view (`--ct-detail-max-height`, clamped
 * titles and summaries).
 */
export class TimelineLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = 400;
  }

  /** The last full row measured: its box and margins, lent to placeholder rows. */
  private lastRow: ItemBox = { width: 0, height: 0, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0 };

  /**
   * A placeholder row's measurement (fast scrolling, `data-placeholder` = its index): the size already known for its
   * event, or the average estimate, so the layout neither waits for a real measurement nor learns a wrong size; the
   * full row is measured once it replaces the placeholder. `measured` is the virtualizer's own measurement of any other
   * item (box and margins).
   */
  measure(element: HTMLElement, measured: (element: HTMLElement) => ItemBox): ItemBox {
    const placeholder = element.dataset.placeholder;
    if (placeholder !== undefined) return { ...this.lastRow, height: this._getSize(Number(placeholder)) ?? this._getAverageSize() };
    const box = measured(element);
    if (element.localName === 'article') this.lastRow = box;
    return box;
  }
}

// FlowLayout declares `measureChildren` as a boolean getter; the virtualizer also takes a function there, and calls
// it with itself as `this` for every item it measures (its own `_measureChild` is the default measurement).
Object.defineProperty(TimelineLayout.prototype, 'measureChildren', {
  get(this: TimelineLayout) {
    const layout = this;
    return function (this: { _measureChild(element: HTMLElement): ItemBox }, element: HTMLElement) {
      return layout.measure(element, (el) => this._measureChild(el));
    };
  },
});

type VirtualizerInternals = { _layout?: { unpin(): void } | null; _scrollerController?: { correctingScrollError: boolean } | null };

/**
 * The user scrolls: the virtualizer takes any scroll within two frames of its own correction of the scroll position
 * for part of that correction, keeps the layout pinned to the row it scrolled to, and so undoes the user's scroll.
 * Unpins it and ends the correction window now.
 */
export function userScrolls(virtualizer: unknown): void {
  const v = virtualizer as VirtualizerInternals | undefined;
  v?._layout?.unpin();
  if (v?._scrollerController) v._scrollerController.correctingScrollError = false;
}
