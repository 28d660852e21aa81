import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import {
  CATEGORIES,
  categoryOf,
  knownTypes,
  registerEventType,
  statusColor,
  typeInfo,
  typesOfCategory,
  unregisterEventType,
  type CategoryKey,
} from '../../src/model/catalog.js';
import { buildRows, FOLD_WINDOW_MS } from '../../src/data/rows.js';
import { Formatters } from '../../src/i18n/format.js';
import { en } from '../../src/i18n/messages.js';
import { parseEvents, type TimelineEvent, type TimelineItem } from '../../src/model/event.js';
import type { RenderContext } from '../../src/render/context.js';
import { loadDetail, renderRow } from '../../src/render/row.js';
import { articles, mount, rendered, scrollToEnd, settle, shadow } from '../support/fixture.js';
import { makeEvent, NOW, ScriptedAdapter } from '../support/events.js';

/** The events the four seed products describe, with the category each belongs to. */
const SEED_TYPES: Record<string, CategoryKey> = {
  // Pilot
  'email.sent': 'email',
  'email.opened': 'email',
  'call.logged': 'call',
  'proposal.sent': 'deal',
  'proposal.stage-changed': 'deal',
  'task.created': 'task',
  'task.completed': 'task',
  'note.added': 'note',
  // Twozo
  'contact.created': 'update',
  'contact.name-changed': 'update',
  'contact.lifecycle-changed': 'update',
  'deal.lost-reason-set': 'deal',
  'deal.lost-reason-updated': 'deal',
  'deal.associated': 'deal',
  'deal.title-changed': 'deal',
  'deal.value-updated': 'deal',
  'deal.closing-date-set': 'deal',
  'deal.closing-date-changed': 'deal',
  'form.submitted': 'update',
  'contact.merged': 'update',
  'email.received': 'email',
  'email.replied': 'email',
  'email.draft': 'email',
  'email.scheduled': 'email',
  'email.logged': 'email',
  'call.failed': 'call',
  'call.voice-note': 'call',
  'call.recording': 'call',
  'meeting.scheduled': 'meeting',
  'activity.title-changed': 'task',
  'activity.note-added': 'task',
  'activity.note-edited': 'task',
  'note.edited': 'note',
  'file.uploaded': 'file',
  // OctopusPro
  'inquiry.received': 'deal',
  'quote.created': 'deal',
  'booking.created': 'meeting',
  'invoice.issued': 'billing',
  'invoice.overdue': 'billing',
  'payment.received': 'billing',
  'attachment.added': 'file',
  'contact.field-edited': 'update',
  // Spanish-language CRM
  'customer.assigned': 'update',
  'customer.unassigned': 'update',
  'customer.created': 'update',
  'chatbot.activated': 'chat',
  'chatbot.deactivated': 'chat',
  'negotiation.created': 'deal',
  'negotiation.stage-updated': 'deal',
  'order.note-added': 'note',
  'message.scheduled': 'chat',
  'sale.created': 'deal',
  'list.added': 'update',
  'chat.status-changed': 'chat',
  'chat.marked-unread': 'chat',
};

const item = (event: TimelineEvent): TimelineItem => {
  const { items, invalid } = parseEvents([event]);
  expect(invalid, JSON.stringify(invalid)).to.deep.equal([]);
  return items[0];
};

function context(locale = 'en-US', over: Partial<RenderContext> = {}): RenderContext {
  return {
    fmt: new Formatters(locale),
    msg: en,
    now: NOW,
    headingLevel: 3,
    setSize: -1,
    isExpanded: () => true,
    toggle: () => {},
    failed: (_item, error) => {
      throw error;
    },
    open: () => true,
    rowBefore: () => undefined,
    refresh: () => {},
    highlight: (t) => t,
    ...over,
  };
}

function renderOne(event: TimelineEvent, ctx = context()): HTMLElement {
  const host = document.createElement('div');
  const [row] = buildRows([item(event)], (t) => ctx.fmt.dayKey(t));
  render(renderRow(row, 0, ctx), host);
  return host.querySelector('article')!;
}

describe('event catalog', () => {
  it('knows every event type of the seed products, with a label, an icon and the right category', () => {
    const known = new Set(knownTypes().map((t) => t.type));
    for (const [type, category] of Object.entries(SEED_TYPES)) {
      expect(known.has(type), type).to.equal(true);
      const info = typeInfo(type);
      expect(info.label, type).to.match(/^[A-Z]/);
      expect(info.category, type).to.equal(category);
      const article = renderOne(makeEvent(0, { type, title: `t ${type}` }));
      expect(article.dataset.category, type).to.equal(category);
      const iconEl = article.querySelector('[part="icon"]')!;
      expect(iconEl.getAttribute('title'), type).to.equal(info.label);
      expect(iconEl.querySelector('svg path, svg rect, svg circle, svg line, svg polyline'), type).to.exist;
    }
  });

  it('gives different types of one category their own icons', () => {
    const icons = new Set(['email.sent', 'email.opened', 'email.received', 'email.draft', 'email.scheduled'].map((t) => typeInfo(t).icon));
    expect(icons.size).to.equal(5);
  });

  it('shows a failed call in the failed tone, in colour and in words', () => {
    const article = renderOne(makeEvent(0, { type: 'call.failed', tone: undefined, title: 'Call to Karina' }));
    expect(article.classList.contains('tone-failed')).to.equal(true);
    expect(article.querySelector('[part="tone"]')!.textContent).to.equal('Failed');
  });

  it('lets the data override the default tone', () => {
    const article = renderOne(makeEvent(0, { type: 'call.failed', tone: 'neutral' }));
    expect(article.classList.contains('tone-failed')).to.equal(false);
  });

  it('colours statuses with the seed palette (invoice Open blue, Overdue red, Closed green, Credited yellow)', () => {
    expect(statusColor('Open')).to.equal('blue');
    expect(statusColor('overdue')).to.equal('red');
    expect(statusColor('Closed')).to.equal('green');
    expect(statusColor('Credited')).to.equal('yellow');
    expect(statusColor('In Progress')).to.equal('orange');
    expect(statusColor('To Schedule')).to.equal('purple');
    expect(statusColor('Something else')).to.equal('grey');
    const article = renderOne(makeEvent(0, { type: 'invoice.overdue', status: 'Overdue' }));
    const chip = article.querySelector('[part="status"]')!;
    // invoice.overdue is a failed event: the chip says so to assistive technology, in red.
    expect(chip.textContent).to.equal('Overdue, failed');
    expect(chip.querySelector('.sr-only')!.textContent).to.equal(', failed');
    expect(chip.classList.contains('status-red')).to.equal(true);
  });

  it('maps unknown types by their first segment, and fully unknown ones to Other', () => {
    expect(categoryOf('invoice.disputed').key).to.equal('billing');
    expect(typeInfo('invoice.disputed').label).to.equal('Invoice disputed');
    expect(categoryOf('spaceship.launched').key).to.equal('other');
    expect(Object.keys(CATEGORIES)).to.deep.equal(['email', 'call', 'meeting', 'task', 'note', 'deal', 'billing', 'file', 'chat', 'update', 'other']);
    expect(typesOfCategory('deal')).to.include.members(['proposal', 'quote', 'negotiation', 'sale']);
  });

  it('lets a host register a new type and override a built-in one', async () => {
    try {
      registerEventType('shipment.delivered', { label: 'Shipment delivered', category: 'other', icon: 'trending-up', tone: 'success' });
      registerEventType('email.sent', { label: 'Correo enviado' });
      expect(typeInfo('email.sent').category).to.equal('email');
      const el = await mount({
        adapter: new ScriptedAdapter([makeEvent(0, { type: 'shipment.delivered', tone: undefined }), makeEvent(1, { type: 'email.sent' })]),
      });
      const rows = await rendered(el, 2);
      expect(rows[0].querySelector('[part="icon"]')!.getAttribute('title')).to.equal('Shipment delivered');
      expect(rows[0].classList.contains('tone-success')).to.equal(true);
      expect(rows[1].querySelector('[part="icon"]')!.getAttribute('title')).to.equal('Correo enviado');
      expect(() => registerEventType('x.y', { category: 'nope' as CategoryKey })).to.throw(/unknown category/);
    } finally {
      unregisterEventType('shipment.delivered');
      unregisterEventType('email.sent');
    }
    expect(typeInfo('email.sent').label).to.equal('Email sent');
  });

  it('renders a host detail renderer for its type', async () => {
    // Details come from a lazily loaded chunk: without it the row shows its placeholder.
    await loadDetail();
    try {
      registerEventType('shipment.delivered', {
        renderDetail: (event, { formatters }) => html`<p class="custom">Delivered ${formatters.exact(event.time)}</p>`,
      });
      const article = renderOne(makeEvent(0, { type: 'shipment.delivered' }));
      expect(article.querySelector('[part="detail"] .custom')!.textContent).to.match(/^Delivered Nov 23, 2026/);
      registerEventType('shipment.returned', { renderDetail: () => '<b>not markup</b>' });
      const text = renderOne(makeEvent(0, { type: 'shipment.returned' }));
      expect(text.querySelector('[part="detail"] b')).to.equal(null);
      expect(text.querySelector('[part="detail"]')!.textContent).to.contain('<b>not markup</b>');
    } finally {
      unregisterEventType('shipment.delivered');
      unregisterEventType('shipment.returned');
    }
  });
});

describe('rich detail', () => {
  before(() => loadDetail());
  it('formats amounts per locale with Intl', () => {
    const event = makeEvent(0, { type: 'proposal.sent', detail: { amount: { value: 480000, currency: 'CRC' } } });
    expect(renderOne(event).querySelector('.amount')!.textContent).to.equal('₡480,000.00');
    expect(renderOne(event, context('es-CR')).querySelector('.amount')!.textContent!.replace(/\s/g, ' ')).to.match(/₡480 000,00|₡480.000,00/);
    const brl = makeEvent(0, { type: 'sale.created', detail: { amount: { value: 1234, currency: 'BRL' } } });
    expect(renderOne(brl, context('pt-BR')).querySelector('.amount')!.textContent!.replace(/\s/g, ' ')).to.equal('R$ 1.234,00');
  });

  it('formats dates per locale', () => {
    const event = makeEvent(0, { type: 'meeting.scheduled', detail: { startsAt: '2026-12-01T15:00:00Z' } });
    const en = renderOne(event).querySelector('.facts')!.textContent!;
    const es = renderOne(event, context('es-ES')).querySelector('.facts')!.textContent!;
    expect(en).to.match(/Dec 1, 2026/);
    expect(es).to.match(/1 dic 2026/);
  });

  it('shows field changes as old → new, and several as "N fields changed"', () => {
    const one = renderOne(makeEvent(0, { type: 'contact.name-changed', summary: undefined, detail: { changes: [{ field: 'Name', from: 'Priya N.', to: 'Priya Nair' }] } }), context('en-US', { isExpanded: () => false }));
    expect(one.querySelector('[part="summary"]')!.textContent).to.equal('Name: Priya N. → Priya Nair');
    const many = makeEvent(0, {
      type: 'contact.field-edited',
      summary: undefined,
      detail: { changes: [{ field: 'Phone', from: null, to: '+61 7 5555 0101' }, { field: 'Suburb', from: 'Newstead', to: 'Fortitude Valley' }, { field: 'Label', from: 'Lead', to: 'VIP' }] },
    });
    expect(renderOne(many, context('en-US', { isExpanded: () => false })).querySelector('[part="summary"]')!.textContent).to.equal('3 fields changed');
    const table = renderOne(many).querySelector('[part="changes"]')!;
    expect(table.querySelector('caption')!.textContent).to.equal('3 fields changed');
    const cells = [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, del, ins')].map((c) => c.textContent));
    expect(cells).to.deep.equal([
      ['Phone', '(empty)', '+61 7 5555 0101'],
      ['Suburb', 'Newstead', 'Fortitude Valley'],
      ['Label', 'Lead', 'VIP'],
    ]);
  });

  it('shows an email with from, to, cc, subject and its quoted history folded', () => {
    const article = renderOne(
      makeEvent(0, {
        type: 'email.received',
        detail: { from: 'karina@patitas.example', to: ['ana@pilot.example'], cc: ['diego@pilot.example'], subject: 'Re: Pro Plan quote', body: 'Thanks, confirming tomorrow.\n\nOn Nov 13, 2026, Ana wrote:\n> Here is the quote.' },
      }),
    );
    const facts = article.querySelector('.facts')!.textContent!;
    for (const text of ['karina@patitas.example', 'ana@pilot.example', 'diego@pilot.example', 'Re: Pro Plan quote', 'Cc']) expect(facts).to.contain(text);
    const quoted = article.querySelector<HTMLDetailsElement>('details[part="quoted"]')!;
    expect(quoted.open).to.equal(false);
    expect(quoted.querySelector('summary')!.textContent).to.equal('Show quoted text');
    expect(quoted.textContent).to.contain('> Here is the quote.');
    expect(article.querySelector('.body-text')!.textContent).to.equal('Thanks, confirming tomorrow.');
  });

  it('shows a call with direction, duration, outcome and a recording player that loads nothing until played', () => {
    const article = renderOne(
      makeEvent(0, { type: 'call.recording', detail: { direction: 'outbound', durationSeconds: 252, outcome: 'Connected', recordingUrl: 'https://calls.example/r/1.wav' } }),
    );
    const facts = article.querySelector('.facts')!.textContent!;
    expect(facts).to.contain('Outbound');
    expect(facts).to.match(/4 min,? 12 sec|4:12/);
    expect(facts).to.contain('Connected');
    // A third-party recording: a button until the user asks, no player and no request before.
    expect(article.querySelector('audio') === null).to.equal(true);
    expect(article.querySelector('button.play-recording')!.textContent).to.equal('Play recording');
  });

  it('lists attachments with a type icon, formatted size and a safe link', () => {
    const article = renderOne(
      makeEvent(0, {
        type: 'attachment.added',
        detail: {
          attachments: [
            { name: 'EST-00042.pdf', url: 'https://files.example/EST-00042.pdf', size: 62_500, mimeType: 'application/pdf' },
            { name: 'photo.jpg', url: 'javascript:alert(1)', size: 2_400_000 },
          ],
        },
      }),
    );
    const items = [...article.querySelectorAll('[part="attachments"] li')];
    expect(items).to.have.length(2);
    expect(items[0].querySelector('a')!.getAttribute('href')).to.equal('https://files.example/EST-00042.pdf');
    expect(items[0].querySelector('.size')!.textContent).to.equal('62.5 kB');
    expect(items[1].querySelector('a')).to.equal(null);
    expect(items[1].querySelector('.size')!.textContent).to.equal('2.4 MB');
    expect(items[0].querySelector('.file-icon svg')).to.exist;
  });

  it('marks internal notes and edited notes', () => {
    const article = renderOne(makeEvent(0, { type: 'note.edited', visibility: 'internal', detail: { body: 'Gave a 10% loyalty discount', editedAt: '2026-11-22T10:00:00Z' } }));
    expect(article.querySelector('[part="internal-badge"]')!.textContent).to.contain('Internal');
    expect(article.querySelector('[part="edited"]')!.textContent).to.match(/^edited Nov 22, 2026/);
  });

  it('links to the source record, and lets the host route instead (timeline-open is cancelable)', async () => {
    const el = await mount({
      adapter: new ScriptedAdapter([makeEvent(0, { type: 'quote.sent', record: { id: 'EST-00042', type: 'quote' }, detail: { url: 'https://crm.example/quotes/EST-00042', urlLabel: 'Open quote EST-00042' } })]),
    });
    const [row] = await rendered(el, 1);
    row.querySelector('button')!.click();
    await settle(el);
    const link = shadow(el).querySelector<HTMLAnchorElement>('[part="open-link"]')!;
    expect(link.textContent).to.contain('Open quote EST-00042');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    el.addEventListener('timeline-open', (e) => e.preventDefault(), { once: true });
    const opened = oneEvent(el, 'timeline-open');
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    link.dispatchEvent(click);
    const event = await opened;
    expect(event.detail).to.deep.include({ id: 'ev-0', url: 'https://crm.example/quotes/EST-00042', type: 'quote.sent' });
    expect(event.detail.record).to.deep.equal({ id: 'EST-00042', type: 'quote' });
    expect(click.defaultPrevented).to.equal(true);
  });
});

describe('reading the list: day headers and folding', () => {
  const at = (iso: string) => new Date(iso).toISOString();

  it('opens each day with a header: Upcoming, Today, Yesterday, then the date', async () => {
    const events = [
      makeEvent(0, { id: 'future', occurredAt: at('2026-11-25T10:00:00'), type: 'meeting.scheduled' }),
      makeEvent(1, { id: 'today-1', occurredAt: at('2026-11-23T09:00:00') }),
      makeEvent(2, { id: 'today-2', occurredAt: at('2026-11-23T08:00:00') }),
      makeEvent(3, { id: 'yesterday', occurredAt: at('2026-11-22T18:00:00') }),
      makeEvent(4, { id: 'older', occurredAt: at('2026-11-16T18:00:00') }),
      makeEvent(5, { id: 'last-year', occurredAt: at('2025-03-02T18:00:00') }),
    ];
    const el = await mount({ adapter: new ScriptedAdapter(events) });
    el.now = new Date('2026-11-23T12:00:00').getTime();
    const rows = await rendered(el, 6);
    const headers = rows.map((r) => r.querySelector('[part="day-header"]')?.textContent ?? null);
    expect(headers).to.deep.equal(['Upcoming', 'Today', null, 'Yesterday', 'Monday, November 16', 'Sunday, March 2, 2025']);
  });

  it('keeps one header per day across page boundaries', async () => {
    const events = Array.from({ length: 12 }, (_, i) => makeEvent(i, { id: `e${i}`, occurredAt: at(`2026-11-${String(20 - Math.floor(i / 4)).padStart(2, '0')}T${String(20 - (i % 4)).padStart(2, '0')}:00:00`) }));
    const el = await mount({ adapter: new ScriptedAdapter(events), pageSize: 3, height: 1200 });
    await rendered(el, 3);
    for (let i = 0; i < 6 && el.events.length < 12; i++) {
      await scrollToEnd(el);
      await waitUntil(() => el.events.length >= Math.min(12, 3 * (i + 2)));
    }
    await settle(el);
    const headers = articles(el).filter((r) => r.querySelector('[part="day-header"]')).map((r) => r.dataset.id);
    expect(headers).to.deep.equal(['e0', 'e4', 'e8']);
  });

  it('folds consecutive updates of one record by one author, across page boundaries', async () => {
    const base = Date.parse('2026-11-20T15:00:00Z');
    const update = (i: number, minutes: number, over: Partial<TimelineEvent> = {}) =>
      makeEvent(i, {
        id: `u${i}`,
        type: 'contact.field-edited',
        occurredAt: new Date(base - minutes * 60_000).toISOString(),
        author: { name: 'Diego Mora' },
        record: { id: 'contact-7' },
        title: `Field ${i} edited`,
        detail: { changes: [{ field: `Field ${i}`, from: 'a', to: 'b' }] },
        ...over,
      });
    const events = [
      update(0, 0),
      update(1, 1),
      update(2, 2), // page boundary after this one (page size 3)
      update(3, 3),
      update(4, 30), // too late: its own row
      update(5, 31, { author: { name: 'Ana Rojas' } }), // another author
      makeEvent(6, { id: 'call', type: 'call.logged', occurredAt: new Date(base - 32 * 60_000).toISOString() }),
    ];
    const el = await mount({ adapter: new ScriptedAdapter(events), pageSize: 3, height: 900 });
    await rendered(el, 1);
    for (let i = 0; i < 5 && el.events.length < 7; i++) {
      await scrollToEnd(el);
      await waitUntil(() => el.events.length >= Math.min(7, 3 * (i + 2)));
    }
    await settle(el);
    const rows = articles(el);
    expect(rows.map((r) => r.dataset.key)).to.deep.equal(['group:u0', 'u4', 'u5', 'call']);
    expect(rows[0].querySelector('[part="title"]')!.textContent).to.equal('Diego Mora made 4 changes');
    rows[0].querySelector('button')!.click();
    await settle(el);
    const folded = articles(el)[0].querySelectorAll('.folded li');
    expect(folded).to.have.length(4);
    expect(articles(el)[0].querySelector('.folded')!.textContent).to.contain('Field 3');
    expect(FOLD_WINDOW_MS).to.equal(5 * 60_000);
  });
});

describe('README catalog table', () => {
  it('lists every catalog type with its label and category', async () => {
    const readme = await (await fetch('/README.md')).text();
    const table = readme.slice(readme.indexOf('<!-- catalog:start -->'), readme.indexOf('<!-- catalog:end -->'));
    for (const t of knownTypes()) {
      expect(table, `${t.type}: run node scripts/catalog-table.mjs --write`).to.contain(`| \`${t.type}\` | ${t.label} | ${CATEGORIES[t.category].label} |`);
    }
    expect(table.split('\n').filter((l) => l.startsWith('| `')).length).to.equal(knownTypes().length);
  });
});

describe('pinned day', () => {
  it('shows the day being read at the top once the list is scrolled', async () => {
    const day = (d: number, h: number) => new Date(`2026-11-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00`).toISOString();
    const events = Array.from({ length: 40 }, (_, i) => makeEvent(i, { id: `p${i}`, occurredAt: day(22 - Math.floor(i / 10), 20 - (i % 10)) }));
    const el = await mount({ adapter: new ScriptedAdapter(events), height: 300 });
    el.now = new Date('2026-11-23T12:00:00').getTime();
    await rendered(el, 3);
    const pin = shadow(el).querySelector<HTMLElement>('[part="day-pin"]')!;
    expect(pin.hidden).to.equal(true);
    const target = () => articles(el).find((r) => r.dataset.id === 'p25');
    const box = shadow(el).querySelector<HTMLElement>('.scroller')!;
    for (let i = 0; i < 20 && !target(); i++) {
      box.scrollTop += 250;
      await settle(el);
    }
    target()!.scrollIntoView({ block: 'start' });
    await settle(el);
    await waitUntil(() => !pin.hidden && pin.textContent === 'Friday, November 20', `pin shows ${pin.textContent}`);
  });
});

describe('HTML email quoted history', () => {
  it('folds the quoted part of an HTML body behind "Show quoted text"', async () => {
    const body =
      '<p>Thanks Ana, we will take the annual plan.</p><div class="gmail_quote"><p>On Nov 13, 2026, Ana Rojas wrote:</p><blockquote><p>Here is the Pro Plan quote.</p></blockquote></div>';
    const el = await mount({ adapter: new ScriptedAdapter([makeEvent(0, { type: 'email.received', detail: { body, bodyFormat: 'html' } })]) });
    const [row] = await rendered(el, 1);
    row.querySelector('button')!.click();
    await waitUntil(() => shadow(el).querySelector('.body-html details.quoted'), 'quoted text folded');
    const bodyEl = shadow(el).querySelector('.body-html')!;
    const quoted = bodyEl.querySelector<HTMLDetailsElement>('details.quoted')!;
    expect(quoted.open).to.equal(false);
    expect(quoted.querySelector('summary')!.textContent).to.equal('Show quoted text');
    expect(quoted.textContent).to.contain('Here is the Pro Plan quote.');
    expect(quoted.textContent).to.contain('Ana Rojas wrote:');
    expect(bodyEl.querySelector(':scope > p')!.textContent).to.equal('Thanks Ana, we will take the annual plan.');
    // A body that is only a quote is shown as it is.
    const { foldQuotedHtml } = await import('../../src/render/detail.js');
    const only = document.createElement('div');
    only.append(document.createElement('blockquote'));
    only.firstElementChild!.textContent = 'Forwarded text';
    foldQuotedHtml(only, 'Show quoted text');
    expect(only.querySelector('details')).to.equal(null);
  });
});

describe('long details', () => {
  it('scroll inside a capped, focusable box, so no row grows past a screen and the rows after it still render', async () => {
    const body = Array.from({ length: 400 }, (_, i) => `Line ${i + 1} of a very long email thread.`).join('\n');
    const events = [makeEvent(0, { type: 'email.received', detail: { body } }), ...Array.from({ length: 30 }, (_, i) => makeEvent(i + 1))];
    const el = await mount({ adapter: new ScriptedAdapter(events), height: 500 });
    const [row] = await rendered(el, 3);
    row.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await settle(el);
    const detail = row.querySelector<HTMLElement>('[part="detail"]')!;
    const cap = parseFloat(getComputedStyle(detail).maxHeight);
    expect(cap).to.be.greaterThan(200);
    expect(detail.getBoundingClientRect().height).to.be.at.most(cap + 1);
    expect(detail.scrollHeight).to.be.greaterThan(detail.clientHeight * 3);
    expect(detail.tabIndex).to.equal(0);
    // Its text is all there, to scroll to.
    detail.scrollTop = detail.scrollHeight;
    expect(detail.textContent).to.contain('Line 400 of a very long email thread.');
    // A host can give it more room.
    el.style.setProperty('--ct-detail-max-height', '40rem');
    expect(parseFloat(getComputedStyle(detail).maxHeight)).to.be.greaterThan(cap);
    await scrollToEnd(el);
    await scrollToEnd(el);
    expect(articles(el).some((a) => a.dataset.id === 'ev-30'), 'the last row rendered').to.equal(true);
  });
});
