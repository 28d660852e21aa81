/** Calendar days of events for the day headers: in a time zone of its own, computed once per event and formatter, not on every rebuild. */
import { expect } from '@open-wc/testing';
import { buildRows } from '../../src/data/rows.js';
import { Formatters } from '../../src/i18n/format.js';
import { parseEvents } from '../../src/model/event.js';
import { makeEvents } from '../support/events.js';

/** A formatter whose `dayKey` counts its calls. */
function counting(timeZone?: string) {
  const fmt = new Formatters('en-US', { timeZone });
  const calls = { count: 0 };
  const dayKey = fmt.dayKey.bind(fmt);
  fmt.dayKey = (time: number) => (calls.count++, dayKey(time));
  return { fmt, calls };
}

describe('day keys', () => {
  it('`Formatters.dayOf` gives `dayKey` of the event\'s time, computed once per event', () => {
    const { items } = parseEvents(makeEvents(300));
    const { fmt, calls } = counting('America/Costa_Rica');
    const plain = new Formatters('en-US', { timeZone: 'America/Costa_Rica' });
    const rows = buildRows(items, (_, item) => fmt.dayOf(item));
    expect(calls.count).to.equal(300);
    expect(rows.map((r) => r.day)).to.deep.equal(buildRows(items, (time) => plain.dayKey(time)).map((r) => r.day));
    // Rebuilt (another filter, a new page, a live event): no day computed again for the events already seen.
    buildRows(items.slice(100), (_, item) => fmt.dayOf(item));
    buildRows(items, (_, item) => fmt.dayOf(item), false);
    const more = parseEvents(makeEvents(10, 300)).items;
    buildRows([...items, ...more], (_, item) => fmt.dayOf(item));
    expect(calls.count).to.equal(310);
  });

  it('another formatter (another time zone) has days of its own', () => {
    const { items } = parseEvents(makeEvents(50));
    const tokyo = counting('Asia/Tokyo');
    const lima = counting('America/Lima');
    for (const item of items) {
      expect(tokyo.fmt.dayOf(item)).to.equal(new Formatters('en-US', { timeZone: 'Asia/Tokyo' }).dayKey(item.time));
      expect(lima.fmt.dayOf(item)).to.equal(new Formatters('en-US', { timeZone: 'America/Lima' }).dayKey(item.time));
    }
    expect([tokyo.calls.count, lima.calls.count]).to.deep.equal([50, 50]);
  });
});
