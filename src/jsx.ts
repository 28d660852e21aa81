/**
 * The JSX props of `<client-timeline>`, framework-neutral. The package's `jsx/react.d.ts` and
 * `jsx/preact.d.ts` add them to React 19's and Preact's `JSX.IntrinsicElements`:
 *
 * ```ts
 * import type {} from 'client-timeline/jsx';           // React 19
 * import type {} from 'client-timeline/jsx/preact';    // Preact
 * ```
 *
 * Attributes are strings in markup; properties (`adapter`, `now`, …) are set as properties by
 * React 19 and Preact; events are `ontimeline-*` props.
 */
import type { ClientTimeline } from './client-timeline.js';
// The events' `GlobalEventHandlersEventMap` entries (a global augmentation) come with this module.
import type { TimelinePageDetail } from './events.js';

/** Every attribute of `<client-timeline>` and the property it reflects. */
export interface ClientTimelineAttributeMap {
  src: 'src';
  'client-id': 'clientId';
  'client-label': 'clientLabel';
  'page-size': 'pageSize';
  locale: 'locale';
  'time-zone': 'timeZone';
  theme: 'theme';
  density: 'density';
  'heading-level': 'headingLevel';
  types: 'types';
  authors: 'authors';
  statuses: 'statuses';
  'record-types': 'recordTypes';
  'record-id': 'recordId';
  summary: 'summary';
  since: 'since';
  until: 'until';
  q: 'q';
  'poll-interval': 'pollInterval';
  timeout: 'timeout';
  cache: 'cache';
  'cache-namespace': 'cacheNamespace';
  'cache-max-events': 'cacheMaxEvents';
  'cache-max-clients': 'cacheMaxClients';
  'memory-events': 'memoryEvents';
  'cache-max-age': 'cacheMaxAge';
}

type Property<A extends keyof ClientTimelineAttributeMap> = ClientTimelineAttributeMap[A] extends keyof ClientTimeline
  ? ClientTimeline[ClientTimelineAttributeMap[A]]
  : string;

/** What an attribute accepts in markup: lists as comma-separated text, numbers as numbers or text. */
type AttributeValue<T> = [NonNullable<T>] extends [readonly unknown[]]
  ? string
  : [NonNullable<T>] extends [number]
    ? number | string
    : NonNullable<T>;

export type ClientTimelineAttributes = {
  [A in keyof ClientTimelineAttributeMap]?: AttributeValue<Property<A>>;
};

/** The element's settable properties (what `document.querySelector('client-timeline')` has). */
type OwnKeys = Exclude<keyof ClientTimeline, keyof HTMLElement | 'renderOptions' | 'updateComplete' | 'isUpdatePending' | 'hasUpdated' | ReadonlyKeys>;
/** Getters without a setter: read on the element, never set as props. */
type ReadonlyKeys = 'events';
type DataKeys = { [K in OwnKeys]: ClientTimeline[K] extends (...args: never[]) => unknown ? never : K }[OwnKeys];
export type ClientTimelineProperties = { [K in DataKeys]?: ClientTimeline[K] };

/** `ontimeline-page={(e) => …}`: one handler prop per event the element fires, typed by its detail. */
export type ClientTimelineEventProps = {
  [E in Extract<keyof GlobalEventHandlersEventMap, `timeline-${string}`> as `on${E}`]?: (event: GlobalEventHandlersEventMap[E]) => void;
};

/** The JSX props of `<client-timeline>`, on top of the framework's own HTML attributes. */
export type ClientTimelineJsxProps = ClientTimelineAttributes & ClientTimelineProperties & ClientTimelineEventProps;

export type { ClientTimeline, TimelinePageDetail };
