import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ScrollGeometry } from './scroll-frame.js';

/**
 * Tells when the list is being swept faster than it can be read: a scrollbar drag or a fling that moves it by more
 * than a screen per frame, twice in a row. While that lasts (`fast`), the host draws rows as light placeholders,
 * since every frame replaces every row. `settleMs` after the last such move, the rows on screen are drawn in full
 * (`onScreenOnly`), and the rows beyond the view after the next paint, so that no single frame builds them all.
 *
 * A single jump is one move and never counts: the rows it lands on are drawn in full at once. Nor do the host's own
 * moves (`ownMove`: a jump to a date, a scroll to a row, keeping the row being read in place), however many.
 *
 * Moves are measured once per frame (`ScrollFrame`), and the end of a sweep is checked once per animation frame, after
 * that frame's scroll: a busy main thread (garbage collection, a slow frame) delays both alike, so it cannot end a sweep
 * that is still going on.
 */
export class FastScrollController implements ReactiveController {
  /** `true` while the list sweeps by more than a screen per frame. */
  fast = false;
  /** `true` for the frame after a sweep in which only the rows on screen are drawn in full. */
  onScreenOnly = false;
  private lastTop = 0;
  private lastMove = -Infinity;
  /** Until then, long moves are the host's own (a jump, a scroll to a row): never the start of a sweep. */
  private ownMovesUntil = -Infinity;
  private sweepFrame = 0;
  private fullFrame = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly settleMs = 120,
  ) {
    host.addController(this);
  }

  /** The host is about to scroll the list itself (jump, scroll to a row, keep the row being read in place). */
  ownMove(): void {
    this.ownMovesUntil = performance.now() + this.settleMs;
  }

  /** The list's geometry in a frame in which it scrolled. */
  onFrame = ({ top, height }: ScrollGeometry): void => {
    const moved = Math.abs(top - this.lastTop);
    this.lastTop = top;
    if (moved <= height) return;
    const now = performance.now();
    if (!this.fast && now - this.lastMove < this.settleMs && now > this.ownMovesUntil) {
      this.fast = true;
      this.sweepFrame = requestAnimationFrame(this.checkSweep);
    }
    this.lastMove = now;
  };

  private checkSweep = () => {
    if (performance.now() - this.lastMove < this.settleMs) {
      this.sweepFrame = requestAnimationFrame(this.checkSweep);
      return;
    }
    this.sweepFrame = 0;
    this.fast = false;
    // The rows on screen in full now; those beyond the view after the next paint: two animation frames, since a
    // callback requested from this frame's callbacks could still run before this frame paints.
    this.onScreenOnly = true;
    this.host.requestUpdate();
    cancelAnimationFrame(this.fullFrame);
    this.fullFrame = requestAnimationFrame(() => {
      this.fullFrame = requestAnimationFrame(() => {
        this.fullFrame = 0;
        this.onScreenOnly = false;
        this.host.requestUpdate();
      });
    });
  };

  /**
   * Whether the row at `index` is drawn as a placeholder, given the first and last rows on screen. Two rows either
   * side count as on screen: the range is estimated before the new rows are measured.
   */
  light(index: number, first: number, last: number): boolean {
    return this.fast || (this.onScreenOnly && (index < first - 2 || index > last + 2));
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.sweepFrame);
    cancelAnimationFrame(this.fullFrame);
    this.sweepFrame = this.fullFrame = 0;
    this.fast = false;
    this.onScreenOnly = false;
    this.lastMove = -Infinity;
  }
}
