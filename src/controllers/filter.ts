/**
 * What the user narrowed the timeline to. The filter itself lives in the element's public properties (`types`,
 * `authors`, `since`, `until`, `q`); this controller reads them, changes them as the user does (firing
 * `timeline-filter-change`), debounces typing in the search box, knows the date presets, and derives what the list
 * and the filter bar show from what is loaded: the visible events, the counts per category, the people.
 *
 * Category keys (`email`, `call`, …: what `types` holds) are not type prefixes (`email`, `proposal`, `quote`, …: what a
 * server matches `query.filter.types` against); `adapterFilter` turns the one into the other.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TimelineFilter } from '../data/adapter.js';
import {
  adapterFilter,
  authorsOf,
  categoryKeyOf,
  kindGroups,
  recordLabelOf,
  type KindGroup,
  filterCategories,
  isFilterActive,
  localParts,
  matcher,
  searchPattern,
  typesActive,
  type SearchPattern,
  type FilterState,
} from '../data/filter.js';
import { emit } from '../events.js';
import { localDate } from '../i18n/format.js';
import type { TimelineItem } from '../model/event.js';
import type { Formatters } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import { localCategoryLabel } from '../model/catalog.js';
import { activeFilters, type DatePreset, type FilterBarActions, type FilterBarView } from '../render/filter-bar.js';
import type { PageCounts } from './pager.js';

const SEARCH_DEBOUNCE_MS = 250;
const DAY_MS = 86_400_000;

/** The element's filter properties. */
export interface FilterProperties {
  types: string[] | null;
  authors: string[];
  since: string | null;
  until: string | null;
  q: string;
  statuses: string[];
  recordTypes: string[];
  recordId: string | null;
}

export interface FilterOptions {
  /** `true` when the data source filters itself. */
  serverFilters(): boolean;
  /** The clock, for the date presets. */
  now(): number;
  /** Whether the role may see a category at all (the bar offers only those). */
  permitsCategory?(category: string): boolean;
}

/** The counts the filter bar shows, and the note that they only cover what is loaded. */
export interface CountsView {
  counts: Record<string, number> | null;
  /** `true` when they are counted over the loaded events of a history not loaded in full. */
  partial: boolean;
}

/** What loaded events say about the filter, for the counts. */
export interface Loaded {
  items: readonly TimelineItem[];
  clientId: string | null;
  started: boolean;
  done: boolean;
  /** The counts the source sent with its latest page. */
  counts: PageCounts | null;
}

/** What the filter bar's controls do to the filter. */
export type FilterActions = Pick<FilterBarActions, 'setTypes' | 'toggleType' | 'toggleAuthor' | 'setAuthors' | 'setStatuses' | 'setRecordTypes' | 'setRecord' | 'setPreset' | 'setDates' | 'input' | 'clearQuery' | 'clearAll'>;

export class FilterController implements ReactiveController {
  /** What the search box holds (the search runs a moment after typing stops). */
  draft = '';
  /** The custom From / To inputs are open. */
  customDates = false;
  /** The user stopped the search of older pages. */
  stopped = false;
  /** The search text as a pattern, for highlighting matches. */
  pattern: SearchPattern | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private key = '';
  private visibleMemo: { items: readonly TimelineItem[]; key: string; result: readonly TimelineItem[] } | null = null;
  private countsMemo: { items: readonly TimelineItem[]; key: string; result: Record<string, number> } | null = null;
  private authorsMemo: { items: readonly TimelineItem[]; locale: string; result: string[] } | null = null;
  private kindsMemo: { items: readonly TimelineItem[]; msg: Messages; result: KindGroup[] } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & FilterProperties,
    private readonly options: FilterOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
    // Typing not searched yet is dropped; the box shows the search that applies.
    clearTimeout(this.timer);
    this.timer = undefined;
    this.draft = this.state.q;
  }

  /** The filter as the properties hold it. */
  get state(): FilterState {
    const h = this.host;
    return {
      types: h.types ?? null,
      authors: h.authors ?? [],
      since: h.since || null,
      until: h.until || null,
      q: h.q ?? '',
      statuses: h.statuses ?? [],
      recordTypes: h.recordTypes ?? [],
      record: h.recordId || null,
    };
  }

  get active(): boolean {
    return isFilterActive(this.state);
  }

  /** `true` when the element narrows what it loaded itself (and pages on to fill the view). */
  get local(): boolean {
    const state = this.state;
    const parts = localParts(state, this.options.serverFilters());
    return isFilterActive(state) && (parts.types || parts.rest);
  }

  /** The filter the source applies, sent with every page: a change starts over. Nothing for a source that does not filter. */
  get sourceFilter(): TimelineFilter {
    return this.options.serverFilters() ? adapterFilter(this.state) : {};
  }

  /** The whole filter, as a source is sent it (one that does not filter may still count under it). */
  get sentFilter(): TimelineFilter {
    return adapterFilter(this.state);
  }

  /** The test applied to loaded events: what the source did not apply. */
  get matches(): (item: TimelineItem) => boolean {
    const state = this.state;
    return matcher(state, localParts(state, this.options.serverFilters()));
  }

  /**
   * Call in `willUpdate`: `true` when the filter changed since the last call (or `reset`), and the view should start
   * from the top.
   */
  sync(reset = false): boolean {
    const state = this.state;
    const key = JSON.stringify(state);
    if (key === this.key && !reset) return false;
    this.key = key;
    this.stopped = false;
    this.pattern = searchPattern(state.q);
    if (this.timer === undefined) this.draft = state.q;
    return true;
  }

  /** The loaded events the list shows, newest first. */
  visible(items: readonly TimelineItem[]): readonly TimelineItem[] {
    const state = this.state;
    const parts = localParts(state, this.options.serverFilters());
    const key = JSON.stringify([state, parts]);
    if (this.visibleMemo?.items !== items || this.visibleMemo.key !== key) {
      const result = (parts.types || parts.rest) && isFilterActive(state) ? items.filter(matcher(state, parts)) : items;
      this.visibleMemo = { items, key, result };
    }
    return this.visibleMemo.result;
  }

  /** Events per category for the bar: the source's when they hold under this filter, else counted over what is loaded. */
  counts(loaded: Loaded): CountsView {
    const state = this.state;
    const serverSide = this.options.serverFilters();
    const sent = loaded.counts;
    // Counts hold under every filter but the categories; a source that does not filter counts only the whole history.
    const key = countsKey(adapterFilter(state));
    if (sent && sent.clientId === loaded.clientId && countsKey(sent.filter) === key && (serverSide || key === '{}')) {
      return { counts: sent.counts, partial: false };
    }
    if (!loaded.started) return { counts: null, partial: false };
    // What a filtering source sent is already narrowed to the kept categories: other counts are unknown.
    if (serverSide && typesActive(state)) return { counts: null, partial: false };
    const { items } = loaded;
    const memoKey = JSON.stringify([state, serverSide]);
    if (this.countsMemo?.items !== items || this.countsMemo.key !== memoKey) {
      const test = matcher({ ...state, types: null }, { types: false, rest: !serverSide });
      const result: Record<string, number> = {};
      for (const item of items) {
        if (!test(item)) continue;
        const cat = categoryKeyOf(item.type);
        result[cat] = (result[cat] ?? 0) + 1;
      }
      this.countsMemo = { items, key: memoKey, result };
    }
    return { counts: this.countsMemo.result, partial: !loaded.done };
  }

  /** What the filter bar shows of the filter, counted over `loaded`, in the element's words. */
  barView(loaded: Loaded, i18n: { fmt: Formatters; msg: Messages }): Omit<FilterBarView, 'exporting'> {
    const { fmt, msg } = i18n;
    const { counts, partial } = this.counts(loaded);
    const datePreset = this.datePreset;
    return {
      state: this.state,
      draft: this.draft,
      categories: this.categories(msg),
      counts,
      countsNote: partial ? msg.find.countsLoaded(fmt.count(loaded.items.length)) : null,
      authors: this.authors(loaded.items, fmt.locale),
      recordLabel: recordLabelOf(loaded.items, this.state.record ?? null),
      kinds: this.kinds(loaded.items, msg),
      datePreset,
      customDates: this.customDates || datePreset === 'custom',
      fmt,
      msg,
    };
  }

  /** The active filters in words, as their chips say them (the printed list's header). */
  words(i18n: { fmt: Formatters; msg: Messages }): string[] {
    const view = { state: this.state, categories: this.categories(i18n.msg), datePreset: this.datePreset, ...i18n };
    return activeFilters(view).map((chip) => chip.label);
  }

  private categories(msg: Messages) {
    const permits = this.options.permitsCategory;
    return filterCategories()
      .filter((c) => !permits || permits(c.key))
      .map((c) => ({ ...c, label: localCategoryLabel(c.key, msg.categories) }));
  }

  /** Categories that hold more than one kind of record among `items`, with their kinds (memoized on `items`). */
  private kinds(items: readonly TimelineItem[], msg: Messages): KindGroup[] {
    if (this.kindsMemo?.items !== items || this.kindsMemo.msg !== msg) this.kindsMemo = { items, msg, result: kindGroups(items, this.categories(msg)) };
    return this.kindsMemo.result;
  }

  /** The people in what is loaded, sorted for `locale`. */
  authors(items: readonly TimelineItem[], locale: string): string[] {
    if (this.authorsMemo?.items !== items || this.authorsMemo.locale !== locale) this.authorsMemo = { items, locale, result: authorsOf(items, locale) };
    return this.authorsMemo.result;
  }

  /** The date preset the `since` / `until` properties amount to. */
  get datePreset(): DatePreset {
    const { since, until } = this.state;
    if (!since && !until) return this.customDates ? 'custom' : 'any';
    if (!until && !this.customDates) {
      for (const preset of ['7', '30', '90', 'year'] as const) if (since === this.presetSince(preset)) return preset;
    }
    return 'custom';
  }

  private presetSince(preset: '7' | '30' | '90' | 'year'): string {
    const now = this.options.now();
    return preset === 'year' ? `${new Date(now).getFullYear()}-01-01` : localDate(now - Number(preset) * DAY_MS);
  }

  // ── What the user does ─────────────────────────────────────────────────────────

  /** The filter bar's controls. */
  readonly actions: FilterActions = {
    setTypes: (types) => this.set({ types }),
    toggleType: (key, on) => this.toggleType(key, on),
    toggleAuthor: (name, on) => this.toggleAuthor(name, on),
    setAuthors: (authors) => this.set({ authors }),
    setStatuses: (statuses) => this.set({ statuses }),
    setRecordTypes: (recordTypes) => this.set({ recordTypes }),
    setRecord: (record) => this.set({ record }),
    setPreset: (preset) => this.setPreset(preset),
    setDates: (since, until) => this.setDates(since, until),
    input: (q) => this.input(q),
    clearQuery: () => this.clearQuery(),
    clearAll: () => this.clear(),
  };

  /** Sets filter fields as the user did: fires `timeline-filter-change`. */
  set(patch: Partial<FilterState>): void {
    const h = this.host;
    if ('types' in patch) h.types = patch.types === null || patch.types === undefined ? null : [...patch.types];
    if ('authors' in patch) h.authors = [...(patch.authors ?? [])];
    if ('since' in patch) h.since = patch.since ?? null;
    if ('until' in patch) h.until = patch.until ?? null;
    if ('q' in patch) h.q = patch.q ?? '';
    if ('statuses' in patch) h.statuses = [...(patch.statuses ?? [])];
    if ('recordTypes' in patch) h.recordTypes = [...(patch.recordTypes ?? [])];
    if ('record' in patch) h.recordId = patch.record || null;
    const state = this.state;
    emit(h, 'timeline-filter-change', {
      types: state.types ? [...state.types] : null,
      authors: [...state.authors],
      since: state.since,
      until: state.until,
      q: state.q,
      statuses: [...state.statuses],
      recordTypes: [...state.recordTypes],
      record: state.record ?? null,
    });
  }


  private toggleType(key: string, on: boolean): void {
    const all = filterCategories().map((c) => c.key);
    const current = this.host.types ?? all;
    const next = on ? [...new Set([...current, key])] : current.filter((k) => k !== key);
    this.set({ types: all.every((k) => next.includes(k)) ? null : all.filter((k) => next.includes(k)) });
  }

  private toggleAuthor(name: string, on: boolean): void {
    const authors = this.state.authors;
    this.set({ authors: on ? [...new Set([...authors, name])] : authors.filter((a) => a !== name) });
  }

  private setPreset(preset: DatePreset): void {
    this.customDates = preset === 'custom';
    if (preset === 'any') this.set({ since: null, until: null });
    else if (preset !== 'custom') this.set({ since: this.presetSince(preset), until: null });
    else this.host.requestUpdate();
  }

  private setDates(since: string | null, until: string | null): void {
    if (!since && !until) this.customDates = false;
    this.set({ since, until });
  }

  /** Typing in the search box: the search runs once typing pauses. */
  private input(q: string): void {
    this.draft = q;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (q.trim() !== this.state.q.trim()) this.set({ q });
      else this.host.requestUpdate();
    }, SEARCH_DEBOUNCE_MS);
    this.host.requestUpdate();
  }

  private clearQuery(): void {
    this.cancelDraft();
    if (this.state.q) this.set({ q: '' });
    else this.host.requestUpdate();
  }

  /** Removes every filter, as the "Clear all" button does. */
  clear(): void {
    this.cancelDraft();
    this.customDates = false;
    this.set({ types: null, authors: [], since: null, until: null, q: '', statuses: [], recordTypes: [], record: null });
  }

  /** Stops, or goes on with, the search of older pages. */
  stop(stopped: boolean): void {
    this.stopped = stopped;
    this.host.requestUpdate();
  }

  private cancelDraft(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.draft = '';
  }

  /** `/` focuses the search box (unless the user is typing somewhere). */
  private onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const search = this.host.shadowRoot?.querySelector<HTMLInputElement>('input[type="search"]');
    if (!search) return;
    e.preventDefault();
    search.focus();
    search.select();
  };
}

/** A filter without its categories: counts hold under every filter but those. */
function countsKey(filter: TimelineFilter): string {
  const { types: _types, categories: _categories, ...rest } = filter;
  return JSON.stringify(rest);
}
