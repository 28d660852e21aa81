/**
 * Property-based tests (fast-check): random event lists cut into random pages always
 * give every valid event exactly once, newest first; random hostile HTML never runs.
 */
import { expect, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import { mergeEvents } from '../../src/data/store.js';
import { parseEvents, type TimelineItem } from '../../src/model/event.js';
import { loadSanitizer, sanitizeHtml } from '../../src/render/sanitize.js';
import { articles, mount, scroller, settle } from '../support/fixture.js';
import { ScriptedAdapter } from '../support/events.js';

const TYPES = ['email.sent', 'call.logged', 'note.added', 'proposal.sent', 'mystery.type', 'x'];

/** A valid wire event; times collide often (ties are ordered by id). */
const validEvent = (id: string) =>
  fc.record({
    id: fc.constant(id),
    type: fc.constantFrom(...TYPES),
    occurredAt: fc
      .integer({ min: Date.parse('1990-01-01T00:00:00Z') / 60_000, max: Date.parse('2030-01-01T00:00:00Z') / 60_000 })
      .map((minutes) => new Date((minutes - (minutes % 7)) * 60_000).toISOString()),
    title: fc.string({ maxLength: 20 }),
    author: fc.option(fc.record({ name: fc.string({ minLength: 1, maxLength: 8 }) }), { nil: undefined }),
  });

/** Things that are not valid events. */
const invalidEvent = fc.oneof(
  fc.constant(null),
  fc.constant('event'),
  fc.integer(),
  fc.record({ id: fc.constant(''), type: fc.constant('note.added'), occurredAt: fc.constant('2026-01-01T00:00:00Z'), title: fc.constant('empty id') }),
  fc.record({ id: fc.string({ minLength: 1 }).map((s) => `bad-${s}`), type: fc.constant('note.added'), occurredAt: fc.constant('yesterday'), title: fc.constant('bad date') }),
  fc.record({ id: fc.string({ minLength: 1 }).map((s) => `bad-${s}`), type: fc.constant('note.added'), occurredAt: fc.constant('2026-01-01T00:00:00Z'), title: fc.integer() }),
);

/** A stream of raw events: unique valid ids, some re-sent later (an update), invalid ones mixed in. */
const stream = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 60 })
  .chain((ids) =>
    fc.tuple(
      fc.tuple(...ids.map((id) => validEvent(`e-${id}`))),
      fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 10 })), { maxLength: 10 }),
      fc.array(fc.tuple(fc.nat(), invalidEvent), { maxLength: 10 }),
    ),
  )
  .map(([valid, updates, invalid]) => {
    const raw: unknown[] = [...valid];
    // Updates: the same id again later in the stream, with another title.
    for (const [at, title] of updates) if (valid.length) raw.push({ ...valid[at % valid.length], title: `updated ${title}` });
    for (const [at, bad] of invalid) raw.splice(at % (raw.length + 1), 0, bad);
    return raw;
  });

/** Cut points of a stream into pages (possibly empty ones). */
const pagesOf = (raw: unknown[], cuts: number[]) => {
  const points = [...new Set(cuts.map((c) => c % (raw.length + 1)))].sort((a, b) => a - b);
  const pages: unknown[][] = [];
  let from = 0;
  for (const point of [...points, raw.length]) {
    pages.push(raw.slice(from, point));
    from = point;
  }
  return pages;
};

/** What must be shown, computed independently: the last version of each valid id, newest first, ties by id descending. */
function expected(raw: unknown[]): { id: string; title: string }[] {
  const last = new Map<string, { id: string; title: string; time: number }>();
  for (const value of raw) {
    const e = value as { id?: unknown; title?: unknown; occurredAt?: unknown };
    if (!e || typeof e !== 'object' || typeof e.id !== 'string' || !e.id || typeof e.title !== 'string') continue;
    const time = Date.parse(String(e.occurredAt));
    if (Number.isNaN(time) || !/T/.test(String(e.occurredAt))) continue;
    last.delete(e.id); // re-inserted: Map order does not matter, the sort decides
    last.set(e.id, { id: e.id, title: e.title, time });
  }
  return [...last.values()]
    .sort((a, b) => b.time - a.time || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map(({ id, title }) => ({ id, title }));
}

describe('hardening: properties', () => {
  it('pure: any events in any page split give every valid event once, in order, the latest version', () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 12 }), (raw, cuts) => {
        let items: TimelineItem[] = [];
        const ids = new Set<string>();
        let invalidCount = 0;
        for (const page of pagesOf(raw, cuts)) {
          const parsed = parseEvents(page);
          invalidCount += parsed.invalid.length;
          items = mergeEvents(items, parsed.items, ids).items;
          for (const item of parsed.items) ids.add(item.id);
        }
        const want = expected(raw);
        expect(items.map((i) => ({ id: i.id, title: i.title }))).to.deep.equal(want);
        expect(new Set(items.map((i) => i.id)).size).to.equal(items.length);
        // Everything is accounted for: shown (once per id) or reported invalid.
        const validSent = raw.length - invalidCount;
        expect(validSent).to.be.at.least(items.length);
      }),
      { numRuns: 600 },
    );
  });

  it('element: any events in any page size are loaded and rendered once each, in order', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(stream, fc.integer({ min: 1, max: 25 }), async (raw, pageSize) => {
        const el = await mount({ adapter: new ScriptedAdapter(raw), pageSize, height: 300 });
        try {
          const want = expected(raw).map((e) => e.id);
          // Walk the list down: every scroll may load the next page.
          const seen = new Map<number, string>();
          const box = scroller(el);
          for (let guard = 0; guard < 400; guard++) {
            await settle(el);
            for (const row of articles(el)) seen.set(Number(row.getAttribute('aria-posinset')), row.dataset.id!);
            const atEnd = box.scrollTop + box.clientHeight >= box.scrollHeight - 1;
            if (atEnd && el.events.length === want.length && !el.shadowRoot!.querySelector('.loader')) {
              if (seen.size >= want.length) break;
            }
            box.scrollTop += Math.max(50, box.clientHeight - 40);
            box.dispatchEvent(new Event('scroll'));
            if (atEnd) await waitUntil(() => true);
          }
          expect(el.events.map((e) => e.id)).to.deep.equal(want);
          const rendered = [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
          expect(rendered).to.deep.equal(want);
        } finally {
          el.remove();
        }
      }),
      { numRuns: 6 },
    );
  });

  describe('random HTML', () => {
    before(() => loadSanitizer());
    afterEach(() => {
      delete (window as { __fcRan?: unknown }).__fcRan;
    });

    const payload = `window.__fcRan=1`;
    const tag = fc.constantFrom(
      'p', 'div', 'a', 'img', 'script', 'svg', 'math', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'style',
      'template', 'noscript', 'textarea', 'title', 'select', 'option', 'video', 'audio', 'source', 'details', 'table',
      'td', 'mglyph', 'mtext', 'foreignObject', 'animate', 'set', 'use', 'base', 'meta', 'link', 'body', 'xmp', 'plaintext',
    );
    const attribute = fc.oneof(
      fc.constantFrom('onerror', 'onload', 'onclick', 'onfocus', 'ontoggle', 'onanimationstart', 'onbegin', 'onpointerover').map((n) => `${n}="${payload}"`),
      fc.constantFrom('href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster', 'srcdoc', 'values', 'to').map(
        (n) => fc.constantFrom(`${n}="javascript:${payload}"`, `${n}=" java&#x09;script:${payload}"`, `${n}="data:text/html,<script>${payload}</script>"`, `${n}="x"`),
      ).chain((a) => a),
      fc.constantFrom('autofocus', 'open', 'style="animation-name:x"', 'attributeName="href"', 'is="x-y"', 'id="__fc"', 'name="getElementById"'),
      fc.string({ maxLength: 6 }).map((s) => `title="${s.replace(/"/g, '')}"`),
    );
    const text = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('<!--', '-->', ']]>', '<![CDATA[', '</p>', '</style>', '</noscript>', '"', "'", '`', '&lt;', '<', '>'),
    );
    const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc
          .tuple(tag, fc.array(attribute, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 }), fc.boolean())
          .map(([t, attrs, children, close]) => `<${t}${attrs.map((a) => ` ${a}`).join('')}>${children.join('')}${close ? `</${t}>` : ''}`),
        fc.constantFrom(
          `<img src=x onerror=${payload}>`,
          `<svg><script>${payload}</script></svg>`,
          `<math><mtext><table><mglyph><style><img src=x onerror=${payload}>`,
          `<noscript><p title="</noscript><img src=x onerror=${payload}>">`,
          `<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=${payload}>`,
          `<a href="javascript:${payload}">x</a>`,
          `<svg><animate onbegin=${payload} attributeName=x dur=1s>`,
          `<details open ontoggle=${payload}>`,
        ),
      ),
    })).node;

    it('sanitized random HTML has no script, handler or script URL, and never runs once attached', async function () {
      this.timeout(60_000);
      const host = document.createElement('div');
      document.body.append(host);
      try {
        fc.assert(
          fc.property(fc.array(html, { minLength: 1, maxLength: 4 }), (parts) => {
            const safe = sanitizeHtml(parts.join(''))!;
            const box = document.createElement('div');
            box.innerHTML = safe; // detached first…
            for (const node of box.querySelectorAll('*')) {
              expect(/^(script|iframe|object|embed|form|svg|math|style|template|base|meta|link)$/i.test(node.tagName), node.tagName).to.equal(false);
              for (const attr of node.attributes) {
                expect(/^on/i.test(attr.name), attr.name).to.equal(false);
                if (attr.name !== 'data-ct-src') expect(/^\s*(javascript|data|vbscript):/i.test(attr.value), `${attr.name}=${attr.value}`).to.equal(false);
              }
            }
            host.append(box); // …then attached
          }),
          { numRuns: 400 },
        );
        // Handlers fire asynchronously (load errors, focus, toggle, animations): give them time.
        await new Promise((r) => setTimeout(r, 300));
        // (An id in the markup may clobber a global by name, e.g. `id="__fc"`: that is not script running.)
        expect(typeof (window as { __fcRan?: unknown }).__fcRan).to.equal('undefined');
        expect(host.querySelectorAll('*').length).to.be.greaterThan(100);
      } finally {
        host.remove();
      }
    });
  });
});
