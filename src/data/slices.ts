/**
 * Validating a long page without one long task. The first events, those the list shows first, are validated at once;
 * the rest in slices of a few milliseconds, each in a task of its own so that the browser handles input and renders in
 * between, stopped by the page's `AbortSignal`. What comes out is the same as `parseEvents` of the whole page: items
 * and reports in order.
 */
import { parseEventsInto, type ParsedPage } from '../model/event.js';

/** Events validated at once, before anything yields: more than a screen of rows. */
const FIRST = 200;
/** How long a later slice runs before it yields (ms). */
const SLICE_MS = 10;

/**
 * Lets the browser handle input and render: a task of its own (a message, not clamped as nested timers are). Not
 * `scheduler.yield()`: its continuations go ahead of rendering, and a long page validated in them was not painted
 * until the last slice (Chromium 156), where with tasks its first rows are painted at once.
 */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

/** How long the rest of a long page waits for a frame at most (a document that stops rendering, in the background, has none). */
const FRAME_WAIT_MS = 100;

/**
 * Lets the browser paint the first rows before the rest of a long page is validated: the next animation frame, then a
 * task. A message posted at once often runs before that frame (a page of 1,000 events was painted only after its
 * rest was validated and merged, ≈ 13 ms later); a hidden document has no frames, so it waits at most 100 ms.
 */
function yieldAfterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || globalThis.document?.visibilityState === 'hidden') return yieldToBrowser();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    requestAnimationFrame(() => (clearTimeout(timer), resolve()));
  }).then(yieldToBrowser);
}

export interface SliceOptions {
  /** Stops between slices: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called with the items of the first `first` events when more follow (before the first yield). */
  onFirst?(items: ParsedPage['items']): void;
  first?: number;
}

/**
 * `parseEvents(raw)`, in slices: the first `first` events (default 200) at once, handed to `onFirst` when the page is
 * longer; the others after the next frame (which shows the first), by slices of at most about 10 ms, each in a task of
 * its own. Resolves to the whole page.
 */
export async function parseInSlices(raw: readonly unknown[], { signal, onFirst, first = FIRST }: SliceOptions = {}): Promise<ParsedPage> {
  const page = parseEventsInto({ items: [], invalid: [] }, raw, 0, first);
  if (raw.length > first) onFirst?.(page.items.slice());
  for (let at = first; at < raw.length; ) {
    await (at === first ? yieldAfterPaint() : yieldToBrowser());
    signal?.throwIfAborted();
    const until = performance.now() + SLICE_MS;
    do {
      parseEventsInto(page, raw, at, at + 1);
      at++;
    } while (at < raw.length && performance.now() < until);
  }
  return page;
}
