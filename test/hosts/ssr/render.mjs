// The server half of the server-rendering host: `@lit-labs/ssr` renders a page with <client-timeline> in Node, with
// no DOM shim, the first page of the client embedded (`client-timeline/ssr`) when given.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import '../../../lib/index.js';
import { firstPageScript, loadMessages } from '../../../lib/ssr.js';

/**
 * The whole HTML page: the element's shell (filter bar, skeleton, labels in `locale`) in declarative shadow DOM,
 * then the client script that hydrates it. `page`: the first page to embed, or none.
 */
export async function renderPage({ clientId, src, adapter, locale, page, client = '/test/hosts/ssr/client.js' }) {
  await loadMessages(locale);
  const embed = page ? unsafeHTML(firstPageScript(clientId, page)) : '';
  const body = await collectResult(
    render(
      adapter
        ? html`<client-timeline client-id=${clientId} .adapter=${adapter} locale=${locale} time-zone="UTC">${embed}</client-timeline>`
        : html`<client-timeline client-id=${clientId} src=${src} locale=${locale} time-zone="UTC" style="--ct-height: 420px">${embed}</client-timeline>`,
    ),
  );
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>client-timeline, server-rendered</title></head>
<body>
<main>${body}</main>
<script>
  // Before the client script: the nodes the server drew, to tell hydration (kept) from a second render (replaced).
  window.serverDrawn = document.querySelector('client-timeline').shadowRoot.querySelector('input[type=search]');
</script>
<script type="module" src="${client}"></script>
</body>
</html>`;
}
