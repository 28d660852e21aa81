import { ClientTimeline } from './client-timeline.js';
import { ClientTimelineProvider } from './client-timeline-provider.js';

/**
 * Registers `<client-timeline>` (under another tag name if given) and `<client-timeline-provider>`; safe to call
 * (and to load) more than once.
 */
export function defineClientTimeline(tagName = 'client-timeline'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, tagName === 'client-timeline' ? ClientTimeline : class extends ClientTimeline {});
  if (!customElements.get('client-timeline-provider')) customElements.define('client-timeline-provider', ClientTimelineProvider);
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
