/**
 * Lifecycle: connecting, disconnecting and moving the element 1,000 times leaves
 * no timer, window/document listener, observer or IndexedDB connection behind,
 * and a re-connected element goes on where it stopped.
 *
 * Measured, not assumed: the test wraps the browser APIs, counts what is live,
 * and compares with the count before (baseline).
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { PageQuery, PageResult, TimelineAdapter } from '../../src/data/adapter.js';
import { retryPolicy } from '../../src/data/retry.js';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvents, ScriptedAdapter } from '../support/events.js';
import { failOnUncaught } from '../support/no-uncaught.js';

failOnUncaught();

/** Live timers, listeners, observations and IndexedDB connections, by wrapping the APIs that create and end them. */
class Census {
  readonly timeouts = new Set<number>();
  /** Where each live one-shot timer was set, for the failure message. */
  readonly origins = new Map<number, string>();
  readonly intervals = new Set<number>();
  readonly listeners = new Set<string>();
  readonly observed = new Map<object, Set<Element | Node>>();
  readonly databases = new Set<IDBDatabase>();
  private readonly undo: (() => void)[] = [];
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;

  private idOf(value: object): number {
    let id = this.ids.get(value);
    if (!id) this.ids.set(value, (id = this.nextId++));
    return id;
  }

  private patch<T extends object, K extends keyof T>(target: T, key: K, wrap: (original: T[K]) => T[K]): void {
    const original = target[key];
    const own = Object.prototype.hasOwnProperty.call(target, key);
    target[key] = wrap(original);
    this.undo.push(() => {
      if (own) target[key] = original;
      else delete target[key];
    });
  }

  install(): this {
    const census = this;
    this.patch(window, 'setTimeout', (original) =>
      function (this: unknown, handler: TimerHandler, delay?: number, ...args: unknown[]) {
        let id = 0;
        const run = typeof handler === 'function' ? handler : () => {};
        id = (original as unknown as (...a: unknown[]) => number).call(window, (...a: unknown[]) => {
          census.timeouts.delete(id);
          (run as (...a: unknown[]) => void)(...a);
        }, delay, ...args);
        const stack = new Error().stack ?? '';
        // The test helpers' own timers (waitUntil's time limit, never cleared) are not the element's.
        if (stack.includes('/@open-wc/')) return id;
        census.timeouts.add(id);
        census.origins.set(id, `${delay} ms ${stack.split('\n').slice(2, 6).join(' <- ')}`);
        return id;
      } as typeof setTimeout,
    );
    this.patch(window, 'clearTimeout', (original) => ((id?: number) => (census.timeouts.delete(id!), original.call(window, id))) as typeof clearTimeout);
    this.patch(window, 'setInterval', (original) =>
      function (this: unknown, ...args: Parameters<typeof setInterval>) {
        const id = original.apply(window, args) as unknown as number;
        census.intervals.add(id);
        return id;
      } as typeof setInterval,
    );
    this.patch(window, 'clearInterval', (original) => ((id?: number) => (census.intervals.delete(id!), original.call(window, id))) as typeof clearInterval);
    for (const [name, target] of [
      ['window', window],
      ['document', document],
    ] as const) {
      const key = (type: string, listener: unknown, options?: boolean | EventListenerOptions) =>
        `${name}:${type}:${this.idOf(listener as object)}:${typeof options === 'boolean' ? options : !!options?.capture}`;
      this.patch(target, 'addEventListener', (original) =>
        function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
          if (listener && !(typeof options === 'object' && options.once)) census.listeners.add(key(type, listener, options));
          return original.call(this, type, listener as EventListenerOrEventListenerObject, options);
        } as typeof target.addEventListener,
      );
      this.patch(target, 'removeEventListener', (original) =>
        function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
          if (listener) census.listeners.delete(key(type, listener, options));
          return original.call(this, type, listener as EventListenerOrEventListenerObject, options);
        } as typeof target.removeEventListener,
      );
    }
    for (const Observer of [ResizeObserver, IntersectionObserver, MutationObserver] as { prototype: object }[]) {
      const proto = Observer.prototype as { observe(t: Node): void; unobserve?(t: Node): void; disconnect(): void };
      this.patch(proto, 'observe', (original) =>
        function (this: object, target: Node, ...rest: unknown[]) {
          if (!census.observed.has(this)) census.observed.set(this, new Set());
          census.observed.get(this)!.add(target);
          return (original as (...a: unknown[]) => void).call(this, target, ...rest);
        },
      );
      if (proto.unobserve) {
        this.patch(proto, 'unobserve', (original) =>
          function (this: object, target: Node) {
            census.observed.get(this)?.delete(target);
            return original!.call(this, target);
          },
        );
      }
      this.patch(proto, 'disconnect', (original) =>
        function (this: object) {
          census.observed.delete(this);
          return original.call(this);
        },
      );
    }
    this.patch(indexedDB, 'open', (original) =>
      function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
        const request = original.apply(this, args);
        request.addEventListener('success', () => census.databases.add(request.result));
        return request;
      } as IDBFactory['open'],
    );
    this.patch(IDBDatabase.prototype, 'close', (original) =>
      function (this: IDBDatabase) {
        census.databases.delete(this);
        return original.call(this);
      },
    );
    return this;
  }

  live(): string {
    return [...this.timeouts].map((id) => this.origins.get(id)).join('\n');
  }

  uninstall(): void {
    for (const undo of this.undo.reverse()) undo();
  }

  /** What is live now. Observations of nodes no longer in the page count too: they hold them alive. */
  snapshot() {
    let observations = 0;
    for (const targets of this.observed.values()) observations += targets.size;
    return {
      timeouts: this.timeouts.size,
      intervals: this.intervals.size,
      listeners: this.listeners.size,
      observations,
      databases: this.databases.size,
    };
  }
}

/**
 * Listeners, intervals, observations and connections are back to exactly the baseline; one-shot
 * timers (which end by themselves) are at most as many: a leak of 1,000 cycles would show as hundreds.
 */
function expectNoGrowth(census: Census, now: ReturnType<Census['snapshot']>, baseline: ReturnType<Census['snapshot']>): void {
  expect({ ...now, timeouts: 0 }).to.deep.equal({ ...baseline, timeouts: 0 });
  expect(now.timeouts, census.live()).to.be.at.most(baseline.timeouts);
}

/** Waits (at most 2 s) for one-shot timers to run out: a timer still live after that is held by something. */
async function drained(census: Census, timeouts: number): Promise<void> {
  for (let i = 0; i < 40 && census.snapshot().timeouts > timeouts; i++) await new Promise((r) => setTimeout(r, 50));
}

const frames = (n: number) => new Promise<void>((r) => (n ? requestAnimationFrame(() => frames(n - 1).then(r)) : r()));

/** Disconnects, reconnects and moves the element `times` times between two containers. */
async function churn(el: ClientTimeline, times: number): Promise<void> {
  const a = el.parentElement!;
  const b = document.createElement('div');
  document.body.append(b);
  for (let i = 0; i < times; i++) {
    if (i % 3 === 0) {
      el.remove(); // disconnect…
      a.append(el); // …and connect again
    } else {
      (i % 3 === 1 ? b : a).append(el); // move
    }
    if (i % 100 === 0) await el.updateComplete;
  }
  if (el.parentElement !== a) a.append(el);
  b.remove();
  await settle(el);
  await frames(3);
}

describe('hardening: lifecycle', () => {
  let census: Census;
  beforeEach(() => {
    census = new Census().install();
  });
  afterEach(() => {
    census.uninstall();
  });

  it('1,000 connects, disconnects and moves leave nothing behind (IndexedDB cache on)', async function () {
    this.timeout(120_000);
    const before = census.snapshot();
    const namespace = `lifecycle-${Date.now()}`;
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(30)), cache: 'indexeddb', cacheNamespace: namespace, pageSize: 50 });
    await rendered(el, 5);
    await waitUntil(() => el.events.length === 30);
    await churn(el, 3); // warm-up: lazily created things (the cache's connection) exist now
    const baseline = census.snapshot();
    expect(baseline.intervals, 'the clock ticks while connected').to.equal(before.intervals + 1);
    expect(baseline.listeners, 'listeners while connected').to.be.greaterThan(before.listeners);
    expect(baseline.observations, 'the virtualizer observes while connected').to.be.greaterThan(before.observations);

    const started = performance.now();
    await churn(el, 1000);
    console.log(`1,000 cycles (idle element) in ${Math.round(performance.now() - started)} ms`);
    expectNoGrowth(census, census.snapshot(), baseline);
    // Still working: rows, expanding.
    await rendered(el, 5);
    shadow(el).querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await settle(el);
    expect(shadow(el).querySelector('[part="detail"]')).to.exist;

    // Gone for good: everything it held is released (the shared cache connection may stay open, one at most).
    fixtureCleanup();
    await frames(3);
    await drained(census, before.timeouts);
    const after = census.snapshot();
    expectNoGrowth(census, { ...after, databases: 0 }, { ...before, databases: 0 });
    expect(after.databases).to.be.at.most(1);
    await customElementsClear(namespace);
  });

  it('with a page in flight at every disconnect: each request aborted, no timeout timer left, the page fetched again', async function () {
    this.timeout(120_000);
    const queries: PageQuery[] = [];
    let answer = false;
    const adapter: TimelineAdapter = {
      fetchPage(query) {
        queries.push(query);
        // Ignores its signal and never settles, until told to answer.
        return answer ? Promise.resolve({ events: makeEvents(5), nextCursor: null }) : new Promise<PageResult>(() => {});
      },
    };
    const before = census.snapshot();
    const el = await mount({ adapter });
    await waitUntil(() => queries.length === 1);
    await churn(el, 3); // warm-up
    const baseline = census.snapshot();
    expect(baseline.timeouts, "the page's timeout is armed").to.be.greaterThan(before.timeouts);
    const started = performance.now();
    await churn(el, 1000);
    console.log(`1,000 cycles (page in flight) in ${Math.round(performance.now() - started)} ms, ${queries.length} requests`);
    expect(queries.length).to.be.greaterThan(300);
    expect(queries.slice(0, -1).every((q) => q.signal.aborted)).to.equal(true);
    expect(queries.at(-1)!.signal.aborted).to.equal(false);
    expectNoGrowth(census, census.snapshot(), baseline);
    // Re-connecting resumed the page: let it answer now.
    answer = true;
    el.remove();
    document.body.append(el);
    await rendered(el, 5);
    el.remove();
    await frames(2);
    await drained(census, before.timeouts);
    expect(census.snapshot().timeouts, census.live()).to.equal(before.timeouts);
  });

  it('a planned automatic retry is dropped while disconnected and planned again on reconnect', async () => {
    const saved = { ...retryPolicy };
    Object.assign(retryPolicy, { baseMs: 400, random: () => 0 });
    try {
      const queries: PageQuery[] = [];
      const adapter: TimelineAdapter = {
        async fetchPage(query) {
          queries.push(query);
          if (queries.length === 1) throw new TypeError('Failed to fetch');
          return { events: makeEvents(3), nextCursor: null };
        },
      };
      const el = await mount({ adapter });
      await waitUntil(() => shadow(el).querySelector('[part="error-state"]')?.textContent?.includes('Trying again'));
      const planned = census.snapshot();
      const parent = el.parentElement!;
      el.remove();
      expect(census.snapshot().timeouts).to.equal(planned.timeouts - 1);
      await new Promise((r) => setTimeout(r, 300)); // past the planned retry (200 ms)
      expect(queries).to.have.length(1);
      parent.append(el);
      await rendered(el, 3);
      expect(queries).to.have.length(2);
    } finally {
      Object.assign(retryPolicy, saved);
    }
  });
});

async function customElementsClear(namespace: string): Promise<void> {
  const Timeline = customElements.get('client-timeline') as unknown as { clearCache?(ns?: string): Promise<void> };
  await Timeline.clearCache?.(namespace);
}
