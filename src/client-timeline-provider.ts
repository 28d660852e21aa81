import { html, LitElement, css, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer, ContextProvider } from '@lit/context';
import type { TimelineAdapter } from './data/adapter.js';
import type { TimelinePermissions } from './data/permissions.js';
import type { MessageOverrides } from './i18n/messages.js';
import { timelineConfig, type TimelineConfig } from './context.js';

/**
 * Gives every `<client-timeline>` inside it (in its light DOM or in shadow roots below it, whatever framework drew
 * them) the same data source, language, time zone, cache namespace, permissions and messages. A timeline's own
 * attributes and properties win over what the provider gives; a provider inside another one gives what it sets and
 * passes on the rest. Renders its children only (`display: contents`).
 *
 * @tagname client-timeline-provider
 * @summary Shared configuration for the timelines inside it.
 *
 * @slot - The timelines, at any depth.
 */
export class ClientTimelineProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The data source the timelines inside share (see `<client-timeline>`'s `adapter`). */
  @property({ attribute: false }) adapter: TimelineAdapter | null = null;

  /** The URL of the built-in HTTP adapter the timelines inside share. */
  @property() src: string | null = null;

  /** Their language (a BCP 47 tag). */
  @property() locale: string | null = null;

  /** Their time zone (an IANA name). */
  @property({ attribute: 'time-zone' }) timeZone: string | null = null;

  /** Their cache namespace: set it to the signed-in user's id. */
  @property({ attribute: 'cache-namespace' }) cacheNamespace: string | null = null;

  /** What the signed-in user's role may see, for every timeline inside. */
  @property({ attribute: false }) permissions: TimelinePermissions | null = null;

  /** Their message overrides. */
  @property({ attribute: false }) messages: MessageOverrides | null = null;

  /** What a provider around this one gives (passed on where this one sets nothing). */
  private readonly outer = new ContextConsumer(this, { context: timelineConfig, subscribe: true });
  private readonly provider = new ContextProvider(this, { context: timelineConfig, initialValue: {} });

  override willUpdate(): void {
    const outer = this.outer.value ?? {};
    const own: TimelineConfig = {
      adapter: this.adapter,
      src: this.src,
      locale: this.locale,
      timeZone: this.timeZone,
      cacheNamespace: this.cacheNamespace,
      permissions: this.permissions,
      messages: this.messages,
    };
    const value: TimelineConfig = { ...outer };
    for (const [key, given] of Object.entries(own) as [keyof TimelineConfig, unknown][]) {
      if (given !== null && given !== undefined && given !== '') (value as Record<string, unknown>)[key] = given;
    }
    const was = this.provider.value;
    const same = Object.keys({ ...was, ...value }).every((key) => was[key as keyof TimelineConfig] === value[key as keyof TimelineConfig]);
    if (!same) this.provider.setValue(value);
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'client-timeline-provider': ClientTimelineProvider;
  }
}
