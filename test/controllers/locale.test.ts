import { expect, waitUntil } from '@open-wc/testing';
import { LocaleController, type LocaleInputs } from '../../src/controllers/locale.js';
import { messagesReady } from '../../src/i18n/messages.js';

/** A host that counts update requests; `closest` only when it sits in a (detached) DOM tree. */
const host = (element?: Element) => {
  const h = { updates: 0, requestUpdate() { h.updates++; }, addController() {}, removeController() {}, updateComplete: Promise.resolve(true) };
  return element ? Object.assign(h, { closest: (selector: string) => element.closest(selector) }) : h;
};
const inputs = (over: Partial<LocaleInputs> = {}): LocaleInputs => ({ locale: null, timeZone: null, messages: null, ...over });
/** What the formatters make of the browser's language. */
const browserLocale = () => Intl.DateTimeFormat.supportedLocalesOf(navigator.language)[0];

describe('LocaleController', () => {
  it('takes the `locale` property, else the nearest `lang` ancestor, else the browser\'s language', () => {
    const outer = document.createElement('div');
    outer.lang = 'de-DE';
    const inner = outer.appendChild(document.createElement('section')).appendChild(document.createElement('span'));
    const i18n = new LocaleController(host(inner));
    expect(browserLocale()).not.to.be.oneOf(['fr-FR', 'de-DE', 'nl-NL']);
    i18n.sync(inputs({ locale: 'fr-FR' }));
    expect(i18n.fmt.locale).to.equal('fr-FR');
    i18n.sync(inputs());
    expect(i18n.fmt.locale).to.equal('de-DE');
    inner.parentElement!.lang = 'nl-NL'; // a nearer ancestor
    i18n.sync(inputs());
    expect(i18n.fmt.locale).to.equal('nl-NL');
    inner.parentElement!.removeAttribute('lang');
    outer.removeAttribute('lang');
    i18n.sync(inputs());
    expect(i18n.fmt.locale).to.equal(browserLocale());
  });

  it('formats in the `time-zone` given; an unknown zone warns and the viewer\'s is used', () => {
    const i18n = new LocaleController(host());
    i18n.sync(inputs({ locale: 'en-US' }));
    const viewer = i18n.fmt;
    i18n.sync(inputs({ locale: 'en-US', timeZone: 'Pacific/Kiritimati' }));
    expect(i18n.fmt).not.to.equal(viewer);
    expect(i18n.fmt.timeZone).to.equal('Pacific/Kiritimati');
    // 20:00 UTC on November 1 is already November 2 at UTC+14.
    expect(i18n.fmt.dayKey(Date.parse('2026-11-01T20:00:00Z'))).to.equal('2026-11-02');
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      i18n.sync(inputs({ locale: 'en-US', timeZone: 'Mars/Olympus_Mons' }));
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('Mars/Olympus_Mons');
    expect(i18n.fmt.timeZone).to.equal(undefined);
    expect(i18n.fmt.locale).to.equal('en-US');
  });

  it('lays the host\'s message overrides over the catalogue, groups in part', () => {
    const i18n = new LocaleController(host());
    const overrides = { retry: 'Try again', find: { stop: 'Halt' } };
    i18n.sync(inputs({ locale: 'en-US', messages: overrides }));
    const merged = i18n.msg;
    expect(merged.retry).to.equal('Try again');
    expect(merged.find.stop).to.equal('Halt');
    expect(merged.find.search).to.equal('Search activity');
    expect(merged.loading).to.equal('Loading activity…');
    i18n.sync(inputs({ locale: 'en-US', messages: overrides }));
    expect(i18n.msg).to.equal(merged);
    i18n.sync(inputs({ locale: 'en-US' }));
    expect(i18n.msg.retry).to.equal('Retry');
  });

  it('shows English until the Spanish catalogue arrives, then asks the host to update', async () => {
    expect(messagesReady('es'), 'no other test loaded Spanish first').to.equal(false);
    const h = host();
    const i18n = new LocaleController(h);
    i18n.sync(inputs({ locale: 'es-CR', messages: { loading: 'Un momento…' } }));
    expect(i18n.fmt.locale).to.equal('es-CR');
    expect(i18n.msg.retry).to.equal('Retry');
    await waitUntil(() => h.updates > 0, 'the host asked to update once Spanish arrived');
    i18n.sync(inputs({ locale: 'es-CR', messages: { loading: 'Un momento…' } }));
    expect(i18n.msg.retry).to.equal('Reintentar');
    expect(i18n.msg.loading).to.equal('Un momento…');
    expect(h.updates).to.equal(1);
  });

  it('works on a host without `closest` and without `navigator`, as on a server', () => {
    const own = Object.getOwnPropertyDescriptor(window, 'navigator');
    const i18n = new LocaleController(host());
    Object.defineProperty(window, 'navigator', { value: undefined, configurable: true });
    try {
      expect(globalThis.navigator).to.equal(undefined);
      i18n.sync(inputs());
      expect(i18n.fmt.locale).to.equal('en');
      i18n.sync(inputs({ locale: 'pt-BR' }));
      expect(i18n.fmt.locale).to.equal('pt-BR');
    } finally {
      if (own) Object.defineProperty(window, 'navigator', own);
      else delete (window as { navigator?: Navigator }).navigator;
    }
    expect(navigator.language).to.be.a('string');
  });
});
