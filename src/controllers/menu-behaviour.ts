/**
 * What the popover panels do beyond what the platform does (see `menus.ts`), in the panels' chunk: no panel opens
 * before it is there.
 *
 * - a measured placement when a panel still sticks out of the viewport (no anchor positioning, or no side fits);
 * - focus: into the panel when it opens, back to its button when Escape closed it (or when it was lost);
 *   Tab out of a panel closes it;
 * - the menu pattern in menus (`role="menu"`): Arrow keys, Home and End move between the items;
 * - `aria-expanded` on the button.
 */
const MARGIN = 8;
const GAP = 4;
const ITEM = '[role="menuitem"]:not(:disabled)';
const FOCUSABLE = 'input:not(:disabled), select:not(:disabled), button:not(:disabled), [href], [tabindex]:not([tabindex="-1"])';

export interface MenuHost {
  host: HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
  /** The button of `panel` (its `data-opener`). */
  opener(panel: HTMLElement): HTMLElement | null;
}

export class MenuBehaviour {
  /** Panels whose closing should put focus back on their button (Escape). */
  private readonly restore = new WeakSet<HTMLElement>();
  private placed: HTMLElement | null = null;

  constructor(private readonly menus: MenuHost) {}

  /** The element went away: nothing is placed any more. */
  disconnected(): void {
    this.placed = null;
    window.removeEventListener('resize', this.onResize);
  }

  readonly onToggle = (e: Event) => {
    const panel = e.target as HTMLElement;
    if (!(panel instanceof HTMLElement) || !panel.hasAttribute('popover')) return;
    const open = (e as ToggleEvent).newState === 'open';
    const opener = this.menus.opener(panel);
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
    const { host } = this.menus;
    const active = (host.renderRoot as ShadowRoot).activeElement;
    const lost = !active && (document.activeElement === host || document.activeElement === document.body || document.activeElement === null);
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
    const opener = this.menus.opener(panel);
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

  readonly onKeyDown = (e: KeyboardEvent) => {
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
  readonly onFocusOut = (e: FocusEvent) => {
    const target = e.composedPath()[0] as HTMLElement;
    const panel = target.closest?.<HTMLElement>('[popover]');
    if (!panel || !panel.matches(':popover-open')) return;
    const next = e.relatedTarget as Node | null;
    if (!next || panel.contains(next) || next === this.menus.opener(panel)) return;
    panel.hidePopover();
  };
}
