import { ClientTimeline } from './client-timeline.js';

/** Registers `<client-timeline>`; safe to call (and to load) more than once. */
export function defineClientTimeline(tagName = 'client-timeline'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, tagName === 'client-timeline' ? ClientTimeline : class extends ClientTimeline {});
}

defineClientTimeline();

declare global {
  interface HTMLElementTagNameMap {
    'client-timeline': ClientTimeline;
  }
  /** The class behind the tag, with its statics: `customElements.get('client-timeline')?.clearCache(userId)`. */
  interface CustomElementRegistry {
    get(name: 'client-timeline'): typeof ClientTimeline | undefined;
    whenDefined(name: 'client-timeline'): Promise<typeof ClientTimeline>;
  }
}
