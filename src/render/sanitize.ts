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
import type { Config } from 'dompurify';
import { lazy } from '../lazy.js';

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math',
    // Media that would load (or preload) a remote resource on insertion.
    'audio', 'video', 'source', 'track', 'picture',
    // Inert markup that a later script could bring to life: no reason to be in a body.
    'template', 'noscript',
  ],
  FORBID_ATTR: ['style', 'srcset', 'background', 'poster', 'ping'],
  ALLOW_DATA_ATTR: false,
  // DOMPurify's own URL test narrowed to http(s) and relative URLs: no mailto:, tel:, javascript:, data: links.
  ALLOWED_URI_REGEXP: /^(?:https?:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

/** Inline raster images carry no request: kept. Any other `data:` URL is dropped. */
const INLINE_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp);/i;

/** What the hooks of the sanitize call in progress need and report. */
const pass = { images: false, remote: 0 };

/** An HTML body made safe: the markup, and how many remote images it has (blocked unless asked for). */
export interface SanitizedBody {
  html: string;
  /** Remote images in the body: without `images: true` their `src` is moved to `data-ct-src` and nothing loads. */
  remoteImages: number;
}

/** DOMPurify, configured: a chunk of its own, fetched on first use. */
const sanitizer = lazy(() =>
  import('dompurify').then(({ default: createDOMPurify }) => {
      const instance = createDOMPurify(window);
      instance.addHook('afterSanitizeAttributes', (node) => {
        if (node instanceof Element && node.tagName === 'A' && node.hasAttribute('href')) {
          node.setAttribute('target', '_blank');
          node.setAttribute('rel', 'noopener noreferrer');
        }
        if (node instanceof Element && node.tagName === 'IMG') {
          // Remote images (tracking pixels) load only when the user asks, as in mail clients.
          const src = node.getAttribute('src')?.trim();
          if (!src) return;
          if (/^data:/i.test(src)) {
            if (!INLINE_IMAGE.test(src)) node.removeAttribute('src');
            return;
          }
          pass.remote++;
          node.setAttribute('referrerpolicy', 'no-referrer');
          if (!pass.images) {
            node.setAttribute('data-ct-src', src);
            node.removeAttribute('src');
          }
        }
      });
    return instance;
  }),
);

/** Loads and configures the sanitizer (once); a failed load is retried on the next call. */
export function loadSanitizer(): Promise<void> {
  return sanitizer.load().then(() => undefined);
}

/** `true` once the sanitizer is loaded and `sanitizeHtml` answers synchronously. */
export function sanitizerReady(): boolean {
  return sanitizer.value !== null;
}

/**
 * Safe HTML markup for an untrusted body, or `undefined` while the sanitizer
 * is still loading (the load is started by the call).
 */
export function sanitizeHtml(html: string, options: { images?: boolean } = {}): string | undefined {
  return sanitizeBody(html, options)?.html;
}

/**
 * Like `sanitizeHtml`, and says how many remote images the body has. Their `src` is kept
 * only with `images: true`; otherwise it moves to `data-ct-src` and nothing is fetched.
 */
export function sanitizeBody(html: string, options: { images?: boolean } = {}): SanitizedBody | undefined {
  const purify = sanitizer.value;
  if (!purify) {
    loadSanitizer().catch(() => {});
    return undefined;
  }
  pass.images = options.images === true;
  pass.remote = 0;
  const safe = purify.sanitize(html, CONFIG) as string;
  return { html: safe, remoteImages: pass.remote };
}
