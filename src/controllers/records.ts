/**
 * Records and work above the list: the status summary of the client's records and the to-do section. Computes
 * both from what is loaded (or takes the source's summary), keeps whether each is unfolded, and renders them
 * through their chunk (`render/records.ts`), fetched once there is something to show.
 */
import { nothing, type CSSResult, type ReactiveControllerHost } from 'lit';
import { summarize, type KindSummary } from '../data/summary.js';
import { openWork, type TodoItem } from '../data/todo.js';
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

export class RecordsController {
  private summaryMemo: [items: readonly TimelineItem[], kinds: KindSummary[]] | null = null;
  private todoMemo: [items: readonly TimelineItem[], now: number, work: TodoItem[]] | null = null;
  private summaryOpen = false;
  private todoOpen = false;
  private todoAll = false;

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
    this.summaryOpen = this.todoOpen = this.todoAll = false;
  }

  /** The status summary, then the to-do section; nothing until there is something to show and the chunk is there. */
  render(): unknown {
    const loaded = this.options.loaded();
    if (!loaded.started) return nothing;
    const kinds = this.options.summaryShown() ? this.kinds(loaded) : [];
    const work = this.work(loaded.items);
    if (!kinds.length && !work.length) return nothing;
    const records = chunk.value;
    if (!records) {
      void chunk.load().then(() => this.host.requestUpdate(), () => undefined);
      return nothing;
    }
    const { fmt, msg } = this.options.i18n();
    const filter = this.options.filter();
    return [
      records.renderStatusSummary({
        kinds,
        statuses: filter.statuses,
        recordTypes: filter.recordTypes,
        note: loaded.summary || loaded.done ? null : msg.find.countsLoaded(fmt.count(loaded.items.length)),
        fmt,
        msg,
        open: this.summaryOpen,
        toggled: (open) => (this.summaryOpen = open),
        show: this.options.show,
      }),
      records.renderTodo({
        work,
        fmt,
        msg,
        open: this.todoOpen,
        toggled: (open) => (this.todoOpen = open),
        all: this.todoAll,
        showAll: () => ((this.todoAll = true), this.host.requestUpdate()),
        go: this.options.go,
      }),
    ];
  }

  private kinds(loaded: ReturnType<RecordsOptions['loaded']>): KindSummary[] {
    if (loaded.summary) return loaded.summary;
    if (this.summaryMemo?.[0] !== loaded.items) this.summaryMemo = [loaded.items, summarize(loaded.items)];
    return this.summaryMemo[1];
  }

  private work(items: readonly TimelineItem[]): TodoItem[] {
    const now = this.options.now();
    if (this.todoMemo?.[0] !== items || this.todoMemo[1] !== now) this.todoMemo = [items, now, openWork(items, now)];
    return this.todoMemo[2];
  }
}
