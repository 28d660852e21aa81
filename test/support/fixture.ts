import { fixture, html, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import '../../src/index.js';
import { loadMessages } from '../../src/i18n/messages.js';
import { chunksLoading } from '../../src/lazy.js';
import type { ClientTimeline } from '../../src/client-timeline.js';
import type { TimelineAdapter } from '../../src/data/adapter.js';
import { NOW } from './events.js';

// The virtualizer's ResizeObserver is benign when it loops; its own tests ignore it too.
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

export interface MountOptions {
  adapter?: TimelineAdapter;
  src?: string;
  clientId?: string;
  pageSize?: number;
  height?: number;
  locale?: string;
  /** The element's `cache` attribute. Tests default to `none` so one test's saved events never show in another. */
  cache?: 'indexeddb' | 'memory' | 'none';
  /** The element's `cache-namespace` attribute. */
  cacheNamespace?: string;
}

export async function mount(options: MountOptions = {}): Promise<ClientTimeline> {
  // A locale's catalogue is a lazily loaded chunk: have it before the first render, as a host preloading it would.
  await loadMessages(options.locale ?? 'en-US');
  const el = await fixture<ClientTimeline>(html`<client-timeline
    style="height:${options.height ?? 400}px;width:600px"
    .adapter=${options.adapter ?? null}
    src=${options.src ?? ''}
    client-id=${options.clientId ?? 'c1'}
    page-size=${options.pageSize ?? 50}
    locale=${options.locale ?? 'en-US'}
    cache=${options.cache ?? 'none'}
    cache-namespace=${options.cacheNamespace ?? ''}
    .now=${NOW}
  ></client-timeline>`);
  return el;
}

export const shadow = (el: ClientTimeline) => el.shadowRoot!;
export const articles = (el: ClientTimeline) => [...shadow(el).querySelectorAll<HTMLElement>('article')];
export const feed = (el: ClientTimeline) => shadow(el).querySelector<HTMLElement>('[role="feed"]');
export const scroller = (el: ClientTimeline) => shadow(el).querySelector<HTMLElement>('.scroller')!;

/** Waits until at least `count` articles are in the DOM and the layout settled. */
export async function rendered(el: ClientTimeline, count = 1): Promise<HTMLElement[]> {
  await waitUntil(() => articles(el).length >= count, `expected ${count} rendered rows`, { timeout: 10_000 });
  await settle(el);
  return articles(el);
}

export async function settle(el: ClientTimeline): Promise<void> {
  // What waits for a lazily loaded chunk (a panel pressed, a row expanded before it was there) goes on once it is.
  await chunksLoading();
  await el.updateComplete;
  // layoutComplete resolves after the next layout only: when none is pending, a few frames are enough.
  const frames = (n: number) => new Promise<void>((r) => (n ? requestAnimationFrame(() => frames(n - 1).then(r)) : r()));
  await Promise.race([virtualizerOf(el)?.layoutComplete, frames(6)]);
  await frames(2);
  // Rows drawn light during a fast sweep (moves of more than a screen, in quick succession) are replaced shortly after.
  if (shadow(el).querySelector('.row-ph')) {
    await waitUntil(() => !shadow(el).querySelector('.row-ph'), 'placeholder rows replaced by full rows', { timeout: 2_000 });
    await frames(2);
  }
  await el.updateComplete;
}

/** Scrolls the list to its end and waits for the virtualizer to catch up. */
export async function scrollToEnd(el: ClientTimeline): Promise<void> {
  const box = scroller(el);
  box.scrollTop = box.scrollHeight;
  box.dispatchEvent(new Event('scroll'));
  await settle(el);
}

/** Scrolls to the end until `count` events are loaded (at most `tries` times); callers wait on the outcome. */
export async function scrollUntilLoaded(el: ClientTimeline, count: number, tries = 10): Promise<void> {
  for (let i = 0; i < tries && el.events.length < count; i++) await scrollToEnd(el);
}

/** The virtualizer driving the list (layout, `element(index)`), for tests that steer it. */
export const virtualizerOf = (el: ClientTimeline) => (scroller(el) as HTMLElement & VirtualizerHostElement | null)?.[virtualizerRef];

/**
 * Gives the virtualizer windows of `size` rows instead of 50,000, so tests reach the window's edges with a few
 * thousand events (an internal setting of the element's row window).
 */
export function setWindowSize(el: ClientTimeline, size: number): void {
  (el as unknown as { rowWindow: { size: number } }).rowWindow.size = size;
  el.requestUpdate();
}
