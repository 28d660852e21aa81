/**
 * Server rendering: what a server that renders `<client-timeline>` (with `@lit-labs/ssr`, or any framework's SSR)
 * uses to give the element its first page, so that the client shows it without fetching it again. Safe to import
 * in Node, a worker or a browser: no DOM, no Lit.
 *
 * ```js
 * import { firstPageScript, loadMessages } from 'client-timeline/ssr';
 * await loadMessages('es'); // the labels of the shell in that language
 * const page = await fetchFirstPage(clientId); // what the `src` endpoint answers: { events, nextCursor, … }
 * html`<client-timeline client-id=${clientId} src="/api/timeline" locale="es">${unsafeHTML(firstPageScript(clientId, page))}</client-timeline>`;
 * ```
 */
import type { PageResult } from './data/adapter.js';

export { loadMessages } from './i18n/messages.js';

/** Characters that could end the script element or a JavaScript string early, escaped in the JSON. */
const UNSAFE: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * The first page of `clientId` as a `<script type="application/json" data-first-page>` to put inside the element
 * (its light DOM). The element answers its first request for that client (no cursor, no seek) with it, validated like
 * any page, instead of fetching it; every later page comes from the source. The JSON is escaped so that no text of an
 * event can close the script element: it is data, never run.
 */
export function firstPageScript(clientId: string, page: PageResult): string {
  const json = JSON.stringify({ clientId, page }).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE[c]);
  return `<script type="application/json" data-first-page>${json}</script>`;
}
