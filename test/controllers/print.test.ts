import { expect } from '@open-wc/testing';
import { mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvents, ScriptedAdapter } from '../support/events.js';

describe('PrintController and the printed list', () => {
  afterEach(() => window.dispatchEvent(new Event('afterprint')));

  it('heads the printed list with the filter as it is when printing starts, not as the filter bar last drew it', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(40)), pageSize: 100 });
    await rendered(el, 5);
    el.types = ['call'];
    el.q = 'call';
    // Printing starts before the element rendered the new filter.
    window.dispatchEvent(new Event('beforeprint'));
    const header = shadow(el).querySelector('[part="print-list"] .print-filters')?.textContent ?? '';
    expect(header).to.contain('Calls');
    expect(header).to.contain('call');
    const items = shadow(el).querySelectorAll('[part="print-list"] li');
    expect(items.length).to.equal(makeEvents(40).filter((e) => e.type.startsWith('call.') && e.title.includes('call')).length);
  });

  it('says the dates of the filter in the element\'s time zone', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(10)) });
    await rendered(el, 1);
    el.timeZone = 'America/Los_Angeles';
    el.since = '2026-11-01T02:00:00Z'; // still October 31 in Los Angeles
    el.until = '2026-11-20';
    await settle(el);
    const chip = [...shadow(el).querySelectorAll('[part="chip"]')].map((c) => c.textContent!.trim()).join(' | ');
    expect(chip).to.contain('Oct 31, 2026');
    expect(chip).to.contain('Nov 20, 2026');
  });
});
