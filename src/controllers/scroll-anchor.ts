/**
 * Scroll anchoring for a virtualized list: the virtualizer keeps none, and caches
 * sizes by index, so inserting rows above the viewport would move what the user
 * reads. Record the first visible row and its pixel offset, insert, then scroll
 * until that row is back at the same offset.
 */

export interface ScrollAnchor {
  /** `data-key` of the first row visible at the top of the scroller. */
  key: string;
  /** Its top edge relative to the scroller's top edge, in CSS pixels. */
  offset: number;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The first row (element with `data-key`, not a gap's placeholder) visible in `scroller`, or `null` at the very top. */
export function captureAnchor(scroller: HTMLElement, atTop = 2): ScrollAnchor | null {
  if (scroller.scrollTop <= atTop) return null;
  const top = scroller.getBoundingClientRect().top;
  let best: { key: string; offset: number } | null = null;
  for (const row of scroller.querySelectorAll<HTMLElement>('[data-key]:not(.gap)')) {
    const rect = row.getBoundingClientRect();
    if (rect.bottom <= top + 1 || rect.height === 0) continue;
    const offset = rect.top - top;
    if (!best || offset < best.offset) best = { key: row.dataset.key!, offset };
  }
  return best;
}

export interface AnchorTarget {
  scroller: HTMLElement;
  /** Index of the anchored row in the new list. */
  index: number;
  /** Scrolls the row at `index` into view (the virtualizer's `element(index).scrollIntoView`). */
  reveal(index: number): void;
  /** Resolves when the list laid itself out again. */
  settled(): Promise<void>;
  /** `true` once the user moved on (scrolled to the top, jumped): stop correcting. */
  cancelled?(): boolean;
}

/**
 * Scrolls until the anchored row sits at its recorded offset again (or gives up
 * after a few frames). Returns the remaining error in pixels.
 */
export async function restoreAnchor(anchor: ScrollAnchor, target: AnchorTarget, maxRounds = 10): Promise<number> {
  const { scroller } = target;
  let error = Infinity;
  let stable = 0;
  for (let round = 0; round < maxRounds && stable < 2; round++) {
    if (target.cancelled?.()) break;
    const row = scroller.querySelector<HTMLElement>(`[data-key="${CSS.escape(anchor.key)}"]`);
    if (!row) {
      target.reveal(target.index);
    } else {
      error = row.getBoundingClientRect().top - scroller.getBoundingClientRect().top - anchor.offset;
      if (Math.abs(error) < 0.5) {
        stable++;
      } else {
        stable = 0;
        scroller.scrollTop += error;
      }
    }
    await Promise.race([target.settled(), frame().then(frame)]);
  }
  return error;
}
