import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps relative times fresh: re-renders the host every `interval` ms while it
 * is connected and the page is visible. `fixed` pins the clock (stories, tests).
 */
export class ClockController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;
  fixed: number | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly interval = 30_000,
  ) {
    host.addController(this);
  }

  get now(): number {
    return this.fixed ?? Date.now();
  }

  hostConnected(): void {
    this.timer = setInterval(() => {
      if (this.fixed === undefined && document.visibilityState !== 'hidden') this.host.requestUpdate();
    }, this.interval);
    document.addEventListener('visibilitychange', this.onVisible);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  private onVisible = () => {
    if (document.visibilityState === 'visible') this.host.requestUpdate();
  };
}
