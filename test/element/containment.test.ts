import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import type { ClientTimeline } from '../../src/client-timeline.js';
import type { TimelineErrorDetail } from '../../src/events.js';
import { Formatters } from '../../src/i18n/format.js';
import { registerEventType } from '../../src/model/catalog.js';
import { articles, mount, rendered, scroller, settle, shadow } from '../support/fixture.js';
import { makeEvent, makeEvents, NOW, ScriptedAdapter } from '../support/events.js';
import { failOnUncaught } from '../support/no-uncaught.js';

failOnUncaught();

const toggleOf = (article: HTMLElement) => article.querySelector<HTMLButtonElement>('[part~="toggle"]')!;
const expanded = (article: HTMLElement) => toggleOf(article).getAttribute('aria-expanded') === 'true';
const errorsOf = (el: ClientTimeline) => {
  const seen: TimelineErrorDetail[] = [];
  el.addEventListener('timeline-error', (e) => seen.push(e.detail));
  return seen;
};

/** Values Intl rejects or that make no sense, in every formatted field. */
const ABSURD = [1e300, -1e300, Number.MAX_VALUE, -1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1, 2 ** 53];

describe('containment: formatters are total', () => {
  it('every formatter returns text for values Intl rejects', () => {
    for (const locale of ['en-US', 'es-CR', 'ar-EG']) {
      const fmt = new Formatters(locale, { timeZone: 'America/Costa_Rica' });
      for (const value of ABSURD) {
        const outputs = [
          fmt.exact(value),
          fmt.stamp(value),
          fmt.date(value),
          fmt.relativeTo(value, NOW),
          fmt.money(value, 'CRC'),
          fmt.money(value, 'XYZ'),
          fmt.durationOf(value),
          fmt.bytes(value),
          fmt.count(value),
          fmt.dayLabel(fmt.dayKey(value), NOW),
        ];
        for (const out of outputs) expect(typeof out, `${locale} ${value}`).to.equal('string');
      }
      for (const text of ['+999999-01-01T00:00:00Z', '2026-13-45', 'not a date', '']) {
        expect(typeof fmt.dateTimeOf(text)).to.equal('string');
        expect(typeof fmt.dateOf(text)).to.equal('string');
      }
    }
  });
});

describe('containment: one bad event never stops the element', () => {
  it('a call of 1e300 seconds expands, and every other row still expands (expandAll too)', async () => {
    const events = [
      { id: 'dur-huge', type: 'call.logged', occurredAt: '2026-11-20T12:00:00Z', title: 'x', detail: { durationSeconds: 1e300 } },
      makeEvent(1, { detail: { startsAt: '+275760-09-13T00:00:00.001Z', editedAt: '9999-99-99T99:99:99Z', quantity: 1e308 } }),
      makeEvent(2, { detail: { attachments: [{ name: 'a.pdf', size: -5 }, { name: 'b.pdf', size: 1e300 }], amount: { value: 1e300, currency: 'CRC' } } }),
      ...makeEvents(5, 3),
    ];
    const el = await mount({ adapter: new ScriptedAdapter(events), height: 900 });
    const errors = errorsOf(el);
    await rendered(el, 8);
    const huge = articles(el).find((a) => a.dataset.id === 'dur-huge')!;
    toggleOf(huge).click();
    await settle(el);
    await waitUntil(() => huge.querySelector('[part~="detail"]'), 'the detail of dur-huge');
    expect(expanded(huge)).to.equal(true);
    const other = articles(el).find((a) => a.dataset.id !== 'dur-huge')!;
    toggleOf(other).click();
    await settle(el);
    expect(expanded(other), 'another row still expands').to.equal(true);
    el.expandAll();
    await settle(el);
    for (const article of articles(el)) {
      expect(expanded(article), `${article.dataset.id} expanded`).to.equal(true);
      expect(!!article.querySelector('[part~="detail"]'), `${article.dataset.id} has its detail`).to.equal(true);
    }
    expect(errors.filter((e) => e.kind === 'render')).to.deep.equal([]);
  });

  it('a detail renderer that throws shows its note, reports once, and leaves every other row working', async () => {
    registerEventType('test.throws', {
      label: 'Throws',
      renderDetail: () => {
        throw new Error('renderer broke');
      },
    });
    const events = [makeEvent(0, { type: 'test.throws', title: 'Breaks when opened' }), ...makeEvents(4, 1)];
    const el = await mount({ adapter: new ScriptedAdapter(events), height: 700 });
    const errors = errorsOf(el);
    await rendered(el, 5);
    const bad = articles(el).find((a) => a.dataset.id === events[0].id)!;
    const reported = oneEvent(el, 'timeline-error');
    toggleOf(bad).click();
    await settle(el);
    const { detail } = await reported;
    expect(detail.kind).to.equal('render');
    expect((detail as { id: string }).id).to.equal(events[0].id);
    expect(detail.message).to.contain('renderer broke');
    expect(bad.querySelector('[part~="detail"]')!.textContent).to.contain("Couldn't show this event.");
    // Collapse and open again: still one report.
    toggleOf(bad).click();
    await settle(el);
    toggleOf(bad).click();
    await settle(el);
    el.expandAll();
    await settle(el);
    for (const article of articles(el).filter((a) => a !== bad)) expect(!!article.querySelector('[part~="detail"]'), article.dataset.id).to.equal(true);
    expect(errors.filter((e) => e.kind === 'render').length).to.equal(1);
  });

  it('an index the list no longer has renders nothing (the virtualizer asks for an old, longer range)', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(6)) });
    await rendered(el, 6);
    // The range the virtualizer reports before it has taken the new, shorter items.
    scroller(el).dispatchEvent(Object.assign(new Event('rangeChanged'), { first: 0, last: 40 }));
    await settle(el);
    expect(articles(el).length).to.equal(6);
    expect(articles(el).map((a) => a.dataset.id)).to.deep.equal(makeEvents(6).map((e) => e.id));
  });
});

/** Arbitrary values for every known detail field, and arbitrary JSON beside them. */
const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(...ABSURD));
const anyText = fc.oneof(fc.string(), fc.constantFrom('', ' ', '+999999-01-01T00:00:00Z', '2026-11-20', '\u202e', 'CRC'));
const anyValue = fc.oneof(anyNumber, anyText, fc.constant(null), fc.boolean(), fc.jsonValue());
const detail = fc.record(
  {
    body: fc.oneof(anyText, anyValue),
    bodyFormat: fc.constantFrom('text', 'html', 'markdown'),
    subject: anyText,
    from: anyText,
    to: fc.oneof(fc.array(anyText), anyValue),
    durationSeconds: anyNumber,
    recordingUrl: anyText,
    outcome: anyText,
    amount: fc.oneof(fc.record({ value: anyNumber, currency: fc.oneof(anyText, fc.constantFrom('CRC', 'USD', 'XYZ')) }), anyValue),
    changes: fc.oneof(fc.array(fc.record({ field: anyText, from: anyValue, to: anyValue, kind: fc.constantFrom('date', 'money', 'number', 'text'), currency: fc.constantFrom('CRC', 'USD') }), { maxLength: 3 }), anyValue),
    attachments: fc.oneof(fc.array(fc.record({ name: anyText, url: anyText, size: anyNumber, mimeType: anyText }), { maxLength: 3 }), anyValue),
    startsAt: anyText,
    endsAt: anyText,
    editedAt: anyText,
    quantity: anyNumber,
    url: anyText,
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const TYPES = ['call.logged', 'call.missed', 'email.sent', 'email.scheduled', 'meeting.scheduled', 'note.added', 'note.edited', 'deal.stage-changed', 'invoice.issued', 'file.uploaded', 'field.changed', 'chat.message', 'task.created', 'made.up'];
const event = (i: number) =>
  fc.record({
    id: fc.constant(`p-${i}`),
    type: fc.constantFrom(...TYPES),
    occurredAt: fc.constant(new Date(NOW - i * 3_600_000).toISOString()),
    title: anyText,
    summary: fc.option(anyText, { nil: undefined }),
    status: fc.option(anyText, { nil: undefined }),
    tone: fc.option(fc.constantFrom('failed', 'success', 'warning', 'neutral'), { nil: undefined }),
    detail,
  });

describe('containment: arbitrary values in every field (fast-check)', () => {
  it('never cause an uncaught error and never stop another row from expanding', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(...Array.from({ length: 12 }, (_, i) => event(i))), async (events) => {
        const el = await mount({ adapter: new ScriptedAdapter(events), height: 2400 });
        try {
          await waitUntil(() => articles(el).length > 0 || !!shadow(el).querySelector('[part~="empty-state"]'), 'rendered', { timeout: 5_000 });
          await settle(el);
          el.expandAll();
          await settle(el);
          for (const article of articles(el)) expect(expanded(article), `${article.dataset.id} expanded`).to.equal(true);
          el.collapseAll();
          await settle(el);
          const last = articles(el).at(-1);
          if (last) {
            toggleOf(last).click();
            await settle(el);
            expect(expanded(last), 'the last row still expands on its own').to.equal(true);
          }
        } finally {
          el.remove();
        }
      }),
      { numRuns: 15 },
    );
  });
});
