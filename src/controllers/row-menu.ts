/**
 * The one menu of every row's ⋯ button (the host's `actions`): which row opened it, and the menu itself, a popover
 * rendered once outside the virtualized list and filled with that row's actions. Choosing one fires the cancelable
 * `timeline-action`; unless cancelled, the menu closes and focus goes back to the row's ⋯ (MenuController).
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { Row } from '../data/rows.js';
import { emit, type TimelineAction } from '../events.js';
import type { TimelineItem } from '../model/event.js';
import { domId } from '../render/context.js';
import { icon } from '../render/icons.js';
import { ROW_MENU } from '../render/row.js';
import type { MenuController } from './menus.js';

export class RowMenuController {
  /** The row whose ⋯ button last opened the menu: its key, event, actions and the menu's name. */
  private opened: { key: string; item: TimelineItem; list: readonly TimelineAction[]; label: string } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly menus: MenuController,
  ) {}

  /** A row's ⋯ was pressed (`e`, its click): the menu holds its actions. */
  open(row: Row, list: readonly TimelineAction[], label: string, e: Event): void {
    this.opened = { key: row.key, item: row.item, list, label };
    this.menus.pressed(e, ROW_MENU);
    this.host.requestUpdate();
  }

  /** The menu; nothing without `actions`. `fallbackLabel` names it before a row opened it. */
  render(enabled: boolean, fallbackLabel: string): unknown {
    if (!enabled) return nothing;
    const menu = this.opened;
    return html`<div
      class="fb-panel fb-panel-end row-menu"
      id=${ROW_MENU}
      popover
      role="menu"
      part="row-menu"
      aria-label=${menu?.label ?? fallbackLabel}
      data-opener=${menu ? domId('a', menu.key) : nothing}
    >
      ${menu?.list.map(
        (action) =>
          html`<button
            type="button"
            class="fb-item ${action.danger ? 'danger' : ''}"
            role="menuitem"
            @click=${(e: Event) => {
              const from = e.currentTarget as Element;
              // Unless cancelled, or the host's listener moved focus away (which closed the menu).
              if (emit(this.host, 'timeline-action', { action: action.id, event: menu.item }, { cancelable: true }) && from.closest(':popover-open')) this.menus.close(from);
            }}
          >
            ${action.icon ? icon(action.icon) : nothing}${action.label}
          </button>`,
      )}
    </div>`;
  }
}
