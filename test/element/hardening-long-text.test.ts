/**
 * One event with a huge text (a 1 MB title, summary, subject or body) expands without laying out all of it: each
 * text shows its first 10,000 characters, and "Show all" adds the rest a step per frame. Sizes, not timings.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { articles, mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvent, NOW, ScriptedAdapter } from '../support/events.js';

const MB = 1_048_576;
const CLAMP = 20_000;
/** Room for the "… Show all 1,048,576 characters" line. */
const OVERHEAD = 100;
/** `n` characters of words, with `marker` near the start. */
const text = (n: number, marker = '') => `${marker}${'lorem ipsum dolor sit amet '.repeat(Math.ceil(n / 27))}`.slice(0, n);
const lengthOf = (node: Element | null) => node?.textContent?.length ?? -1;

describe('hardening: long text', () => {
  it('renders at most 20,000 characters of a 1 MB title, summary, subject and body, and the rest on demand', async () => {
    const el = await mount({
      adapter: new ScriptedAdapter([
        makeEvent(0, { type: 'email.received', title: text(MB, 'T '), summary: text(MB, 'S '), detail: { subject: text(MB, 'J '), body: text(MB, 'B ') } }),
        makeEvent(1),
      ]),
    });
    const [row] = await rendered(el, 2);
    row.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await waitUntil(() => shadow(el).querySelector('.detail-title') !== null, 'detail rendered', { timeout: 5000 });
    await settle(el);
    const detail = articles(el)[0].querySelector('[part="detail"]')!;
    const parts = ['.detail-title', '.detail-summary', '.facts dd', '.body'].map((selector) => detail.querySelector(selector));
    for (const [i, part] of parts.entries()) {
      expect(lengthOf(part), `part ${i}`).to.be.within(CLAMP - 100, CLAMP + OVERHEAD);
    }
    expect(lengthOf(detail)).to.be.at.most(4 * (CLAMP + OVERHEAD) + 500);
    const body = parts[3]!;
    const showAll = body.querySelector<HTMLButtonElement>('button.show-all')!;
    expect(showAll.textContent).to.equal('Show all 1,048,576 characters');
    showAll.click();
    await waitUntil(() => !body.querySelector('button.show-all'), 'the whole body shown', { timeout: 15_000 });
    expect(lengthOf(body)).to.equal(MB);
    expect(body.textContent === text(MB, 'B ')).to.equal(true);
    // The others are still clamped.
    expect(lengthOf(detail.querySelector('.detail-title'))).to.be.at.most(CLAMP + OVERHEAD);
  });

  it('says "Show all" in the element language', async () => {
    const el = await mount({ locale: 'es', adapter: new ScriptedAdapter([makeEvent(0, { type: 'note.added', detail: { body: text(MB) } })]) });
    const [row] = await rendered(el, 1);
    row.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await waitUntil(() => shadow(el).querySelector('button.show-all') !== null, 'detail rendered', { timeout: 5000 });
    expect(articles(el)[0].querySelector('button.show-all')!.textContent).to.equal(`Mostrar los ${new Intl.NumberFormat('es').format(MB)} caracteres`);
  });

  it('marks search matches in the clamped part of a huge folded title', async () => {
    const MIN = 60_000;
    const update = (i: number) =>
      makeEvent(i, {
        id: `u${i}`,
        type: 'contact.field-edited',
        occurredAt: new Date(NOW - 3_600_000 - i * MIN).toISOString(),
        title: text(MB, `zebra ${i} `),
        author: { name: 'Ana Rojas' },
        record: { id: 'r1' },
        detail: { changes: [{ field: `Field ${i}`, from: 'a', to: 'b' }] },
      });
    const el = await mount({ adapter: new ScriptedAdapter([update(0), update(1)]) });
    await rendered(el, 1);
    const input = shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = 'zebra';
    input.dispatchEvent(new Event('input'));
    await waitUntil(() => shadow(el).querySelector('mark[part="match"]') !== null, 'search applied', { timeout: 5000 });
    await settle(el);
    shadow(el).querySelector<HTMLButtonElement>('[part~="row-folded"] [part="toggle"]')!.click();
    await waitUntil(() => shadow(el).querySelector('.folded-title') !== null, 'detail rendered', { timeout: 5000 });
    await settle(el);
    const titles = [...shadow(el).querySelectorAll('[part~="row-folded"] .folded-title')];
    expect(titles.length).to.equal(2);
    for (const title of titles) expect(lengthOf(title)).to.be.at.most(CLAMP + OVERHEAD);
    for (const title of titles) expect([...title.querySelectorAll('mark[part="match"]')].map((m) => m.textContent)).to.deep.equal(['zebra']);
  });
});

describe('hardening: a huge HTML body', () => {
  it('shows first as clamped text (no markup laid out), and formatted on demand', async () => {
    const paragraphs = Array.from({ length: 15_000 }, (_, i) => `<p>Paragraph <b>${i}</b> of a very long message.</p>`).join('');
    const el = await mount({ adapter: new ScriptedAdapter([makeEvent(0, { type: 'email.received', detail: { body: paragraphs, bodyFormat: 'html' } })]) });
    const [row] = await rendered(el, 1);
    row.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await waitUntil(() => shadow(el).querySelector('button.show-formatted') !== null, 'detail rendered', { timeout: 5000 });
    const detail = articles(el)[0].querySelector('[part="detail"]')!;
    expect(detail.querySelectorAll('.body p, .body b').length, 'no markup of the body in the page yet').to.equal(0);
    expect(lengthOf(detail.querySelector('.body'))).to.be.at.most(CLAMP + OVERHEAD);
    detail.querySelector<HTMLButtonElement>('button.show-formatted')!.click();
    await waitUntil(() => detail.querySelectorAll('.body-html p').length === 15_000, 'the body formatted', { timeout: 15_000 });
  });
});
