import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tells when the list is being swept faster than it can be read: a scrollbar drag or a fling that moves it by more
 * than a screen per frame, twice in a row. While that lasts (`fast`), the host draws rows as light placeholders,
 * since every frame replaces every row; `settleMs` after the last such move it re-renders them in full.
 *
 * A single jump (jump to a date, Home / End, a scroll to a row) is one move and never counts: the rows it lands on
 * are drawn in full at once.
 *
 * Once the sweep ends, the rows on screen are drawn in full first (`onScreenOnly`) and the rows beyond the view
 * one frame later, so that no single frame builds them all.
 *
 * The end of a sweep is checked once per animation frame, after that frame's scroll events: a busy main thread
 * (garbage collection, a slow frame) delays both alike, so it cannot end a sweep that is still going on.
 */
export class FastScrollController implements ReactiveController {
  /** `true` while the list sweeps by more than a screen per frame. */
  fast = false;
  /** `true` for the one frame after a sweep in which only the rows on screen are drawn in full. */
  onScreenOnly = false;
  private lastTop = 0;
  private lastSweep = -Infinity;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly scroller: () => HTMLElement | null,
    private readonly settleMs = 120,
  ) {
    host.addController(this);
  }

  /** Call from the list's `scroll` listener. */
  onScroll(): void {
    const box = this.scroller();
    if (!box) return;
    const top = box.scrollTop;
    const moved = Math.abs(top - this.lastTop);
    this.lastTop = top;
    if (moved <= box.clientHeight) return;
    const now = performance.now();
    if (!this.fast && now - this.lastSweep < this.settleMs) {
      this.fast = true;
      this.frame = requestAnimationFrame(this.check);
    }
    this.lastSweep = now;
  }

  private check = () => {
    if (performance.now() - this.lastSweep < this.settleMs) {
      this.frame = requestAnimationFrame(this.check);
      return;
    }
    this.fast = false;
    this.onScreenOnly = true;
    this.host.requestUpdate();
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.onScreenOnly = false;
      this.host.requestUpdate();
    });
  };

  /** Whether the row at `index` is drawn as a placeholder, given the first and last rows on screen. */
  light(index: number, first: number, last: number): boolean {
    return this.fast || (this.onScreenOnly && (index < first || index > last));
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.fast = false;
    this.onScreenOnly = false;
    this.lastSweep = -Infinity;
  }
}
