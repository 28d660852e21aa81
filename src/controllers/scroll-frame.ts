import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * How long the list must go without scrolling to be at rest: a drag of the scrollbar that stopped there (a gap then
 * asks for the page at that place, the row window moves to a spacer's rows).
 */
export const REST_MS = 150;

/** Where the list is scrolled, read once for a frame. */
export interface ScrollGeometry {
  top: number;
  /** The list's visible height (`clientHeight`). */
  height: number;
  scrollHeight: number;
}

/**
 * The list's scroll geometry, read once per animation frame for all who need it (the row window's edges, the sweep
 * detector, the new-events pill, the day pin): a `scroll` event only asks for a frame, so a burst of them reads the
 * layout once, and nothing reads it between the virtualizer's writes. Scroll events come before the animation frame
 * callbacks of the same frame: the listeners hear of a scroll in the frame it happened.
 */
export class ScrollFrame implements ReactiveController {
  private frame = 0;
  private readonly listeners: ((geometry: ScrollGeometry) => void)[] = [];

  constructor(
    host: ReactiveControllerHost,
    private readonly scroller: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  /** Each listener hears the geometry of every frame that was asked for, in the order of subscription. */
  subscribe(...listeners: ((geometry: ScrollGeometry) => void)[]): void {
    this.listeners.push(...listeners);
  }

  /** From the list's `scroll` listener, or whenever the geometry should be looked at again: once, in the next frame. */
  request = (): void => {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      const box = this.scroller();
      if (!box) return;
      const geometry = { top: box.scrollTop, height: box.clientHeight, scrollHeight: box.scrollHeight };
      for (const listener of this.listeners) listener(geometry);
    });
  };

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
