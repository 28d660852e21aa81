/**
 * The filter bar's panels (people, kinds, the categories at narrow widths, more actions, jump to date) and the rows'
 * actions menu are popovers: they open in the top layer, so no overflow or stacking context of the element or of the
 * host page clips them. CSS anchor positioning places each against its button; what this controller adds to what the
 * platform does (placement by measure, focus in and back, the menu pattern's keys, `aria-expanded`:
 * `menu-behaviour.ts`) comes with the panels' chunk, which every panel waits for before it opens: a button pressed
 * before the chunk is there opens its panel once it is.
 *
 * A panel names its button with `data-opener` (the button's id); the button opens it with `popovertarget`, or the
 * panel is shown with `open()` (the jump-to-date dialog, opened from the actions menu, sits against the same button).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadPanels, panels } from '../render/filter-bar.js';
import type { MenuBehaviour } from './menu-behaviour.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export class MenuController implements ReactiveController {
  private behaviour: MenuBehaviour | null = null;

  constructor(readonly host: Host) {
    host.addController(this);
  }

  /** What the panels do, once their chunk is there. */
  private get does(): MenuBehaviour | null {
    const chunk = panels();
    return (this.behaviour ??= chunk && new chunk.MenuBehaviour(this));
  }

  hostConnected(): void {
    const root = this.host.renderRoot;
    // `toggle` does not bubble: listen in the capture phase.
    root.addEventListener('toggle', this.onToggle, true);
    root.addEventListener('keydown', this.onKeyDown as EventListener);
    root.addEventListener('focusout', this.onFocusOut as EventListener);
  }

  hostDisconnected(): void {
    const root = this.host.renderRoot;
    root.removeEventListener('toggle', this.onToggle, true);
    root.removeEventListener('keydown', this.onKeyDown as EventListener);
    root.removeEventListener('focusout', this.onFocusOut as EventListener);
    this.behaviour?.disconnected();
  }

  /**
   * The button of panel `id` was pressed (`e`, its click): before the panels' chunk is there, the panel opens once it
   * is and the panel's content is drawn (with Retry in it, when the chunk failed), not empty now.
   */
  pressed(e: Event, id: string): void {
    if (panels()) return;
    e.preventDefault();
    const opener = e.currentTarget as HTMLElement;
    const show = () => {
      this.host.requestUpdate();
      void this.host.updateComplete.then(() => opener.isConnected && this.open(id, opener));
    };
    loadPanels().then(show, show);
  }

  /**
   * Shows panel `id` against its button (for panels opened by code rather than by `popovertarget`); `source`: the
   * button that opens it, which then toggles it as `popovertarget` does.
   */
  open(id: string, source?: HTMLElement): void {
    const panel = this.panel(id);
    if (panel && !panel.matches(':popover-open')) panel.showPopover(source && { source });
  }

  /** Closes the panel that holds `from` and puts focus back on its button. Returns the button. */
  close(from: Element | null): HTMLElement | null {
    const panel = from?.closest<HTMLElement>('[popover]') ?? null;
    if (!panel) return null;
    const opener = this.opener(panel);
    if (panel.matches(':popover-open')) panel.hidePopover();
    opener?.focus();
    return opener;
  }

  /** The button of `panel` (its `data-opener`). */
  opener(panel: HTMLElement): HTMLElement | null {
    const id = panel.dataset.opener;
    return id ? this.panel(id) : null;
  }

  private panel(id: string): HTMLElement | null {
    const root = this.host.renderRoot as ShadowRoot;
    return root.getElementById?.(id) ?? null;
  }

  private onToggle = (e: Event) => this.does?.onToggle(e);
  private onKeyDown = (e: KeyboardEvent) => this.does?.onKeyDown(e);
  private onFocusOut = (e: FocusEvent) => this.does?.onFocusOut(e);
}
