/**
 * Keyboard use of the feed (WAI-ARIA feed pattern) and focus that survives
 * the virtualizer:
 *
 * - Page Down / Page Up move focus to the next / previous article, by index,
 *   scrolling it into view through the virtualizer and loading the next page
 *   when the last loaded one is passed.
 * - Ctrl+Home / Ctrl+End move focus to the first focusable element before /
 *   after the feed: inside the element, or else the page's next one.
 * - Enter and Space on a focused article expand or collapse it.
 * - The focused event is remembered by key. When its row leaves the DOM (the
 *   virtualizer recycles rows scrolled away, a page or a filter re-renders the
 *   list), focus is put back on that row, or on the row now at its place when
 *   the event is gone, or parked on the list itself while the row is not
 *   rendered, never dropped to the page.
 * - After the filter changes, the number of results is announced once the
 *   list settles.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Row } from '../data/rows.js';

export interface FeedFocusOptions {
  /** The rows the list shows, in order. */
  rows(): readonly Row[];
  /** The list's scroll container (the virtualizer's host). */
  scroller(): HTMLElement | null;
  /** Scrolls row `index` into view through the virtualizer. */
  scrollToIndex(index: number): void;
  /** Index of the first row in view. */
  firstVisible(): number;
  /** Requests the next page when there is one; `false` when the history is complete or a page is failing. */
  loadMore(): boolean;
  /** A string that changes whenever the filter does; `null` when nothing filters. */
  filterKey(): string | null;
  /** Whether the list is settled (no page or search in flight). */
  settled(): boolean;
  /** Says the number of results after a filter change, through the polite live region. */
  announceResults(count: number): void;
}

type Target = 'article' | 'toggle';

const FOCUSABLE = 'button, [href], input, select, textarea, summary, audio[controls], [tabindex]:not([tabindex="-1"])';

export class FeedFocusController implements ReactiveController {
  /** Key of the event that has, or should get back, focus. */
  private key: string | null = null;
  /** Its last known index, for when the event disappears. */
  private index = 0;
  private target: Target = 'article';
  /** The element that had focus inside the feed. */
  private last: HTMLElement | null = null;
  /** A keyboard move is waiting for its row to be rendered. */
  private pending = false;
  /** A keyboard move past the loaded rows waits for the next page. */
  private pendingIndex: number | null = null;
  private observer: MutationObserver | null = null;
  private observed: HTMLElement | null = null;
  private lastFilter: string | null = null;
  private announceFilter = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly options: FeedFocusOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('keydown', this.onKeyDown as EventListener);
    this.host.renderRoot.addEventListener('focusin', this.onFocusIn as EventListener);
    // Connected again (moved in the page): the list is watched again at once, not from the next render on.
    this.watch();
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('keydown', this.onKeyDown as EventListener);
    this.host.renderRoot.removeEventListener('focusin', this.onFocusIn as EventListener);
    this.observer?.disconnect();
    this.observer = null;
    this.observed = null;
  }

  hostUpdate(): void {
    const filter = this.options.filterKey();
    if (filter !== this.lastFilter) {
      this.lastFilter = filter;
      this.announceFilter = filter !== null;
    }
    if (this.announceFilter && this.options.settled()) {
      this.announceFilter = false;
      this.options.announceResults(this.options.rows().length);
    }
  }

  /** Watches the list's rows coming and going (focus is kept across recycled rows). */
  private watch(): void {
    const scroller = this.options.scroller();
    if (scroller && scroller !== this.observed) {
      this.observer?.disconnect();
      this.observer = new MutationObserver(() => this.check());
      this.observer.observe(scroller, { childList: true });
      this.observed = scroller;
    }
  }

  hostUpdated(): void {
    this.watch();
    if (this.pendingIndex !== null && this.pendingIndex < this.options.rows().length) {
      const index = this.pendingIndex;
      this.pendingIndex = null;
      this.moveTo(index);
    }
    this.check();
  }

  private get root(): ShadowRoot | null {
    const root = this.host.renderRoot;
    return root instanceof ShadowRoot ? root : null;
  }

  private article(key: string): HTMLElement | null {
    return this.options.scroller()?.querySelector<HTMLElement>(`article[data-key="${CSS.escape(key)}"]`) ?? null;
  }

  private onFocusIn = (e: FocusEvent) => {
    const target = e.composedPath()[0] as HTMLElement;
    const scroller = this.options.scroller();
    if (target === scroller) return;
    const article = scroller?.contains(target) ? target.closest<HTMLElement>('article[data-key]') : null;
    if (!article) {
      this.key = null;
      this.pending = false;
      this.pendingIndex = null;
      return;
    }
    this.key = article.dataset.key!;
    this.index = Math.max(0, Number(article.getAttribute('aria-posinset')) - 1);
    this.target = target === article || !target.matches('[part~="toggle"]') ? 'article' : 'toggle';
    this.last = target;
    this.pending = false;
  };

  /** Puts focus back on the remembered row when it was lost or parked, or when a move waits for its row. */
  private check(): void {
    const root = this.root;
    const scroller = this.options.scroller();
    if (this.key === null || !root || !scroller) return;
    if (this.pending) {
      const article = this.article(this.key);
      if (article) this.focus(article, false);
      return;
    }
    const active = root.activeElement;
    const parked = active === scroller;
    const lost = !active && !!this.last && !this.last.isConnected && (document.activeElement === document.body || document.activeElement === null);
    if (!active && !lost) {
      // Focus left the element on purpose.
      this.key = null;
      this.pending = false;
      return;
    }
    if (active && !parked) return;
    const rows = this.options.rows();
    let index = rows.findIndex((row) => row.key === this.key);
    if (index < 0) {
      // The event is gone (filtered out, reloaded): the row now at its place.
      index = Math.min(this.index, rows.length - 1);
      if (index < 0) {
        if (lost) scroller.focus({ preventScroll: true });
        return;
      }
      this.key = rows[index].key;
      this.target = 'article';
      this.options.scrollToIndex(index);
      this.pending = true;
    }
    this.index = index;
    const article = this.article(this.key);
    if (article) {
      this.focus(article, !this.pending);
      return;
    }
    // Not rendered (scrolled away): keep focus on the list; the next Page Down / Up continues from this event.
    if (lost) scroller.focus({ preventScroll: true });
  }

  private focus(article: HTMLElement, preventScroll: boolean): void {
    const toggle = this.target === 'toggle' ? article.querySelector<HTMLElement>('[part~="toggle"]') : null;
    const element = toggle ?? article;
    this.pending = false;
    element.focus({ preventScroll });
    if (!preventScroll) article.scrollIntoView({ block: 'nearest' });
    this.last = element;
  }

  /** Puts focus on row `index` (after a jump to it). */
  focusRow(index: number): void {
    if (index >= 0 && index < this.options.rows().length) this.moveTo(index);
  }

  /** Moves focus to row `index`, scrolling it into view; past the loaded rows, after the next page. */
  private moveTo(index: number): void {
    const rows = this.options.rows();
    if (index >= rows.length) {
      if (this.options.loadMore()) this.pendingIndex = index;
      return;
    }
    const target = Math.max(0, index);
    this.key = rows[target].key;
    this.index = target;
    this.target = 'article';
    const article = this.article(this.key);
    if (article) {
      this.focus(article, false);
      return;
    }
    this.pending = true;
    this.options.scrollToIndex(target);
  }

  private onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.metaKey) return;
    const scroller = this.options.scroller();
    const target = e.composedPath()[0] as HTMLElement;
    if (!scroller || !scroller.contains(target)) return;
    if ((e.key === 'PageDown' || e.key === 'PageUp') && !e.ctrlKey && !e.shiftKey) {
      if (target.closest('input, textarea, select, audio')) return;
      const rows = this.options.rows();
      if (!rows.length) return;
      e.preventDefault();
      const step = e.key === 'PageDown' ? 1 : -1;
      const article = target.closest<HTMLElement>('article[data-key]');
      let from: number;
      if (article) from = rows.findIndex((row) => row.key === article.dataset.key);
      else if (this.key !== null) from = rows.findIndex((row) => row.key === this.key);
      else from = -1;
      if (from < 0) {
        this.moveTo(Math.min(this.options.firstVisible(), rows.length - 1));
        return;
      }
      if (from + step < 0) return;
      this.moveTo(from + step);
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && !e.ctrlKey && !e.shiftKey && target.matches('article[data-key]')) {
      e.preventDefault();
      target.querySelector<HTMLElement>('[part~="toggle"]')?.click();
      return;
    }
    if (e.ctrlKey && (e.key === 'Home' || e.key === 'End')) {
      const outside = this.focusableOutsideFeed(e.key === 'Home' ? 'before' : 'after') ?? (e.key === 'End' ? this.nextInPage() : null);
      if (!outside) return;
      e.preventDefault();
      outside.focus();
    }
  };

  /** The page's first focusable element after the element (in the host's tree: the document or a shadow root). */
  private nextInPage(): HTMLElement | null {
    const host = this.host;
    const tree = host.getRootNode() as Document | ShadowRoot;
    for (const el of tree.querySelectorAll<HTMLElement>(FOCUSABLE)) {
      if (host.contains(el) || !(host.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      if (el.tabIndex < 0 || el.matches(':disabled') || !el.checkVisibility()) continue;
      return el;
    }
    return null;
  }

  /** The first focusable element before (the nearest one) or after the feed, inside the element. */
  private focusableOutsideFeed(where: 'before' | 'after'): HTMLElement | null {
    const scroller = this.options.scroller();
    const root = this.root;
    if (!scroller || !root) return null;
    const candidates = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
      if (scroller.contains(el) || el.matches(':disabled') || el.closest('[hidden], [inert]')) return false;
      if (el.closest('details:not([open])') && !el.matches('details > summary')) return false;
      const position = scroller.compareDocumentPosition(el);
      return where === 'before' ? position & Node.DOCUMENT_POSITION_PRECEDING : position & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    return (where === 'before' ? candidates[candidates.length - 1] : candidates[0]) ?? null;
  }
}
