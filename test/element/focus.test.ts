import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { TimelineFetchError } from '../../src/data/adapter.js';
import { en } from '../../src/i18n/messages.js';
import { articles, mount, rendered, settle, shadow } from '../support/fixture.js';
import { HangsAfter, makeEvents, ScriptedAdapter } from '../support/events.js';

const active = (el: ClientTimeline) => shadow(el).activeElement as HTMLElement | null;
const part = (el: ClientTimeline, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const search = (el: ClientTimeline) => shadow(el).querySelector<HTMLInputElement>('input[part~="search"]')!;

/** Focuses `button` and presses it, as a keyboard user does. */
async function press(el: ClientTimeline, button: HTMLElement): Promise<void> {
  button.focus();
  await sendKeys({ press: 'Enter' });
  await settle(el);
}

/** The open panel: a popover, or an open `details` menu's panel. */
const openPanel = (el: ClientTimeline) => shadow(el).querySelector<HTMLElement>(':popover-open') ?? shadow(el).querySelector<HTMLElement>('details[open] .fb-panel');

/** Opens the actions menu from its button (the summary of a `details`, in older markup). */
async function openActions(el: ClientTimeline): Promise<HTMLElement> {
  const actions = part(el, 'actions')!;
  await press(el, actions.matches('details') ? actions.querySelector('summary')! : actions);
  return openPanel(el)!;
}

const actionsButton = (el: ClientTimeline) => {
  const actions = part(el, 'actions')!;
  return actions.matches('details') ? actions.querySelector('summary')! : actions;
};

async function menuItem(el: ClientTimeline, text: string): Promise<void> {
  const menu = await openActions(el);
  const item = [...menu.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent!.trim() === text)!;
  await press(el, item);
}

/** Waits for focus to settle on something, or to be lost. */
async function focusSettled(el: ClientTimeline): Promise<void> {
  await settle(el);
  await new Promise((r) => setTimeout(r, 50));
  await settle(el);
}

describe('focus after actions: never dropped to the page', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const text of ['Expand all', 'Collapse all', 'Export CSV']) {
    it(`after ${text} from the actions menu, focus is on the menu's button`, async () => {
      const el = await mount({ adapter: new ScriptedAdapter(makeEvents(6)) });
      await rendered(el, 3);
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = () => undefined;
      try {
        await menuItem(el, text);
        await focusSettled(el);
      } finally {
        HTMLAnchorElement.prototype.click = original;
      }
      expect(document.activeElement === el, 'focus stays in the element').to.equal(true);
      expect(active(el) === actionsButton(el), 'focus').to.equal(true);
    });
  }

  it('after Jump to date, focus is on the first row of that day', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(60)), pageSize: 20 });
    await rendered(el, 3);
    const target = el.events.length ? makeEvents(60)[40] : null;
    const day = target!.occurredAt.slice(0, 10);
    const menu = await openActions(el);
    const item = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')].find((b) => b.textContent!.includes('Jump'));
    if (item) await press(el, item);
    const dialog = openPanel(el)!;
    const input = dialog.querySelector<HTMLInputElement>('input[type="date"]')!;
    input.value = day;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await press(el, dialog.querySelector<HTMLElement>('button[type="submit"]')!);
    await waitUntil(() => active(el)?.localName === 'article', 'focus on a row', { timeout: 5_000 });
    const row = active(el)!;
    expect(row.querySelector('time')!.getAttribute('datetime')!.slice(0, 10) <= day).to.equal(true);
  });

  it("after a chip's ×, focus is on the next chip's ×, then on the search box when none is left", async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(10)) });
    await rendered(el, 3);
    el.q = 'event';
    el.authors = ['Ana Rojas'];
    await settle(el);
    let removes = [...shadow(el).querySelectorAll<HTMLElement>('.fb-chip-remove')];
    expect(removes.length).to.equal(2);
    await press(el, removes[1]);
    await focusSettled(el);
    removes = [...shadow(el).querySelectorAll<HTMLElement>('.fb-chip-remove')];
    expect(removes.length).to.equal(1);
    expect(active(el) === removes[0], 'the remaining chip').to.equal(true);
    await press(el, removes[0]);
    await focusSettled(el);
    expect(active(el) === search(el), 'the search box').to.equal(true);
  });

  it('after Clear all, focus is on the search box', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(10)) });
    await rendered(el, 3);
    el.q = 'event';
    await settle(el);
    await press(el, part(el, 'clear-all')!);
    await focusSettled(el);
    expect(active(el) === search(el), 'focus').to.equal(true);
  });

  it('after Clear filters in the no-matches state, focus is on the search box', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(10)) });
    await rendered(el, 3);
    el.q = 'no event says this';
    await waitUntil(() => part(el, 'no-matches'), 'no matches');
    await press(el, part(el, 'no-matches')!.querySelector('button')!);
    await focusSettled(el);
    expect(part(el, 'no-matches') === null).to.equal(true);
    expect(active(el) === search(el), 'focus').to.equal(true);
  });

  it('after Retry succeeds, focus is on the first row', async () => {
    const adapter = new ScriptedAdapter(makeEvents(10));
    adapter.failNext = 1;
    adapter.failWith = () => new TimelineFetchError('HTTP 400 Bad Request', 400);
    const el = await mount({ adapter });
    await waitUntil(() => part(el, 'error-state'), 'error state');
    await press(el, part(el, 'error-state')!.querySelector('button[part~="retry"]')!);
    await waitUntil(() => active(el)?.localName === 'article', 'focus on the first row', { timeout: 5_000 });
    expect(active(el)!.getAttribute('aria-posinset')).to.equal('1');
  });
});

describe('keyboard in the feed', () => {
  it('Ctrl+End leaves the feed to the next focusable element of the page when nothing follows it inside', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><button id="before">before</button><div id="slot"></div><button id="after">after</button></div>`);
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(10)) });
    wrapper.querySelector('#slot')!.append(el);
    await rendered(el, 3);
    articles(el)[0].focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'End' });
    await sendKeys({ up: 'Control' });
    expect(document.activeElement === wrapper.querySelector('#after'), `focus on ${document.activeElement?.localName}#${document.activeElement?.id}`).to.equal(true);
  });

  it('Enter and Space on a focused article expand and collapse it', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(10)) });
    await rendered(el, 3);
    const article = articles(el)[0];
    article.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(article.querySelector('[part~="toggle"]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(active(el) === article, 'focus stays on the article').to.equal(true);
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(article.querySelector('[part~="toggle"]')!.getAttribute('aria-expanded')).to.equal('false');
  });
});

describe('errors: said once, in words, with the details behind a disclosure', () => {
  const speaking = (el: ClientTimeline, text: string) =>
    [...shadow(el).querySelectorAll('[role="alert"], [role="status"], [aria-live]')].filter((r) => r.textContent!.includes(text));

  it('a failed first page is announced once', async () => {
    const adapter = new ScriptedAdapter(makeEvents(10));
    adapter.failNext = 1;
    const el = await mount({ adapter });
    await waitUntil(() => part(el, 'error-state'), 'error state');
    await settle(el);
    expect(speaking(el, en.loadFailed).length).to.equal(1);
  });

  it('a failed older page is announced once', async () => {
    const adapter = new ScriptedAdapter(makeEvents(30));
    adapter.failOn = (q) => q.cursor !== null;
    const el = await mount({ adapter, pageSize: 10 });
    await waitUntil(() => part(el, 'status-bar'), 'status bar');
    await settle(el);
    expect(speaking(el, en.loadMoreFailed).length).to.equal(1);
  });

  it('a timeout reads "The server is not answering"; the technical message sits behind Details and in timeline-error', async () => {
    const el = await mount({ adapter: new HangsAfter(makeEvents(10), 0) });
    el.timeout = 0.2;
    const reported = oneEvent(el, 'timeline-error');
    el.clientId = 'c2';
    const { detail } = await reported;
    await waitUntil(() => part(el, 'error-state'), 'error state');
    const state = part(el, 'error-state')!;
    expect(state.innerText).to.contain("Couldn't load activity.");
    expect(state.innerText).to.contain('The server is not answering.');
    const details = state.querySelector<HTMLDetailsElement>('details[part~="error-details"]')!;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent!.trim()).to.equal('Details');
    expect(details.textContent).to.contain(detail.message);
    expect(state.innerText, 'the technical message is not on show').not.to.contain(detail.message);
  });

  it('HTTP errors are told apart: no access, unknown client, server trouble', async () => {
    const cases: [number, string][] = [
      [403, "You don't have access to this activity."],
      [404, "The server doesn't know this client."],
      [500, 'The server ran into a problem.'],
    ];
    for (const [status, words] of cases) {
      const adapter = new ScriptedAdapter(makeEvents(3));
      adapter.failNext = 1;
      adapter.failWith = () => new TimelineFetchError(`/api answered HTTP ${status}`, status);
      const el = await mount({ adapter });
      await waitUntil(() => part(el, 'error-state'), `error state for ${status}`);
      expect(part(el, 'error-state')!.innerText, `HTTP ${status}`).to.contain(words);
      el.remove();
    }
  });
});

describe('host content and labels', () => {
  it('the empty and error states show the host content of slot="empty" and slot="error"', async () => {
    const el = await mount({ adapter: new ScriptedAdapter([]) });
    const empty = document.createElement('p');
    empty.slot = 'empty';
    empty.textContent = 'Created today: link the mailbox to see emails.';
    el.append(empty);
    await waitUntil(() => part(el, 'empty-state'), 'empty state');
    const slot = part(el, 'empty-state')!.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
    expect(slot.assignedElements()[0] === empty, 'slotted').to.equal(true);
    expect(empty.checkVisibility()).to.equal(true);
    expect(part(el, 'empty-state')!.innerText).not.to.contain(en.empty);

    const adapter = new ScriptedAdapter(makeEvents(3));
    adapter.failNext = 1;
    const failing = await mount({ adapter });
    const error = document.createElement('p');
    error.slot = 'error';
    error.textContent = 'The CRM is down for maintenance until 10:00.';
    failing.append(error);
    await waitUntil(() => part(failing, 'error-state'), 'error state');
    expect(part(failing, 'error-state')!.querySelector<HTMLSlotElement>('slot[name="error"]')!.assignedElements()[0] === error, 'slotted').to.equal(true);
    expect(part(failing, 'error-state')!.querySelector('[part~="retry"]'), 'Retry stays').to.exist;
  });

  it('the search box and the date select have visible labels that stay while typing', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(3)) });
    await rendered(el, 1);
    for (const control of [search(el), part(el, 'date-range') as HTMLSelectElement]) {
      const label = control.labels?.[0];
      expect(label, `${control.localName} has a label`).to.exist;
      const words = [...label!.querySelectorAll<HTMLElement>('.fb-label')].map((s) => s.innerText.trim()).join('');
      expect(words.length, `${control.localName}: visible label text`).to.be.above(2);
      expect(label!.querySelector('.fb-label')!.checkVisibility()).to.equal(true);
    }
    search(el).focus();
    await sendKeys({ type: 'call' });
    await settle(el);
    expect(search(el).labels![0].querySelector<HTMLElement>('.fb-label')!.checkVisibility(), 'still shown with text typed').to.equal(true);
  });
});
