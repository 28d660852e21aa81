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

  it('heads the printed list with the client\'s label, the filter in words and when it was printed, in the element\'s zone', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(10)) });
    await rendered(el, 1);
    el.clientLabel = 'Karina Solís';
    el.timeZone = 'America/Costa_Rica';
    el.types = ['call', 'email'];
    await settle(el);
    window.dispatchEvent(new Event('beforeprint'));
    const header = shadow(el).querySelector('[part="print-list"] header');
    const lines = [...(header?.querySelectorAll('p') ?? [])].map((p) => p.textContent!.trim());
    // NOW is 12:00 UTC: 6:00 in Costa Rica (UTC-6 all year).
    expect(lines).to.deep.equal(['Activity of Karina Solís', 'Filtered: Emails, Calls', 'Printed Nov 23, 2026, 6:00 AM CST']);
  });

  it('names the client by its id without a label, and says when nothing is filtered, in the element\'s language', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(10)), locale: 'es-CR' });
    await rendered(el, 1);
    el.timeZone = 'UTC';
    await settle(el);
    window.dispatchEvent(new Event('beforeprint'));
    const lines = [...shadow(el).querySelectorAll('[part="print-list"] header p')].map((p) => p.textContent!.trim());
    expect(lines).to.deep.equal(['Actividad de c1', 'Toda la actividad, sin filtro', `Impreso el ${new Intl.DateTimeFormat('es-CR', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 10, 23, 12))}`]);
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
