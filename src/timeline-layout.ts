/**
 * The virtualizer's flow layout as the timeline uses it. The only file that touches the virtualizer's internals
 * (`_overhang`, `_getSize`, `_getAverageSize`, `_scrollSize`, `_clearItems`, the `measureChildren` hook, and `_layout` /
 * `_scrollerController` in `userScrolls` and `holdScrollSize`): `@lit-labs/virtualizer` is pinned to
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
    // A gap row's size is the one it asks for, whether it was measured or not (its measurement gives the layout's
    // averages a row's size, so that they keep describing rows).
    const metrics = (this as unknown as { _metricsCache: { getChildSize(i: number): number | undefined } })._metricsCache;
    const measured = metrics.getChildSize.bind(metrics);
    metrics.getChildSize = (i) => this.spanAt(i) ?? measured(i);
  }

  /**
   * The items that take a size of their own (gap rows and the row window's spacers: `{ kind: 'gap' | 'spacer',
   * height }`), by index, for these items.
   */
  private spanMemo: { items: unknown[]; spans: { index: number; height: number }[] } | null = null;

  private get spans(): { index: number; height: number }[] {
    const items = this.items as unknown[];
    if (this.spanMemo?.items !== items) {
      const spans: { index: number; height: number }[] = [];
      items.forEach((item, index) => {
        const gap = item as { kind?: string; height?: number } | undefined;
        if ((gap?.kind === 'gap' || gap?.kind === 'spacer') && typeof gap.height === 'number') spans.push({ index, height: gap.height });
      });
      this.spanMemo = { items, spans };
    }
    return this.spanMemo.spans;
  }

  /**
   * New items with another spacer before the window's rows (the row window moved) leave the rows laid out so far at
   * positions of the old list: an estimate made from them (a row scrolled to beyond them) missed the new spacer, and a
   * drag to 77 % of the scrollbar came to rest at 17 %. The layout starts again from the estimates of the new list.
   * (A spacer after the rows moves nothing laid out before it.)
   */
  protected override _setItems(items: unknown[]): void {
    const before = this.items === items ? null : this.leadingSpacer();
    super._setItems(items);
    if (before !== null && before !== this.leadingSpacer()) this._clearItems();
  }

  /** The height of the spacer before the window's rows (`0` for none). */
  private leadingSpacer(): number {
    const first = (this.items as unknown[] | undefined)?.[0] as { kind?: string; height?: number } | undefined;
    return first?.kind === 'spacer' ? (first.height ?? 0) : 0;
  }

  private spanAt(index: number): number | undefined {
    const spans = this.spans;
    if (!spans.length) return undefined;
    return spans.find((s) => s.index === index)?.height;
  }

  /** What the gap rows in [from, to) add beyond a row's average size each. */
  private extra(from: number, to: number): number {
    let extra = 0;
    const delta = this._delta;
    for (const s of this.spans) if (s.index >= from && s.index < to) extra += s.height - delta;
    return extra;
  }

  override _getSize(idx: number): number | undefined {
    return this.spanAt(idx) ?? super._getSize(idx);
  }

  override _estimatePosition(idx: number): number {
    const estimate = super._estimatePosition(idx);
    if (!this.spans.length) return estimate;
    const first = this._first;
    const last = this._last;
    if (first === -1 || last === -1) return estimate + this.extra(0, idx);
    return idx < first ? estimate - this.extra(idx, first) : estimate + this.extra(last + 1, idx);
  }

  /** The scroll size kept while the scrollbar's thumb is held (`holdScrollSize`), `null` when not held. */
  private heldSize: number | null = null;

  override _updateScrollSize(): void {
    super._updateScrollSize();
    if (this.spans.length) this._scrollSize += this.extra(0, this.items.length);
    if (this.heldSize !== null) this._scrollSize = this.heldSize;
  }

  /** Keeps the scroll size as it is until `release`d, then lets it follow the rows' sizes again. */
  holdSize(held: boolean): void {
    this.heldSize = held ? this._scrollSize : null;
    if (!held) this._triggerReflow();
  }

  override _calculateAnchor(lower: number, upper: number): number {
    if (!this.spans.length || lower <= 0 || upper > this._scrollSize - this._viewDim1) return super._calculateAnchor(lower, upper);
    const target = (lower + upper) / 2;
    const delta = this._delta;
    let shift = 0;
    for (const s of this.spans) {
      const top = s.index * delta + shift;
      if (target < top) break;
      if (target < top + s.height) return s.index;
      shift += s.height - delta;
    }
    return Math.max(0, Math.min(this.items.length - 1, Math.floor((target - shift) / delta)));
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
    const span = element.dataset.span;
    if (span !== undefined) {
      // A gap row: as tall as it asks (CSSOM, allowed under any CSP), measured as an average row.
      element.style.blockSize = `${Number(span)}px`;
      return { ...this.lastRow, height: this._getAverageSize() };
    }
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

type VirtualizerInternals = { _layout?: { unpin(): void; holdSize?(held: boolean): void } | null; _scrollerController?: { correctingScrollError: boolean } | null };

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

/**
 * The scrollbar's thumb is pressed (`held`) or released. Chromium lets go of part of a thumb drag whenever the scroll
 * height changes under it, and rows measured during the drag change it (the layout's average row size moves): a drag
 * to the bottom of 100,000 rows came to rest at 77 %. The list's height stays as it was while the thumb is held.
 */
export function holdScrollSize(virtualizer: unknown, held: boolean): void {
  (virtualizer as VirtualizerInternals | undefined)?._layout?.holdSize?.(held);
}
