/**
 * Focus that is never dropped to the page. An action that removes the control it was started from (a filter chip's
 * ×, Clear all, Clear filters, a menu item, Retry) says where focus goes next; once the element has re-rendered and
 * that control is gone or hidden, focus moves there. The target may not exist yet (the first row after a Retry):
 * it is looked for again on each frame until it does, focus moves elsewhere, or ten seconds pass.
 * The rows of the feed keep their own focus (FeedFocusController).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const WAIT_MS = 10_000;

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export class FocusReturnController implements ReactiveController {
  private from: HTMLElement | null = null;
  private target: (() => HTMLElement | null) | null = null;
  private until = 0;
  private frame = 0;
  private wait = false;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /**
   * Once `from` (the control the action started from; the focused element when `null`) is gone, focuses what
   * `target` returns; `target` returns `null` while what it looks for is not rendered yet. With `wait`, the control
   * may stay a while (Retry while its request runs); without, an action that leaves it in place leaves focus alone.
   */
  expect(from: Element | null, target: () => HTMLElement | null, wait = false): void {
    this.from = (from ?? this.root?.activeElement ?? null) as HTMLElement | null;
    this.target = target;
    this.wait = wait;
    this.until = performance.now() + WAIT_MS;
    // The action runs after this call and re-renders in a microtask: look on the next frame.
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.check());
  }

  hostUpdated(): void {
    if (this.target) void this.host.updateComplete.then(() => this.check());
  }

  hostDisconnected(): void {
    this.clear();
  }

  private get root(): ShadowRoot | null {
    const root = this.host.renderRoot;
    return root instanceof ShadowRoot ? root : null;
  }

  private clear(): void {
    this.from = null;
    this.target = null;
    cancelAnimationFrame(this.frame);
  }

  private check(): void {
    cancelAnimationFrame(this.frame);
    const root = this.root;
    if (!this.target || !root) return;
    if (performance.now() > this.until) return this.clear();
    const from = this.from;
    const active = root.activeElement;
    const gone = !from || !from.isConnected || !from.checkVisibility();
    // Focus went on elsewhere (the user moved it, or the control is still there and keeps it).
    if (active && active !== from) return this.clear();
    if (!gone && !this.wait) return this.clear();
    if (gone) {
      const element = this.target();
      if (element) {
        this.clear();
        element.focus();
        return;
      }
    }
    this.frame = requestAnimationFrame(() => this.check());
  }
}
