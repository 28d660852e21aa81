/**
 * What the filter bar's panels hold: the People and Kinds checkboxes, the actions menu (Jump to date…, Expand all,
 * Collapse all, Export) and the jump-to-date form. A chunk of its own (see `filter-bar.ts`), with the styles only
 * they use; the panels around them, their buttons and the rest of the bar are in the main file.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { kindLabel, type FilterBarActions, type FilterBarView } from './filter-bar.js';

export { panelStyles } from './filter-panels.styles.js';
export { MenuBehaviour } from '../controllers/menu-behaviour.js';

type KindGroup = NonNullable<FilterBarView['kinds']>[number];

/** The kinds within categories, by category: checkboxes that set `record-types`. */
export function kindsPanel(view: FilterBarView, on: FilterBarActions, groups: readonly KindGroup[]): TemplateResult[] {
  const { msg, state } = view;
  const chosen = new Set(state.recordTypes);
  const toggle = (kind: string, checked: boolean) => on.setRecordTypes(checked ? [...chosen, kind] : [...chosen].filter((k) => k !== kind));
  return groups.map(
    (group) => html`<div class="fb-kind-group" role="group" aria-label=${group.label}>
      <span class="fb-note">${group.label}</span>
      ${group.kinds.map(
        (kind) => html`<label class="fb-check"
          ><input type="checkbox" .checked=${live(chosen.has(kind))} @change=${(e: Event) => toggle(kind, (e.target as HTMLInputElement).checked)} /><span
            >${kindLabel(kind, msg)}</span
          ></label
        >`,
      )}
    </div>`,
  );
}

/** The people of what is loaded (and those filtered by), a checkbox each. */
export function peoplePanel(view: FilterBarView, on: FilterBarActions): TemplateResult | TemplateResult[] {
  const { msg, state } = view;
  const names = [...new Set([...state.authors, ...view.authors])];
  if (!names.length) return html`<p class="fb-note">${msg.find.noPeople}</p>`;
  return names.map(
    (name) => html`<label class="fb-check"
      ><input
        type="checkbox"
        .checked=${live(state.authors.includes(name))}
        @change=${(e: Event) => on.toggleAuthor(name, (e.target as HTMLInputElement).checked)}
      /><span dir="auto">${name}</span></label
    >`,
  );
}

/** The actions menu's items. */
export function actionsMenu(view: FilterBarView, on: FilterBarActions): TemplateResult {
  const { msg } = view;
  /** Runs a menu item, closes the menu and puts focus back on its button. */
  const item = (label: string, run: () => void) =>
    html`<button type="button" class="fb-item" role="menuitem" @click=${(e: Event) => (on.menuDone(e.currentTarget as Element), run())}>${label}</button>`;
  return html`<button type="button" class="fb-item" role="menuitem" aria-haspopup="dialog" @click=${(e: Event) => on.openJump(e.currentTarget as Element)}>
      ${msg.find.jumpToDateItem}
    </button>
    ${item(msg.find.expandAll, on.expandAll)} ${item(msg.find.collapseAll, on.collapseAll)}
    ${view.exporting === null
      ? html`${item(msg.find.exportCsv, () => on.exportAs('csv'))} ${item(msg.find.exportJson, () => on.exportAs('json'))}`
      : item(msg.find.cancelExport, on.cancelExport)}`;
}

/** The jump-to-date dialog's form. */
export function jumpDialog(view: FilterBarView, on: FilterBarActions): TemplateResult {
  const { msg } = view;
  const jump = (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).querySelector('input');
    if (input?.value) on.jumpTo(input.value, e.currentTarget as Element);
  };
  return html`<form class="fb-jump" @submit=${jump}>
    <label>${msg.find.jumpToDate} <input type="date" name="jump" required /></label>
    <button type="submit" class="fb-small">${msg.find.jump}</button>
  </form>`;
}
