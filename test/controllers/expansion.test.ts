import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { ExpansionController } from '../../src/controllers/expansion.js';
import type { Row } from '../../src/data/rows.js';
import { parseEvents } from '../../src/model/event.js';
import { articles, mount, rendered, settle } from '../support/fixture.js';
import { makeEvent, NOW, ScriptedAdapter } from '../support/events.js';

/** Field changes a minute apart: the element folds them into one row. */
const change = (i: number, minutesAgo: number) =>
  makeEvent(i, { id: `u${i}`, type: 'contact.field-edited', occurredAt: new Date(NOW - minutesAgo * 60_000).toISOString(), title: `Phone changed ${i}`, author: { name: 'Diego Mora' }, detail: { changes: [{ field: 'Phone', from: String(i), to: String(i + 1) }] } });

const host = () => Object.assign(new EventTarget(), { updates: 0, requestUpdate() { this.updates++; } }) as EventTarget & { updates: number; requestUpdate(): void; addController(): void; removeController(): void; updateComplete: Promise<boolean> };

describe('ExpansionController', () => {
  const [a, b] = parseEvents([change(0, 1), change(1, 2)]).items;
  const eventRow: Row = { kind: 'event', key: a.id, item: a, day: '2026-11-23', firstOfDay: true };
  const groupRow: Row = { kind: 'group', key: `group:${a.id}`, item: a, items: [a, b], day: '2026-11-23', firstOfDay: true };

  it('keys event rows by event id and folded rows by their group key, and says both when one is toggled', () => {
    const h = host();
    const expansion = new ExpansionController(h);
    const seen: unknown[] = [];
    h.addEventListener('timeline-toggle', (e) => seen.push((e as CustomEvent).detail));
    expansion.toggle(groupRow);
    expansion.toggle(eventRow);
    expect(seen).to.deep.equal([
      { id: 'u0', key: 'group:u0', expanded: true },
      { id: 'u0', key: 'u0', expanded: true },
    ]);
    expect(expansion.isExpanded('group:u0')).to.equal(true);
    expansion.toggle(groupRow);
    expect(expansion.isExpanded('group:u0')).to.equal(false);
    expect(expansion.isExpanded('u0')).to.equal(true);
  });

  it('"expand all" opens every row, later ones too, but the ones closed again', () => {
    const expansion = new ExpansionController(host());
    expansion.expandAll();
    expect(expansion.isExpanded('anything')).to.equal(true);
    expansion.toggle(groupRow);
    expect(expansion.isExpanded('group:u0')).to.equal(false);
    expansion.collapseAll();
    expect(expansion.isExpanded('anything')).to.equal(false);
  });
});

describe('<client-timeline> expansion', () => {
  it('fires timeline-toggle with an event id for a row of folded updates', async () => {
    const el = await mount({ adapter: new ScriptedAdapter([change(0, 1), change(1, 2), change(2, 3)]) });
    const [row] = await rendered(el, 1);
    expect(row.dataset.key).to.equal('group:u0');
    const toggled = oneEvent(el, 'timeline-toggle');
    row.querySelector<HTMLButtonElement>('button.toggle')!.click();
    const { detail } = await toggled;
    expect(detail).to.deep.equal({ id: 'u0', key: 'group:u0', expanded: true });
    expect(el.events.some((e) => e.id === detail.id)).to.equal(true);
  });

  it('after "Expand all", rows that fold later are open too', async () => {
    const events = [change(5, 30), makeEvent(9, { id: 'call', type: 'call.logged', occurredAt: new Date(NOW - 90 * 60_000).toISOString() })];
    const adapter = new ScriptedAdapter(events);
    const el = await mount({ adapter });
    await rendered(el, 2);
    el.expandAll();
    await settle(el);
    expect(articles(el).every((a) => a.querySelector('button.toggle')!.getAttribute('aria-expanded') === 'true')).to.equal(true);
    // Two more changes a minute apart from the first: the three now fold into one row.
    events.unshift(change(6, 29), change(7, 28));
    await el.refresh();
    await waitUntil(() => articles(el)[0]?.dataset.key?.startsWith('group:'), 'folded');
    await settle(el);
    const folded = articles(el)[0];
    expect(folded.querySelector('button.toggle')!.getAttribute('aria-expanded')).to.equal('true');
  });
});
