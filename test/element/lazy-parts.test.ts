import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { styles } from '../../src/client-timeline.styles.js';
import { detailStyles } from '../../src/render/detail.styles.js';
import { filterBarStyles } from '../../src/render/filter-bar.styles.js';
import { panels } from '../../src/render/filter-bar.js';
import { panelStyles } from '../../src/render/filter-panels.styles.js';
import { recordsStyles } from '../../src/render/records.styles.js';
import { rowStyles } from '../../src/render/row.styles.js';
import { stateStyles } from '../../src/render/states.styles.js';
import { articles, mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvents, ScriptedAdapter } from '../support/events.js';

// Each test file runs in a fresh page: no element has fetched the filter bar panels' chunk when this file starts.
const panel = (el: HTMLElement, part: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${part}"]`)!;
const sheets = (el: HTMLElement) => el.shadowRoot!.adoptedStyleSheets;

describe('the lazily loaded filter bar panels', () => {
  it('a panel pressed before its chunk is there opens once its content is drawn, focus in it; Escape goes back to its button', async () => {
    // The browser is never idle meanwhile: nothing fetches the chunk before the press.
    const idle: IdleRequestCallback[] = [];
    const requestIdle = window.requestIdleCallback;
    window.requestIdleCallback = ((callback: IdleRequestCallback) => (idle.push(callback), 0)) as typeof requestIdleCallback;
    try {
      const el = await mount({ adapter: new ScriptedAdapter(makeEvents(12)) });
      await rendered(el, 3);
      expect(panels() === null, 'the chunk is not there yet').to.equal(true);
      const people = panel(el, 'people-panel');
      expect(people.childElementCount, 'the panel is drawn empty').to.equal(0);
      const button = panel(el, 'people');
      button.focus();
      button.click();
      expect(people.matches(':popover-open'), 'not opened empty').to.equal(false);
      await waitUntil(() => people.matches(':popover-open'), 'People opens once its chunk is there');
      expect(people.querySelectorAll('input[type="checkbox"]').length).to.equal(3);
      expect(people.contains(shadow(el).activeElement), 'focus moved into the panel').to.equal(true);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      // Its button closes it, as it does a panel it opened itself.
      const r = button.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
      await settle(el);
      expect(people.matches(':popover-open'), 'its button closes it').to.equal(false);
      // From now on the button opens it at once; Escape closes it and puts focus back on the button.
      button.focus();
      await sendKeys({ press: 'Enter' });
      expect(people.matches(':popover-open'), 'opens at once once the chunk is there').to.equal(true);
      await settle(el);
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(people.matches(':popover-open'), 'Escape closes it').to.equal(false);
      expect(shadow(el).activeElement === button, 'focus back on its button').to.equal(true);
    } finally {
      window.requestIdleCallback = requestIdle;
      for (const callback of idle) callback({ didTimeout: true, timeRemaining: () => 0 });
    }
  });

  it('its styles take their place in the cascade: right after the filter bar’s', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(6)) });
    await rendered(el, 3);
    const own = sheets(el);
    const at = (s: { styleSheet?: CSSStyleSheet }) => own.indexOf(s.styleSheet!);
    expect(at(panelStyles), 'adopted').to.be.above(-1);
    expect(at(panelStyles)).to.equal(at(filterBarStyles) + 1);
    expect(at(stateStyles)).to.be.above(at(panelStyles));
    const check = panel(el, 'actions');
    check.click();
    await settle(el);
    const form = shadow(el).querySelector<HTMLElement>('[part~="actions-menu"] [role="menuitem"]')!;
    form.click();
    await settle(el);
    expect(getComputedStyle(shadow(el).querySelector('.fb-jump')!).display).to.equal('flex');
  });
});

describe('the styles of the other lazily loaded parts', () => {
  it('the detail’s and the records’ come with their chunks, each at its place in the cascade, before they render', async () => {
    const events = makeEvents(6).map((e, i) => (i < 2 ? { ...e, status: 'Open', record: { id: `q${i}`, type: 'quote' } } : e));
    const el = await mount({ adapter: new ScriptedAdapter(events) });
    const rows = await rendered(el, 3);
    await waitUntil(() => shadow(el).querySelector('[part~="status-summary"]'), 'the status summary');
    const at = (s: { styleSheet?: CSSStyleSheet }) => sheets(el).indexOf(s.styleSheet!);
    expect(at(recordsStyles), 'records adopted').to.be.above(at(panelStyles));
    expect(at(stateStyles)).to.be.above(at(recordsStyles));
    expect(getComputedStyle(shadow(el).querySelector('.status-summary')!).borderBlockEndStyle).to.equal('solid');
    rows[0].querySelector<HTMLElement>('[part~="toggle"]')!.click();
    await waitUntil(() => articles(el)[0]?.querySelector('.facts, .body'), 'the detail');
    expect(at(detailStyles), 'detail adopted').to.equal(at(rowStyles) + 1);
    expect(at(filterBarStyles)).to.be.above(at(detailStyles));
    expect(sheets(el).length).to.equal(styles.length + 3);
  });
});
