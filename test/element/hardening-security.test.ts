/**
 * Hostile data: nothing an adapter sends runs script, leaves the element through a
 * dangerous URL, or phones home (remote images wait for "Show images").
 */
import { expect, waitUntil } from '@open-wc/testing';
import { loadSanitizer, sanitizeBody, sanitizeHtml } from '../../src/render/sanitize.js';
import { safeUrl } from '../../src/render/safe-url.js';
import { articles, mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvent, ScriptedAdapter } from '../support/events.js';

type Flagged = Window & { __pwned?: unknown };
const pwned = () => (window as Flagged).__pwned;

/** Known XSS vectors, each trying to set `window.__pwned`. */
const VECTORS = [
  `<script>window.__pwned='script'</script>`,
  `<img src=x onerror="window.__pwned='onerror'">`,
  `<svg onload="window.__pwned='svg'"><circle r=1></svg>`,
  `<svg><script>window.__pwned='svg-script'</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">`,
  `<iframe src="javascript:window.parent.__pwned='iframe'"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>`,
  `<a href="javascript:window.__pwned='href'">click</a>`,
  `<a href=" &#14; javascript:window.__pwned='href-ws'">ws</a>`,
  `<a href="JaVaScRiPt:window.__pwned='case'">case</a>`,
  `<a href="data:text/html,<script>parent.__pwned='data'</script>">data</a>`,
  `<form action="javascript:window.__pwned='form'"><button>go</button></form>`,
  `<object data="javascript:window.__pwned='object'"></object>`,
  `<embed src="javascript:window.__pwned='embed'">`,
  `<details open ontoggle="window.__pwned='toggle'">x</details>`,
  `<body onload="window.__pwned='body'">`,
  `<video><source onerror="window.__pwned='source'"></video>`,
  `<style>@import 'javascript:window.__pwned=1';</style>`,
  `<div style="background:url(javascript:window.__pwned='css')">css</div>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__pwned='noscript'>">`,
  `<template><img src=x onerror="window.__pwned='template'"></template>`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__pwned='meta'">`,
  `<base href="javascript:/">`,
  `<input autofocus onfocus="window.__pwned='focus'">`,
];

describe('hardening: security', () => {
  afterEach(() => {
    delete (window as Flagged).__pwned;
  });

  describe('URLs in the data', () => {
    it('keeps http(s) and relative URLs, resolved', () => {
      expect(safeUrl('https://crm.example.com/q/42')).to.equal('https://crm.example.com/q/42');
      expect(safeUrl('http://crm.example.com/a b')).to.equal('http://crm.example.com/a%20b');
      expect(safeUrl('/files/quote.pdf')).to.equal(new URL('/files/quote.pdf', document.baseURI).href);
      expect(safeUrl('quote.pdf', 'https://crm.example.com/files/')).to.equal('https://crm.example.com/files/quote.pdf');
      expect(safeUrl('//cdn.example.com/a.png', 'https://crm.example.com/')).to.equal('https://cdn.example.com/a.png');
    });

    it('drops every other scheme, however it is spelled', () => {
      for (const url of [
        'javascript:alert(1)',
        'JavaScript:alert(1)',
        ' \tjavascript:alert(1)',
        '\u0001javascript:alert(1)',
        'java\nscript:alert(1)',
        'vbscript:msgbox(1)',
        'data:text/html,<script>alert(1)</script>',
        'data:image/png;base64,iVBORw0KGgo=',
        'mailto:ana@example.com',
        'tel:+50622223333',
        'file:///etc/passwd',
        'blob:https://example.com/uuid',
        'ftp://example.com/x',
      ]) {
        expect(safeUrl(url), url).to.equal(undefined);
      }
      expect(safeUrl('')).to.equal(undefined);
      expect(safeUrl(undefined)).to.equal(undefined);
      expect(safeUrl('http://[not a host')).to.equal(undefined);
    });

    it('renders avatars, attachments, recordings and record links only for http(s) and relative URLs', async () => {
      const bad = 'javascript:window.__pwned=1';
      const el = await mount({
        adapter: new ScriptedAdapter([
          makeEvent(0, {
            author: { name: 'Ana Rojas', avatarUrl: bad },
            detail: {
              recordingUrl: 'data:audio/wav;base64,UklGRg==',
              url: 'mailto:ana@example.com',
              attachments: [
                { name: 'evil.html', url: bad },
                { name: 'phone.txt', url: 'tel:+50622223333' },
                { name: 'quote.pdf', url: '/files/quote.pdf' },
              ],
            },
          }),
          makeEvent(1, {
            author: { name: 'Diego Mora', avatarUrl: '/api/avatars/diego.svg' },
            detail: { recordingUrl: 'https://media.example.com/call.wav', url: 'https://crm.example.com/quotes/42', urlLabel: 'Open quote' },
          }),
        ]),
      });
      const [hostile, fine] = await rendered(el, 2);
      expect(hostile.querySelector('img.avatar')).to.equal(null);
      expect(hostile.querySelector('[part="avatar"]')!.textContent).to.equal('AR');
      expect(fine.querySelector<HTMLImageElement>('img.avatar')!.getAttribute('src')).to.equal(new URL('/api/avatars/diego.svg', document.baseURI).href);
      hostile.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      fine.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await settle(el);
      const [a, b] = articles(el);
      const hrefs = [...a.querySelectorAll('a')].map((link) => link.getAttribute('href'));
      expect(hrefs).to.deep.equal([new URL('/files/quote.pdf', document.baseURI).href]);
      expect(a.querySelector('audio')).to.equal(null);
      expect(a.querySelector('[part="open-link"]')).to.equal(null);
      expect(a.querySelector('[part="attachments"]')!.textContent).to.contain('evil.html');
      expect(a.querySelector('.play-recording') === null).to.equal(true);
      // A fine recording waits behind its button: no player, no URL in the DOM, until it is pressed.
      expect(b.querySelector('audio') === null).to.equal(true);
      expect(b.querySelector('.play-recording')!.textContent).to.equal('Play recording');
      b.querySelector<HTMLButtonElement>('.play-recording')!.click();
      await settle(el);
      expect(articles(el)[1].querySelector('audio')!.getAttribute('src')).to.equal('https://media.example.com/call.wav');
      const open = b.querySelector<HTMLAnchorElement>('[part="open-link"]')!;
      expect(open.href).to.equal('https://crm.example.com/quotes/42');
      expect(open.rel).to.equal('noopener noreferrer');
      expect(shadow(el).querySelector('[href^="javascript" i], [src^="javascript" i], [href^="data:" i], [src^="data:" i]')).to.equal(null);
      expect(pwned()).to.equal(undefined);
    });
  });

  describe('recordings (third-party media)', () => {
    /** The server's other name: a request to it is cross-origin, like one to a real third party. */
    const otherHost = () => `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
    const hits = async (name: string) => ((await (await fetch(`/media-probe-count/${name}`, { cache: 'no-store' })).json()) as { hits: number }).hits;

    it('fetches nothing from the recording host until the user presses "Play recording"', async () => {
      const name = `call-${Date.now()}.wav`;
      const el = await mount({
        adapter: new ScriptedAdapter([makeEvent(0, { type: 'call.recording', detail: { durationSeconds: 60, recordingUrl: `${otherHost()}/media-probe/${name}` } })]),
      });
      const [row] = await rendered(el, 1);
      row.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await waitUntil(() => shadow(el).querySelector('[part="detail"] .facts') !== null, 'detail rendered', { timeout: 5000 });
      await settle(el);
      await new Promise((r) => setTimeout(r, 1000));
      expect(await hits(name), 'requests before play').to.equal(0);
      const play = articles(el)[0].querySelector<HTMLButtonElement>('.play-recording')!;
      expect(play.textContent).to.equal('Play recording');
      play.focus();
      play.click();
      await settle(el);
      const audio = articles(el)[0].querySelector<HTMLAudioElement>('audio')!;
      expect(audio.getAttribute('src')).to.equal(`${otherHost()}/media-probe/${name}`);
      expect(audio.controls).to.equal(true);
      expect(audio.getAttribute('aria-label')).to.equal('Recording');
      expect(shadow(el).activeElement === audio, 'focus moves to the player').to.equal(true);
      await waitUntil(async () => (await hits(name)) > 0, 'the recording is fetched once asked for', { timeout: 5000 });
    });
  });

  describe('HTML bodies', () => {
    before(() => loadSanitizer());

    it('removes every known script vector; nothing runs once inserted', async () => {
      const host = document.createElement('div');
      document.body.append(host);
      try {
        for (const vector of VECTORS) {
          const safe = sanitizeHtml(`<p>before</p>${vector}<p>after</p>`)!;
          const box = document.createElement('div');
          box.innerHTML = safe;
          host.append(box);
          // Booleans, not nodes: a failing assertion must not have to serialize hostile DOM.
          expect(box.querySelector('script, iframe, object, embed, form, input, svg, math, style, meta, base, template, video, source') === null, vector).to.equal(true);
          for (const node of box.querySelectorAll('*')) {
            for (const attr of node.attributes) {
              expect(attr.name.startsWith('on'), `${vector}: ${attr.name}`).to.equal(false);
              expect(attr.name, vector).not.to.equal('style');
              expect(/^\s*(javascript|data|vbscript):/i.test(attr.value) && attr.name !== 'data-ct-src', `${vector}: ${attr.name}=${attr.value}`).to.equal(false);
            }
          }
        }
        // Give event handlers, autofocus and error events their chance to run.
        await new Promise((r) => setTimeout(r, 100));
        expect(pwned()).to.equal(undefined);
      } finally {
        host.remove();
      }
    });

    it('opens links in a new tab without access to the page, and keeps only http(s) and relative links', () => {
      const safe = sanitizeHtml(
        `<a href="https://example.com/a">a</a><a href="/relative">r</a><a href="mailto:x@example.com">m</a><a href="tel:123">t</a><a href="ftp://example.com">f</a>`,
      )!;
      const box = document.createElement('div');
      box.innerHTML = safe;
      const links = [...box.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/a', '/relative', null, null, null]);
      for (const a of links.filter((link) => link.hasAttribute('href'))) {
        expect(a.target).to.equal('_blank');
        expect(a.rel).to.equal('noopener noreferrer');
      }
    });

    it('does not load remote images until asked; inline raster images stay', () => {
      const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
      const source = `<p>Hi</p><img src="https://tracker.example.com/open.gif?u=42" width="1" height="1"><img src="/logo.png" alt="Logo"><img src="${png}" alt="dot"><img src="data:image/svg+xml,<svg onload=alert(1)>">`;
      const blocked = sanitizeBody(source)!;
      expect(blocked.remoteImages).to.equal(2);
      // Parsed into an inert document: checking the markup loads nothing either.
      const parse = (markup: string) => new DOMParser().parseFromString(markup, 'text/html');
      const imgs = [...parse(blocked.html).querySelectorAll('img')];
      expect(imgs.map((img) => img.getAttribute('src'))).to.deep.equal([null, null, png, null]);
      expect(imgs.map((img) => img.getAttribute('data-ct-src'))).to.deep.equal(['https://tracker.example.com/open.gif?u=42', '/logo.png', null, null]);
      const shown = sanitizeBody(source, { images: true })!;
      const box = parse(shown.html);
      expect([...box.querySelectorAll('img')].map((img) => img.getAttribute('src'))).to.deep.equal(['https://tracker.example.com/open.gif?u=42', '/logo.png', png, null]);
      expect(box.querySelector('img')!.getAttribute('referrerpolicy')).to.equal('no-referrer');
    });

    it('shows "Show images" per event, and fetches an image only after it is pressed', async () => {
      // The test page loads hundreds of modules: make room in the resource timing buffer.
      performance.setResourceTimingBufferSize(100_000);
      const pixel = `/api/avatars/pixel-${Date.now()}.svg`;
      const other = `/api/avatars/other-${Date.now()}.svg`;
      const requested = (path: string) => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(path));
      const el = await mount({
        adapter: new ScriptedAdapter([
          makeEvent(0, { detail: { bodyFormat: 'html', body: `<p>Quote attached</p><img src="${pixel}" alt="Open tracker">` } }),
          makeEvent(1, { detail: { bodyFormat: 'html', body: `<p>Second</p><img src="${other}" alt="Other">` } }),
        ]),
      });
      const rows = await rendered(el, 2);
      rows[0].querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      rows[1].querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await waitUntil(() => articles(el).every((row) => row.querySelector('.body-html')), 'sanitized bodies', { timeout: 5000 });
      await settle(el);
      const [first, second] = articles(el);
      expect(first.querySelector('.body-html img')!.getAttribute('src')).to.equal(null);
      expect(first.querySelector('.body-html img')!.getAttribute('data-ct-src')).to.equal(pixel);
      const note = first.querySelector('[part="images-blocked"]')!;
      expect(note.textContent).to.contain('1 remote image was not loaded');
      await new Promise((r) => setTimeout(r, 200));
      expect(requested(pixel)).to.equal(false);

      note.querySelector<HTMLButtonElement>('[part="show-images"]')!.click();
      await settle(el);
      const img = articles(el)[0].querySelector<HTMLImageElement>('.body-html img')!;
      expect(img.getAttribute('src')).to.equal(pixel);
      expect(articles(el)[0].querySelector('[part="images-blocked"]')).to.equal(null);
      await waitUntil(() => img.complete && img.naturalWidth > 0, 'the image is fetched once shown', { timeout: 5000 });
      expect(requested(pixel)).to.equal(true);
      // The other event's images still wait.
      expect(second.querySelector('.body-html img')!.getAttribute('src')).to.equal(null);
      expect(second.querySelector('[part="images-blocked"]')).to.exist;
      expect(requested(other)).to.equal(false);
    });

    it('renders hostile bodies inside the element without running anything', async () => {
      const el = await mount({
        adapter: new ScriptedAdapter(VECTORS.map((vector, i) => makeEvent(i, { detail: { bodyFormat: 'html', body: `<p>Body ${i}</p>${vector}` } }))),
        height: 2000,
      });
      await rendered(el, 5);
      for (const row of articles(el)) row.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await settle(el);
      await waitUntil(() => articles(el).filter((row) => row.querySelector('.body-html')).length >= 5, 'sanitized bodies', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 100));
      expect(shadow(el).querySelector('.body-html :is(script, iframe, object, embed, form, input, svg, math, style, template)') === null).to.equal(true);
      expect(pwned()).to.equal(undefined);
    });
  });
});
