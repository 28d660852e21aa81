/**
 * The list's geometry is read once per frame for everything that needs it: a burst of scroll events reads
 * `scrollTop`, `clientHeight` and `scrollHeight` once, in the next animation frame, and what uses them still works.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { RowWindowController } from '../../src/controllers/row-window.js';
import { articles, mount, rendered, scroller, setWindowSize, settle, shadow } from '../support/fixture.js';
import { makeEvent, makeEvents, ScriptedAdapter } from '../support/events.js';

const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
const GEOMETRY = ['scrollTop', 'clientHeight', 'scrollHeight'] as const;

/**
 * Counts the element's own reads of the scroller's geometry (the virtualizer's, which measures for itself, are left
 * out). `set` scrolls without counting.
 */
function spyOn(box: HTMLElement) {
  const reads = { scrollTop: 0, clientHeight: 0, scrollHeight: 0 };
  const native = Object.fromEntries(GEOMETRY.map((name) => [name, Object.getOwnPropertyDescriptor(Element.prototype, name)!])) as Record<(typeof GEOMETRY)[number], PropertyDescriptor>;
  for (const name of GEOMETRY) {
    Object.defineProperty(box, name, {
      configurable: true,
      get() {
        if (!new Error().stack!.includes('@lit-labs/virtualizer')) reads[name]++;
        return native[name].get!.call(box);
      },
      set(value: number) {
        native[name].set?.call(box, value);
      },
    });
  }
  return {
    reads,
    top: () => native.scrollTop.get!.call(box) as number,
    reset: () => Object.assign(reads, { scrollTop: 0, clientHeight: 0, scrollHeight: 0 }),
    restore: () => GEOMETRY.forEach((name) => delete (box as unknown as Record<string, unknown>)[name]),
  };
}

describe('ScrollFrame: the list geometry, once per frame', () => {
  it('a burst of scroll events in one frame reads the geometry once, in the next animation frame', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(500)), pageSize: 500, height: 400 });
    await rendered(el, 5);
    const box = scroller(el);
    const spy = spyOn(box);
    try {
      await settle(el);
      spy.reset();
      for (let i = 1; i <= 10; i++) {
        box.scrollTop = i * 40;
        box.dispatchEvent(new Event('scroll'));
      }
      expect(spy.reads, 'nothing read in the scroll events').to.deep.equal({ scrollTop: 0, clientHeight: 0, scrollHeight: 0 });
      await frame();
      expect(spy.reads, 'once in the frame after them').to.deep.equal({ scrollTop: 1, clientHeight: 1, scrollHeight: 1 });
      await settle(el);
      expect(spy.top()).to.equal(400);
      expect(articles(el).length).to.be.at.least(5);
    } finally {
      spy.restore();
      el.remove();
    }
  });

  it('the consumers still hear of every scroll: the day pin, the row window at its edge, the pill at the top', async () => {
    const day = (d: number, h: number) => new Date(`2026-11-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00`).toISOString();
    const events = Array.from({ length: 3_000 }, (_, i) => makeEvent(i, { id: `p${i}`, occurredAt: day(22 - Math.floor(i / 200), 20 - Math.floor((i % 200) / 20)) }));
    const el = await mount({ adapter: new ScriptedAdapter(events), pageSize: 3_000, height: 400 });
    el.now = new Date('2026-11-23T12:00:00').getTime();
    setWindowSize(el, 1_000);
    await rendered(el, 5);
    const box = scroller(el);
    const pin = shadow(el).querySelector<HTMLElement>('[part="day-pin"]')!;
    expect(pin.hidden).to.equal(true);
    // Down the window until it moves along.
    const w = (el as unknown as { rowWindow: RowWindowController }).rowWindow;
    for (let i = 0; i < 40 && w.start === 0; i++) {
      box.scrollTop = box.scrollHeight;
      box.dispatchEvent(new Event('scroll'));
      await settle(el);
    }
    expect(w.start, 'the window moved at its edge').to.be.above(0);
    await waitUntil(() => !pin.hidden && pin.textContent !== '', 'the day pinned');
    // The pill goes once the list is back at the top.
    const nav = (el as unknown as { navigation: { newCount: number } }).navigation;
    el.jumpTo(events[0].occurredAt).catch(() => undefined);
    await waitUntil(() => w.start === 0 && box.scrollTop <= 2, 'back at the top', { timeout: 10_000 });
    nav.newCount = 3;
    box.dispatchEvent(new Event('scroll'));
    await frame();
    await frame();
    expect(nav.newCount).to.equal(0);
    await settle(el);
    expect(pin.hidden).to.equal(true);
    el.remove();
  });
});
