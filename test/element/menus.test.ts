import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvents, ScriptedAdapter } from '../support/events.js';

/** Authors with long names, so that a clipped panel shows. */
const LONG_NAMES = ['Karina Solís Villalobos', 'Tom Harborough-Smythe', 'María José Fernández de Córdoba', 'Ana Rojas'];

function events() {
  return makeEvents(30).map((e, i) => ({ ...e, author: { name: LONG_NAMES[i % LONG_NAMES.length] } }));
}

async function mountAt(width: number, height: number, locale: string): Promise<ClientTimeline> {
  await setViewport({ width, height });
  const el = await mount({ adapter: new ScriptedAdapter(events()), locale, height: Math.min(500, height - 40) });
  el.style.width = '100%';
  await rendered(el, 3);
  return el;
}

/** The button that opens `part`'s panel (the summary of a `details` menu, in older markup). */
function trigger(el: ClientTimeline, part: string): HTMLElement {
  const found = shadow(el).querySelector<HTMLElement>(`[part~="${part}"]`)!;
  return found.matches('details') ? found.querySelector('summary')! : found;
}

/** The panel that is open: a popover, or the panel of an open `details`. */
function openPanel(el: ClientTimeline): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(':popover-open') ?? shadow(el).querySelector<HTMLElement>('details[open] .fb-panel');
}

/** Fails when `panel` sticks out of the viewport, or when any of its items is hidden by something over or around it. */
function expectFullyShown(el: ClientTimeline, panel: HTMLElement, what: string): void {
  const box = panel.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const height = document.documentElement.clientHeight;
  expect(box.width, `${what}: has a size`).to.be.above(0);
  expect(box.left, `${what}: left edge`).to.be.at.least(0);
  expect(box.top, `${what}: top edge`).to.be.at.least(0);
  expect(box.right, `${what}: right edge inside ${width}`).to.be.at.most(width);
  expect(box.bottom, `${what}: bottom edge inside ${height}`).to.be.at.most(height);
  const items = [...panel.querySelectorAll<HTMLElement>('label, button, input')];
  expect(items.length, `${what}: has items`).to.be.above(0);
  for (const item of items) {
    const r = item.getBoundingClientRect();
    // The item is what is drawn at its own corners: nothing (an ancestor's clip, the list) covers it.
    for (const [x, y] of [
      [r.left + 2, r.top + r.height / 2],
      [r.right - 2, r.top + r.height / 2],
    ]) {
      const hit = shadow(el).elementFromPoint(x, y);
      expect(hit && (item.contains(hit) || hit.contains(item) || panel.contains(hit)), `${what}: "${item.textContent?.trim() || item.localName}" is visible at ${Math.round(x)},${Math.round(y)}`).to.equal(true);
    }
    if (item.localName === 'label') expect(item.scrollWidth, `${what}: "${item.textContent?.trim()}" is not cut`).to.be.at.most(item.clientWidth + 1);
  }
}

async function open(el: ClientTimeline, part: string): Promise<HTMLElement> {
  trigger(el, part).click();
  await settle(el);
  const panel = openPanel(el);
  expect(panel, `${part} opened`).to.exist;
  return panel!;
}

describe('menus: panels in the top layer, inside the viewport, Escape returns focus', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const [width, height] of [
    [1280, 800],
    [320, 640],
  ]) {
    for (const locale of ['en-US', 'es-CR']) {
      it(`at ${width}×${height} in ${locale}, People, More actions and Jump to date lie fully inside the viewport`, async () => {
        const el = await mountAt(width, height, locale);
        const people = await open(el, 'people');
        expectFullyShown(el, people, 'People');
        await sendKeys({ press: 'Escape' });
        await settle(el);
        expect(openPanel(el) === null, 'Escape closes People').to.equal(true);

        const actions = await open(el, 'actions');
        expectFullyShown(el, actions, 'More actions');
        // Jump to date: its own dialog, opened from the menu (before, a form inside the menu).
        const item = [...actions.querySelectorAll<HTMLElement>('[role="menuitem"]')][0];
        if (item) {
          item.click();
          await settle(el);
        }
        const jump = openPanel(el)!;
        expect(jump.querySelector('input[type="date"]'), 'the jump dialog holds the date').to.exist;
        expectFullyShown(el, jump, 'Jump to date');
        const words = [...jump.querySelector('label')!.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
        const range = document.createRange();
        range.selectNodeContents(words);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        expect(lines.size, `"${words.textContent!.trim()}" on one line`).to.equal(1);
      });
    }
  }

  it('at 320 px the categories fold behind "Categories: 3 of 11", whose panel lies inside the viewport', async () => {
    const el = await mountAt(320, 640, 'en-US');
    el.types = ['email', 'call', 'note'];
    await settle(el);
    const button = shadow(el).querySelector<HTMLElement>('[part~="categories-button"]');
    expect(button?.checkVisibility(), 'the categories button is shown').to.equal(true);
    expect(button!.textContent!.trim()).to.equal('Categories: 3 of 11');
    const strip = shadow(el).querySelector<HTMLElement>('[part~="categories"]')!;
    expect(strip.checkVisibility(), 'the strip is folded').to.equal(false);
    const panel = await open(el, 'categories-button');
    expect(panel === strip, 'the strip is the panel').to.equal(true);
    expectFullyShown(el, panel, 'Categories');
  });

  it('at 820 px no category hides off to the side: the strip wraps', async () => {
    const el = await mountAt(820, 700, 'en-US');
    const bar = shadow(el).querySelector<HTMLElement>('[part~="filter-bar"]')!.getBoundingClientRect();
    const cats = [...shadow(el).querySelectorAll<HTMLElement>('[part~="category"]')];
    expect(cats.length).to.equal(11);
    for (const cat of cats) {
      const r = cat.getBoundingClientRect();
      expect(r.right, `${cat.textContent!.trim()} is inside the bar`).to.be.at.most(bar.right);
      const hit = shadow(el).elementFromPoint(r.right - 3, r.top + r.height / 2);
      expect(hit && cat.contains(hit), `${cat.textContent!.trim()} is visible`).to.equal(true);
    }
  });

  for (const width of [320, 375, 600, 1280]) {
    it(`at ${width} px every control of the filter bar is inside the element, on top, and none overlaps another`, async () => {
      const el = await mountAt(width, 700, 'es-CR');
      el.q = 'llamada';
      el.authors = ['Ana Rojas'];
      await settle(el);
      const host = el.getBoundingClientRect();
      const controls = [...shadow(el).querySelectorAll<HTMLElement>('[part~="filter-bar"] :is(button, input, select)')].filter(
        (c) => c.checkVisibility() && !c.closest('[popover]:not(.fb-cats)'),
      );
      expect(controls.length).to.be.above(5);
      const boxes = controls.map((c) => ({ c, r: (c.closest('label') ?? c).getBoundingClientRect() }));
      for (const { c, r } of boxes) {
        const name = c.getAttribute('aria-label') ?? c.textContent!.trim() ?? c.localName;
        expect(r.left, `${name}: left`).to.be.at.least(host.left);
        expect(r.right, `${name}: right`).to.be.at.most(host.right + 0.5);
        const hit = shadow(el).elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        expect(!!hit && (c.contains(hit) || !!c.closest('label')?.contains(hit)), `${name} is reachable`).to.equal(true);
      }
      // Two controls never cover each other (a control and its own label's box aside).
      const outer = boxes;
      for (let i = 0; i < outer.length; i++) {
        for (let j = i + 1; j < outer.length; j++) {
          const a = outer[i].r;
          const b = outer[j].r;
          if (outer[i].c.closest('label') && outer[i].c.closest('label') === outer[j].c.closest('label')) continue;
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
          expect(overlap, `${outer[i].c.textContent!.trim() || outer[i].c.localName} overlaps ${outer[j].c.textContent!.trim() || outer[j].c.localName}`).to.equal(false);
        }
      }
    });
  }

  it('the custom dates lie inside the element at 320 px', async () => {
    const el = await mountAt(320, 640, 'es-CR');
    const select = shadow(el).querySelector<HTMLSelectElement>('[part~="date-range"]')!;
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    const host = el.getBoundingClientRect();
    for (const input of shadow(el).querySelectorAll<HTMLElement>('[part~="custom-dates"] input')) {
      const r = input.getBoundingClientRect();
      expect(r.left).to.be.at.least(host.left);
      expect(r.right, 'date input inside the element').to.be.at.most(host.right);
    }
  });

  it('Escape in a panel closes it and puts focus back on its button; Tab out of it closes it', async () => {
    const el = await mountAt(1280, 800, 'en-US');
    for (const part of ['people', 'actions']) {
      const panel = await open(el, part);
      expect(panel.contains(shadow(el).activeElement), `focus moved into ${part}`).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(openPanel(el) === null, `${part} closed`).to.equal(true);
      expect(shadow(el).activeElement === trigger(el, part), `focus back on the ${part} button`).to.equal(true);
    }
    const people = await open(el, 'people');
    const boxes = people.querySelectorAll('input');
    (boxes[boxes.length - 1] as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(people.matches(':popover-open'), 'Tab out closes People').to.equal(false);
  });

  it('clicking outside closes a panel', async () => {
    const el = await mountAt(1280, 800, 'en-US');
    await open(el, 'people');
    const outside = document.createElement('p');
    outside.textContent = 'page';
    document.body.append(outside);
    try {
      const { sendMouse } = await import('@web/test-runner-commands');
      const r = outside.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(r.left + 5), Math.round(r.top + 5)] });
      await waitUntil(() => openPanel(el) === null, 'closed by the outside click');
    } finally {
      outside.remove();
    }
  });

  it('the actions menu is a menu: menuitems, Arrow keys move between them', async () => {
    const el = await mountAt(1280, 800, 'en-US');
    const menu = await open(el, 'actions');
    expect(menu.getAttribute('role')).to.equal('menu');
    expect(trigger(el, 'actions').getAttribute('aria-haspopup')).to.equal('menu');
    expect(trigger(el, 'actions').getAttribute('aria-expanded')).to.equal('true');
    const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    expect(items.map((i) => i.textContent!.trim())).to.deep.equal(['Jump to date…', 'Expand all', 'Collapse all', 'Export CSV', 'Export JSON']);
    expect(shadow(el).activeElement === items[0], 'focus').to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    expect(shadow(el).activeElement === items[1], 'focus').to.equal(true);
    await sendKeys({ press: 'End' });
    expect(shadow(el).activeElement === items[4], 'focus').to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    expect(shadow(el).activeElement === items[0], 'wraps to the first').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(trigger(el, 'actions').getAttribute('aria-expanded')).to.equal('false');
    expect(shadow(el).querySelector('[part~="people-panel"]')!.getAttribute('role')).to.equal('dialog');
  });
});
