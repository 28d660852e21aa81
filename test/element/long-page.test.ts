/**
 * A long page is validated in slices: its first rows show before the rest is validated and merged; the page then
 * lands whole, as one page, equal to validating it at once; a client switch meanwhile drops the rest.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { mergeEvents } from '../../src/data/store.js';
import { parseEvents } from '../../src/model/event.js';
import { articles, mount, rendered, settle } from '../support/fixture.js';
import { makeEvent, makeEvents, ScriptedAdapter } from '../support/events.js';
import { holdYields } from '../support/yields.js';

const pagerOf = (el: HTMLElement) => (el as unknown as { pager: { items: unknown[]; shown: unknown[]; loading: boolean } }).pager;

describe('<client-timeline> long pages', () => {
  it('shows the first rows of a 20,000-event page before the rest is merged, then the whole page as one', async function () {
    this.timeout(60_000);
    const raw: unknown[] = makeEvents(20_000);
    raw[5] = { id: 'bad-early' };
    raw[15_000] = { ...makeEvent(15_000), occurredAt: 'not a date' };
    const held = holdYields();
    try {
      const el = await mount({ adapter: new ScriptedAdapter(raw), pageSize: 20_000 });
      const pages: unknown[] = [];
      const invalid: number[][] = [];
      el.addEventListener('timeline-page', (e) => pages.push((e as CustomEvent).detail));
      el.addEventListener('timeline-error', (e) => invalid.push(((e as CustomEvent).detail.invalid ?? []).map((i: { index: number }) => i.index)));
      await rendered(el, 1);
      expect(articles(el)[0].dataset.id).to.equal('ev-0');
      const pager = pagerOf(el);
      expect([el.events.length, pager.shown.length, pager.loading], 'shown: the first slice; nothing merged').to.deep.equal([0, 199, true]);
      expect([pages.length, invalid.length]).to.deep.equal([0, 0]);
      held.release();
      await waitUntil(() => el.events.length > 0, 'the page merged', { timeout: 20_000 });
      await settle(el);
      expect(pages).to.deep.equal([{ clientId: 'c1', added: 19_998, updated: 0, total: 19_998, done: true }]);
      expect(invalid, 'every invalid event, reported once').to.deep.equal([[5, 15_000]]);
      const oneShot = mergeEvents([], parseEvents(raw).items).items;
      expect(el.events).to.deep.equal(oneShot);
      expect(pager.shown === pager.items).to.equal(true);
      expect(articles(el)[0].dataset.id).to.equal('ev-0');
      el.remove();
    } finally {
      held.restore();
    }
  });

  it('a client switch while a long page is validated merges nothing more of it', async function () {
    this.timeout(60_000);
    const long = makeEvents(20_000);
    const short = makeEvents(30).map((e) => ({ ...e, id: `c2-${e.id}` }));
    const adapter = new ScriptedAdapter((clientId) => (clientId === 'c1' ? long : short));
    const held = holdYields();
    try {
      const el = await mount({ adapter, pageSize: 20_000 });
      const pages: { clientId: string }[] = [];
      el.addEventListener('timeline-page', (e) => pages.push((e as CustomEvent).detail));
      await rendered(el, 1);
      expect(articles(el)[0].dataset.id).to.equal('ev-0');
      el.clientId = 'c2';
      await waitUntil(() => el.events.length === 30, 'the other client loaded', { timeout: 10_000 });
      held.release();
      // Time for the held slices to go on, were they not stopped.
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 20));
      await settle(el);
      expect(el.events.map((e) => e.id)).to.deep.equal(short.map((e) => e.id));
      expect(articles(el).every((a) => a.dataset.id!.startsWith('c2-'))).to.equal(true);
      expect(pages.map((p) => p.clientId)).to.deep.equal(['c2']);
      el.remove();
    } finally {
      held.restore();
    }
  });
});
