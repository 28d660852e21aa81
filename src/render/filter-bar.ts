/**
 * The filter bar above the list: search, date range, people, more actions
 * (jump to date, expand/collapse all, export), category checkboxes with counts,
 * and the active filters as removable chips.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FilterState } from '../data/filter.js';
import type { Formatters } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import type { CategoryInfo } from '../model/catalog.js';
import ellipsis from 'lucide/dist/esm/icons/ellipsis.mjs';
import search from 'lucide/dist/esm/icons/search.mjs';
import x from 'lucide/dist/esm/icons/x.mjs';
import { lazy } from '../lazy.js';
import type * as Panels from './filter-panels.js';
import { icon } from './icons.js';

export type DatePreset = 'any' | '7' | '30' | '90' | 'year' | 'custom';

export interface FilterBarView {
  state: FilterState;
  /** What the search box holds (the search runs a moment after typing stops). */
  draft: string;
  categories: readonly CategoryInfo[];
  /** Events per category key; `null` when nothing is known yet. */
  counts: Record<string, number> | null;
  /** Set when the counts only cover what is loaded: says so. */
  countsNote: string | null;
  authors: readonly string[];
  datePreset: DatePreset;
  /** Whether the custom date inputs are shown. */
  customDates: boolean;
  /** Categories holding more than one kind of record among what is loaded, with those kinds. */
  kinds?: readonly { category: string; label: string; kinds: readonly string[] }[];
  /** How the record of a record filter is named ("Quote EST-00042"), when an event says. */
  recordLabel?: string | null;
  /** Export in progress: events collected so far. */
  exporting: number | null;
  fmt: Formatters;
  msg: Messages;
}

export interface FilterBarActions {
  setTypes(types: string[] | null): void;
  toggleType(key: string, on: boolean): void;
  toggleAuthor(name: string, on: boolean): void;
  setAuthors(authors: string[]): void;
  setStatuses(statuses: string[]): void;
  setRecordTypes(kinds: string[]): void;
  setRecord(record: string | null): void;
  setPreset(preset: DatePreset): void;
  setDates(since: string | null, until: string | null): void;
  input(q: string): void;
  clearQuery(): void;
  clearAll(): void;
  /** Jumps to `date`; `from` is the control it was asked from (the jump dialog's form). */
  jumpTo(date: string, from: Element): void;
  /** Closes the actions menu and opens the jump-to-date dialog in its place. */
  openJump(from: Element): void;
  /** A menu item ran: closes its menu and puts focus back on the menu's button. */
  menuDone(from: Element): void;
  /** Control `from` is about to go away: once it has, focus goes to what `next` returns. */
  keepFocus(from: Element, next: () => HTMLElement | null): void;
  /** The button of panel `id` was pressed (`e`, its click): before the panels' chunk is there, it opens once it is. */
  pressed(e: Event, id: string): void;
  /** Renders again (the panels' chunk arrived). */
  refresh(): void;
  expandAll(): void;
  collapseAll(): void;
  exportAs(format: 'csv' | 'json'): void;
  cancelExport(): void;
}

const PRESETS: DatePreset[] = ['any', '7', '30', '90', 'year', 'custom'];

function presetLabel(preset: DatePreset, msg: Messages): string {
  const f = msg.find;
  if (preset === 'any') return f.anyTime;
  if (preset === 'year') return f.thisYear;
  if (preset === 'custom') return f.custom;
  return f.lastDays(Number(preset));
}


/** Ids of the panels and their buttons (unique inside the element's shadow root). */
export const PANEL = {
  people: 'ct-people',
  kinds: 'ct-kinds',
  actions: 'ct-actions',
  jump: 'ct-jump',
  categories: 'ct-categories',
} as const;

const buttonId = (panel: string) => `${panel}-button`;

/** The search box of the element whose shadow root is `root` (where focus goes when a control it was on goes away). */
export const searchBox = (root: ParentNode): HTMLElement | null => root.querySelector('input[part~="search"]');

/** The shadow root `control` sits in, read while it is still connected. */
const rootOf = (control: Element): ParentNode => control.getRootNode() as ParentNode;

/**
 * What the People, Kinds and actions panels and the jump-to-date dialog hold (`filter-panels.ts`), with their styles:
 * a chunk of their own, fetched when the browser is idle after the first paint, or when one of their buttons is
 * pressed first. The panels themselves (empty until then) and their buttons are drawn from the start.
 */
const panelsChunk = lazy(() => import('./filter-panels.js'));

export const loadPanels = (): Promise<typeof Panels> => panelsChunk.load();

/** The panels' chunk once it is there (its styles are adopted with it), else `null`. */
export const panels = (): typeof Panels | null => panelsChunk.value;

let idle: Promise<typeof Panels> | null = null;

/**
 * Fetches the panels' chunk once the browser is idle (at the latest after 2 s), so that a panel opens at once;
 * resolves when it is there.
 */
export function prefetchPanels(): Promise<typeof Panels> {
  idle ??= new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 200);
  }).then(loadPanels);
  return idle;
}

/** A panel's content from the chunk; until it is there nothing, or, when it failed, Retry. */
function panelContent(view: FilterBarView, on: FilterBarActions, content: (chunk: typeof Panels) => unknown): unknown {
  const chunk = panelsChunk.value;
  if (chunk) return content(chunk);
  if (!panelsChunk.failed) return nothing;
  const retry = (e: Event) => {
    const panel = (e.currentTarget as Element).closest('[popover]');
    on.keepFocus(e.currentTarget as Element, () => panel?.querySelector<HTMLElement>('input, button') ?? null);
    loadPanels().then(on.refresh, on.refresh);
  };
  return html`<p class="fb-note">${view.msg.loadFailed}</p>
    <button type="button" class="fb-small" part="retry" @click=${retry}>${view.msg.retry}</button>`;
}

export function renderFilterBar(view: FilterBarView, on: FilterBarActions): TemplateResult {
  const { msg } = view;
  return html`<div class="filter-bar" part="filter-bar">
    <div class="fb-row">
      ${renderSearch(view, on)}
      <div class="fb-controls">
        ${renderDates(view, on)} ${renderPeople(view, on)} ${renderKinds(view, on)} ${renderCategoriesButton(view, on)} ${renderActions(view, on)}
      </div>
    </div>
    ${view.customDates ? renderCustomDates(view, on) : nothing}
    <div
      class="fb-cats fb-panel"
      id=${PANEL.categories}
      data-opener=${buttonId(PANEL.categories)}
      popover
      role="group"
      aria-label=${msg.find.categories}
      part="categories"
    >
      <button type="button" class="fb-small" @click=${() => on.setTypes(null)}>${msg.find.all}</button>
      <button type="button" class="fb-small" @click=${() => on.setTypes([])}>${msg.find.none}</button>
      ${view.categories.map((cat) => renderCategory(cat, view, on))}
      ${view.countsNote ? html`<span class="fb-note" part="counts-note">${view.countsNote}</span>` : nothing}
    </div>
    ${renderChips(view, on)}
  </div>`;
}

function renderSearch(view: FilterBarView, on: FilterBarActions): TemplateResult {
  const { msg } = view;
  return html`<label class="fb-field fb-search">
    <span class="fb-search-icon" aria-hidden="true">${icon(search)}</span>
    <span class="fb-label">${msg.find.searchLabel}</span>
    <input
      type="search"
      part="search"
      aria-label=${msg.find.search}
      placeholder=${msg.find.searchPlaceholder}
      autocomplete="off"
      spellcheck="false"
      .value=${live(view.draft)}
      @input=${(e: Event) => on.input((e.target as HTMLInputElement).value)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape' && (e.target as HTMLInputElement).value) {
          e.preventDefault();
          e.stopPropagation();
          on.clearQuery();
        }
      }}
    />
  </label>`;
}

function renderDates(view: FilterBarView, on: FilterBarActions): TemplateResult {
  const { msg } = view;
  return html`<label class="fb-field fb-when"
    ><span class="fb-label">${msg.find.dateLabel}</span
    ><select
      class="fb-select"
      part="date-range"
      @change=${(e: Event) => on.setPreset((e.target as HTMLSelectElement).value as DatePreset)}
    >
      ${PRESETS.map((p) => html`<option value=${p} ?selected=${view.datePreset === p}>${presetLabel(p, msg)}</option>`)}
    </select></label
  >`;
}

function renderCustomDates(view: FilterBarView, on: FilterBarActions): TemplateResult {
  const { msg, state } = view;
  const value = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : '');
  const read = (e: Event) => (e.target as HTMLInputElement).value || null;
  return html`<div class="fb-row fb-dates" part="custom-dates" role="group" aria-label=${msg.find.dateRange}>
    <label>${msg.find.from} <input type="date" .value=${live(value(state.since))} @change=${(e: Event) => on.setDates(read(e), state.until)} /></label>
    <label>${msg.find.to} <input type="date" .value=${live(value(state.until))} @change=${(e: Event) => on.setDates(state.since, read(e))} /></label>
  </div>`;
}

/** A button that opens panel `id` (a popover in the top layer), once the panels' chunk is there. */
function opener(id: string, label: unknown, part: string, popup: 'menu' | 'dialog', on: FilterBarActions, ariaLabel?: string): TemplateResult {
  return html`<button
    type="button"
    class="fb-button fb-opener"
    id=${buttonId(id)}
    part=${part}
    popovertarget=${id}
    aria-haspopup=${popup}
    aria-expanded="false"
    aria-label=${ariaLabel ?? nothing}
    title=${ariaLabel ?? nothing}
    @click=${(e: Event) => on.pressed(e, id)}
  >
    ${label}
  </button>`;
}

/**
 * The kinds within categories (Deals: quotes, proposals, inquiries; Meetings: bookings, meetings…), where a category
 * holds more than one among what is loaded: a panel of checkboxes by category, filtering by `record-types`.
 */
function renderKinds(view: FilterBarView, on: FilterBarActions): TemplateResult | typeof nothing {
  const { msg, state } = view;
  const groups = view.kinds ?? [];
  if (!groups.length && !state.recordTypes.length) return nothing;
  const label = state.recordTypes.length ? msg.find.kindsCount(new Set(state.recordTypes).size) : msg.find.kinds;
  return html`${opener(PANEL.kinds, label, 'kinds', 'dialog', on)}
    <div class="fb-panel" id=${PANEL.kinds} data-opener=${buttonId(PANEL.kinds)} popover role="dialog" aria-label=${msg.find.kinds} part="kinds-panel">
      ${panelContent(view, on, (chunk) => chunk.kindsPanel(view, on, groups))}
    </div>`;
}

function renderPeople(view: FilterBarView, on: FilterBarActions): TemplateResult {
  const { msg, state } = view;
  const label = state.authors.length ? msg.find.peopleCount(state.authors.length) : msg.find.people;
  return html`${opener(PANEL.people, label, 'people', 'dialog', on)}
    <div class="fb-panel" id=${PANEL.people} data-opener=${buttonId(PANEL.people)} popover role="dialog" aria-label=${msg.find.people} part="people-panel">
      ${panelContent(view, on, (chunk) => chunk.peoplePanel(view, on))}
    </div>`;
}

/** At narrow widths the category strip folds into a panel behind this button ("Categories: 3 of 11"). */
function renderCategoriesButton(view: FilterBarView, on: FilterBarActions): TemplateResult {
  const { msg, state, categories } = view;
  const selected = state.types === null ? categories.length : categories.filter((c) => state.types!.includes(c.key)).length;
  return opener(PANEL.categories, msg.find.categoriesCount(selected, categories.length), 'categories-button', 'dialog', on);
}

function renderActions(view: FilterBarView, on: FilterBarActions): TemplateResult {
  const { msg } = view;
  return html`${opener(PANEL.actions, icon(ellipsis), 'actions', 'menu', on, msg.find.actions)}
    <div class="fb-panel fb-panel-end" id=${PANEL.actions} data-opener=${buttonId(PANEL.actions)} popover role="menu" aria-label=${msg.find.actions} part="actions-menu">
      ${panelContent(view, on, (chunk) => chunk.actionsMenu(view, on))}
    </div>
    <div class="fb-panel fb-panel-end" id=${PANEL.jump} data-opener=${buttonId(PANEL.actions)} popover role="dialog" aria-label=${msg.find.jumpToDate} part="jump-panel">
      ${panelContent(view, on, (chunk) => chunk.jumpDialog(view, on))}
    </div>`;
}

function renderCategory(cat: CategoryInfo, view: FilterBarView, on: FilterBarActions): TemplateResult {
  const checked = view.state.types === null || view.state.types.includes(cat.key);
  const count = view.counts ? (view.counts[cat.key] ?? 0) : null;
  return html`<label class="fb-cat cat-${cat.key} ${count === 0 ? 'fb-zero' : ''}" part="category"
    ><input
      type="checkbox"
      .checked=${live(checked)}
      aria-label=${cat.label}
      aria-describedby=${count === null ? nothing : `fb-count-${cat.key}`}
      @change=${(e: Event) => on.toggleType(cat.key, (e.target as HTMLInputElement).checked)}
    /><span aria-hidden="true">${cat.label}</span>${count === null
      ? nothing
      : html`<span class="fb-count" id="fb-count-${cat.key}" part="category-count">${view.fmt.count(count)}</span>`}</label
  >`;
}

/** The active filters, in words, each with what removes it (the chips; the printed list's header). */
/** How a record kind reads: "Quotes"; a kind that is a category ("email") by the category's label ("Emails"). */
export const kindLabel = (kind: string, msg: Messages): string => msg.recordKinds[kind] ?? (msg.categories as Partial<Record<string, string>>)[kind] ?? kind;

export function activeFilters(view: Pick<FilterBarView, 'state' | 'msg' | 'fmt' | 'categories' | 'datePreset' | 'recordLabel'>, on?: FilterBarActions): { label: string; remove: () => void }[] {
  const { state, msg, fmt } = view;
  const chips: { label: string; remove: () => void }[] = [];
  const run = (action: (on: FilterBarActions) => void) => () => on && action(on);
  if (state.types !== null && !view.categories.every((c) => state.types!.includes(c.key))) {
    const labels = view.categories.filter((c) => state.types!.includes(c.key)).map((c) => c.label);
    chips.push({ label: labels.length ? labels.join(', ') : `${msg.find.categories}: ${msg.find.none}`, remove: run((a) => a.setTypes(null)) });
  }
  for (const name of state.authors) chips.push({ label: name, remove: run((a) => a.toggleAuthor(name, false)) });
  if (state.statuses.length) chips.push({ label: msg.find.chipStatuses(state.statuses.join(', ')), remove: run((a) => a.setStatuses([])) });
  if (state.record) chips.push({ label: msg.find.chipRecord(view.recordLabel ?? state.record), remove: run((a) => a.setRecord(null)) });
  if (state.recordTypes.length) {
    const kinds = state.recordTypes.map((kind) => kindLabel(kind, msg)).join(', ');
    chips.push({ label: msg.find.chipKinds(kinds), remove: run((a) => a.setRecordTypes([])) });
  }
  if (state.since || state.until) {
    const label =
      view.datePreset !== 'custom' && view.datePreset !== 'any'
        ? presetLabel(view.datePreset, msg)
        : state.since && state.until
          ? msg.find.chipRange(fmt.dateOf(state.since), fmt.dateOf(state.until))
          : state.since
            ? msg.find.chipSince(fmt.dateOf(state.since))
            : msg.find.chipUntil(fmt.dateOf(state.until!));
    chips.push({ label, remove: run((a) => a.setDates(null, null)) });
  }
  if (state.q.trim()) chips.push({ label: msg.find.chipSearch(state.q.trim()), remove: run((a) => a.clearQuery()) });
  return chips;
}

function renderChips(view: FilterBarView, on: FilterBarActions): TemplateResult | typeof nothing {
  const { msg } = view;
  const chips = activeFilters(view, on);
  if (!chips.length) return nothing;
  return html`<div class="fb-chips" part="chips" role="group" aria-label=${msg.find.activeFilters}>
    ${chips.map(
      (chip, index) => html`<span class="fb-chip" part="chip"
        >${chip.label}<button
          type="button"
          class="fb-chip-remove"
          aria-label=${msg.find.remove(chip.label)}
          @click=${(e: Event) => {
            const from = e.currentTarget as Element;
            const root = rootOf(from);
            // The chip goes away: focus moves to the one now at its place, or the last one, or the search box.
            on.keepFocus(from, () => {
              const rest = [...root.querySelectorAll<HTMLElement>('.fb-chip-remove')];
              return rest[Math.min(index, rest.length - 1)] ?? searchBox(root);
            });
            chip.remove();
          }}
        >
          ${icon(x)}
        </button></span
      >`,
    )}
    <button
      type="button"
      class="fb-small fb-clear"
      part="clear-all"
      @click=${(e: Event) => {
        const from = e.currentTarget as Element;
        const root = rootOf(from);
        on.keepFocus(from, () => searchBox(root));
        on.clearAll();
      }}
    >
      ${msg.find.clearAll}
    </button>
  </div>`;
}
