import { expect } from '@open-wc/testing';
import { TimelineLayout, type ItemBox } from '../../src/timeline-layout.js';
import { articles, mount, rendered, scroller, settle, shadow } from '../support/fixture.js';
import { makeEvents, ScriptedAdapter } from '../support/events.js';

/**
 * The layout relies on the virtualizer's internals (the `measureChildren` hook, `_overhang`, `_getSize`): these fail
 * when an upgrade of `@lit-labs/virtualizer` stops calling the hook or renames what it uses.
 */
describe('TimelineLayout', () => {
  const original = TimelineLayout.prototype.measure;
  let calls: { placeholder: boolean; box: ItemBox }[] = [];
  beforeEach(() => {
    calls = [];
    TimelineLayout.prototype.measure = function (this: TimelineLayout, element: HTMLElement, measured: (el: HTMLElement) => ItemBox) {
      const box = original.call(this, element, measured);
      calls.push({ placeholder: element.dataset.placeholder !== undefined, box });
      return box;
    };
  });
  afterEach(() => (TimelineLayout.prototype.measure = original));

  it('is asked to measure every rendered row through the virtualizer\'s hook, with the virtualizer\'s own measurement', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(30)) });
    await rendered(el, 5);
    const rows = articles(el);
    expect(calls.filter((c) => !c.placeholder).length).to.be.at.least(rows.length);
    const heights = rows.map((r) => r.getBoundingClientRect().height);
    for (const call of calls.filter((c) => !c.placeholder)) expect(call.box.height).to.be.greaterThan(0);
    expect(Math.max(...calls.map((c) => c.box.height))).to.be.closeTo(Math.max(...heights), 1);
  });

  it('renders 400 px beyond the view, not the virtualizer\'s 1,000', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(400)), pageSize: 400, height: 400 });
    await rendered(el, 5);
    const view = scroller(el).getBoundingClientRect();
    const below = articles(el).map((r) => r.getBoundingClientRect().top - view.bottom).filter((d) => d > 0);
    expect(Math.max(...below)).to.be.within(0, 400 + 200);
  });

  it('gives a placeholder row the known or estimated size of its row while the scrollbar is swept', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(5_000)), pageSize: 5_000, height: 600 });
    await rendered(el, 5);
    const box = scroller(el);
    for (let i = 1; i <= 8; i++) {
      box.scrollTop = ((box.scrollHeight - box.clientHeight) * i) / 16;
      await new Promise((r) => requestAnimationFrame(r));
    }
    const placeholders = calls.filter((c) => c.placeholder);
    expect(placeholders.length, 'placeholders measured through the hook').to.be.greaterThan(0);
    for (const call of placeholders) expect(call.box.height).to.be.greaterThan(20);
    await settle(el);
    expect(shadow(el).querySelector('.row-ph')).to.equal(null);
  });
});
