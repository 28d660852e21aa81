// Generated from custom-elements.json by scripts/framework-types.mjs (`npm run analyze`): edit the JSDoc in src/,
// not this file. `npm test` fails when it is out of date.
//
// The props of `<client-timeline>` in templates, framework-neutral (`client-timeline/jsx/props`).
/**
 * `client-timeline/react` (also `client-timeline/jsx`) and `client-timeline/preact` add them to React 19's and
 * Preact's `JSX.IntrinsicElements`; `client-timeline/svelte`, `/vue` and `/solid` type the element in those
 * frameworks' templates by the same names.
 *
 * Attributes are text in markup; properties (`adapter`, `now`, …) are set as properties by React 19 and Preact,
 * and so is an attribute whose property has the same name (`types`, `theme`); events are `ontimeline-*` props.
 */
import type { ClientTimeline } from './client-timeline.js';
// The events' `GlobalEventHandlersEventMap` entries (a global augmentation) come with this module.
import type {
  TimelineActionDetail,
  TimelineErrorDetail,
  TimelineFilterChangeDetail,
  TimelineOpenDetail,
  TimelinePageDetail,
  TimelineToggleDetail,
} from './events.js';

/** Every attribute of `<client-timeline>` and the property it reflects. */
export interface ClientTimelineAttributeMap {
  src: 'src';
  'client-id': 'clientId';
  'client-label': 'clientLabel';
  'page-size': 'pageSize';
  locale: 'locale';
  'time-zone': 'timeZone';
  theme: 'theme';
  'heading-level': 'headingLevel';
  summary: 'summary';
  density: 'density';
  types: 'types';
  authors: 'authors';
  since: 'since';
  until: 'until';
  statuses: 'statuses';
  'record-types': 'recordTypes';
  'record-id': 'recordId';
  q: 'q';
  'poll-interval': 'pollInterval';
  timeout: 'timeout';
  cache: 'cache';
  'cache-namespace': 'cacheNamespace';
  'cache-max-events': 'cacheMaxEvents';
  'memory-events': 'memoryEvents';
  'cache-max-clients': 'cacheMaxClients';
  'cache-max-age': 'cacheMaxAge';
}

/** Every event `<client-timeline>` fires, with its `CustomEvent<Detail>`. */
export interface ClientTimelineEventMap {
  /**
   * One event could not be drawn: `{ kind: "render", id, message, clientId, error }`; its row shows its title and
   * "Couldn't show this event", everything else keeps working (once per event). Or a page could not be fetched: `{
   * kind: "fetch", message, clientId, error }`; what is on screen stays and a Retry button is shown. Or a page held
   * events that failed validation: `{ kind: "invalid-events", message, clientId, invalid: [{ index, id?, problems[] }]
   * }`; they were skipped (once per page), the valid ones rendered. Or the saved-activity cache (IndexedDB) is missing,
   * failed, is blocked or full: `{ kind: "cache", message, clientId, error }`; nothing on screen is lost and the
   * element caches in memory for this page instead (reported once per element); or it held damaged records, which were
   * deleted and not shown (reported once per client), the cache staying on. Or a page's `total` or `position`
   * contradicted what is loaded: `{ kind: "position", message, clientId }`; the figures were clamped or ignored, every
   * event kept (once per page). Bubbles, composed.
   */
  'timeline-error': GlobalEventHandlersEventMap['timeline-error'];
  /**
   * An event was expanded or collapsed: `{ id, key, expanded }`; `id` is the event's (for a row of folded updates, its
   * newest event's), `key` the row's (`group:<id>` for folded updates). Bubbles, composed.
   */
  'timeline-toggle': GlobalEventHandlersEventMap['timeline-toggle'];
  /** A page was loaded and merged: `{ clientId, added, updated, total, done }`. Bubbles, composed. */
  'timeline-page': GlobalEventHandlersEventMap['timeline-page'];
  /**
   * The user chose one of an event's `actions`: `{ action, event }`, the action's `id` and the event. The menu closes
   * and focus goes back to the row's ⋯ button; the element changes nothing itself (after a Delete or an Edit, update
   * the source and call `refresh()`). Cancelable: `preventDefault()` keeps the menu open. Bubbles, composed.
   */
  'timeline-action': GlobalEventHandlersEventMap['timeline-action'];
  /**
   * The user follows the link to an event's record: `{ id, type, url, record? }`. Cancelable: `preventDefault()` keeps
   * the link from opening so the host app can route inside itself. Bubbles, composed.
   */
  'timeline-open': GlobalEventHandlersEventMap['timeline-open'];
  /**
   * The user changed the filter: `{ types, authors, since, until, q, statuses, recordTypes }`, the values of the
   * properties of the same names (not fired when the host sets them). Bubbles, composed.
   */
  'timeline-filter-change': GlobalEventHandlersEventMap['timeline-filter-change'];
}

/** What a dashed attribute accepts in markup: lists as comma-separated text, numbers as numbers or text. */
export type AttributeValue<T> = [NonNullable<T>] extends [readonly unknown[]]
  ? string
  : [NonNullable<T>] extends [number]
    ? number | string
    : NonNullable<T>;

/** The dashed attributes (`client-id="karina"`), set as attributes: text. */
export interface ClientTimelineAttributes {
  /** Whose timeline to show. Changing it aborts in-flight requests and starts over. */
  'client-id'?: AttributeValue<ClientTimeline['clientId']>;
  /**
   * How the client is named in the printed list's header and the export file name, e.g. `Karina Solís`; defaults to the
   * client id.
   */
  'client-label'?: AttributeValue<ClientTimeline['clientLabel']>;
  /** Events requested per page. */
  'page-size'?: AttributeValue<ClientTimeline['pageSize']>;
  /**
   * IANA time zone (e.g. `America/Costa_Rica`) of exact times and day headers; the viewer's by default. An unknown name
   * is reported on the console and the viewer's zone is used.
   */
  'time-zone'?: AttributeValue<ClientTimeline['timeZone']>;
  /**
   * Level (1–6) of the day headers ("Today", "Monday, November 16", "Upcoming") in the page's outline: `3` by default;
   * set it to fit the headings around the element, e.g. `2` under a page's `h1`. Out of range: the nearest of 1 and 6.
   */
  'heading-level'?: AttributeValue<ClientTimeline['headingLevel']>;
  /**
   * Record kinds shown: an event's `record.type`, else its type's first segment (`quote`, `invoice`, `booking`,
   * `inquiry`…), so quotes and invoices can be told apart within their category; empty: every kind. Attribute
   * `record-types`: a comma list. Sent to the server as `recordTypes=`.
   */
  'record-types'?: AttributeValue<ClientTimeline['recordTypes']>;
  /**
   * One record's story: only the events about the record with this id (`record.id`: a quote's sent → opened → follow-up
   * → lost), each with the time since the step before ("12 days later"). Set by "Show this record's history" in an
   * event's detail; `null`: every record. Sent to the server as `record=`.
   */
  'record-id'?: AttributeValue<ClientTimeline['recordId']>;
  /** Seconds between re-fetches of the newest page, for adapters without push (the HTTP adapter). 0: no polling. */
  'poll-interval'?: AttributeValue<ClientTimeline['pollInterval']>;
  /**
   * Isolates cached events, e.g. per signed-in user or tenant: entries of one namespace are never shown under another.
   */
  'cache-namespace'?: AttributeValue<ClientTimeline['cacheNamespace']>;
  /** Events cached per client (default 1000); the oldest pages are dropped first. */
  'cache-max-events'?: AttributeValue<ClientTimeline['cacheMaxEvents']>;
  /**
   * Events kept in memory (default 20,000), on a source that seeks: past it, the stretches farthest from the row being
   * read are dropped and fetched again when scrolled back to, so memory stays flat however far the user goes. At least
   * 1,000.
   */
  'memory-events'?: AttributeValue<ClientTimeline['memoryEvents']>;
  /** Clients cached per namespace (default 50); the least recently opened are evicted first. */
  'cache-max-clients'?: AttributeValue<ClientTimeline['cacheMaxClients']>;
  /** Seconds after the newest page was fetched during which cached events may be shown; `0` (the default): no limit. */
  'cache-max-age'?: AttributeValue<ClientTimeline['cacheMaxAge']>;
}

/** The element's writable properties (`adapter={…}`, `clientId={…}`), set as properties. */
export interface ClientTimelineProperties {
  /** A data source object with `fetchPage(query)`. Takes precedence over `src`. */
  adapter?: ClientTimeline['adapter'];
  /** URL of an endpoint speaking the HTTP wire format; used when no `adapter` is set. */
  src?: ClientTimeline['src'];
  /** Whose timeline to show. Changing it aborts in-flight requests and starts over. */
  clientId?: ClientTimeline['clientId'];
  /**
   * How the client is named in the printed list's header and the export file name, e.g. `Karina Solís`; defaults to the
   * client id.
   */
  clientLabel?: ClientTimeline['clientLabel'];
  /** Events requested per page. */
  pageSize?: ClientTimeline['pageSize'];
  /**
   * BCP 47 locale of the words, dates and numbers; defaults to the nearest `lang`, else the browser's. Words are in
   * English, Spanish (`es`, `es-CR`, …) or Portuguese (`pt`, `pt-BR`, …), chosen by the language subtag.
   */
  locale?: ClientTimeline['locale'];
  /**
   * IANA time zone (e.g. `America/Costa_Rica`) of exact times and day headers; the viewer's by default. An unknown name
   * is reported on the console and the viewer's zone is used.
   */
  timeZone?: ClientTimeline['timeZone'];
  /**
   * Replaces any of the built-in strings, merged over the catalogue of the locale, e.g. `{ empty: 'Nothing here yet',
   * find: { search: 'Find' }, categories: { deal: 'Opportunities' }, types: { 'email.sent': 'Mail out' } }`.
   */
  messages?: ClientTimeline['messages'];
  /**
   * Colour scheme: `light` or `dark`; without it the viewer's `prefers-color-scheme` decides. Tokens set by the host
   * win in both.
   */
  theme?: ClientTimeline['theme'];
  /**
   * Level (1–6) of the day headers ("Today", "Monday, November 16", "Upcoming") in the page's outline: `3` by default;
   * set it to fit the headings around the element, e.g. `2` under a page's `h1`. Out of range: the nearest of 1 and 6.
   */
  headingLevel?: ClientTimeline['headingLevel'];
  /**
   * What the signed-in user's role may see: `{ categories?, types?, recordTypes?, internal? }` (e.g. a technician: `{
   * categories: ['task', 'meeting', 'note'], recordTypes: ['booking'], internal: false }`). Whatever the adapter sends,
   * an event outside it is never rendered, counted, searched, exported, printed, announced or cached; the filter bar
   * offers only the permitted categories. The server should filter too: this is the second wall. Changing it loads the
   * timeline again.
   */
  permissions?: ClientTimeline['permissions'];
  /**
   * `records` (default): above the list, the status summary of the client's records: per kind (quotes, bookings,
   * invoices…) each status with its count and total amount, a status or "Show all" filtering the timeline to it. Shown
   * when events carry a status; from the page's `summary` when the source sends one, else over what is loaded. `none`:
   * no summary.
   */
  summary?: ClientTimeline['summary'];
  /** Spacing of rows: `comfortable` (the default) or `compact`. */
  density?: ClientTimeline['density'];
  /**
   * What the user may do with an event: a function from an event to its actions, `{ id, label, icon?, danger? }` (e.g.
   * `[{ id: 'reply', label: 'Reply', icon: 'reply' }, { id: 'delete', label: 'Delete', danger: true }]`), or
   * `null`/`[]` for none. An event with actions gets a ⋯ button that opens them as a menu; choosing one fires
   * `timeline-action`. `icon` is a built-in icon name; `danger` items are shown in the failed colour, set apart.
   */
  actions?: ClientTimeline['actions'];
  /** Fixes "now" for relative times (screenshots, tests); by default the real clock, refreshed every 30 s. */
  now?: ClientTimeline['now'];
  /**
   * Categories shown, by key: `email`, `call`, `meeting`, `task`, `note`, `deal`, `billing`, `file`, `chat`, `update`,
   * `other`. `null` (no attribute): all. Attribute: a comma list; `types=""` shows none.
   */
  types?: ClientTimeline['types'];
  /** Authors shown, by exact name; empty: everyone. Attribute: a comma list. */
  authors?: ClientTimeline['authors'];
  /** Oldest activity shown (inclusive): a date (`2026-11-01`, local midnight) or an ISO 8601 instant. */
  since?: ClientTimeline['since'];
  /**
   * Newest activity shown (inclusive): a date (`2026-11-30`, through the end of that local day) or an ISO 8601 instant.
   */
  until?: ClientTimeline['until'];
  /**
   * Statuses shown (`Overdue`, `Paid`, `Expired`…), compared ignoring case and accents; empty: every status. Events
   * without a status are hidden while it is set. Attribute: a comma list. Sent to the server as `statuses=`.
   */
  statuses?: ClientTimeline['statuses'];
  /**
   * Record kinds shown: an event's `record.type`, else its type's first segment (`quote`, `invoice`, `booking`,
   * `inquiry`…), so quotes and invoices can be told apart within their category; empty: every kind. Attribute
   * `record-types`: a comma list. Sent to the server as `recordTypes=`.
   */
  recordTypes?: ClientTimeline['recordTypes'];
  /**
   * One record's story: only the events about the record with this id (`record.id`: a quote's sent → opened → follow-up
   * → lost), each with the time since the step before ("12 days later"). Set by "Show this record's history" in an
   * event's detail; `null`: every record. Sent to the server as `record=`.
   */
  recordId?: ClientTimeline['recordId'];
  /**
   * Search text, matched in titles, summaries, authors and detail text, ignoring case and accents (`leido` finds
   * `leído`).
   */
  q?: ClientTimeline['q'];
  /** Seconds between re-fetches of the newest page, for adapters without push (the HTTP adapter). 0: no polling. */
  pollInterval?: ClientTimeline['pollInterval'];
  /**
   * Seconds a page may take before it fails with a timeout (its request is aborted and Retry is offered); 0: no limit.
   * Network failures, HTTP 5xx and 429 are retried automatically with backoff (honouring `Retry-After`), shared by
   * every element using the same `adapter` or `src`.
   */
  timeout?: ClientTimeline['timeout'];
  /**
   * Where shown events are saved so a reopened timeline appears before the network answers: `indexeddb` (the default:
   * kept across reloads and shared by tabs), `memory` (this page only) or `none`. Only the unfiltered history is
   * cached.
   */
  cache?: ClientTimeline['cache'];
  /**
   * Isolates cached events, e.g. per signed-in user or tenant: entries of one namespace are never shown under another.
   */
  cacheNamespace?: ClientTimeline['cacheNamespace'];
  /** Events cached per client (default 1000); the oldest pages are dropped first. */
  cacheMaxEvents?: ClientTimeline['cacheMaxEvents'];
  /**
   * Events kept in memory (default 20,000), on a source that seeks: past it, the stretches farthest from the row being
   * read are dropped and fetched again when scrolled back to, so memory stays flat however far the user goes. At least
   * 1,000.
   */
  memoryEvents?: ClientTimeline['memoryEvents'];
  /** Clients cached per namespace (default 50); the least recently opened are evicted first. */
  cacheMaxClients?: ClientTimeline['cacheMaxClients'];
  /** Seconds after the newest page was fetched during which cached events may be shown; `0` (the default): no limit. */
  cacheMaxAge?: ClientTimeline['cacheMaxAge'];
}

/** `ontimeline-page={(e) => …}`: one handler prop per event, typed by its detail. */
export interface ClientTimelineEventProps {
  /**
   * One event could not be drawn: `{ kind: "render", id, message, clientId, error }`; its row shows its title and
   * "Couldn't show this event", everything else keeps working (once per event). Or a page could not be fetched: `{
   * kind: "fetch", message, clientId, error }`; what is on screen stays and a Retry button is shown. Or a page held
   * events that failed validation: `{ kind: "invalid-events", message, clientId, invalid: [{ index, id?, problems[] }]
   * }`; they were skipped (once per page), the valid ones rendered. Or the saved-activity cache (IndexedDB) is missing,
   * failed, is blocked or full: `{ kind: "cache", message, clientId, error }`; nothing on screen is lost and the
   * element caches in memory for this page instead (reported once per element); or it held damaged records, which were
   * deleted and not shown (reported once per client), the cache staying on. Or a page's `total` or `position`
   * contradicted what is loaded: `{ kind: "position", message, clientId }`; the figures were clamped or ignored, every
   * event kept (once per page). Bubbles, composed.
   */
  'ontimeline-error'?: (event: ClientTimelineEventMap['timeline-error']) => void;
  /**
   * An event was expanded or collapsed: `{ id, key, expanded }`; `id` is the event's (for a row of folded updates, its
   * newest event's), `key` the row's (`group:<id>` for folded updates). Bubbles, composed.
   */
  'ontimeline-toggle'?: (event: ClientTimelineEventMap['timeline-toggle']) => void;
  /** A page was loaded and merged: `{ clientId, added, updated, total, done }`. Bubbles, composed. */
  'ontimeline-page'?: (event: ClientTimelineEventMap['timeline-page']) => void;
  /**
   * The user chose one of an event's `actions`: `{ action, event }`, the action's `id` and the event. The menu closes
   * and focus goes back to the row's ⋯ button; the element changes nothing itself (after a Delete or an Edit, update
   * the source and call `refresh()`). Cancelable: `preventDefault()` keeps the menu open. Bubbles, composed.
   */
  'ontimeline-action'?: (event: ClientTimelineEventMap['timeline-action']) => void;
  /**
   * The user follows the link to an event's record: `{ id, type, url, record? }`. Cancelable: `preventDefault()` keeps
   * the link from opening so the host app can route inside itself. Bubbles, composed.
   */
  'ontimeline-open'?: (event: ClientTimelineEventMap['timeline-open']) => void;
  /**
   * The user changed the filter: `{ types, authors, since, until, q, statuses, recordTypes }`, the values of the
   * properties of the same names (not fired when the host sets them). Bubbles, composed.
   */
  'ontimeline-filter-change'?: (event: ClientTimelineEventMap['timeline-filter-change']) => void;
}

/** The JSX props of `<client-timeline>`, on top of the framework's own HTML attributes. */
export type ClientTimelineJsxProps = ClientTimelineAttributes & ClientTimelineProperties & ClientTimelineEventProps;

export type {
  ClientTimeline,
  TimelineActionDetail,
  TimelineErrorDetail,
  TimelineFilterChangeDetail,
  TimelineOpenDetail,
  TimelinePageDetail,
  TimelineToggleDetail,
};
