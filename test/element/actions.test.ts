import { failOnUncaught } from '../support/no-uncaught.js';
import { expectNoViolations } from '../support/axe.js';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ClientTimeline } from '../../src/client-timeline.js';
import type { TimelineAction, TimelineActionDetail } from '../../src/events.js';
import type { TimelineItem } from '../../src/model/event.js';
import { articles, mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvents, ScriptedAdapter } from '../support/events.js';

failOnUncaught();

/** Emails: Reply, Log a call, Delete; notes: Edit, Delete; everything else: none. */
function actionsOf(event: TimelineItem): TimelineAction[] | null {
  if (event.type.startsWith('email.')) {
    return [
      { id: 'reply', label: 'Reply', icon: 'reply' },
      { id: 'log-call', label: 'Log a call', icon: 'phone' },
      { id: 'delete', label: 'Delete', danger: true },
    ];
  }
  if (event.type === 'note.added') return [{ id: 'edit', label: 'Edit', icon: 'pencil' }, { id: 'delete', label: 'Delete', danger: true }];
  return null;
}

async function mountWithActions(width = 1280, height = 800): Promise<ClientTimeline> {
  await setViewport({ width, height });
  const el = await mount({ adapter: new ScriptedAdapter(makeEvents(30)), height: Math.min(500, height - 40) });
  el.style.width = '100%';
  el.actions = actionsOf;
  await rendered(el, 5);
  return el;
}

const menu = (el: ClientTimeline) => shadow(el).querySelector<HTMLElement>('[part~="row-menu"]')!;
const isOpen = (el: ClientTimeline) => menu(el).matches(':popover-open');
const items = (el: ClientTimeline) => [...menu(el).querySelectorAll<HTMLElement>('[role="menuitem"]')];
const buttonOf = (el: ClientTimeline, id: string) => shadow(el).querySelector<HTMLElement>(`article[data-id="${id}"] [part~="row-actions"]`);
const active = (el: ClientTimeline) => shadow(el).activeElement as HTMLElement | null;

async function openWithKeyboard(el: ClientTimeline, id: string, key = 'Enter'): Promise<HTMLElement> {
  const button = buttonOf(el, id)!;
  button.focus();
  await sendKeys({ press: key });
  await waitUntil(() => isOpen(el), 'the row menu opened');
  await settle(el);
  return button;
}

describe('actions on events: a ⋯ button per row with actions, one row menu in the top layer', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('shows the ⋯ button only on rows whose event has actions, named after the event', async () => {
    const el = await mountWithActions();
    const rows = articles(el);
    expect(rows.length).to.be.above(5);
    for (const row of rows) {
      const type = row.dataset.type!;
      const has = type.startsWith('email.') || type === 'note.added';
      const button = row.querySelector<HTMLElement>('[part~="row-actions"]');
      expect(!!button, `${row.dataset.id} (${type}) has a ⋯ button`).to.equal(has);
      if (button) {
        const title = row.querySelector('[part~="title"]')!.textContent!.trim();
        expect(button.getAttribute('aria-label')).to.equal(`Actions for ${title}`);
        expect(button.getAttribute('aria-haspopup')).to.equal('menu');
      }
    }
    el.actions = null;
    await settle(el);
    expect(shadow(el).querySelectorAll('[part~="row-actions"]').length, 'none without actions').to.equal(0);
    expect(shadow(el).querySelector('[part~="row-menu"]') === null, 'no menu without actions').to.equal(true);
  });

  for (const [width, height] of [
    [1280, 800],
    [320, 640],
  ]) {
    it(`at ${width} px the menu is in the top layer and lies inside the viewport`, async () => {
      const el = await mountWithActions(width, height);
      const button = buttonOf(el, 'ev-0')!;
      button.click();
      await waitUntil(() => isOpen(el), 'opened');
      await settle(el);
      const panel = menu(el);
      expect(panel.hasAttribute('popover'), 'a popover').to.equal(true);
      const box = panel.getBoundingClientRect();
      expect(box.width).to.be.above(0);
      expect(box.left, 'left').to.be.at.least(0);
      expect(box.top, 'top').to.be.at.least(0);
      expect(box.right, 'right').to.be.at.most(document.documentElement.clientWidth);
      expect(box.bottom, 'bottom').to.be.at.most(document.documentElement.clientHeight);
      // Near its button, and nothing of the element or the page is drawn over it.
      const anchor = button.getBoundingClientRect();
      expect(Math.abs(box.top - anchor.bottom) < 40 || Math.abs(box.bottom - anchor.top) < 40, 'next to the ⋯ button').to.equal(true);
      for (const item of items(el)) {
        const r = item.getBoundingClientRect();
        const hit = shadow(el).elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        expect(!!hit && item.contains(hit), `"${item.textContent!.trim()}" is visible`).to.equal(true);
      }
    });
  }

  it('holds the row\'s actions in order as menuitems, the destructive one in the failed colour', async () => {
    const el = await mountWithActions();
    await openWithKeyboard(el, 'ev-0');
    expect(menu(el).getAttribute('role')).to.equal('menu');
    expect(menu(el).getAttribute('aria-label')).to.equal('Actions for email.sent #0');
    expect(items(el).map((i) => i.textContent!.trim())).to.deep.equal(['Reply', 'Log a call', 'Delete']);
    expect(items(el).map((i) => !!i.querySelector('svg'))).to.deep.equal([true, true, false]);
    const [reply, , del] = items(el);
    expect(getComputedStyle(del).color === getComputedStyle(reply).color, 'Delete is coloured apart').to.equal(false);
    expect(getComputedStyle(del).borderTopStyle).to.equal('solid');
    expect(buttonOf(el, 'ev-0')!.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    // Another row: its own actions.
    await openWithKeyboard(el, 'ev-4', ' ');
    expect(items(el).map((i) => i.textContent!.trim())).to.deep.equal(['Edit', 'Delete']);
    expect(menu(el).getAttribute('aria-label')).to.equal('Actions for note.added #4');
  });

  it('keyboard: Enter opens on the first item, Arrow keys, Home and End move, Escape returns focus to ⋯', async () => {
    const el = await mountWithActions();
    const button = await openWithKeyboard(el, 'ev-0');
    const list = items(el);
    expect(active(el) === list[0], 'focus on the first item').to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el) === list[1], 'ArrowDown').to.equal(true);
    await sendKeys({ press: 'End' });
    expect(active(el) === list[2], 'End').to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el) === list[0], 'wraps').to.equal(true);
    await sendKeys({ press: 'ArrowUp' });
    expect(active(el) === list[2], 'ArrowUp wraps').to.equal(true);
    await sendKeys({ press: 'Home' });
    expect(active(el) === list[0], 'Home').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(isOpen(el), 'closed').to.equal(false);
    expect(active(el) === button, 'focus back on ⋯').to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('choosing an item fires a cancelable timeline-action with { action, event }, closes the menu, focus on ⋯', async () => {
    const el = await mountWithActions();
    const seen: { detail: TimelineActionDetail; cancelable: boolean; bubbles: boolean; composed: boolean }[] = [];
    document.addEventListener('timeline-action', (e) => seen.push({ detail: e.detail, cancelable: e.cancelable, bubbles: e.bubbles, composed: e.composed }), { once: true });
    const button = await openWithKeyboard(el, 'ev-0');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(seen.length).to.equal(1);
    expect(seen[0].detail.action).to.equal('log-call');
    expect(seen[0].detail.event.id).to.equal('ev-0');
    expect([seen[0].cancelable, seen[0].bubbles, seen[0].composed]).to.deep.equal([true, true, true]);
    expect(isOpen(el), 'closed after choosing').to.equal(false);
    expect(active(el) === button, 'focus on the row\'s ⋯ button').to.equal(true);
    expect(el.events.length, 'the element changed nothing').to.equal(30);

    // Cancelled: the menu stays open.
    const stop = (e: Event) => e.preventDefault();
    el.addEventListener('timeline-action', stop);
    await openWithKeyboard(el, 'ev-4');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(isOpen(el), 'a cancelled action leaves the menu open').to.equal(true);
    el.removeEventListener('timeline-action', stop);
    await sendKeys({ press: 'Escape' });
  });

  it('an actions function that throws on an event leaves that row without ⋯ and the others working', async () => {
    const el = await mountWithActions();
    el.actions = (event) => {
      if (event.id === 'ev-0') throw new Error('host bug');
      return actionsOf(event);
    };
    await settle(el);
    expect(buttonOf(el, 'ev-0') === null, 'no ⋯ on the row that threw').to.equal(true);
    expect(buttonOf(el, 'ev-4') !== null, '⋯ on the others').to.equal(true);
  });

  it('the composer slot is shown under the filter bar, above the list', async () => {
    const el = await mountWithActions();
    const form = document.createElement('form');
    form.slot = 'composer';
    form.innerHTML = '<textarea aria-label="Note"></textarea><button type="button">Add note</button>';
    el.append(form);
    await settle(el);
    const bar = shadow(el).querySelector('[part~="filter-bar"]')!.getBoundingClientRect();
    const list = shadow(el).querySelector('[part~="list"]')!.getBoundingClientRect();
    const box = form.getBoundingClientRect();
    expect(box.height, 'shown').to.be.above(10);
    expect(box.top, 'under the filter bar').to.be.at.least(bar.bottom - 1);
    expect(box.bottom, 'above the list').to.be.at.most(list.top + 1);
    expect(form.assignedSlot?.name).to.equal('composer');
  });

  it('axe: no violations with the row menu open', async () => {
    const el = await mountWithActions();
    await openWithKeyboard(el, 'ev-0');
    await expectNoViolations(el, 'row menu open');
    expect(isOpen(el), 'still open').to.equal(true);
  });

  it("the menu takes the actions of the row that opened it and sits against that row's button", async () => {
    const el = await mountWithActions();
    buttonOf(el, 'ev-0')!.click();
    await waitUntil(() => isOpen(el), 'opened');
    expect(menu(el).dataset.opener).to.equal(buttonOf(el, 'ev-0')!.id);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    buttonOf(el, 'ev-7')!.click();
    await waitUntil(() => isOpen(el), 'opened for ev-7');
    await settle(el);
    expect(items(el).map((i) => i.textContent!.trim())).to.deep.equal(['Reply', 'Log a call', 'Delete']);
    expect(menu(el).getAttribute('aria-label')).to.equal('Actions for email.sent #7');
    const b = buttonOf(el, 'ev-7')!.getBoundingClientRect();
    const m = menu(el).getBoundingClientRect();
    expect(Math.abs(m.top - b.bottom) < 40 || Math.abs(m.bottom - b.top) < 40, 'against ev-7\'s button').to.equal(true);
  });
});
