/**
 * Records and work above the list: the status summary of the client's records and the to-do section. Keeps whether
 * each is unfolded; what they show is computed from what is loaded (or taken from the source's summary) and drawn by
 * their chunk (`render/records.ts`), fetched once events are loaded.
 */
import { nothing, type CSSResult, type ReactiveControllerHost } from 'lit';
import type { KindSummary } from '../data/summary.js';
import type { FilterState } from '../data/filter.js';
import type { Formatters } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import type { TimelineItem } from '../model/event.js';
import { lazy } from '../lazy.js';

const chunk = lazy(() => import('../render/records.js'));

export interface RecordsOptions {
  /** `false` with `summary="none"`. */
  summaryShown(): boolean;
  /** What is loaded, whether it is all, and the summary the source sent. */
  loaded(): { started: boolean; items: readonly TimelineItem[]; done: boolean; summary: KindSummary[] | null };
  filter(): FilterState;
  /** Filters the timeline to a kind and status (`null`: the whole kind). */
  show(kind: string, status: string | null): void;
  /** Brings an event into view in the history, with focus. */
  go(item: TimelineItem): void;
  now(): number;
  i18n(): { fmt: Formatters; msg: Messages };
}

/** Whether each is unfolded, and what the chunk keeps between renders (what it computed, and from what). */
export interface RecordsState {
  summaryOpen: boolean;
  todoOpen: boolean;
  todoAll: boolean;
  memo?: unknown;
}

export class RecordsController {
  private readonly state: RecordsState = { summaryOpen: false, todoOpen: false, todoAll: false };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RecordsOptions,
  ) {}

  /** The styles of the status summary and the to-do section, once their chunk is there. */
  get styles(): CSSResult | undefined {
    return chunk.value?.recordsStyles;
  }

  /** Another client: both fold again. */
  reset(): void {
    this.state.summaryOpen = this.state.todoOpen = this.state.todoAll = false;
  }

  /** The status summary, then the to-do section; nothing until events are loaded and the chunk is there. */
  render(): unknown {
    const loaded = this.options.loaded();
    if (!loaded.started || (!loaded.items.length && !loaded.summary)) return nothing;
    const records = chunk.value;
    if (!records) {
      void chunk.load().then(() => this.host.requestUpdate(), () => undefined);
      return nothing;
    }
    return records.renderRecords(this.state, this.options, this.host);
  }
}
