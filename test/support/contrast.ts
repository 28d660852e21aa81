/**
 * WCAG contrast from computed styles: colours as the browser resolved them,
 * backgrounds composited up the (shadow-including) ancestor chain.
 */
export type RGBA = [r: number, g: number, b: number, a: number];

/** Parses a computed colour: `rgb()`, `rgba()` or `color(srgb …)` (what Chromium gives for color-mix). */
export function parseColor(value: string): RGBA {
  const text = value.trim();
  let m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text);
  if (m) return [+m[1], +m[2], +m[3], alpha(m[4])];
  m = /^color\(srgb\s+([-\d.e]+)\s+([-\d.e]+)\s+([-\d.e]+)(?:\s*\/\s*([\d.]+%?))?\s*\)$/.exec(text);
  if (m) return [+m[1] * 255, +m[2] * 255, +m[3] * 255, alpha(m[4])];
  if (text === 'transparent') return [0, 0, 0, 0];
  throw new Error(`cannot parse colour "${value}"`);
}

function alpha(text: string | undefined): number {
  if (text === undefined) return 1;
  return text.endsWith('%') ? parseFloat(text) / 100 : parseFloat(text);
}

/** `top` painted over the opaque colour `bottom`. */
export function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}

function luminance([r, g, b]: RGBA): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The opaque colour behind `el`: its own and its ancestors' backgrounds, composited (white under everything). */
export function backgroundOf(el: Element): RGBA {
  const layers: RGBA[] = [];
  for (let node: Element | null = el; node; node = parentOf(node)) {
    const color = parseColor(getComputedStyle(node).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] >= 1) break;
  }
  return layers.reduceRight<RGBA>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

/** The text colour of `el` as painted over its background. */
export function foregroundOf(el: Element, property: 'color' | 'outlineColor' = 'color'): RGBA {
  return over(parseColor(getComputedStyle(el)[property]), backgroundOf(el));
}

export const ratio = (el: Element, property: 'color' | 'outlineColor' = 'color') => contrast(foregroundOf(el, property), backgroundOf(el));

function visible(el: Element): boolean {
  if (el.closest('.sr-only')) return false;
  const rect = el.getBoundingClientRect();
  if (rect.width < 2 || rect.height < 2) return false;
  for (let node: Element | null = el; node; node = parentOf(node)) {
    const style = getComputedStyle(node);
    if (style.visibility === 'hidden' || style.display === 'none' || style.opacity === '0') return false;
  }
  return true;
}

export interface Failure {
  what: string;
  text: string;
  ratio: number;
  needed: number;
  fg: string;
  bg: string;
}

const hex = (c: RGBA) => `#${c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

function describe(el: Element): string {
  const part = el.getAttribute('part');
  return `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}${part ? `[part=${part}]` : ''}`;
}

/**
 * Every visible piece of text in `root` (4.5:1, or 3:1 when large) and every
 * icon glyph (3:1, WCAG 1.4.11) measured against what is behind it.
 */
export function contrastFailures(root: ShadowRoot | Element): Failure[] {
  const failures: Failure[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el instanceof SVGElement && el.localName !== 'svg') continue;
    const isIcon = el.localName === 'svg';
    const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!isIcon && !hasText) continue;
    if ((el as HTMLElement).closest('[disabled], :disabled')) continue;
    if (!visible(el)) continue;
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const needed = isIcon ? 3 : size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const fg = foregroundOf(el);
    const bg = backgroundOf(el);
    const value = contrast(fg, bg);
    if (value < needed - 0.005) {
      failures.push({ what: describe(el), text: (el.textContent ?? '').trim().slice(0, 40), ratio: Math.round(value * 100) / 100, needed, fg: hex(fg), bg: hex(bg) });
    }
  }
  return failures;
}
