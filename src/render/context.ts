import type { Formatters } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';

/** What row templates need from the element, gathered once per render. */
export interface RenderContext {
  fmt: Formatters;
  msg: Messages;
  now: number;
  /** Number of events in the whole history when known, else -1. */
  setSize: number;
  isExpanded(id: string): boolean;
  toggle(id: string): void;
}

/** A DOM id derived from an event id: unique within the shadow root, no spaces. */
export const domId = (prefix: string, id: string) => `${prefix}-${encodeURIComponent(id).replace(/%/g, '_')}`;
