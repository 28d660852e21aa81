/**
 * The filter bar's panels (people, the categories at narrow widths, more actions, jump to date) are popovers: they
 * open in the top layer, so no overflow or stacking context of the element or of the host page clips them. CSS anchor
 * positioning places each against its button; this controller adds what the platform leaves to the page:
 *
 * - a measured placement when a panel still sticks out of the viewport (no anchor positioning, or no side fits);
 * - focus: into the panel when it opens, back to its button when Escape closes it or one of its actions ran;
 *   Tab out of a panel closes it;
 * - the menu pattern in menus (`role="menu"`): Arrow keys, Home and End move between the items;
 * - `aria-expanded` on the button.
 *
 * A panel names its button with `data-opener` (the button's id); the button opens it with `popovertarget`, or the
 * panel is shown with `open()` (the jump-to-date dialog, opened from the actions menu, sits against the same button).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const MARGIN = 8;
const GAP = 4;
const ITEM = '[role="menuitem"]:not(:disabled)';
const FOCUSABLE = 'input:not(:disabled), select:not(:disabled), button:not(:disabled), [href], [tabindex]:not([tabindex="-1"])';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export class MenuController implements ReactiveController {
  /** Panels whose closing should put focus back on their button (Escape, an action ran). */
  private readonly restore = new WeakSet<HTMLElement>();
  private placed: HTMLElement | null = null;

  constructor(private readonly host: Host) {
    host.addController(this);
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
    window.removeEventListener('resize', this.onResize);
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

  private panel(id: string): HTMLElement | null {
    const root = this.host.renderRoot as ShadowRoot;
    return root.getElementById?.(id) ?? null;
  }

  private opener(panel: HTMLElement): HTMLElement | null {
    const id = panel.dataset.opener;
    return id ? this.panel(id) : null;
  }

  private onToggle = (e: Event) => {
    const panel = e.target as HTMLElement;
    if (!(panel instanceof HTMLElement) || !panel.hasAttribute('popover')) return;
    const open = (e as ToggleEvent).newState === 'open';
    const opener = this.opener(panel);
    opener?.setAttribute('aria-expanded', String(open));
    if (open) {
      this.place(panel);
      this.placed = panel;
      window.addEventListener('resize', this.onResize);
      const first = panel.querySelector<HTMLElement>(panel.getAttribute('role') === 'menu' ? ITEM : FOCUSABLE);
      first?.focus();
      return;
    }
    if (this.placed === panel) {
      this.placed = null;
      window.removeEventListener('resize', this.onResize);
    }
    const root = this.host.renderRoot as ShadowRoot;
    const active = root.activeElement;
    const lost = !active && (document.activeElement === this.host || document.activeElement === document.body || document.activeElement === null);
    if ((active && panel.contains(active)) || (lost && this.restore.has(panel))) opener?.focus();
    this.restore.delete(panel);
  };

  private onResize = () => {
    if (this.placed?.matches(':popover-open')) this.place(this.placed);
  };

  /**
   * Keeps `panel` inside the viewport: anchor positioning (the styles) places it first; when it still sticks out,
   * it is placed by measure under (or above) its button, shifted sideways to fit.
   */
  private place(panel: HTMLElement): void {
    const opener = this.opener(panel);
    if (!opener) return;
    for (const p of ['position-area', 'inset-block-start', 'inset-inline-start', 'inset-block-end', 'inset-inline-end']) panel.style.removeProperty(p);
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    const box = panel.getBoundingClientRect();
    const inside = (r: DOMRect) => r.left >= 0 && r.top >= 0 && r.right <= width && r.bottom <= height;
    if (inside(box) && CSS.supports('position-area', 'bottom')) return;
    const anchor = opener.getBoundingClientRect();
    const rtl = getComputedStyle(opener).direction === 'rtl';
    const end = panel.classList.contains('fb-panel-end') !== rtl;
    let left = end ? anchor.right - box.width : anchor.left;
    left = Math.max(MARGIN, Math.min(left, width - MARGIN - box.width));
    let top = anchor.bottom + GAP;
    if (top + box.height > height - MARGIN && anchor.top - GAP - box.height >= MARGIN) top = anchor.top - GAP - box.height;
    top = Math.max(MARGIN, Math.min(top, height - MARGIN - box.height));
    panel.style.setProperty('position-area', 'none');
    panel.style.setProperty('inset-block-start', `${Math.round(top)}px`);
    panel.style.setProperty('inset-inline-start', `${Math.round(rtl ? width - left - box.width : left)}px`);
  }

  private onKeyDown = (e: KeyboardEvent) => {
    const target = e.composedPath()[0] as HTMLElement;
    const panel = target.closest?.<HTMLElement>('[popover]');
    if (!panel || e.defaultPrevented) return;
    if (e.key === 'Escape') {
      this.restore.add(panel);
      return;
    }
    if (panel.getAttribute('role') !== 'menu') return;
    const items = [...panel.querySelectorAll<HTMLElement>(ITEM)];
    const at = items.indexOf(target);
    let next = -1;
    if (e.key === 'ArrowDown') next = (at + 1) % items.length;
    else if (e.key === 'ArrowUp') next = (at - 1 + items.length) % items.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    if (next < 0 || !items.length) return;
    e.preventDefault();
    items[next].focus();
  };

  /** Tab (or a click) out of an open panel closes it. */
  private onFocusOut = (e: FocusEvent) => {
    const target = e.composedPath()[0] as HTMLElement;
    const panel = target.closest?.<HTMLElement>('[popover]');
    if (!panel || !panel.matches(':popover-open')) return;
    const next = e.relatedTarget as Node | null;
    if (!next || panel.contains(next) || next === this.opener(panel)) return;
    panel.hidePopover();
  };
}
