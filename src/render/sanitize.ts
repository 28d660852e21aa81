/**
 * HTML bodies (e.g. an email) go through DOMPurify before they reach the DOM:
 * no scripts, handlers, frames, forms or script URLs; links open in a new tab
 * without access to the host page.
 *
 * DOMPurify is only needed once a row with an HTML body is expanded, so it is
 * loaded on demand (a separate chunk of the bundle, fetched relative to it):
 * until it is there, callers get `undefined` and show the body's text instead.
 * Unsanitized markup never reaches the DOM.
 */
import type { Config, DOMPurify } from 'dompurify';

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
  FORBID_ATTR: ['style', 'srcset'],
  ALLOW_DATA_ATTR: false,
};

let purify: DOMPurify | null = null;
let loading: Promise<void> | null = null;

/** Loads and configures the sanitizer (once); a failed load is retried on the next call. */
export function loadSanitizer(): Promise<void> {
  loading ??= import('dompurify').then(
    ({ default: createDOMPurify }) => {
      const instance = createDOMPurify(window);
      instance.addHook('afterSanitizeAttributes', (node) => {
        if (node instanceof Element && node.tagName === 'A' && node.hasAttribute('href')) {
          node.setAttribute('target', '_blank');
          node.setAttribute('rel', 'noopener noreferrer');
        }
      });
      purify = instance;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** `true` once the sanitizer is loaded and `sanitizeHtml` answers synchronously. */
export function sanitizerReady(): boolean {
  return purify !== null;
}

/**
 * Safe HTML markup for an untrusted body, or `undefined` while the sanitizer
 * is still loading (the load is started by the call).
 */
export function sanitizeHtml(html: string): string | undefined {
  if (!purify) {
    loadSanitizer().catch(() => {});
    return undefined;
  }
  return purify.sanitize(html, CONFIG) as string;
}

/**
 * The text of an HTML body, for placeholders, screen-reader labels and search.
 * A parsed (never inserted) document runs no script and loads nothing, so no
 * sanitizer is needed for its text.
 */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const node of doc.querySelectorAll('script, style, template, noscript')) node.remove();
  // Blocks and line breaks separate words in the text too.
  for (const node of doc.querySelectorAll('p, div, br, li, dt, dd, tr, td, th, h1, h2, h3, h4, h5, h6, blockquote, pre, hr')) node.after(' ');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** `url` when it is an http(s) or mailto/tel link, else `undefined`. */
export function safeUrl(url: string | undefined, base = document.baseURI): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, base);
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
