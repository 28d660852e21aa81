/**
 * Configuration shared by every `<client-timeline>` under a `<client-timeline-provider>` (a CRM screen showing the
 * timelines of a client, their company and a deal): one adapter, one language, one cache namespace, one role. It
 * travels by the context protocol (`@lit/context`), which works through shadow roots and across frameworks.
 */
import { ContextRoot, createContext } from '@lit/context';
import type { TimelineAdapter } from './data/adapter.js';
import type { TimelinePermissions } from './data/permissions.js';
import type { MessageOverrides } from './i18n/messages.js';

/** What a provider gives; each timeline's own attributes and properties win over it. */
export interface TimelineConfig {
  adapter?: TimelineAdapter | null;
  src?: string | null;
  locale?: string | null;
  timeZone?: string | null;
  cacheNamespace?: string | null;
  permissions?: TimelinePermissions | null;
  messages?: MessageOverrides | null;
}

/**
 * The context key. A global symbol: two copies of the package on one page (the bundle and a bundler's build) still
 * speak to each other.
 */
export const timelineConfig = createContext<TimelineConfig>(Symbol.for('client-timeline.config'));

let watching = false;

/**
 * Lets a provider defined after the timelines inside it (its module loaded later) still reach them: their requests,
 * unanswered, wait at the document's root and are asked again when a provider appears (`ContextRoot`). Once per page.
 */
export function watchLateProviders(): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  new ContextRoot().attach(document.documentElement);
}
