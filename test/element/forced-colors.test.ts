/**
 * Forced colours (Windows High Contrast and the like): the browser replaces author colours with the viewer's
 * system colours and drops box shadows and translucent fills. What the timeline draws with those alone (the
 * search-match ring, chip and icon fills, skeleton bars, the accent-filled new-events pill, checked categories)
 * needs a border or outline of its own there. Measured in real forced colours: the DevTools protocol's
 * `forced-colors: active` (the `emulate-forced-colors` command of web-test-runner.config.mjs).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { ClientTimeline } from '../../src/client-timeline.js';
import { backgroundOf, contrast, over, parseColor, type RGBA } from '../support/contrast.js';
import { articles, mount, rendered, scroller, settle, shadow } from '../support/fixture.js';
import { makeEvent, makeEvents, NOW, ScriptedAdapter } from '../support/events.js';
import { showcaseEvents } from '../support/showcase.js';

const forcedColors = (active: boolean) => executeServerCommand('emulate-forced-colors', { active });

function parentOf(el: Element): Element {
  if (el.parentElement) return el.parentElement;
  return (el.getRootNode() as ShadowRoot).host;
}

/** What `el` paints on its top edge: its border if it has one, else its outline. */
function edgeColor(el: Element): RGBA | null {
  const style = getComputedStyle(el);
  if (style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0) return parseColor(style.borderTopColor);
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return parseColor(style.outlineColor);
  return null;
}

/**
 * How well `el`'s shape stands out from what is around it (WCAG 1.4.11 asks 3:1 of a control's boundary): by its
 * border or outline, or by its own fill against the surface under it, whichever shows more.
 */
function shapeContrast(el: Element): number {
  const around = backgroundOf(parentOf(el));
  const edge = edgeColor(el);
  const byEdge = edge ? contrast(over(edge, around), around) : 1;
  return Math.max(byEdge, contrast(backgroundOf(el), around));
}

const expectShape = (el: Element | null | undefined, what: string) => {
  expect(el, what).to.exist;
  expect(shapeContrast(el!), `${what}: boundary against its surroundings in forced colours`).to.be.at.least(3);
};

/** A system colour as the browser resolves it in the current forced palette. */
function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

/** A ScriptedAdapter that can push events live (for the new-events pill). */
class PushAdapter extends ScriptedAdapter {
  private listeners: ((events: unknown[]) => void)[] = [];
  subscribe(_clientId: string, onEvents: (events: unknown[]) => void): () => void {
    this.listeners.push(onEvents);
    return () => (this.listeners = this.listeners.filter((l) => l !== onEvents));
  }
  push(events: unknown[]): void {
    for (const listener of this.listeners) listener(events);
  }
}

describe('forced colours', () => {
  before(async () => {
    await forcedColors(true);
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
  });
  // The browser's page is reused by the next test file.
  after(async () => {
    await forcedColors(false);
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours off again').to.equal(false);
  });

  async function showcase(): Promise<ClientTimeline> {
    const el = await mount({ adapter: new ScriptedAdapter(showcaseEvents()), height: 900 });
    await rendered(el, 8);
    return el;
  }

  it('outlines search matches, whose box-shadow ring forced colours drop', async () => {
    const el = await showcase();
    el.q = 'showcase';
    await settle(el);
    await waitUntil(() => shadow(el).querySelector('mark.match'), 'a highlighted match');
    const mark = shadow(el).querySelector<HTMLElement>('mark.match')!;
    const style = getComputedStyle(mark);
    expect(style.boxShadow, 'forced colours drop the ring drawn as a box-shadow').to.equal('none');
    expect(style.outlineStyle).to.not.equal('none');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(1);
    expectShape(mark, 'search match');
  });

  it('draws focus rings on a focused row and on buttons', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(5)) });
    const [row] = await rendered(el, 3);
    row.focus();
    await sendKeys({ press: 'Shift' });
    expect(row.matches(':focus-visible'), 'keyboard focus on the row').to.equal(true);
    for (const target of [row, row.querySelector<HTMLButtonElement>('[part="toggle"]')!]) {
      target.focus();
      await sendKeys({ press: 'Shift' });
      const style = getComputedStyle(target);
      expect(style.outlineStyle, target.className).to.equal('solid');
      expect(parseFloat(style.outlineWidth), target.className).to.be.at.least(2);
      expect(style.outlineColor, `${target.className}: ring in the system's Highlight`).to.equal(systemColor('Highlight'));
      const ring = over(parseColor(style.outlineColor), backgroundOf(row));
      expect(contrast(ring, backgroundOf(row)), `${target.className}: focus ring against the row`).to.be.at.least(3);
    }
  });

  it('keeps status chips, tone labels, badges, type icons, initials and the detail box visible', async () => {
    const el = await showcase();
    const rows = articles(el);
    expectShape(shadow(el).querySelector('[part="status"]'), 'status chip');
    expectShape(shadow(el).querySelector('[part="tone"]'), 'tone label');
    expectShape(shadow(el).querySelector('[part="internal-badge"]'), 'internal badge');
    expectShape(rows[0].querySelector('[part="icon"]'), 'type icon');
    expectShape(shadow(el).querySelector('.avatar.initials'), 'initials avatar');
    rows[0].querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await settle(el);
    expectShape(shadow(el).querySelector('[part="detail"]'), 'expanded detail');
  });

  it('tells checked categories from unchecked ones, at the same size and with readable names', async () => {
    const el = await showcase();
    const categories = [...shadow(el).querySelectorAll<HTMLElement>('[part="category"]')];
    categories[1].querySelector('input')!.click();
    await settle(el);
    const checked = categories.find((c) => c.querySelector('input')!.checked)!;
    const unchecked = categories.find((c) => !c.querySelector('input')!.checked)!;
    const [a, b] = [getComputedStyle(checked), getComputedStyle(unchecked)];
    const around = backgroundOf(parentOf(checked));
    const edge = (style: CSSStyleDeclaration) => over(parseColor(style.borderTopColor), around);
    const widthApart = parseFloat(a.borderTopWidth) - parseFloat(b.borderTopWidth);
    const colourApart = contrast(edge(a), edge(b));
    const fillApart = contrast(backgroundOf(checked), backgroundOf(unchecked));
    expect(widthApart >= 1 || colourApart >= 3 || fillApart >= 3, `checked against unchecked: border ${a.borderTopWidth} ${a.borderTopColor} / ${b.borderTopWidth} ${b.borderTopColor}`).to.equal(true);
    expect(checked.getBoundingClientRect().height).to.equal(unchecked.getBoundingClientRect().height);
    const name = checked.querySelector('span')!;
    expect(contrast(over(parseColor(getComputedStyle(name).color), backgroundOf(name)), backgroundOf(name)), 'checked name').to.be.at.least(4.5);
  });

  it('draws the skeleton bars while loading', async () => {
    const adapter = new ScriptedAdapter(makeEvents(20));
    adapter.hold();
    const el = await mount({ adapter });
    try {
      await waitUntil(() => shadow(el).querySelector('.skeleton-row'), 'skeleton rows');
      expectShape(shadow(el).querySelector('.skeleton-row .lines span'), 'skeleton bar');
      expectShape(shadow(el).querySelector('.skeleton-row .icon'), 'skeleton icon');
    } finally {
      adapter.release();
    }
  });

  it('outlines the new-events pill, whose accent fill and shadow forced colours drop', async () => {
    const adapter = new PushAdapter(makeEvents(100));
    const el = await mount({ adapter, pageSize: 100 });
    await rendered(el, 5);
    scroller(el).scrollTop = 1234;
    await settle(el);
    adapter.push([makeEvent(1000, { id: 'new-1', occurredAt: new Date(NOW - 1000).toISOString(), title: 'Fresh' })]);
    await waitUntil(() => shadow(el).querySelector('[part="new-events"]'), 'pill shown');
    await settle(el);
    expectShape(shadow(el).querySelector('[part="new-events"]'), 'new-events pill');
  });
});
