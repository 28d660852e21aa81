// Generated from custom-elements.json by scripts/framework-types.mjs (`npm run analyze`): edit the JSDoc in src/,
// not this file. `npm test` fails when it is out of date.
//
// <client-timeline> in Solid's JSX: `import type {} from 'client-timeline/solid'`, or
// `"types": ["client-timeline/solid"]` in tsconfig.json. Solid sets every prop of a custom element as a property
// (`client-id` as `clientId`) unless it is written `attr:client-id`; `on:timeline-page` listens to the event.
import type { JSX } from 'solid-js';
import type { AttributeValue, ClientTimeline, ClientTimelineEventMap } from '../lib/jsx.js';

export type * from '../lib/jsx.js';

/** `<client-timeline client-id="karina" adapter={adapter} on:timeline-page={(e) => …}>` in Solid. */
export interface ClientTimelineSolidProps {
  /** Whose timeline to show. Changing it aborts in-flight requests and starts over. */
  'client-id'?: ClientTimeline['clientId'] | AttributeValue<ClientTimeline['clientId']>;
  /**
   * How the client is named in the printed list's header and the export file name, e.g. `Karina Solís`; defaults to the
   * client id.
   */
  'client-label'?: ClientTimeline['clientLabel'] | AttributeValue<ClientTimeline['clientLabel']>;
  /** Events requested per page. */
  'page-size'?: ClientTimeline['pageSize'] | AttributeValue<ClientTimeline['pageSize']>;
  /**
   * IANA time zone (e.g. `America/Costa_Rica`) of exact times and day headers; the viewer's by default. An unknown name
   * is reported on the console and the viewer's zone is used.
   */
  'time-zone'?: ClientTimeline['timeZone'] | AttributeValue<ClientTimeline['timeZone']>;
  /**
   * Level (1–6) of the day headers ("Today", "Monday, November 16", "Upcoming") in the page's outline: `3` by default;
   * set it to fit the headings around the element, e.g. `2` under a page's `h1`. Out of range: the nearest of 1 and 6.
   */
  'heading-level'?: ClientTimeline['headingLevel'] | AttributeValue<ClientTimeline['headingLevel']>;
  /**
   * Record kinds shown: an event's `record.type`, else its type's first segment (`quote`, `invoice`, `booking`,
   * `inquiry`…), so quotes and invoices can be told apart within their category; empty: every kind. Attribute
   * `record-types`: a comma list. Sent to the server as `recordTypes=`.
   */
  'record-types'?: ClientTimeline['recordTypes'] | AttributeValue<ClientTimeline['recordTypes']>;
  /**
   * One record's story: only the events about the record with this id (`record.id`: a quote's sent → opened → follow-up
   * → lost), each with the time since the step before ("12 days later"). Set by "Show this record's history" in an
   * event's detail; `null`: every record. Sent to the server as `record=`.
   */
  'record-id'?: ClientTimeline['recordId'] | AttributeValue<ClientTimeline['recordId']>;
  /** Seconds between re-fetches of the newest page, for adapters without push (the HTTP adapter). 0: no polling. */
  'poll-interval'?: ClientTimeline['pollInterval'] | AttributeValue<ClientTimeline['pollInterval']>;
  /**
   * Isolates cached events, e.g. per signed-in user or tenant: entries of one namespace are never shown under another.
   */
  'cache-namespace'?: ClientTimeline['cacheNamespace'] | AttributeValue<ClientTimeline['cacheNamespace']>;
  /** Events cached per client (default 1000); the oldest pages are dropped first. */
  'cache-max-events'?: ClientTimeline['cacheMaxEvents'] | AttributeValue<ClientTimeline['cacheMaxEvents']>;
  /**
   * Events kept in memory (default 20,000), on a source that seeks: past it, the stretches farthest from the row being
   * read are dropped and fetched again when scrolled back to, so memory stays flat however far the user goes. At least
   * 1,000.
   */
  'memory-events'?: ClientTimeline['memoryEvents'] | AttributeValue<ClientTimeline['memoryEvents']>;
  /** Clients cached per namespace (default 50); the least recently opened are evicted first. */
  'cache-max-clients'?: ClientTimeline['cacheMaxClients'] | AttributeValue<ClientTimeline['cacheMaxClients']>;
  /** Seconds after the newest page was fetched during which cached events may be shown; `0` (the default): no limit. */
  'cache-max-age'?: ClientTimeline['cacheMaxAge'] | AttributeValue<ClientTimeline['cacheMaxAge']>;
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
  /** A data source object with `fetchPage(query)`. Takes precedence over `src`. */
  'prop:adapter'?: ClientTimeline['adapter'];
  /** URL of an endpoint speaking the HTTP wire format; used when no `adapter` is set. */
  'prop:src'?: ClientTimeline['src'];
  /** Whose timeline to show. Changing it aborts in-flight requests and starts over. */
  'prop:clientId'?: ClientTimeline['clientId'];
  /**
   * How the client is named in the printed list's header and the export file name, e.g. `Karina Solís`; defaults to the
   * client id.
   */
  'prop:clientLabel'?: ClientTimeline['clientLabel'];
  /** Events requested per page. */
  'prop:pageSize'?: ClientTimeline['pageSize'];
  /**
   * BCP 47 locale of the words, dates and numbers; defaults to the nearest `lang`, else the browser's. Words are in
   * English, Spanish (`es`, `es-CR`, …) or Portuguese (`pt`, `pt-BR`, …), chosen by the language subtag.
   */
  'prop:locale'?: ClientTimeline['locale'];
  /**
   * IANA time zone (e.g. `America/Costa_Rica`) of exact times and day headers; the viewer's by default. An unknown name
   * is reported on the console and the viewer's zone is used.
   */
  'prop:timeZone'?: ClientTimeline['timeZone'];
  /**
   * Replaces any of the built-in strings, merged over the catalogue of the locale, e.g. `{ empty: 'Nothing here yet',
   * find: { search: 'Find' }, categories: { deal: 'Opportunities' }, types: { 'email.sent': 'Mail out' } }`.
   */
  'prop:messages'?: ClientTimeline['messages'];
  /**
   * Colour scheme: `light` or `dark`; without it the viewer's `prefers-color-scheme` decides. Tokens set by the host
   * win in both.
   */
  'prop:theme'?: ClientTimeline['theme'];
  /**
   * Level (1–6) of the day headers ("Today", "Monday, November 16", "Upcoming") in the page's outline: `3` by default;
   * set it to fit the headings around the element, e.g. `2` under a page's `h1`. Out of range: the nearest of 1 and 6.
   */
  'prop:headingLevel'?: ClientTimeline['headingLevel'];
  /**
   * What the signed-in user's role may see: `{ categories?, types?, recordTypes?, internal? }` (e.g. a technician: `{
   * categories: ['task', 'meeting', 'note'], recordTypes: ['booking'], internal: false }`). Whatever the adapter sends,
   * an event outside it is never rendered, counted, searched, exported, printed, announced or cached; the filter bar
   * offers only the permitted categories. The server should filter too: this is the second wall. Changing it loads the
   * timeline again.
   */
  'prop:permissions'?: ClientTimeline['permissions'];
  /**
   * `records` (default): above the list, the status summary of the client's records: per kind (quotes, bookings,
   * invoices…) each status with its count and total amount, a status or "Show all" filtering the timeline to it. Shown
   * when events carry a status; from the page's `summary` when the source sends one, else over what is loaded. `none`:
   * no summary.
   */
  'prop:summary'?: ClientTimeline['summary'];
  /** Spacing of rows: `comfortable` (the default) or `compact`. */
  'prop:density'?: ClientTimeline['density'];
  /**
   * What the user may do with an event: a function from an event to its actions, `{ id, label, icon?, danger? }` (e.g.
   * `[{ id: 'reply', label: 'Reply', icon: 'reply' }, { id: 'delete', label: 'Delete', danger: true }]`), or
   * `null`/`[]` for none. An event with actions gets a ⋯ button that opens them as a menu; choosing one fires
   * `timeline-action`. `icon` is a built-in icon name; `danger` items are shown in the failed colour, set apart.
   */
  'prop:actions'?: ClientTimeline['actions'];
  /** Fixes "now" for relative times (screenshots, tests); by default the real clock, refreshed every 30 s. */
  'prop:now'?: ClientTimeline['now'];
  /**
   * Categories shown, by key: `email`, `call`, `meeting`, `task`, `note`, `deal`, `billing`, `file`, `chat`, `update`,
   * `other`. `null` (no attribute): all. Attribute: a comma list; `types=""` shows none.
   */
  'prop:types'?: ClientTimeline['types'];
  /** Authors shown, by exact name; empty: everyone. Attribute: a comma list. */
  'prop:authors'?: ClientTimeline['authors'];
  /** Oldest activity shown (inclusive): a date (`2026-11-01`, local midnight) or an ISO 8601 instant. */
  'prop:since'?: ClientTimeline['since'];
  /**
   * Newest activity shown (inclusive): a date (`2026-11-30`, through the end of that local day) or an ISO 8601 instant.
   */
  'prop:until'?: ClientTimeline['until'];
  /**
   * Statuses shown (`Overdue`, `Paid`, `Expired`…), compared ignoring case and accents; empty: every status. Events
   * without a status are hidden while it is set. Attribute: a comma list. Sent to the server as `statuses=`.
   */
  'prop:statuses'?: ClientTimeline['statuses'];
  /**
   * Record kinds shown: an event's `record.type`, else its type's first segment (`quote`, `invoice`, `booking`,
   * `inquiry`…), so quotes and invoices can be told apart within their category; empty: every kind. Attribute
   * `record-types`: a comma list. Sent to the server as `recordTypes=`.
   */
  'prop:recordTypes'?: ClientTimeline['recordTypes'];
  /**
   * One record's story: only the events about the record with this id (`record.id`: a quote's sent → opened → follow-up
   * → lost), each with the time since the step before ("12 days later"). Set by "Show this record's history" in an
   * event's detail; `null`: every record. Sent to the server as `record=`.
   */
  'prop:recordId'?: ClientTimeline['recordId'];
  /**
   * Search text, matched in titles, summaries, authors and detail text, ignoring case and accents (`leido` finds
   * `leído`).
   */
  'prop:q'?: ClientTimeline['q'];
  /** Seconds between re-fetches of the newest page, for adapters without push (the HTTP adapter). 0: no polling. */
  'prop:pollInterval'?: ClientTimeline['pollInterval'];
  /**
   * Seconds a page may take before it fails with a timeout (its request is aborted and Retry is offered); 0: no limit.
   * Network failures, HTTP 5xx and 429 are retried automatically with backoff (honouring `Retry-After`), shared by
   * every element using the same `adapter` or `src`.
   */
  'prop:timeout'?: ClientTimeline['timeout'];
  /**
   * Where shown events are saved so a reopened timeline appears before the network answers: `indexeddb` (the default:
   * kept across reloads and shared by tabs), `memory` (this page only) or `none`. Only the unfiltered history is
   * cached.
   */
  'prop:cache'?: ClientTimeline['cache'];
  /**
   * Isolates cached events, e.g. per signed-in user or tenant: entries of one namespace are never shown under another.
   */
  'prop:cacheNamespace'?: ClientTimeline['cacheNamespace'];
  /** Events cached per client (default 1000); the oldest pages are dropped first. */
  'prop:cacheMaxEvents'?: ClientTimeline['cacheMaxEvents'];
  /**
   * Events kept in memory (default 20,000), on a source that seeks: past it, the stretches farthest from the row being
   * read are dropped and fetched again when scrolled back to, so memory stays flat however far the user goes. At least
   * 1,000.
   */
  'prop:memoryEvents'?: ClientTimeline['memoryEvents'];
  /** Clients cached per namespace (default 50); the least recently opened are evicted first. */
  'prop:cacheMaxClients'?: ClientTimeline['cacheMaxClients'];
  /** Seconds after the newest page was fetched during which cached events may be shown; `0` (the default): no limit. */
  'prop:cacheMaxAge'?: ClientTimeline['cacheMaxAge'];
  /** As an attribute (text): URL of an endpoint speaking the HTTP wire format; used when no `adapter` is set. */
  'attr:src'?: AttributeValue<ClientTimeline['src']>;
  /** As an attribute (text): Whose timeline to show. Changing it aborts in-flight requests and starts over. */
  'attr:client-id'?: AttributeValue<ClientTimeline['clientId']>;
  /**
   * As an attribute (text): How the client is named in the printed list's header and the export file name, e.g. `Karina
   * Solís`; defaults to the client id.
   */
  'attr:client-label'?: AttributeValue<ClientTimeline['clientLabel']>;
  /** As an attribute (text): Events requested per page. */
  'attr:page-size'?: AttributeValue<ClientTimeline['pageSize']>;
  /**
   * As an attribute (text): BCP 47 locale of the words, dates and numbers; defaults to the nearest `lang`, else the
   * browser's. Words are in English, Spanish (`es`, `es-CR`, …) or Portuguese (`pt`, `pt-BR`, …), chosen by the
   * language subtag.
   */
  'attr:locale'?: AttributeValue<ClientTimeline['locale']>;
  /**
   * As an attribute (text): IANA time zone (e.g. `America/Costa_Rica`) of exact times and day headers; the viewer's by
   * default. An unknown name is reported on the console and the viewer's zone is used.
   */
  'attr:time-zone'?: AttributeValue<ClientTimeline['timeZone']>;
  /**
   * As an attribute (text): Colour scheme: `light` or `dark`; without it the viewer's `prefers-color-scheme` decides.
   * Tokens set by the host win in both.
   */
  'attr:theme'?: AttributeValue<ClientTimeline['theme']>;
  /**
   * As an attribute (text): Level (1–6) of the day headers ("Today", "Monday, November 16", "Upcoming") in the page's
   * outline: `3` by default; set it to fit the headings around the element, e.g. `2` under a page's `h1`. Out of range:
   * the nearest of 1 and 6.
   */
  'attr:heading-level'?: AttributeValue<ClientTimeline['headingLevel']>;
  /**
   * As an attribute (text): `records` (default): above the list, the status summary of the client's records: per kind
   * (quotes, bookings, invoices…) each status with its count and total amount, a status or "Show all" filtering the
   * timeline to it. Shown when events carry a status; from the page's `summary` when the source sends one, else over
   * what is loaded. `none`: no summary.
   */
  'attr:summary'?: AttributeValue<ClientTimeline['summary']>;
  /** As an attribute (text): Spacing of rows: `comfortable` (the default) or `compact`. */
  'attr:density'?: AttributeValue<ClientTimeline['density']>;
  /**
   * As an attribute (text): Categories shown, by key: `email`, `call`, `meeting`, `task`, `note`, `deal`, `billing`,
   * `file`, `chat`, `update`, `other`. `null` (no attribute): all. Attribute: a comma list; `types=""` shows none.
   */
  'attr:types'?: AttributeValue<ClientTimeline['types']>;
  /** As an attribute (text): Authors shown, by exact name; empty: everyone. Attribute: a comma list. */
  'attr:authors'?: AttributeValue<ClientTimeline['authors']>;
  /**
   * As an attribute (text): Oldest activity shown (inclusive): a date (`2026-11-01`, local midnight) or an ISO 8601
   * instant.
   */
  'attr:since'?: AttributeValue<ClientTimeline['since']>;
  /**
   * As an attribute (text): Newest activity shown (inclusive): a date (`2026-11-30`, through the end of that local day)
   * or an ISO 8601 instant.
   */
  'attr:until'?: AttributeValue<ClientTimeline['until']>;
  /**
   * As an attribute (text): Statuses shown (`Overdue`, `Paid`, `Expired`…), compared ignoring case and accents; empty:
   * every status. Events without a status are hidden while it is set. Attribute: a comma list. Sent to the server as
   * `statuses=`.
   */
  'attr:statuses'?: AttributeValue<ClientTimeline['statuses']>;
  /**
   * As an attribute (text): Record kinds shown: an event's `record.type`, else its type's first segment (`quote`,
   * `invoice`, `booking`, `inquiry`…), so quotes and invoices can be told apart within their category; empty: every
   * kind. Attribute `record-types`: a comma list. Sent to the server as `recordTypes=`.
   */
  'attr:record-types'?: AttributeValue<ClientTimeline['recordTypes']>;
  /**
   * As an attribute (text): One record's story: only the events about the record with this id (`record.id`: a quote's
   * sent → opened → follow-up → lost), each with the time since the step before ("12 days later"). Set by "Show this
   * record's history" in an event's detail; `null`: every record. Sent to the server as `record=`.
   */
  'attr:record-id'?: AttributeValue<ClientTimeline['recordId']>;
  /**
   * As an attribute (text): Search text, matched in titles, summaries, authors and detail text, ignoring case and
   * accents (`leido` finds `leído`).
   */
  'attr:q'?: AttributeValue<ClientTimeline['q']>;
  /**
   * As an attribute (text): Seconds between re-fetches of the newest page, for adapters without push (the HTTP
   * adapter). 0: no polling.
   */
  'attr:poll-interval'?: AttributeValue<ClientTimeline['pollInterval']>;
  /**
   * As an attribute (text): Seconds a page may take before it fails with a timeout (its request is aborted and Retry is
   * offered); 0: no limit. Network failures, HTTP 5xx and 429 are retried automatically with backoff (honouring
   * `Retry-After`), shared by every element using the same `adapter` or `src`.
   */
  'attr:timeout'?: AttributeValue<ClientTimeline['timeout']>;
  /**
   * As an attribute (text): Where shown events are saved so a reopened timeline appears before the network answers:
   * `indexeddb` (the default: kept across reloads and shared by tabs), `memory` (this page only) or `none`. Only the
   * unfiltered history is cached.
   */
  'attr:cache'?: AttributeValue<ClientTimeline['cache']>;
  /**
   * As an attribute (text): Isolates cached events, e.g. per signed-in user or tenant: entries of one namespace are
   * never shown under another.
   */
  'attr:cache-namespace'?: AttributeValue<ClientTimeline['cacheNamespace']>;
  /** As an attribute (text): Events cached per client (default 1000); the oldest pages are dropped first. */
  'attr:cache-max-events'?: AttributeValue<ClientTimeline['cacheMaxEvents']>;
  /**
   * As an attribute (text): Events kept in memory (default 20,000), on a source that seeks: past it, the stretches
   * farthest from the row being read are dropped and fetched again when scrolled back to, so memory stays flat however
   * far the user goes. At least 1,000.
   */
  'attr:memory-events'?: AttributeValue<ClientTimeline['memoryEvents']>;
  /** As an attribute (text): Clients cached per namespace (default 50); the least recently opened are evicted first. */
  'attr:cache-max-clients'?: AttributeValue<ClientTimeline['cacheMaxClients']>;
  /**
   * As an attribute (text): Seconds after the newest page was fetched during which cached events may be shown; `0` (the
   * default): no limit.
   */
  'attr:cache-max-age'?: AttributeValue<ClientTimeline['cacheMaxAge']>;
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
  'on:timeline-error'?: JSX.EventHandlerWithOptionsUnion<ClientTimeline, ClientTimelineEventMap['timeline-error']>;
  /**
   * An event was expanded or collapsed: `{ id, key, expanded }`; `id` is the event's (for a row of folded updates, its
   * newest event's), `key` the row's (`group:<id>` for folded updates). Bubbles, composed.
   */
  'on:timeline-toggle'?: JSX.EventHandlerWithOptionsUnion<ClientTimeline, ClientTimelineEventMap['timeline-toggle']>;
  /** A page was loaded and merged: `{ clientId, added, updated, total, done }`. Bubbles, composed. */
  'on:timeline-page'?: JSX.EventHandlerWithOptionsUnion<ClientTimeline, ClientTimelineEventMap['timeline-page']>;
  /**
   * The user chose one of an event's `actions`: `{ action, event }`, the action's `id` and the event. The menu closes
   * and focus goes back to the row's ⋯ button; the element changes nothing itself (after a Delete or an Edit, update
   * the source and call `refresh()`). Cancelable: `preventDefault()` keeps the menu open. Bubbles, composed.
   */
  'on:timeline-action'?: JSX.EventHandlerWithOptionsUnion<ClientTimeline, ClientTimelineEventMap['timeline-action']>;
  /**
   * The user follows the link to an event's record: `{ id, type, url, record? }`. Cancelable: `preventDefault()` keeps
   * the link from opening so the host app can route inside itself. Bubbles, composed.
   */
  'on:timeline-open'?: JSX.EventHandlerWithOptionsUnion<ClientTimeline, ClientTimelineEventMap['timeline-open']>;
  /**
   * The user changed the filter: `{ types, authors, since, until, q, statuses, recordTypes }`, the values of the
   * properties of the same names (not fired when the host sets them). Bubbles, composed.
   */
  'on:timeline-filter-change'?: JSX.EventHandlerWithOptionsUnion<ClientTimeline, ClientTimelineEventMap['timeline-filter-change']>;
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
  'ontimeline-error'?: JSX.EventHandlerUnion<ClientTimeline, ClientTimelineEventMap['timeline-error']>;
  /**
   * An event was expanded or collapsed: `{ id, key, expanded }`; `id` is the event's (for a row of folded updates, its
   * newest event's), `key` the row's (`group:<id>` for folded updates). Bubbles, composed.
   */
  'ontimeline-toggle'?: JSX.EventHandlerUnion<ClientTimeline, ClientTimelineEventMap['timeline-toggle']>;
  /** A page was loaded and merged: `{ clientId, added, updated, total, done }`. Bubbles, composed. */
  'ontimeline-page'?: JSX.EventHandlerUnion<ClientTimeline, ClientTimelineEventMap['timeline-page']>;
  /**
   * The user chose one of an event's `actions`: `{ action, event }`, the action's `id` and the event. The menu closes
   * and focus goes back to the row's ⋯ button; the element changes nothing itself (after a Delete or an Edit, update
   * the source and call `refresh()`). Cancelable: `preventDefault()` keeps the menu open. Bubbles, composed.
   */
  'ontimeline-action'?: JSX.EventHandlerUnion<ClientTimeline, ClientTimelineEventMap['timeline-action']>;
  /**
   * The user follows the link to an event's record: `{ id, type, url, record? }`. Cancelable: `preventDefault()` keeps
   * the link from opening so the host app can route inside itself. Bubbles, composed.
   */
  'ontimeline-open'?: JSX.EventHandlerUnion<ClientTimeline, ClientTimelineEventMap['timeline-open']>;
  /**
   * The user changed the filter: `{ types, authors, since, until, q, statuses, recordTypes }`, the values of the
   * properties of the same names (not fired when the host sets them). Bubbles, composed.
   */
  'ontimeline-filter-change'?: JSX.EventHandlerUnion<ClientTimeline, ClientTimelineEventMap['timeline-filter-change']>;
}

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
      'client-timeline': JSX.HTMLAttributes<ClientTimeline> & ClientTimelineSolidProps;
    }
  }
}
