import { expect, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { buildRows } from '../../src/data/rows.js';
import { Formatters } from '../../src/i18n/format.js';
import { en } from '../../src/i18n/messages.js';
import { parseEvents } from '../../src/model/event.js';
import type { RenderContext } from '../../src/render/context.js';
import { renderRow } from '../../src/render/row.js';
import { htmlText } from '../../src/data/filter.js';
import { loadSanitizer, sanitizeHtml, sanitizerReady } from '../../src/render/sanitize.js';
import { articles, mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvent, ScriptedAdapter } from '../support/events.js';

// Each test file runs in a fresh page: the sanitizer chunk has not been loaded yet when this file starts.
const HOSTILE = `<p>Hello <b>there</b></p><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><a href="javascript:window.__pwned=3">x</a>`;

describe('the lazily loaded detail renderers', () => {
  it('show a busy placeholder until their chunk arrives, then render the detail', async () => {
    // No element has rendered rows in this page yet, so nothing has fetched the chunk.
    let refreshed = 0;
    const fmt = new Formatters('en-US');
    const ctx: RenderContext = {
      headingLevel: 3,
      fmt,
      msg: en,
      now: Date.now(),
      setSize: -1,
      isExpanded: () => true,
      toggle: () => {},
      open: () => true,
      rowBefore: () => undefined,
      refresh: () => refreshed++,
      highlight: (t) => t,
      failed: (_item, error) => {
        throw error;
      },
    };
    const { items } = parseEvents([makeEvent(0, { type: 'email.sent', detail: { subject: 'Annual plan', body: 'See attached.' } })]);
    const [row] = buildRows(items, (t) => fmt.dayKey(t));
    const host = document.createElement('div');
    render(renderRow(row, 0, ctx), host);
    const placeholder = host.querySelector('[part="detail"]')!;
    expect(placeholder.getAttribute('aria-busy')).to.equal('true');
    expect(placeholder.textContent!.trim()).to.equal('');
    await waitUntil(() => refreshed > 0, 'the element asked to render again', { timeout: 5000 });
    render(renderRow(row, 0, ctx), host);
    const detail = host.querySelector('[part="detail"]')!;
    expect(detail.getAttribute('aria-busy')).to.equal(null);
    expect(detail.textContent).to.contain('Annual plan');
    expect(detail.textContent).to.contain('See attached.');
  });
});

describe('the lazily loaded HTML sanitizer', () => {
  it('shows an HTML body as text until the sanitizer is loaded, then as sanitized markup', async () => {
    expect(sanitizerReady()).to.equal(false);
    const el = await mount({ adapter: new ScriptedAdapter([makeEvent(0, { detail: { body: HOSTILE, bodyFormat: 'html' } })]) });
    const [row] = await rendered(el, 1);
    row.querySelector('button')!.click();
    await waitUntil(() => articles(el)[0]?.querySelector('.body'), 'the body rendered');
    const placeholder = articles(el)[0].querySelector('.body')!;
    if (!sanitizerReady()) {
      // Before the chunk arrives: the text only, busy, and no element from the body.
      expect(placeholder.classList.contains('body-text')).to.equal(true);
      expect(placeholder.getAttribute('aria-busy')).to.equal('true');
      expect(placeholder.textContent).to.equal('Hello there x');
      expect(placeholder.children.length).to.equal(0);
    }
    await waitUntil(() => articles(el)[0]?.querySelector('.body-html b'), 'sanitized body rendered', { timeout: 5000 });
    await settle(el);
    await new Promise((r) => setTimeout(r, 50));
    const body = articles(el)[0].querySelector('.body-html')!;
    expect(body.querySelector('p')!.textContent).to.equal('Hello there');
    expect(body.getAttribute('aria-busy')).to.equal(null);
    expect(shadow(el).querySelector('script, [onerror], a[href^="javascript"]')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(sanitizerReady()).to.equal(true);
  });

  it('answers synchronously once loaded', async () => {
    await loadSanitizer();
    const safe = sanitizeHtml('<a href="https://example.com">x</a><script>1</script>');
    expect(safe).to.equal('<a href="https://example.com" target="_blank" rel="noopener noreferrer">x</a>');
  });

  it('extracts the text of a body without running or loading anything', async () => {
    expect(htmlText(`<style>p{}</style><p>One</p>\n<p>two <img src=x onerror="window.__pwned=4"></p><script>window.__pwned=5</script>`)).to.equal('One two');
    await new Promise((r) => setTimeout(r, 50));
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
