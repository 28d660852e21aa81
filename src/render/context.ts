import type { Formatters } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import type { Row } from '../data/rows.js';
import type { TimelineItem } from '../model/event.js';
import type { TimelineAction } from '../events.js';

/** What row templates need from the element, gathered once per render. */
export interface RenderContext {
  fmt: Formatters;
  msg: Messages;
  now: number;
  /** Level of the day headers, 1–6. */
  headingLevel: number;
  /** Number of events in the whole history when known, else -1. */
  setSize: number;
  /** `aria-posinset` of row `index`. */
  posInSet?(index: number): number;
  /** Whether a row is open, by its key (an event id, or `group:<id>` for folded rows). */
  isExpanded(key: string): boolean;
  toggle(row: Row): void;
  /** The user follows the link to an event's record: `false` when the host handled it (the link must not navigate). */
  open(item: TimelineItem, url: string): boolean;
  /** Marks search matches in a piece of text (identity when there is no search). */
  highlight(text: string): unknown;
  /** `true` when the user asked to load the remote images of this event's HTML body. */
  imagesShown?(id: string): boolean;
  /** Loads the remote images of this event's HTML body ("Show images"). */
  showImages?(id: string): void;
  /** The host's actions on an event (`actions`); `null` or empty: the row has no ⋯ button. */
  actions?(item: TimelineItem): readonly TimelineAction[] | null | undefined;
  /** A row's ⋯ button was pressed (`e`, its click): the one row menu takes that row's actions (`label` names it). */
  openActions?(row: Row, actions: readonly TimelineAction[], label: string, e: Event): void;
  /** Renders again (a lazily loaded part arrived). */
  refresh(): void;
  /** The row before `index` in the list, for day headers. */
  rowBefore(index: number): Row | undefined;
  /** Filters the timeline to one record's story ("Show this record's history"). */
  showRecord?(id: string): void;
  /** The list is one record's story: each row says how long after the step before it came. */
  story?: boolean;
  /** The row after `index` (the older one), for "12 days later" in a record's story. */
  rowAfter?(index: number): Row | undefined;
  /** Rendering this event failed (its row or detail shows a note instead): reported once per event. */
  failed(item: TimelineItem, error: unknown): void;
}

/** A DOM id derived from an event id: unique within the shadow root, no spaces. */
export const domId = (prefix: string, id: string) => `${prefix}-${encodeURIComponent(id).replace(/%/g, '_')}`;
