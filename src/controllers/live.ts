/**
 * Live updates: the adapter's optional push subscription and polling of the
 * newest page, both tied to the current client and the element's lifetime.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TimelineAdapter } from '../data/adapter.js';

export interface LiveOptions {
  /** The adapter and client to follow, or `null` when there is none. */
  source(): { adapter: TimelineAdapter; clientId: string } | null;
  /** Seconds between polls of the newest page; 0 or less: no polling. */
  interval(): number;
  /** Events pushed by the adapter for `clientId`. */
  onEvents(events: unknown[], clientId: string): void;
  /** Time to poll. */
  poll(): void;
  /** `subscribe` threw. */
  onError(error: unknown, clientId: string): void;
}

export class LiveController implements ReactiveController {
  private adapter: TimelineAdapter | null = null;
  private clientId: string | null = null;
  private unsubscribe: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private seconds = 0;
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: LiveOptions,
  ) {
    host.addController(this);
  }

  /** `true` while a push subscription is open. */
  get subscribed(): boolean {
    return this.unsubscribe !== null;
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  private sync(): void {
    const source = this.connected ? this.options.source() : null;
    const adapter = source?.adapter ?? null;
    const clientId = source?.clientId ?? null;
    const seconds = Number.isFinite(this.options.interval()) ? Math.max(0, this.options.interval()) : 0;
    if (adapter === this.adapter && clientId === this.clientId && seconds === this.seconds) return;
    const sourceChanged = adapter !== this.adapter || clientId !== this.clientId;
    if (sourceChanged) {
      this.endSubscription();
      this.adapter = adapter;
      this.clientId = clientId;
      if (adapter?.subscribe && clientId !== null) this.startSubscription(adapter, clientId);
    }
    this.seconds = seconds;
    this.stopTimer();
    if (adapter && clientId !== null && seconds > 0) {
      this.timer = setInterval(() => {
        if (!document.hidden) this.options.poll();
      }, seconds * 1000);
    }
  }

  private startSubscription(adapter: TimelineAdapter, clientId: string): void {
    let open = true;
    try {
      const end = adapter.subscribe!(clientId, (events) => {
        // A late push for a client the element left is dropped.
        if (open && Array.isArray(events)) this.options.onEvents(events, clientId);
      });
      this.unsubscribe = () => {
        open = false;
        if (typeof end === 'function') end();
      };
    } catch (error) {
      open = false;
      this.options.onError(error, clientId);
    }
  }

  private endSubscription(): void {
    const end = this.unsubscribe;
    this.unsubscribe = null;
    end?.();
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private stop(): void {
    this.endSubscription();
    this.stopTimer();
    this.adapter = null;
    this.clientId = null;
    this.seconds = 0;
  }
}
