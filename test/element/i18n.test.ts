import { expect, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import { Formatters, resolveTimeZone } from '../../src/i18n/format.js';
import { en, loadMessages, mergeMessages, messagesFor, messagesReady, type MessageOverrides } from '../../src/i18n/messages.js';
import { es } from '../../src/i18n/es.js';
import { pt } from '../../src/i18n/pt.js';
import { builtInTypes, CATEGORY_ORDER, registerEventType, unregisterEventType } from '../../src/model/catalog.js';
import { articles, mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvent, NOW, ScriptedAdapter } from '../support/events.js';

const DAY = 86_400_000;
/** Intl separates currency and digits with a no-break space in some locales: compare with plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** Every key path of the English catalogue ("find.search", "tone.failed", "categories.deal"), plus every built-in type under "types.". */
function keyPaths(catalogue: object, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && key !== 'types' ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
const englishKeys = () => [...keyPaths(en).filter((k) => k !== 'types'), ...builtInTypes().map((t) => `types.${t}`)];
const translatedKeys = (catalogue: object) => {
  const { types, ...rest } = catalogue as { types?: Record<string, string> };
  return [...keyPaths(rest), ...Object.keys(types ?? {}).map((t) => `types.${t}`)];
};

describe('message catalogues', () => {
  before(async () => {
    await Promise.all([loadMessages('es'), loadMessages('pt')]);
  });

  for (const [name, catalogue] of [['es', es], ['pt', pt]] as const) {
    it(`${name} translates every English key and every built-in type (nothing missing, nothing unknown)`, () => {
      const have = new Set(translatedKeys(catalogue));
      const want = englishKeys();
      const missing = want.filter((k) => !have.has(k));
      const unknown = [...have].filter((k) => !want.includes(k));
      expect(missing, `keys missing from ${name}: ${missing.join(', ')}`).to.deep.equal([]);
      expect(unknown, `keys in ${name} that English does not have: ${unknown.join(', ')}`).to.deep.equal([]);
    });

    it(`${name} keeps the shape of English: functions where English has functions, and they use their arguments`, () => {
      const merged = messagesFor(name) as unknown as Record<string, unknown>;
      const walk = (ours: Record<string, unknown>, theirs: Record<string, unknown>, path: string) => {
        for (const [key, value] of Object.entries(theirs)) {
          const mine = ours[key];
          if (typeof value === 'function') {
            expect(typeof mine, `${path}${key}`).to.equal('function');
            const args = Array.from({ length: value.length }, (_, i) => 7 + i);
            const text = (mine as (...a: unknown[]) => string)(...args);
            expect(text, `${path}${key}`).to.be.a('string').and.not.equal('');
            for (const arg of args) if ((value as (...a: unknown[]) => string)(...args).includes(String(arg))) expect(text, `${path}${key}`).to.contain(String(arg));
          } else if (typeof value === 'object' && value !== null && key !== 'types') {
            walk(mine as Record<string, unknown>, value as Record<string, unknown>, `${path}${key}.`);
          } else if (key !== 'types' && value !== '') {
            expect(mine, `${path}${key}`).to.be.a('string').and.not.equal('');
          }
        }
      };
      walk(merged, en as unknown as Record<string, unknown>, '');
    });
  }

  it('picks the catalogue by language subtag and falls back to English', () => {
    expect(messagesFor('es-CR').feedLabel).to.equal('Actividad del cliente');
    expect(messagesFor('es').find.search).to.equal('Buscar en la actividad');
    expect(messagesFor('pt-BR').feedLabel).to.equal('Atividade do cliente');
    expect(messagesFor('pt_PT').retry).to.equal('Tentar novamente');
    expect(messagesFor('fr-FR')).to.equal(messagesFor('en'));
    expect(messagesFor('')).to.equal(messagesFor('en-US'));
    expect(messagesFor('en-GB').feedLabel).to.equal(en.feedLabel);
  });

  it('falls back to English for a key a catalogue lacks, group by group', () => {
    const partial = mergeMessages(en, { find: { search: 'Buscar' } }, { tone: { failed: 'Falló' } });
    expect(partial.find.search).to.equal('Buscar');
    expect(partial.find.clearAll).to.equal(en.find.clearAll);
    expect(partial.tone.failed).to.equal('Falló');
    expect(partial.tone.success).to.equal(en.tone.success);
    expect(partial.retry).to.equal(en.retry);
    // Prototype keys in an override are ignored rather than merged.
    const hostile = mergeMessages(en, JSON.parse('{"__proto__": {"polluted": "yes"}, "retry": "Again"}'));
    expect(hostile.retry).to.equal('Again');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});

describe('formatting in en, es and pt', () => {
  const now = NOW;
  const cases: [string, { relative: string; money: [number, string, string]; today: string; yesterday: string; month: RegExp }][] = [
    ['en-US', { relative: '10 days ago', money: [480000, 'CRC', '₡480,000.00'], today: 'Today', yesterday: 'Yesterday', month: /Nov/ }],
    ['es-CR', { relative: 'hace 10 días', money: [480000, 'CRC', '₡480 000,00'], today: 'Hoy', yesterday: 'Ayer', month: /nov/ }],
    ['pt-BR', { relative: 'há 10 dias', money: [1234, 'BRL', 'R$ 1.234,00'], today: 'Hoje', yesterday: 'Ontem', month: /nov/ }],
  ];
  for (const [locale, want] of cases) {
    it(`${locale}: relative times, amounts, day headers and dates through Intl`, () => {
      const fmt = new Formatters(locale, { timeZone: 'UTC' });
      expect(fmt.relativeTo(now - 10 * DAY, now)).to.equal(want.relative);
      expect(plain(fmt.money(...want.money.slice(0, 2) as [number, string]))).to.equal(want.money[2]);
      expect(fmt.dayLabel(fmt.dayKey(now), now)).to.equal(want.today);
      expect(fmt.dayLabel(fmt.dayKey(now - DAY), now)).to.equal(want.yesterday);
      expect(fmt.exact(now)).to.match(want.month).and.to.match(/2026/);
    });
  }

  it('pt-BR: amounts in reais, es: amounts in colones with the locale grouping', () => {
    expect(plain(new Formatters('pt-BR').money(1234, 'BRL'))).to.equal('R$ 1.234,00');
    expect(plain(new Formatters('en-US').money(480000, 'crc'))).to.equal('₡480,000.00');
  });

  it("a change of offset one minute past the quarter hour (St. John's, 1990-10-28 00:01 local) is on the right day on both sides", () => {
    const fmt = new Formatters('en', { timeZone: 'America/St_Johns' });
    expect(fmt.dayKey(Date.UTC(1990, 9, 28, 2, 30))).to.equal('1990-10-28');
    // One minute later, clocks went back an hour: 23:01 of the day before.
    expect(fmt.dayKey(Date.UTC(1990, 9, 28, 2, 31))).to.equal('1990-10-27');
  });

  it('computes calendar days in the given time zone, for any instant (compared with an independent Intl path)', () => {
    const zones = ['America/Costa_Rica', 'America/Sao_Paulo', 'Europe/Madrid', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns'];
    const formatters = zones.map((zone) => new Formatters('en', { timeZone: zone }));
    const reference = zones.map((timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.integer({ min: 0, max: 14 * 60_000 }), (time, step) => {
        // Two instants in one quarter hour: the second comes from the cache filled by the first.
        for (let z = 0; z < zones.length; z++) {
          for (const t of [time, time - (time % 900_000) + step]) {
            expect(formatters[z].dayKey(t), `${zones[z]} ${new Date(t).toISOString()}`).to.equal(reference[z].format(t));
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('crosses daylight-saving changes on the right quarter hour', () => {
    // Lord Howe moves by 30 minutes at 2:00 local: 2026-04-05T02:00+11:00 → 01:30+10:30 (15:00Z on the 4th).
    const fmt = new Formatters('en', { timeZone: 'Australia/Lord_Howe' });
    expect(fmt.dayKey(Date.parse('2026-04-04T13:29:00Z'))).to.equal('2026-04-05');
    expect(fmt.dayKey(Date.parse('2026-04-04T12:59:00Z'))).to.equal('2026-04-04');
    expect(fmt.dayKey(Date.parse('2026-04-04T13:00:00Z'))).to.equal('2026-04-05');
  });

  it('rejects an unknown time zone with a clear error', () => {
    expect(resolveTimeZone(null)).to.equal(undefined);
    expect(resolveTimeZone('america/costa_rica')).to.equal('America/Costa_Rica');
    expect(() => new Formatters('en', { timeZone: 'Mars/Olympus_Mons' })).to.throw(RangeError, /Unknown time zone "Mars\/Olympus_Mons"/);
  });
});

describe('<client-timeline> in three languages', () => {
  const events = () => [
    makeEvent(0, {
      id: 'e-email',
      type: 'email.sent',
      title: 'Propuesta enviada',
      occurredAt: new Date(NOW - 10 * DAY).toISOString(),
      detail: { amount: { value: 480000, currency: 'CRC' }, body: 'Hola' },
    }),
  ];

  it('es-CR: words, relative time, day header, type label and amount in Spanish', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(events()), locale: 'es-CR' });
    const [row] = await rendered(el, 1);
    expect(shadow(el).querySelector('[role="feed"]')!.getAttribute('aria-label')).to.equal('Actividad del cliente');
    expect(row.querySelector('[part="relative-time"]')!.textContent).to.equal('hace 10 días');
    expect(row.querySelector('[part="icon"]')!.getAttribute('title')).to.equal('Correo enviado');
    expect(row.querySelector('[part="author"]')!.textContent).to.contain('por');
    expect(row.querySelector('[part~="day-header"]')!.textContent).to.match(/^viernes, 13 de noviembre$/);
    row.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await settle(el);
    expect(plain(articles(el)[0].querySelector('.amount')!.textContent)).to.equal('₡480 000,00');
    expect(articles(el)[0].querySelector('dt')!.textContent).to.equal('Importe');
  });

  it('pt-BR: words, relative time and amounts in Portuguese; lang of an ancestor picks the catalogue', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'pt-BR';
    document.body.append(wrapper);
    try {
      const el = document.createElement('client-timeline');
      el.style.height = '300px';
      el.adapter = new ScriptedAdapter([makeEvent(0, { type: 'invoice.paid', occurredAt: new Date(NOW - 10 * DAY).toISOString(), detail: { amount: { value: 1234, currency: 'BRL' } } })]);
      el.clientId = 'c1';
      el.setAttribute('cache', 'none');
      el.now = NOW;
      wrapper.append(el);
      const [row] = await rendered(el, 1);
      expect(row.querySelector('[part="relative-time"]')!.textContent).to.equal('há 10 dias');
      expect(row.querySelector('[part="icon"]')!.getAttribute('title')).to.equal('Fatura paga');
      expect(row.querySelector('[part="tone"]')!.textContent).to.equal('Concluído');
      row.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await settle(el);
      expect(plain(articles(el)[0].querySelector('.amount')!.textContent)).to.equal('R$ 1.234,00');
    } finally {
      wrapper.remove();
    }
  });

  it('translates the category labels of the filter bar', async function () {
    const el = await mount({ adapter: new ScriptedAdapter(events()), locale: 'es' });
    await rendered(el, 1);
    const bar = shadow(el).querySelector('[part~="filter-bar"]');
    if (!bar) this.skip();
    const text = bar!.textContent ?? '';
    for (const key of CATEGORY_ORDER) expect(text, key).to.contain(es.categories![key]!);
  });

  it('keeps a label the host registered over the translation', async () => {
    registerEventType('email.sent', { label: 'Mail out' });
    try {
      const el = await mount({ adapter: new ScriptedAdapter(events()), locale: 'es' });
      const [row] = await rendered(el, 1);
      expect(row.querySelector('[part="icon"]')!.getAttribute('title')).to.equal('Mail out');
    } finally {
      unregisterEventType('email.sent');
    }
  });

  it('lets the host override any string, including nested groups, in any locale', async () => {
    const el = await mount({ adapter: new ScriptedAdapter([]), locale: 'pt-BR' });
    await waitUntil(() => shadow(el).querySelector('[part="empty-state"]'), 'empty state');
    expect(shadow(el).querySelector('[part="empty-state"]')!.textContent).to.contain(pt.empty!);
    el.messages = { empty: 'Nada por aqui', types: { 'email.sent': 'Mensagem enviada por e-mail' }, categories: { deal: 'Oportunidades' } } satisfies MessageOverrides;
    await settle(el);
    const state = shadow(el).querySelector('[part="empty-state"]')!;
    expect(state.textContent).to.contain('Nada por aqui');
    expect(state.textContent).to.contain(pt.emptyHint!);
    el.adapter = new ScriptedAdapter(events());
    el.reload();
    const [row] = await rendered(el, 1);
    expect(row.querySelector('[part="icon"]')!.getAttribute('title')).to.equal('Mensagem enviada por e-mail');
    el.messages = null;
    await settle(el);
    expect(articles(el)[0].querySelector('[part="icon"]')!.getAttribute('title')).to.equal('E-mail enviado');
  });

  it('shows exact times and day headers in the time-zone attribute, the viewer’s by default', async () => {
    // 03:00Z on the 23rd: the 22nd at 21:00 in Costa Rica (UTC−6), noon on the 23rd in Tokyo.
    const event = makeEvent(0, { occurredAt: '2026-11-23T03:00:00.000Z' });
    const el = await mount({ adapter: new ScriptedAdapter([event]) });
    el.timeZone = 'America/Costa_Rica';
    await settle(el);
    let [row] = await rendered(el, 1);
    expect(row.querySelector('[part~="day-header"]')!.textContent).to.equal('Yesterday');
    expect(plain(row.querySelector('[part="time"]')!.textContent)).to.equal('Nov 22, 2026, 9:00 PM');
    el.setAttribute('time-zone', 'Asia/Tokyo');
    await settle(el);
    [row] = articles(el);
    expect(row.querySelector('[part~="day-header"]')!.textContent).to.equal('Today');
    expect(plain(row.querySelector('[part="time"]')!.textContent)).to.equal('Nov 23, 2026, 12:00 PM');
    el.removeAttribute('time-zone');
    await settle(el);
    [row] = articles(el);
    const local = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(event.occurredAt));
    expect(plain(row.querySelector('[part="time"]')!.textContent)).to.equal(plain(local));
  });

  it('falls back to the viewer’s zone, with a console warning, for an unknown time zone', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await mount({ adapter: new ScriptedAdapter([makeEvent(0)]) });
      el.setAttribute('time-zone', 'Nowhere/Land');
      await settle(el);
      await rendered(el, 1);
      expect(warnings.join('\n')).to.match(/Unknown time zone "Nowhere\/Land"/);
    } finally {
      console.warn = warn;
    }
  });

  it('renders right-to-left text inside events in its own direction', async () => {
    const el = await mount({
      adapter: new ScriptedAdapter([
        makeEvent(0, { title: 'تم إرسال العرض', summary: 'ملخص الاجتماع', author: { name: 'محمد علي' }, detail: { body: 'مرحبا، شكرا لك' } }),
        makeEvent(1, { title: 'Proposal sent' }),
      ]),
    });
    const [rtl, ltr] = await rendered(el, 2);
    expect(rtl.querySelector('[part="title"]')!.matches(':dir(rtl)')).to.equal(true);
    expect(rtl.querySelector('[part="summary"]')!.matches(':dir(rtl)')).to.equal(true);
    expect(ltr.querySelector('[part="title"]')!.matches(':dir(ltr)')).to.equal(true);
    // The author's name is isolated inside the English sentence around it.
    expect(rtl.querySelector('[part="author"]')!.textContent).to.contain('by \u2068محمد علي\u2069');
    expect(rtl.querySelector('[part="author"]')!.matches(':dir(ltr)')).to.equal(true);
    rtl.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await settle(el);
    const body = articles(el)[0].querySelector('.body')!;
    expect(body.matches(':dir(rtl)')).to.equal(true);
    // An RTL paragraph starts at the right edge of its box.
    const range = document.createRange();
    range.selectNodeContents(body);
    const text = range.getBoundingClientRect();
    expect(Math.abs(text.right - body.getBoundingClientRect().right)).to.be.below(2);
  });
});

describe('catalogue loading', () => {
  it('loads a catalogue on demand and re-renders the element in its language', async () => {
    // Spanish may already be loaded by another test file in this page; Portuguese-as-first-load is checked through the element.
    const { articles, mount, rendered, shadow } = await import('../support/fixture.js');
    const { ScriptedAdapter, makeEvents } = await import('../support/events.js');
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(2)), locale: 'pt-BR' });
    await rendered(el, 2);
    expect(messagesReady('pt-BR')).to.equal(true);
    expect(shadow(el).querySelector('[role="feed"]')!.getAttribute('aria-label')).to.equal(messagesFor('pt').feedLabel);
    expect(articles(el)[0].querySelector('[part="relative-time"]')!.textContent).to.equal('há 1 hora');
    expect(messagesFor('fr').feedLabel).to.equal(en.feedLabel);
  });
});
