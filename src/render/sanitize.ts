/**
 * HTML bodies (e.g. an email) go through DOMPurify before they reach the DOM:
 * no scripts, handlers, frames, forms or script URLs; links open in a new tab
 * without access to the host page.
 */
import DOMPurify from 'dompurify';

const purify = DOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof Element && node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math'],
  FORBID_ATTR: ['style', 'srcset'],
  ALLOW_DATA_ATTR: false,
};

/** Safe HTML markup for an untrusted body. */
export function sanitizeHtml(html: string): string {
  return purify.sanitize(html, CONFIG) as string;
}

/** The text of an HTML body, for screen-reader labels and search. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(sanitizeHtml(html), 'text/html');
  return doc.body.textContent ?? '';
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
