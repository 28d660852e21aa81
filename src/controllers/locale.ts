/**
 * The element's language and time zone: the `locale` property, else the nearest `lang` attribute, else the
 * browser's; the formatters for them and the message catalogue (with the host's overrides). Catalogues other than
 * English are chunks of their own: English shows until one arrives, then the host renders again. Safe on a server
 * (no `navigator`, no DOM before the element is connected).
 */
import type { ReactiveControllerHost } from 'lit';
import { Formatters } from '../i18n/format.js';
import { loadMessages, mergeMessages, messagesFor, messagesReady, type MessageOverrides, type Messages } from '../i18n/messages.js';
import { errorMessage } from '../internal/errors.js';

export interface LocaleInputs {
  locale: string | null;
  timeZone: string | null;
  messages: MessageOverrides | null;
}

export class LocaleController {
  fmt = new Formatters('en');
  msg: Messages = messagesFor('en');
  private requested = '';
  private zone: string | null = null;
  private catalogue: [locale: string, overrides: MessageOverrides | null, ready: boolean] = ['', null, false];

  constructor(private readonly host: ReactiveControllerHost & Partial<Pick<Element, 'closest'>>) {}

  /** Call in `willUpdate`: new formatters or messages when what they depend on changed. */
  sync(inputs: LocaleInputs): void {
    const lang = inputs.locale || this.inheritedLang() || globalThis.navigator?.language || 'en';
    const zone = inputs.timeZone || null;
    if ((lang !== this.fmt.locale && lang !== this.requested) || zone !== this.zone) {
      this.requested = lang;
      this.zone = zone;
      this.fmt = formattersFor(lang, zone);
    }
    const locale = this.fmt.locale;
    const ready = messagesReady(locale);
    const [was, overrides, wasReady] = this.catalogue;
    if (was === locale && overrides === inputs.messages && wasReady === ready) return;
    this.catalogue = [locale, inputs.messages, ready];
    this.msg = inputs.messages ? mergeMessages(messagesFor(locale), inputs.messages) : messagesFor(locale);
    // A catalogue that fails to load leaves English on screen.
    if (!ready) void loadMessages(locale).then(() => this.host.requestUpdate(), () => undefined);
  }

  /** The `lang` of the nearest ancestor that has one (none on a server, where the element is not in a document). */
  private inheritedLang(): string | null {
    return typeof this.host.closest === 'function' ? (this.host.closest('[lang]')?.getAttribute('lang') ?? null) : null;
  }
}

/** Formatters for a locale and time zone; an unknown zone is reported and the viewer's is used. */
function formattersFor(locale: string, timeZone: string | null): Formatters {
  try {
    return new Formatters(locale, { timeZone });
  } catch (error) {
    console.warn(`<client-timeline> time-zone: ${errorMessage(error)}; using the viewer's time zone.`);
    return new Formatters(locale);
  }
}
