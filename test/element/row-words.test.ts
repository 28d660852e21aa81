/**
 * What a person sees and hears in a row: titles that keep their room at any width, the event type spoken, day
 * headers at the host's heading level, one chip per meaning, and no empty or repeated words.
 */
import { expect } from '@open-wc/testing';
import type { ClientTimeline } from '../../src/client-timeline.js';
import type { TimelineEvent } from '../../src/model/event.js';
import { articles, mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvent, NOW, ScriptedAdapter } from '../support/events.js';

const HOUR = 3_600_000;
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * HOUR).toISOString();

/** Rows with every chip a row can carry: tone, status, Internal. */
function busyRows(): TimelineEvent[] {
  return [
    { id: 'task', type: 'task.created', occurredAt: at(1), title: 'Task: Follow up with Karina on the Pro Plan quote', status: 'Overdue', tone: 'warning', author: { name: 'Ana Rojas' } },
    { id: 'call', type: 'call.failed', occurredAt: at(2), title: 'Call failed: no answer', status: 'No answer', tone: 'failed', visibility: 'internal', author: { name: 'Diego Mora' } },
    { id: 'done', type: 'task.completed', occurredAt: at(3), title: 'Task completed: Prepare the Pro Plan quote', status: 'Completed', tone: 'success', author: { name: 'Karina Solís' } },
    { id: 'tone', type: 'payment.failed', occurredAt: at(4), title: 'Payment failed: card declined by the issuing bank', tone: 'failed', visibility: 'internal', author: { name: 'Billing' } },
    { id: 'note', type: 'note.added', occurredAt: at(5), title: 'Internal note', visibility: 'internal', author: { name: 'Ana Rojas' } },
  ];
}

const ctxCanvas = document.createElement('canvas').getContext('2d')!;

/** The width of the first eight characters of `el`'s text in its own font. */
function eightChars(el: HTMLElement): number {
  const style = getComputedStyle(el);
  ctxCanvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return ctxCanvas.measureText((el.textContent ?? '').slice(0, 8)).width;
}

const overlap = (a: DOMRect, b: DOMRect) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

async function resize(el: ClientTimeline, width: number): Promise<void> {
  el.style.width = `${width}px`;
  await settle(el);
  await new Promise((r) => requestAnimationFrame(r));
  await settle(el);
}

describe('<client-timeline> rows: what a person sees and hears', () => {
  it('keeps every title at least eight characters wide, chips wrapped under it, nothing overlapping, at 320 to 1280 px', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(busyRows()), height: 700 });
    await rendered(el, 5);
    for (const width of [320, 375, 600, 1280]) {
      await resize(el, width);
      for (const row of articles(el)) {
        const title = row.querySelector<HTMLElement>('[part="title"]')!;
        const box = title.getBoundingClientRect();
        expect(box.width, `${width}px: title of ${row.dataset.id} (${box.width.toFixed(1)} px)`).to.be.at.least(eightChars(title) - 0.5);
        const boxes = [...row.querySelectorAll<HTMLElement>('[part="title"], [part="tone"], [part="status"], [part="internal-badge"], [part="time"], [part="relative-time"], [part="author"]')];
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i], boxes[j]];
            expect(overlap(a.getBoundingClientRect(), b.getBoundingClientRect()), `${width}px, ${row.dataset.id}: ${a.getAttribute('part')} and ${b.getAttribute('part')} overlap`).to.equal(false);
          }
        }
        // Chips and meta stay inside the row.
        const rowBox = row.getBoundingClientRect();
        for (const b of boxes) expect(b.getBoundingClientRect().right, `${width}px, ${row.dataset.id}: ${b.getAttribute('part')} overflows`).to.be.at.most(rowBox.right + 0.5);
      }
    }
  });

  it('says each event type in the article description', async () => {
    const el = await mount({ adapter: new ScriptedAdapter([makeEvent(0, { type: 'email.opened' }), makeEvent(1, { type: 'call.failed' }), makeEvent(2, { type: 'x.custom-thing' })]) });
    const rows = await rendered(el, 3);
    const description = (row: HTMLElement) =>
      (row.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => shadow(el).getElementById(id)?.textContent?.trim() ?? '')
        .join(' ');
    expect(description(rows[0])).to.contain('Email opened');
    expect(description(rows[1])).to.contain('Call failed');
    expect(description(rows[2])).to.contain('X custom thing');
    // The time and author are still part of it.
    expect(description(rows[0])).to.contain('Ana Rojas');
    // The icon itself is decoration: its type is said once, by the description.
    expect(rows[0].querySelector('[part="icon"]')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('says the type in Spanish in a Spanish timeline', async () => {
    const el = await mount({ adapter: new ScriptedAdapter([makeEvent(0, { type: 'email.opened' })]), locale: 'es' });
    const [row] = await rendered(el, 1);
    const ids = row.getAttribute('aria-describedby')!.split(' ');
    expect(ids.map((id) => shadow(el).getElementById(id)!.textContent).join(' ')).to.contain('Correo abierto');
  });
});

describe('<client-timeline> day headers', () => {
  const events = () => [makeEvent(0), makeEvent(30), makeEvent(60), { ...makeEvent(90), occurredAt: new Date(NOW + 48 * HOUR).toISOString() }];

  it('are headings of level 3 by default, of the level set by heading-level otherwise, their text as written', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(events()) });
    await rendered(el, 4);
    const headers = () => [...shadow(el).querySelectorAll<HTMLElement>('[part="day-header"]')];
    const level = (h: HTMLElement) => (/^H[1-6]$/.test(h.tagName) ? Number(h.tagName[1]) : h.getAttribute('role') === 'heading' ? Number(h.getAttribute('aria-level')) : NaN);
    expect(headers().length).to.equal(4);
    expect(headers().map(level)).to.deep.equal([3, 3, 3, 3]);
    expect(el.headingLevel).to.equal(3);
    el.setAttribute('heading-level', '2');
    await settle(el);
    expect(el.headingLevel).to.equal(2);
    expect(headers().map(level)).to.deep.equal([2, 2, 2, 2]);
    el.headingLevel = 9;
    await settle(el);
    expect(headers().map(level)).to.deep.equal([6, 6, 6, 6]);
    // The accessible name is the day in its natural case; upper case is only how it looks.
    expect(headers().map((h) => h.textContent!.trim())).to.deep.equal(['Upcoming', 'Today', 'Yesterday', 'Friday, November 20']);
    expect(getComputedStyle(headers()[1]).textTransform).to.equal('uppercase');
  });
});

describe('<client-timeline> one chip per meaning', () => {
  it('colours the status chip by the tone and says the tone in it, instead of a second chip', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(busyRows()) });
    await rendered(el, 5);
    const row = (id: string) => articles(el).find((r) => r.dataset.id === id)!;
    const chips = (id: string) => [...row(id).querySelectorAll<HTMLElement>('[part="tone"], [part="status"]')];
    expect(chips('task').map((c) => c.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Overdue, needs attention']);
    expect(chips('done').map((c) => c.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Completed, succeeded']);
    expect(chips('call').map((c) => c.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['No answer, failed']);
    // The tone part is said, not shown: only the status is visible.
    const status = row('task').querySelector<HTMLElement>('[part="status"]')!;
    expect(status.querySelector('.sr-only')!.getBoundingClientRect().width).to.be.at.most(1);
    expect(status.classList.contains('status-yellow')).to.equal(true);
    expect(row('call').querySelector('[part="status"]')!.classList.contains('status-red')).to.equal(true);
    expect(row('done').querySelector('[part="status"]')!.classList.contains('status-green')).to.equal(true);
    // Without a status the tone keeps its own chip.
    expect(chips('tone').map((c) => c.getAttribute('part'))).to.deep.equal(['tone']);
    expect(chips('tone')[0].textContent).to.equal('Failed');
  });
});
