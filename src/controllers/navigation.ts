/**
 * Moving through the list: jump to a date (loading older pages as needed), scroll to a row and focus it, keep the
 * row being read in place when events land above it (live events, the newest page merged over saved ones), and the
 * "N new events" pill that takes the user back up. Waits on the pager's own promises, never on the element's events.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { boundOf } from '../data/filter.js';
import type { Row } from '../data/rows.js';
import type { AnnouncerController } from './announcer.js';
import type { LocaleController } from './locale.js';
import type { PagerController } from './pager.js';
import type { RowWindowController } from './row-window.js';
import { captureAnchor, restoreAnchor, type ScrollAnchor } from './scroll-anchor.js';

export interface NavigationOptions {
  rows(): readonly Row[];
  scroller(): HTMLElement | null;
  /** The host is about to scroll the list itself. */
  ownMove(): void;
  /** The element's words and formats, and its live region. */
  i18n: LocaleController;
  announcer: AnnouncerController;
  /** A jump ended (found or not): what it held back may load now. */
  afterJump?(): void;
}

export class NavigationController implements ReactiveController {
  /** While a jump loads older pages: the date it goes to, for the progress line. */
  jumping: string | null = null;
  /** `true` from a jump's start until its row is in place (gaps do not load meanwhile). */
  busy = false;
  private restoring = 0;
  /** Events that arrived above the reading position since the user was at the top. */
  newCount = 0;
  private jumpAbort: AbortController | null = null;
  private revalidationAnchor: ScrollAnchor | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    private readonly pager: PagerController,
    private readonly window: RowWindowController,
    private readonly options: NavigationOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stopJump();
  }

  /** Another client or filter: no jump goes on, no pill. */
  reset(): void {
    this.stopJump();
    this.newCount = 0;
  }

  stopJump(): void {
    this.jumpAbort?.abort();
  }

  /** Resolves `true` once the newest event on or before `date` is at the top of the list and focused. */
  /** The row the last successful jump brought into view. */
  jumpedTo = -1;

  async jumpTo(date: string | number | Date): Promise<boolean> {
    const target = typeof date === 'string' ? boundOf(date, 'end') : +date;
    if (target === null || Number.isNaN(target)) throw new RangeError(`jumpTo: "${String(date)}" is not a date`);
    this.jumpAbort?.abort();
    this.window.moves++;
    const controller = new AbortController();
    this.jumpAbort = controller;
    this.busy = true;
    const label = this.options.i18n.fmt.date(target);
    const { pager } = this;
    // A source that seeks is asked for the page at the date once, whatever the distance; else pages load one by one.
    let sought = false;
    const failed = () => pager.status === 'error';
    try {
      for (;;) {
        if (controller.signal.aborted) return false;
        await this.host.updateComplete;
        if (controller.signal.aborted) return false;
        const rows = this.options.rows();
        const index = rows.findIndex((row) => row.kind !== 'gap' && row.item.time <= target);
        const inGap = pager.gaps.some((gap) => gap.above.time > target && (gap.below === null || gap.below.time <= target));
        if (pager.seeks && !sought && !failed() && (inGap || (index < 0 && !pager.done))) {
          sought = true;
          this.setJumping(label);
          if (!(await pager.seek(target)) && !failed() && !controller.signal.aborted) {
            this.options.announcer.announce(this.options.i18n.msg.find.jumpNotFound(label));
            return false;
          }
          continue;
        }
        if (index >= 0) {
          this.setJumping(null);
          this.jumpedTo = index;
          await this.scrollToRow(index);
          return true;
        }
        if (pager.done || pager.status === 'error' || !pager.clientId) {
          this.setJumping(null);
          this.options.announcer.announce(this.options.i18n.msg.find.jumpNotFound(label));
          return false;
        }
        this.setJumping(label);
        await (pager.loading ? pager.settled() : pager.loadMore());
      }
    } finally {
      if (this.jumpAbort === controller) {
        this.jumpAbort = null;
        this.busy = false;
        this.setJumping(null);
        this.options.afterJump?.();
      }
    }
  }

  /** Scrolls row `index` to the top of the list and focuses it (a few rounds: sizes are estimates until measured). */
  async scrollToRow(index: number, focus = true): Promise<void> {
    const key = this.options.rows()[index]?.key;
    for (let round = 0; round < 6 && key; round++) {
      this.window.reveal(index, 'start');
      await this.host.updateComplete;
      await Promise.race([this.window.layoutSettled(), new Promise((r) => requestAnimationFrame(r))]);
      const scroller = this.options.scroller();
      if (!this.host.isConnected || !scroller) return;
      const row = scroller.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
      if (row && Math.abs(row.getBoundingClientRect().top - scroller.getBoundingClientRect().top) < 1) {
        if (focus) row.focus({ preventScroll: true });
        return;
      }
    }
  }

  /**
   * The rows of a page sought where the user stopped dragging the scrollbar: the first of them to the top of the view
   * (the layout may have moved the view while the tall gap it was in split), focus left where it is.
   */
  async landAt(key: string, block: 'start' | 'end' = 'start'): Promise<void> {
    const moves = ++this.window.moves;
    this.busy = true;
    try {
      await this.host.updateComplete;
      const index = this.options.rows().findIndex((row) => row.key === key);
      if (index < 0 || moves !== this.window.moves) return;
      if (block === 'start') await this.scrollToRow(index, false);
      else {
        this.window.reveal(index, 'end');
        await this.window.layoutSettled();
        const scroller = this.options.scroller();
        if (scroller) scroller.scrollTop = scroller.scrollHeight;
      }
    } finally {
      this.busy = false;
    }
  }

  /** The scrollbar was dragged to the end and the history's last page arrived: the view goes to its very end. */
  async toEnd(): Promise<void> {
    const rows = this.options.rows();
    if (rows.length) await this.landAt(rows[rows.length - 1].key, 'end');
  }

  /** The new-events pill: back to the newest event. */
  showNewEvents(): void {
    this.window.moves++;
    this.newCount = 0;
    this.options.ownMove();
    const scroller = this.options.scroller();
    if (scroller) scroller.scrollTop = 0;
    this.host.requestUpdate();
    // The virtualizer may still place row 0 by stale sizes: make sure it ends at the top.
    void this.scrollToRow(0);
  }

  /** From the list's scroll frame, with its `scrollTop`: at the top, the pill has nothing left to show. */
  onScroll(top: number): void {
    if (this.newCount && top <= 2) {
      this.newCount = 0;
      this.host.requestUpdate();
    }
  }

  /**
   * Runs `insert` (which puts events into the list) and keeps the row being read where it was; `shown` of them landed
   * above it, counted on the pill. At the very top new events simply appear.
   */
  async keepPlace(insert: () => number | null): Promise<void> {
    const scroller = this.options.scroller();
    const anchor = scroller ? captureAnchor(scroller) : null;
    const shown = insert();
    if (shown === null) return;
    if (anchor && shown) {
      this.newCount += shown;
      this.options.announcer.announce(this.options.i18n.msg.find.newEventsAnnounced(this.newCount));
      this.host.requestUpdate();
    }
    await this.restore(anchor, this.window.moves);
  }

  /** Runs `change` (which takes rows out or puts some in above the view), keeping the row being read where it was. */
  async keepReading(change: () => boolean): Promise<void> {
    const scroller = this.options.scroller();
    const anchor = scroller ? captureAnchor(scroller) : null;
    if (change()) await this.restore(anchor, this.window.moves);
  }

  /** The newest page is about to be merged over saved events: remember the row being read. */
  beforeRevalidate(): void {
    const scroller = this.options.scroller();
    this.revalidationAnchor = scroller ? captureAnchor(scroller) : null;
  }

  /** After a page merged: the row being read before the newest page replaced saved events stays where it was. */
  async afterPage(): Promise<void> {
    const anchor = this.revalidationAnchor;
    this.revalidationAnchor = null;
    if (anchor) await this.restore(anchor, this.window.moves);
    else await this.host.updateComplete;
  }

  private async restore(anchor: ScrollAnchor | null, moves: number): Promise<void> {
    await this.host.updateComplete;
    const scroller = this.options.scroller();
    if (!anchor || !scroller) return;
    const index = this.options.rows().findIndex((row) => row.key === anchor.key);
    if (index < 0) return;
    this.restoring++;
    try {
      await restoreAnchor(anchor, {
        scroller,
        index,
        reveal: (i) => this.window.reveal(i, 'start'),
        settled: () => this.window.layoutSettled(),
        cancelled: () => moves !== this.window.moves || !this.host.isConnected,
      });
    } finally {
      this.restoring--;
    }
  }

  /** Resolves once the list is not being moved by a jump or a correction (after a second at most). */
  async still(): Promise<void> {
    for (let i = 0; i < 60 && this.moving; i++) await new Promise((r) => requestAnimationFrame(r));
  }

  /** `true` while the list is scrolled by a jump or to keep the reading position, not by the user. */
  get moving(): boolean {
    return this.busy || this.restoring > 0;
  }

  private setJumping(label: string | null): void {
    if (this.jumping === label) return;
    this.jumping = label;
    this.host.requestUpdate();
  }
}
