/**
 * The CustomEvents `<client-timeline>` fires. All bubble and cross shadow
 * boundaries (`composed`), all are named `timeline-*`.
 */
import type { InvalidEvent, TimelineItem } from './model/event.js';
import type { IconName } from './render/icons.js';

export type TimelineErrorDetail =
  | {
      /** Some events of a page failed validation; they were skipped, the rest rendered. */
      kind: 'invalid-events';
      message: string;
      clientId: string;
      invalid: InvalidEvent[];
    }
  | {
      /**
       * One event could not be drawn (a value no renderer foresaw): its row shows its title and "Couldn't show this
       * event", every other row keeps working. Reported once per event and client.
       */
      kind: 'render';
      message: string;
      clientId: string;
      id: string;
      error: unknown;
    }
  | {
      /** A page could not be fetched; what was on screen stays and a Retry button is offered. */
      kind: 'fetch';
      message: string;
      clientId: string;
      error: unknown;
    }
  | {
      /**
       * The saved-activity cache (IndexedDB) is missing, failed, is blocked by another tab or is full: the element
       * keeps working and caches in memory for this page instead. Reported once per element. Or it held damaged
       * records: they were deleted, not shown, and IndexedDB stays on. Reported once per client.
       */
      kind: 'cache';
      message: string;
      clientId: string;
      error: unknown;
    }
  | {
      /**
       * A page said where it sits in the history (`total`, `position`) in a way that contradicts what is loaded: the
       * figures were clamped or ignored, every event was kept. Reported once per page.
       */
      kind: 'position';
      message: string;
      clientId: string;
    };

export interface TimelineToggleDetail {
  /** The event's id; for a row of folded updates, the id of its newest event. */
  id: string;
  /** The row's key: the event id, or `group:<id>` for a row of folded updates. */
  key: string;
  expanded: boolean;
}

export interface TimelinePageDetail {
  clientId: string;
  /** New events in this page. */
  added: number;
  /** Events of this page that replaced one already shown (same id). */
  updated: number;
  /** Events now loaded. */
  total: number;
  /** `true` when the whole history is loaded. */
  done: boolean;
}

export interface TimelineOpenDetail {
  /** The event whose record link was followed. */
  id: string;
  type: string;
  url: string;
  record?: { id: string; type?: string; label?: string };
}

/** Something the user may do with an event, as the host's `actions` function lists it. */
export interface TimelineAction {
  /** What `timeline-action` reports as `action`. */
  id: string;
  /** The menu item's words. */
  label: string;
  /** A built-in icon name: `reply`, `phone`, `pencil`, `mail`, `sticky-note`… */
  icon?: IconName;
  /** Destructive (Delete): in the failed colour, set apart from the items before it. */
  danger?: boolean;
}

export interface TimelineActionDetail {
  /** The chosen action's `id`. */
  action: string;
  /** The event it was chosen on. */
  event: TimelineItem;
}

/** The filter the user set, as the element's `types`, `authors`, `since`, `until` and `q` hold it. */
export interface TimelineFilterChangeDetail {
  /** Category keys kept (`email`, `call`, …); `null` when every category is shown. */
  types: string[] | null;
  authors: string[];
  since: string | null;
  until: string | null;
  q: string;
  statuses: string[];
  recordTypes: string[];
  /** One record's story (`record-id`), or `null`. */
  record: string | null;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'timeline-filter-change': CustomEvent<TimelineFilterChangeDetail>;
    'timeline-error': CustomEvent<TimelineErrorDetail>;
    'timeline-toggle': CustomEvent<TimelineToggleDetail>;
    'timeline-page': CustomEvent<TimelinePageDetail>;
    'timeline-open': CustomEvent<TimelineOpenDetail>;
    'timeline-action': CustomEvent<TimelineActionDetail>;
  }
}

/** Names of the events the element fires. */
export type TimelineEventName = Extract<keyof GlobalEventHandlersEventMap, `timeline-${string}`>;

/** Dispatches a `timeline-*` event; returns `false` when a cancelable one was cancelled. */
export function emit<K extends TimelineEventName>(
  target: EventTarget,
  name: K,
  detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}
