/**
 * Live updates: the adapter's optional push subscription and polling of the
 * newest page, both tied to the current client and the element's lifetime.
 * Polls fetch through the source like paging does (same timeout, same shared
 * backoff: no poll is sent while the source backs off).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TimelineAdapter, TimelineFilter } from '../data/adapter.js';
import type { FetchedPage, SourceController } from './source.js';

/** The newest page to poll: whose, how many, under which filter. */
interface PollTarget {
  clientId: string;
  limit: number;
  filter: TimelineFilter;
}

export interface LiveOptions {
  /** The adapter and client to follow, or `null` when there is none. */
  source(): { adapter: TimelineAdapter; clientId: string } | null;
  /** What a poll fetches, or `null` when there is nothing to poll yet. */
  target(): PollTarget | null;
  /** Seconds between polls of the newest page; 0 or less: no polling. */
  interval(): number;
  /** Events pushed by the adapter for `clientId`. */
  onEvents(events: unknown[], clientId: string): void;
  /** The newest page, polled, for `clientId` under `filter` (dropped if either changed meanwhile). */
  onPage(page: FetchedPage, clientId: string, filter: TimelineFilter): Promise<void> | void;
  /** `subscribe` threw, or a poll failed. */
  onError(error: unknown, clientId: string): void;
}

export class LiveController implements ReactiveController {
  private adapter: TimelineAdapter | null = null;
  private clientId: string | null = null;
  private unsubscribe: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private seconds = 0;
  private connected = false;
  private pollAbort: AbortController | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly fetcher: SourceController,
    private readonly options: LiveOptions,
  ) {
    host.addController(this);
  }

  /** Drops the poll in flight, if any (another client). */
  cancelPoll(): void {
    this.pollAbort?.abort();
  }

  /** Fetches the newest page now and hands it on; an earlier poll still in flight is dropped. */
  async refresh(): Promise<void> {
    const target = this.options.target();
    if (!target) return;
    this.pollAbort?.abort();
    const controller = new AbortController();
    this.pollAbort = controller;
    try {
      const page = await this.fetcher.fetchPage({ ...target, cursor: null, signal: controller.signal });
      const now = this.options.target();
      if (controller.signal.aborted || now?.clientId !== target.clientId || JSON.stringify(now.filter) !== JSON.stringify(target.filter)) return;
      await this.options.onPage(page, target.clientId, target.filter);
    } catch (error) {
      if (!controller.signal.aborted) this.options.onError(error, target.clientId);
    } finally {
      if (this.pollAbort === controller) this.pollAbort = null;
    }
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
      this.pollAbort?.abort();
      this.endSubscription();
      this.adapter = adapter;
      this.clientId = clientId;
      if (adapter?.subscribe && clientId !== null) this.startSubscription(adapter, clientId);
    }
    this.seconds = seconds;
    this.stopTimer();
    if (adapter && clientId !== null && seconds > 0) {
      this.timer = setInterval(() => {
        // While the source backs off after failures, polls wait too instead of adding to its load.
        if (!document.hidden && this.fetcher.backoffLeft === 0) void this.refresh();
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
    this.pollAbort?.abort();
    this.endSubscription();
    this.stopTimer();
    this.adapter = null;
    this.clientId = null;
    this.seconds = 0;
  }
}
