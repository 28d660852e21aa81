/**
 * The CustomEvents `<client-timeline>` fires. All bubble and cross shadow
 * boundaries (`composed`), all are named `timeline-*`.
 */
import type { InvalidEvent } from './model/event.js';

export type TimelineErrorDetail =
  | {
      /** Some events of a page failed validation; they were skipped, the rest rendered. */
      kind: 'invalid-events';
      message: string;
      clientId: string;
      invalid: InvalidEvent[];
    }
  | {
      /** A page could not be fetched; what was on screen stays and a Retry button is offered. */
      kind: 'fetch';
      message: string;
      clientId: string;
      error: unknown;
    };

export interface TimelineToggleDetail {
  id: string;
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

declare global {
  interface GlobalEventHandlersEventMap {
    'timeline-error': CustomEvent<TimelineErrorDetail>;
    'timeline-toggle': CustomEvent<TimelineToggleDetail>;
    'timeline-page': CustomEvent<TimelinePageDetail>;
  }
}

export function emit<K extends 'timeline-error' | 'timeline-toggle' | 'timeline-page'>(
  target: EventTarget,
  name: K,
  detail: GlobalEventHandlersEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
