import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { FilterController, type Loaded } from '../../src/controllers/filter.js';
import type { TimelineFilterChangeDetail } from '../../src/events.js';
import { localDate } from '../../src/i18n/format.js';
import { parseEvents } from '../../src/model/event.js';
import { mount, rendered, settle, shadow } from '../support/fixture.js';
import { makeEvents, NOW, ScriptedAdapter } from '../support/events.js';

const DAY = 86_400_000;

/** The element's filter properties, without the element. */
class FilterHost extends LitElement {
  types: string[] | null = null;
  authors: string[] = [];
  since: string | null = null;
  until: string | null = null;
  q = '';
  statuses: string[] = [];
  recordTypes: string[] = [];
  recordId: string | null = null;
  serverFilters = false;
  readonly filter = new FilterController(this, { serverFilters: () => this.serverFilters, now: () => NOW });
}
customElements.define('filter-controller-test-host', FilterHost);

/** 14 events: 4 emails, 4 calls (the only ones saying "call"), 2 deals, 2 tasks, 2 notes. */
const items = parseEvents(makeEvents(14)).items;
const ALL = { email: 4, call: 4, deal: 2, task: 2, note: 2 };
const loaded = (over: Partial<Loaded> = {}): Loaded => ({ items, clientId: 'c1', started: true, done: false, counts: null, ...over });

describe('FilterController', () => {
  let host: FilterHost;
  let changes: TimelineFilterChangeDetail[];
  beforeEach(() => {
    host = new FilterHost();
    changes = [];
    host.addEventListener('timeline-filter-change', (e) => changes.push(e.detail));
  });

  it('reads its state from the host\'s properties, and `sync()` reports a change once', () => {
    Object.assign(host, { types: ['email'], authors: ['Ana Rojas'], since: '2026-11-01', until: '', q: ' Call ' });
    expect(host.filter.state).to.deep.equal({ types: ['email'], authors: ['Ana Rojas'], since: '2026-11-01', until: null, q: ' Call ', statuses: [], recordTypes: [], record: null });
    expect(host.filter.active).to.equal(true);
    const { filter } = host;
    expect(filter.sync()).to.equal(true);
    expect(filter.sync()).to.equal(false);
    expect(filter.draft).to.equal(' Call ');
    expect(filter.pattern?.source).to.equal('Call');
    host.q = 'note';
    expect(filter.sync()).to.equal(true);
    expect(filter.sync()).to.equal(false);
    expect(filter.sync(true), 'a reset starts over').to.equal(true);
  });

  it('`visible()` gives the same array back for the same inputs, and filters only what the source does not', () => {
    const { filter } = host;
    expect(filter.visible(items)).to.equal(items);
    host.types = ['call'];
    const calls = filter.visible(items);
    expect(calls.map((i) => i.type)).to.deep.equal(['call.logged', 'call.failed', 'call.logged', 'call.failed']);
    expect(filter.visible(items)).to.equal(calls);
    expect(filter.visible([...items])).not.to.equal(calls);
    // A source that filters has applied the categories it could be sent, and the search.
    host.serverFilters = true;
    host.q = 'no such text';
    expect(filter.visible(items)).to.equal(items);
    // "Other" cannot be sent as type prefixes: the element keeps those itself.
    host.types = ['other'];
    expect(filter.visible(items)).to.deep.equal([]);
  });

  it('`counts()` of a source that filters: trusted under the filter they were sent for, whatever the categories', () => {
    host.serverFilters = true;
    host.q = 'proposal ';
    const sent = { clientId: 'c1', filter: { search: 'proposal' }, counts: { email: 7, deal: 9 } };
    expect(host.filter.counts(loaded({ counts: sent }))).to.deep.equal({ counts: sent.counts, partial: false });
    host.types = ['email'];
    expect(host.filter.counts(loaded({ counts: sent }))).to.deep.equal({ counts: sent.counts, partial: false });
    // Under another search, with categories left out, the loaded events are already narrowed to them: unknown.
    host.q = 'email';
    expect(host.filter.counts(loaded({ counts: sent }))).to.deep.equal({ counts: null, partial: false });
    // Without categories left out: counted over what is loaded (the source applied the search), partial until done.
    host.types = null;
    expect(host.filter.counts(loaded({ counts: sent }))).to.deep.equal({ counts: ALL, partial: true });
    expect(host.filter.counts(loaded({ counts: sent, done: true }))).to.deep.equal({ counts: ALL, partial: false });
    expect(host.filter.counts(loaded({ counts: { ...sent, filter: { search: 'email' } }, clientId: 'c2' })).counts).to.deep.equal(ALL);
  });

  it('`counts()` of a source that does not filter: trusted only with no filter but categories, else counted locally', () => {
    const sent = { clientId: 'c1', filter: {}, counts: { email: 70, call: 30 } };
    expect(host.filter.counts(loaded({ counts: sent }))).to.deep.equal({ counts: sent.counts, partial: false });
    host.types = ['call'];
    expect(host.filter.counts(loaded({ counts: sent }))).to.deep.equal({ counts: sent.counts, partial: false });
    expect(host.filter.counts(loaded({ counts: sent, clientId: 'c2' }))).to.deep.equal({ counts: ALL, partial: true });
    // Sent the search too, which such a source ignores: its counts are of the whole history.
    host.types = ['email'];
    host.q = 'call';
    const searched = { clientId: 'c1', filter: { search: 'call', categories: ['email'], types: ['email'] }, counts: { email: 70, call: 30 } };
    expect(host.filter.counts(loaded({ counts: searched }))).to.deep.equal({ counts: { call: 4 }, partial: true });
    expect(host.filter.counts(loaded({ counts: searched, started: false }))).to.deep.equal({ counts: null, partial: false });
  });

  it('`actions.input` runs the search once typing pauses, firing `timeline-filter-change` once', async () => {
    const started = performance.now();
    host.filter.actions.input('c');
    host.filter.actions.input('ca');
    host.filter.actions.input('call');
    expect(host.filter.draft).to.equal('call');
    expect(host.q).to.equal('');
    await waitUntil(() => changes.length > 0, 'the search ran');
    expect(performance.now() - started).to.be.at.least(240);
    expect(host.q).to.equal('call');
    expect(changes).to.deep.equal([{ types: null, authors: [], since: null, until: null, q: 'call', statuses: [], recordTypes: [], record: null }]);
    // The same search with a space more is no change.
    host.filter.actions.input('call ');
    await new Promise((r) => setTimeout(r, 400));
    expect(changes).to.have.length(1);
    expect(host.q).to.equal('call');
  });

  it('`datePreset` recognises the presets in `since` / `until`, and sets them', () => {
    const { filter } = host;
    expect(filter.datePreset).to.equal('any');
    host.since = localDate(NOW - 30 * DAY);
    expect(filter.datePreset).to.equal('30');
    host.since = '2026-01-01';
    expect(filter.datePreset).to.equal('year');
    host.since = localDate(NOW - 8 * DAY);
    expect(filter.datePreset).to.equal('custom');
    host.since = localDate(NOW - 7 * DAY);
    host.until = '2026-11-20';
    expect(filter.datePreset).to.equal('custom');
    filter.actions.setPreset('90');
    expect([host.since, host.until]).to.deep.equal([localDate(NOW - 90 * DAY), null]);
    expect(filter.datePreset).to.equal('90');
    filter.actions.setPreset('any');
    expect(filter.datePreset).to.equal('any');
    filter.actions.setPreset('custom');
    expect(filter.datePreset).to.equal('custom');
    expect(changes.map((c) => c.since)).to.deep.equal([localDate(NOW - 90 * DAY), null]);
  });
});

describe('<client-timeline> filter shortcut', () => {
  it('`/` focuses the search box, where `/` is then typed like any character', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(5)) });
    const [row] = await rendered(el, 1);
    row.focus();
    await sendKeys({ press: '/' });
    const search = shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(shadow(el).activeElement).to.equal(search);
    expect(search.value).to.equal('');
    await sendKeys({ type: 'a/b' });
    expect(search.value).to.equal('a/b');
  });

  it('keeps the search text in the box when the element is moved in the page', async () => {
    const el = await mount({ adapter: new ScriptedAdapter(makeEvents(20)) });
    await rendered(el, 1);
    el.q = 'call';
    await settle(el);
    const search = () => shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(search().value).to.equal('call');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    el.requestUpdate(); // any later update: a page, a scroll, the clock
    await settle(el);
    expect(el.q).to.equal('call');
    expect(search().value).to.equal('call');
  });
});
