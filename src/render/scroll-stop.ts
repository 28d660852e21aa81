import { ref } from 'lit/directives/ref.js';

/**
 * A tab stop, with a name, only while it scrolls: a detail (or a full title) taller than its box gets `tabindex=0` so
 * the keyboard can scroll it, and a detail also `role=region` named after its row's title. Watched as it changes
 * size (a body that arrives later, quoted text opened, a narrower element).
 */
const scrollWatch = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => entries.forEach((e) => markScrolling(e.target))) : null;
const watched = new WeakSet<Element>();

export function markScrolling(el: Element): void {
  if (!el.isConnected) {
    scrollWatch?.unobserve(el);
    watched.delete(el);
    return;
  }
  const region = el.classList.contains('detail');
  if (el.scrollHeight > el.clientHeight + 1) {
    el.setAttribute('tabindex', '0');
    if (!region) return;
    el.setAttribute('role', 'region');
    const label = el.closest('article')?.getAttribute('aria-labelledby');
    if (label) el.setAttribute('aria-labelledby', label);
  } else {
    el.removeAttribute('tabindex');
    if (region) el.removeAttribute('role');
    if (region) el.removeAttribute('aria-labelledby');
  }
}

export const whenScrolling = ref((el?: Element) => {
  if (!el || watched.has(el)) return;
  watched.add(el);
  scrollWatch?.observe(el);
});

