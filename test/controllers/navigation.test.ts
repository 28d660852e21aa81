import { expect } from '@open-wc/testing';
import type { PageQuery } from '../../src/data/adapter.js';
import { feed, mount, rendered, scrollToEnd, shadow } from '../support/fixture.js';
import { makeEvents, NOW, ScriptedAdapter } from '../support/events.js';

const HOUR = 3_600_000;

describe('NavigationController', () => {
  it('jumpTo() pages on to an old date even when the host stops the element\'s page events in the capture phase', async () => {
    const inner = new ScriptedAdapter(makeEvents(400));
    // Slow pages, so that one is in flight whenever the jump looks.
    const adapter = { fetchPage: async (q: PageQuery) => (await new Promise((r) => setTimeout(r, 150)), inner.fetchPage(q)) };
    const el = await mount({ adapter, pageSize: 50 });
    await rendered(el, 5);
    // A host that swallows the element's events on their way down must not stall the element's own work.
    const swallow = (e: Event) => e.stopPropagation();
    document.addEventListener('timeline-page', swallow, { capture: true });
    document.addEventListener('timeline-error', swallow, { capture: true });
    const target = new Date(NOW - 300.5 * HOUR);
    let found: unknown;
    try {
      // A page is in flight when the jump starts.
      await scrollToEnd(el);
      expect(feed(el)?.getAttribute('aria-busy')).to.equal('true');
      found = await Promise.race([el.jumpTo(target), new Promise((r) => setTimeout(() => r('stuck'), 8_000))]);
    } finally {
      document.removeEventListener('timeline-page', swallow, { capture: true });
      document.removeEventListener('timeline-error', swallow, { capture: true });
    }
    expect(found).to.equal(true);
    const focused = shadow(el).activeElement as HTMLElement | null;
    expect(focused?.dataset.id).to.equal('ev-300');
  });

  it('jumpTo() resolves false, and says so, for a date before the whole history', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(30)), pageSize: 10 });
    await rendered(el, 5);
    expect(await el.jumpTo('2001-01-01')).to.equal(false);
    expect(shadow(el).querySelector('[role="status"][aria-live="polite"]')!.textContent).to.contain('2001');
  });

  it('jumpTo() names the date it goes to in the element\'s time zone', async () => {
    const adapter = new ScriptedAdapter(makeEvents(30));
    adapter.hold();
    const el = await mount({ adapter, pageSize: 10 });
    el.timeZone = 'Pacific/Kiritimati';
    await el.updateComplete;
    // 2026-11-01 20:00 UTC is already November 2 at UTC+14.
    const jump = el.jumpTo(Date.parse('2026-11-01T20:00:00Z'));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    const status = shadow(el).querySelector('[part="search-status"]')?.textContent ?? '';
    adapter.release();
    await jump;
    expect(status).to.contain('Nov 2, 2026');
  });

  it('rejects what is not a date', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(3)) });
    const error = await el.jumpTo('soon').then(() => null, (e: unknown) => e);
    expect(error).to.be.instanceOf(RangeError);
  });
});
