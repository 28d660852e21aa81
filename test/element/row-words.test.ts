/**
 * What a person sees and hears in a row: titles that keep their room at any width, the event type spoken, day
 * headers at the host's heading level, one chip per meaning, and no empty or repeated words.
 */
import { expect, waitUntil } from '@open-wc/testing';
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

const MIN = 60_000;
const frames = (n: number) => new Promise<void>((r) => (n ? requestAnimationFrame(() => frames(n - 1).then(r)) : r()));

/** Mounts `events`, expands every row and waits for the details (and their size checks). */
async function expanded(events: TimelineEvent[], options: { locale?: string; width?: number; timeZone?: string } = {}): Promise<ClientTimeline> {
  const el = await mount({ adapter: new ScriptedAdapter(events), height: 900, locale: options.locale });
  if (options.timeZone) el.timeZone = options.timeZone;
  if (options.width) el.style.width = `${options.width}px`;
  await rendered(el, Math.min(events.length, 1));
  el.expandAll();
  await settle(el);
  await waitUntil(() => !shadow(el).querySelector('.detail-loading'), 'details loaded');
  await frames(3);
  await settle(el);
  return el;
}

const detailOf = (el: ClientTimeline, id: string) => articles(el).find((r) => r.dataset.id === id)!.querySelector<HTMLElement>('[part="detail"]')!;

describe('<client-timeline> expanded details: tab stops only where they scroll', () => {
  it('makes a detail a named region and a tab stop only when it scrolls', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `Line ${i} of a long email`).join('\n');
    const el = await expanded([
      makeEvent(0, { id: 'short', detail: { body: 'Two words' } }),
      makeEvent(1, { id: 'long', title: 'Email received: the long one', detail: { body: long } }),
      makeEvent(2, { id: 'title', title: `A long title ${'that goes on '.repeat(12)}`, detail: { body: 'Short' } }),
    ]);
    const short = detailOf(el, 'short');
    expect(short.hasAttribute('tabindex'), 'a short detail is no tab stop').to.equal(false);
    expect(short.getAttribute('role')).to.equal(null);
    const scrolling = detailOf(el, 'long');
    expect(scrolling.scrollHeight).to.be.greaterThan(scrolling.clientHeight);
    expect(scrolling.getAttribute('tabindex')).to.equal('0');
    expect(scrolling.getAttribute('role')).to.equal('region');
    const label = shadow(el).getElementById(scrolling.getAttribute('aria-labelledby')!)!;
    expect(label.textContent).to.equal('Email received: the long one');
    // A full title repeated in the detail is no tab stop when it fits.
    const fullTitle = detailOf(el, 'title').querySelector<HTMLElement>('.detail-title')!;
    expect(fullTitle.hasAttribute('tabindex')).to.equal(false);
  });

  it('does the same for folded updates', async () => {
    const update = (i: number) => makeEvent(i, { id: `u${i}`, type: 'contact.field-edited', occurredAt: new Date(NOW - HOUR - i * MIN).toISOString(), author: { name: 'Ana Rojas' }, record: { id: 'r1' }, detail: { changes: [{ field: `Field ${i}`, from: 'a', to: 'b' }] } });
    const el = await expanded([update(0), update(1), update(2)]);
    const detail = shadow(el).querySelector<HTMLElement>('[part~="row-folded"] [part="detail"]')!;
    expect(detail).to.exist;
    expect(detail.hasAttribute('tabindex')).to.equal(false);
    expect(detail.getAttribute('role')).to.equal(null);
  });
});

describe('<client-timeline> expanded details: no empty labels, nothing said twice', () => {
  it('shows no Duration for a call that never connected, and a quiet line instead of an empty box', async () => {
    const el = await expanded([
      makeEvent(0, { id: 'failed', type: 'call.failed', summary: undefined, detail: { direction: 'outbound', durationSeconds: 0, outcome: 'No answer' } }),
      makeEvent(1, { id: 'bare', type: 'email.opened', summary: undefined, detail: undefined }),
      makeEvent(2, { id: 'call', type: 'call.logged', detail: { durationSeconds: 95 } }),
    ]);
    const failed = detailOf(el, 'failed');
    expect([...failed.querySelectorAll('dt')].map((dt) => dt.textContent)).to.deep.equal(['Direction', 'Outcome']);
    expect([...detailOf(el, 'call').querySelectorAll('dt')].map((dt) => dt.textContent)).to.include('Duration');
    const bare = detailOf(el, 'bare');
    expect(bare.textContent!.trim()).to.equal('No more details');
    const style = getComputedStyle(bare);
    expect(style.backgroundColor, 'no grey box').to.equal('rgba(0, 0, 0, 0)');
    expect(style.paddingTop).to.equal('0px');
  });

  it('says a note once: no summary repeating the title, the body, or the edited text in the change table', async () => {
    const text = 'Sender ID "PATITAS" approved; reminders now go out as PATITAS.';
    const el = await expanded([
      makeEvent(0, { id: 'note', type: 'note.added', title: 'Note added', summary: 'Karina wants the Pro plan', detail: { body: 'Karina wants the Pro plan.\n\nShe will confirm on Friday.' } }),
      makeEvent(1, { id: 'edited', type: 'note.edited', title: 'Note edited', summary: text, detail: { body: text, changes: [{ field: 'Note', from: 'SMS sender ID pending approval.', to: text }] } }),
      makeEvent(2, { id: 'chat', type: 'chat.message', title: 'Can we move the call?', summary: 'Can  we move the call? ', detail: { body: 'Can we move the call to Thursday at 10?' } }),
      makeEvent(3, { id: 'html', type: 'email.received', title: 'Email received', summary: 'Hi Ana, thanks for the quote', detail: { bodyFormat: 'html', body: '<p>Hi Ana,</p><p>thanks for the <b>quote</b>. We accept.</p>' } }),
      makeEvent(4, { id: 'kept', type: 'note.added', title: 'Note added', summary: 'Budget approved', detail: { body: 'Budgeting call held.' } }),
    ]);
    const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
    expect(detailOf(el, 'note').querySelector('.detail-summary')?.textContent ?? null, 'summary that opens the body').to.equal(null);
    const edited = detailOf(el, 'edited');
    expect(count(edited.textContent!, text), 'the edited text once, in the change table').to.equal(1);
    expect(edited.querySelector('[part="changes"]')).to.exist;
    expect(detailOf(el, 'chat').querySelector('.detail-summary')?.textContent ?? null, 'summary equal to the title').to.equal(null);
    expect(detailOf(el, 'html').querySelector('.detail-summary')?.textContent ?? null, 'summary that opens an HTML body').to.equal(null);
    expect(detailOf(el, 'kept').querySelector('.detail-summary')!.textContent).to.equal('Budget approved');
    el.collapseAll();
    await settle(el);
    const summary = (id: string) => articles(el).find((r) => r.dataset.id === id)!.querySelector('[part="summary"]');
    expect(summary('chat')?.textContent ?? null, 'a collapsed chat does not repeat its title').to.equal(null);
    // Collapsed, the body is not on screen: a summary that previews it stays.
    expect(summary('note')!.textContent).to.equal('Karina wants the Pro plan');
  });

  it('styles the end of the history as a quiet, centred row', async () => {
    const el = await mount({ adapter: new ScriptedAdapter([makeEvent(0)]) });
    await rendered(el, 1);
    await waitUntil(() => shadow(el).querySelector('.end'), 'end row');
    const end = shadow(el).querySelector<HTMLElement>('.end')!;
    const style = getComputedStyle(end);
    expect(style.textAlign).to.equal('center');
    expect(parseFloat(style.paddingTop)).to.be.at.least(6);
    expect(style.color).to.equal(getComputedStyle(shadow(el).querySelector('[part="relative-time"]')!).color);
  });
});

describe('<client-timeline> field changes and scheduled items, in the element\'s words', () => {
  it('formats dates, money and numbers of changes like the rest of the row, and never throws on bad values', async () => {
    const el = await expanded(
      [
        makeEvent(0, {
          id: 'many', type: 'deal.value-updated', summary: undefined,
          detail: {
            changes: [
              { field: 'Closing date', from: '2026-11-30', to: '2026-12-03T15:00:00Z', kind: 'date' },
              { field: 'Value', from: 450000, to: '480000', kind: 'money', currency: 'CRC' },
              { field: 'Seats', from: 1200, to: '25000', kind: 'number' },
              { field: 'Bad date', from: 'someday', to: 9e15, kind: 'date' },
              { field: 'Bad number', from: 'lots', to: '1e999', kind: 'money', currency: 'USD' },
              { field: 'Code', from: 12345, to: 'ABC', kind: 'text' },
            ],
          },
        }),
        makeEvent(1, { id: 'one', type: 'deal.value-updated', summary: undefined, detail: { changes: [{ field: 'Value', from: 1000, to: 1500.5, kind: 'money', currency: 'USD' }] } }),
      ],
      { timeZone: 'America/Costa_Rica' },
    );
    const rows = [...detailOf(el, 'many').querySelectorAll('[part="changes"] tr')].map((tr) => [...tr.querySelectorAll('del, ins')].map((c) => c.textContent));
    expect(rows[0]).to.deep.equal(['Nov 30, 2026', 'Dec 3, 2026, 9:00 AM']);
    expect(rows[1]).to.deep.equal(['₡450,000.00', '₡480,000.00']);
    expect(rows[2]).to.deep.equal(['1,200', '25,000']);
    expect(rows[3]).to.deep.equal(['someday', '9000000000000000']);
    expect(rows[4]).to.deep.equal(['lots', '1e999']);
    expect(rows[5]).to.deep.equal(['12,345', 'ABC']);
    el.collapseAll();
    await settle(el);
    const summary = articles(el).find((r) => r.dataset.id === 'one')!.querySelector('[part="summary"]')!;
    expect(summary.textContent).to.equal('Value: $1,000.00 → $1,500.50');
  });

  it('rejects a change whose currency is not an ISO 4217 code', async () => {
    const { parseEvents } = await import('../../src/model/event.js');
    const { invalid } = parseEvents([makeEvent(0, { detail: { changes: [{ field: 'Value', to: 1, kind: 'money', currency: 'dollars' }] } })]);
    expect(invalid[0].problems.join()).to.contain('currency');
  });

  it('breaks field names and values between words, in a narrow element', async () => {
    const el = await expanded(
      [makeEvent(0, { id: 'c', type: 'contact.field-edited', summary: undefined, detail: { changes: [{ field: 'Email/s', from: 'karina@patitas.example', to: 'karina.solis@veterinaria-patitas.example, recepcion@veterinaria-patitas.example' }] } })],
      { width: 320 },
    );
    const th = detailOf(el, 'c').querySelector<HTMLElement>('[part="changes"] th')!;
    const range = document.createRange();
    range.selectNodeContents(th);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    expect(lines.size, '"Email/s" on one line').to.equal(1);
    expect(getComputedStyle(th).overflowWrap).to.equal('break-word');
    const table = detailOf(el, 'c').querySelector<HTMLElement>('[part="changes"]')!;
    expect(table.getBoundingClientRect().right).to.be.at.most(detailOf(el, 'c').getBoundingClientRect().right + 0.5);
  });

  it('says when a scheduled email sends and when a meeting starts', async () => {
    const el = await expanded([
      makeEvent(0, { id: 'mail', type: 'email.scheduled', detail: { subject: 'QBR agenda', startsAt: '2026-12-03T15:00:00Z' } }),
      makeEvent(1, { id: 'meet', type: 'meeting.scheduled', detail: { startsAt: '2026-12-01T15:00:00Z' } }),
    ], { timeZone: 'UTC' });
    const facts = (id: string) => Object.fromEntries([...detailOf(el, id).querySelectorAll('.field')].map((f) => [f.querySelector('dt')!.textContent, f.querySelector('dd')!.textContent]));
    expect(facts('mail')).to.deep.include({ Sends: 'Dec 3, 2026, 3:00 PM · in 10 days' });
    expect(facts('mail')).to.not.have.property('Starts');
    expect(facts('meet')).to.deep.include({ Starts: 'Dec 1, 2026, 3:00 PM · in 8 days' });
  });
});
